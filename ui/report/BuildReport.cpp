#include "ui/report/BuildReport.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QBuffer>
#include <QChart>
#include <QCoreApplication>
#include <QFile>
#include <QFontMetricsF>
#include <QLocale>
#include <QGraphicsScene>
#include <QHorizontalBarSeries>
#include <QLegend>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QPrinter>
#include <QTextOption>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

#include "ui/common/QtText.h"
#include "ui/report/GlyphCoverage.h"
#include "core/io/ExportLines.h"

namespace mlrig::ui {

namespace {

// Layout works in points (1/72 inch) whatever the device resolution: the painter is scaled once
// and every font is given a pixel size, which the scale turns into points.
constexpr double kMargin = 48;
constexpr double kFooterHeight = 28;

const QColor kInk(0x1f, 0x23, 0x28);
const QColor kMuted(0x5f, 0x66, 0x6d);
const QColor kRule(0xd0, 0xd7, 0xde);
const QColor kZebra(0xf6, 0xf8, 0xfa);
const QColor kAccent(0x1f, 0x6f, 0xb2);
const QColor kError(0xc6, 0x28, 0x28);
const QColor kWarning(0xd9, 0x82, 0x0b);
const QColor kNote(0x2f, 0x7d, 0x4f);

// User text (part and build names, which may hold anything) as the report shows it: control
// characters (tabs, line breaks, \x01) become spaces and very long text is cut with an ellipsis,
// so one name can never push a row past a page. The text is painted, never parsed as markup.
QString shown(std::string_view text, qsizetype maxChars)
{
    QString out = qs(text);
    for (QChar& c : out)
        if (c.category() == QChar::Other_Control)
            c = QLatin1Char(' ');
    if (out.size() > maxChars)
        out = out.left(maxChars - 1) + QStringLiteral("\u2026");
    return out;
}

// Word wrap that also breaks a word longer than the line (a 10,000-character name) instead of
// letting it run out of its cell.
QTextOption textOption(int flags)
{
    QTextOption option(Qt::Alignment(flags & (Qt::AlignHorizontal_Mask | Qt::AlignVertical_Mask)));
    option.setWrapMode((flags & (Qt::TextWordWrap | Qt::TextWrapAnywhere)) ? QTextOption::WrapAtWordBoundaryOrAnywhere
                                                                          : QTextOption::NoWrap);
    return option;
}

// The family chain: DejaVu for Latin, Greek and Cyrillic (Debian's default, installed with
// fontconfig), then Noto Sans CJK (fonts-noto-cjk, which the package recommends and
// scripts/install-deps.sh installs) for Chinese, Japanese and Korean part names, then whatever
// fontconfig offers. Characters no font has are listed in the report (GlyphCoverage).
QFont font(double size, bool bold = false, bool mono = false)
{
    QFont f;
    f.setFamilies(mono ? QStringList{QStringLiteral("DejaVu Sans Mono"), QStringLiteral("Liberation Mono"),
                                     QStringLiteral("Noto Sans Mono CJK JP"), QStringLiteral("Monospace")}
                       : QStringList{QStringLiteral("DejaVu Sans"), QStringLiteral("Liberation Sans"),
                                     QStringLiteral("Arial"), QStringLiteral("Noto Sans CJK JP"),
                                     QStringLiteral("Noto Sans CJK SC"), QStringLiteral("Sans Serif")});
    f.setPixelSize(static_cast<int>(std::lround(size)));
    f.setBold(bold);
    f.setHintingPreference(QFont::PreferNoHinting);
    // Qt 6.4 has no QFont::setFeature(): a letter spacing disables ligatures ("fi"), so text
    // copied or searched in the PDF (and pdftotext) reads "Certified", not "Certi\ufb01ed".
    f.setLetterSpacing(QFont::AbsoluteSpacing, 0.05);
    return f;
}

QColor severityColor(Severity s)
{
    switch (s) {
    case Severity::Error: return kError;
    case Severity::Warning: return kWarning;
    case Severity::Note: return kNote;
    }
    return kNote;
}

QString severityPlural(Severity s)
{
    switch (s) {
    case Severity::Error: return QStringLiteral("Errors");
    case Severity::Warning: return QStringLiteral("Warnings");
    case Severity::Note: return QStringLiteral("Notes");
    }
    return {};
}

struct ReportData {
    const Build& build;
    const Evaluation& evaluation;
    std::vector<ExportLine> lines;
    ExportTotals totals;
    QDateTime date;
    // What the report says about characters of the user's text that no installed font can
    // draw (GlyphCoverage::notice()); empty when every character prints.
    QString missingGlyphs;
};

class ReportWriter {
public:
    ReportWriter(QPagedPaintDevice& device, QPainter& painter, const ReportData& data, int totalPages)
        : m_device(device), m_p(painter), m_data(data), m_totalPages(totalPages)
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

