#include "ui/session/AutosaveManager.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QLockFile>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QUndoStack>
#include <QUuid>

#include <algorithm>

#include "ui/session/BuildSession.h"
#include "core/io/BuildDocument.h"

namespace mlrig::ui {

namespace {
const QString kPrefix = QStringLiteral("session-");
}  // namespace

AutosaveManager::AutosaveManager(BuildSession* session, const QString& directory, QObject* parent)
    : QObject(parent), m_session(session), m_dir(directory)
{
    QDir().mkpath(m_dir);
    m_id = QStringLiteral("%1-%2").arg(QCoreApplication::applicationPid()).arg(
        QUuid::createUuid().toString(QUuid::Id128).left(12));
    m_lock = std::make_unique<QLockFile>(pathFor(m_id, QStringLiteral(".lock")));
    m_lock->setStaleLockTime(0);
    // A failure here is kept as problem() (the window asks for it once it exists) and the lock
    // is tried again before every write.
    ensureLocked();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] { writeNow(); });
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, [this] { writeNow(); });
    connect(m_session, &BuildSession::changed, this, &AutosaveManager::changed);
    connect(m_session->undoStack(), &QUndoStack::cleanChanged, this, [this](bool clean) {
        if (clean)
            clear();
        else
            changed();
    });
}

// Destroyed without a clean close (the window closes through clear()): the autosave, if any,
// stays for the next start, which finds the lock released and offers it.
AutosaveManager::~AutosaveManager() = default;

bool AutosaveEntry::originalIsRelative() const
{
    return !originalPath.isEmpty() && QFileInfo(originalPath).isRelative();
}

void AutosaveManager::setOriginal(const QString& path, const FileIdentity& identity)
{
    m_hasOriginal = !path.isEmpty();
    m_original = m_hasOriginal ? identity : FileIdentity{};
    if (m_hasOriginal && m_original.canonicalPath.isEmpty())
        m_original.canonicalPath = QFileInfo(path).absoluteFilePath();
}

QString AutosaveManager::problem() const
{
    if (!m_writeProblem.isEmpty() && !m_lockProblem.isEmpty())
        return m_writeProblem + (m_writeProblem.endsWith(QLatin1Char('.')) ? QStringLiteral(" ") : QStringLiteral(". ")) +
               m_lockProblem;
    return m_writeProblem.isEmpty() ? m_lockProblem : m_writeProblem;
}

bool AutosaveManager::ensureLocked()
{
    if (m_lock->isLocked())
        return true;
    const QString before = problem();
    QDir().mkpath(m_dir);  // a folder that could not be made at start may be possible now
    if (m_lock->tryLock(0)) {
        m_lockProblem.clear();
    } else {
        m_lockProblem = tr("The autosave folder %1 cannot be locked for this window, so another mlrig window could "
                           "take this window's autosave for a crash.")
                            .arg(QDir::toNativeSeparators(m_dir));
    }
    if (problem() != before)
        emit problemChanged(problem());
    return m_lock->isLocked();
}

void AutosaveManager::setWriteProblem(const QString& text)
{
    if (text == m_writeProblem)
        return;
    m_writeProblem = text;
    emit problemChanged(problem());
}

QString AutosaveManager::pathFor(const QString& id, const QString& suffix) const
{
    return QDir(m_dir).filePath(kPrefix + id + suffix);
}

QString AutosaveManager::buildPath() const
{
    return pathFor(m_id, QStringLiteral(".mlrig"));
}

void AutosaveManager::changed()
{
    if (m_session->undoStack()->isClean()) {
        clear();
        return;
    }
    // Debounced: each change restarts the countdown, but a build that keeps changing is still
    // written at least every three intervals.
    if (!m_timer.isActive())
        m_pendingSince.start();
    if (!m_timer.isActive() || m_pendingSince.elapsed() < 2 * static_cast<qint64>(m_intervalMs))
        m_timer.start(m_intervalMs);
}

