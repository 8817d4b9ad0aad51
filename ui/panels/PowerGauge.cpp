#include "ui/panels/PowerGauge.h"

#include <QPainter>
#include <QPainterPath>

#include <cmath>

#include "ui/common/UiFormat.h"

namespace mlrig::ui {

PowerGauge::PowerGauge(QWidget* parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAccessibleName(tr("Power gauge"));
}

void PowerGauge::setFigures(double sustainedW, double peakW, std::optional<double> psuW, double recommendedPsuW)
{
    m_sustained = sustainedW;
    m_peak = peakW;
    m_psu = psuW;
    m_recommended = recommendedPsuW;
    QString desc = tr("Sustained %1 W, transient peak %2 W").arg(std::lround(sustainedW)).arg(std::lround(peakW));
    if (psuW)
        desc += tr(", power supply %1 W").arg(std::lround(*psuW));
    desc += tr(", recommended %1 W").arg(std::lround(recommendedPsuW));
    setAccessibleDescription(desc);
    setToolTip(desc);
    update();
}

QSize PowerGauge::sizeHint() const
{
    const int row = fontMetrics().height() + 10;
    return {360, row * 2 + fontMetrics().height() * 2 + 16};
}

QSize PowerGauge::minimumSizeHint() const
{
    return {220, sizeHint().height()};
}

void PowerGauge::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    const QFontMetrics fm = fontMetrics();
    const int rowH = fm.height() + 10;
    const int labelW = std::max(fm.horizontalAdvance(tr("Transient peak")), fm.horizontalAdvance(tr("Sustained"))) + 12;
    const int valueW = fm.horizontalAdvance(QStringLiteral("00000 W")) + 8;
    const QRectF track(labelW, 4, std::max(40, width() - labelW - valueW - 4), rowH * 2);

    double scaleMax = std::max({m_peak, m_sustained, m_recommended, m_psu.value_or(0.0)}) * 1.1;
    if (scaleMax <= 0)
        scaleMax = 1000;
    const auto xOf = [&](double w) { return track.left() + track.width() * std::min(1.0, w / scaleMax); };

    // Track background.
    QColor trackColor = pal.color(QPalette::Base);
    p.setPen(QPen(pal.color(QPalette::Mid), 1));
    p.setBrush(trackColor);
    p.drawRoundedRect(track.adjusted(0, 0, 0, -2), 3, 3);

    const double limit = m_psu.value_or(0);
    const auto barColor = [&](double w, bool peak) {
        if (m_psu && w > limit * (peak ? 1.0 : 0.9))
            return severityColor(w > limit * (peak ? 1.3 : 1.0) ? Severity::Error : Severity::Warning);
        QColor c = pal.color(QPalette::Highlight);
        if (peak)
            c.setAlphaF(0.55f);
        return c;
    };
    const struct {
        QString label;
        double watts;
        bool peak;
    } bars[] = {{tr("Sustained"), m_sustained, false}, {tr("Transient peak"), m_peak, true}};
    for (int i = 0; i < 2; ++i) {
        const double top = track.top() + i * rowH + 4;
        const QRectF bar(track.left() + 1, top, xOf(bars[i].watts) - track.left() - 1, rowH - 10);
        p.setPen(Qt::NoPen);
        p.setBrush(barColor(bars[i].watts, bars[i].peak));
        if (bar.width() > 0)
            p.drawRoundedRect(bar, 2, 2);
        p.setPen(pal.color(QPalette::WindowText));
        p.drawText(QRectF(0, top - 4, labelW - 8, rowH), Qt::AlignRight | Qt::AlignVCenter, bars[i].label);
        p.drawText(QRectF(track.right() + 6, top - 4, valueW, rowH), Qt::AlignLeft | Qt::AlignVCenter,
                   QStringLiteral("%1 W").arg(std::lround(bars[i].watts)));
    }

    // Markers: the PSU's rating (solid, label on the first line below) and the recommended
    // size (dashed, label on the second line).
    const double markerBottom = track.bottom() + 2;
    const auto marker = [&](double w, const QString& text, Qt::PenStyle style, int line) {
        const double x = xOf(w);
        p.setPen(QPen(pal.color(QPalette::WindowText), 1.5, style));
        p.drawLine(QPointF(x, track.top() - 2), QPointF(x, markerBottom + line * fm.height() + 2));
        p.setPen(pal.color(QPalette::WindowText));
        const int tw = fm.horizontalAdvance(text);
        const double tx = std::clamp(x - tw - 4, 0.0, width() - tw - 1.0);
        p.drawText(QPointF(tx, markerBottom + line * fm.height() + fm.ascent() + 1), text);
    };
    if (m_psu)
        marker(*m_psu, tr("your PSU %1 W").arg(std::lround(*m_psu)), Qt::SolidLine, 0);
    else {
        p.setPen(mutedText(pal));
        p.drawText(QPointF(track.left(), markerBottom + fm.ascent() + 1), tr("No power supply chosen"));
    }
    if (m_recommended > 0)
        marker(m_recommended, tr("recommended %1 W").arg(std::lround(m_recommended)), Qt::DashLine, 1);
}

}  // namespace mlrig::ui