    int run()
    {
        title();
        summary();
        parts();
        findings();
        power();
        workload();
        valueChart();
        footer();
        return m_page;
    }

private:
    QPagedPaintDevice& m_device;
    QPainter& m_p;
    const ReportData& m_data;
    int m_totalPages = 0;
    int m_page = 1;
    double m_width = 0, m_height = 0, m_left = 0, m_right = 0, m_y = 0;

    double contentWidth() const { return m_right - m_left; }
    double bottom() const { return m_height - kMargin - kFooterHeight; }

    void footer()
    {
        const double y = m_height - kMargin - 10;
        m_p.setPen(QPen(kRule, 0.6));
        m_p.drawLine(QPointF(m_left, y - 6), QPointF(m_right, y - 6));
        m_p.setFont(font(7.5));
        m_p.setPen(kMuted);
        QString left = QStringLiteral("mlrig build report");
        if (!m_data.build.name.empty())
            left += QStringLiteral(" \u00b7 ") + shown(m_data.build.name, 80);
        m_p.drawText(QRectF(m_left, y, contentWidth() * 0.75, 12), Qt::AlignLeft | Qt::AlignTop, left);
        const QString page = m_totalPages > 0 ? QStringLiteral("Page %1 of %2").arg(m_page).arg(m_totalPages)
                                              : QStringLiteral("Page %1").arg(m_page);
        m_p.drawText(QRectF(m_left, y, contentWidth(), 12), Qt::AlignRight | Qt::AlignTop, page);
    }

    void newPage()
    {
        footer();
        m_device.newPage();
        ++m_page;
        m_y = kMargin;
    }

    void ensure(double height)
    {
        if (m_y + height > bottom())
            newPage();
    }

    // Measured on the painter (the PDF device), not on the screen's font metrics, so the height
    // reserved for a wrapped cell is exactly what drawText() will use.
    double measure(const QFont& f, double width, const QString& text, int flags = Qt::TextWordWrap)
    {
        m_p.setFont(f);
        return m_p.boundingRect(QRectF(0, 0, width, 1e6), text, textOption(flags | Qt::AlignLeft | Qt::AlignTop)).height();
    }

    double text(double x, double y, double width, const QFont& f, const QColor& color, const QString& s,
                int flags = Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap)
    {
        m_p.setFont(f);
        m_p.setPen(color);
        const QRectF area(x, y, width, 1e6);
        const QTextOption option = textOption(flags);
        const QRectF bounds = m_p.boundingRect(area, s, option);
        m_p.drawText(area, s, option);
        return bounds.height();
    }

    void heading(const QString& title, double keepWithNext = 60)
    {
        ensure(28 + keepWithNext);
        m_y += 14;
        text(m_left, m_y, contentWidth(), font(13, true), kInk, title);
        m_y += 18;
        m_p.setPen(QPen(kAccent, 1.2));
        m_p.drawLine(QPointF(m_left, m_y), QPointF(m_left + 36, m_y));
        m_y += 8;
    }

    QString money(double amount) const { return qs(formatMoney(amount, m_data.totals.currency)); }
    QString roundMoney(double amount) const { return money(amount).replace(QStringLiteral(".00"), QString()); }

    static QString workloadKindText(const std::string& id)
    {
        if (id == "llm-inference") return QStringLiteral("LLM inference");
        if (id == "llm-finetune") return QStringLiteral("LLM fine-tuning");
        if (id == "image-generation") return QStringLiteral("image generation");
        return qs(id);
    }

    // ---- sections ------------------------------------------------------------------------

