#include "core/io/PcPartPickerImport.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <utility>

#include <fmt/format.h>

#include "core/io/BuildDocument.h"
#include "core/util/TextUtil.h"

namespace mlrig {

namespace {

struct TypeEntry {
    std::string_view type;
    std::optional<Category> category;
};

// Every part type PCPartPicker lists; the ones mlrig does not plan are imported as skipped.
constexpr std::array<TypeEntry, 27> kTypes = {{
    {"CPU", Category::Cpu},
    {"CPU Cooler", Category::Cooler},
    {"Motherboard", Category::Motherboard},
    {"Memory", Category::Memory},
    {"Storage", Category::Storage},
    {"Video Card", Category::Gpu},
    {"Case", Category::Case},
    {"Power Supply", Category::Psu},
    {"Operating System", std::nullopt},
    {"Monitor", std::nullopt},
    {"Case Fan", std::nullopt},
    {"Fan Controller", std::nullopt},
    {"Thermal Compound", std::nullopt},
    {"Sound Card", std::nullopt},
    {"Wired Network Adapter", std::nullopt},
    {"Wireless Network Adapter", std::nullopt},
    {"Optical Drive", std::nullopt},
    {"External Storage", std::nullopt},
    {"Headphones", std::nullopt},
    {"Keyboard", std::nullopt},
    {"Mouse", std::nullopt},
    {"Speakers", std::nullopt},
    {"Webcam", std::nullopt},
    {"Case Accessory", std::nullopt},
    {"UPS", std::nullopt},
    {"Software", std::nullopt},
    {"Custom", std::nullopt},
}};

const TypeEntry* findType(std::string_view type)
{
    type = trim(type);
    for (const TypeEntry& e : kTypes) {
        if (equalsIgnoreCase(e.type, type))
            return &e;
    }
    // Also accept mlrig's own labels and ids ("GPU", "Power supply", "gpu") for hand-written lists.
    for (Category c : kAllCategories) {
        if (equalsIgnoreCase(categoryLabel(c), type) || equalsIgnoreCase(categoryId(c), type)) {
            for (const TypeEntry& e : kTypes) {
                if (e.category == c)
                    return &e;
            }
        }
    }
    return nullptr;
}

std::string currencyFromSymbol(std::string_view text)
{
    if (text.find("\xE2\x82\xAC") != std::string_view::npos || text.find("EUR") != std::string_view::npos)
        return "EUR";
    if (text.find("\xC2\xA3") != std::string_view::npos || text.find("GBP") != std::string_view::npos)
        return "GBP";
    if (text.find("CA$") != std::string_view::npos || text.find("C$") != std::string_view::npos ||
        text.find("CAD") != std::string_view::npos)
        return "CAD";
    if (text.find("A$") != std::string_view::npos || text.find("AUD") != std::string_view::npos)
        return "AUD";
    if (text.find("kr") != std::string_view::npos || text.find("SEK") != std::string_view::npos)
        return "SEK";
    if (text.find('$') != std::string_view::npos || text.find("USD") != std::string_view::npos)
        return "USD";
    return {};
}

std::string stripMarkdownEmphasis(std::string_view cell)
{
    std::string out;
    for (size_t i = 0; i < cell.size(); ++i) {
        if (cell[i] == '\\' && i + 1 < cell.size()) {
            out.push_back(cell[++i]);
        } else if (cell[i] != '*') {
            out.push_back(cell[i]);
        }
    }
    return std::string(trim(out));
}

// "[Name](https://...)" -> "Name" (with \-escapes removed); plain text stays as it is.
std::string markdownLinkText(std::string_view cell)
{
    cell = trim(cell);
    if (cell.starts_with('[')) {
        int depth = 0;
        for (size_t i = 0; i < cell.size(); ++i) {
            if (cell[i] == '\\') {
                ++i;
                continue;
            }
            if (cell[i] == '[')
                ++depth;
            else if (cell[i] == ']' && --depth == 0) {
                if (i + 1 < cell.size() && cell[i + 1] == '(')
                    return stripMarkdownEmphasis(cell.substr(1, i - 1));
                break;
            }
        }
    }
    return stripMarkdownEmphasis(cell);
}

// Splits a Markdown table row on '|' that is not escaped.
std::vector<std::string> splitRow(std::string_view line)
{
    std::vector<std::string> cells;
    std::string cell;
    for (size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '\\' && i + 1 < line.size()) {
            cell.push_back(line[i]);
            cell.push_back(line[++i]);
        } else if (line[i] == '|') {
            cells.push_back(std::move(cell));
            cell.clear();
        } else {
            cell.push_back(line[i]);
        }
    }
    cells.push_back(std::move(cell));
    return cells;
}

struct RawItem {
    std::string source;
    const TypeEntry* type = nullptr;
    std::string name;
    std::optional<ParsedPrice> price;
    std::string priceText;
};

bool isSeparatorRow(std::string_view line)
{
    return line.find("---") != std::string_view::npos &&
           std::all_of(line.begin(), line.end(), [](char c) { return c == ':' || c == '-' || c == '|' || c == ' '; });
}

}  // namespace

