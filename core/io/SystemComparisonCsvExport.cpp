#include "core/io/SystemComparisonCsvExport.h"

#include <fmt/format.h>

#include "core/util/Csv.h"
#include "core/util/VisibleText.h"

namespace mlrig {

std::string systemComparisonToCsv(const SystemComparison& comparison, const CsvExportOptions& options)
{
    // The precision the CLI's JSON gives each figure (app/cli/CompareSystemsCommand.cpp).
    const auto number = [](const std::optional<double>& v, int decimals) {
        return v ? fmt::format("{:.{}f}", *v, decimals) : std::string();
    };
    // Cells are one line each; control and bidi characters become visible escapes (VisibleText.h).
    const auto text = [](std::string_view v) { return neutraliseCsvFormula(visibleText(v)); };
    const auto yesNo = [](bool v) { return std::string(v ? "yes" : "no"); };

    std::string out = options.utf8Bom ? "\xEF\xBB\xBF" : "";
    out += csvLine({"Rank", "Name", "Kind", "Platform", "Chip", "Form factor", "GPU memory (GB)", "Total memory (GB)",
                    "Price", "Price currency", "Price note", "Fits", "Needs raised GPU memory limit",
                    "Decode tokens/s", "Prefill tokens/s", "Power (W)", "Power note",
                    fmt::format("Yearly energy cost ({})", visibleText(comparison.currency)), "Stack", "Notes",
                    "Source"});
    int rank = 1;
    for (const SystemRow& row : comparison.rows) {
        const bool estimated = row.estimate.has_value();  // without a workload, fit says nothing
        out += csvLine({std::to_string(rank++), text(row.name), row.isBuild ? "build" : "machine", text(row.platform),
                        text(row.chip), text(row.formFactor), number(row.memoryGb, 1), number(row.totalMemoryGb, 1),
                        number(row.price, 2), row.price ? text(row.currency) : std::string(), text(row.priceNote),
                        estimated ? yesNo(row.fits) : std::string(),
                        estimated ? yesNo(row.needsRaisedLimit) : std::string(), number(row.decodeTokensPerS, 1),
                        number(row.prefillTokensPerS, 1), number(row.powerW, 0), text(row.powerNote),
                        number(row.yearlyEnergyCost, 2), text(row.stack), text(row.notes), text(row.source)});
    }
    return out;
}

}  // namespace mlrig
