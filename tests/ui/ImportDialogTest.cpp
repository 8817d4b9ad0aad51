// File > Import PCPartPicker List, driven through the real dialog and main window offscreen on
// the embedded catalog: every line shown with its match, a line fixed and one dropped before OK,
// the build applied as one undoable step; unreadable files refused with the table kept; File >
// Open on a part list offering the import instead of a JSON error.

#include <gtest/gtest.h>

#include <QAbstractItemModelTester>
#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <sys/stat.h>

#include <memory>

#include "core/io/PcPartPickerImport.h"
#include "tests/support/BuiltInCatalog.h"
#include "ui/importer/ImportDialog.h"
#include "ui/importer/ImportLinesModel.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/session/BuildSession.h"

using namespace mlrig;
using namespace mlrig::ui;
using mlrig::testsupport::builtInCatalog;

namespace {

QString dataFile(const char* name)
{
    return QStringLiteral(MLRIG_TEST_DATA_DIR "/import/") + QLatin1String(name);
}

QString cell(const ImportLinesModel* model, int row, int column)
{
    return model->data(model->index(row, column)).toString();
}

int rowOf(const ImportLinesModel* model, const char* type)
{
    for (int row = 0; row < model->rowCount(); ++row)
        if (model->line(row).type == type)
            return row;
    ADD_FAILURE() << "no line of type " << type;
    return -1;
}

class ImportDialogTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        QSettings().clear();
        window = std::make_unique<MainWindow>(builtInCatalog());
        window->setInteractive(false);
        window->show();
    }
    void TearDown() override { window.reset(); }

    ImportDialog* dialogWithTester()
    {
        ImportDialog* dialog = window->createImportDialog();
        tester = std::make_unique<QAbstractItemModelTester>(dialog->linesModel(),
                                                            QAbstractItemModelTester::FailureReportingMode::Fatal);
        dialog->show();
        return dialog;
    }

    std::unique_ptr<MainWindow> window;
    std::unique_ptr<QAbstractItemModelTester> tester;
};

