#include "ui/session/BuildFileLock.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLockFile>

namespace mlrig::ui {

QString BuildFileLock::lockPathFor(const QString& buildPath)
{
    const QFileInfo info(buildPath);
    const QString canonical = info.exists() ? info.canonicalFilePath() : info.absoluteFilePath();
    const QFileInfo target(canonical);
    return QDir(target.absolutePath()).filePath(QStringLiteral(".~lock.%1#").arg(target.fileName()));
}

BuildFileLock::BuildFileLock(const QString& buildPath)
    : m_lockPath(lockPathFor(buildPath)), m_lock(std::make_unique<QLockFile>(m_lockPath))
{
    // Only a dead owner makes a lock stale: a build may stay open for days.
    m_lock->setStaleLockTime(0);
}

BuildFileLock::~BuildFileLock() = default;

BuildFileLock::Result BuildFileLock::tryLock()
{
    if (m_lock->isLocked())
        return Result::Locked;
    m_owner = {};
    m_error.clear();
    // tryLock() removes a stale lock (its process is gone) and takes it.
    if (m_lock->tryLock(0))
        return Result::Locked;
    switch (m_lock->error()) {
    case QLockFile::LockFailedError:
        if (!QFileInfo(m_lockPath).isFile()) {
            // A folder (or anything but a file) by that name: no window's lock, and no lock possible.
            m_error = tr("%1 is in the way and is not a lock file")
                          .arg(QDir::toNativeSeparators(m_lockPath));
            return Result::Unavailable;
        }
        if (!m_lock->getLockInfo(&m_owner.pid, &m_owner.host, &m_owner.application))
            m_owner = {};
        return Result::HeldByOther;
    case QLockFile::PermissionError:
        m_error = tr("the folder %1 does not allow mlrig to create %2 there")
                      .arg(QDir::toNativeSeparators(QFileInfo(m_lockPath).absolutePath()), QFileInfo(m_lockPath).fileName());
        return Result::Unavailable;
    case QLockFile::NoError:
    case QLockFile::UnknownError:
        break;
    }
    m_error = tr("%1 could not be created").arg(QDir::toNativeSeparators(m_lockPath));
    return Result::Unavailable;
}

bool BuildFileLock::isLocked() const
{
    return m_lock->isLocked();
}

void BuildFileLock::unlock()
{
    m_lock->unlock();
}

}  // namespace mlrig::ui