bool AutosaveManager::writeNow()
{
    m_timer.stop();
    m_retry.stop();
    ensureLocked();
    if (m_session->undoStack()->isClean())
        return true;
    const auto fail = [this](const QString& reason) {
        const QString message = tr("Autosave failed: %1").arg(reason);
        if (!m_reportedFailure)
            emit failed(message);
        m_reportedFailure = true;
        setWriteProblem(message);
        // A full disk or a folder that comes back: try again without waiting for an edit.
        m_retry.start(6 * m_intervalMs);
        return false;
    };
    try {
        saveBuildFile(m_session->build(), QFile::encodeName(buildPath()).toStdString());
    } catch (const std::exception& e) {
        return fail(QString::fromUtf8(e.what()));
    }
    QJsonObject meta;
    meta[QStringLiteral("format")] = QStringLiteral("mlrig-autosave");
    meta[QStringLiteral("version")] = 1;
    // Absolute and canonical: a relative name would bind the build to whatever file of that name
    // sits in the working folder of the session that restores it.
    meta[QStringLiteral("original_path")] = m_hasOriginal ? m_original.canonicalPath : QString();
    if (m_hasOriginal && m_original.exists) {
        meta[QStringLiteral("original_device")] = QString::number(m_original.device);
        meta[QStringLiteral("original_inode")] = QString::number(m_original.inode);
        meta[QStringLiteral("original_sha256")] = QString::fromLatin1(m_original.sha256);
    }
    meta[QStringLiteral("build_name")] = QString::fromStdString(m_session->build().name);
    meta[QStringLiteral("saved_at")] = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    meta[QStringLiteral("pid")] = QCoreApplication::applicationPid();
    QSaveFile file(pathFor(m_id, QStringLiteral(".json")));
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(meta).toJson()) < 0 || !file.commit())
        return fail(file.errorString());
    m_reportedFailure = false;
    setWriteProblem(QString());
    emit autosaved(buildPath());
    return true;
}

void AutosaveManager::clear()
{
    m_timer.stop();
    m_retry.stop();
    m_reportedFailure = false;
    setWriteProblem(QString());  // nothing unsaved is left to protect
    QFile::remove(buildPath());
    QFile::remove(pathFor(m_id, QStringLiteral(".json")));
}

QList<AutosaveEntry> AutosaveManager::orphans()
{
    QList<AutosaveEntry> out;
    const QStringList locks = QDir(m_dir).entryList({kPrefix + QStringLiteral("*.lock")}, QDir::Files);
    const QStringList builds = QDir(m_dir).entryList({kPrefix + QStringLiteral("*.mlrig")}, QDir::Files);
    QStringList ids;
    for (const QString& name : locks + builds) {
        const QString id = QFileInfo(name).completeBaseName().mid(kPrefix.size());
        if (id != m_id && !ids.contains(id))
            ids << id;
    }
    for (const QString& id : ids) {
        if (m_orphanLocks.count(id))
            continue;
        auto lock = std::make_unique<QLockFile>(pathFor(id, QStringLiteral(".lock")));
        lock->setStaleLockTime(0);  // only a dead owner makes a lock stale, never its age
        if (!lock->tryLock(0))
            continue;  // its window is still running
        const QString build = pathFor(id, QStringLiteral(".mlrig"));
        if (!QFileInfo::exists(build)) {
            // Ended before its first autosave: nothing to offer, tidy up.
            QFile::remove(pathFor(id, QStringLiteral(".json")));
            continue;  // the lock file goes with `lock`
        }
        AutosaveEntry entry;
        entry.id = id;
        entry.buildPath = build;
        entry.savedAt = QFileInfo(build).lastModified();
        QFile metaFile(pathFor(id, QStringLiteral(".json")));
        if (metaFile.open(QIODevice::ReadOnly)) {
            const QJsonObject meta = QJsonDocument::fromJson(metaFile.readAll()).object();
            entry.originalPath = meta.value(QStringLiteral("original_path")).toString();
            // Numbers as strings: a JSON double cannot hold every 64-bit inode.
            bool devOk = false, inodeOk = false;
            entry.originalDevice = meta.value(QStringLiteral("original_device")).toString().toULongLong(&devOk);
            entry.originalInode = meta.value(QStringLiteral("original_inode")).toString().toULongLong(&inodeOk);
            entry.originalSha256 = meta.value(QStringLiteral("original_sha256")).toString().toLatin1();
            entry.hasIdentity = devOk && inodeOk && !entry.originalSha256.isEmpty();
            entry.buildName = meta.value(QStringLiteral("build_name")).toString();
            const QDateTime saved = QDateTime::fromString(meta.value(QStringLiteral("saved_at")).toString(), Qt::ISODateWithMs);
            if (saved.isValid())
                entry.savedAt = saved.toLocalTime();
        }
        m_orphanLocks[id] = std::move(lock);
        out << entry;
    }
    std::sort(out.begin(), out.end(), [](const AutosaveEntry& a, const AutosaveEntry& b) { return a.savedAt > b.savedAt; });
    return out;
}