TEST_F(ImportDialogTest, FileShowsEveryLineAndTheFixedBuildIsAppliedWithUndo)
{
    ImportDialog* dialog = dialogWithTester();
    EXPECT_FALSE(dialog->okButton()->isEnabled());  // nothing read yet
    ASSERT_TRUE(dialog->loadFile(dataFile("pcpp-two-gpu-eur.txt"))) << dialog->problem().toStdString();
    EXPECT_TRUE(dialog->problem().isEmpty());
    EXPECT_TRUE(dialog->okButton()->isEnabled());
    const ImportLinesModel* model = dialog->linesModel();
    // Seven distinct part lines; the two identical RTX 3090 lines are one line of quantity 2.
    ASSERT_EQ(model->rowCount(), 7);

    const int cpu = rowOf(model, "CPU");
    EXPECT_TRUE(cell(model, cpu, ImportLinesModel::LineColumn).startsWith(QStringLiteral("CPU: AMD Ryzen 9 7950X 4.5 GHz")));
    EXPECT_EQ(cell(model, cpu, ImportLinesModel::PartColumn), QStringLiteral("AMD Ryzen 9 7950X"));
    EXPECT_EQ(cell(model, cpu, ImportLinesModel::MatchColumn), QStringLiteral("Same name (spelling differs)"));
    EXPECT_TRUE(cell(model, cpu, ImportLinesModel::PriceColumn).contains(QStringLiteral("529")));

    const int cooler = rowOf(model, "CPU Cooler");
    EXPECT_TRUE(cell(model, cooler, ImportLinesModel::MatchColumn).startsWith(QStringLiteral("Closest match (")));

    const int gpu = rowOf(model, "Video Card");
    EXPECT_EQ(model->data(model->index(gpu, ImportLinesModel::QuantityColumn)).toInt(), 2);
    EXPECT_TRUE(cell(model, gpu, ImportLinesModel::PartColumn).contains(QStringLiteral("RTX 3090")));

    // The case is not in the catalog: kept as a custom part, said so, and selected first.
    const int pcCase = rowOf(model, "Case");
    EXPECT_TRUE(cell(model, pcCase, ImportLinesModel::PartColumn).startsWith(QStringLiteral("Custom part: Phanteks")));
    EXPECT_TRUE(cell(model, pcCase, ImportLinesModel::MatchColumn).startsWith(QStringLiteral("Not matched")));
    EXPECT_EQ(cell(model, pcCase, ImportLinesModel::PriceColumn), QStringLiteral("no price"));
    EXPECT_EQ(dialog->linesView()->currentIndex().row(), pcCase);
    // With nothing typed, the replacements start with the catalog's parts most like the line.
    ASSERT_GT(dialog->replacementCombo()->count(), 1);
    EXPECT_TRUE(dialog->replacementCombo()->itemText(0).startsWith(QStringLiteral("Phanteks Enthoo Pro 2")))
        << dialog->replacementCombo()->itemText(0).toStdString();

    // Fix the CPU line: the list meant a 7950X3D. Search, choose it, Use Part.
    dialog->selectLine(cpu);
    EXPECT_EQ(dialog->replacementCombo()->itemText(0), QStringLiteral("AMD Ryzen 9 7950X"));  // its part now
    QTest::keyClicks(dialog->replacementSearch(), QStringLiteral("7950X3D"));
    QComboBox* combo = dialog->replacementCombo();
    ASSERT_GT(combo->count(), 0);
    int x3d = -1;
    for (int i = 0; i < combo->count() && x3d < 0; ++i)
        if (combo->itemText(i).contains(QStringLiteral("7950X3D")))
            x3d = i;
    ASSERT_GE(x3d, 0);
    combo->setCurrentIndex(x3d);
    const std::string x3dId = combo->currentData().toString().toStdString();
    QTest::mouseClick(dialog->usePartButton(), Qt::LeftButton);
    EXPECT_EQ(cell(model, cpu, ImportLinesModel::MatchColumn), QStringLiteral("Chosen by you"));
    EXPECT_TRUE(cell(model, cpu, ImportLinesModel::PartColumn).contains(QStringLiteral("7950X3D")));

    // Drop the cooler line.
    dialog->selectLine(cooler);
    QTest::mouseClick(dialog->dropButton(), Qt::LeftButton);
    EXPECT_TRUE(model->isDropped(cooler));
    EXPECT_EQ(cell(model, cooler, ImportLinesModel::MatchColumn), QStringLiteral("Dropped by you"));
    EXPECT_EQ(dialog->dropButton()->text(), QStringLiteral("&Keep Line"));
    EXPECT_EQ(model->changedCount(), 2);

    EXPECT_EQ(window->session()->build().items.size(), 0u);  // nothing applied before OK
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);

    const Build& build = window->session()->build();
    ASSERT_EQ(build.items.size(), 6u);  // seven lines, one dropped
    EXPECT_EQ(build.currency, "EUR");
    const BuildItem& cpuItem = build.items[0];
    EXPECT_EQ(cpuItem.category, Category::Cpu);
    EXPECT_EQ(cpuItem.ref, x3dId);
    const AnyPart* resolved = builtInCatalog().find(Category::Cpu, cpuItem.ref);
    ASSERT_NE(resolved, nullptr);
    EXPECT_TRUE(infoOf(*resolved).name.find("7950X3D") != std::string::npos);
    ASSERT_TRUE(cpuItem.price.has_value());
    EXPECT_DOUBLE_EQ(*cpuItem.price, 529.0);  // the list's price stays with the fixed line
    for (const BuildItem& item : build.items)
        EXPECT_NE(item.category, Category::Cooler);
    const auto gpuItem = std::find_if(build.items.begin(), build.items.end(),
                                      [](const BuildItem& i) { return i.category == Category::Gpu; });
    ASSERT_NE(gpuItem, build.items.end());
    EXPECT_EQ(gpuItem->quantity, 2);
    const auto caseItem = std::find_if(build.items.begin(), build.items.end(),
                                       [](const BuildItem& i) { return i.category == Category::Case; });
    ASSERT_NE(caseItem, build.items.end());
    EXPECT_TRUE(caseItem->custom.has_value());

    // One undoable step, and the document is a new unsaved one.
    EXPECT_TRUE(window->currentFile().isEmpty());
    ASSERT_TRUE(window->session()->undoStack()->canUndo());
    window->session()->undoStack()->undo();
    EXPECT_TRUE(window->session()->build().items.empty());
}

TEST_F(ImportDialogTest, PastedMarkdownShowsSkippedLinesAndCancelChangesNothing)
{
    const Build before = window->session()->build();
    const int undoBefore = window->session()->undoStack()->count();
    ImportDialog* dialog = dialogWithTester();
    QFile file(dataFile("pcpp-markdown.md"));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    QGuiApplication::clipboard()->setText(QString::fromUtf8(file.readAll()));
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("pasteButton")), Qt::LeftButton);
    ASSERT_TRUE(dialog->problem().isEmpty()) << dialog->problem().toStdString();
    const ImportLinesModel* model = dialog->linesModel();
    ASSERT_EQ(model->rowCount(), 9);  // eight parts and a case fan
    const int fan = rowOf(model, "Case Fan");
    EXPECT_EQ(cell(model, fan, ImportLinesModel::MatchColumn), QStringLiteral("Skipped"));
    EXPECT_FALSE(model->isEditable(fan));
    dialog->selectLine(fan);
    EXPECT_FALSE(dialog->dropButton()->isEnabled());
    EXPECT_FALSE(dialog->usePartButton()->isEnabled());
    const int board = rowOf(model, "Motherboard");
    EXPECT_EQ(cell(model, board, ImportLinesModel::PartColumn), QStringLiteral("MSI MAG B650 TOMAHAWK WIFI AM5 DDR5 ATX"));
    EXPECT_EQ(dialog->build()->items.size(), 8u);

    // An empty clipboard says so and keeps the table.
    QGuiApplication::clipboard()->clear();
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("pasteButton")), Qt::LeftButton);
    EXPECT_TRUE(dialog->problem().contains(QStringLiteral("clipboard holds no text")));
    EXPECT_EQ(model->rowCount(), 9);

    dialog->reject();
    QCoreApplication::processEvents();
    EXPECT_EQ(window->session()->build(), before);
    EXPECT_EQ(window->session()->undoStack()->count(), undoBefore);
}

