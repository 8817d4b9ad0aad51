// Issue 18, "any screen" and "charts you can read": the main window fits a 1366x768 laptop and a
// 200% scaled screen, remembers its layout, its charts follow a dark palette, and every chart
// names what is under the mouse.
//
// What "fits" means here. Widget sizes are in logical pixels, and at QT_SCALE_FACTOR=2 one logical
// pixel is two on the screen, so a screen at 200% offers half its size: 2732x1536 gives 1366x768
// (the laptop budget again) and 1600x1000 gives 800x500. From the screen the window loses a task
// bar or top panel (48 logical pixels, Windows' and KDE's default) and its title bar (32): the
// window's minimum size must fit what is left, and the first-run size must fit the screen.

#include <gtest/gtest.h>

#include <QAbstractAxis>
#include <QApplication>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDockWidget>
#include <QHorizontalBarSeries>
#include <QLineSeries>
#include <QScatterSeries>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>

#include <memory>

#include "ui/compare/GpuComparisonDialog.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/panels/PowerPanel.h"
#include "ui/panels/ValueChartPanel.h"
#include "ui/session/BuildSession.h"
#include "tests/support/Catalogs.h"
#include "tests/support/Parts.h"

using namespace mlrig;
using namespace mlrig::ui;
using mlrig::testsupport::itemIndexOf;
using mlrig::testsupport::uiCatalog;

namespace {

constexpr int kTaskBar = 48;
constexpr int kTitleBar = 32;

// The client area a window gets on a screen of `physical` pixels at `scale`.
QSize clientArea(QSize physical, int scale)
{
    return QSize(physical.width() / scale, physical.height() / scale - kTaskBar - kTitleBar);
}

void pick(MainWindow& window, Category category, const char* id)
{
    const AnyPart* p = uiCatalog().findById(id);
    if (!p)
        p = uiCatalog().find(Category::Gpu, id);
    ASSERT_NE(p, nullptr) << id;
    window.choosePart(category, itemIndexOf(window.session()->build(), category), *p);
}

void pickFullBuild(MainWindow& window)
{
    pick(window, Category::Cpu, "cpu-7950x");
    pick(window, Category::Motherboard, "mb-x670e");
    pick(window, Category::Memory, "ram-2x32");
    pick(window, Category::Gpu, "GeForce RTX 3090");
    pick(window, Category::Psu, "psu-1600");
    Workload w;
    w.kind = WorkloadKind::LlmInference;
    w.model = "llama-3.1-8b";
    w.quant = "q4_k_m";
    w.context = 8192;
    window.session()->setWorkload(w);
}

class AnyScreen : public ::testing::Test {
protected:
    // Only the window layout is reset: ctest runs other test processes at the same time on the
    // same settings file, and clearing it all would take their recent files away mid-test.
    void SetUp() override { QSettings().remove(QStringLiteral("window")); }
    void TearDown() override { QSettings().remove(QStringLiteral("window")); }

    static std::unique_ptr<MainWindow> makeWindow()
    {
        auto window = std::make_unique<MainWindow>(uiCatalog());
        window->setInteractive(false);
        return window;
    }
};

// Every dock and chart keeps a usable size when the window is `client` large.
void expectEverythingShown(MainWindow& window, QSize client)
{
    window.resize(client);
    QApplication::processEvents();
    EXPECT_EQ(window.size(), client) << "the window refused to shrink to " << client.width() << "x" << client.height();
    EXPECT_TRUE(window.statusBar()->isVisible());
    EXPECT_LE(window.statusBar()->geometry().bottom(), window.height());
    for (QDockWidget* dock : window.findChildren<QDockWidget*>()) {
        EXPECT_TRUE(dock->isVisible()) << dock->objectName().toStdString();
        EXPECT_GE(dock->height(), dock->minimumSizeHint().height()) << dock->objectName().toStdString();
        EXPECT_LE(dock->geometry().right(), window.width()) << dock->objectName().toStdString();
    }
    for (QChartView* view : window.findChildren<QChartView*>()) {
        if (!view->isVisibleTo(&window))
            continue;
        EXPECT_GE(view->height(), view->minimumHeight());
    }
}

}  // namespace

