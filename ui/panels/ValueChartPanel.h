#pragma once

// Performance per dollar: the catalog's GPU models as a scatter of price against a metric
// (FP16 TFLOPS, memory bandwidth or VRAM; preselected from the workload) with the build's GPU
// highlighted, and a bar chart of that metric per 1000 of price for the best few models.
// Figures come from core's gpuValueTable().

#include <QWidget>

#include <optional>
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

namespace mlrig::ui {

class BuildSession;

class ValueChartPanel : public QWidget {
    Q_OBJECT
public:
    enum Metric { Tflops, Bandwidth, Vram, Estimate };  // Estimate: the workload's own figure of merit
    explicit ValueChartPanel(BuildSession* session, QWidget* parent = nullptr);

    QComboBox* metricCombo() const { return m_metric; }
    QChartView* scatterView() const { return m_scatter; }
    QChartView* barView() const { return m_bars; }

private:
    void refresh();
    void redraw();

    BuildSession* m_session;
    QComboBox* m_metric;
    QChartView* m_scatter;
    QChartView* m_bars;
    QLabel* m_note;
    QScatterSeries* m_others;
    QScatterSeries* m_mine;
    QValueAxis* m_scatterX;
    QValueAxis* m_scatterY;
    QBarSet* m_set;
    QHorizontalBarSeries* m_barSeries;
    QBarCategoryAxis* m_barNames;
    QValueAxis* m_barValues;
    std::vector<GpuValueRow> m_rows;
    std::optional<std::optional<Workload>> m_rowsFor;
    std::optional<WorkloadKind> m_lastKind;
    std::vector<std::string> m_lastModels;
};

}  // namespace mlrig::ui
