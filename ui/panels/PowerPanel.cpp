#include "ui/panels/PowerPanel.h"

#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QScatterSeries>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QValueAxis>
#include <QVBoxLayout>

#include <cmath>

#include "ui/session/BuildSession.h"
#include "ui/panels/PowerGauge.h"
#include "ui/common/ProseLabel.h"
#include "ui/common/ChartStyle.h"
#include "ui/common/UiFormat.h"
#include "core/eval/PowerModel.h"

namespace mlrig::ui {

namespace {

const Gpu* gpuOf(BuildSession* session, const BuildItem& item)
{
    const AnyPart* part = session->partOf(item);
    return part && std::holds_alternative<Gpu>(*part) ? &std::get<Gpu>(*part) : nullptr;
}

}  // namespace

PowerPanel::PowerPanel(BuildSession* session, QWidget* parent) : QWidget(parent), m_session(session)
{
    auto* layout = new QVBoxLayout(this);
    m_gauge = new PowerGauge(this);
    layout->addWidget(m_gauge);
    m_summary = addProseLabel(layout, this);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_limitsBox = new QWidget(this);
    m_limitsLayout = new QVBoxLayout(m_limitsBox);
    m_limitsLayout->setContentsMargins(0, 0, 0, 0);
    m_limitsEmpty = new QLabel(tr("Add a GPU to set its power limit."), m_limitsBox);
    m_limitsEmpty->setForegroundRole(QPalette::PlaceholderText);
    m_limitsLayout->addWidget(m_limitsEmpty);
    layout->addWidget(m_limitsBox);

    auto* chart = new QChart;
    chart->legend()->hide();
    chart->setTitle(tr("Performance kept at a power limit"));
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(0);
    m_curve = new QLineSeries;
    m_current = new QScatterSeries;
    m_current->setMarkerSize(10);
    chart->addSeries(m_curve);
    chart->addSeries(m_current);
    m_axisX = new QValueAxis;
    m_axisX->setTitleText(tr("Power limit (W)"));
    m_axisX->setLabelFormat(QStringLiteral("%d"));
    m_axisY = new QValueAxis;
    m_axisY->setTitleText(tr("% kept"));
    m_axisY->setRange(0, 100);
    m_axisY->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(m_axisX, Qt::AlignBottom);
    chart->addAxis(m_axisY, Qt::AlignLeft);
    for (auto* s : {static_cast<QAbstractSeries*>(m_curve), static_cast<QAbstractSeries*>(m_current)}) {
        s->attachAxis(m_axisX);
        s->attachAxis(m_axisY);
    }
    m_chartView = new QChartView(chart, this);
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(190);
    m_chartView->setAccessibleName(tr("Retained performance chart"));
    // The build's own limit is labelled on the chart; every point names its figures on hover.
    m_current->setPointLabelsFormat(tr("your limit"));
    m_current->setPointLabelsVisible(true);
    m_current->setPointLabelsClipping(false);
    connect(m_curve, &QLineSeries::hovered, this, [this](const QPointF& p, bool state) { hover(p, state, false); });
    connect(m_current, &QScatterSeries::hovered, this, [this](const QPointF& p, bool state) { hover(p, state, true); });
    restyleChart();
    layout->addWidget(m_chartView, 1);

    connect(session, &BuildSession::changed, this, &PowerPanel::refresh);
    refresh();
}

void PowerPanel::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        restyleChart();
}

void PowerPanel::restyleChart()
{
    styleChart(m_chartView->chart(), palette());
    m_chartView->setBackgroundBrush(palette().color(QPalette::Base));
    m_curve->setColor(palette().color(QPalette::Highlight));
    m_current->setColor(severityColor(Severity::Warning));
    m_current->setBorderColor(palette().color(QPalette::WindowText));
    m_current->setPointLabelsColor(palette().color(QPalette::WindowText));
}

void PowerPanel::hover(const QPointF& point, bool state, bool current)
{
    m_hoverText = state ? (current ? tr("<b>%1</b><br>Your limit: %2 W<br>Performance kept: %3%")
                                   : tr("<b>%1</b><br>At a %2 W limit<br>Performance kept: %3%"))
                              .arg(m_gpuName.toHtmlEscaped())
                              .arg(std::lround(point.x()))
                              .arg(std::lround(point.y()))
                        : QString();
    showChartToolTip(this, m_hoverText);
}

QSpinBox* PowerPanel::limitSpin(int gpuLine) const
{
    return gpuLine >= 0 && gpuLine < static_cast<int>(m_rows.size()) ? m_rows[static_cast<size_t>(gpuLine)].spin : nullptr;
}

void PowerPanel::refresh()
{
    const PowerSummary& power = m_session->evaluation().power;
    m_gauge->setFigures(power.sustainedW, power.peakW, power.psuW, power.recommendedPsuW);
    QString text;
    if (power.lines.empty()) {
        text = tr("Pick parts to see how much power the build draws.");
    } else {
        text = tr("Recommended power supply: <b>%1 W</b>").arg(std::lround(power.recommendedPsuW));
        if (power.psuW)
            text += tr(" · yours: %1 W%2")
                        .arg(std::lround(*power.psuW))
                        .arg(power.psuAtx3.value_or(false) ? tr(" (ATX 3)") : QString());
        int estimated = 0;
        for (const PowerLine& l : power.lines)
            estimated += l.estimated ? 1 : 0;
        if (estimated > 0)
            text += QStringLiteral("<br>") + tr("%n figure(s) estimated: a part gave no power rating.", nullptr, estimated);
    }
    m_summary->setText(text);
    rebuildLimitRows();
    updateChart();
}

