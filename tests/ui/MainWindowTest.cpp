// Drives the real MainWindow offscreen: picks, findings, power limit, undo, save/open.

#include <gtest/gtest.h>

#include <QComboBox>

#include "tests/support/GgufFiles.h"
#include "core/catalog/UserDatabase.h"
#include <QDir>

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeView>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include <algorithm>
#include <memory>

#include "ui/session/BuildSession.h"
#include "ui/session/BuildTableModel.h"
#include "ui/panels/FindingsModel.h"
#include "ui/panels/FindingsPanel.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/picker/PartFilterProxy.h"
#include "ui/picker/PartPickerDialog.h"
#include "ui/picker/PartTableModel.h"
#include "ui/panels/PowerGauge.h"
#include "ui/panels/PowerPanel.h"
#include "tests/support/Catalogs.h"
#include "tests/support/Parts.h"
#include "ui/panels/WorkloadPanel.h"

using namespace mlrig;
using namespace mlrig::ui;
using mlrig::testsupport::itemIndexOf;
using mlrig::testsupport::uiCatalog;

namespace {

const AnyPart& part(const char* id)
{
    const AnyPart* p = uiCatalog().findById(id);
    if (!p)
        p = uiCatalog().find(Category::Gpu, id);
    EXPECT_NE(p, nullptr) << id;
    return *p;
}

class MainWindowTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        QSettings().clear();
        window = std::make_unique<MainWindow>(uiCatalog());
        window->setInteractive(false);
        window->show();
        buildTester = std::make_unique<QAbstractItemModelTester>(window->buildModel(),
                                                                  QAbstractItemModelTester::FailureReportingMode::Fatal);
        findingsTester = std::make_unique<QAbstractItemModelTester>(window->findingsPanel()->model(),
                                                                     QAbstractItemModelTester::FailureReportingMode::Fatal);
    }
    void TearDown() override
    {
        buildTester.reset();
        findingsTester.reset();
        window.reset();
    }

    void pick(Category category, const char* id)
    {
        window->choosePart(category, itemIndexOf(window->session()->build(), category), part(id));
    }

    void pickFullBuild()
    {
        pick(Category::Cpu, "cpu-7950x");
        pick(Category::Motherboard, "mb-x670e");
        pick(Category::Memory, "ram-2x32");
        pick(Category::Gpu, "GeForce RTX 3090");
        pick(Category::Psu, "psu-1600");
        pick(Category::Case, "case-xl");
        pick(Category::Cooler, "cooler-pa120");
        pick(Category::Storage, "ssd-990pro");
        Workload w;
        w.kind = WorkloadKind::LlmInference;
        w.model = "llama-3.1-8b";
        w.quant = "q4_k_m";
        w.context = 8192;
        window->session()->setWorkload(w);
    }

    bool hasFinding(const char* rule) const { return window->findingsPanel()->model()->hasRule(QString::fromLatin1(rule)); }

    std::unique_ptr<MainWindow> window;
    std::unique_ptr<QAbstractItemModelTester> buildTester;
    std::unique_ptr<QAbstractItemModelTester> findingsTester;
};

}  // namespace

TEST_F(MainWindowTest, EmptyBuildInvitesAPick)
{
    BuildTableModel* model = window->buildModel();
    EXPECT_EQ(model->rowCount(), 9);  // eight categories + total
    const int gpuRow = model->rowOf(Category::Gpu);
    ASSERT_GE(gpuRow, 0);
    EXPECT_EQ(model->index(gpuRow, BuildTableModel::PartColumn).data().toString(), QStringLiteral("Choose a GPU…"));
    EXPECT_TRUE(model->index(gpuRow, 0).data(BuildTableModel::IsEmptyRole).toBool());
    EXPECT_TRUE(window->windowTitle().contains(QStringLiteral("Untitled")));
    EXPECT_FALSE(window->isWindowModified());
}

TEST_F(MainWindowTest, WrongSocketErrorAppearsAndGoesAwayWhenFixed)
{
    pick(Category::Cpu, "cpu-7950x");
    EXPECT_FALSE(hasFinding("cpu-socket"));
    pick(Category::Motherboard, "mb-z790");
    EXPECT_TRUE(hasFinding("cpu-socket"));
    // The rows named by the error are tinted.
    BuildTableModel* model = window->buildModel();
    EXPECT_TRUE(model->index(model->rowOf(Category::Motherboard), 1).data(Qt::BackgroundRole).isValid());
    EXPECT_TRUE(window->isWindowModified());

    pick(Category::Motherboard, "mb-x670e");
    EXPECT_FALSE(hasFinding("cpu-socket"));
    EXPECT_FALSE(model->index(model->rowOf(Category::Motherboard), 1).data(Qt::BackgroundRole).isValid());

    // Undo brings the error back, redo removes it again.
    window->session()->undoStack()->undo();
    EXPECT_TRUE(hasFinding("cpu-socket"));
    window->session()->undoStack()->redo();
    EXPECT_FALSE(hasFinding("cpu-socket"));
}

