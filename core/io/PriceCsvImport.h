#pragma once

// Importing a sheet of local prices (a shop's price list, one's own notes) as user prices.
//
// Columns: the part (catalog id or name), the price, optionally a currency. A header row is
// recognised by its words ("name", "part", "id", "price", "currency", ...) and then fixes the
// columns; without one the first column holding numbers is the price and the first other column
// the part. Comma, semicolon and tab separated sheets are accepted. Rows whose part matches
// nothing well enough, or whose price is not a number, are reported, never guessed.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/catalog/Catalog.h"
#include "core/io/ImportSource.h"
#include "core/io/NameMatcher.h"

namespace mlrig {

struct PriceUpdate {
    std::string partId;
    std::string partName;
    double price = 0;
    std::string currency;  // from the row, else the default currency
    MatchKind kind = MatchKind::Exact;
    double score = 1;
    int row = 0;  // 1-based line in the file
};

struct UnmatchedPriceRow {
    int row = 0;
    std::string text;    // the part cell
    std::string reason;  // "no catalog part matches", "price \"abc\" is not a number"
};

struct PriceImportResult {
    std::vector<PriceUpdate> updates;
    std::vector<UnmatchedPriceRow> unmatched;
    bool hadHeader = false;
    std::string summary() const;  // "12 prices matched (10 exact, 2 fuzzy), 1 row not matched"
};

// Throws ImportError when the text fails checkImportText, is not CSV, or has no price column.
PriceImportResult importPriceCsv(std::string_view text, const Catalog& catalog, std::string_view defaultCurrency = "USD");

}  // namespace mlrig
