// Tools > Compare GPUs with a unified-memory machine as a column (issue 17): the pickers list the
// machines after the GPUs under a heading that cannot be chosen, and a machine picked there shows
// its own figures, the ones core's compareGpus() and compareSystems() give.

#include <gtest/gtest.h>

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDir>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QMenu>
#include <QTableWidget>
#include <QToolButton>

#include "core/advise/SystemComparison.h"
#include "tests/support/BuiltInCatalog.h"
#include "ui/compare/GpuComparisonDialog.h"

using namespace mlrig;
using namespace mlrig::ui;
using mlrig::testsupport::builtInCatalog;

namespace {

constexpr const char* kSpark = "NVIDIA DGX Spark (128 GB, 4 TB)";

QStringList g_modelFailures;
QtMessageHandler g_previous = nullptr;

// QAbstractItemModelTester's findings (category qt.modeltest) fail the test instead of aborting it.
void collect(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if (context.category && QLatin1String(context.category) == QLatin1String("qt.modeltest") && type >= QtWarningMsg) {
        g_modelFailures << message;
        return;
    }
    if (g_previous)
        g_previous(type, context, message);
}

Workload llama70b()
{
    Workload w;
    w.kind = WorkloadKind::LlmInference;
    w.model = "llama-3.1-70b";
    w.quant = "q4_k_m";
    w.context = 8192;
    return w;
}

}  // namespace

TEST(GpuComparisonMachineView, PickersListMachinesAfterGpusAndAPickedMachineShowsItsColumn)
{
    g_modelFailures.clear();
    g_previous = qInstallMessageHandler(collect);
    {
        const Catalog& catalog = builtInCatalog();
        GpuComparisonDialog dialog(catalog, llama70b(), {});
        QComboBox* picker = dialog.findChild<QComboBox*>(QStringLiteral("comparePick2"));
        ASSERT_NE(picker, nullptr);
        QAbstractItemModelTester tester(picker->model(), QAbstractItemModelTester::FailureReportingMode::Warning);

        // GPUs, a separator, the heading (not selectable), then every machine of the catalog.
        const int heading = picker->findText(QStringLiteral("Machines with unified memory"));
        ASSERT_GT(heading, 0);
        EXPECT_EQ(picker->model()->flags(picker->model()->index(heading, 0)) & (Qt::ItemIsEnabled | Qt::ItemIsSelectable),
                  Qt::ItemFlags());
        int lastGpu = -1, firstMachine = -1, machines = 0;
        for (int i = 0; i < picker->count(); ++i) {
            const QString data = picker->itemData(i).toString();
            if (data.startsWith(QStringLiteral("gpu")))
                lastGpu = i;
            if (data.startsWith(QStringLiteral("system:"))) {
                ++machines;
                if (firstMachine < 0)
                    firstMachine = i;
            }
        }
        EXPECT_LT(lastGpu, heading);
        EXPECT_EQ(firstMachine, heading + 1);
        EXPECT_EQ(machines, static_cast<int>(catalog.unifiedSystems().systems().size()));

        // Pick the machine as a person would: choose its entry in the second list.
        picker->setCurrentIndex(picker->findText(QString::fromLatin1(kSpark)));
        ASSERT_TRUE(dialog.comparison());
        const GpuComparison& c = *dialog.comparison();
        ASSERT_EQ(c.gpus[1].kind, ColumnKind::System);
        QTableWidget* table = dialog.table();
        EXPECT_EQ(table->horizontalHeaderItem(2)->text(), QString::fromLatin1(kSpark));
        const auto cell = [&](const char* rowId) {
            const int row = dialog.tableRow(QString::fromLatin1(rowId));
            EXPECT_GE(row, 0) << rowId;
            return row < 0 ? QString() : table->item(row, 2)->text();
        };
        EXPECT_TRUE(cell("vram").startsWith(QStringLiteral("118 of 128 GB"))) << cell("vram").toStdString();
        EXPECT_TRUE(cell("bandwidth").startsWith(QStringLiteral("273 GB/s"))) << cell("bandwidth").toStdString();
        EXPECT_TRUE(cell("fits").startsWith(QStringLiteral("Yes"))) << cell("fits").toStdString();
        EXPECT_EQ(cell("length"), QStringLiteral("n/a"));

        // Its decode speed is the one compare-systems gives for the machine.
        Build workloadOnly;
        workloadOnly.workload = llama70b();
        const SystemComparison systems = compareSystems(workloadOnly, catalog);
        const auto spark = std::find_if(systems.rows.begin(), systems.rows.end(),
                                        [](const SystemRow& r) { return r.name == kSpark; });
        ASSERT_NE(spark, systems.rows.end());
        ASSERT_TRUE(spark->decodeTokensPerS);
        EXPECT_DOUBLE_EQ(*c.row("figure")->values[1], *spark->decodeTokensPerS);
        EXPECT_TRUE(cell("figure").startsWith(QString::number(*spark->decodeTokensPerS, 'f', 1)))
            << cell("figure").toStdString();

        // The chart has a bar set for the machine; Add to Build offers only the GPUs.
        const auto* series = qobject_cast<QHorizontalBarSeries*>(dialog.chartView()->chart()->series().front());
        ASSERT_NE(series, nullptr);
        EXPECT_EQ(series->barSets().at(1)->label(), QString::fromLatin1(kSpark));
        auto* add = dialog.findChild<QToolButton*>(QStringLiteral("compareAddToBuild"));
        ASSERT_NE(add, nullptr);
        for (QAction* action : add->menu()->actions())
            EXPECT_FALSE(action->text().contains(QStringLiteral("DGX"))) << action->text().toStdString();
        EXPECT_EQ(add->menu()->actions().size(), static_cast<qsizetype>(c.gpus.size()) - 1);

        // By name through the dialog's own API, too.
        ASSERT_TRUE(dialog.setGpu(0, QStringLiteral("Mac Studio (M3 Ultra 80-core, 256 GB)")));
        EXPECT_EQ(dialog.comparison()->gpus[0].kind, ColumnKind::System);
        EXPECT_FALSE(dialog.setGpu(0, QStringLiteral("Mac Studio (M9 Ultra)")));

        if (const QString dir = qEnvironmentVariable("MLRIG_UI_SHOT_DIR"); !dir.isEmpty()) {
            ASSERT_TRUE(dialog.setGpu(0, QStringLiteral("GeForce RTX 3090")));
            dialog.resize(1280, 820);
            dialog.show();
            QApplication::processEvents();
            QDir().mkpath(dir);
            dialog.grab().save(QDir(dir).filePath(QStringLiteral("comparison-machine.png")));
        }
    }
    qInstallMessageHandler(g_previous);
    EXPECT_TRUE(g_modelFailures.isEmpty()) << g_modelFailures.join(QLatin1Char('\n')).toStdString();
}
