#pragma once

// The main window: the build table in the middle, live panels (findings, workload, power) in
// docks, value charts below the table. Everything reads the session's one Evaluation.
// The document itself (file, saving, autosave, recovery, recent files, remembered prices) is the
// DocumentController's; the window lays out widgets, wires actions and asks the questions.

#include <QMainWindow>
#include <QPointer>
#include <QString>

#include <functional>

#include "ui/common/AppSettings.h"
#include "ui/common/BackgroundJob.h"
#include "ui/session/AutosaveManager.h"
#include "ui/session/DocumentController.h"
#include "core/model/Build.h"
#include "core/catalog/Catalog.h"

class QLabel;
class QSplitter;
class QMenu;
class QTableView;

namespace mlrig::ui {

class BuildSession;
class BuildWizard;
class ImportDialog;
class GpuComparisonDialog;
class BuildOrBuyDialog;
class BuildTableModel;
class FindingsPanel;
class MessageBanner;
class PowerPanel;
class ValueChartPanel;
class WorkloadPanel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(const Catalog& catalog, QWidget* parent = nullptr);
    ~MainWindow() override;

    DocumentController* document() const { return m_doc; }
    BuildSession* session() const { return m_session; }
    BuildTableModel* buildModel() const { return m_model; }
    QTableView* buildView() const { return m_view; }
    FindingsPanel* findingsPanel() const { return m_findings; }
    PowerPanel* powerPanel() const { return m_power; }
    WorkloadPanel* workloadPanel() const { return m_workload; }
    ValueChartPanel* valuePanel() const { return m_value; }
    QString currentFile() const { return m_doc->currentFile(); }

    // File operations; each returns false (and reports why) when it did not happen.
    // openFile() asks what to do when another mlrig window has the build open (read-only, anyway,
    // cancel); saveTo() asks what to do when the file changed on disk since it was opened or saved
    // (reload, overwrite, save as). Not interactive, both refuse with an error instead.
    bool openFile(const QString& path);
    bool saveTo(const QString& path);
    void newBuild() { m_doc->newBuild(); }

    // Puts a part into the build (what the picker does on accept). itemIndex -1 adds.
    void choosePart(Category category, int itemIndex, const AnyPart& part, bool custom = false);
    // Opens the picker for a row of the build table.
    void chooseForRow(int row);

    // With interactive off, errors are reported by signal and status bar only (tests, scripts),
    // and closing never asks.
    void setInteractive(bool interactive) { m_interactive = interactive; }
    void showNotice(const QString& text);  // catalog notice at startup: status bar + dialog
    void showNotice(const QString& title, const QString& text);

    // Data safety (AutosaveManager.h). offerRecovery() looks for an autosave left by a session
    // that did not end cleanly and asks what to do with it (the prompt can be replaced, for tests);
    // returns true when a build was restored.
    AutosaveManager* autosave() const { return m_doc->autosave(); }
    bool offerRecovery();
    void setRecoveryPrompt(std::function<RecoveryChoice(const AutosaveEntry&)> prompt) { m_recoveryPrompt = std::move(prompt); }
    bool restoreAutosave(const AutosaveEntry& entry) { return m_doc->restoreAutosave(entry); }
    // Opens the user database (your prices and custom parts; UserDatabaseStore.h). A damaged file
    // is moved aside and reported with showNotice(). Without one nothing is remembered.
    void openUserData(const QString& path);
    UserDatabase* userDatabase() const { return m_doc->userDatabase(); }
    void setCatalogInfo(const QString& info) { m_catalogInfo = info; }

