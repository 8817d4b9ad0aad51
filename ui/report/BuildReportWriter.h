#pragma once

// The build report's sections, top to bottom: title, summary boxes, parts table, findings,
// power, workload, performance per dollar and build or buy. Page handling is ReportCanvas's; the
// pictures are ReportCharts'.

#include <QDateTime>
#include <QString>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/advise/SystemComparison.h"
#include "core/eval/Evaluate.h"
#include "core/eval/Evaluation.h"
#include "core/io/ExportLines.h"
#include "core/model/Build.h"
#include "ui/report/ReportCanvas.h"

namespace mlrig::ui::report {

struct ReportData {
    const Build& build;
    const Evaluation& evaluation;
    std::vector<ExportLine> lines;
    ExportTotals totals;
    QDateTime date;
    // What the report says about characters of the user's text that no installed font can
    // draw (GlyphCoverage::notice()); empty when every character prints.
    QString missingGlyphs;
    // Build or buy (compareSystems() on `evaluation`), made only for an LLM inference workload;
    // otherwise `systemsAbsent` says why the section has no table.
    std::optional<SystemComparison> systems;
    QString systemsAbsent;
    EvaluationOptions options;  // what `evaluation` and `systems` were made with
    // Called after each part line and finding painted (or measured); false stops the report by
    // throwing ReportCancelled out of run().
    std::function<bool()> step;
};

// Thrown out of BuildReportWriter::run() when ReportData::step says stop.
struct ReportCancelled {};

class BuildReportWriter : public ReportCanvas {
public:
    BuildReportWriter(QPagedPaintDevice& device, QPainter& painter, const ReportData& data, int totalPages);

    // Paints the whole report; returns the number of pages.
    int run();

private:
    const ReportData& m_data;

    QString money(double amount) const;
    QString roundMoney(double amount) const;
    static QString workloadKindText(const std::string& id);
    void advance() const;

    void title();
    void summaryBox(double x, double width, const QString& label, const QString& value, const QString& detail,
                    const QColor& color);
    void summary();
    void parts();
    void findings();
    void legendLine(double x, double& y, double width, const QColor& color, bool dashed, const QString& label,
                    const QString& value);
    void power();
    void workload();
    void valueChart();
    void buildOrBuy();
};

}  // namespace mlrig::ui::report