    void title()
    {
        m_p.fillRect(QRectF(0, 0, m_width, 6), kAccent);
        text(m_left, m_y, contentWidth(), font(8.5, true), kAccent, QStringLiteral("MLRIG BUILD REPORT"));
        const QDateTime date = m_data.date.isValid() ? m_data.date : QDateTime::currentDateTime();
        text(m_left, m_y, contentWidth(), font(8.5), kMuted, QLocale(QLocale::English).toString(date, QStringLiteral("d MMMM yyyy, HH:mm")),
             Qt::AlignRight | Qt::AlignTop);
        m_y += 16;
        const QString name = m_data.build.name.empty() ? QStringLiteral("Untitled build") : shown(m_data.build.name, 200);
        m_y += text(m_left, m_y, contentWidth(), font(22, true), kInk, name);
        m_y += 2;
        int units = 0;
        for (const ExportLine& l : m_data.lines)
            units += l.quantity;
        m_y += text(m_left, m_y, contentWidth(), font(9), kMuted,
                    QStringLiteral("%1 parts in %2 lines \u00b7 prices in %3").arg(units).arg(m_data.lines.size()).arg(qs(m_data.totals.currency)));
        if (!m_data.missingGlyphs.isEmpty()) {
            m_y += 4;
            m_y += text(m_left, m_y, contentWidth(), font(8.5), kWarning, m_data.missingGlyphs);
        }
        m_y += 12;
    }

    void summaryBox(double x, double width, const QString& label, const QString& value, const QString& detail,
                    const QColor& color)
    {
        const double h = 58;
        m_p.setPen(QPen(kRule, 0.8));
        m_p.setBrush(kZebra);
        m_p.drawRoundedRect(QRectF(x, m_y, width, h), 4, 4);
        m_p.fillRect(QRectF(x, m_y + 6, 3, h - 12), color);
        m_p.setBrush(Qt::NoBrush);
        const auto elided = [&](const QFont& f, const QString& s) {
            return QFontMetricsF(f).elidedText(s, Qt::ElideRight, width - 16);
        };
        text(x + 10, m_y + 7, width - 16, font(7.5, true), kMuted, label.toUpper());
        text(x + 10, m_y + 20, width - 16, font(13, true), kInk, elided(font(13, true), value), Qt::AlignLeft | Qt::AlignTop);
        text(x + 10, m_y + 39, width - 16, font(7.5), kMuted, elided(font(7.5), detail), Qt::AlignLeft | Qt::AlignTop);
    }

    void summary()
    {
        const Evaluation& e = m_data.evaluation;
        const double gap = 8;
        const double w = (contentWidth() - 3 * gap) / 4;
        const int errors = e.count(Severity::Error);
        const int warnings = e.count(Severity::Warning);
        summaryBox(m_left, w, QStringLiteral("Total"), money(m_data.totals.total),
                   m_data.totals.missingPrices > 0 ? QStringLiteral("%1 without a price").arg(m_data.totals.missingPrices)
                                                   : QStringLiteral("all parts priced"),
                   kAccent);
        const int notes = e.count(Severity::Note);
        const auto plural = [](int n, const QString& word) {
            return QStringLiteral("%1 %2%3").arg(n).arg(word, n == 1 ? QString() : QStringLiteral("s"));
        };
        const QString findingsValue = errors > 0     ? plural(errors, QStringLiteral("error"))
                                      : warnings > 0 ? plural(warnings, QStringLiteral("warning"))
                                                     : QStringLiteral("No problems");
        QStringList rest;
        if (errors > 0 && warnings > 0)
            rest << plural(warnings, QStringLiteral("warning"));
        if (notes > 0)
            rest << plural(notes, QStringLiteral("note"));
        summaryBox(m_left + (w + gap), w, QStringLiteral("Findings"), findingsValue,
                   rest.isEmpty() ? QStringLiteral("nothing else to note") : QStringLiteral("and ") + rest.join(QStringLiteral(", ")),
                   errors > 0 ? kError : (warnings > 0 ? kWarning : kNote));
        const PowerSummary& pw = e.power;
        const bool psuShort = pw.psuW && *pw.psuW < pw.recommendedPsuW;
        summaryBox(m_left + 2 * (w + gap), w, QStringLiteral("Power"), QStringLiteral("%1 W").arg(qs(formatWhole(pw.sustainedW))),
                   pw.psuW ? QStringLiteral("sustained; %1 W supply").arg(qs(formatWhole(*pw.psuW)))
                           : QStringLiteral("%1 W PSU advised").arg(qs(formatWhole(pw.recommendedPsuW))),
                   psuShort ? kWarning : kNote);
        QString wValue = QStringLiteral("None");
        QString wDetail = QStringLiteral("no workload chosen");
        QColor wColor = kMuted;
        if (e.workload) {
            const WorkloadEstimate& w8 = *e.workload;
            wValue = w8.fits ? (w8.decodeTokensPerS ? QStringLiteral("%1 tok/s").arg(*w8.decodeTokensPerS, 0, 'f', 1)
                                                    : QStringLiteral("Fits"))
                             : QStringLiteral("Does not fit");
            wDetail = qs(w8.modelName);
            wColor = w8.fits ? kNote : kError;
        }
        summaryBox(m_left + 3 * (w + gap), w, QStringLiteral("Workload"), wValue, wDetail, wColor);
        m_y += 58 + 6;
    }

