// Tools > Build or Buy on real widgets: the table shows the domain's ranking, the budget filter
// keeps the build and drops the dearer machines, the chart labels the build and names every point
// on hover. Set MLRIG_UI_SHOT_DIR to a folder to get a PNG of the dialog.
#include <gtest/gtest.h>

#include <QAbstractItemModelTester>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QScatterSeries>
#include <QTableView>
#include <QTemporaryDir>
#include <QFile>

#include "core/eval/Evaluate.h"
#include "core/util/Csv.h"
#include "tests/support/BuiltInCatalog.h"
#include "ui/buildorbuy/BuildOrBuyDialog.h"
#include "ui/buildorbuy/SystemComparisonModel.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/session/BuildSession.h"

namespace mlrig::ui {
namespace {

using testsupport::builtInCatalog;

Build twoRtx3090For70b()
{
    Build build;
    build.name = "2 x 3090";
    BuildItem gpus;
    gpus.category = Category::Gpu;
    gpus.ref = "GeForce RTX 3090";
    gpus.quantity = 2;
    gpus.condition = Condition::Used;
    build.items.push_back(gpus);
    Workload w;
    w.model = "llama-3.3-70b";
    w.quant = "q4_k_m";
    w.context = 8192;
    build.workload = w;
    return build;
}

void saveShot(QWidget& widget, const char* name)
{
    const QString dir = qEnvironmentVariable("MLRIG_UI_SHOT_DIR");
    if (dir.isEmpty())
        return;
    widget.grab().save(QDir(dir).filePath(QString::fromLatin1(name)));
}

TEST(BuildOrBuyDialog, TableFollowsTheDomainRankingAndTheBudgetFilter)
{
    const Build build = twoRtx3090For70b();
    BuildOrBuyDialog dialog(build, builtInCatalog(), {}, 2500.0);
    QAbstractItemModelTester tester(dialog.model(), QAbstractItemModelTester::FailureReportingMode::Warning);
    dialog.resize(1200, 800);
    dialog.show();
    const SystemComparison& comparison = dialog.comparison();
    ASSERT_TRUE(comparison.hasBuildRow);
    QTableView* table = dialog.table();
    ASSERT_EQ(table->model()->rowCount(), static_cast<int>(comparison.rows.size()));
    // Row order = the domain's ranking: same names in the same order.
    for (int r = 0; r < table->model()->rowCount(); ++r)
        EXPECT_EQ(table->model()->index(r, SystemComparisonModel::Machine).data().toString().toStdString(),
                  comparison.rows[static_cast<size_t>(r)].name);
    saveShot(dialog, "build-or-buy.png");

    // The budget filter: the build stays, every machine left costs at most $2,500.
    dialog.budgetFilter()->setChecked(true);
    const int filtered = table->model()->rowCount();
    EXPECT_LT(filtered, static_cast<int>(comparison.rows.size()));
    bool buildKept = false;
    for (int r = 0; r < filtered; ++r) {
        const QModelIndex index = table->model()->index(r, 0);
        if (index.data(SystemComparisonModel::IsBuildRole).toBool()) {
            buildKept = true;
            continue;
        }
        EXPECT_LE(table->model()->index(r, SystemComparisonModel::Price).data(SystemComparisonModel::SortRole).toDouble(),
                  2500.0);
    }
    EXPECT_TRUE(buildKept);
    dialog.budgetBox()->setValue(100000);
    EXPECT_EQ(table->model()->rowCount(), static_cast<int>(std::count_if(
                                              comparison.rows.begin(), comparison.rows.end(),
                                              [](const SystemRow& r) { return r.isBuild || r.price.has_value(); })));
    // Sorting by a column reorders the view, not the domain's rows.
    table->sortByColumn(SystemComparisonModel::Price, Qt::AscendingOrder);
    const double first = table->model()->index(0, SystemComparisonModel::Price).data(SystemComparisonModel::SortRole).toDouble();
    const double second = table->model()->index(1, SystemComparisonModel::Price).data(SystemComparisonModel::SortRole).toDouble();
    EXPECT_LE(first, second);

    // Export CSV writes what the table shows: a header and one line per row shown.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("b.csv"));
    QString error;
    dialog.budgetBox()->setValue(2500);
    ASSERT_TRUE(dialog.exportCsv(path, &error)) << error.toStdString();
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const auto csv = parseCsv(file.readAll().toStdString());
    EXPECT_EQ(csv.size(), static_cast<size_t>(table->model()->rowCount()) + 1);
    EXPECT_FALSE(dialog.exportCsv(dir.filePath(QStringLiteral("missing/dir/b.csv")), &error));
    EXPECT_FALSE(error.isEmpty());
}

TEST(BuildOrBuyDialog, ChartLabelsTheBuildAndNamesEveryPoint)
{
    BuildOrBuyDialog dialog(twoRtx3090For70b(), builtInCatalog(), {});
    QChart* chart = dialog.chartView()->chart();
    int buildPoints = 0;
    int machinePoints = 0;
    for (QAbstractSeries* s : chart->series()) {
        auto* scatter = qobject_cast<QScatterSeries*>(s);
        ASSERT_NE(scatter, nullptr);
        if (scatter->name() == QStringLiteral("Your build")) {
            buildPoints += static_cast<int>(scatter->count());
            EXPECT_TRUE(scatter->pointLabelsVisible());
        } else {
            machinePoints += static_cast<int>(scatter->count());
        }
    }
    EXPECT_EQ(buildPoints, 1);
    EXPECT_GT(machinePoints, 5);
    // The hover text names the machine with its price and speed.
    const SystemRow& top = dialog.comparison().rows.front();
    const QString tip = BuildOrBuyDialog::pointToolTip(top, QStringLiteral("decode tokens/s"));
    EXPECT_TRUE(tip.contains(QString::fromStdString(top.name).toHtmlEscaped())) << tip.toStdString();
    EXPECT_TRUE(tip.contains(QStringLiteral("decode tokens/s")));
}

TEST(BuildOrBuyDialog, WithoutAWorkloadListsMachinesAndSaysWhatIsMissing)
{
    Build empty;
    BuildOrBuyDialog dialog(empty, builtInCatalog(), {});
    EXPECT_FALSE(dialog.comparison().hasBuildRow);
    EXPECT_EQ(dialog.table()->model()->rowCount(),
              static_cast<int>(builtInCatalog().unifiedSystems().systems().size()));
    EXPECT_TRUE(dialog.chartView()->chart()->series().isEmpty());
    EXPECT_TRUE(dialog.chartView()->chart()->title().contains(QStringLiteral("workload")));
}

TEST(BuildOrBuyDialog, ToolsMenuOpensItForTheOpenBuild)
{
    MainWindow window(builtInCatalog());
    window.setInteractive(false);
    BuildOrBuyDialog* dialog = window.openBuildOrBuy();
    ASSERT_NE(dialog, nullptr);
    EXPECT_EQ(dialog->comparison().rows.size(), builtInCatalog().unifiedSystems().systems().size() +
                                                    (window.session()->build().items.empty() ? 0u : 1u));
    EXPECT_NE(window.findChild<QAction*>(QStringLiteral("actionBuildOrBuy")), nullptr);
    dialog->close();
}

}  // namespace
}  // namespace mlrig::ui
