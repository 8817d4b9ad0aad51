// Walks the real build wizard end to end and drives the GPU comparison, offscreen, on the
// embedded catalog (the parts a person would get).

#include <gtest/gtest.h>

#include <QAbstractButton>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <QWizard>

#include "ui/session/BuildSession.h"
#include "ui/wizard/BuildWizard.h"
#include "tests/support/BuiltInCatalog.h"
#include "ui/compare/GpuComparisonDialog.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/picker/PartFilterProxy.h"
#include "ui/picker/PartPickerDialog.h"
#include "ui/common/UiFormat.h"
#include "ui/wizard/WizardGpuPage.h"
#include "ui/wizard/WizardPartsPage.h"
#include "ui/wizard/WizardReviewPage.h"
#include "core/eval/Evaluate.h"
#include "core/util/Csv.h"
#include "core/advise/SystemComparison.h"

using namespace mlrig;
using namespace mlrig::ui;
using mlrig::testsupport::builtInCatalog;

namespace {

template <typename T>
T* child(QWidget* parent, const char* name)
{
    T* w = parent->findChild<T*>(QString::fromLatin1(name));
    EXPECT_NE(w, nullptr) << name;
    return w;
}

void selectData(QComboBox* combo, const QString& data)
{
    const int index = combo->findData(data);
    ASSERT_GE(index, 0) << data.toStdString();
    combo->setCurrentIndex(index);
}

// Puts one GPU of the catalog (by model name) into the window's build, as a pick would.
void addGpu(MainWindow& window, const char* model)
{
    BuildItem gpu;
    gpu.category = Category::Gpu;
    gpu.ref = model;
    window.session()->setPart(Category::Gpu, -1, gpu);
}

struct WizardRun {
    Build build;
    Evaluation evaluation;
};

// Answers the wizard as a person would and clicks Finish; returns what the main window got.
WizardRun walkWizard(MainWindow& window, const QString& model, double budget, bool twoGpus, const QString& gpuModel)
{
    BuildWizard* wizard = window.createBuildWizard();
    wizard->show();
    EXPECT_EQ(wizard->currentId(), BuildWizard::WorkloadPage);
    child<QRadioButton>(wizard, "kind-llm-inference")->click();
    selectData(child<QComboBox>(wizard, "wizardModel"), model);
    selectData(child<QComboBox>(wizard, "wizardQuant"), QStringLiteral("q4_k_m"));
    wizard->next();

    EXPECT_EQ(wizard->currentId(), BuildWizard::BudgetPage);
    child<QDoubleSpinBox>(wizard, "wizardBudget")->setValue(budget);
    child<QRadioButton>(wizard, twoGpus ? "wizardTwoGpus" : "wizardOneGpu")->click();
    wizard->next();

    EXPECT_EQ(wizard->currentId(), BuildWizard::GpuPage);
    auto* gpuPage = qobject_cast<WizardGpuPage*>(wizard->currentPage());
    EXPECT_TRUE(gpuPage);
    EXPECT_GT(gpuPage->ranking().recommendedCount, 0) << gpuPage->ranking().verdict;
    EXPECT_TRUE(gpuPage->selectModel(gpuModel));
    EXPECT_TRUE(gpuPage->isComplete());
    wizard->next();

    EXPECT_EQ(wizard->currentId(), BuildWizard::PlatformPage);
    EXPECT_TRUE(wizard->currentPage()->isComplete()) << wizard->suggestion().message;
    wizard->next();
    EXPECT_EQ(wizard->currentId(), BuildWizard::RestPage);
    wizard->next();
    EXPECT_EQ(wizard->currentId(), BuildWizard::ReviewPage);
    auto* review = qobject_cast<WizardReviewPage*>(wizard->currentPage());
    EXPECT_TRUE(review && review->reviewText().contains(QStringLiteral("Checks: 0 errors")));
    wizard->button(QWizard::FinishButton)->click();
    QApplication::processEvents();
    return {window.session()->build(), window.session()->evaluation()};
}

}  // namespace

TEST(BuildWizard, LlmInferenceBuildEndToEndHasNoErrors)
{
    MainWindow window(builtInCatalog());
    window.setInteractive(false);
    const WizardRun run =
        walkWizard(window, QStringLiteral("llama-3.1-8b"), 2000, false, QStringLiteral("GeForce RTX 4060 Ti 16GB"));
    EXPECT_EQ(run.build.items.size(), 8u);
    EXPECT_EQ(run.evaluation.count(Severity::Error), 0);
    ASSERT_TRUE(run.build.workload);
    EXPECT_EQ(run.build.workload->model, "llama-3.1-8b");
    ASSERT_TRUE(run.evaluation.workload);
    EXPECT_TRUE(run.evaluation.workload->fits);
    EXPECT_LE(run.evaluation.cost.total, 2000);
    // Finish was one undoable step.
    window.session()->undoStack()->undo();
    EXPECT_TRUE(window.session()->build().items.empty());
}

