#include "ui/session/DocumentController.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QLocale>
#include <QSettings>
#include <QTimer>
#include <QUndoStack>

#include "core/catalog/UserDatabaseStore.h"
#include "core/io/BuildDocument.h"
#include "ui/session/BuildSession.h"

namespace mlrig::ui {

namespace {
const QString kRecentKey = QStringLiteral("recentFiles");
}  // namespace

DocumentController::DocumentController(const Catalog& catalog, const QString& autosaveDirectory, QObject* parent)
    : QObject(parent), m_catalog(catalog)
{
    m_session = new BuildSession(catalog, this);
    m_autosave = new AutosaveManager(m_session, autosaveDirectory, this);
    connect(m_session, &BuildSession::priceEntered, this, &DocumentController::rememberPrice);
    m_watcher = new QFileSystemWatcher(this);
    m_diskCheck = new QTimer(this);
    m_diskCheck->setSingleShot(true);
    m_diskCheck->setInterval(150);
    connect(m_diskCheck, &QTimer::timeout, this, &DocumentController::checkDisk);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, m_diskCheck, qOverload<>(&QTimer::start));
    // The folder too: an editor or an atomic save replaces the file, and the watch on the old
    // file ends with it; the folder's change is the cue to watch the new one.
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, m_diskCheck, qOverload<>(&QTimer::start));
}

DocumentController::~DocumentController()
{
    delete m_autosave;  // before the session it watches (children die in creation order)
    m_autosave = nullptr;
}

bool DocumentController::isModified() const
{
    return !m_session->undoStack()->isClean();
}

bool DocumentController::isBlank() const
{
    const Build& open = m_session->build();
    return m_file.isEmpty() && open.items.empty() && !open.workload;
}

bool DocumentController::sameAsCurrentFile(const QString& absolutePath) const
{
    // Compared through the lock name, which resolves symlinks: "rig.mlrig" and a link to it are
    // one file.
    return !m_file.isEmpty() &&
           (absolutePath == m_file || BuildFileLock::lockPathFor(absolutePath) == BuildFileLock::lockPathFor(m_file));
}

QString DocumentController::lockedByOtherText(const QString& path, const BuildFileLock::Owner& owner) const
{
    const QString who = owner.pid > 0
                            ? tr("process %1 on %2").arg(owner.pid).arg(owner.host.isEmpty() ? tr("an unknown host") : owner.host)
                            : tr("a process mlrig could not identify");
    return tr("%1 is open in another mlrig window (%2).").arg(QDir::toNativeSeparators(path), who);
}

void DocumentController::bindFile(const QString& path, const FileIdentity& disk, std::unique_ptr<BuildFileLock> lock,
                                  bool readOnly, const QString& lockProblem)
{
    m_file = path;
    m_disk = disk;
    m_lock = std::move(lock);  // releases the previous file's lock, unless it is the same object
    m_readOnly = readOnly;
    m_autosave->setOriginal(m_file, m_disk);
    setLockProblem(lockProblem);
    clearExternalChange();
    watchCurrentFile();
    emit currentFileChanged(m_file);
}

void DocumentController::setLockProblem(const QString& problem)
{
    if (problem == m_lockProblem)
        return;
    m_lockProblem = problem;
    emit lockProblemChanged(m_lockProblem);
}

void DocumentController::newBuild()
{
    m_session->reset(Build{});
    bindFile(QString(), FileIdentity{}, nullptr, false, QString());
}

DocumentController::OpenResult DocumentController::open(const QString& path, OpenMode mode)
{
    const QString abs = QFileInfo(path).absoluteFilePath();
    // The identity before the read: if the file changes while it is being read, the next save
    // finds a difference and asks, rather than missing one.
    const FileIdentity disk = FileIdentity::of(abs);
    Build build;
    try {
        build = loadBuildFile(QFile::encodeName(abs).toStdString(), &m_catalog);
    } catch (const std::exception& e) {
        emit errorOccurred(tr("Could not open %1").arg(QFileInfo(path).fileName()),
                           tr("%1\n\nThe current build was left as it was.").arg(QString::fromUtf8(e.what())));
        return OpenResult::Failed;
    }
    std::unique_ptr<BuildFileLock> lock;
    QString lockProblem;
    if (mode == OpenMode::Normal) {
        if (m_lock && m_lock->isLocked() && sameAsCurrentFile(abs)) {
            lock = std::move(m_lock);  // reopening the file this window already holds
        } else {
            lock = std::make_unique<BuildFileLock>(abs);
            switch (lock->tryLock()) {
            case BuildFileLock::Result::Locked: break;
            case BuildFileLock::Result::HeldByOther:
                m_lockOwner = lock->owner();
                return OpenResult::LockedByOther;
            case BuildFileLock::Result::Unavailable:
                lockProblem = tr("No lock file could be created for %1 (%2), so another mlrig window that opens it "
                                 "will not be warned that it is open here.")
                                  .arg(QFileInfo(abs).fileName(), lock->error());
                lock.reset();
                break;
            }
        }
    }
    m_session->reset(build);
    bindFile(abs, disk, std::move(lock), mode == OpenMode::ReadOnly, lockProblem);
    addRecent(abs);
    emit statusMessage(mode == OpenMode::ReadOnly ? tr("Opened %1 read-only").arg(abs) : tr("Opened %1").arg(abs), 5000);
    return OpenResult::Opened;
}

