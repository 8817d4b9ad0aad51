#pragma once

// The open document behind the main window, without any widget: the BuildSession, the file it
// belongs to, open / save (atomic) / new, autosave and crash recovery, the recent-files list, and
// what the user database remembers (your prices, your custom parts). Export stays with the
// window: the PDF report is ui/report, which ui/session may not include (docs/ARCHITECTURE.md).
//
// It never shows a dialog. Failures come back as a false return plus errorOccurred(); things
// worth a word in the status bar come as statusMessage(). Questions ("save changes?", "restore
// the unsaved build?", "open it although another window has it?", "the file changed on disk:
// reload, overwrite or save as?") are the window's to ask; the controller reports the situation
// (a result value, a signal) and is told the answer. So all of it can be driven by a test with
// no MainWindow.
//
// The open file is guarded three ways (README "Your data is safe"):
// - a lock next to it while it is open (BuildFileLock.h), so a second window is warned;
// - the SHA-256 of the file as opened or last saved: before a save replaces it, the file is read
//   again, and if another program or window changed it the save stops with ChangedOnDisk;
// - a QFileSystemWatcher on the file and its folder, so a change while the build sits open is
//   reported once (externalChange) rather than found at the next save.

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

#include "core/catalog/Catalog.h"
#include "core/model/Build.h"
#include "ui/session/AutosaveManager.h"
#include "ui/session/BuildFileLock.h"
#include "ui/session/FileIdentity.h"

class QFileSystemWatcher;
class QTimer;

namespace mlrig {
class UserDatabase;
}

namespace mlrig::ui {

class BuildSession;

class DocumentController : public QObject {
    Q_OBJECT
public:
    // `autosaveDirectory` holds this session's autosave and those of sessions that crashed.
    DocumentController(const Catalog& catalog, const QString& autosaveDirectory, QObject* parent = nullptr);
    ~DocumentController() override;

    const Catalog& catalog() const { return m_catalog; }
    BuildSession* session() const { return m_session; }
    AutosaveManager* autosave() const { return m_autosave; }
    QString currentFile() const { return m_file; }
    bool isModified() const;
    // An untitled build with no parts and no workload: filling it loses nothing.
    bool isBlank() const;
    // Saves keep the previous version as "NAME.mlrig~" (Settings; on by default).
    void setKeepBackup(bool keep) { m_keepBackup = keep; }
    bool keepsBackup() const { return m_keepBackup; }

    enum class OpenMode {
        Normal,      // takes the file's lock; LockedByOther when another window holds it
        ReadOnly,    // no lock; Save to this file is refused (Save As works)
        IgnoreLock,  // "open anyway": no lock; a save still checks the file for outside changes
    };
    enum class OpenResult { Opened, Failed, LockedByOther };
    enum class SaveResult { Saved, Failed, ChangedOnDisk };

    // Each returns false (after errorOccurred) when it did not happen; the build is then as it was.
    // currentFile() is always absolute.
    void newBuild();
    bool openFile(const QString& path) { return open(path) == OpenResult::Opened; }
    // LockedByOther (no error emitted, nothing changed): lockOwner() says who; ask, then call
    // again with ReadOnly or IgnoreLock.
    OpenResult open(const QString& path, OpenMode mode = OpenMode::Normal);
    BuildFileLock::Owner lockOwner() const { return m_lockOwner; }
    // Saving over the open file when it changed on disk since it was opened or saved returns
    // ChangedOnDisk and writes nothing (no errorOccurred: the window asks reload / overwrite /
    // save as); `overwriteChangesOnDisk` is the answer "overwrite". Saving to another file that
    // a different mlrig window has open fails with an error.
    SaveResult save(const QString& path, bool overwriteChangesOnDisk = false);
    // save() for callers that cannot ask: ChangedOnDisk is an error too, the file is kept.
    bool saveTo(const QString& path);
    // Reads the open file again (discarding unsaved changes), keeping its lock.
    bool reload();
    // The document ends on purpose (saved or discarded): its autosave and its lock go.
    void closeCleanly();

    bool isReadOnly() const { return m_readOnly; }
    // Why the open file has no lock although one was wanted (a read-only folder); empty otherwise.
    QString lockProblem() const { return m_lockProblem; }
    // The file on disk differs from what was opened or last saved (seen by the watcher).
    bool hasExternalChange() const { return !m_reportedChange.isEmpty(); }

    // Newest first, absolute paths, at most kMaxRecent.
    static constexpr int kMaxRecent = 8;
    QStringList recentFiles() const;

    // Crash recovery. takeRecoveryCandidate() returns the newest autosave of a session that did
    // not end cleanly (older ones are left for later starts); the caller asks the user and hands
    // the answer to resolveRecovery(), which returns true when the build was restored.
    std::optional<AutosaveEntry> takeRecoveryCandidate();
    bool resolveRecovery(const AutosaveEntry& entry, RecoveryChoice choice);
    bool restoreAutosave(const AutosaveEntry& entry);

    // The user database (UserDatabaseStore.h). Returns the notice to show (a damaged file moved
    // aside), empty when there is nothing to say. Without one nothing is remembered.
    QString openUserData(const QString& path);
    UserDatabase* userDatabase() const { return m_userDb.get(); }

    // Puts a picked part into the build (itemIndex -1 adds): a catalog part comes with the price
    // the user gave it before, a custom part is remembered for later picks.
    void choosePart(Category category, int itemIndex, const AnyPart& part, bool custom = false);
    std::vector<AnyPart> savedCustomParts(Category category) const;

signals:
    void currentFileChanged(const QString& path);
    void recentFilesChanged();
    void errorOccurred(const QString& title, const QString& message);
    void noticeOccurred(const QString& title, const QString& message);  // worth a dialog, not an error
    void statusMessage(const QString& text, int timeoutMs);
    // Once per new content on disk: another program changed (or removed) the open file.
    void externalChange(const QString& path, bool removed);
    void externalChangeCleared();  // reloaded, saved, another file, or the file is back as it was
    void lockProblemChanged(const QString& problem);

private:
    // Makes `path` (absolute; empty for untitled) the open file, with `disk` its identity as the
    // build knows it, holding `lock` (may be null).
    void bindFile(const QString& path, const FileIdentity& disk, std::unique_ptr<BuildFileLock> lock, bool readOnly,
                  const QString& lockProblem);
    void setLockProblem(const QString& problem);
    void watchCurrentFile();
    void checkDisk();
    void clearExternalChange();
    bool sameAsCurrentFile(const QString& absolutePath) const;
    QString lockedByOtherText(const QString& path, const BuildFileLock::Owner& owner) const;
    void addRecent(const QString& path);
    void rememberPrice(const BuildItem& item);
    void rememberCustomPart(Category category, const AnyPart& part);

    const Catalog& m_catalog;
    bool m_keepBackup = true;
    BuildSession* m_session;
    AutosaveManager* m_autosave;
    QString m_file;
    FileIdentity m_disk;  // the open file as opened or last saved
    std::unique_ptr<BuildFileLock> m_lock;
    BuildFileLock::Owner m_lockOwner;
    bool m_readOnly = false;
    QString m_lockProblem;
    QFileSystemWatcher* m_watcher;
    QTimer* m_diskCheck;         // coalesces the watcher's bursts (a save is several events)
    QByteArray m_reportedChange; // the content last reported by externalChange ("-" = removed)
    std::unique_ptr<UserDatabase> m_userDb;
};

}  // namespace mlrig::ui