void AutosaveManager::discardOrphan(const AutosaveEntry& entry)
{
    QFile::remove(pathFor(entry.id, QStringLiteral(".mlrig")));
    QFile::remove(pathFor(entry.id, QStringLiteral(".json")));
    m_orphanLocks.erase(entry.id);  // unlocking removes the lock file
}

void AutosaveManager::releaseOrphan(const AutosaveEntry& entry)
{
    m_orphanLocks.erase(entry.id);
}

QMessageBox* createRecoveryMessageBox(const AutosaveEntry& entry, QWidget* parent)
{
    const QString file = entry.originalPath.isEmpty() ? QObject::tr("an untitled build")
                                                      : QFileInfo(entry.originalPath).fileName();
    const QString name = entry.buildName.isEmpty() ? QString() : QStringLiteral(" (“%1”)").arg(entry.buildName.left(80));
    auto* box = new QMessageBox(parent);
    box->setIcon(QMessageBox::Question);
    box->setWindowTitle(QObject::tr("Restore unsaved build?"));
    box->setTextFormat(Qt::PlainText);  // file and build names are shown as typed, never as markup
    box->setText(QObject::tr("mlrig did not close normally last time. Unsaved changes to %1%2 were kept "
                             "automatically on %3.")
                     .arg(file, name, QLocale().toString(entry.savedAt, QLocale::LongFormat)));
    // Rich text made from escaped plain text: a file named "<i>x" is shown as typed.
    QString info;
    if (entry.originalPath.isEmpty())
        info = QObject::tr("Restore opens them as an unsaved build. Discard deletes the automatic copy.");
    else if (entry.originalIsRelative())
        // An autosave from before paths were recorded whole: "build.mlrig" could be any folder's.
        info = QObject::tr("The automatic copy names its file only as “%1”, without a folder, so Restore opens it "
                           "as an untitled build; use Save As to choose where it goes. Discard deletes the automatic "
                           "copy.")
                   .arg(entry.originalPath);
    else
        info = QObject::tr("Restore opens them as unsaved changes to %1 if that is still the same file (otherwise as "
                           "an untitled build); the file itself was not changed. Discard deletes the automatic copy.")
                   .arg(QDir::toNativeSeparators(entry.originalPath));
    box->setInformativeText(QStringLiteral("<p>%1</p>").arg(info.toHtmlEscaped()));
    QPushButton* restore = box->addButton(QObject::tr("&Restore"), QMessageBox::AcceptRole);
    restore->setObjectName(QStringLiteral("restoreButton"));
    box->addButton(QObject::tr("&Discard"), QMessageBox::DestructiveRole)->setObjectName(QStringLiteral("discardButton"));
    QPushButton* later = box->addButton(QObject::tr("&Not Now"), QMessageBox::RejectRole);
    later->setObjectName(QStringLiteral("laterButton"));
    box->setDefaultButton(restore);
    box->setEscapeButton(later);
    return box;
}

RecoveryChoice askRecovery(const AutosaveEntry& entry, QWidget* parent)
{
    std::unique_ptr<QMessageBox> box(createRecoveryMessageBox(entry, parent));
    box->exec();
    const QString clicked = box->clickedButton() ? box->clickedButton()->objectName() : QString();
    if (clicked == QStringLiteral("restoreButton"))
        return RecoveryChoice::Restore;
    if (clicked == QStringLiteral("discardButton"))
        return RecoveryChoice::Discard;
    return RecoveryChoice::Later;
}

}  // namespace mlrig::ui