    void parts()
    {
        heading(QStringLiteral("Parts"));
        const double cw = contentWidth();
        const double cCat = 78, cQty = 30, cUnit = 78, cTotal = 82;
        const double cName = cw - cCat - cQty - cUnit - cTotal;
        const double xName = m_left + cCat, xQty = xName + cName, xUnit = xQty + cQty, xTotal = xUnit + cUnit;
        const QFont head = font(7.5, true);
        const auto headerRow = [&] {
            m_p.fillRect(QRectF(m_left, m_y, cw, 18), kInk);
            text(m_left + 6, m_y + 4, cCat, head, Qt::white, QStringLiteral("CATEGORY"));
            text(xName + 4, m_y + 4, cName, head, Qt::white, QStringLiteral("PART"));
            text(xQty, m_y + 4, cQty - 4, head, Qt::white, QStringLiteral("QTY"), Qt::AlignRight | Qt::AlignTop);
            text(xUnit, m_y + 4, cUnit - 4, head, Qt::white, QStringLiteral("UNIT PRICE"), Qt::AlignRight | Qt::AlignTop);
            text(xTotal, m_y + 4, cTotal - 6, head, Qt::white, QStringLiteral("LINE TOTAL"), Qt::AlignRight | Qt::AlignTop);
            m_y += 18;
        };
        headerRow();
        const QFont nameFont = font(9);
        const QFont specFont = font(7.5);
        int row = 0;
        for (const ExportLine& l : m_data.lines) {
            QString name = shown(l.name, 300);
            QStringList extra;
            if (!l.specs.empty())
                extra << shown(l.specs, 300);
            if (l.condition == Condition::Used)
                extra << QStringLiteral("used");
            if (l.custom)
                extra << QStringLiteral("custom part");
            if (l.source == PriceSource::Msrp)
                extra << QStringLiteral("price: launch MSRP");
            else if (l.source == PriceSource::Catalog)
                extra << QStringLiteral("price: catalog snapshot");
            const QString specs = extra.join(QStringLiteral(" \u00b7 "));
            const double h = 6 + measure(nameFont, cName - 8, name) + (specs.isEmpty() ? 0 : 1 + measure(specFont, cName - 8, specs)) + 6;
            if (m_y + h > bottom()) {
                newPage();
                headerRow();
            }
            if (row++ % 2 == 1)
                m_p.fillRect(QRectF(m_left, m_y, cw, h), kZebra);
            text(m_left + 6, m_y + 6, cCat - 8, font(8.5, true), kInk, qs(categoryLabel(l.category)));
            double ny = m_y + 6 + text(xName + 4, m_y + 6, cName - 8, nameFont, kInk, name);
            if (!specs.isEmpty())
                text(xName + 4, ny + 1, cName - 8, specFont, kMuted, specs);
            const QFont num = font(9);
            text(xQty, m_y + 6, cQty - 4, num, kInk, QString::number(l.quantity), Qt::AlignRight | Qt::AlignTop);
            text(xUnit, m_y + 6, cUnit - 4, num, l.unitPrice ? kInk : kMuted,
                 l.unitPrice ? money(*l.unitPrice) : QStringLiteral("no price"), Qt::AlignRight | Qt::AlignTop);
            text(xTotal, m_y + 6, cTotal - 6, num, l.unitPrice ? kInk : kMuted,
                 l.unitPrice ? money(l.lineTotal) : QStringLiteral("\u2014"), Qt::AlignRight | Qt::AlignTop);
            m_y += h;
            m_p.setPen(QPen(kRule, 0.5));
            m_p.drawLine(QPointF(m_left, m_y), QPointF(m_right, m_y));
        }
        ensure(40);
        m_p.setPen(QPen(kInk, 1.2));
        m_p.drawLine(QPointF(m_left, m_y), QPointF(m_right, m_y));
        m_y += 6;
        text(xName + 4, m_y, cName, font(10, true), kInk, QStringLiteral("Total"));
        text(xUnit - 40, m_y, cUnit + cTotal + 34, font(11, true), kInk, money(m_data.totals.total), Qt::AlignRight | Qt::AlignTop);
        m_y += 18;
        if (m_data.totals.missingPrices > 0) {
            m_y += text(xName + 4, m_y, cName + cQty + cUnit + cTotal - 10, font(7.5), kMuted,
                        QStringLiteral("%1 line(s) have no price and are not in the total.").arg(m_data.totals.missingPrices));
        }
        m_y += 4;
    }