std::optional<Category> categoryFromPcPartPickerType(std::string_view type)
{
    const TypeEntry* e = findType(type);
    return e ? e->category : std::nullopt;
}

std::string_view pcPartPickerType(Category category)
{
    for (const TypeEntry& e : kTypes) {
        if (e.category == category)
            return e.type;
    }
    return categoryLabel(category);
}

std::optional<ParsedPrice> parsePcPartPickerPrice(std::string_view text)
{
    text = trim(text);
    if (const size_t at = text.find(" @ "); at != std::string_view::npos)
        text = trim(text.substr(0, at));
    // First run of digits with separators.
    const size_t start = text.find_first_of("0123456789");
    if (start == std::string_view::npos)
        return std::nullopt;
    const auto digitAt = [&](size_t i) { return i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); };
    size_t end = start;
    while (end < text.size()) {
        const char c = text[end];
        // A space groups thousands only when exactly three digits follow ("1 299,00").
        const bool groupSpace = c == ' ' && digitAt(end + 1) && digitAt(end + 2) && digitAt(end + 3) && !digitAt(end + 4);
        if (!(digitAt(end) || c == ',' || c == '.' || c == '\'' || groupSpace))
            break;
        ++end;
    }
    std::string number(text.substr(start, end - start));
    while (!number.empty() && (number.back() == '.' || number.back() == ','))
        number.pop_back();
    // The decimal separator is the last '.' or ',' followed by exactly one or two digits.
    const size_t lastSep = number.find_last_of(".,");
    std::string digits;
    for (size_t i = 0; i < number.size(); ++i) {
        const char c = number[i];
        if (std::isdigit(static_cast<unsigned char>(c)))
            digits.push_back(c);
        else if (i == lastSep && number.size() - lastSep - 1 <= 2)
            digits.push_back('.');
    }
    if (digits.empty())
        return std::nullopt;
    ParsedPrice price;
    try {
        price.amount = std::stod(digits);
    } catch (const std::exception&) {
        return std::nullopt;
    }
    if (!std::isfinite(price.amount) || price.amount < 0)
        return std::nullopt;
    std::string_view symbolArea = text;
    price.currency = currencyFromSymbol(symbolArea);
    return price;
}

bool looksLikePcPartPickerList(std::string_view text)
{
    size_t pos = 0;
    while (pos < text.size()) {
        const size_t nl = std::min(text.find('\n', pos), text.size());
        const std::string_view line = trim(text.substr(pos, nl - pos));
        pos = nl + 1;
        if (line.find('|') != std::string_view::npos) {
            const auto cells = splitRow(line);
            if (cells.size() >= 2 && findType(stripMarkdownEmphasis(cells[0])))
                return true;
        } else if (const size_t colon = line.find(':'); colon != std::string_view::npos && colon < 40) {
            if (findType(line.substr(0, colon)))
                return true;
        }
    }
    return false;
}

