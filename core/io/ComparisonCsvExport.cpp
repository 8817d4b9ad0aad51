#include "core/io/ComparisonCsvExport.h"

#include <fmt/format.h>

#include "core/util/Csv.h"
#include "core/util/VisibleText.h"

namespace mlrig {

std::string comparisonToCsv(const GpuComparison& comparison)
{
    std::vector<std::string> names;
    for (const ComparedGpu& c : comparison.gpus)
        names.push_back(visibleText(c.name()));
    CsvRow header{"Group", "Metric", "Unit"};
    header.insert(header.end(), names.begin(), names.end());
    for (size_t i = 1; i < names.size(); ++i)
        header.push_back(fmt::format("{} vs {} (%)", names[i], names[0]));
    header.push_back("Best");
    std::string out = csvLine(header);
    for (const ComparisonRow& row : comparison.rows) {
        CsvRow line{row.group, row.label, row.unit};
        for (size_t i = 0; i < row.values.size(); ++i) {
            // Numbers stay numbers (spreadsheet-friendly); text rows keep their text.
            if (row.values[i] && !row.unit.empty())
                line.push_back(fmt::format("{:.6g}", *row.values[i]));
            else
                line.push_back(row.text[i] == "—" ? "" : row.text[i]);
        }
        for (size_t i = 1; i < row.values.size(); ++i)
            line.push_back(row.deltaPercent[i] ? fmt::format("{:+.1f}", *row.deltaPercent[i]) : "");
        std::string best;
        for (size_t w : row.winners)
            best += (best.empty() ? "" : "; ") + names[w];
        line.push_back(best);
        out += csvLine(line);
    }
    // Control and bidi characters in any name or text cell are shown, not passed on (issue 16).
    return visibleText(out, LineBreaks::Keep);
}

}  // namespace mlrig