    void findings()
    {
        const auto& all = m_data.evaluation.findings;
        heading(QStringLiteral("Findings"));
        if (all.empty()) {
            m_y += text(m_left, m_y, contentWidth(), font(9), kMuted, QStringLiteral("No problems found."));
            return;
        }
        const QFont ruleFont = font(7.5, false, true);
        const QFont msgFont = font(9);
        for (Severity s : {Severity::Error, Severity::Warning, Severity::Note}) {
            const int n = m_data.evaluation.count(s);
            if (n == 0)
                continue;
            ensure(40);
            m_y += 4;
            m_p.setPen(Qt::NoPen);
            m_p.setBrush(severityColor(s));
            m_p.drawEllipse(QRectF(m_left, m_y + 3, 7, 7));
            m_p.setBrush(Qt::NoBrush);
            m_y += text(m_left + 12, m_y, contentWidth() - 12, font(10, true), severityColor(s),
                        QStringLiteral("%1 (%2)").arg(severityPlural(s)).arg(n));
            m_y += 3;
            for (const Finding& f : all) {
                if (f.severity != s)
                    continue;
                const QString msg = shown(f.message, 600);
                const double ruleW = 96;
                const double h = std::max(measure(msgFont, contentWidth() - ruleW - 12, msg), 11.0) + 5;
                ensure(h);
                m_p.fillRect(QRectF(m_left + 2, m_y, 2, h - 4), severityColor(s).lighter(150));
                text(m_left + 12, m_y + 1, ruleW - 4, ruleFont, kMuted, qs(f.rule));
                text(m_left + 12 + ruleW, m_y, contentWidth() - ruleW - 12, msgFont, kInk, msg);
                m_y += h;
            }
        }
    }

    void gauge(const QRectF& box, const PowerSummary& pw)
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
            m_p.setPen(pen);
            const double a0 = angleOf(from), a1 = angleOf(to);
            m_p.drawArc(arcRect, static_cast<int>(std::lround(a1 * 16)), static_cast<int>(std::lround((a0 - a1) * 16)));
        };
        arc(0, scaleMax, QColor(0xe6, 0xea, 0xee));
        arc(0, pw.sustainedW, kAccent);
        arc(pw.sustainedW, pw.peakW, QColor(0x8f, 0xb8, 0xde));
        const auto tick = [&](double w, const QColor& color, double width, Qt::PenStyle style) {
            const double a = qDegreesToRadians(angleOf(w));
            const QPointF dir(std::cos(a), -std::sin(a));
            m_p.setPen(QPen(color, width, style, Qt::FlatCap));
            m_p.drawLine(c + dir * (radius - thick / 2 - 5), c + dir * (radius + thick / 2 + 5));
        };
        if (pw.recommendedPsuW > 0)
            tick(pw.recommendedPsuW, kWarning, 1.4, Qt::DashLine);
        if (pw.psuW)
            tick(*pw.psuW, kInk, 2.4, Qt::SolidLine);
        text(c.x() - radius, c.y() - radius * 0.45, 2 * radius, font(15, true), kInk,
             QStringLiteral("%1 W").arg(qs(formatWhole(pw.sustainedW))), Qt::AlignHCenter | Qt::AlignTop);
        text(c.x() - radius, c.y() - radius * 0.45 + 19, 2 * radius, font(7.5), kMuted, QStringLiteral("sustained"),
             Qt::AlignHCenter | Qt::AlignTop);
        text(c.x() - radius - 10, c.y() + 3, 40, font(7), kMuted, QStringLiteral("0"), Qt::AlignLeft | Qt::AlignTop);
        text(c.x() + radius - 40, c.y() + 3, 50, font(7), kMuted, QStringLiteral("%1 W").arg(qs(formatWhole(scaleMax))),
             Qt::AlignRight | Qt::AlignTop);
    }