bool DocumentController::reload()
{
    if (m_file.isEmpty())
        return false;
    const OpenMode mode = m_readOnly ? OpenMode::ReadOnly : (m_lock ? OpenMode::Normal : OpenMode::IgnoreLock);
    return open(m_file, mode) == OpenResult::Opened;
}

DocumentController::SaveResult DocumentController::save(const QString& path, bool overwriteChangesOnDisk)
{
    const QString abs = QFileInfo(path).absoluteFilePath();
    const QString name = QFileInfo(abs).fileName();
    const bool sameFile = sameAsCurrentFile(abs);
    if (sameFile && m_readOnly) {
        emit errorOccurred(tr("Could not save %1").arg(name),
                           tr("%1 was opened read-only because another mlrig window has it open. Your changes are "
                              "still open here; use File > Save As to save them under another name.")
                               .arg(QDir::toNativeSeparators(abs)));
        return SaveResult::Failed;
    }
    std::unique_ptr<BuildFileLock> lock;
    QString lockProblem = m_lockProblem;
    if (!sameFile) {
        lock = std::make_unique<BuildFileLock>(abs);
        switch (lock->tryLock()) {
        case BuildFileLock::Result::Locked: lockProblem.clear(); break;
        case BuildFileLock::Result::HeldByOther:
            emit errorOccurred(tr("Could not save %1").arg(name),
                               tr("%1\n\nSaving here would replace the build that window is editing. Save it from "
                                  "that window, or choose another name. Your changes are still open here.")
                                   .arg(lockedByOtherText(abs, lock->owner())));
            return SaveResult::Failed;
        case BuildFileLock::Result::Unavailable:
            lockProblem = tr("No lock file could be created for %1 (%2), so another mlrig window that opens it "
                             "will not be warned that it is open here.")
                              .arg(name, lock->error());
            lock.reset();
            break;
        }
    } else if (!overwriteChangesOnDisk) {
        // Read it again: another window or program may have saved it since. A file that is gone
        // has nothing to lose; one that differs from what this build was loaded from does.
        const QFileInfo now(abs);
        if (now.exists() && FileIdentity::hashOf(abs) != m_disk.sha256)
            return SaveResult::ChangedOnDisk;
    }
    try {
        saveBuildFile(m_session->build(), QFile::encodeName(abs).toStdString(), {.keepBackup = m_keepBackup});
    } catch (const std::exception& e) {
        // saveBuildFile() is atomic: a failed save leaves the previous file as it was.
        emit errorOccurred(tr("Could not save %1").arg(name),
                           tr("%1\n\nNothing was lost: %2 was not changed, and your changes are still open and "
                              "kept by autosave. Try File > Save As to save them somewhere else.")
                               .arg(QString::fromUtf8(e.what()),
                                    QFileInfo::exists(abs) ? name : tr("the folder")));
        return SaveResult::Failed;  // `lock` (a new file's) is released with it
    }
    // What is on disk now is what this build was saved as: the baseline for the next check.
    const FileIdentity disk = FileIdentity::of(abs);
    if (sameFile)
        bindFile(abs, disk, std::move(m_lock), false, lockProblem);
    else
        bindFile(abs, disk, std::move(lock), false, lockProblem);
    m_session->undoStack()->setClean();  // removes the autosave
    addRecent(abs);
    emit statusMessage(tr("Saved %1").arg(abs), 5000);
    return SaveResult::Saved;
}