TEST_F(MainWindowTest, FindingSelectionShowsItsExplanation)
{
    pick(Category::Cpu, "cpu-7950x");
    pick(Category::Motherboard, "mb-z790");
    FindingsModel* model = window->findingsPanel()->model();
    QModelIndex found;
    for (int g = 0; g < model->rowCount(); ++g) {
        const QModelIndex group = model->index(g, 0);
        for (int r = 0; r < model->rowCount(group); ++r)
            if (model->index(r, 0, group).data(FindingsModel::RuleRole).toString() == QStringLiteral("cpu-socket"))
                found = model->index(r, 0, group);
    }
    ASSERT_TRUE(found.isValid());
    EXPECT_EQ(found.data(FindingsModel::SeverityRole).toInt(), static_cast<int>(Severity::Error));
    window->findingsPanel()->view()->setCurrentIndex(found);
    EXPECT_TRUE(window->findingsPanel()->explanation()->text().contains(
        QString::fromUtf8(ruleExplanation("cpu-socket").data()).left(20).toHtmlEscaped()));
}

TEST_F(MainWindowTest, PowerLimitChangesGaugeAndDecodeSpeedAndUndoRestores)
{
    pickFullBuild();
    const double sustainedBefore = window->powerPanel()->gauge()->sustainedW();
    const auto& est = window->session()->evaluation().workload;
    ASSERT_TRUE(est.has_value());
    ASSERT_TRUE(est->decodeTokensPerS.has_value());
    const double decodeBefore = *est->decodeTokensPerS;
    const QString decodeLabelBefore = window->workloadPanel()->decodeLabel()->text();

    QSpinBox* spin = window->powerPanel()->limitSpin(0);
    ASSERT_NE(spin, nullptr);
    EXPECT_EQ(spin->value(), 350);
    spin->setValue(200);

    EXPECT_LT(window->powerPanel()->gauge()->sustainedW(), sustainedBefore);
    ASSERT_TRUE(window->session()->evaluation().workload->decodeTokensPerS.has_value());
    EXPECT_LT(*window->session()->evaluation().workload->decodeTokensPerS, decodeBefore);
    EXPECT_NE(window->workloadPanel()->decodeLabel()->text(), decodeLabelBefore);
    const int gpu = itemIndexOf(window->session()->build(), Category::Gpu);
    EXPECT_EQ(window->session()->build().items[static_cast<size_t>(gpu)].powerLimitW, std::optional<double>(200));

    window->session()->undoStack()->undo();
    EXPECT_DOUBLE_EQ(window->powerPanel()->gauge()->sustainedW(), sustainedBefore);
    EXPECT_DOUBLE_EQ(*window->session()->evaluation().workload->decodeTokensPerS, decodeBefore);
    EXPECT_EQ(window->powerPanel()->limitSpin(0)->value(), 350);
}

TEST_F(MainWindowTest, QuantityAndPriceEditsGoThroughTheModel)
{
    pickFullBuild();
    BuildTableModel* model = window->buildModel();
    const int row = model->rowOf(Category::Gpu);
    const double totalBefore = window->session()->evaluation().cost.total;
    EXPECT_TRUE(model->setData(model->index(row, BuildTableModel::QuantityColumn), 2));
    EXPECT_EQ(window->session()->build().items[static_cast<size_t>(itemIndexOf(window->session()->build(), Category::Gpu))].quantity, 2);
    EXPECT_TRUE(model->setData(model->index(row, BuildTableModel::UnitPriceColumn), 700.0));
    EXPECT_TRUE(model->index(row, BuildTableModel::UnitPriceColumn).data().toString().contains(QStringLiteral("700")));
    EXPECT_NE(window->session()->evaluation().cost.total, totalBefore);
    // Quantity is not editable for a CPU.
    EXPECT_FALSE(model->setData(model->index(model->rowOf(Category::Cpu), BuildTableModel::QuantityColumn), 3));
}

TEST_F(MainWindowTest, SaveAndReopenGiveTheSameBuild)
{
    pickFullBuild();
    window->powerPanel()->limitSpin(0)->setValue(280);
    const Build saved = window->session()->build();
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("rig.mlrig"));
    ASSERT_TRUE(window->saveTo(path));
    EXPECT_FALSE(window->isWindowModified());
    EXPECT_TRUE(window->windowTitle().contains(QStringLiteral("rig.mlrig")));

    window->newBuild();
    EXPECT_TRUE(window->session()->build().items.empty());
    ASSERT_TRUE(window->openFile(path));
    EXPECT_EQ(window->session()->build(), saved);
    EXPECT_FALSE(window->session()->undoStack()->canUndo());
    EXPECT_EQ(QSettings().value(QStringLiteral("recentFiles")).toStringList().value(0), QFileInfo(path).absoluteFilePath());
}

