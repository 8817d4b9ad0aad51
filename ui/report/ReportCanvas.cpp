#include "ui/report/ReportCanvas.h"

#include <QPagedPaintDevice>

namespace mlrig::ui::report {

ReportCanvas::ReportCanvas(QPagedPaintDevice& device, QPainter& painter, const QString& footerText, int totalPages)
    : m_device(device), m_p(painter), m_footerText(footerText), m_totalPages(totalPages)
{
    const QRectF paint = device.pageLayout().paintRectPoints().toRectF();
    m_width = paint.width();
    m_height = paint.height();
    const double scale = device.logicalDpiX() / 72.0;
    m_p.scale(scale, device.logicalDpiY() / 72.0);
    m_left = kMargin;
    m_right = m_width - kMargin;
    m_y = kMargin;
}

void ReportCanvas::footer()
{
    if (counting())
        return;
    const double y = m_height - kMargin - 10;
    m_p.setPen(QPen(kRule, 0.6));
    m_p.drawLine(QPointF(m_left, y - 6), QPointF(m_right, y - 6));
    m_p.setFont(font(7.5));
    m_p.setPen(kMuted);
    m_p.drawText(QRectF(m_left, y, contentWidth() * 0.75, 12), Qt::AlignLeft | Qt::AlignTop, m_footerText);
    const QString page = m_totalPages > 0 ? QStringLiteral("Page %1 of %2").arg(m_page).arg(m_totalPages)
                                          : QStringLiteral("Page %1").arg(m_page);
    m_p.drawText(QRectF(m_left, y, contentWidth(), 12), Qt::AlignRight | Qt::AlignTop, page);
}

void ReportCanvas::newPage()
{
    footer();
    if (!counting())
        m_device.newPage();
    ++m_page;
    m_y = kMargin;
}

void ReportCanvas::ensure(double height)
{
    if (m_y + height > bottom())
        newPage();
}

double ReportCanvas::measure(const QFont& f, double width, const QString& text, int flags)
{
    m_p.setFont(f);
    return m_p.boundingRect(QRectF(0, 0, width, 1e6), text, textOption(flags | Qt::AlignLeft | Qt::AlignTop)).height();
}

double ReportCanvas::text(double x, double y, double width, const QFont& f, const QColor& color, const QString& s,
                          int flags)
{
    if (counting())
        return measureText(m_p, x, y, width, f, s, flags);
    return paintText(m_p, x, y, width, f, color, s, flags);
}

void ReportCanvas::heading(const QString& title, double keepWithNext)
{
    ensure(28 + keepWithNext);
    m_y += 14;
    text(m_left, m_y, contentWidth(), font(13, true), kInk, title);
    m_y += 18;
    m_p.setPen(QPen(kAccent, 1.2));
    m_p.drawLine(QPointF(m_left, m_y), QPointF(m_left + 36, m_y));
    m_y += 8;
}

}  // namespace mlrig::ui::report
