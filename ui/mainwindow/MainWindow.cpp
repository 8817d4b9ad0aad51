#include "ui/mainwindow/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFile>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QMessageBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

#include <cmath>

#include "ui/mainwindow/AboutDialog.h"
#include "ui/mainwindow/MessageBanner.h"
#include "ui/report/BuildReport.h"
#include "ui/wizard/BuildWizard.h"
#include "ui/importer/ImportDialog.h"
#include "ui/compare/GpuComparisonDialog.h"
#include "ui/buildorbuy/BuildOrBuyDialog.h"
#include "ui/common/AppPaths.h"
#include "ui/session/BuildSession.h"
#include "ui/session/BuildTableModel.h"
#include "ui/panels/FindingsPanel.h"
#include "core/advise/PartFilter.h"
#include "ui/picker/PartPickerDialog.h"
#include "ui/panels/PowerPanel.h"
#include "ui/mainwindow/SettingsDialog.h"
#include "ui/common/UiFormat.h"
#include "ui/panels/ValueChartPanel.h"
#include "ui/panels/WorkloadPanel.h"
#include "core/io/BuildCsvExport.h"
#include "core/io/BuildMarkdownExport.h"
#include "core/io/OutputFile.h"
#include "core/io/ImportSource.h"
#include "core/io/PcPartPickerImport.h"

namespace mlrig::ui {

namespace {
// A function, not a constant: a static would be built before any translator is installed.
QString buildFileFilter()
{
    return MainWindow::tr("mlrig builds (*.mlrig);;All files (*)");
}
}  // namespace

MainWindow::MainWindow(const Catalog& catalog, QWidget* parent) : QMainWindow(parent), m_catalog(catalog)
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/mlrig/icons/mlrig.svg")));
    m_settings = AppSettings::load();
    m_doc = new DocumentController(catalog, QDir(appDataDir()).filePath(QStringLiteral("autosave")), this);
    m_session = m_doc->session();

    // Centre: the build table with a hint, value charts below.
    auto* split = new QSplitter(Qt::Vertical, this);
    m_split = split;
    split->setObjectName(QStringLiteral("centralSplitter"));
    auto* top = new QWidget(split);
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(6, 6, 6, 0);
    m_model = new BuildTableModel(m_session, this);
    connect(m_model, &BuildTableModel::editRefused, this,
            [this](const QString& reason) { statusBar()->showMessage(reason, 10000); });
    m_view = new QTableView(top);
    m_view->setModel(m_model);
    m_view->setObjectName(QStringLiteral("buildTable"));
    m_view->setAccessibleName(tr("Build"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                            QAbstractItemView::AnyKeyPressed);
    m_view->setTabKeyNavigation(false);
    m_view->setWordWrap(false);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 12);
    m_view->horizontalHeader()->setSectionResizeMode(BuildTableModel::PartColumn, QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(BuildTableModel::CategoryColumn, QHeaderView::ResizeToContents);
    const int money = m_view->fontMetrics().horizontalAdvance(QStringLiteral("$00,000 † ")) + 24;
    m_view->setColumnWidth(BuildTableModel::QuantityColumn, m_view->fontMetrics().horizontalAdvance(QStringLiteral("Qty")) + 36);
    m_view->setColumnWidth(BuildTableModel::UnitPriceColumn, money);
    m_view->setColumnWidth(BuildTableModel::LineTotalColumn, money);
    // Small enough for an 800x500 screen (1600x1000 at 200%); the splitter gives it more.
    m_view->setMinimumHeight(m_view->verticalHeader()->defaultSectionSize() * 3);
    m_view->installEventFilter(this);
    topLayout->addWidget(m_view, 1);
    m_hint = new QLabel(top);
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    m_hint->setText(tr("Start with the GPU: double-click a row or press Enter to choose a part. Prices marked * come "
                       "from the catalog, † from the launch MSRP; type over them with your own. Everything else "
                       "updates as you go."));
    topLayout->addWidget(m_hint);
    m_emptyState = new QWidget(top);
    auto* emptyLayout = new QHBoxLayout(m_emptyState);
    emptyLayout->setContentsMargins(0, 4, 0, 4);
    auto* emptyText = new QLabel(tr("Not sure where to start?"), m_emptyState);
    auto* wizardButton = new QPushButton(tr("Plan a Build with the &Wizard…"), m_emptyState);
    wizardButton->setObjectName(QStringLiteral("emptyWizardButton"));
    auto* compareButton = new QPushButton(tr("Compare &GPUs…"), m_emptyState);
    compareButton->setObjectName(QStringLiteral("emptyCompareButton"));
    emptyLayout->addWidget(emptyText);
    emptyLayout->addWidget(wizardButton);
    emptyLayout->addWidget(compareButton);
    emptyLayout->addStretch(1);
    topLayout->addWidget(m_emptyState);
    connect(wizardButton, &QPushButton::clicked, this, [this] { createBuildWizard()->open(); });
    connect(compareButton, &QPushButton::clicked, this, [this] { openGpuComparison(); });
    m_value = new ValueChartPanel(m_session, split);
    split->addWidget(top);
    split->addWidget(m_value);
    // The table gets a third of any height gained or lost and the charts two: on a laptop the
    // table keeps its nine rows and the charts stay readable; a tall screen goes mostly to charts.
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);
    // Ten rows and the hint over the charts' 520 pixels on a tall window; setSizes() keeps these
    // proportions for whatever height the window opens at.
    const int tableHeight = m_view->verticalHeader()->defaultSectionSize() * 10 +
                            m_view->horizontalHeader()->sizeHint().height() + 8;
    split->setSizes({tableHeight + m_hint->sizeHint().height() + 10, 520});
    // Banners above everything in the centre, each hidden until its condition arises.
    auto* centre = new QWidget(this);
    auto* centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(0, 0, 0, 0);
    centreLayout->setSpacing(2);
    m_autosaveBanner = new MessageBanner(QStringLiteral("autosaveBanner"), centre);
    m_lockBanner = new MessageBanner(QStringLiteral("lockBanner"), centre);
    m_diskBanner = new MessageBanner(QStringLiteral("diskBanner"), centre);
    centreLayout->addWidget(m_autosaveBanner);
    centreLayout->addWidget(m_lockBanner);
    centreLayout->addWidget(m_diskBanner);
    centreLayout->addWidget(split, 1);
    setCentralWidget(centre);

