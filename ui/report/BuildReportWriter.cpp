#include "ui/report/BuildReportWriter.h"

#include <QFontMetricsF>
#include <QLocale>
#include <QStringList>

#include <algorithm>
#include <cmath>

#include "core/util/Format.h"
#include "ui/common/QtText.h"
#include "ui/report/ReportCharts.h"

namespace mlrig::ui::report {

namespace {

QString footerText(const Build& build)
{
    QString left = QStringLiteral("mlrig build report");
    if (!build.name.empty())
        left += QStringLiteral(" \u00b7 ") + shown(build.name, 80);
    return left;
}

}  // namespace

BuildReportWriter::BuildReportWriter(QPagedPaintDevice& device, QPainter& painter, const ReportData& data, int totalPages)
    : ReportCanvas(device, painter, footerText(data.build), totalPages), m_data(data)
{
}

int BuildReportWriter::run()
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

QString BuildReportWriter::money(double amount) const
{
    return qs(formatMoney(amount, m_data.totals.currency));
}

QString BuildReportWriter::roundMoney(double amount) const
{
    return money(amount).replace(QStringLiteral(".00"), QString());
}

QString BuildReportWriter::workloadKindText(const std::string& id)
{
    if (id == "llm-inference") return QStringLiteral("LLM inference");
    if (id == "llm-finetune") return QStringLiteral("LLM fine-tuning");
    if (id == "image-generation") return QStringLiteral("image generation");
    return qs(id);
}

void BuildReportWriter::title()
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

void BuildReportWriter::summaryBox(double x, double width, const QString& label, const QString& value,
                                   const QString& detail, const QColor& color)
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

void BuildReportWriter::summary()
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

void BuildReportWriter::parts()
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
        if (l.condition == Condition::Used && l.source != PriceSource::Market)
            extra << QStringLiteral("used");
        if (l.custom)
            extra << QStringLiteral("custom part");
        if (l.unitPrice && l.source != PriceSource::User)  // where the price comes from and its month
            extra << QStringLiteral("price: ") + qs(priceOriginLabel(l.origin));
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
             l.unitPrice ? qs(formatMoney(*l.unitPrice, l.origin.currency)) : QStringLiteral("no price"),
             Qt::AlignRight | Qt::AlignTop);
        text(xTotal, m_y + 6, cTotal - 6, num, l.unitPrice ? kInk : kMuted,
             l.unitPrice ? qs(formatMoney(l.lineTotal, l.origin.currency)) : QStringLiteral("\u2014"),
             Qt::AlignRight | Qt::AlignTop);
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
                    m_data.totals.missingPrices == 1
                        ? QStringLiteral("1 line has no price and is not in the total.")
                        : QStringLiteral("%1 lines have no price and are not in the total.").arg(m_data.totals.missingPrices));
    }
    m_y += 4;
}

void BuildReportWriter::findings()
{
    const auto& all = m_data.evaluation.findings;
    heading(QStringLiteral("Findings"));
    if (all.empty()) {
        m_y += text(m_left, m_y, contentWidth(), font(9), kMuted, QStringLiteral("No problems found."));
        return;
    }
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
            // The message alone: rule ids are for scripts (mlrig-cli's JSON), not for a reader.
            const QString msg = shown(f.message, 600);
            const double h = std::max(measure(msgFont, contentWidth() - 12, msg), 11.0) + 5;
            ensure(h);
            m_p.fillRect(QRectF(m_left + 2, m_y, 2, h - 4), severityColor(s).lighter(150));
            text(m_left + 12, m_y, contentWidth() - 12, msgFont, kInk, msg);
            m_y += h;
        }
    }
}

void BuildReportWriter::legendLine(double x, double& y, double width, const QColor& color, bool dashed,
                                   const QString& label, const QString& value)
{
    m_p.setPen(QPen(color, dashed ? 1.4 : 5, dashed ? Qt::DashLine : Qt::SolidLine, Qt::FlatCap));
    m_p.drawLine(QPointF(x, y + 6), QPointF(x + 14, y + 6));
    text(x + 20, y, width - 120, font(9), kInk, label);
    text(x + 20, y, width - 20, font(9, true), kInk, value, Qt::AlignRight | Qt::AlignTop);
    y += 17;
}

void BuildReportWriter::power()
{
    const PowerSummary& pw = m_data.evaluation.power;
    heading(QStringLiteral("Power"), 140);
    const double gaugeW = 190, h = 120;
    paintPowerGauge(m_p, QRectF(m_left, m_y, gaugeW, h), pw);
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

void BuildReportWriter::workload()
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

void BuildReportWriter::valueChart()
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
    const double per = 1000.0;  // per 1,000 of the build's currency

    // One chart per figure, each on its own axis (TFLOPS, GB and tokens/s share no unit), stacked
    // at the full width so GPU names and axis labels have room.
    const std::vector<ValueMetric> metrics = valueMetrics(rows);
    const double h = valueChartHeight(rows.size());
    const QString axisTitle = QStringLiteral("per %1 of GPU price").arg(roundMoney(per));
    for (const ValueMetric& metric : metrics) {
        ensure(h);
        paintChart(m_p, createValueChart(rows, metric, per, axisTitle), QRectF(m_left, m_y, contentWidth(), h));
        m_y += h + 2;
    }
    m_y += 2;
    QStringList notes;
    if (v.wholeBuildTflopsPerDollar)
        notes << QStringLiteral("%1 FP16 TFLOPS").arg(*v.wholeBuildTflopsPerDollar * per, 0, 'f', 1);
    if (v.wholeBuildVramGbPerDollar)
        notes << QStringLiteral("%1 GB VRAM").arg(*v.wholeBuildVramGbPerDollar * per, 0, 'f', 1);
    if (v.wholeBuildTokensPerSPerDollar)
        notes << QStringLiteral("%1 tokens/s").arg(*v.wholeBuildTokensPerSPerDollar * per, 0, 'f', 2);
    QString caption = QStringLiteral("Bars: figures per %1 of GPU price.").arg(roundMoney(per));
    if (!notes.isEmpty())
        caption += QStringLiteral(" Per %1 of the whole build: ").arg(roundMoney(per)) + notes.join(QStringLiteral(", ")) + QStringLiteral(".");
    m_y += text(m_left, m_y, contentWidth(), font(7.5), kMuted, caption);
}

}  // namespace mlrig::ui::report
