#pragma once

// The open document behind the main window, without any widget: the BuildSession, the file it
// belongs to, open / save (atomic) / new, autosave and crash recovery, the recent-files list, and
// what the user database remembers (your prices, your custom parts). Export stays with the
// window: the PDF report is ui/report, which ui/session may not include (docs/ARCHITECTURE.md).
//
// It never shows a dialog. Failures come back as a false return plus errorOccurred(); things
// worth a word in the status bar come as statusMessage(). Questions ("save changes?", "restore
// the unsaved build?") are the window's to ask; the controller is told the answer. So all of it
// can be driven by a test with no MainWindow.

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

#include "core/catalog/Catalog.h"
#include "core/model/Build.h"
#include "ui/session/AutosaveManager.h"

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

    // Each returns false (after errorOccurred) when it did not happen; the build is then as it was.
    void newBuild();
    bool openFile(const QString& path);
    bool saveTo(const QString& path);
    // The document ends on purpose (saved or discarded): its autosave goes.
    void closeCleanly();

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
    void statusMessage(const QString& text, int timeoutMs);

private:
    void setCurrentFile(const QString& path);
    void addRecent(const QString& path);
    void rememberPrice(const BuildItem& item);
    void rememberCustomPart(Category category, const AnyPart& part);

    const Catalog& m_catalog;
    BuildSession* m_session;
    AutosaveManager* m_autosave;
    QString m_file;
    std::unique_ptr<UserDatabase> m_userDb;
};

}  // namespace mlrig::ui
