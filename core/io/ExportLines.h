#pragma once

// What every export (CSV, Markdown, PDF report) lists for a build: one line per build item with
// its price from the evaluation and a short spec string, plus money formatting. Kept in one
// place so the three formats always agree on names, prices and totals.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/Build.h"
#include "core/catalog/Catalog.h"
#include "core/eval/Evaluation.h"
#include "core/util/Format.h"

namespace mlrig {

struct ExportLine {
    Category category = Category::Cpu;
    std::string name;
    int quantity = 1;
    std::optional<double> unitPrice;  // in origin.currency
    PriceSource source = PriceSource::Unknown;
    double lineTotal = 0;
    std::string specs;  // "16 cores, AM5, 170 W"
    Condition condition = Condition::New;
    bool custom = false;
    PriceOrigin origin{};  // where the price comes from, its month and currency
};

// Lines in build order. Prices come from evaluation.cost.lines; when the evaluation has no cost
// lines (not evaluated yet) the build's own prices are used.
std::vector<ExportLine> exportLines(const Build& build, const Evaluation& evaluation, const Catalog& catalog);

struct ExportTotals {
    double total = 0;
    std::string currency = "USD";
    int missingPrices = 0;
    int otherCurrencyLines = 0;  // priced in another currency: listed as such, not in the total
};
// The evaluation's cost summary, or the sum of `lines` when the evaluation has no cost lines.
ExportTotals exportTotals(const std::vector<ExportLine>& lines, const Build& build, const Evaluation& evaluation);

// A few key figures of a part, comma-separated; unknown values are left out.
std::string keySpecs(const AnyPart& part);

}  // namespace mlrig
