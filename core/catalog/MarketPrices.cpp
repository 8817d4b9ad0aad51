#include "core/catalog/MarketPrices.h"

#include "core/catalog/Catalog.h"
#include "core/catalog/SqliteRow.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>

namespace mlrig {
namespace {

std::string key(std::string_view model, Condition condition)
{
    return std::string(model) + (condition == Condition::Used ? "|used" : "|new");
}

}  // namespace

bool isYearMonth(std::string_view text)
{
    if (text.size() != 7 || text[4] != '-')
        return false;
    for (size_t i : {0u, 1u, 2u, 3u, 5u, 6u}) {
        if (text[i] < '0' || text[i] > '9')
            return false;
    }
    const int month = (text[5] - '0') * 10 + (text[6] - '0');
    return month >= 1 && month <= 12;
}

std::string shortSourceName(std::string_view title)
{
    // "... (GPU Poet)" / "... (RunLocalAI, last reviewed 2026-05-08)": the publisher in parentheses.
    if (title.ends_with(')')) {
        const size_t open = title.rfind('(');
        if (open != std::string_view::npos && open > 0) {
            std::string_view inside = title.substr(open + 1, title.size() - open - 2);
            inside = inside.substr(0, inside.find(','));
            // A publisher's name is short and capitalised ("GPU Poet", "RunLocalAI"); a remark such as
            // "(one tracked listing per GPU)" is not.
            const auto words = std::count(inside.begin(), inside.end(), ' ') + 1;
            const bool capital = !inside.empty() && ((inside.front() >= 'A' && inside.front() <= 'Z') ||
                                                     (inside.front() >= '0' && inside.front() <= '9'));
            if (capital && words <= 4)
                return std::string(inside);
        }
    }
    // "docyx/pc-part-dataset: PCPartPicker scrape..." / "Silicon Value Index (siliconvalueindex.com) Newegg ...".
    size_t end = std::min(title.find(": "), title.find(" ("));
    if (end == std::string_view::npos || end == 0)
        end = std::min<size_t>(title.size(), 60);
    return std::string(title.substr(0, end));
}

MarketPriceTable::MarketPriceTable(std::vector<MarketPrice> rows) : m_rows(std::move(rows))
{
    for (size_t i = 0; i < m_rows.size(); ++i) {
        const MarketPrice& r = m_rows[i];
        const std::string where = fmt::format("market price row {} ({})", i + 1, r.model.empty() ? "no model" : r.model);
        if (r.model.empty())
            throw std::invalid_argument(where + ": no GPU model");
        if (!(r.priceUsd > 0) || !std::isfinite(r.priceUsd))
            throw std::invalid_argument(where + ": the price must be a positive number");
        if (!isYearMonth(r.month))
            throw std::invalid_argument(where + ": month \"" + r.month + "\" is not YYYY-MM");
        if (r.sourceUrl.empty() || r.sourceTitle.empty())
            throw std::invalid_argument(where + ": no source (URL and title)");
    }
    std::stable_sort(m_rows.begin(), m_rows.end(), [](const MarketPrice& a, const MarketPrice& b) {
        if (a.model != b.model)
            return a.model < b.model;
        if (a.condition != b.condition)
            return a.condition < b.condition;
        if (a.month != b.month)
            return a.month < b.month;
        return a.priceUsd < b.priceUsd;
    });
    // Rows are now grouped by model and condition, months ascending, prices ascending within a month:
    // the last month's rows are the tail of each group.
    size_t i = 0;
    while (i < m_rows.size()) {
        size_t end = i;
        while (end < m_rows.size() && m_rows[end].model == m_rows[i].model &&
               m_rows[end].condition == m_rows[i].condition)
            ++end;
        size_t monthStart = end - 1;
        while (monthStart > i && m_rows[monthStart - 1].month == m_rows[end - 1].month)
            --monthStart;
        const size_t count = end - monthStart;
        m_current[key(m_rows[i].model, m_rows[i].condition)] = monthStart + (count - 1) / 2;
        i = end;
    }
}

MarketPriceTable MarketPriceTable::read(SQLite::Database& db, const std::string& what)
{
    if (!db.tableExists("gpu_market_price"))
        return {};
    std::vector<MarketPrice> rows;
    SQLite::Statement query(db, "SELECT model, condition, price_usd, price_low, price_high, month, region, source_url,"
                                " source_title, note FROM gpu_market_price");
    const ColumnIndex columns(query);
    while (query.executeStep()) {
        const SqliteRow row(query, columns);
        MarketPrice r;
        r.model = row.text("model");
        r.condition = row.text("condition") == "used" ? Condition::Used : Condition::New;
        r.priceUsd = row.real("price_usd").value_or(0);
        r.lowUsd = row.real("price_low");
        r.highUsd = row.real("price_high");
        r.month = row.text("month");
        r.region = row.text("region");
        r.sourceUrl = row.text("source_url");
        r.sourceTitle = row.text("source_title");
        r.note = row.text("note");
        rows.push_back(std::move(r));
    }
    try {
        return MarketPriceTable(std::move(rows));
    } catch (const std::invalid_argument& e) {
        throw CatalogError(what + ": " + e.what());
    }
}

std::vector<const MarketPrice*> MarketPriceTable::rowsFor(std::string_view model) const
{
    std::vector<const MarketPrice*> out;
    for (const MarketPrice& r : m_rows) {
        if (r.model == model)
            out.push_back(&r);
    }
    std::stable_sort(out.begin(), out.end(), [](const MarketPrice* a, const MarketPrice* b) { return a->month < b->month; });
    return out;
}

const MarketPrice* MarketPriceTable::current(std::string_view model, Condition condition) const
{
    const auto it = m_current.find(key(model, condition));
    return it == m_current.end() ? nullptr : &m_rows[it->second];
}

std::string MarketPriceTable::latestMonth() const
{
    std::string latest;
    for (const MarketPrice& r : m_rows)
        latest = std::max(latest, r.month);
    return latest;
}

}  // namespace mlrig