    void legendLine(double x, double& y, double width, const QColor& color, bool dashed, const QString& label,
                    const QString& value)
    {
        m_p.setPen(QPen(color, dashed ? 1.4 : 5, dashed ? Qt::DashLine : Qt::SolidLine, Qt::FlatCap));
        m_p.drawLine(QPointF(x, y + 6), QPointF(x + 14, y + 6));
        text(x + 20, y, width - 120, font(9), kInk, label);
        text(x + 20, y, width - 20, font(9, true), kInk, value, Qt::AlignRight | Qt::AlignTop);
        y += 17;
    }

    void power()
    {
        const PowerSummary& pw = m_data.evaluation.power;
        heading(QStringLiteral("Power"), 140);
        const double gaugeW = 190, h = 120;
        gauge(QRectF(m_left, m_y, gaugeW, h), pw);
        const double x = m_left + gaugeW + 24;
        const double w = contentWidth() - gaugeW - 24;
        double y = m_y + 6;
        legendLine(x, y, w, kAccent, false, QStringLiteral("Sustained load"), QStringLiteral("%1 W").arg(qs(formatWhole(pw.sustainedW))));
        legendLine(x, y, w, QColor(0x8f, 0xb8, 0xde), false, QStringLiteral("Transient peak (GPU spikes)"),
                   QStringLiteral("%1 W").arg(qs(formatWhole(pw.peakW))));
        QString psu = QStringLiteral("none chosen");
        if (pw.psuW) {
            psu = QStringLiteral("%1 W").arg(qs(formatWhole(*pw.psuW)));
            if (pw.psuAtx3)
                psu += *pw.psuAtx3 ? QStringLiteral(" (ATX 3.x)") : QStringLiteral(" (ATX 2.x)");
        }
        legendLine(x, y, w, kInk, false, QStringLiteral("Power supply"), psu);
        legendLine(x, y, w, kWarning, true, QStringLiteral("Recommended supply"),
                   QStringLiteral("%1 W or more").arg(qs(formatWhole(pw.recommendedPsuW))));
        if (pw.psuW && *pw.psuW > 0) {
            y += 3;
            const double headroom = (*pw.psuW - pw.peakW) / *pw.psuW * 100.0;
            y += text(x + 20, y, w - 20, font(8), kMuted,
                      headroom >= 0 ? QStringLiteral("The supply covers the transient peak with %1 % to spare.").arg(headroom, 0, 'f', 0)
                                    : QStringLiteral("Transient peaks exceed the supply rating by %1 W.").arg(qs(formatWhole(pw.peakW - *pw.psuW))));
        }
        m_y += std::max(h, y - m_y) + 6;
    }

    void workload()
    {
        heading(QStringLiteral("Workload"), 70);
        const auto& w = m_data.evaluation.workload;
        if (!w) {
            m_y += text(m_left, m_y, contentWidth(), font(9), kMuted,
                        QStringLiteral("No workload chosen: pick a model in mlrig to see whether it fits and how fast it runs."));
            return;
        }
        m_y += text(m_left, m_y, contentWidth(), font(10, true), kInk,
                    QStringLiteral("%1 \u2014 %2").arg(qs(w->modelName), workloadKindText(w->kind)));
        m_y += 4;
        // VRAM bar: needed vs available.
        const double barW = contentWidth();
        const double maxGb = std::max({w->vramNeededGb, w->vramAvailableGb, 1.0});
        m_p.fillRect(QRectF(m_left, m_y, barW, 12), QColor(0xe6, 0xea, 0xee));
        m_p.fillRect(QRectF(m_left, m_y, barW * std::min(w->vramNeededGb, maxGb) / maxGb, 12), w->fits ? kNote : kError);
        const double availX = m_left + barW * w->vramAvailableGb / maxGb;
        m_p.setPen(QPen(kInk, 1.6));
        m_p.drawLine(QPointF(availX, m_y - 3), QPointF(availX, m_y + 15));
        m_y += 16;
        m_y += text(m_left, m_y, contentWidth(), font(8.5), kInk,
                    QStringLiteral("%1: needs %2 GB of VRAM, %3 GB available (marker).")
                        .arg(w->fits ? QStringLiteral("Fits") : QStringLiteral("Does not fit"))
                        .arg(w->vramNeededGb, 0, 'f', 1)
                        .arg(w->vramAvailableGb, 0, 'f', 1));
        QStringList speeds;
        if (w->decodeTokensPerS)
            speeds << QStringLiteral("decode %1 tokens/s").arg(*w->decodeTokensPerS, 0, 'f', 1);
        if (w->prefillTokensPerS)
            speeds << QStringLiteral("prefill %1 tokens/s").arg(*w->prefillTokensPerS, 0, 'f', 0);
        if (w->trainTokensPerS)
            speeds << QStringLiteral("training %1 tokens/s").arg(*w->trainTokensPerS, 0, 'f', 0);
        if (w->imagesPerMinute)
            speeds << QStringLiteral("%1 images/min").arg(*w->imagesPerMinute, 0, 'f', 1);
        if (!speeds.isEmpty())
            m_y += text(m_left, m_y + 2, contentWidth(), font(9, true), kInk, speeds.join(QStringLiteral(" \u00b7 "))) + 2;
        if (!w->fits && !w->reason.empty())
            m_y += text(m_left, m_y, contentWidth(), font(8.5), kError, qs(w->reason));
        for (const std::string& a : w->assumptions) {
            const QString s = QStringLiteral("\u2022 ") + qs(a);
            ensure(measure(font(7.5), contentWidth() - 8, s));
            m_y += text(m_left + 4, m_y, contentWidth() - 8, font(7.5), kMuted, s);
        }
        m_y += 4;
    }

