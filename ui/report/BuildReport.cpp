#include "ui/report/BuildReport.h"

// The PDF writer and the printer: two passes over BuildReportWriter (the first only counts the
// pages, so every footer can say "of N").

#include <QBuffer>
#include <QFile>
#include <QPainter>
#include <QPdfWriter>
#include <QPrinter>

#include <functional>

#include "ui/common/QtText.h"
#include "ui/report/BuildReportWriter.h"
#include "ui/report/GlyphCoverage.h"
#include "ui/report/ReportFile.h"
#include "ui/report/ReportStyle.h"
#include "core/advise/GpuComparison.h"
#include "core/advise/SystemComparison.h"
#include "core/io/ExportLines.h"

namespace mlrig::ui {

namespace {

using report::BuildReportWriter;
using report::ReportData;
using report::font;
using report::shown;

// Build or buy compares LLM inference speed (decode and prefill); other workloads get a sentence.
QString systemsAbsentReason(const Build& build, const Catalog& catalog)
{
    if (catalog.unifiedSystems().empty())
        return QStringLiteral("This catalog lists no unified-memory machines (Mac Studio, Ryzen AI Max mini-PCs, "
                              "DGX Spark) to compare the build with.");
    if (!build.workload)
        return QStringLiteral("No workload chosen. Build or buy compares the build with unified-memory machines "
                              "(Mac Studio, Ryzen AI Max mini-PCs, DGX Spark) on an LLM inference workload: choose a "
                              "model to run in mlrig to see the table.");
    if (build.workload->kind != WorkloadKind::LlmInference)
        return QStringLiteral("The build's workload is %1. Build or buy compares the build with unified-memory "
                              "machines on LLM inference (decode and prefill speed), so there is no table for it; "
                              "mlrig-cli compare-systems lists the machines for any workload.")
            .arg(qs(describeWorkload(*build.workload)));
    return {};
}

ReportData makeData(const Build& build, const Evaluation& evaluation, const Catalog& catalog, const ReportOptions& options)
{
    std::vector<ExportLine> lines = exportLines(build, evaluation, catalog);
    ExportTotals totals = exportTotals(lines, build, evaluation);
    std::optional<SystemComparison> systems;
    QString systemsAbsent = systemsAbsentReason(build, catalog);
    if (systemsAbsent.isEmpty())
        systems = compareSystems(build, catalog, evaluation, options.evaluation);
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
    if (systems)
        for (const SystemRow& row : systems->rows) {
            coverage.check(qs(row.name));
            coverage.check(qs(row.platform));
        }
    return ReportData{build,
                      evaluation,
                      std::move(lines),
                      std::move(totals),
                      options.date,
                      coverage.notice(),
                      std::move(systems),
                      std::move(systemsAbsent),
                      options.evaluation,
                      {}};
}

// Paints the report on `device`; returns the number of pages, 0 when painting failed.
int paintReport(QPagedPaintDevice& device, const ReportData& data, int totalPages)
{
    QPainter painter;
    if (!painter.begin(&device))
        return 0;
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    BuildReportWriter writer(device, painter, data, totalPages);
    const int pages = writer.run();  // ReportCancelled passes through; the painter ends with it
    painter.end();
    return pages;
}

// ReportOptions::progress as the writer's step: one step per part line and finding, per pass.
std::function<bool()> progressSteps(const ReportData& data, const ReportOptions& options)
{
    if (!options.progress)
        return {};
    const long long total = 2 * static_cast<long long>(data.lines.size() + data.evaluation.findings.size());
    return [done = 0LL, total, progress = options.progress]() mutable { return progress(++done, total); };
}

// Page numbers say "of N": a first pass counts the pages. It lays the text out (without painting it,
// ReportCanvas::counting()) on a PDF device at the resolution of the real pass: text is measured on
// the device, and hinted widths differ a little between resolutions, enough to wrap a table cell
// differently and move the last line to another page.
int countPages(const ReportData& data, const QPageLayout& layout, int resolution)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter counter(&buffer);
    counter.setPageLayout(layout);
    counter.setResolution(resolution);
    return paintReport(counter, data, 0);
}

// Both passes and the atomic write; ReportCancelled passes through.
bool writeReport(const ReportData& data, const QPageLayout& layout, int resolution, const Build& build,
                 const QString& path, QString* error)
{
    const int pages = countPages(data, layout, resolution);

    // Painted into memory first, then written by the one atomic writer (core/io/OutputFile.h): a
    // failed export (full disk, a crash while painting) never leaves a truncated report in place of
    // the previous one.
    QByteArray pdf;
    QBuffer file(&pdf);
    file.open(QIODevice::WriteOnly);
    QPdfWriter writer(&file);
    writer.setPageLayout(layout);
    writer.setResolution(resolution);
    writer.setCreator(QStringLiteral("mlrig"));
    writer.setTitle(QStringLiteral("mlrig build report: ") + shown(build.name, 200));
    if (paintReport(writer, data, pages) == 0) {
        if (error)
            *error = QStringLiteral("cannot paint the report into %1").arg(path);
        return false;
    }
    file.close();
    return writeReportBytes(pdf, path, error);
}

}  // namespace

bool writeBuildReportPdf(const Build& build, const Evaluation& evaluation, const Catalog& catalog, const QString& path,
                         QString* error, const ReportOptions& options, QString* warning)
{
    ReportData data = makeData(build, evaluation, catalog, options);
    data.step = progressSteps(data, options);
    if (warning)
        *warning = data.missingGlyphs;
    const QPageLayout layout(QPageSize(options.pageSize), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0));
    constexpr int kResolution = 600;
    try {
        return writeReport(data, layout, kResolution, build, path, error);
    } catch (const report::ReportCancelled&) {
        if (error)
            *error = reportCancelledError();
        return false;
    }
}

QString reportCancelledError()
{
    return QStringLiteral("cancelled");
}

bool printBuildReport(const Build& build, const Evaluation& evaluation, const Catalog& catalog, QPrinter& printer,
                      QString* error, const ReportOptions& options)
{
    const ReportData data = makeData(build, evaluation, catalog, options);
    const int pages = countPages(data, printer.pageLayout(), printer.resolution());
    if (paintReport(printer, data, pages) == 0) {
        if (error)
            *error = QStringLiteral("the printer could not be started");
        return false;
    }
    return true;
}

}  // namespace mlrig::ui