TEST_F(AnyScreen, MinimumSizeFitsALaptopAndA200PercentScreen)
{
    // Before: 920x961, the Workload and Power panels stacked at their full height.
    auto window = makeWindow();
    window->show();
    QApplication::processEvents();
    const QSize min = window->minimumSizeHint().expandedTo(window->minimumSize());
    for (const auto& [screen, scale] : {std::pair{QSize(1366, 768), 1}, std::pair{QSize(2732, 1536), 2},
                                        std::pair{QSize(1600, 1000), 2}}) {
        const QSize client = clientArea(screen, scale);
        EXPECT_LE(min.width(), client.width()) << screen.width() << "x" << screen.height() << " at " << scale << "x";
        EXPECT_LE(min.height(), client.height()) << screen.width() << "x" << screen.height() << " at " << scale << "x";
    }
    // With a whole build and a workload the panels hold more, and still scroll instead of growing.
    pickFullBuild(*window);
    QApplication::processEvents();
    EXPECT_LE(window->minimumSizeHint().height(), clientArea(QSize(1600, 1000), 2).height());
    expectEverythingShown(*window, clientArea(QSize(1366, 768), 1));
    expectEverythingShown(*window, clientArea(QSize(1600, 1000), 2));
}

TEST_F(AnyScreen, FirstRunSizeFitsTheScreen)
{
    // Before: 1500x940 always, which at 200% on a 1600x1000 screen is 3000x1880 device pixels.
    EXPECT_EQ(MainWindow::initialSize(QSize(1920, 1040)), QSize(1500, 940));
    const QSize small = MainWindow::initialSize(QSize(800, 500 - kTaskBar));
    EXPECT_LE(small.width(), 800);
    EXPECT_LE(small.height(), 500 - kTaskBar - kTitleBar + 8);
    const QSize laptop = MainWindow::initialSize(QSize(1366, 768 - kTaskBar));
    EXPECT_LE(laptop.height(), 768 - kTaskBar - kTitleBar + 8);
    auto window = makeWindow();
    EXPECT_TRUE(laptop.expandedTo(window->minimumSizeHint()) == laptop) << "the first-run size is below the minimum";
}

TEST_F(AnyScreen, GeometryDocksAndSplittersAreRememberedAcrossRuns)
{
    QList<int> central, charts;
    {
        auto window = makeWindow();
        window->show();
        window->resize(1100, 640);
        QApplication::processEvents();
        window->centralSplitter()->setSizes({150, 330});
        window->valuePanel()->splitter()->setSizes({180, 400});
        QApplication::processEvents();
        central = window->centralSplitter()->sizes();
        charts = window->valuePanel()->splitter()->sizes();
        window->findChild<QDockWidget*>(QStringLiteral("powerDock"))->hide();
        EXPECT_TRUE(window->close());  // closeEvent writes the layout
    }
    auto again = makeWindow();
    again->show();
    QApplication::processEvents();
    EXPECT_EQ(again->size(), QSize(1100, 640));
    EXPECT_EQ(again->centralSplitter()->sizes(), central);
    EXPECT_EQ(again->valuePanel()->splitter()->sizes(), charts);
    EXPECT_FALSE(again->findChild<QDockWidget*>(QStringLiteral("powerDock"))->isVisible());
}

TEST_F(AnyScreen, EveryChartFollowsADarkPalette)
{
    auto window = makeWindow();
    window->show();
    pickFullBuild(*window);
    GpuComparisonDialog* comparison = window->openGpuComparison();
    QApplication::processEvents();
    const QPalette light = QApplication::palette();

    // The system switches to dark mode while the window is open, as a desktop's dark theme does.
    QPalette dark(QColor(0x3c, 0x3c, 0x3c), QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::Mid, QColor(0x55, 0x55, 0x55));
    QApplication::setPalette(dark);
    QApplication::processEvents();

    const QList<QChartView*> views = window->findChildren<QChartView*>();
    ASSERT_EQ(views.size(), 4);  // value scatter and bars, power limit, comparison (the window's child)
    ASSERT_TRUE(views.contains(comparison->chartView()));
    for (QChartView* view : views) {
        QChart* chart = view->chart();
        const std::string name = view->accessibleName().toStdString() + " " + chart->title().toStdString();
        EXPECT_LT(chart->backgroundBrush().color().lightness(), 60) << name;
        EXPECT_GT(chart->titleBrush().color().lightness(), 200) << name;
        EXPECT_LT(view->backgroundBrush().color().lightness(), 60) << name;
        for (QAbstractAxis* axis : chart->axes()) {
            EXPECT_GT(axis->labelsColor().lightness(), 200) << name;
            EXPECT_GT(axis->titleBrush().color().lightness(), 200) << name;
        }
        if (chart->legend()->isVisible()) {
            EXPECT_GT(chart->legend()->labelColor().lightness(), 200) << name;
        }
    }
    // And back to light.
    QApplication::setPalette(light);
    QApplication::processEvents();
    for (QChartView* view : views)
        EXPECT_EQ(view->chart()->backgroundBrush().color(), light.color(QPalette::Base));
    comparison->close();
}

