#include "core/io/PriceCsvImport.h"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "core/util/TextUtil.h"
#include "core/util/Plural.h"
#include "core/util/Csv.h"
#include "core/io/PcPartPickerImport.h"
#include "core/util/ValueLimits.h"

namespace mlrig {

namespace {

constexpr char kCommaPlaceholder = '\x1E';

// parseCsv reads commas only; semicolon- and tab-separated sheets (common where the decimal
// separator is a comma) are turned into comma CSV, keeping their own commas inside cells.
std::string toCommaSeparated(std::string_view text, char separator)
{
    std::string out;
    out.reserve(text.size());
    bool inQuotes = false;
    for (char c : text) {
        if (c == '"')
            inQuotes = !inQuotes;
        if (!inQuotes && c == ',')
            out.push_back(kCommaPlaceholder);
        else if (!inQuotes && c == separator)
            out.push_back(',');
        else
            out.push_back(c);
    }
    return out;
}

char detectSeparator(std::string_view text)
{
    const std::string_view first = text.substr(0, text.find('\n'));
    const auto n = [&](char c) { return std::count(first.begin(), first.end(), c); };
    if (n('\t') > 0 && n('\t') >= n(','))
        return '\t';
    if (n(';') > 0 && n(';') >= n(','))
        return ';';
    return ',';
}

bool oneOf(std::string_view cell, std::initializer_list<std::string_view> words)
{
    const std::string lowered = toLower(trim(cell));
    return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return lowered == w; });
}

// A cell that is a price and nothing else: digits, separators and a currency sign or code.
bool looksLikePrice(std::string_view cell)
{
    std::string rest(trim(cell));
    for (std::string_view symbol : {"\xE2\x82\xAC", "\xC2\xA3", "$", "USD", "EUR", "GBP", "CAD", "AUD", "CHF", "SEK", "kr"}) {
        for (size_t at; (at = rest.find(symbol)) != std::string::npos;)
            rest.erase(at, symbol.size());
    }
    return rest.find_first_of("0123456789") != std::string::npos &&
           rest.find_first_not_of("0123456789.,' ") == std::string::npos;
}

struct Columns {
    int part = -1;
    int id = -1;
    int price = -1;
    int currency = -1;
    int category = -1;
};

NameMatch matchAnyCategory(const NameMatcher& matcher, std::optional<Category> only, std::string_view text)
{
    NameMatch best;
    for (Category c : kAllCategories) {
        if (only && c != *only)
            continue;
        const NameMatch m = matcher.match(c, text);
        const auto rank = [](const NameMatch& x) { return x.kind == MatchKind::Unmatched ? 3 : static_cast<int>(x.kind); };
        if (!best.part || rank(m) < rank(best) || (rank(m) == rank(best) && m.score > best.score)) {
            if (m.part || (!best.part && m.closest && (!best.closest || m.score > best.score)))
                best = m;
        }
    }
    return best;
}

}  // namespace

std::string PriceImportResult::summary() const
{
    int exact = 0, normalised = 0, fuzzy = 0;
    for (const PriceUpdate& u : updates) {
        exact += u.kind == MatchKind::Exact;
        normalised += u.kind == MatchKind::Normalised;
        fuzzy += u.kind == MatchKind::Fuzzy;
    }
    const auto count = [](size_t n, std::string_view one, std::string_view other) {
        return countOf(static_cast<long long>(n), one, other);
    };
    return fmt::format("{} matched ({} exact, {} normalised, {} fuzzy), {} not matched, {} refused",
                       count(updates.size(), "price", "prices"), exact, normalised, fuzzy,
                       count(unmatched.size(), "row", "rows"), count(refused.size(), "row", "rows"));
}

