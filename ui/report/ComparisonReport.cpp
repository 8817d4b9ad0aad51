#include "ui/report/ComparisonReport.h"

#include <QBuffer>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>

#include <algorithm>

#include "ui/report/GlyphCoverage.h"
#include "ui/report/ReportFile.h"

namespace mlrig::ui {

namespace {

QString esc(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size())).toHtmlEscaped();
}

const char* const kBarColours[] = {"#1f6fb2", "#d9820b", "#2f7d4f", "#8e44ad"};

}  // namespace

std::vector<double> normalisedScores(const ComparisonRow& row)
{
    std::vector<double> out(row.values.size(), 0.0);
    std::optional<double> best;
    for (const auto& v : row.values)
        if (v && *v > 0 && (!best || (row.better == Better::Lower ? *v < *best : *v > *best)))
            best = v;
    if (!best)
        return out;
    for (size_t i = 0; i < row.values.size(); ++i)
        if (row.values[i] && *row.values[i] > 0)
            out[i] = row.better == Better::Lower ? *best / *row.values[i] * 100.0 : *row.values[i] / *best * 100.0;
    return out;
}

QString comparisonHtml(const GpuComparison& comparison)
{
    const size_t n = comparison.gpus.size();
    QString html = QStringLiteral(
        "<html><body style='font-family: sans-serif; font-size: 9pt; color: #1f2328'>"
        "<h2 style='margin-bottom: 2px'>GPU comparison</h2>");
    html += comparison.workload ? QStringLiteral("<p style='color:#5f666d'>Workload: %1. Best value in each row in "
                                                 "<b>bold green</b>; percentages against the first GPU.</p>")
                                      .arg(esc(comparison.workloadLabel))
                                : QStringLiteral("<p style='color:#5f666d'>No workload chosen. Best value in each row in "
                                                 "<b>bold green</b>; percentages against the first GPU.</p>");
    if (const QString notice = missingGlyphsNotice(comparison); !notice.isEmpty())
        html += QStringLiteral("<p style='color:#d9820b'>%1</p>").arg(notice.toHtmlEscaped());
    html += QStringLiteral("<table width='100%' cellspacing='0' cellpadding='4' border='0'><tr style='background:#eef2f6'>"
                           "<th align='left'>Metric</th>");
    for (const ComparedGpu& g : comparison.gpus)
        html += QStringLiteral("<th align='right'>%1</th>").arg(esc(g.name()));
    html += QStringLiteral("</tr>");
    std::string group;
    for (const ComparisonRow& row : comparison.rows) {
        if (row.group != group) {
            group = row.group;
            html += QStringLiteral("<tr><td colspan='%1' style='border-bottom: 1px solid #d0d7de'><b>%2</b></td></tr>")
                        .arg(n + 1)
                        .arg(esc(group));
        }
        html += QStringLiteral("<tr><td>%1</td>").arg(esc(row.label));
        for (size_t i = 0; i < n; ++i) {
            const bool winner = std::find(row.winners.begin(), row.winners.end(), i) != row.winners.end();
            QString cell = esc(row.text[i]);
            if (row.deltaPercent[i])
                cell += QStringLiteral(" <span style='color:#5f666d'>(%1%2%)</span>")
                            .arg(*row.deltaPercent[i] >= 0 ? QStringLiteral("+") : QString())
                            .arg(*row.deltaPercent[i], 0, 'f', 0);
            html += winner ? QStringLiteral("<td align='right' style='color:#2f7d4f'><b>%1</b></td>").arg(cell)
                           : QStringLiteral("<td align='right'>%1</td>").arg(cell);
        }
        html += QStringLiteral("</tr>");
    }
    html += QStringLiteral("</table>");

    html += QStringLiteral("<h3 style='page-break-before: always'>Relative to the best card (longer is better)</h3><p>");
    for (size_t i = 0; i < n; ++i)
        html += QStringLiteral("<span style='color:%1'>■</span> %2&nbsp;&nbsp; ")
                    .arg(QLatin1String(kBarColours[i % 4]), esc(comparison.gpus[i].name()));
    html += QStringLiteral("</p><table width='100%' cellspacing='0' cellpadding='1'>");
    for (const ComparisonRow& row : comparison.rows) {
        const std::vector<double> scores = normalisedScores(row);
        if (!row.chartable() || std::none_of(scores.begin(), scores.end(), [](double v) { return v > 0; }))
            continue;
        html += QStringLiteral("<tr><td width='28%' valign='middle'>%1</td><td width='72%'>").arg(esc(row.label));
        for (size_t i = 0; i < n; ++i) {
            const int width = std::max(1, static_cast<int>(scores[i] * 0.85));
            html += QStringLiteral("<table cellspacing='0' cellpadding='0' width='100%'><tr>"
                                   "<td width='%1%' style='background:%2; font-size:6pt'>&nbsp;</td>"
                                   "<td style='font-size:7pt; color:#5f666d'>&nbsp;%3</td></tr></table>")
                        .arg(width)
                        .arg(QLatin1String(kBarColours[i % 4]))
                        .arg(scores[i] > 0 ? QStringLiteral("%1%").arg(scores[i], 0, 'f', 0) : QStringLiteral("unknown"));
        }
        html += QStringLiteral("</td></tr>");
    }
    html += QStringLiteral("</table><p style='color:#5f666d; font-size: 7pt'>Made with mlrig. Speeds are estimates "
                           "from mlrig's workload model; prices are a US snapshot or launch prices (MSRP).</p>"
                           "</body></html>");
    return html;
}

QString missingGlyphsNotice(const GpuComparison& comparison)
{
    // The document's default font (the HTML asks for the generic sans-serif family).
    QFont font(QStringLiteral("Sans Serif"));
    font.setPointSizeF(9);
    GlyphCoverage coverage(font);
    for (const ComparedGpu& g : comparison.gpus)
        coverage.check(QString::fromStdString(g.name()));
    coverage.check(QString::fromStdString(comparison.workloadLabel));
    return coverage.notice();
}

bool writeComparisonPdf(const GpuComparison& comparison, const QString& path, QString* error, QString* warning)
{
    if (warning)
        *warning = missingGlyphsNotice(comparison);
    QByteArray pdf;  // in memory, then written atomically (see writeBuildReportPdf)
    QBuffer file(&pdf);
    file.open(QIODevice::WriteOnly);
    QPdfWriter writer(&file);
    writer.setTitle(QStringLiteral("GPU comparison"));
    writer.setCreator(QStringLiteral("mlrig"));
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4),
                                     comparison.gpus.size() > 3 ? QPageLayout::Landscape : QPageLayout::Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter));
    QTextDocument document;
    document.setHtml(comparisonHtml(comparison));
    document.print(&writer);
    file.close();
    return writeReportBytes(pdf, path, error);
}

}  // namespace mlrig::ui