    // Docks on the right: findings, workload, power. Each panel scrolls inside its dock, so the
    // three fit a laptop screen (their natural heights add up to more than 768 pixels).
    const auto dock = [this](const QString& title, const QString& name, QWidget* widget) {
        auto* d = new QDockWidget(title, this);
        d->setObjectName(name);
        auto* scroll = new QScrollArea(d);
        scroll->setObjectName(name + QStringLiteral("Scroll"));
        scroll->setWidget(widget);
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
        scroll->setMinimumHeight(fontMetrics().height() * 5);
        d->setWidget(scroll);
        d->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable | QDockWidget::DockWidgetClosable);
        addDockWidget(Qt::RightDockWidgetArea, d);
        return d;
    };
    m_findings = new FindingsPanel(m_session, this);
    m_workload = new WorkloadPanel(m_session, this);
    m_power = new PowerPanel(m_session, this);
    QDockWidget* d1 = dock(tr("Findings"), QStringLiteral("findingsDock"), m_findings);
    QDockWidget* d2 = dock(tr("Workload"), QStringLiteral("workloadDock"), m_workload);
    QDockWidget* d3 = dock(tr("Power"), QStringLiteral("powerDock"), m_power);
    resizeDocks({d1, d2, d3}, {520, 520, 520}, Qt::Horizontal);
    resizeDocks({d1, d2, d3}, {260, 300, 420}, Qt::Vertical);

    m_statusFindings = new QLabel(this);
    m_statusFindings->setObjectName(QStringLiteral("statusFindings"));
    statusBar()->addPermanentWidget(m_statusFindings);

    createActions();
    applySettings();

    connect(m_view, &QTableView::activated, this, [this](const QModelIndex& index) {
        if (!(index.flags() & Qt::ItemIsEditable))
            chooseForRow(index.row());
    });
    connect(m_view, &QTableView::customContextMenuRequested, this, [this](const QPoint& pos) {
        const QModelIndex index = m_view->indexAt(pos);
        if (!index.isValid() || index.data(BuildTableModel::IsTotalRole).toBool())
            return;
        QMenu menu(this);
        const int row = index.row();
        menu.addAction(tr("&Choose…"), this, [this, row] { chooseForRow(row); });
        const int item = index.data(BuildTableModel::ItemIndexRole).toInt();
        const auto category = static_cast<Category>(index.data(BuildTableModel::CategoryRole).toInt());
        if (item >= 0) {
            if (category == Category::Gpu || category == Category::Storage)
                menu.addAction(tr("&Add another %1…").arg(categoryName(category)), this,
                               [this, category] { pickPart(category, -1); });
            if (m_session->build().items[static_cast<size_t>(item)].price)
                menu.addAction(tr("Use the &catalog price"), this, [this, item] { m_session->setPrice(item, std::nullopt); });
            menu.addAction(tr("&Remove"), this, [this, item] { m_session->removeItem(item); });
        }
        menu.exec(m_view->viewport()->mapToGlobal(pos));
    });
    connect(m_session, &BuildSession::changed, this, &MainWindow::updateStatus);
    connect(m_session->undoStack(), &QUndoStack::cleanChanged, this, &MainWindow::updateTitle);
    connect(m_doc, &DocumentController::currentFileChanged, this, &MainWindow::updateTitle);
    connect(m_doc, &DocumentController::recentFilesChanged, this, &MainWindow::rebuildRecentMenu);
    connect(m_doc, &DocumentController::errorOccurred, this, &MainWindow::reportError);
    connect(m_doc, &DocumentController::statusMessage, this,
            [this](const QString& text, int timeoutMs) { statusBar()->showMessage(text, timeoutMs); });
    connect(m_doc, &DocumentController::noticeOccurred, this,
            [this](const QString& title, const QString& text) { showNotice(title, text); });
    connect(m_doc->autosave(), &AutosaveManager::problemChanged, this, &MainWindow::updateAutosaveBanner);
    connect(m_doc, &DocumentController::lockProblemChanged, this, &MainWindow::updateLockBanner);
    connect(m_doc, &DocumentController::currentFileChanged, this, &MainWindow::updateLockBanner);
    connect(m_doc, &DocumentController::externalChange, this, &MainWindow::showDiskBanner);
    connect(m_doc, &DocumentController::externalChangeCleared, m_diskBanner, &QWidget::hide);
    // A lock failure at start happened before anyone listened: ask for it now.
    updateAutosaveBanner();

    if (!restoreGeometry(AppSettings::windowLayout(QStringLiteral("geometry")))) {
        const QScreen* screen = QGuiApplication::primaryScreen();
        resize(initialSize(screen ? screen->availableGeometry().size() : QSize()));
    }
    restoreState(AppSettings::windowLayout(QStringLiteral("state")));
    m_split->restoreState(AppSettings::windowLayout(QStringLiteral("centralSplitter")));
    m_value->splitter()->restoreState(AppSettings::windowLayout(QStringLiteral("chartSplitter")));
    updateTitle();
    updateStatus();
    m_view->setFocus();
    m_view->setCurrentIndex(m_model->index(0, BuildTableModel::PartColumn));
}