PriceImportResult importPriceCsv(std::string_view input, const Catalog& catalog, std::string_view defaultCurrency)
{
    const std::string_view text = checkImportText(input);
    if (!isIsoCurrencyCode(defaultCurrency))
        throw ImportError(fmt::format("default currency \"{}\" is not an ISO 4217 code (like USD, EUR)", defaultCurrency));
    const char separator = detectSeparator(text);
    std::vector<CsvRow> rows;
    try {
        rows = separator == ',' ? parseCsv(text) : parseCsv(toCommaSeparated(text, separator));
    } catch (const CsvError& e) {
        throw ImportError(std::string("not a valid CSV file: ") + e.what());
    }
    if (separator != ',') {
        for (CsvRow& row : rows)
            for (std::string& cell : row)
                std::replace(cell.begin(), cell.end(), kCommaPlaceholder, ',');
    }
    if (rows.empty())
        throw ImportError("file is empty");

    PriceImportResult result;
    Columns col;
    const CsvRow& head = rows.front();
    for (int i = 0; i < static_cast<int>(head.size()); ++i) {
        const std::string& h = head[static_cast<size_t>(i)];
        if (oneOf(h, {"name", "part", "part name", "product", "item", "model", "description"}))
            col.part = col.part < 0 ? i : col.part;
        else if (oneOf(h, {"id", "catalog id", "part id", "catalog_id", "part_id"}))
            col.id = col.id < 0 ? i : col.id;
        else if (oneOf(h, {"price", "unit price", "cost", "amount", "price_usd", "price usd", "preis", "prix"}))
            col.price = col.price < 0 ? i : col.price;
        else if (oneOf(h, {"currency", "cur", "ccy", "waehrung", "devise"}))
            col.currency = col.currency < 0 ? i : col.currency;
        else if (oneOf(h, {"category", "type"}))
            col.category = col.category < 0 ? i : col.category;
    }
    result.hadHeader = col.price >= 0 && (col.part >= 0 || col.id >= 0);
    size_t firstData = result.hadHeader ? 1 : 0;
    if (!result.hadHeader) {
        // No header: the first column whose first row is a number is the price, the first other
        // column the part; a third short alphabetic column is read as the currency.
        col = {};
        for (int i = 0; i < static_cast<int>(head.size()); ++i) {
            const auto& cell = head[static_cast<size_t>(i)];
            if (col.price < 0 && looksLikePrice(cell))
                col.price = i;
            else if (col.part < 0)
                col.part = i;
            else if (col.currency < 0 && trim(cell).size() == 3)
                col.currency = i;
        }
        if (col.price < 0 || col.part < 0) {
            // Perhaps a header with unknown words: try the second row.
            if (rows.size() > 1 && head.size() >= 2) {
                firstData = 1;
                col = {};
                const CsvRow& second = rows[1];
                for (int i = 0; i < static_cast<int>(second.size()); ++i) {
                    if (col.price < 0 && looksLikePrice(second[static_cast<size_t>(i)]))
                        col.price = i;
                    else if (col.part < 0)
                        col.part = i;
                }
            }
            if (col.price < 0 || col.part < 0)
                throw ImportError("no price column found (expected a header like \"name,price,currency\" or rows "
                                  "like \"AMD Ryzen 9 7950X,499.00\")");
        }
    }

    if (rows.size() - firstData > static_cast<size_t>(kMaxPriceRows))
        throw ImportError(fmt::format("the sheet has {} rows; mlrig reads at most {} from one file (split it)",
                                      rows.size() - firstData, kMaxPriceRows));

    const NameMatcher matcher(catalog);
    for (size_t r = firstData; r < rows.size(); ++r) {
        const CsvRow& row = rows[r];
        const int rowNo = static_cast<int>(r) + 1;
        const auto cell = [&](int index) -> std::string_view {
            return index >= 0 && static_cast<size_t>(index) < row.size() ? trim(row[static_cast<size_t>(index)])
                                                                           : std::string_view();
        };
        const std::string_view idText = cell(col.id);
        const std::string_view nameText = cell(col.part);
        const std::string label(idText.empty() ? nameText : idText);
        if (label.empty() && cell(col.price).empty())
            continue;  // blank line
        std::string why;
        const std::optional<ParsedPrice> price = parsePcPartPickerPrice(cell(col.price), &why);
        if (!price) {
            result.refused.push_back({rowNo, label, why.empty() ? std::string("no price given") : why});
            continue;
        }
        // The currency: the column, else the price's own sign or code, else the default. A
        // column that contradicts the sign is refused rather than one of them believed.
        std::string currency(cell(col.currency));
        std::transform(currency.begin(), currency.end(), currency.begin(),
                       [](char c) { return static_cast<char>(std::toupper(static_cast<unsigned char>(c))); });
        if (!currency.empty() && !isIsoCurrencyCode(currency)) {
            result.refused.push_back(
                {rowNo, label, fmt::format("currency \"{}\" is not an ISO 4217 code (like USD, EUR)", cell(col.currency))});
            continue;
        }
        if (!currency.empty() && !price->currency.empty() && currency != price->currency) {
            result.refused.push_back({rowNo, label,
                                      fmt::format("price \"{}\" is in {} but the currency column says {}",
                                                  cell(col.price), price->currency, currency)});
            continue;
        }
        if (currency.empty())
            currency = !price->currency.empty() ? price->currency : std::string(defaultCurrency);
        std::optional<Category> only;
        if (col.category >= 0 && !cell(col.category).empty()) {
            only = categoryFromId(cell(col.category));
            if (!only)
                only = categoryFromPcPartPickerType(cell(col.category));
        }
        NameMatch m;
        if (!idText.empty()) {
            if (const AnyPart* p = catalog.findById(idText))
                m = {p, MatchKind::Exact, 1.0, nullptr, {}};
        }
        if (!m.part && !nameText.empty())
            m = matchAnyCategory(matcher, only, nameText);
        if (!m.part) {
            std::string reason = "no catalog part matches";
            if (m.closest) {
                std::string differs;
                for (const std::string& d : m.differsIn)
                    differs += (differs.empty() ? "" : ", ") + d;
                reason += fmt::format(" (closest: {}, differs in: {})", infoOf(*m.closest).name, differs);
            }
            result.unmatched.push_back({rowNo, label, reason});
            continue;
        }
        PriceUpdate u;
        u.partId = infoOf(*m.part).id;
        u.partName = infoOf(*m.part).name;
        u.price = price->amount;
        u.currency = currency;
        u.kind = m.kind;
        u.score = m.score;
        u.row = rowNo;
        result.updates.push_back(std::move(u));
    }
    return result;
}

}  // namespace mlrig
