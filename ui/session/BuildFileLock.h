#pragma once

// The lock a window holds on the build it has open, so a second mlrig window opening the same
// file is told "this build is open in another mlrig window" (as LibreOffice does). The lock is a
// hidden file next to the build, named like LibreOffice's: ".~lock.<file name>#" (sync clients
// such as Nextcloud already leave ".~lock.*" files out). It is a QLockFile: the owner's pid, the
// application name and the host name; a lock whose process is gone (a crash, a kill) is stale and
// taken over, never one merely because of its age. A folder where no lock can be created (read
// only, a full disk) does not stop the build from opening: the window says so.

#include <QCoreApplication>
#include <QString>

#include <memory>

class QLockFile;

namespace mlrig::ui {

class BuildFileLock {
    // Not a QObject, but its errors are shown to the user; the context is spelled in full so that
    // lupdate and tr() agree on "mlrig::ui::BuildFileLock".
    Q_DECLARE_TR_FUNCTIONS(mlrig::ui::BuildFileLock)

public:
    enum class Result { Locked, HeldByOther, Unavailable };
    struct Owner {
        qint64 pid = 0;  // 0 when the lock file could not be read
        QString host;
        QString application;
    };

    explicit BuildFileLock(const QString& buildPath);
    ~BuildFileLock();
    BuildFileLock(const BuildFileLock&) = delete;
    BuildFileLock& operator=(const BuildFileLock&) = delete;

    // ".~lock.NAME#" in the folder of the build's canonical path (so a symlink and its target,
    // or a relative and an absolute spelling, share one lock).
    static QString lockPathFor(const QString& buildPath);

    Result tryLock();
    bool isLocked() const;
    void unlock();

    QString lockPath() const { return m_lockPath; }
    Owner owner() const { return m_owner; }     // after HeldByOther
    QString error() const { return m_error; }   // after Unavailable: why, for the user

private:
    QString m_lockPath;
    std::unique_ptr<QLockFile> m_lock;
    Owner m_owner;
    QString m_error;
};

}  // namespace mlrig::ui
