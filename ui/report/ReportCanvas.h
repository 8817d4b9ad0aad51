#pragma once

// A paged painter with a cursor: the report's sections write from top to bottom and ask for the
// room they need; when a page is full the footer ("Page 2 of 3") is painted and a new page
// begins. Everything is in points (ReportStyle.h).
//
// The counting pass (totalPages 0) only lays text out: it measures every piece of text exactly as
// the real pass will (same device, same resolution, so the same line breaks and page breaks) but
// draws no text and starts no PDF page, which would be compressed and thrown away. That halves
// the cost of a long report (issue 16: a 10,000-line build).

#include <QPainter>
#include <QString>

#include "ui/report/ReportStyle.h"

class QPagedPaintDevice;

namespace mlrig::ui::report {

class ReportCanvas {
public:
    // `footerText` is printed at the foot of every page; with totalPages 0 the pages are
    // numbered without "of N" (the counting pass).
    ReportCanvas(QPagedPaintDevice& device, QPainter& painter, const QString& footerText, int totalPages);

    int page() const { return m_page; }
    // True in the page-counting pass: lay out, do not paint.
    bool counting() const { return m_totalPages == 0; }

protected:
    QPagedPaintDevice& m_device;
    QPainter& m_p;
    QString m_footerText;
    int m_totalPages = 0;
    int m_page = 1;
    double m_width = 0, m_height = 0, m_left = 0, m_right = 0, m_y = 0;

    double contentWidth() const { return m_right - m_left; }
    double bottom() const { return m_height - kMargin - kFooterHeight; }

    void footer();
    void newPage();
    // Starts a new page unless `height` still fits on this one.
    void ensure(double height);
    // Measured on the painter (the PDF device), not on the screen's font metrics, so the height
    // reserved for a wrapped cell is exactly what drawText() will use.
    double measure(const QFont& f, double width, const QString& text, int flags = Qt::TextWordWrap);
    double text(double x, double y, double width, const QFont& f, const QColor& color, const QString& s,
                int flags = Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap);
    // A section title; keeps `keepWithNext` points of what follows on the same page.
    void heading(const QString& title, double keepWithNext = 60);
};

}  // namespace mlrig::ui::report
