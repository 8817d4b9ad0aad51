#pragma once

// The report's pictures: the power gauge (painted directly) and the performance-per-dollar bars
// (a Qt Chart, rendered through a QGraphicsScene so a PDF gets vectors, not pixels).

#include <QRectF>
#include <QString>

#include <cstddef>
#include <optional>
#include <vector>

#include "core/eval/Evaluation.h"

class QPainter;
QT_BEGIN_NAMESPACE
class QChart;
QT_END_NAMESPACE

namespace mlrig::ui::report {

// A half-circle gauge of sustained and peak load against the supply and the advised supply.
void paintPowerGauge(QPainter& p, const QRectF& box, const PowerSummary& pw);

// One figure per dollar of GPU price (TFLOPS, VRAM or decode tokens/s): a bar per GPU line.
struct ValueMetric {
    QString title;  // "FP16 tensor TFLOPS"
    std::optional<double> GpuValue::*perDollar;
    int decimals = 1;
};
// The metrics the report charts, in order; tokens/s only when some row has it.
std::vector<ValueMetric> valueMetrics(const std::vector<const GpuValue*>& rows);

// Bars of one metric per `per` units of GPU price, one bar per GPU in `rows`, on an axis of its
// own (one unit per axis). The caller owns the chart until paintChart() takes it.
QChart* createValueChart(const std::vector<const GpuValue*>& rows, const ValueMetric& metric, double per,
                         const QString& axisTitle);
// The height, in points, one metric's chart wants for this many GPUs.
double valueChartHeight(std::size_t gpus);

// Lays `chart` out at the size of `target` and paints it there; takes ownership of the chart.
// GUI thread only (a QGraphicsScene registers itself with the QApplication).
void paintChart(QPainter& p, QChart* chart, const QRectF& target);

// createValueChart() and paintChart() on the GUI thread, whichever thread calls it: from a worker
// (a background PDF export) the chart is made and painted on the GUI thread while the worker
// waits, its painter untouched by the worker meanwhile.
void paintValueChart(QPainter& p, const std::vector<const GpuValue*>& rows, const ValueMetric& metric, double per,
                     const QString& axisTitle, const QRectF& target);

}  // namespace mlrig::ui::report
