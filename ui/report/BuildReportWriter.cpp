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
    buildOrBuy();
    footer();
    return m_page;
}

void BuildReportWriter::advance() const
{
    if (m_data.step && !m_data.step())
        throw ReportCancelled{};
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
        advance();
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
            advance();
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
    if (!counting())  // a picture of fixed size: nothing to measure
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
    // A chart must fit on a page: an inventory with hundreds of GPU lines charts the first ones
    // (the caption says how many), instead of bars running off the page's foot, each one painted
    // for nothing (a 10,000-line build has 1,250).
    const std::vector<ValueMetric> metrics = valueMetrics(rows);  // of every GPU line
    const std::size_t allGpus = rows.size();
    const double pageRoom = bottom() - kMargin - 40;  // a page below the section's heading (heading())
    while (rows.size() > 1 && valueChartHeight(rows.size()) > pageRoom)
        rows.pop_back();

    // The heading stays with the first chart (a page-high chart takes the heading to its page).
    heading(QStringLiteral("Performance per dollar"), rows.empty() ? 20 : std::max(230.0, valueChartHeight(rows.size())));
    if (rows.empty()) {
        m_y += text(m_left, m_y, contentWidth(), font(9), kMuted,
                    QStringLiteral("No priced GPU in the build, so there are no per-dollar figures."));
        return;
    }
    const double per = 1000.0;  // per 1,000 of the build's currency

    // One chart per figure, each on its own axis (TFLOPS, GB and tokens/s share no unit), stacked
    // at the full width so GPU names and axis labels have room.
    const double h = valueChartHeight(rows.size());
    const QString axisTitle = QStringLiteral("per %1 of GPU price").arg(roundMoney(per));
    for (const ValueMetric& metric : metrics) {
        ensure(h);
        if (!counting())  // the chart's height is fixed above: the counting pass need not lay it out
            paintValueChart(m_p, rows, metric, per, axisTitle, QRectF(m_left, m_y, contentWidth(), h));
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
    if (rows.size() < allGpus)
        caption += QStringLiteral(" The charts show the first %1 of the build's %2 priced GPU lines.").arg(rows.size()).arg(allGpus);
    if (!notes.isEmpty())
        caption += QStringLiteral(" Per %1 of the whole build: ").arg(roundMoney(per)) + notes.join(QStringLiteral(", ")) + QStringLiteral(".");
    m_y += text(m_left, m_y, contentWidth(), font(7.5), kMuted, caption);
}

void BuildReportWriter::buildOrBuy()
{
    heading(QStringLiteral("Build or buy"), m_data.systems ? 120 : 20);
    if (!m_data.systems) {
        m_y += text(m_left, m_y, contentWidth(), font(9), kMuted, m_data.systemsAbsent);
        return;
    }
    const SystemComparison& c = *m_data.systems;
    m_y += text(m_left, m_y, contentWidth(), font(9), kInk,
                QStringLiteral("The build beside every unified-memory machine in the catalog on %1, ranked: what runs "
                               "the model first, then the faster (%2), then the cheaper.")
                    .arg(qs(c.workloadLabel), qs(c.figureOfMerit.empty() ? std::string("speed") : c.figureOfMerit)));
    m_y += 6;

    // Every cell's text first: the figure columns are as wide as their widest text (headings broken
    // by hand into words that never split), and the machine's name takes what they leave.
    const QFont nameFont = font(8);
    const QFont boldName = font(8, true);
    const QFont small = font(6.5);
    const QFont num = font(8);
    const QFont fitsFont = font(8, true);
    const QFont head = font(6.5, true);
    const QString none = QStringLiteral("\u2014");
    const auto figure = [&](const std::optional<double>& v, int decimals) {
        return v ? QString::number(*v, 'f', decimals) : none;
    };
    struct Cells {
        const SystemRow* row;
        QString name, platform, memory, price, priceNote, fits, decode, prefill, power, energy;
    };
    std::vector<Cells> cells;
    bool anyRaised = false;
    for (const SystemRow& row : c.rows) {
        Cells cell{&row, shown(row.name, 200), shown(row.platform, 200), {}, {}, {}, none, {}, {}, {}, {}};
        if (!row.formFactor.empty())
            cell.platform += QStringLiteral(" \u00b7 ") + qs(row.formFactor);
        cell.memory = row.memoryGb ? QStringLiteral("%1 GB").arg(*row.memoryGb, 0, 'f', 0) : none;
        cell.price = row.price ? qs(formatMoney(*row.price, row.currency)) : QStringLiteral("no price");
        cell.priceNote = row.price ? qs(row.priceNote) : QString();
        if (row.estimate) {
            cell.fits = row.fits ? (row.needsRaisedLimit ? QStringLiteral("yes*") : QStringLiteral("yes")) : QStringLiteral("no");
            anyRaised = anyRaised || (row.fits && row.needsRaisedLimit);
        }
        cell.decode = figure(row.decodeTokensPerS, 1);
        cell.prefill = figure(row.prefillTokensPerS, 0);
        cell.power = row.powerW ? QStringLiteral("%1 W").arg(qs(formatWhole(*row.powerW))) : none;
        cell.energy = row.yearlyEnergyCost ? qs(formatMoney(*row.yearlyEnergyCost, c.currency)) + QStringLiteral("/yr") : QString();
        cells.push_back(std::move(cell));
    }
    const auto widthOf = [&](const QFont& f, const QString& s) {
        m_p.setFont(f);
        return m_p.boundingRect(QRectF(0, 0, 1e6, 1e3), Qt::AlignLeft | Qt::AlignTop, s).width();
    };
    const double pad = 3;
    const auto columnWidth = [&](const QString& title, auto cellText, const QFont& f) {
        double w = 0;
        for (const QString& word : title.split(QLatin1Char('\n')))
            w = std::max(w, widthOf(head, word));
        for (const Cells& cell : cells)
            w = std::max(w, widthOf(f, cellText(cell)));
        return std::ceil(w) + 2 * pad;
    };
    const double cw = contentWidth();
    const double cRank = columnWidth(QStringLiteral("#"), [&](const Cells&) { return QString::number(cells.size()); }, font(7));
    const double cMem = columnWidth(QStringLiteral("GPU\nMEMORY"), [](const Cells& x) { return x.memory; }, num);
    // The note ("launch price, 2025-03") may wrap under the price, but not below a sensible width.
    const double cPrice = std::max(columnWidth(QStringLiteral("PRICE"), [](const Cells& x) { return x.price; }, num),
                                   std::min(92.0, columnWidth(QStringLiteral("PRICE"), [](const Cells& x) { return x.priceNote; }, small)));
    const double cFits = columnWidth(QStringLiteral("FITS"), [](const Cells& x) { return x.fits; }, fitsFont);
    const double cDecode = columnWidth(QStringLiteral("DECODE\nTOK/S"), [](const Cells& x) { return x.decode; }, num);
    const double cPrefill = columnWidth(QStringLiteral("PREFILL\nTOK/S"), [](const Cells& x) { return x.prefill; }, num);
    // The energy cost sits under the power it comes from: one column fewer leaves the names room.
    const double cPower = std::max(columnWidth(QStringLiteral("POWER\nCOST/YEAR"), [](const Cells& x) { return x.power; }, num),
                                   columnWidth(QStringLiteral("POWER"), [](const Cells& x) { return x.energy; }, small));
    const double cName = cw - cRank - cMem - cPrice - cFits - cDecode - cPrefill - cPower;
    const double xName = m_left + cRank, xMem = xName + cName, xPrice = xMem + cMem, xFits = xPrice + cPrice,
                 xDecode = xFits + cFits, xPrefill = xDecode + cDecode, xPower = xPrefill + cPrefill;
    const int right = Qt::AlignRight | Qt::AlignTop | Qt::TextWordWrap;
    const int centre = Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap;
    const struct {
        double x, w;
        QString title;
        int flags;
    } columns[] = {
        {m_left, cRank, QStringLiteral("#"), right},
        {xName, cName, QStringLiteral("MACHINE\nPLATFORM \u00b7 FORM"), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap},
        {xMem, cMem, QStringLiteral("GPU\nMEMORY"), right},
        {xPrice, cPrice, QStringLiteral("PRICE"), right},
        {xFits, cFits, QStringLiteral("FITS"), centre},
        {xDecode, cDecode, QStringLiteral("DECODE\nTOK/S"), right},
        {xPrefill, cPrefill, QStringLiteral("PREFILL\nTOK/S"), right},
        {xPower, cPower, QStringLiteral("POWER\nCOST/YEAR"), right},
    };
    double headH = 0;
    for (const auto& col : columns)
        headH = std::max(headH, measure(head, col.w - 2 * pad, col.title));
    headH += 8;
    const auto headerRow = [&] {
        m_p.fillRect(QRectF(m_left, m_y, cw, headH), kInk);
        for (const auto& col : columns)
            text(col.x + pad, m_y + 4, col.w - 2 * pad, head, Qt::white, col.title, col.flags);
        m_y += headH;
    };
    headerRow();

    const QColor buildTint(0xe8, 0xf1, 0xfa);
    int rank = 1;
    for (const Cells& cell : cells) {
        const SystemRow& row = *cell.row;
        const double wName = cName - 2 * pad, wPrice = cPrice - 2 * pad;
        const QFont& nf = row.isBuild ? boldName : nameFont;
        const double nameH = measure(nf, wName, cell.name) + 1 + measure(small, wName, cell.platform);
        const double priceH =
            measure(num, wPrice, cell.price) + (cell.priceNote.isEmpty() ? 0 : 1 + measure(small, wPrice, cell.priceNote, right));
        const double powerH = measure(num, cPower - 2 * pad, cell.power) + 1 + measure(small, cPower - 2 * pad, cell.energy, right);
        const double h = std::max({nameH, priceH, powerH}) + 8;
        if (m_y + h > bottom()) {
            newPage();
            headerRow();
        }
        if (row.isBuild)
            m_p.fillRect(QRectF(m_left, m_y, cw, h), buildTint);
        else if (rank % 2 == 0)
            m_p.fillRect(QRectF(m_left, m_y, cw, h), kZebra);
        const double y = m_y + 4;
        text(m_left + pad, y + 0.5, cRank - 2 * pad, font(7), kMuted, QString::number(rank), right);
        const double ny = y + text(xName + pad, y, wName, nf, kInk, cell.name);
        text(xName + pad, ny + 1, wName, small, kMuted, cell.platform);
        text(xMem + pad, y, cMem - 2 * pad, num, kInk, cell.memory, right);
        const double py = y + text(xPrice + pad, y, wPrice, num, row.price ? kInk : kMuted, cell.price, right);
        if (!cell.priceNote.isEmpty())
            text(xPrice + pad, py + 1, wPrice, small, kMuted, cell.priceNote, right);
        const QColor fitsColor = !row.estimate ? kMuted : (row.fits ? kNote : kError);
        text(xFits + pad, y, cFits - 2 * pad, fitsFont, fitsColor, cell.fits, centre);
        text(xDecode + pad, y, cDecode - 2 * pad, num, kInk, cell.decode, right);
        text(xPrefill + pad, y, cPrefill - 2 * pad, num, kInk, cell.prefill, right);
        const double wy = y + text(xPower + pad, y, cPower - 2 * pad, num, kInk, cell.power, right);
        text(xPower + pad, wy + 1, cPower - 2 * pad, small, kMuted, cell.energy, right);
        m_y += h;
        m_p.setPen(QPen(kRule, 0.5));
        m_p.drawLine(QPointF(m_left, m_y), QPointF(m_right, m_y));
        ++rank;
    }
    m_y += 5;
    QStringList notes;
    if (anyRaised)
        notes << QStringLiteral("* Fits only after raising the share of memory the GPU may use (a sysctl on macOS, "
                                "kernel parameters on Linux); below that default it does not.");
    notes << QStringLiteral("GPU memory: what the workload may use \u2014 the build's VRAM; for a machine, the share "
                            "of its unified memory its GPU may use once raised as documented, not the whole pool.");
    notes << QStringLiteral("Machine prices are US dollars: a launch, list or street price with the month it was seen. "
                            "The build's price is its parts total in %1.")
                 .arg(qs(c.currency));
    notes << QStringLiteral("Power: the build's sustained draw from mlrig's power model; a machine's measured draw "
                            "under an LLM load, or its maximum rating where none was measured. Under it, the energy cost a year at "
                            "%1 hours a day and %2 per kWh. Speeds are estimates from mlrig's workload model.")
                 .arg(m_data.options.hoursPerDay, 0, 'g', 3)
                 .arg(qs(formatMoney(m_data.options.electricityPricePerKwh, c.currency)));
    for (const QString& note : notes) {
        ensure(measure(font(7.5), cw, note));
        m_y += text(m_left, m_y, cw, font(7.5), kMuted, note) + 2;
    }
}

}  // namespace mlrig::ui::report