// The wizard over a saved build opens its result as a new untitled build: the file is never
// overwritten by the next Ctrl+S.
TEST(BuildWizard, OverASavedBuildOpensANewUntitledBuild)
{
    MainWindow window(builtInCatalog());
    window.setInteractive(false);
    addGpu(window, "GeForce RTX 3090");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("saved.mlrig"));
    ASSERT_TRUE(window.saveTo(path));
    QFile saved(path);
    ASSERT_TRUE(saved.open(QIODevice::ReadOnly));
    const QByteArray before = saved.readAll();
    saved.close();

    const WizardRun run =
        walkWizard(window, QStringLiteral("llama-3.1-8b"), 2000, false, QStringLiteral("GeForce RTX 4060 Ti 16GB"));
    EXPECT_EQ(run.build.items.size(), 8u);
    EXPECT_TRUE(window.currentFile().isEmpty()) << window.currentFile().toStdString();
    EXPECT_FALSE(window.session()->undoStack()->isClean());  // unsaved: Save asks for a name
    ASSERT_TRUE(saved.open(QIODevice::ReadOnly));
    EXPECT_EQ(saved.readAll(), before);
}

TEST(BuildWizard, TwoGpuBuildEndToEndHasNoErrors)
{
    MainWindow window(builtInCatalog());
    window.setInteractive(false);
    const WizardRun run =
        walkWizard(window, QStringLiteral("llama-3.1-70b"), 6000, true, QStringLiteral("GeForce RTX 3090"));
    int gpus = 0;
    for (const BuildItem& item : run.build.items)
        if (item.category == Category::Gpu)
            gpus += item.quantity;
    EXPECT_EQ(gpus, 2);
    EXPECT_EQ(run.evaluation.count(Severity::Error), 0);
    ASSERT_TRUE(run.evaluation.workload);
    EXPECT_TRUE(run.evaluation.workload->fits) << "2 x 24 GB holds a 70B model at 4 bits";
    for (const Finding& f : run.evaluation.findings)
        EXPECT_NE(f.rule, "pcie-lanes") << f.message;
}

TEST(BuildWizard, BackKeepsChoicesAndChangingAnEarlierStepResuggests)
{
    MainWindow window(builtInCatalog());
    window.setInteractive(false);
    BuildWizard* wizard = window.createBuildWizard();
    wizard->show();
    child<QRadioButton>(wizard, "kind-llm-inference")->click();
    selectData(child<QComboBox>(wizard, "wizardModel"), QStringLiteral("llama-3.1-8b"));
    wizard->next();
    child<QDoubleSpinBox>(wizard, "wizardBudget")->setValue(2500);
    wizard->next();
    auto* gpuPage = qobject_cast<WizardGpuPage*>(wizard->currentPage());
    ASSERT_TRUE(gpuPage->selectModel(QStringLiteral("GeForce RTX 3090")));
    wizard->next();
    const int firstSuggestion = wizard->suggestionRevision();

    // Platform: pick another CPU; the board must follow its socket.
    auto* platform = qobject_cast<WizardPartsPage*>(wizard->currentPage());
    ASSERT_TRUE(platform);
    QComboBox* cpus = platform->combo(Category::Cpu);
    ASSERT_GT(cpus->count(), 3);
    platform->choose(Category::Cpu, cpus->count() - 1);
    ASSERT_TRUE(wizard->suggestion().build) << wizard->suggestion().message;
    EXPECT_EQ(wizard->kept().size(), 1u);
    EXPECT_FALSE(evaluate(*wizard->suggestion().build, builtInCatalog()).hasErrors());

    // Back twice: the budget is still 2500 and the GPU still selected.
    wizard->back();
    wizard->back();
    EXPECT_EQ(child<QDoubleSpinBox>(wizard, "wizardBudget")->value(), 2500);
    child<QDoubleSpinBox>(wizard, "wizardBudget")->setValue(3000);
    wizard->next();
    EXPECT_EQ(qs(wizard->gpuLine()->ref), qs(qobject_cast<WizardGpuPage*>(wizard->currentPage())
                                                 ->ranking()
                                                 .suggestions[static_cast<size_t>(
                                                     qobject_cast<WizardGpuPage*>(wizard->currentPage())
                                                         ->table()
                                                         ->currentRow())]
                                                 .item()
                                                 .ref))
        << "the GPU choice survives a new ranking";
    wizard->next();
    EXPECT_GT(wizard->suggestionRevision(), firstSuggestion + 1) << "a changed budget suggests the platform again";
    EXPECT_TRUE(wizard->kept().empty());
    wizard->discard();
}