TEST_F(MainWindowTest, GarbageFileIsReportedAndTheBuildIsKept)
{
    pick(Category::Cpu, "cpu-7950x");
    const Build before = window->session()->build();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("garbage.mlrig"));
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("{ this is not json ]");
    f.close();
    QSignalSpy spy(window.get(), &MainWindow::errorReported);
    EXPECT_FALSE(window->openFile(path));
    EXPECT_EQ(spy.count(), 1);
    EXPECT_TRUE(spy.at(0).at(0).toString().contains(QStringLiteral("garbage.mlrig")));
    EXPECT_EQ(window->session()->build(), before);
    EXPECT_TRUE(window->session()->undoStack()->canUndo());
}

TEST_F(MainWindowTest, PickerHidesIncompatiblePartsAndSearchDelegatesToCore)
{
    pick(Category::Cpu, "cpu-7950x");
    PartPickerDialog dialog(uiCatalog(), Category::Motherboard, window->session()->build(), -1,
                            window->session()->options());
    QAbstractItemModelTester sourceTester(dialog.model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester proxyTester(dialog.proxy(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    EXPECT_TRUE(dialog.compatibleCheck()->isChecked());
    ASSERT_EQ(dialog.proxy()->rowCount(), 1);  // only the AM5 board
    EXPECT_TRUE(dialog.proxy()->index(0, 0).data().toString().contains(QStringLiteral("X670E")));
    dialog.compatibleCheck()->setChecked(false);
    EXPECT_EQ(dialog.proxy()->rowCount(), 2);
    QTest::keyClicks(dialog.searchField(), QStringLiteral("z790"));
    ASSERT_EQ(dialog.proxy()->rowCount(), 1);
    dialog.searchField()->clear();
    EXPECT_EQ(dialog.proxy()->rowCount(), 2);
    dialog.proxy()->sort(dialog.model()->priceColumn(), Qt::DescendingOrder);
    EXPECT_TRUE(dialog.proxy()->index(0, 0).data().toString().contains(QStringLiteral("X670E")));
    dialog.pickRow(1);
    ASSERT_NE(dialog.chosenPart(), nullptr);
    EXPECT_EQ(infoOf(*dialog.chosenPart()).id, "mb-z790");
}

TEST_F(MainWindowTest, EnterOnAnEmptyRowOpensThePickerAndPicks)
{
    QTableView* view = window->buildView();
    const int row = window->buildModel()->rowOf(Category::Gpu);
    view->setCurrentIndex(window->buildModel()->index(row, BuildTableModel::PartColumn));
    bool sawPicker = false;
    QTimer::singleShot(0, window.get(), [&] {
        auto* picker = qobject_cast<PartPickerDialog*>(QApplication::activeModalWidget());
        ASSERT_NE(picker, nullptr);
        sawPicker = true;
        QTest::keyClicks(picker->searchField(), QStringLiteral("4090"));
        QTest::keyClick(picker->searchField(), Qt::Key_Return);
    });
    QTest::keyClick(view, Qt::Key_Return);
    EXPECT_TRUE(sawPicker);
    const Build& build = window->session()->build();
    ASSERT_EQ(build.items.size(), 1u);
    EXPECT_EQ(build.items[0].category, Category::Gpu);
    EXPECT_EQ(build.items[0].ref, infoOf(part("GeForce RTX 4090")).id);
}

TEST_F(MainWindowTest, EveryPickerModelPassesTheModelTester)
{
    pickFullBuild();
    for (Category category : kAllCategories) {
        PartPickerDialog dialog(uiCatalog(), category, window->session()->build(),
                                itemIndexOf(window->session()->build(), category), window->session()->options());
        QAbstractItemModelTester t1(dialog.model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        QAbstractItemModelTester t2(dialog.proxy(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        QTest::keyClicks(dialog.searchField(), QStringLiteral("a"));
        dialog.compatibleCheck()->setChecked(false);
        for (int c = 0; c < dialog.model()->columnCount(); ++c)
            dialog.proxy()->sort(c, c % 2 ? Qt::DescendingOrder : Qt::AscendingOrder);
        EXPECT_GE(dialog.model()->rowCount(), 1) << categoryId(category);
    }
}

TEST_F(MainWindowTest, RemovingAPartRestoresTheInvitation)
{
    pick(Category::Cpu, "cpu-7950x");
    const int row = window->buildModel()->rowOf(Category::Cpu);
    EXPECT_FALSE(window->buildModel()->index(row, 0).data(BuildTableModel::IsEmptyRole).toBool());
    window->session()->removeItem(0);
    EXPECT_TRUE(window->buildModel()->index(row, 0).data(BuildTableModel::IsEmptyRole).toBool());
    EXPECT_EQ(window->buildModel()->index(row, 1).data().toString(), QStringLiteral("Choose a CPU…"));
}

TEST_F(MainWindowTest, WorkloadPanelListsModelsByFamilyAndShowsWhereTheModelLives)
{
    pickFullBuild();
    WorkloadPanel* panel = window->workloadPanel();
    QComboBox* models = panel->modelCombo();
    ASSERT_TRUE(models->isEditable());  // searchable: type any part of a name
    EXPECT_GE(models->findText(QStringLiteral("— Qwen —")), 0);
    const int moe = models->findData(QStringLiteral("qwen3-30b-a3b"));
    ASSERT_GE(moe, 0);
    EXPECT_TRUE(models->itemText(moe).contains(QStringLiteral("MoE, 30.5B total / 3.3B active")))
        << models->itemText(moe).toStdString();
    EXPECT_TRUE(models->itemText(moe).contains(QStringLiteral("128k context")));
    const int alias = models->findData(QStringLiteral("devstral-small"));
    ASSERT_GE(alias, 0);
    EXPECT_TRUE(models->itemText(alias).contains(QStringLiteral("same architecture as Mistral Small 3 24B")));

    // Fits: all layers on the GPU.
    EXPECT_TRUE(panel->placementLabel()->text().contains(QStringLiteral("all 32 layers on the GPU")))
        << panel->placementLabel()->text().toStdString();

    // gpt-oss-120b does not fit the 24 GB card; with the build's 64 GB of RAM it runs with offload.
    models->setCurrentIndex(models->findData(QStringLiteral("gpt-oss-120b")));
    const auto& est = window->session()->evaluation().workload;
    ASSERT_TRUE(est.has_value());
    EXPECT_EQ(est->placement, "offload") << est->reason;
    const QString where = panel->placementLabel()->text();
    EXPECT_TRUE(where.contains(QStringLiteral("system RAM"))) << where.toStdString();
    EXPECT_TRUE(where.contains(QStringLiteral("--n-cpu-moe"))) << where.toStdString();
    // MLRIG_UI_SHOT_DIR=folder keeps a PNG of the panel for a look.
    if (const QString dir = qEnvironmentVariable("MLRIG_UI_SHOT_DIR"); !dir.isEmpty()) {
        QDir().mkpath(dir);
        panel->resize(760, std::max(panel->height(), panel->sizeHint().height() + 40));
        panel->grab().save(QDir(dir).filePath(QStringLiteral("workload-offload.png")));
    }
}

TEST_F(MainWindowTest, AModelAddedFromAFileIsSavedAndCarriedInTheBuild)
{
    pickFullBuild();
    QTemporaryDir dir;
    window->openUserData(dir.filePath(QStringLiteral("user.sqlite")));
    const QString path = dir.filePath(QStringLiteral("tiny.gguf"));
    {
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        const std::string bytes = mlrig::testsupport::tinyMoeGguf();
        f.write(bytes.data(), static_cast<qint64>(bytes.size()));
        f.resize(1'000'000);
    }
    WorkloadPanel* panel = window->workloadPanel();
    EXPECT_TRUE(panel->addModelFromFile(path).isEmpty());
    const Workload& w = *window->session()->build().workload;
    EXPECT_EQ(w.model, "Tiny MoE");
    EXPECT_FALSE(w.customModel.is_null());  // the .mlrig file carries the model
    ASSERT_NE(window->userDatabase(), nullptr);
    ASSERT_EQ(window->userDatabase()->models().size(), 1u);
    EXPECT_GE(panel->modelCombo()->findText(QStringLiteral("— My models —")), 0);
    EXPECT_GE(panel->modelCombo()->findData(QStringLiteral("my:tiny-moe")), 0);
    EXPECT_EQ(window->session()->evaluation().workload->placement, "vram");
    // A broken file: one message, the build unchanged.
    const QString broken = dir.filePath(QStringLiteral("broken.gguf"));
    {
        QFile f(broken);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("GGUF\x03\x00", 6);
    }
    const Build before = window->session()->build();
    EXPECT_TRUE(panel->addModelFromFile(broken).contains(QStringLiteral("ends inside the GGUF header")));
    EXPECT_EQ(window->session()->build(), before);
}
