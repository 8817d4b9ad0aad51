#include "ui/panels/MemoryBar.h"

#include <QPainter>

#include <cmath>

#include "ui/common/UiFormat.h"

namespace mlrig::ui {

namespace {
struct Segment {
    QString label;
    double gb;
    QColor color;
};
}  // namespace

MemoryBar::MemoryBar(QWidget* parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAccessibleName(tr("GPU memory use"));
}

void MemoryBar::setBreakdown(const MemoryBreakdown& memory, double availableGb)
{
    m_memory = memory;
    m_available = availableGb;
    m_empty = false;
    const QString desc = tr("Needs %1 GB of %2 GB: weights %3, KV cache %4, overhead %5")
                             .arg(memory.totalGb(), 0, 'f', 1)
                             .arg(availableGb, 0, 'f', 0)
                             .arg(memory.weightsGb, 0, 'f', 1)
                             .arg(memory.kvCacheGb, 0, 'f', 1)
                             .arg(memory.overheadGb, 0, 'f', 1);
    setAccessibleDescription(desc);
    setToolTip(desc);
    update();
}

void MemoryBar::clear()
{
    m_empty = true;
    setToolTip({});
    update();
}

QSize MemoryBar::sizeHint() const
{
    return {320, fontMetrics().height() * 3 + 16};
}

QSize MemoryBar::minimumSizeHint() const
{
    return {200, sizeHint().height()};
}

void MemoryBar::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    const QFontMetrics fm = fontMetrics();
    const QRectF bar(1, 2, width() - 2, fm.height() + 6);
    p.setPen(QPen(pal.color(QPalette::Mid), 1));
    p.setBrush(pal.color(QPalette::Base));
    p.drawRoundedRect(bar, 3, 3);
    if (m_empty)
        return;

    const QColor hl = pal.color(QPalette::Highlight);
    const Segment segments[] = {
        {tr("Weights"), m_memory.weightsGb, hl},
        {tr("KV cache"), m_memory.kvCacheGb, QColor::fromHsv((hl.hsvHue() + 40) % 360, 150, 200)},
        {tr("Activations"), m_memory.activationsGb, QColor::fromHsv((hl.hsvHue() + 80) % 360, 130, 200)},
        {tr("Optimizer"), m_memory.optimizerGb, QColor::fromHsv((hl.hsvHue() + 120) % 360, 120, 190)},
        {tr("Overhead"), m_memory.overheadGb, pal.color(QPalette::Mid)},
    };
    const double total = m_memory.totalGb();
    const double scale = std::max(total, m_available);
    if (scale <= 0)
        return;
    double x = bar.left() + 1;
    const double w = bar.width() - 2;
    for (const Segment& s : segments) {
        if (s.gb <= 0)
            continue;
        const double sw = w * s.gb / scale;
        p.setPen(Qt::NoPen);
        p.setBrush(s.color);
        p.drawRect(QRectF(x, bar.top() + 1, sw, bar.height() - 2));
        x += sw;
    }
    // VRAM line and overflow shading.
    const double vx = bar.left() + 1 + w * m_available / scale;
    if (total > m_available) {
        QColor over = severityColor(Severity::Error);
        over.setAlphaF(0.35f);
        p.fillRect(QRectF(vx, bar.top() + 1, bar.right() - vx - 1, bar.height() - 2), QBrush(over, Qt::BDiagPattern));
    }
    p.setPen(QPen(pal.color(QPalette::WindowText), 2));
    p.drawLine(QPointF(vx, bar.top() - 1), QPointF(vx, bar.bottom() + 1));

    // Legend.
    double lx = 0;
    const double ly = bar.bottom() + 6;
    for (const Segment& s : segments) {
        if (s.gb <= 0)
            continue;
        const QString text = QStringLiteral("%1 %2 GB").arg(s.label).arg(s.gb, 0, 'f', 1);
        const int tw = fm.horizontalAdvance(text) + 16;
        if (lx + tw > width() && lx > 0)
            break;
        p.setPen(Qt::NoPen);
        p.setBrush(s.color);
        p.drawRect(QRectF(lx, ly + (fm.height() - 9) / 2.0, 9, 9));
        p.setPen(pal.color(QPalette::WindowText));
        p.drawText(QPointF(lx + 12, ly + fm.ascent()), text);
        lx += tw + 6;
    }
    const QString vram = tr("| VRAM %1 GB").arg(m_available, 0, 'f', 0);
    p.setPen(pal.color(QPalette::WindowText));
    p.drawText(QRectF(0, ly + fm.height() + 2, width(), fm.height()), Qt::AlignRight, vram);
}

}  // namespace mlrig::ui