TEST(BuildWizard, AnImpossibleBudgetSaysSoOnTheGpuStep)
{
    MainWindow window(builtInCatalog());
    window.setInteractive(false);
    BuildWizard* wizard = window.createBuildWizard();
    wizard->show();
    child<QRadioButton>(wizard, "kind-llm-inference")->click();
    selectData(child<QComboBox>(wizard, "wizardModel"), QStringLiteral("llama-3.1-70b"));
    wizard->next();
    child<QDoubleSpinBox>(wizard, "wizardBudget")->setValue(800);
    wizard->next();
    const QString verdict = child<QLabel>(wizard, "wizardGpuVerdict")->text();
    EXPECT_TRUE(verdict.contains(QStringLiteral("No build within $800"))) << verdict.toStdString();
    EXPECT_TRUE(verdict.contains(QStringLiteral("raise the budget"))) << verdict.toStdString();
    wizard->discard();
}

TEST(BuildWizard, ImageGenerationStartsOnACudaCardUnlessOtherVendorsAreTicked)
{
    MainWindow window(builtInCatalog());
    window.setInteractive(false);
    BuildWizard* wizard = window.createBuildWizard();
    wizard->show();
    child<QRadioButton>(wizard, "kind-image-generation")->click();
    wizard->next();
    auto* others = child<QCheckBox>(wizard, "wizardOtherVendors");
    EXPECT_FALSE(others->isChecked());
    child<QDoubleSpinBox>(wizard, "wizardBudget")->setValue(2500);
    wizard->next();
    auto* gpuPage = qobject_cast<WizardGpuPage*>(wizard->currentPage());
    ASSERT_TRUE(gpuPage);
    ASSERT_GT(gpuPage->ranking().recommendedCount, 0) << gpuPage->ranking().verdict;
    EXPECT_EQ(gpuPage->ranking().suggestions.front().gpu->vendor, Vendor::Nvidia);
    wizard->back();
    others->setChecked(true);
    EXPECT_TRUE(wizard->goal().otherVendorsEqual);
    wizard->discard();
}

TEST(BuildWizard, AUsedPriceReRanksAtOnce)
{
    MainWindow window(builtInCatalog());
    window.setInteractive(false);
    BuildWizard* wizard = window.createBuildWizard();
    wizard->show();
    child<QRadioButton>(wizard, "kind-llm-inference")->click();
    selectData(child<QComboBox>(wizard, "wizardModel"), QStringLiteral("llama-3.1-8b"));
    wizard->next();
    child<QDoubleSpinBox>(wizard, "wizardBudget")->setValue(2000);
    child<QCheckBox>(wizard, "wizardUsed")->setChecked(true);
    wizard->next();
    auto* gpuPage = qobject_cast<WizardGpuPage*>(wizard->currentPage());
    ASSERT_TRUE(gpuPage);
    ASSERT_TRUE(gpuPage->selectModel(QStringLiteral("GeForce RTX 3090")));
    const auto find3090 = [&]() -> const GpuSuggestion* {
        for (const GpuSuggestion& s : gpuPage->ranking().suggestions)
            if (s.model == "GeForce RTX 3090")
                return &s;
        return nullptr;
    };
    ASSERT_TRUE(find3090());
    const double before = find3090()->unitPrice;
    ASSERT_GT(before, 450);
    const std::optional<double> buildBefore = find3090()->buildCost;
    // Typing the price of a used card found for sale changes the table now, without Next.
    child<QDoubleSpinBox>(wizard, "wizardUsedPrice")->setValue(450);
    const GpuSuggestion* after = find3090();
    ASSERT_TRUE(after);
    EXPECT_EQ(after->unitPrice, 450);
    EXPECT_EQ(after->priceSource, PriceSource::User);
    EXPECT_EQ(after->item().price, 450);
    EXPECT_EQ(after->item().condition, Condition::Used);
    ASSERT_TRUE(buildBefore && after->buildCost);
    EXPECT_NEAR(*buildBefore - *after->buildCost, (before - 450) * after->count, 1.0);
    // The selection stays on the card whose price was typed.
    const int row = gpuPage->findChild<QTableWidget*>(QStringLiteral("wizardGpuTable"))->currentRow();
    ASSERT_GE(row, 0);
    EXPECT_EQ(gpuPage->ranking().suggestions[static_cast<size_t>(row)].model, "GeForce RTX 3090");
    wizard->discard();
}

