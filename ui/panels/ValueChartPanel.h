#pragma once

// Performance per dollar: the catalog's GPU models as a scatter of price against a metric with
// the build's GPU highlighted (at the price the build pays), and a bar chart of that metric per
// 1000 of price for the best few models. With a workload the first metric is the workload's own
// figure (decode tokens/s, images/min...) among the cards that run it; cards the rules warn about
// (AMD/Intel, datacentre, workstation) are marked, and every point and bar names itself on hover.
// Figures come from core's gpuValueTable().

#include <QPointF>
#include <QStringList>
#include <QWidget>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/model/Build.h"
#include "core/eval/ValueMetrics.h"

class QBarCategoryAxis;
class QBarSet;
class QHorizontalBarSeries;
class QScatterSeries;
class QValueAxis;
class QChartView;
class QComboBox;
class QLabel;
class QSplitter;

namespace mlrig::ui {

class BuildSession;

class ValueChartPanel : public QWidget {
    Q_OBJECT
public:
    enum Metric { Tflops, Bandwidth, Vram, WorkloadFigure };
    explicit ValueChartPanel(BuildSession* session, QWidget* parent = nullptr);

    QComboBox* metricCombo() const { return m_metric; }
    QChartView* scatterView() const { return m_scatter; }
    QChartView* barView() const { return m_bars; }

    // What the charts show, for tests: the models ranked in the bar chart (best first) and the
    // note under the charts.
    QStringList rankedModels() const { return m_rankedModels; }
    QString note() const;
    QString pointToolTip(const QString& model) const;
    // The tooltip the hovered point or bar shows (empty when nothing is hovered).
    QString hoverText() const { return m_hoverText; }
    QScatterSeries* buildSeries() const { return m_mine; }
    QScatterSeries* modelSeries() const { return m_others; }
    QBarSet* barSet() const { return m_set; }
    QSplitter* splitter() const { return m_split; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void showHover(const QString& text);
    void refresh();
    void redraw();
    void updateMetricChoices();
    const GpuValueRow* rowOf(const QString& model) const;

    BuildSession* m_session;
    QComboBox* m_metric;
    QChartView* m_scatter;
    QChartView* m_bars;
    QLabel* m_note;
    QScatterSeries* m_others;
    QScatterSeries* m_mine;
    QScatterSeries* m_flagged;
    std::vector<const GpuValueRow*> m_othersRows, m_flaggedRows, m_mineRows;  // per scatter point
    std::vector<const GpuValueRow*> m_barRows;                               // per bar, bottom first
    QStringList m_rankedModels;
    QValueAxis* m_scatterX;
    QValueAxis* m_scatterY;
    QBarSet* m_set;
    QHorizontalBarSeries* m_barSeries;
    QBarCategoryAxis* m_barNames;
    QValueAxis* m_barValues;
    std::vector<GpuValueRow> m_rows;
    std::optional<std::optional<Workload>> m_rowsFor;
    std::optional<WorkloadKind> m_lastKind;
    std::vector<std::string> m_lastModels;   // the build's GPU models with their prices (change detection)
    std::vector<std::string> m_buildModels;  // the build's GPU models
    std::map<std::string, double> m_paidPrices;  // GPU model -> the unit price the build pays
    // The build as a whole on the workload metric: its GPUs' total price and the workload figure
    // the evaluation gives for all of them (two cards can run what one cannot).
    std::optional<QPointF> m_buildPoint;
    QString m_buildTip;
    QString m_barUnit;  // what a bar measures ("GB/s per $1000")
    QString m_hoverText;
    QSplitter* m_split;
};

}  // namespace mlrig::ui
