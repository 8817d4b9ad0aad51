#pragma once

// The build report: a printable document of a build and its evaluation, as PDF or on a printer.
//
// Contents: title and date; the parts table with prices and total; findings grouped by
// severity; the power summary with a painted gauge; the workload estimate; a
// performance-per-dollar chart (Qt Charts, painted as vectors); "Build or buy", the build beside
// the unified-memory machines on its LLM workload (core's compareSystems()); page numbers on every
// page.
//
// Usage from the main window (File > Export > PDF report..., File > Print...):
//
//     QString error;
//     if (!mlrig::writeBuildReportPdf(session.build(), session.evaluation(), catalog, fileName, &error))
//         QMessageBox::warning(this, tr("Export failed"), error);
//
//     QPrinter printer(QPrinter::HighResolution);
//     QPrintDialog dialog(&printer, this);
//     if (dialog.exec() == QDialog::Accepted)
//         mlrig::printBuildReport(build, evaluation, catalog, printer, &error);
//
// Needs a QApplication (Qt Charts); headless callers use ReportPdfExport.h. writeBuildReportPdf()
// may run on a worker thread (QPdfWriter and QPainter are fine there): the charts, which Qt
// Charts can only lay out on the GUI thread, are then painted there while the worker waits
// (ReportCharts.h), so the GUI thread must keep its event loop running meanwhile.

#include <QDateTime>
#include <QPageSize>
#include <QString>

#include <functional>

#include "core/catalog/Catalog.h"
#include "core/eval/Evaluate.h"
#include "core/eval/Evaluation.h"
#include "core/model/Build.h"

class QPagedPaintDevice;
class QPrinter;

namespace mlrig::ui {

struct ReportOptions {
    QDateTime date;  // printed on the title; invalid = now (tests pass a fixed date)
    QPageSize::PageSizeId pageSize = QPageSize::A4;  // A4 or Letter
    // The options `evaluation` was made with (electricity price, hours a day): "Build or buy" prices
    // the machines' energy with them, as the build's own.
    EvaluationOptions evaluation;
    // Called from the thread that paints, after each part line and finding of both passes (the
    // page-counting one and the real one): `done` of `total` steps. Returning false stops the
    // report: writeBuildReportPdf() then returns false with *error "cancelled" and writes nothing.
    // A background export (ui/common/BackgroundJob) reports progress and Cancel through it.
    std::function<bool(long long done, long long total)> progress;
};

// What *error holds when `progress` stopped the report.
QString reportCancelledError();

// *warning (when given) is set to a one-paragraph notice when some characters of the build's
// text could not be drawn (no installed font has them; the report says so too), else cleared.
bool writeBuildReportPdf(const Build& build, const Evaluation& evaluation, const Catalog& catalog,
                         const QString& path, QString* error, const ReportOptions& options = {},
                         QString* warning = nullptr);

// Prints on a configured printer (page size and margins from the printer / print dialog).
bool printBuildReport(const Build& build, const Evaluation& evaluation, const Catalog& catalog, QPrinter& printer,
                      QString* error, const ReportOptions& options = {});

}  // namespace mlrig::ui