    void valueChart()
    {
        const ValueSummary& v = m_data.evaluation.value;
        std::vector<const GpuValue*> rows;
        for (const GpuValue& g : v.gpus) {
            if (g.tflopsPerDollar || g.vramGbPerDollar || g.tokensPerSPerDollar)
                rows.push_back(&g);
        }
        heading(QStringLiteral("Performance per dollar"), rows.empty() ? 20 : 230);
        if (rows.empty()) {
            m_y += text(m_left, m_y, contentWidth(), font(9), kMuted,
                        QStringLiteral("No priced GPU in the build, so there are no per-dollar figures."));
            return;
        }
        const bool anyTokens = std::any_of(rows.begin(), rows.end(), [](const GpuValue* g) { return g->tokensPerSPerDollar.has_value(); });
        const double per = 1000.0;  // per 1,000 of the build's currency

        auto* chart = new QChart;
        chart->setAnimationOptions(QChart::NoAnimation);
        chart->setBackgroundVisible(false);
        chart->setMargins(QMargins(0, 0, 0, 0));
        chart->legend()->setAlignment(Qt::AlignBottom);
        chart->legend()->setFont(font(8));
        auto* series = new QHorizontalBarSeries;
        const QList<QColor> colors = {kAccent, QColor(0xe0, 0x8e, 0x2b), kNote, QColor(0x7b, 0x4f, 0xa8)};
        double maxValue = 0;
        int colorIndex = 0;
        for (const GpuValue* g : rows) {
            auto* set = new QBarSet(shown(g->name, 60));
            const double t = g->tflopsPerDollar.value_or(0) * per;
            const double vr = g->vramGbPerDollar.value_or(0) * per;
            const double tk = g->tokensPerSPerDollar.value_or(0) * per;
            *set << t << vr;
            if (anyTokens)
                *set << tk;
            maxValue = std::max({maxValue, t, vr, tk});
            set->setColor(colors[colorIndex++ % colors.size()]);
            set->setBorderColor(Qt::transparent);
            set->setLabelFont(font(7.5));
            set->setLabelColor(kInk);
            series->append(set);
        }
        series->setLabelsVisible(true);
        series->setLabelsFormat(QStringLiteral("@value"));
        series->setLabelsPrecision(3);
        series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
        chart->addSeries(series);
        QStringList categories = {QStringLiteral("FP16 tensor TFLOPS"), QStringLiteral("VRAM GB")};
        if (anyTokens)
            categories << QStringLiteral("Decode tokens/s");
        auto* axisY = new QBarCategoryAxis;
        axisY->append(categories);
        axisY->setLabelsFont(font(8));
        axisY->setGridLineVisible(false);
        axisY->setTruncateLabels(false);
        chart->addAxis(axisY, Qt::AlignLeft);
        series->attachAxis(axisY);
        auto* axisX = new QValueAxis;
        axisX->setRange(0, std::max(1.0, maxValue * 1.18));
        axisX->applyNiceNumbers();
        axisX->setLabelFormat(QStringLiteral("%.0f"));
        axisX->setLabelsFont(font(7.5));
        axisX->setTitleText(QStringLiteral("per %1 spent on the GPU").arg(roundMoney(per)));
        axisX->setTitleFont(font(8));
        axisX->setGridLineColor(QColor(0xe6, 0xea, 0xee));
        chart->addAxis(axisX, Qt::AlignBottom);
        series->attachAxis(axisX);

        const double h = 90 + 18.0 * static_cast<double>(categories.size() * rows.size());
        const QRectF target(m_left, m_y, contentWidth(), std::min(h, 260.0));
        ensure(target.height());
        QGraphicsScene scene;
        scene.addItem(chart);  // the scene owns the chart
        chart->setGeometry(QRectF(QPointF(0, 0), target.size()));
        scene.setSceneRect(QRectF(QPointF(0, 0), target.size()));
        // The chart lays itself out on posted events; run them so axes and labels have their size.
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
        const QRectF at(m_left, m_y, target.width(), target.height());
        scene.render(&m_p, at, scene.sceneRect());
        m_y += target.height() + 4;
        QStringList notes;
        if (v.buildTflopsPerDollar)
            notes << QStringLiteral("%1 FP16 TFLOPS").arg(*v.buildTflopsPerDollar * per, 0, 'f', 1);
        if (v.buildVramGbPerDollar)
            notes << QStringLiteral("%1 GB VRAM").arg(*v.buildVramGbPerDollar * per, 0, 'f', 1);
        if (v.buildTokensPerSPerDollar)
            notes << QStringLiteral("%1 tokens/s").arg(*v.buildTokensPerSPerDollar * per, 0, 'f', 2);
        QString caption = QStringLiteral("Bars: figures per %1 of GPU price.").arg(roundMoney(per));
        if (!notes.isEmpty())
            caption += QStringLiteral(" Per %1 of the whole build: ").arg(roundMoney(per)) + notes.join(QStringLiteral(", ")) + QStringLiteral(".");
        m_y += text(m_left, m_y, contentWidth(), font(7.5), kMuted, caption);
    }
};