TEST_F(AnyScreen, ValueChartsNameEveryPointAndBarAndLabelTheBuild)
{
    auto window = makeWindow();
    pickFullBuild(*window);
    ValueChartPanel* panel = window->valuePanel();
    QApplication::processEvents();

    QScatterSeries* models = panel->modelSeries();
    ASSERT_GT(models->count(), 0);
    emit models->hovered(models->at(0), true);
    const QString point = panel->hoverText();
    EXPECT_TRUE(point.contains(QStringLiteral("GB"))) << point.toStdString();
    EXPECT_TRUE(point.contains(QStringLiteral("$"))) << point.toStdString();
    emit models->hovered(models->at(0), false);
    EXPECT_TRUE(panel->hoverText().isEmpty());

    // The build's own point: labelled on the chart, and its tooltip says it is the build.
    QScatterSeries* mine = panel->buildSeries();
    ASSERT_EQ(mine->count(), 1);
    EXPECT_TRUE(mine->pointLabelsVisible());
    EXPECT_EQ(mine->pointLabelsFormat(), QStringLiteral("yours"));
    emit mine->hovered(mine->at(0), true);
    EXPECT_TRUE(panel->hoverText().contains(QStringLiteral("Your build"))) << panel->hoverText().toStdString();

    // Every bar: which GPU, its figures, and the bar's own value with its unit.
    QBarSet* bars = panel->barSet();
    ASSERT_GT(bars->count(), 0);
    for (int i = 0; i < bars->count(); ++i) {
        emit bars->hovered(true, i);
        const QString tip = panel->hoverText();
        const QString model = panel->rankedModels().at(bars->count() - 1 - i);  // bars draw bottom-up
        EXPECT_TRUE(tip.contains(model.toHtmlEscaped())) << tip.toStdString();
        EXPECT_TRUE(tip.contains(QStringLiteral("per $ 1000"))) << tip.toStdString();
    }
}

TEST_F(AnyScreen, PowerLimitChartNamesItsPointsAndLabelsTheBuildsLimit)
{
    auto window = makeWindow();
    pick(*window, Category::Gpu, "GeForce RTX 3090");
    PowerPanel* power = window->powerPanel();
    window->session()->setPowerLimit(0, 280);
    QApplication::processEvents();
    QLineSeries* curve = power->curveSeries();
    ASSERT_GT(curve->count(), 2);
    emit curve->hovered(curve->at(1), true);
    QString tip = power->hoverText();
    EXPECT_TRUE(tip.contains(QStringLiteral("3090"))) << tip.toStdString();
    EXPECT_TRUE(tip.contains(QStringLiteral(" W limit"))) << tip.toStdString();
    EXPECT_TRUE(tip.contains(QStringLiteral("Performance kept: %1%").arg(std::lround(curve->at(1).y())))) << tip.toStdString();

    QScatterSeries* current = power->currentSeries();
    ASSERT_EQ(current->count(), 1);
    EXPECT_TRUE(current->pointLabelsVisible());
    emit current->hovered(current->at(0), true);
    tip = power->hoverText();
    EXPECT_TRUE(tip.contains(QStringLiteral("Your limit: 280 W"))) << tip.toStdString();
}

TEST_F(AnyScreen, ComparisonBarsNameTheGpuTheRowAndTheFigure)
{
    auto window = makeWindow();
    GpuComparisonDialog* dialog = window->openGpuComparison();
    ASSERT_TRUE(dialog->setGpu(0, QStringLiteral("GeForce RTX 3090")));
    ASSERT_TRUE(dialog->setGpu(1, QStringLiteral("GeForce RTX 4090")));
    QApplication::processEvents();
    QList<QAbstractSeries*> series = dialog->chartView()->chart()->series();
    ASSERT_EQ(series.size(), 1);
    auto* bars = qobject_cast<QHorizontalBarSeries*>(series.first());
    ASSERT_NE(bars, nullptr);
    ASSERT_GE(bars->count(), 2);
    QBarSet* second = bars->barSets().at(1);
    ASSERT_GT(second->count(), 0);
    emit bars->hovered(true, 0, second);
    const QString tip = dialog->hoverText();
    EXPECT_TRUE(tip.contains(second->label().toHtmlEscaped())) << tip.toStdString();
    EXPECT_TRUE(tip.contains(QStringLiteral("% of the best"))) << tip.toStdString();
    EXPECT_TRUE(tip.contains(QLatin1Char(':'))) << tip.toStdString();
    emit bars->hovered(false, 0, second);
    EXPECT_TRUE(dialog->hoverText().isEmpty());
    dialog->close();
}
