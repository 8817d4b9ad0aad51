#include "ui/report/ReportCharts.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QCoreApplication>
#include <QGraphicsScene>
#include <QHorizontalBarSeries>
#include <QLegend>
#include <QPainter>
#include <QThread>
#include <QValueAxis>
#include <QtMath>

#include <algorithm>
#include <cmath>

#include "core/util/Format.h"
#include "ui/common/QtText.h"
#include "ui/report/ReportStyle.h"

namespace mlrig::ui::report {

void paintPowerGauge(QPainter& p, const QRectF& box, const PowerSummary& pw)
{
    const double maxW = std::max({pw.peakW, pw.psuW.value_or(0), pw.recommendedPsuW, 100.0}) * 1.12;
    const double scaleMax = std::ceil(maxW / 200.0) * 200.0;
    const double radius = std::min(box.width() / 2 - 8, box.height() - 26);
    const QPointF c(box.center().x(), box.top() + radius + 6);
    const QRectF arcRect(c.x() - radius, c.y() - radius, 2 * radius, 2 * radius);
    const double thick = radius * 0.22;
    const auto angleOf = [&](double w) { return 180.0 - 180.0 * std::clamp(w / scaleMax, 0.0, 1.0); };
    const auto arc = [&](double from, double to, const QColor& color) {
        if (to <= from)
            return;
        QPen pen(color, thick, Qt::SolidLine, Qt::FlatCap);
        p.setPen(pen);
        const double a0 = angleOf(from), a1 = angleOf(to);
        p.drawArc(arcRect, static_cast<int>(std::lround(a1 * 16)), static_cast<int>(std::lround((a0 - a1) * 16)));
    };
    arc(0, scaleMax, QColor(0xe6, 0xea, 0xee));
    arc(0, pw.sustainedW, kAccent);
    arc(pw.sustainedW, pw.peakW, QColor(0x8f, 0xb8, 0xde));
    const auto tick = [&](double w, const QColor& color, double width, Qt::PenStyle style) {
        const double a = qDegreesToRadians(angleOf(w));
        const QPointF dir(std::cos(a), -std::sin(a));
        p.setPen(QPen(color, width, style, Qt::FlatCap));
        p.drawLine(c + dir * (radius - thick / 2 - 5), c + dir * (radius + thick / 2 + 5));
    };
    if (pw.recommendedPsuW > 0)
        tick(pw.recommendedPsuW, kWarning, 1.4, Qt::DashLine);
    if (pw.psuW)
        tick(*pw.psuW, kInk, 2.4, Qt::SolidLine);
    paintText(p, c.x() - radius, c.y() - radius * 0.45, 2 * radius, font(15, true), kInk,
              QStringLiteral("%1 W").arg(qs(formatWhole(pw.sustainedW))), Qt::AlignHCenter | Qt::AlignTop);
    paintText(p, c.x() - radius, c.y() - radius * 0.45 + 19, 2 * radius, font(7.5), kMuted, QStringLiteral("sustained"),
              Qt::AlignHCenter | Qt::AlignTop);
    paintText(p, c.x() - radius - 10, c.y() + 3, 40, font(7), kMuted, QStringLiteral("0"), Qt::AlignLeft | Qt::AlignTop);
    paintText(p, c.x() + radius - 40, c.y() + 3, 50, font(7), kMuted, QStringLiteral("%1 W").arg(qs(formatWhole(scaleMax))),
              Qt::AlignRight | Qt::AlignTop);
}

std::vector<ValueMetric> valueMetrics(const std::vector<const GpuValue*>& rows)
{
    std::vector<ValueMetric> metrics = {
        {QStringLiteral("FP16 tensor TFLOPS"), &GpuValue::tflopsPerDollar, 1},
        {QStringLiteral("GB of VRAM"), &GpuValue::vramGbPerDollar, 1},
    };
    if (std::any_of(rows.begin(), rows.end(), [](const GpuValue* g) { return g->tokensPerSPerDollar.has_value(); }))
        metrics.push_back({QStringLiteral("Decode tokens/s"), &GpuValue::tokensPerSPerDollar, 2});
    return metrics;
}

QChart* createValueChart(const std::vector<const GpuValue*>& rows, const ValueMetric& metric, double per,
                         const QString& axisTitle)
{
    auto* chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundVisible(false);
    chart->setMargins(QMargins(0, 0, 0, 0));
    chart->legend()->setVisible(false);
    chart->setTitle(metric.title + QLatin1Char(' ') + axisTitle);
    chart->setTitleFont(font(8.5, true));
    auto* set = new QBarSet(metric.title);
    set->setColor(kAccent);
    set->setBorderColor(Qt::transparent);
    set->setLabelFont(font(7.5));
    set->setLabelColor(kInk);
    QStringList categories;
    double maxValue = 0;
    // Bottom to top on a horizontal bar axis: reverse so the first GPU line reads first.
    for (auto it = rows.rbegin(); it != rows.rend(); ++it) {
        const double v = ((*it)->*metric.perDollar).value_or(0) * per;
        *set << v;
        maxValue = std::max(maxValue, v);
        categories << shown((*it)->name, 48);
    }
    auto* series = new QHorizontalBarSeries;
    series->append(set);
    series->setLabelsVisible(true);
    series->setLabelsFormat(QStringLiteral("@value"));
    series->setLabelsPrecision(3);  // significant digits: "102", "34.3", "9.49"
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    series->setBarWidth(0.6);
    chart->addSeries(series);
    auto* axisY = new QBarCategoryAxis;
    axisY->append(categories);
    axisY->setLabelsFont(font(7.5));
    axisY->setGridLineVisible(false);
    axisY->setTruncateLabels(false);
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisY);
    auto* axisX = new QValueAxis;
    axisX->setRange(0, maxValue > 0 ? maxValue * 1.25 : 1.0);
    axisX->applyNiceNumbers();
    axisX->setLabelFormat(maxValue < 10 ? QStringLiteral("%.1f") : QStringLiteral("%.0f"));
    axisX->setLabelsFont(font(7.5));
    axisX->setTitleText(axisTitle);
    axisX->setTitleFont(font(7.5));
    axisX->setTitleVisible(false);  // the chart title says it; the small charts need the height
    axisX->setGridLineColor(QColor(0xe6, 0xea, 0xee));
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisX);
    return chart;
}

double valueChartHeight(std::size_t gpus)
{
    return 58 + 18.0 * static_cast<double>(gpus);
}

void paintChart(QPainter& p, QChart* chart, const QRectF& target)
{
    QGraphicsScene scene;
    scene.addItem(chart);  // the scene owns the chart
    chart->setGeometry(QRectF(QPointF(0, 0), target.size()));
    scene.setSceneRect(QRectF(QPointF(0, 0), target.size()));
    // The chart lays itself out on posted events; run them so axes and labels have their size.
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    scene.render(&p, target, scene.sceneRect());
}

}  // namespace mlrig::ui::report

namespace mlrig::ui::report {

void paintValueChart(QPainter& p, const std::vector<const GpuValue*>& rows, const ValueMetric& metric, double per,
                     const QString& axisTitle, const QRectF& target)
{
    const auto paint = [&] { paintChart(p, createValueChart(rows, metric, per, axisTitle), target); };
    QCoreApplication* app = QCoreApplication::instance();
    if (!app || QThread::currentThread() == app->thread())
        paint();
    else
        QMetaObject::invokeMethod(app, paint, Qt::BlockingQueuedConnection);
}

}  // namespace mlrig::ui::report
