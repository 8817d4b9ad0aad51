#pragma once

// What GPUs sell for: the market price table (db/source/gpu_market_prices.csv), one row per
// figure a public source gave for a GPU model, new or used, in a month. Several rows per model.
// current() picks the one figure the app uses per model and condition (rule below).

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/catalog/Parts.h"

namespace SQLite {
class Database;
}

namespace mlrig {

struct MarketPrice {
    std::string model;  // GpuChip::model ("GeForce RTX 3090")
    Condition condition = Condition::New;
    double priceUsd = 0;  // the source's typical figure (midpoint where it gives only a range)
    std::optional<double> lowUsd;
    std::optional<double> highUsd;
    std::string month;  // "2026-09": when the price was observed
    std::string region; // "US"
    std::string sourceUrl;
    std::string sourceTitle;
    std::string note;  // how the source measured it (statistic, marketplace, caveats)

    bool operator==(const MarketPrice&) const = default;
};

// A short name for a source title: the part before " (" or ": " ("GPU Poet", "RunLocalAI"...),
// taken from the publisher in parentheses where the title ends with one.
std::string shortSourceName(std::string_view sourceTitle);

// True for "YYYY-MM" with a month 01..12.
bool isYearMonth(std::string_view text);

class MarketPriceTable {
public:
    MarketPriceTable() = default;
    // Throws std::invalid_argument for a row without a model, a positive price, a YYYY-MM month
    // or a source URL and title: every figure names where and when it was seen.
    explicit MarketPriceTable(std::vector<MarketPrice> rows);

    // Reads the gpu_market_price table; an older catalog without it gives an empty table. Throws
    // CatalogError (naming `what`, the catalog) for a row the constructor refuses.
    static MarketPriceTable read(SQLite::Database& db, const std::string& what);

    std::span<const MarketPrice> rows() const { return m_rows; }
    bool empty() const { return m_rows.empty(); }

    // All rows of one model (exact GpuChip::model), oldest month first.
    std::vector<const MarketPrice*> rowsFor(std::string_view model) const;

    // The price the app uses for a model in a condition: among the rows of the latest month that
    // has any, the median figure (the lower middle one of an even count), so one source's outlier
    // does not set the price and the figure shown is one a source actually gave. nullptr when the
    // table has no row for the model in that condition.
    const MarketPrice* current(std::string_view model, Condition condition) const;

    std::string latestMonth() const;  // newest month of any row, "" when empty

private:
    std::vector<MarketPrice> m_rows;
    std::unordered_map<std::string, size_t> m_current;  // "model|new" -> index into m_rows (copy-safe)
};

}  // namespace mlrig