bool DocumentController::saveTo(const QString& path)
{
    const SaveResult result = save(path);
    if (result == SaveResult::ChangedOnDisk) {
        emit errorOccurred(tr("Could not save %1").arg(QFileInfo(path).fileName()),
                           tr("%1 was changed on disk since it was opened or saved here (by another program or "
                              "mlrig window), so it was not overwritten. Your changes are still open here.")
                               .arg(QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath())));
    }
    return result == SaveResult::Saved;
}

void DocumentController::closeCleanly()
{
    m_autosave->clear();
    m_lock.reset();
    m_watcher->removePaths(m_watcher->files() + m_watcher->directories());
}

void DocumentController::watchCurrentFile()
{
    const QStringList watched = m_watcher->files() + m_watcher->directories();
    if (!watched.isEmpty())
        m_watcher->removePaths(watched);
    m_diskCheck->stop();
    if (m_file.isEmpty())
        return;
    if (QFileInfo::exists(m_file))
        m_watcher->addPath(m_file);
    m_watcher->addPath(QFileInfo(m_file).absolutePath());
}

void DocumentController::checkDisk()
{
    if (m_file.isEmpty())
        return;
    const QFileInfo info(m_file);
    // Replaced files lose their watch: watch whatever is at the path now.
    if (info.exists() && !m_watcher->files().contains(m_file))
        m_watcher->addPath(m_file);
    const bool exists = info.isFile();
    const QByteArray now = exists ? FileIdentity::hashOf(m_file) : QByteArray("-");
    if (exists ? now == m_disk.sha256 : !m_disk.exists) {
        clearExternalChange();  // as it was (an own save, a touch, a change undone)
        return;
    }
    if (now == m_reportedChange)
        return;  // asked once per content
    m_reportedChange = now;
    emit externalChange(m_file, !exists);
}

void DocumentController::clearExternalChange()
{
    if (m_reportedChange.isEmpty())
        return;
    m_reportedChange.clear();
    emit externalChangeCleared();
}

QStringList DocumentController::recentFiles() const
{
    return QSettings().value(kRecentKey).toStringList();
}

void DocumentController::addRecent(const QString& path)
{
    QSettings settings;
    QStringList recent = settings.value(kRecentKey).toStringList();
    const QString abs = QFileInfo(path).absoluteFilePath();
    recent.removeAll(abs);
    recent.prepend(abs);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    settings.setValue(kRecentKey, recent);
    emit recentFilesChanged();
}

std::optional<AutosaveEntry> DocumentController::takeRecoveryCandidate()
{
    QList<AutosaveEntry> found = m_autosave->orphans();
    if (found.isEmpty())
        return std::nullopt;
    // One build per window: the newest is offered, older ones wait for the next start.
    const AutosaveEntry entry = found.takeFirst();
    for (const AutosaveEntry& older : found)
        m_autosave->releaseOrphan(older);
    return entry;
}

bool DocumentController::resolveRecovery(const AutosaveEntry& entry, RecoveryChoice choice)
{
    switch (choice) {
    case RecoveryChoice::Restore: return restoreAutosave(entry);
    case RecoveryChoice::Discard: m_autosave->discardOrphan(entry); break;
    case RecoveryChoice::Later: m_autosave->releaseOrphan(entry); break;
    }
    return false;
}