MainWindow::~MainWindow()
{
    // A PDF export still running stops first, while the window is whole: its worker may be
    // waiting for the GUI thread to paint a chart (BackgroundJob::cancelAndWait()).
    delete m_export;
    // The document dies with the window's children; nothing may call back into the window then.
    m_doc->disconnect(this);
    m_doc->disconnect(m_diskBanner);
    m_doc->autosave()->disconnect(this);
    m_session->undoStack()->disconnect(this);
    m_session->disconnect(this);
}

void MainWindow::createActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* actNew = file->addAction(tr("&New"), this, [this] {
        if (maybeSave())
            newBuild();
    });
    actNew->setShortcut(QKeySequence::New);
    QAction* actOpen = file->addAction(tr("&Open…"), this, &MainWindow::open);
    actOpen->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    rebuildRecentMenu();
    QAction* actWizard = file->addAction(tr("New Build &Wizard…"), this, [this] { createBuildWizard()->open(); });
    actWizard->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    QAction* actImport = file->addAction(tr("&Import PCPartPicker List…"), this, [this] { createImportDialog()->open(); });
    actImport->setObjectName(QStringLiteral("importListAction"));
    file->addSeparator();
    QAction* actSave = file->addAction(tr("&Save"), this, &MainWindow::save);
    actSave->setShortcut(QKeySequence::Save);
    QAction* actSaveAs = file->addAction(tr("Save &As…"), this, &MainWindow::saveAs);
    actSaveAs->setShortcut(QKeySequence::SaveAs);
    QMenu* exportMenu = file->addMenu(tr("&Export"));
    const auto addExport = [this, exportMenu](const QString& text, ExportFormat format, const QString& suffix,
                                              const QString& filter) {
        exportMenu->addAction(text, this, [this, format, suffix, filter] {
            const QString path = QFileDialog::getSaveFileName(this, tr("Export Build"), exportBaseName() + suffix, filter);
            if (!path.isEmpty())
                exportTo(format, path);
        });
    };
    addExport(tr("&CSV Spreadsheet…"), ExportFormat::Csv, QStringLiteral(".csv"), tr("CSV files (*.csv)"));
    addExport(tr("&Markdown for a Forum Post…"), ExportFormat::Markdown, QStringLiteral(".md"),
              tr("Markdown (*.md)"));
    addExport(tr("&PDF Report…"), ExportFormat::Pdf, QStringLiteral(".pdf"), tr("PDF documents (*.pdf)"));
    file->addSeparator();
    QAction* actQuit = file->addAction(tr("&Quit"), this, &QWidget::close);
    actQuit->setShortcut(QKeySequence::Quit);
    actQuit->setMenuRole(QAction::QuitRole);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = m_session->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = m_session->undoStack()->createRedoAction(this, tr("&Redo"));
    // The platform's redo keys (Ctrl+Shift+Z on Linux desktops) plus the other common one, so
    // both Ctrl+Shift+Z and Ctrl+Y redo wherever the person learned their habits.
    QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
    for (const QKeySequence& key : {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)})
        if (!redoKeys.contains(key))
            redoKeys.append(key);
    redo->setShortcuts(redoKeys);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    QAction* choose = edit->addAction(tr("&Choose Part…"), this, [this] {
        if (m_view->currentIndex().isValid())
            chooseForRow(m_view->currentIndex().row());
    });
    choose->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    QAction* remove = edit->addAction(tr("Re&move Part"), this, &MainWindow::removeCurrent);
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_view->addAction(remove);
    edit->addSeparator();
    QAction* prefs = edit->addAction(tr("&Settings…"), this, &MainWindow::editSettings);
    prefs->setShortcut(QKeySequence::Preferences);
    prefs->setMenuRole(QAction::PreferencesRole);

    QMenu* tools = menuBar()->addMenu(tr("&Tools"));
    QAction* compare = tools->addAction(tr("&Compare GPUs…"), this, [this] { openGpuComparison(); });
    compare->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G));
    QAction* buildOrBuy = tools->addAction(tr("&Build or Buy…"), this, [this] { openBuildOrBuy(); });
    buildOrBuy->setObjectName(QStringLiteral("actionBuildOrBuy"));
    buildOrBuy->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));

    QMenu* view = menuBar()->addMenu(tr("&View"));
    for (QDockWidget* d : findChildren<QDockWidget*>())
        view->addAction(d->toggleViewAction());

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about = help->addAction(tr("&About mlrig"), this, [this] {
        AboutDialog dialog(m_catalogInfo, this);
        dialog.exec();
    });
    about->setMenuRole(QAction::AboutRole);

    QToolBar* bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->addAction(actNew);
    bar->addAction(actOpen);
    bar->addAction(actSave);
    bar->addSeparator();
    bar->addAction(undo);
    bar->addAction(redo);
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_view && event->type() == QEvent::KeyPress && !m_view->isPersistentEditorOpen(m_view->currentIndex())) {
        auto* key = static_cast<QKeyEvent*>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && key->modifiers() == Qt::NoModifier) {
            const QModelIndex index = m_view->currentIndex();
            if (index.isValid() && !(index.flags() & Qt::ItemIsEditable)) {
                chooseForRow(index.row());
                return true;
            }
            if (index.isValid()) {
                m_view->edit(index);
                return true;
            }
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::chooseForRow(int row)
{
    const QModelIndex index = m_model->index(row, 0);
    if (!index.isValid() || index.data(BuildTableModel::IsTotalRole).toBool())
        return;
    pickPart(static_cast<Category>(index.data(BuildTableModel::CategoryRole).toInt()),
             index.data(BuildTableModel::ItemIndexRole).toInt());
}

void MainWindow::pickPart(Category category, int item)
{
    PartPickerDialog dialog(m_catalog, category, m_session->build(), item, m_session->options(), this);
    statusBar()->showMessage(tr("Compatibility of %1 parts checked in %2 ms")
                                 .arg(m_catalog.parts(category).size())
                                 .arg(dialog.filter().computeMs(), 0, 'f', 0),
                             5000);
    dialog.setSavedCustomParts(m_doc->savedCustomParts(category));
    const int result = dialog.exec();
    if (result == PartPickerDialog::CompareRequested) {
        std::vector<BuildItem> gpus;
        for (const AnyPart* part : dialog.comparedParts()) {
            BuildItem gpu;
            gpu.category = Category::Gpu;
            gpu.ref = infoOf(*part).id.empty() ? infoOf(*part).name : infoOf(*part).id;
            gpus.push_back(gpu);
        }
        openGpuComparison(gpus);
        return;
    }
    if (result != QDialog::Accepted)
        return;
    if (dialog.chosenPart())
        choosePart(category, item, *dialog.chosenPart());
    else if (dialog.customPart())
        choosePart(category, item, *dialog.customPart(), true);
}

void MainWindow::choosePart(Category category, int itemIndex, const AnyPart& part, bool custom)
{
    m_doc->choosePart(category, itemIndex, part, custom);
    const int row = m_model->rowOf(category);
    if (row >= 0)
        m_view->setCurrentIndex(m_model->index(row, BuildTableModel::PartColumn));
}

void MainWindow::removeCurrent()
{
    const QModelIndex index = m_view->currentIndex();
    if (!index.isValid())
        return;
    const int item = index.data(BuildTableModel::ItemIndexRole).toInt();
    if (item >= 0 && !index.data(BuildTableModel::IsTotalRole).toBool())
        m_session->removeItem(item);
}

void MainWindow::updateTitle()
{
    const QString file = m_doc->currentFile();
    QString name = file.isEmpty() ? tr("Untitled build") : QFileInfo(file).fileName();
    if (m_doc->isReadOnly())
        name = tr("%1 (read-only)").arg(name);
    setWindowTitle(tr("%1[*] — mlrig").arg(name));
    setWindowFilePath(file);
    setWindowModified(!m_session->undoStack()->isClean());
}

void MainWindow::updateStatus()
{
    const Evaluation& eval = m_session->evaluation();
    const int errors = eval.count(Severity::Error);
    const int warnings = eval.count(Severity::Warning);
    m_statusFindings->setText(tr("%1 · %2 · total %3")
                                  .arg(tr("%n error(s)", nullptr, errors), tr("%n warning(s)", nullptr, warnings),
                                       moneyIn(eval.cost.total, eval.cost.currency)));
    const CatalogStats stats = m_catalog.stats();
    m_statusFindings->setToolTip(tr("Prices: GPU market prices up to %1, retail snapshot %2, launch MSRPs only where "
                                    "neither is known. Your own prices come first.")
                                     .arg(stats.marketPriceMonth.empty() ? tr("(none)") : qs(stats.marketPriceMonth),
                                          stats.retailPriceMonth.empty() ? tr("(undated)") : qs(stats.retailPriceMonth)));
    m_hint->setVisible(m_session->build().items.size() < 3);
    m_emptyState->setVisible(m_session->build().items.empty());
    updateTitle();
}

void MainWindow::reportError(const QString& title, const QString& message)
{
    statusBar()->showMessage(title + QStringLiteral(": ") + message, 10000);
    emit errorReported(title, message);
    if (!m_interactive)
        return;
    auto* box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box->setTextFormat(Qt::PlainText);  // file names and reasons as they are, never as markup
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::showNotice(const QString& text)
{
    showNotice(tr("Parts catalog"), text);
}

void MainWindow::showNotice(const QString& title, const QString& text)
{
    if (text.isEmpty())
        return;
    statusBar()->showMessage(text, 15000);
    emit noticeShown(title, text);
    if (!m_interactive)
        return;
    auto* box = new QMessageBox(QMessageBox::Information, title, text, QMessageBox::Ok, this);
    box->setTextFormat(Qt::PlainText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setModal(false);
    box->show();
}

bool MainWindow::save()
{
    const QString file = m_doc->currentFile();
    // A build opened read-only (another window has it) is saved under another name.
    return file.isEmpty() || m_doc->isReadOnly() ? saveAs() : saveTo(file);
}

bool MainWindow::isPartList(const QString& path)
{
    if (QFileInfo(path).suffix().compare(QStringLiteral("mlrig"), Qt::CaseInsensitive) == 0)
        return false;
    std::string text;
    try {
        // The same guarded read as the import (InputFile: no FIFO, device or oversized file).
        text = readImportFile(QFile::encodeName(path).toStdString());
    } catch (const ImportError&) {
        return false;  // not readable as a list: the ordinary open says why it is not a build either
    }
    const size_t first = text.find_first_not_of(" \t\r\n");
    if (first != std::string::npos && text[first] == '{')
        return false;  // JSON: a build under another name, opened (or refused) as one
    return looksLikePcPartPickerList(text);
}

bool MainWindow::openFile(const QString& path)
{
    using OpenResult = DocumentController::OpenResult;
    if (isPartList(path)) {
        // A part list is not a build: rather than "invalid JSON", offer what the user meant.
        ImportDialog* dialog = createImportDialog(path);
        dialog->setIntro(tr("%1 is a PCPartPicker part list, not an mlrig build. It can be imported: check how each "
                            "line was matched, change or drop a line, then OK opens it as a new, unsaved build. "
                            "Cancel leaves the open build as it is.")
                             .arg(QFileInfo(path).fileName()));
        dialog->open();
        return false;  // nothing was opened (yet); the dialog decides
    }
    const OpenResult result = m_doc->open(path);
    if (result != OpenResult::LockedByOther)
        return result == OpenResult::Opened;
    const BuildFileLock::Owner owner = m_doc->lockOwner();
    const QString name = QFileInfo(path).fileName();
    const QString who = owner.pid > 0 ? tr("process %1 on %2").arg(owner.pid).arg(owner.host)
                                      : tr("a process mlrig could not identify");
    const QString text = tr("%1 is open in another mlrig window (%2).").arg(name, who);
    if (!m_interactive) {
        reportError(tr("Could not open %1").arg(name), text + QLatin1Char(' ') + tr("It was not opened here."));
        return false;
    }
    QMessageBox box(QMessageBox::Question, tr("Build already open"), text, QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("lockedBuildBox"));
    box.setTextFormat(Qt::PlainText);
    box.setInformativeText(tr("Open Read-Only to look at it here and save a copy with Save As. Open Anyway lets "
                              "both windows save it; each save first checks whether the other one changed the "
                              "file and asks. If that window is no longer running, its lock was left by a crash "
                              "on another computer: Open Anyway."));
    QPushButton* readOnly = box.addButton(tr("Open &Read-Only"), QMessageBox::AcceptRole);
    readOnly->setObjectName(QStringLiteral("readOnlyButton"));
    box.addButton(tr("Open &Anyway"), QMessageBox::DestructiveRole)->setObjectName(QStringLiteral("openAnywayButton"));
    QPushButton* cancel = box.addButton(QMessageBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    box.setDefaultButton(readOnly);
    box.setEscapeButton(cancel);
    box.exec();
    const QString clicked = box.clickedButton() ? box.clickedButton()->objectName() : QString();
    if (clicked == QStringLiteral("readOnlyButton"))
        return m_doc->open(path, DocumentController::OpenMode::ReadOnly) == OpenResult::Opened;
    if (clicked == QStringLiteral("openAnywayButton"))
        return m_doc->open(path, DocumentController::OpenMode::IgnoreLock) == OpenResult::Opened;
    return false;
}

bool MainWindow::saveTo(const QString& path)
{
    using SaveResult = DocumentController::SaveResult;
    const SaveResult result = m_doc->save(path);
    if (result != SaveResult::ChangedOnDisk)
        return result == SaveResult::Saved;
    if (!m_interactive)
        return m_doc->saveTo(path);  // reports it as an error and keeps the file
    const QString name = QFileInfo(path).fileName();
    QMessageBox box(QMessageBox::Warning, tr("%1 changed on disk").arg(name),
                    tr("%1 was changed by another program or another mlrig window since you opened or saved it "
                       "here.")
                        .arg(QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath())),
                    QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("changedOnDiskBox"));
    box.setTextFormat(Qt::PlainText);
    box.setInformativeText(tr("Reload opens the file as it is now and discards your changes here. Overwrite "
                              "replaces it with your build and discards the other changes. Save As keeps both."));
    box.addButton(tr("&Reload"), QMessageBox::DestructiveRole)->setObjectName(QStringLiteral("reloadButton"));
    box.addButton(tr("&Overwrite"), QMessageBox::DestructiveRole)->setObjectName(QStringLiteral("overwriteButton"));
    QPushButton* saveAsButton = box.addButton(tr("Save &As…"), QMessageBox::AcceptRole);
    saveAsButton->setObjectName(QStringLiteral("saveAsButton"));
    QPushButton* cancel = box.addButton(QMessageBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    box.setDefaultButton(saveAsButton);  // the answer that loses nothing
    box.setEscapeButton(cancel);
    box.exec();
    const QString clicked = box.clickedButton() ? box.clickedButton()->objectName() : QString();
    if (clicked == QStringLiteral("reloadButton")) {
        m_doc->reload();
        return false;  // nothing was saved
    }
    if (clicked == QStringLiteral("overwriteButton"))
        return m_doc->save(path, true) == SaveResult::Saved;
    if (clicked == QStringLiteral("saveAsButton"))
        return saveAs();
    return false;
}

void MainWindow::updateAutosaveBanner()
{
    QString problem = m_doc->autosave()->problem();
    if (problem.isEmpty()) {
        m_autosaveBanner->hide();
        return;
    }
    if (!problem.endsWith(QLatin1Char('.')))  // the reason comes from the system, unpunctuated
        problem += QLatin1Char('.');
    m_autosaveBanner->showMessage(Severity::Error,
                                  problem + QLatin1Char(' ') +
                                      tr("Until this is resolved, unsaved changes are only in this window: File > "
                                         "Save keeps them."));
    m_autosaveBanner->addButton(tr("&Try Again"), QStringLiteral("retryButton"), [this] {
        // A write resolves a write failure; with nothing unsaved there is nothing to write, so
        // only the lock is tried.
        m_doc->autosave()->writeNow();
    });
}

void MainWindow::updateLockBanner()
{
    if (m_doc->isReadOnly()) {
        m_lockBanner->showMessage(Severity::Note,
                                  tr("%1 is open read-only because another mlrig window has it open. File > Save "
                                     "saves your changes under another name.")
                                      .arg(QFileInfo(m_doc->currentFile()).fileName()));
        return;
    }
    if (m_doc->lockProblem().isEmpty()) {
        m_lockBanner->hide();
        return;
    }
    m_lockBanner->showMessage(Severity::Warning, m_doc->lockProblem());
    m_lockBanner->addDismissButton();
}

void MainWindow::showDiskBanner(const QString& path, bool removed)
{
    const QString name = QFileInfo(path).fileName();
    if (removed) {
        m_diskBanner->showMessage(Severity::Warning,
                                  tr("%1 was deleted or moved away by another program. Your build is still open "
                                     "here; File > Save writes it again.")
                                      .arg(name));
        m_diskBanner->addDismissButton();
        return;
    }
    m_diskBanner->showMessage(
        Severity::Warning,
        m_doc->isModified()
            ? tr("%1 was changed by another program or mlrig window. Reload shows that version and discards your "
                 "unsaved changes here; saving will ask before it replaces the other changes.")
                  .arg(name)
            : tr("%1 was changed by another program or mlrig window. Reload to see that version.").arg(name));
    m_diskBanner->addButton(tr("&Reload"), QStringLiteral("reloadButton"), [this] { reloadFromDisk(); });
    m_diskBanner->addDismissButton();
}

void MainWindow::reloadFromDisk()
{
    if (m_doc->isModified() && m_interactive &&
        QMessageBox::question(this, tr("Reload"),
                              tr("Reload %1 from disk and discard your unsaved changes here?")
                                  .arg(QFileInfo(m_doc->currentFile()).fileName()),
                              QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Discard)
        return;
    m_doc->reload();
}

bool MainWindow::saveAs()
{
    QString path = QFileDialog::getSaveFileName(this, tr("Save build"), suggestedSavePath(), buildFileFilter());
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".mlrig");
    return saveTo(path);
}

QString MainWindow::suggestedSavePath() const
{
    const QString file = m_doc->currentFile();
    if (!file.isEmpty())
        return file;
    // A folder alone would be proposed as the file name ("Documents"); name the file instead.
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return QDir(folder).filePath(fileNameForBuild(qs(m_session->build().name), tr("Untitled build")) +
                                 QStringLiteral(".mlrig"));
}

QString MainWindow::exportBaseName() const
{
    const QString file = m_doc->currentFile();
    return file.isEmpty() ? fileNameForBuild(qs(m_session->build().name), tr("build"))
                          : QFileInfo(file).completeBaseName();
}

void MainWindow::open()
{
    if (!maybeSave())
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Open build"), QFileInfo(m_doc->currentFile()).absolutePath(), buildFileFilter());
    if (!path.isEmpty())
        openFile(path);
}

bool MainWindow::maybeSave()
{
    if (!m_doc->isModified() || !m_interactive)
        return true;
    const auto answer = QMessageBox::warning(this, tr("Unsaved changes"),
                                             tr("The build has changes that are not saved. Save them?"),
                                             QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::rebuildRecentMenu()
{
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    const QStringList recent = m_doc->recentFiles();
    int n = 1;
    for (const QString& path : recent) {
        m_recentMenu->addAction(QStringLiteral("&%1 %2").arg(n++).arg(QFileInfo(path).fileName()), this, [this, path] {
            if (maybeSave())
                openFile(path);
        })->setToolTip(path);
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::editSettings()
{
    SettingsDialog dialog(m_settings, m_session->build().currency, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_settings = dialog.settings();
    m_settings.save();
    applySettings();
}

void MainWindow::applySettings()
{
    EvaluationOptions options = m_session->options();
    options.electricityPricePerKwh = m_settings.electricityPerKwh;
    options.hoursPerDay = m_settings.hoursPerDay;
    m_session->setOptions(options);
    m_doc->setKeepBackup(m_settings.keepBackup);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    m_doc->closeCleanly();  // saved or deliberately discarded: a clean end
    saveLayout();
    event->accept();
}

void MainWindow::saveLayout() const
{
    AppSettings::saveWindowLayout(QStringLiteral("geometry"), saveGeometry());
    AppSettings::saveWindowLayout(QStringLiteral("state"), saveState());
    AppSettings::saveWindowLayout(QStringLiteral("centralSplitter"), m_split->saveState());
    AppSettings::saveWindowLayout(QStringLiteral("chartSplitter"), m_value->splitter()->saveState());
}

QSize MainWindow::initialSize(const QSize& available)
{
    const QSize preferred(1500, 940);
    if (!available.isValid() || available.isEmpty())
        return preferred;
    // Leave room for the window frame and title bar, which the available area does not count.
    return preferred.boundedTo(QSize(available.width() - 16, available.height() - 40));
}

bool MainWindow::offerRecovery()
{
    const std::optional<AutosaveEntry> entry = m_doc->takeRecoveryCandidate();
    if (!entry)
        return false;
    const RecoveryChoice choice = m_recoveryPrompt ? m_recoveryPrompt(*entry) : askRecovery(*entry, this);
    return m_doc->resolveRecovery(*entry, choice);
}

void MainWindow::openUserData(const QString& path)
{
    const QString notice = m_doc->openUserData(path);
    m_workload->setUserDatabase(m_doc->userDatabase());
    showNotice(tr("Your prices and custom parts"), notice);
}

BuildWizard* MainWindow::createBuildWizard()
{
    auto* wizard = new BuildWizard(m_catalog, m_session->options(), this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->setWindowModality(Qt::WindowModal);
    connect(wizard, &QWizard::accepted, this, [this, wizard] {
        if (const std::optional<Build> build = wizard->result())
            applyWizardBuild(*build);
    });
    return wizard;
}

void MainWindow::applyWizardBuild(const Build& build)
{
    applyNewBuild(build, tr("Build Wizard"), tr("The wizard's build"));
}

ImportDialog* MainWindow::createImportDialog(const QString& path)
{
    auto* dialog = new ImportDialog(m_catalog, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    if (!path.isEmpty())
        dialog->loadFile(path);  // a file that cannot be read shows why in the dialog
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (const std::optional<Build> build = dialog->build())
            applyImportedBuild(*build);
    });
    return dialog;
}

void MainWindow::applyImportedBuild(const Build& build)
{
    applyNewBuild(build, tr("Import PCPartPicker List"), tr("The imported build"));
}

void MainWindow::applyNewBuild(const Build& build, const QString& undoText, const QString& source)
{
    // A planned or imported build is a new build. Over an empty untitled window it simply fills
    // it (one step Edit > Undo takes back); over a saved file or a build with parts it opens as a
    // new untitled build, after the usual offer to save changes, so Ctrl+S can never write it
    // over the file that was open.
    const bool blank = m_doc->isBlank();
    if (!blank) {
        if (!maybeSave()) {
            statusBar()->showMessage(tr("%1 was not opened; the open build is unchanged.").arg(source), 10000);
            return;
        }
        newBuild();
    }
    m_session->edit(build, undoText);
    statusBar()->showMessage(blank ? tr("%1 is open; Edit > Undo takes it back.").arg(source)
                                   : tr("%1 is open as a new, unsaved build; the previous one is unchanged.").arg(source),
                             10000);
}

BuildOrBuyDialog* MainWindow::openBuildOrBuy(std::optional<double> budget)
{
    const Build& build = m_session->build();
    const Evaluation& evaluation = m_session->evaluation();
    if (!budget && evaluation.cost.total > 0)
        budget = std::ceil(evaluation.cost.total / 250.0) * 250.0;  // the build's price, to the next $250
    auto* dialog = new BuildOrBuyDialog(build, m_catalog, m_session->options(), budget, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

GpuComparisonDialog* MainWindow::openGpuComparison(const std::vector<BuildItem>& start)
{
    std::vector<BuildItem> buildGpus;
    for (const BuildItem& item : m_session->build().items)
        if (item.category == Category::Gpu)
            buildGpus.push_back(item);
    auto* dialog = new GpuComparisonDialog(m_catalog, m_session->build().workload, buildGpus, start, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &GpuComparisonDialog::addToBuildRequested, this, [this](const BuildItem& gpu) {
        m_session->setPart(Category::Gpu, -1, gpu);
        statusBar()->showMessage(tr("GPU added to the build."), 5000);
    });
    dialog->show();
    return dialog;
}

bool MainWindow::exportTo(ExportFormat format, const QString& path)
{
    if (format == ExportFormat::Pdf)
        return startPdfExport(path);
    const Build& build = m_session->build();
    const Evaluation& evaluation = m_session->evaluation();
    const std::string text = format == ExportFormat::Csv ? exportBuildCsv(build, evaluation, m_catalog)
                                                         : exportBuildMarkdown(build, evaluation, m_catalog);
    try {
        writeFileSafely(text, QFile::encodeName(path).toStdString());
    } catch (const std::exception& e) {
        reportError(tr("Export failed"), QString::fromStdString(e.what()));
        emit exportFinished(path, false);
        return false;
    }
    statusBar()->showMessage(tr("Exported to %1").arg(QDir::toNativeSeparators(path)), 8000);
    emit exportFinished(path, true);
    return true;
}

bool MainWindow::startPdfExport(const QString& path)
{
    if (m_export) {
        statusBar()->showMessage(tr("A PDF report is still being written; wait for it or cancel it."), 8000);
        return false;
    }
    // A snapshot: the worker reads these copies, never the session, which the user may edit
    // while the report is painted.
    struct Job {
        Build build;
        Evaluation evaluation;
        ReportOptions options;
        bool written = false;
        QString error, warning;
    };
    auto job = std::make_shared<Job>();
    job->build = m_session->build();
    job->evaluation = m_session->evaluation();
    job->options.evaluation = m_session->options();  // the options `evaluation` was made with
    m_export = new BackgroundJob(this, tr("Writing the PDF report of %1…").arg(QFileInfo(path).fileName()));
    connect(m_export, &BackgroundJob::finished, this, [this, job, path](bool cancelled) {
        m_export->deleteLater();
        m_export = nullptr;
        if (job->written) {  // complete, even if Cancel came as the file was being written
            if (!job->warning.isEmpty())
                showNotice(tr("PDF report"), job->warning);
            statusBar()->showMessage(tr("Exported to %1").arg(QDir::toNativeSeparators(path)), 8000);
        } else if (cancelled) {
            statusBar()->showMessage(
                tr("PDF export cancelled; %1 was not changed.").arg(QDir::toNativeSeparators(path)), 8000);
        } else {
            reportError(tr("Export failed"), job->error);
        }
        emit exportFinished(path, job->written);
    });
    const Catalog* catalog = &m_catalog;  // outlives every window
    m_export->start([job, catalog, path](BackgroundJob::Control& control) {
        ReportOptions options = job->options;
        options.progress = [&control](long long done, long long total) {
            control.setProgress(done, total);
            return !control.cancelled();
        };
        try {
            job->written = writeBuildReportPdf(job->build, job->evaluation, *catalog, path, &job->error, options,
                                               &job->warning);
        } catch (const std::exception& e) {
            job->written = false;
            job->error = QString::fromStdString(e.what());
        }
    });
    return true;
}

}  // namespace mlrig::ui
