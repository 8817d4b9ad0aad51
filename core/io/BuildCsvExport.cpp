#include "core/io/BuildCsvExport.h"

#include <fmt/format.h>

#include "core/util/Csv.h"
#include "core/io/ExportLines.h"
#include "core/util/Plural.h"
#include "core/util/VisibleText.h"

namespace mlrig {

std::string neutraliseCsvFormula(std::string_view text)
{
    if (!text.empty()) {
        const char c = text.front();
        if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r')
            return "'" + std::string(text);
    }
    return std::string(text);
}

std::string exportBuildCsv(const Build& build, const Evaluation& evaluation, const Catalog& catalog,
                           const CsvExportOptions& options)
{
    const std::vector<ExportLine> lines = exportLines(build, evaluation, catalog);
    const ExportTotals totals = exportTotals(lines, build, evaluation);
    const auto number = [](double v) { return fmt::format("{:.2f}", v); };
    // Cells are one line each; control and bidi characters become visible escapes (VisibleText.h).
    const auto text = [](std::string_view v) { return neutraliseCsvFormula(visibleText(v)); };

    std::string out = options.utf8Bom ? "\xEF\xBB\xBF" : "";
    out += csvLine({"Category", "Name", "Quantity", "Unit price", "Currency", "Line total", "Price source",
                    "Condition", "Key specs", "Price date", "Price origin"});
    int quantity = 0;
    for (const ExportLine& l : lines) {
        quantity += l.quantity;
        // Each line in the currency of its own price: catalog and market prices are US dollars.
        out += csvLine({std::string(categoryLabel(l.category)), text(l.name), std::to_string(l.quantity),
                        l.unitPrice ? number(*l.unitPrice) : std::string(),
                        text(l.unitPrice ? l.origin.currency : totals.currency),
                        l.unitPrice ? number(l.lineTotal) : std::string(), std::string(priceSourceId(l.source)),
                        std::string(conditionId(l.condition)), text(l.specs), text(l.origin.month),
                        l.unitPrice ? text(priceOriginLabel(l.origin)) : std::string()});
    }
    std::string note =
        totals.missingPrices > 0 ? fmt::format("{} without a price not counted", countOf(totals.missingPrices, "line", "lines")) : "";
    if (totals.otherCurrencyLines > 0)
        note += fmt::format("{}{} in another currency not counted", note.empty() ? "" : "; ",
                            countOf(totals.otherCurrencyLines, "line", "lines"));
    out += csvLine({"Total", text(build.name), std::to_string(quantity), "", text(totals.currency),
                    number(totals.total), "", "", note, "", ""});
    return out;
}

}  // namespace mlrig
