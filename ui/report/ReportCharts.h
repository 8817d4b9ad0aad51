#pragma once

// The report's pictures: the power gauge (painted directly) and the performance-per-dollar bars
// (a Qt Chart, rendered through a QGraphicsScene so a PDF gets vectors, not pixels).

#include <QRectF>
#include <QString>

#include <cstddef>
#include <vector>

#include "core/eval/Evaluation.h"

class QPainter;
QT_BEGIN_NAMESPACE
class QChart;
QT_END_NAMESPACE

namespace mlrig::ui::report {

// A half-circle gauge of sustained and peak load against the supply and the advised supply.
void paintPowerGauge(QPainter& p, const QRectF& box, const PowerSummary& pw);

// Bars per `per` units of GPU price for each GPU in `rows` (tokens/s only when anyTokens).
// The caller owns the chart until paintChart() takes it.
QChart* createValueChart(const std::vector<const GpuValue*>& rows, bool anyTokens, double per, const QString& axisTitle);
// The height, in points, the value chart wants for this many GPUs (before any cap).
double valueChartHeight(std::size_t gpus, bool anyTokens);

// Lays `chart` out at the size of `target` and paints it there; takes ownership of the chart.
void paintChart(QPainter& p, QChart* chart, const QRectF& target);

}  // namespace mlrig::ui::report