TEST(GpuComparisonView, ShowsTheRightWinnersFor3090Vs4090Vs4060Ti)
{
    Workload workload;
    workload.model = "llama-3.1-8b";
    GpuComparisonDialog dialog(builtInCatalog(), workload, {});
    ASSERT_TRUE(dialog.setGpu(0, QStringLiteral("GeForce RTX 3090")));
    ASSERT_TRUE(dialog.setGpu(1, QStringLiteral("GeForce RTX 4090")));
    ASSERT_TRUE(dialog.setGpu(2, QStringLiteral("GeForce RTX 4060 Ti 16GB")));
    ASSERT_TRUE(dialog.comparison());
    QTableWidget* table = dialog.table();
    ASSERT_EQ(table->columnCount(), 4);
    const auto winners = [&](const char* rowId) {
        const int row = dialog.tableRow(QString::fromLatin1(rowId));
        EXPECT_GE(row, 0) << rowId;
        QStringList names;
        for (int c = 1; c < table->columnCount(); ++c)
            if (table->item(row, c)->data(Qt::AccessibleDescriptionRole).toString() == QStringLiteral("best"))
                names << table->horizontalHeaderItem(c)->text();
        return names.join(QStringLiteral(", ")).toStdString();
    };
    EXPECT_EQ(winners("vram"), "GeForce RTX 3090, GeForce RTX 4090");
    EXPECT_EQ(winners("bandwidth"), "GeForce RTX 4090");
    EXPECT_EQ(winners("fp16-tensor"), "GeForce RTX 4090");
    EXPECT_EQ(winners("tdp"), "GeForce RTX 4060 Ti 16GB");
    EXPECT_EQ(winners("price"), "GeForce RTX 4060 Ti 16GB");
    EXPECT_EQ(winners("vram-per-dollar"), "GeForce RTX 4060 Ti 16GB");
    EXPECT_EQ(winners("nvlink"), "GeForce RTX 3090");
    EXPECT_EQ(winners("figure"), "GeForce RTX 4090");
    // Differences against the first column are shown in percent.
    EXPECT_TRUE(table->item(dialog.tableRow(QStringLiteral("bandwidth")), 2)->text().contains(QStringLiteral("(+8%)")));
    // One bar set per GPU in the chart.
    EXPECT_EQ(dialog.chartView()->chart()->series().size(), 1);
}

TEST(GpuComparisonView, AddsAGpuToTheBuildAndExportsCsvAndPdf)
{
    MainWindow window(builtInCatalog());
    window.setInteractive(false);
    GpuComparisonDialog* dialog = window.openGpuComparison();
    ASSERT_TRUE(dialog->comparison());
    const BuildItem first = dialog->comparison()->gpus.front().item;
    emit dialog->addToBuildRequested(first);
    ASSERT_EQ(window.session()->build().items.size(), 1u);
    EXPECT_EQ(window.session()->build().items.front().ref, first.ref);

    QTemporaryDir dir;
    QString error;
    const QString csv = dir.filePath(QStringLiteral("c.csv"));
    ASSERT_TRUE(dialog->exportCsv(csv, &error)) << error.toStdString();
    QFile file(csv);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const auto rows = parseCsv(file.readAll().toStdString());
    EXPECT_EQ(rows.size(), dialog->comparison()->rows.size() + 1);
    const QString pdf = dir.filePath(QStringLiteral("c.pdf"));
    ASSERT_TRUE(dialog->exportPdf(pdf, &error)) << error.toStdString();
    QFile pdfFile(pdf);
    ASSERT_TRUE(pdfFile.open(QIODevice::ReadOnly));
    EXPECT_TRUE(pdfFile.read(5) == "%PDF-");
    EXPECT_FALSE(dialog->exportPdf(dir.filePath(QStringLiteral("missing/x.pdf")), &error));
    EXPECT_FALSE(error.isEmpty());
    dialog->close();
}

