#pragma once

// Importing a sheet of local prices (a shop's price list, one's own notes) as user prices.
//
// Columns: the part (catalog id or name), the price, optionally a currency. A header row is
// recognised by its words ("name", "part", "id", "price", "currency", ...) and then fixes the
// columns; without one the first column holding numbers is the price and the first other column
// the part. Comma, semicolon and tab separated sheets are accepted. Rows whose part matches
// nothing well enough are reported (`unmatched`), never guessed.
//
// Prices and currencies are checked like every other entry point's (core/util/ValueLimits.h): a
// negative, exponent, hex, sub-cent or out-of-range price, a currency that is not ISO 4217, or a
// currency column that contradicts the price's own sign is a refused row naming its line and text
// (`refused`), never changed. A sheet is a list of independent prices, so one bad row does not
// block the others; the CLI prints every refused row and exits non-zero (4) so the user knows
// the import was partial.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/catalog/Catalog.h"
#include "core/io/ImportSource.h"
#include "core/io/NameMatcher.h"

namespace mlrig {

// Rows read from one sheet. About twice the built-in catalog (26,000 parts): a sheet pricing every
// part in it fits with room to spare. Each row is matched against all eight categories; measured
// on the 2-core CI machine, every catalog name (26,088 rows, reordered so most need the
// normalised or fuzzy step) imports in 5.8 s, so the largest sheet takes about 11 s, and rows the
// catalog does not have cost 0.05 ms each (tests/bench ImportBench).
inline constexpr int kMaxPriceRows = 50000;

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
    std::string reason;  // "no catalog part matches", "price \"-749\" is negative (a price is 0 or more)"
};

struct PriceImportResult {
    std::vector<PriceUpdate> updates;
    std::vector<UnmatchedPriceRow> unmatched;  // no catalog part matches the name
    std::vector<UnmatchedPriceRow> refused;    // a price or currency that is not acceptable
    bool hadHeader = false;
    // "12 price(s) matched (10 exact, 0 normalised, 2 fuzzy), 1 row(s) not matched, 1 row(s) refused"
    std::string summary() const;
};

// Throws ImportError when the text fails checkImportText, is not CSV, has no price column, has
// more than kMaxPriceRows rows, or `defaultCurrency` is not an ISO 4217 code.
PriceImportResult importPriceCsv(std::string_view text, const Catalog& catalog, std::string_view defaultCurrency = "USD");

}  // namespace mlrig