int ImportResult::count(MatchKind kind) const
{
    return static_cast<int>(std::count_if(lines.begin(), lines.end(),
                                          [kind](const ImportLine& l) { return !l.skipped && l.kind == kind; }));
}

int ImportResult::skippedCount() const
{
    return static_cast<int>(std::count_if(lines.begin(), lines.end(), [](const ImportLine& l) { return l.skipped; }));
}

ImportResult importPcPartPickerList(std::string_view text, const Catalog& catalog)
{
    const NameMatcher matcher(catalog);
    return importPcPartPickerList(text, matcher, catalog);
}

ImportResult importPcPartPickerList(std::string_view input, const NameMatcher& matcher, const Catalog& catalog)
{
    const std::string_view text = checkImportText(input);
    ImportResult result;
    result.build.name = "Imported PCPartPicker list";
    std::vector<RawItem> raw;
    bool markdown = false;
    const TypeEntry* previousType = nullptr;

    size_t pos = 0;
    int lineNo = 0;
    while (pos < text.size()) {
        const size_t nl = std::min(text.find('\n', pos), text.size());
        const std::string_view line = trim(text.substr(pos, nl - pos));
        pos = nl + 1;
        ++lineNo;
        if (line.empty())
            continue;

        if (line.find('|') != std::string_view::npos && line.find(": ") == std::string_view::npos) {
            // Markdown table row.
            if (isSeparatorRow(line))
                continue;
            std::vector<std::string> cells = splitRow(line);
            // "| a | b | c |" with outer pipes; PCPartPicker's own footer rows (" | **Total** | ...")
            // start with an empty type cell and keep it.
            if (cells.size() >= 5 && trim(cells.front()).empty() && trim(cells.back()).empty()) {
                cells.erase(cells.begin());
                cells.pop_back();
            }
            if (cells.size() < 2)
                continue;
            const std::string typeText = stripMarkdownEmphasis(cells[0]);
            const std::string item = markdownLinkText(cells[1]);
            const std::string priceText = cells.size() > 2 ? stripMarkdownEmphasis(cells[2]) : std::string();
            if (equalsIgnoreCase(typeText, "Type") && equalsIgnoreCase(item, "Item")) {
                markdown = true;
                continue;
            }
            if (typeText.empty()) {
                if (equalsIgnoreCase(item, "Total")) {
                    if (const auto p = parsePcPartPickerPrice(priceText))
                        result.listedTotal = p->amount;
                    continue;
                }
                if (!trim(cells[1]).starts_with('[') || !previousType)
                    continue;  // "Prices include ...", "Generated by ..."
            }
            const TypeEntry* type = typeText.empty() ? previousType : findType(typeText);
            if (!type) {
                result.warnings.push_back(fmt::format("line {}: type \"{}\" not understood; line ignored", lineNo, typeText));
                continue;
            }
            markdown = true;
            previousType = type;
            raw.push_back(RawItem{std::string(line), type, item, parsePcPartPickerPrice(priceText), priceText});
            continue;
        }

        const size_t colon = line.find(':');
        if (colon == std::string_view::npos)
            continue;
        const std::string_view typeText = trim(line.substr(0, colon));
        std::string_view rest = trim(line.substr(colon + 1));
        if (equalsIgnoreCase(typeText, "Total")) {
            if (const auto p = parsePcPartPickerPrice(rest))
                result.listedTotal = p->amount;
            continue;
        }
        const TypeEntry* type = findType(typeText);
        if (!type) {
            // "PCPartPicker Part List: https://...", "Generated by ..." and prose are not items.
            if (typeText.size() <= 30 && !rest.empty() && !rest.starts_with("//") &&
                typeText.find("PCPartPicker") == std::string_view::npos && !typeText.starts_with("Generated"))
                result.warnings.push_back(
                    fmt::format("line {}: type \"{}\" not understood; line ignored", lineNo, typeText));
            continue;
        }
        RawItem item{std::string(line), type, {}, {}, {}};
        // A trailing "(...)" holding a price ("($499.00 @ Amazon)", "(Purchased For $650.00)").
        if (rest.ends_with(')')) {
            int depth = 0;
            for (size_t i = rest.size(); i-- > 0;) {
                if (rest[i] == ')')
                    ++depth;
                else if (rest[i] == '(' && --depth == 0) {
                    const std::string_view inside = rest.substr(i + 1, rest.size() - i - 2);
                    const bool priceLike = inside.find('@') != std::string_view::npos ||
                                           inside.find("Purchased") != std::string_view::npos ||
                                           trim(inside) == "-" ||
                                           (parsePcPartPickerPrice(inside) && !currencyFromSymbol(inside).empty());
                    if (priceLike) {
                        item.priceText = std::string(trim(inside));
                        item.price = parsePcPartPickerPrice(inside);
                        rest = trim(rest.substr(0, i));
                    }
                    break;
                }
            }
        }
        item.name = std::string(rest);
        raw.push_back(std::move(item));
    }

    if (raw.empty())
        throw ImportError("no PCPartPicker part lines found (expected lines like \"CPU: <name> ($499.00 @ Shop)\" "
                          "or a \"Type|Item|Price\" table)");
    result.format = markdown ? "pcpartpicker-markdown" : "pcpartpicker-text";

    // Build currency: the first price that names one.
    std::string currency;
    for (const RawItem& r : raw) {
        if (r.price && !r.price->currency.empty()) {
            currency = r.price->currency;
            break;
        }
    }
    result.build.currency = currency.empty() ? "USD" : currency;

    for (RawItem& r : raw) {
        if (r.price && !r.price->currency.empty() && r.price->currency != result.build.currency) {
            result.warnings.push_back(fmt::format("{}: price in {} left out (the list is in {})", r.name,
                                                  r.price->currency, result.build.currency));
            r.price.reset();
        }
        const std::optional<double> amount = r.price ? std::optional<double>(r.price->amount) : std::nullopt;
        // Identical lines (same type, name and price) are one item with a quantity, up to the
        // most a build file holds; more start another item (the saved build must load again).
        auto same = std::find_if(result.lines.begin(), result.lines.end(), [&](const ImportLine& l) {
            return l.type == r.type->type && l.itemName == r.name && l.price == amount &&
                   l.quantity < kMaxItemQuantity;
        });
        if (same != result.lines.end()) {
            ++same->quantity;
            continue;
        }
        ImportLine line;
        line.sourceText = r.source;
        line.type = std::string(r.type->type);
        line.category = r.type->category;
        line.itemName = r.name;
        line.price = amount;
        line.currency = amount ? result.build.currency : std::string();
        line.skipped = !r.type->category.has_value();
        if (!line.skipped) {
            const NameMatch m = matcher.match(*line.category, line.itemName);
            line.kind = m.kind;
            line.score = m.score;
            if (m.part) {
                line.matchedName = infoOf(*m.part).name;
                line.matchedId = infoOf(*m.part).id;
            }
        }
        result.lines.push_back(std::move(line));
    }

    for (const ImportLine& line : result.lines) {
        if (line.skipped)
            continue;
        BuildItem item;
        item.category = *line.category;
        item.quantity = line.quantity;
        item.price = line.price;
        if (!line.matchedName.empty()) {
            // The readable name when it resolves back to the same part, else the catalog id.
            const AnyPart* byName = catalog.find(item.category, line.matchedName);
            item.ref = (byName && infoOf(*byName).id == line.matchedId) || line.matchedId.empty() ? line.matchedName
                                                                                                  : line.matchedId;
        } else {
            AnyPart part = makeEmptyPart(item.category);
            infoOf(part).name = line.itemName.empty() ? std::string(line.type) : line.itemName;
            item.custom = std::move(part);
        }
        result.build.items.push_back(std::move(item));
    }
    return result;
}

}  // namespace mlrig
