#pragma once

// Which parts of one category a search shows, and in what order: the picker's list and
// `mlrig-cli catalog search` both come from here, so they cannot disagree. A part is listed
// when the text matches it (SearchText) and it meets the spec filters (PartCriteria); with
// compatibility known (PartFilter), incompatible parts are hidden or carry their reason. Parts
// that share a name (one product under two OpenDB ids) are merged into the best-described one.
// Order: relevance to the text, then priced parts first (by default), then the chosen sort,
// then price and name. Prices and sort figures are computed once per category, so a keystroke
// costs one pass over the category's search texts.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/advise/PartCriteria.h"
#include "core/catalog/Catalog.h"
#include "core/catalog/SearchText.h"
#include "core/eval/EffectivePrice.h"

namespace mlrig {

// The order among equally relevant parts. Price: cheapest first. Value: most per dollar first
// (GPU: FP16 tensor TFLOPS per dollar; memory and storage: GB per dollar). VRAM, Wattage (PSU),
// Capacity (memory kit total, storage), Speed (memory MT/s): most first. Unknown figures always
// come last.
enum class PartSort { Price, Value, Vram, Wattage, Capacity, Speed };
std::string_view partSortId(PartSort sort);  // "price", "value", "vram", "wattage", "capacity", "speed"
std::optional<PartSort> partSortFromId(std::string_view id);
// The sorts a category has figures for, its default first. Price alone puts 20-year-old parts
// at the top (a GT 710, DDR2), so GPUs default to value (TFLOPS per dollar), memory to speed
// (the bandwidth that CPU offload of a model runs at; per-GB value would favour DDR3), storage
// to GB per dollar, the rest to price.
std::vector<PartSort> sortsFor(Category category);

// How a part fits the build it would go into (PartFilter works it out with evaluate()).
enum class Fit { Compatible, NotChecked, Incompatible };
struct PartFit {
    Fit fit = Fit::Compatible;
    std::string reason;  // Incompatible: the error it adds; NotChecked: what could not be checked
};

struct PartQuery {
    std::string text;
    PartCriteria criteria;
    std::optional<PartSort> sort;  // default: sortsFor(category).front()
    bool pricedFirst = true;
    bool mergeDuplicates = true;
    bool onlyCompatible = false;  // needs fits; parts that could not be checked stay listed
};

struct PartSearchResult {
    std::vector<size_t> rows;       // indices into Catalog::parts(category), best first
    size_t matched = 0;             // parts the text and filters match, before the two below
    size_t hiddenIncompatible = 0;  // of those, hidden because onlyCompatible
    size_t merged = 0;              // of those, folded into a listed part of the same name
};

class PartSearch {
public:
    PartSearch(const Catalog& catalog, Category category);

    Category category() const { return m_category; }
    std::span<const AnyPart> parts() const { return m_parts; }
    // `fits` is empty or one per part (catalog order).
    PartSearchResult run(const PartQuery& query, std::span<const PartFit> fits = {}) const;

    const EffectivePrice& priceOf(size_t index) const { return m_prices[index]; }
    // The figure a sort orders by (nullopt when unknown), in the sort's own unit.
    std::optional<double> sortFigure(size_t index, PartSort sort) const;

private:
    Category m_category;
    std::span<const AnyPart> m_parts;
    std::vector<SearchText> m_texts;
    std::vector<EffectivePrice> m_prices;      // new, as the picker lists it
    std::vector<std::string> m_duplicateKeys;  // folded name: parts with the same one are merged
    std::vector<size_t> m_group;               // per part: its duplicate group (same folded name)
    size_t m_groups = 0;
    std::vector<int> m_knownFields;            // how well described each part is, for the merge
    std::vector<std::optional<double>> m_figures[6];  // per PartSort
    // Per PartSort and priced-first (index 2 * sort + pricedFirst): every part in the order the
    // sort gives equally relevant parts, computed once, so a keystroke only buckets by relevance
    // instead of sorting thousands of rows again.
    std::vector<std::vector<size_t>> m_orders;
};

}  // namespace mlrig