    // File > New Build Wizard: a wizard for this catalog; Finish puts its build into the session
    // as one undoable step. The caller shows it (open() or exec()).
    BuildWizard* createBuildWizard();
    void applyWizardBuild(const Build& build);
    // File > Import PCPartPicker List: the import dialog for this catalog, with `path` read
    // when given; OK puts its build into the session as one undoable step (a new unsaved build
    // unless the window is blank). The caller shows it (open() or exec()). File > Open on a file
    // that is a PCPartPicker list, not a build, opens this dialog with it instead of failing.
    ImportDialog* createImportDialog(const QString& path = {});
    void applyImportedBuild(const Build& build);
    // Tools > Compare GPUs: starts from `start` (the picker's selection) or the build's GPUs;
    // "Add to Build" adds a GPU line.
    GpuComparisonDialog* openGpuComparison(const std::vector<BuildItem>& start = {});
    // Tools > Build or Buy: the build beside unified-memory machines; `budget` starts the filter.
    BuildOrBuyDialog* openBuildOrBuy(std::optional<double> budget = std::nullopt);
    // File > Export: CSV, forum Markdown or the PDF report of the current build. CSV and Markdown
    // are written before it returns (a 10,000-line build takes a tenth of a second). The PDF
    // report of a large build takes seconds, so it is painted on a worker thread from a copy of
    // the build (edits meanwhile do not reach it) with a progress dialog and Cancel
    // (BackgroundJob): exportTo() then returns true once it has started, and the file is written
    // when exportFinished() comes. False: it did not start or failed (the error was reported).
    enum class ExportFormat { Csv, Markdown, Pdf };
    bool exportTo(ExportFormat format, const QString& path);
    // The PDF export in progress, else null.
    BackgroundJob* runningExport() const { return m_export; }
    // What Save As proposes: the open file, else the build's name (or "Untitled build") with
    // .mlrig in the Documents folder. exportBaseName() is the name the exports propose.
    QString suggestedSavePath() const;
    // The size the window opens at without a remembered geometry: 1500x940, or less on a
    // screen whose available area (logical pixels, so after scaling) is smaller.
    static QSize initialSize(const QSize& available);
    // Writes geometry, dock and splitter state (closeEvent does it; tests call it directly).
    void saveLayout() const;
    QSplitter* centralSplitter() const { return m_split; }
    QString exportBaseName() const;

signals:
    void errorReported(const QString& title, const QString& message);
    void noticeShown(const QString& title, const QString& message);
    // An export ended: `written` when the file now holds it; false when it failed (reported) or
    // was cancelled (the previous file untouched).
    void exportFinished(const QString& path, bool written);

protected:
    void closeEvent(QCloseEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void createActions();
    void updateTitle();
    void updateStatus();
    void reportError(const QString& title, const QString& message);
    bool maybeSave();
    // The banners above the build: autosave not working, the open file's lock or read-only state,
    // the file changed on disk. Each stays until its condition is resolved.
    void updateAutosaveBanner();
    void updateLockBanner();
    void showDiskBanner(const QString& path, bool removed);
    void reloadFromDisk();
    bool startPdfExport(const QString& path);
    bool save();
    bool saveAs();
    void open();
    void rebuildRecentMenu();
    void editSettings();
    void applySettings();
    void removeCurrent();
    // The one way the part picker opens: for the item at itemIndex, or (-1) to add one.
    void pickPart(Category category, int itemIndex);
    // A build planned elsewhere (wizard, import) into the session: over a blank untitled window
    // it fills it, else it becomes a new untitled build after the offer to save; one undo step.
    void applyNewBuild(const Build& build, const QString& undoText, const QString& source);
    // True when `path` is not a .mlrig and reads as a PCPartPicker list (File > Open offers the import).
    static bool isPartList(const QString& path);

    const Catalog& m_catalog;
    DocumentController* m_doc;
    BuildSession* m_session;
    BuildTableModel* m_model;
    QTableView* m_view;
    QSplitter* m_split;
    QLabel* m_hint;
    QWidget* m_emptyState = nullptr;  // wizard / compare buttons while the build is empty
    FindingsPanel* m_findings;
    PowerPanel* m_power;
    WorkloadPanel* m_workload;
    ValueChartPanel* m_value;
    QMenu* m_recentMenu = nullptr;
    QLabel* m_statusFindings;
    MessageBanner* m_autosaveBanner;
    MessageBanner* m_lockBanner;
    MessageBanner* m_diskBanner;
    QPointer<BackgroundJob> m_export;
    QString m_catalogInfo;
    AppSettings m_settings;
    bool m_interactive = true;
    std::function<RecoveryChoice(const AutosaveEntry&)> m_recoveryPrompt;
};

}  // namespace mlrig::ui