TEST_F(ImportDialogTest, BadFilesAreRefusedWithAMessageAndTheTableIsKept)
{
    ImportDialog* dialog = dialogWithTester();
    ASSERT_TRUE(dialog->loadFile(dataFile("pcpp-two-gpu-eur.txt")));
    dialog->selectLine(0);
    QTest::mouseClick(dialog->dropButton(), Qt::LeftButton);
    const std::optional<Build> before = dialog->build();
    const ImportLinesModel* model = dialog->linesModel();

    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("list.txt"));
    ASSERT_EQ(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    EXPECT_FALSE(dialog->loadFile(fifo));  // returns at once: a FIFO with no writer is never read
    EXPECT_TRUE(dialog->problem().contains(QStringLiteral("list.txt was not read"))) << dialog->problem().toStdString();
    EXPECT_TRUE(dialog->problem().contains(QStringLiteral("FIFO"))) << dialog->problem().toStdString();

    EXPECT_FALSE(dialog->loadFile(dataFile("binary.bin")));
    EXPECT_TRUE(dialog->problem().contains(QStringLiteral("binary.bin was not read"))) << dialog->problem().toStdString();

    const QString big = dir.filePath(QStringLiteral("huge.txt"));
    {
        QFile f(big);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        ASSERT_TRUE(f.resize(static_cast<qint64>(kMaxImportBytes) + 1));
    }
    EXPECT_FALSE(dialog->loadFile(big));
    EXPECT_TRUE(dialog->problem().contains(QStringLiteral("10 MB"))) << dialog->problem().toStdString();

    EXPECT_FALSE(dialog->loadFile(dataFile("not-a-list.txt")));
    EXPECT_TRUE(dialog->problem().contains(QStringLiteral("not a PCPartPicker part list"))) << dialog->problem().toStdString();
    EXPECT_TRUE(dialog->problem().contains(QStringLiteral("still shows the list read before")));

    // The list read before and the user's fix to it are all still there.
    EXPECT_EQ(model->rowCount(), 7);
    EXPECT_TRUE(model->isDropped(0));
    EXPECT_EQ(dialog->build(), before);
    EXPECT_TRUE(window->session()->build().items.empty());

    // Not a single file read: nothing to accept.
    ImportDialog* fresh = window->createImportDialog();
    EXPECT_FALSE(fresh->loadFile(fifo));
    EXPECT_FALSE(fresh->okButton()->isEnabled());
    EXPECT_FALSE(fresh->build().has_value());
    fresh->close();
}

TEST_F(ImportDialogTest, FileOpenOnAPartListOffersTheImport)
{
    QSignalSpy errors(window.get(), &MainWindow::errorReported);
    EXPECT_FALSE(window->openFile(dataFile("pcpp-markdown.md")));
    EXPECT_EQ(errors.count(), 0);  // no "invalid JSON"
    auto* dialog = window->findChild<ImportDialog*>();
    ASSERT_NE(dialog, nullptr);
    EXPECT_TRUE(dialog->isVisible());
    EXPECT_TRUE(dialog->findChild<QLabel*>(QStringLiteral("importIntro"))->text().contains(
        QStringLiteral("pcpp-markdown.md is a PCPartPicker part list, not an mlrig build")));
    EXPECT_EQ(dialog->linesModel()->rowCount(), 9);
    EXPECT_TRUE(window->session()->build().items.empty());  // nothing until OK
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    EXPECT_EQ(window->session()->build().items.size(), 8u);
    EXPECT_TRUE(window->currentFile().isEmpty());
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);  // the dialog closes itself
    ASSERT_EQ(window->findChildren<ImportDialog*>().size(), 0);

    // A file that is neither a build nor a list still gets the open error.
    EXPECT_FALSE(window->openFile(dataFile("not-a-list.txt")));
    EXPECT_EQ(errors.count(), 1);
    EXPECT_EQ(window->findChildren<ImportDialog*>().size(), 0);
}

TEST_F(ImportDialogTest, FileMenuOpensTheImportDialog)
{
    auto* action = window->findChild<QAction*>(QStringLiteral("importListAction"));
    ASSERT_NE(action, nullptr);
    EXPECT_EQ(action->text(), QStringLiteral("&Import PCPartPicker List…"));
    action->trigger();
    auto* dialog = window->findChild<ImportDialog*>();
    ASSERT_NE(dialog, nullptr);
    EXPECT_TRUE(dialog->isVisible());
    dialog->reject();
}

}  // namespace