ReportData makeData(const Build& build, const Evaluation& evaluation, const Catalog& catalog, const ReportOptions& options)
{
    std::vector<ExportLine> lines = exportLines(build, evaluation, catalog);
    ExportTotals totals = exportTotals(lines, build, evaluation);
    // Every piece of text that comes from the user or the catalog; the report's own words are
    // ASCII and typographic punctuation that DejaVu has.
    GlyphCoverage coverage(font(9));
    coverage.check(qs(build.name));
    for (const ExportLine& l : lines) {
        coverage.check(qs(l.name));
        coverage.check(qs(l.specs));
    }
    for (const Finding& f : evaluation.findings)
        coverage.check(qs(f.message));
    return ReportData{build, evaluation, std::move(lines), std::move(totals), options.date, coverage.notice()};
}

// Paints the report on `device`; returns the number of pages, 0 when painting failed.
int paintReport(QPagedPaintDevice& device, const ReportData& data, int totalPages)
{
    QPainter painter;
    if (!painter.begin(&device))
        return 0;
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    ReportWriter writer(device, painter, data, totalPages);
    const int pages = writer.run();
    painter.end();
    return pages;
}

// Page numbers say "of N": a first pass into memory counts the pages.
int countPages(const ReportData& data, const QPageLayout& layout)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter counter(&buffer);
    counter.setPageLayout(layout);
    counter.setResolution(300);
    return paintReport(counter, data, 0);
}

}  // namespace

bool writeBuildReportPdf(const Build& build, const Evaluation& evaluation, const Catalog& catalog, const QString& path,
                         QString* error, const ReportOptions& options, QString* warning)
{
    const ReportData data = makeData(build, evaluation, catalog, options);
    if (warning)
        *warning = data.missingGlyphs;
    const QPageLayout layout(QPageSize(options.pageSize), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0));
    const int pages = countPages(data, layout);

    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    QPdfWriter writer(&file);
    writer.setPageLayout(layout);
    writer.setResolution(600);
    writer.setCreator(QStringLiteral("mlrig"));
    writer.setTitle(QStringLiteral("mlrig build report: ") + shown(build.name, 200));
    if (paintReport(writer, data, pages) == 0) {
        if (error)
            *error = QStringLiteral("cannot paint the report into %1").arg(path);
        return false;
    }
    file.close();
    if (file.error() != QFileDevice::NoError) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool printBuildReport(const Build& build, const Evaluation& evaluation, const Catalog& catalog, QPrinter& printer,
                      QString* error, const ReportOptions& options)
{
    const ReportData data = makeData(build, evaluation, catalog, options);
    const int pages = countPages(data, printer.pageLayout());
    if (paintReport(printer, data, pages) == 0) {
        if (error)
            *error = QStringLiteral("the printer could not be started");
        return false;
    }
    return true;
}

}  // namespace mlrig::ui