TEST(MainWindowExport, WritesCsvMarkdownAndPdfAndReportsAnUnwritablePath)
{
    MainWindow window(builtInCatalog());
    window.setInteractive(false);
    addGpu(window, "GeForce RTX 3090");
    QTemporaryDir dir;
    for (auto [format, name, marker] :
         {std::tuple{MainWindow::ExportFormat::Csv, "b.csv", "GeForce RTX 3090"},
          std::tuple{MainWindow::ExportFormat::Markdown, "b.md", "GeForce RTX 3090"},
          std::tuple{MainWindow::ExportFormat::Pdf, "b.pdf", "%PDF-"}}) {
        const QString path = dir.filePath(QString::fromLatin1(name));
        QSignalSpy finished(&window, &MainWindow::exportFinished);
        ASSERT_TRUE(window.exportTo(format, path)) << name;
        // The PDF report is written in the background (BackgroundExportTest); CSV and Markdown at once.
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        EXPECT_TRUE(finished.at(0).at(1).toBool()) << name;
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::ReadOnly));
        EXPECT_TRUE(f.readAll().contains(marker)) << name;
    }
    EXPECT_FALSE(window.exportTo(MainWindow::ExportFormat::Csv, dir.filePath(QStringLiteral("no/such/dir/b.csv"))));
}

TEST(GpuComparisonView, ThePickersSelectionOpensAComparisonOfThoseGpus)
{
    MainWindow window(builtInCatalog());
    window.setInteractive(false);
    Build empty;
    PartPickerDialog picker(builtInCatalog(), Category::Gpu, empty, -1, EvaluationOptions{});
    picker.searchField()->setText(QStringLiteral("rtx 4090"));
    QPushButton* compare = picker.compareButton();
    ASSERT_TRUE(compare);
    ASSERT_GE(picker.proxy()->rowCount(), 3);
    EXPECT_FALSE(compare->isEnabled()) << "one row selected";
    QItemSelectionModel* selection = picker.view()->selectionModel();
    selection->clearSelection();
    for (int row = 0; row < 3; ++row)
        selection->select(picker.proxy()->index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    ASSERT_TRUE(compare->isEnabled());
    compare->click();
    EXPECT_EQ(picker.result(), PartPickerDialog::CompareRequested);
    ASSERT_EQ(picker.comparedParts().size(), 3u);

    std::vector<BuildItem> start;
    for (const AnyPart* part : picker.comparedParts()) {
        BuildItem gpu;
        gpu.category = Category::Gpu;
        gpu.ref = infoOf(*part).id;
        start.push_back(gpu);
    }
    GpuComparisonDialog* dialog = window.openGpuComparison(start);
    ASSERT_TRUE(dialog->comparison());
    ASSERT_EQ(dialog->comparison()->gpus.size(), 3u);
    for (size_t i = 0; i < 3; ++i)
        EXPECT_EQ(dialog->comparison()->gpus[i].gpu, &std::get<Gpu>(*picker.comparedParts()[i]));
    dialog->close();
}

TEST(BuildWizard, GpuStepNamesTheMachineToBuyInsteadFromTheBuildOrBuyRanking)
{
    MainWindow window(builtInCatalog());
    window.setInteractive(false);
    BuildWizard* wizard = window.createBuildWizard();
    wizard->show();
    child<QRadioButton>(wizard, "kind-llm-inference")->click();
    selectData(child<QComboBox>(wizard, "wizardModel"), QStringLiteral("gpt-oss-120b"));
    selectData(child<QComboBox>(wizard, "wizardQuant"), QStringLiteral("mxfp4"));
    wizard->next();
    child<QDoubleSpinBox>(wizard, "wizardBudget")->setValue(2500);
    wizard->next();
    auto* gpuPage = qobject_cast<WizardGpuPage*>(wizard->currentPage());
    ASSERT_TRUE(gpuPage);
    // The same machine compare-systems ranks first within $2,500 for a workload-only build.
    Build workloadOnly;
    workloadOnly.workload = wizard->goal().workload;
    const SystemComparison comparison = compareSystems(workloadOnly, builtInCatalog(), wizard->evaluationOptions());
    const SystemRow* best = bestMachine(comparison, 2500);
    ASSERT_NE(best, nullptr);
    const QString text = gpuPage->orBuyLabel()->text();
    EXPECT_TRUE(text.contains(qs(best->name).toHtmlEscaped())) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("href"))) << text.toStdString();
    // A budget no machine meets says so instead of naming one.
    wizard->back();
    child<QDoubleSpinBox>(wizard, "wizardBudget")->setValue(600);
    wizard->next();
    EXPECT_TRUE(gpuPage->orBuyLabel()->text().contains(QStringLiteral("No ready-made"))) << gpuPage->orBuyLabel()->text().toStdString();
    wizard->discard();
}