void PowerPanel::rebuildLimitRows()
{
    const auto& items = m_session->build().items;
    std::vector<std::string> keys;
    for (size_t i = 0; i < items.size(); ++i)
        if (items[i].category == Category::Gpu && gpuOf(m_session, items[i]))
            keys.push_back(std::to_string(i) + ':' + items[i].ref + ':' +
                           (items[i].custom ? infoOf(*items[i].custom).name : std::string()));
    if (keys != m_rowKeys) {
        for (const LimitRow& r : m_rows)
            delete r.slider->parentWidget();
        m_rows.clear();
        m_rowKeys = keys;
        for (size_t i = 0; i < items.size(); ++i) {
            const Gpu* gpu = items[i].category == Category::Gpu ? gpuOf(m_session, items[i]) : nullptr;
            if (!gpu)
                continue;
            auto* row = new QWidget(m_limitsBox);
            auto* h = new QHBoxLayout(row);
            h->setContentsMargins(0, 0, 0, 0);
            auto* label = new QLabel(tr("%1 limit:").arg(qs(gpu->chipModel.empty() ? gpu->info.name : gpu->chipModel)), row);
            label->setToolTip(qs(gpu->info.name));
            auto* slider = new QSlider(Qt::Horizontal, row);
            auto* spin = new QSpinBox(row);
            spin->setSuffix(QStringLiteral(" W"));
            spin->setAccessibleName(tr("Power limit of %1").arg(qs(gpu->info.name)));
            slider->setAccessibleName(spin->accessibleName());
            label->setBuddy(spin);
            const int tdp = gpu->tdpW ? static_cast<int>(std::lround(*gpu->tdpW)) : 0;
            const int lo = tdp > 0 ? static_cast<int>(std::lround(tdp * 0.3)) : 0;
            slider->setRange(lo, tdp);
            spin->setRange(lo, tdp);
            slider->setSingleStep(5);
            slider->setPageStep(25);
            spin->setSingleStep(5);
            const bool enabled = tdp > 0;
            slider->setEnabled(enabled);
            spin->setEnabled(enabled);
            if (!enabled)
                spin->setToolTip(tr("The card's TDP is unknown, so no limit can be set"));
            h->addWidget(label);
            h->addWidget(slider, 1);
            h->addWidget(spin);
            const int itemIndex = static_cast<int>(i);
            const auto apply = [this, itemIndex, tdp](int value) {
                m_session->setPowerLimit(itemIndex, value >= tdp ? std::nullopt : std::optional<double>(value));
            };
            connect(slider, &QSlider::valueChanged, this, apply);
            connect(spin, &QSpinBox::valueChanged, this, apply);
            m_limitsLayout->addWidget(row);
            m_rows.push_back({itemIndex, slider, spin});
        }
    }
    m_limitsEmpty->setVisible(m_rows.empty());
    for (const LimitRow& r : m_rows) {
        const BuildItem& item = items[static_cast<size_t>(r.itemIndex)];
        const int value = item.powerLimitW ? static_cast<int>(std::lround(*item.powerLimitW)) : r.spin->maximum();
        const QSignalBlocker b1(r.slider);
        const QSignalBlocker b2(r.spin);
        r.slider->setValue(value);
        r.spin->setValue(value);
    }
}

void PowerPanel::updateChart()
{
    m_curve->clear();
    m_current->clear();
    const Gpu* gpu = nullptr;
    std::optional<double> limit;
    for (const BuildItem& item : m_session->build().items) {
        if (item.category != Category::Gpu)
            continue;
        gpu = gpuOf(m_session, item);
        limit = item.powerLimitW;
        if (gpu)
            break;
    }
    const auto curve = gpu ? retainedPerformanceCurve(*gpu, 36) : std::vector<std::pair<double, double>>{};
    m_gpuName = gpu ? qs(gpu->chipModel.empty() ? gpu->info.name : gpu->chipModel) : QString();
    if (curve.empty()) {
        m_chartView->chart()->setTitle(gpu ? tr("Power limit: the GPU's TDP is unknown") : tr("Add a GPU to see the effect of a power limit"));
        m_axisX->setRange(0, 400);
        return;
    }
    QList<QPointF> points;
    for (const auto& [w, r] : curve)
        points.append(QPointF(w, r * 100.0));
    m_curve->replace(points);
    const double at = limit.value_or(curve.back().first);
    m_current->append(at, retainedPerformance(*gpu, at) * 100.0);
    m_axisX->setRange(curve.front().first, curve.back().first);
    m_chartView->chart()->setTitle(tr("%1: performance kept at a power limit").arg(qs(gpu->chipModel.empty() ? gpu->info.name : gpu->chipModel)));
}

}  // namespace mlrig::ui