bool DocumentController::restoreAutosave(const AutosaveEntry& entry)
{
    Build build;
    try {
        build = loadBuildFile(QFile::encodeName(entry.buildPath).toStdString(), &m_catalog);
    } catch (const std::exception& e) {
        m_autosave->releaseOrphan(entry);  // kept: never deleted because it could not be read
        emit errorOccurred(tr("Could not restore the unsaved build"),
                           tr("%1\n\nThe automatic copy was kept as %2.").arg(QString::fromUtf8(e.what()), entry.buildPath));
        return false;
    }
    // The build binds to its file only when the file at the recorded path is the one it came from;
    // otherwise it opens untitled, so Save asks where to go and cannot replace an unrelated build.
    QString unbound;  // why it opens untitled
    FileIdentity disk;
    std::unique_ptr<BuildFileLock> lock;
    QString lockProblem;
    const QString original = entry.originalPath;
    if (!original.isEmpty()) {
        disk = FileIdentity::of(original);
        if (entry.originalIsRelative()) {
            unbound = tr("The automatic copy names its file only as “%1”, without a folder, so it cannot tell which "
                         "file that was.")
                          .arg(original);
        } else if (!disk.exists) {
            unbound = tr("%1 no longer exists.").arg(QDir::toNativeSeparators(original));
        } else if (entry.hasIdentity) {
            FileIdentity recorded = disk;
            recorded.device = entry.originalDevice;
            recorded.inode = entry.originalInode;
            recorded.sha256 = entry.originalSha256;
            if (!recorded.sameFileAs(disk))
                unbound = tr("%1 is now a different file from the one this build was opened from.")
                              .arg(QDir::toNativeSeparators(original));
            else
                disk.sha256 = entry.originalSha256;  // so a save still notices a change made since
        }
        if (unbound.isEmpty()) {
            lock = std::make_unique<BuildFileLock>(original);
            switch (lock->tryLock()) {
            case BuildFileLock::Result::Locked: break;
            case BuildFileLock::Result::HeldByOther: unbound = lockedByOtherText(original, lock->owner()); break;
            case BuildFileLock::Result::Unavailable:
                lockProblem = tr("No lock file could be created for %1 (%2), so another mlrig window that opens it "
                                 "will not be warned that it is open here.")
                                  .arg(QFileInfo(original).fileName(), lock->error());
                lock.reset();
                break;
            }
        }
    }
    m_session->reset(build);
    m_session->undoStack()->resetClean();  // unsaved changes, as they were
    if (original.isEmpty() || !unbound.isEmpty())
        bindFile(QString(), FileIdentity{}, nullptr, false, QString());
    else
        bindFile(disk.canonicalPath, disk, std::move(lock), false, lockProblem);
    // This window's own autosave takes over before the old copy goes.
    if (m_autosave->writeNow())
        m_autosave->discardOrphan(entry);
    else
        m_autosave->releaseOrphan(entry);
    emit statusMessage(tr("Restored the unsaved build from %1").arg(QLocale().toString(entry.savedAt, QLocale::ShortFormat)),
                       15000);
    if (!unbound.isEmpty())
        emit noticeOccurred(tr("Restored as an untitled build"),
                            tr("%1\n\nThe unsaved build was restored as an untitled build, so saving it cannot replace "
                               "another file. Use File > Save As to choose where it goes.")
                                .arg(unbound));
    return true;
}

QString DocumentController::openUserData(const QString& path)
{
    OpenedUserDatabase opened = openUserDatabase(QFile::encodeName(path).toStdString());
    m_userDb = std::move(opened.database);
    return QString::fromStdString(opened.notice);
}

void DocumentController::choosePart(Category category, int itemIndex, const AnyPart& part, bool custom)
{
    BuildItem item;
    item.category = category;
    if (custom || infoOf(part).id.empty()) {
        item.custom = part;
        rememberCustomPart(category, part);
    } else {
        item.ref = infoOf(part).id;
        // The price the user gave this part before, in any build.
        try {
            if (m_userDb) {
                const auto remembered = m_userDb->price(item.ref);
                if (remembered && remembered->currency == m_session->build().currency)
                    item.price = remembered->price;
            }
        } catch (const std::exception&) {
            // Not remembering a price is no reason to refuse the pick.
        }
    }
    m_session->setPart(category, itemIndex, std::move(item));
}

void DocumentController::rememberPrice(const BuildItem& item)
{
    if (!m_userDb || item.ref.empty())
        return;
    try {
        if (item.price)
            m_userDb->setPrice({item.ref, *item.price, m_session->build().currency, {}});
        else
            m_userDb->removePrice(item.ref);
    } catch (const std::exception& e) {
        emit statusMessage(tr("Your price could not be remembered: %1").arg(QString::fromUtf8(e.what())), 10000);
    }
}

void DocumentController::rememberCustomPart(Category category, const AnyPart& part)
{
    if (!m_userDb)
        return;
    try {
        m_userDb->addCustomPart(std::string(categoryId(category)), serializeCustomPart(part));
    } catch (const std::exception& e) {
        emit statusMessage(tr("The custom part could not be remembered: %1").arg(QString::fromUtf8(e.what())), 10000);
    }
}

std::vector<AnyPart> DocumentController::savedCustomParts(Category category) const
{
    std::vector<AnyPart> out;
    if (!m_userDb)
        return out;
    try {
        for (const CustomPartRecord& r : m_userDb->customParts()) {
            if (r.category != categoryId(category))
                continue;
            try {
                out.push_back(parseCustomPart(category, r.json));
            } catch (const BuildFormatError&) {
                // A record this version cannot read is skipped, not deleted.
            }
        }
    } catch (const std::exception&) {
        // An unreadable database offers no saved parts; the picker still works.
    }
    return out;
}

}  // namespace mlrig::ui
