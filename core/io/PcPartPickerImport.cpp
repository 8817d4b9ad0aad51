#include "core/io/PcPartPickerImport.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <utility>

#include <fmt/format.h>

#include <unordered_map>

#include "core/io/BuildDocument.h"
#include "core/util/TextUtil.h"
#include "core/util/Plural.h"
#include "core/util/ValueLimits.h"

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

// A three-letter ISO 4217 code written before or after the amount ("749 JPY", "CHF 89.90").
std::string isoCodeAround(std::string_view text)
{
    const auto letter = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
    const auto codeAt = [&](size_t at) -> std::string {
        if (at + 3 > text.size())
            return {};
        if ((at > 0 && letter(text[at - 1])) || (at + 3 < text.size() && letter(text[at + 3])))
            return {};
        const std::string code(text.substr(at, 3));
        return isIsoCurrencyCode(code) ? code : std::string();
    };
    if (text.size() < 3)
        return {};
    if (std::string code = codeAt(0); !code.empty())
        return code;
    return codeAt(text.size() - 3);
}

// Which currency a price is in, from its sign or code; "" when it names none. The signs are the
// ones PCPartPicker's regional sites and shops print.
std::string currencyFromSymbol(std::string_view text)
{
    if (std::string code = isoCodeAround(trim(text)); !code.empty())
        return code;
    if (text.find("\xE2\x82\xAC") != std::string_view::npos || text.find("EUR") != std::string_view::npos)
        return "EUR";
    if (text.find("\xC2\xA3") != std::string_view::npos || text.find("GBP") != std::string_view::npos)
        return "GBP";
    if (text.find("CA$") != std::string_view::npos || text.find("C$") != std::string_view::npos ||
        text.find("CAD") != std::string_view::npos)
        return "CAD";
    if (text.find("AU$") != std::string_view::npos || text.find("A$") != std::string_view::npos ||
        text.find("AUD") != std::string_view::npos)
        return "AUD";
    if (text.find("NZ$") != std::string_view::npos)
        return "NZD";
    if (text.find("HK$") != std::string_view::npos)
        return "HKD";
    if (text.find("R$") != std::string_view::npos)
        return "BRL";
    if (text.find("\xE2\x82\xB9") != std::string_view::npos)  // ₹
        return "INR";
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
    int lineNo = 0;
    const TypeEntry* type = nullptr;
    std::string name;
    int quantity = 1;
    std::optional<ParsedPrice> price;
    std::string priceText;
};

// "2 x RTX 3090", "2x RTX 3090", "2 × RTX 3090": the count and the rest of the name. Not for a
// memory kit's "2 x 16 GB": a quantity prefix is followed by a name, not a number.
std::optional<std::pair<int, std::string_view>> quantityPrefix(std::string_view name)
{
    size_t i = 0;
    while (i < name.size() && i < 4 && name[i] >= '0' && name[i] <= '9')
        ++i;
    if (i == 0 || i == 4)
        return std::nullopt;
    const int count = std::stoi(std::string(name.substr(0, i)));
    std::string_view rest = name.substr(i);
    const size_t spaces = rest.find_first_not_of(' ');
    rest = spaces == std::string_view::npos ? std::string_view() : rest.substr(spaces);
    if (rest.starts_with('x') || rest.starts_with('X'))
        rest.remove_prefix(1);
    else if (rest.starts_with("\xC3\x97"))  // ×
        rest.remove_prefix(2);
    else
        return std::nullopt;
    if (!rest.starts_with(' '))
        return std::nullopt;
    rest = trim(rest);
    if (rest.empty() || (rest.front() >= '0' && rest.front() <= '9'))
        return std::nullopt;
    return std::make_pair(count, rest);
}

long long cents(double amount) { return std::llround(amount * 100.0); }

std::string moneyText(long long c) { return fmt::format("{}.{:02}", c / 100, c % 100); }

// At most this many problem lines are quoted in one error; the rest are counted.
constexpr size_t kProblemsQuoted = 10;
// At most this many "not understood" warnings are kept; the rest are counted in one more.
constexpr size_t kWarningsKept = 100;

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

std::optional<ParsedPrice> parsePcPartPickerPrice(std::string_view text, std::string* error)
{
    if (error)
        error->clear();
    const std::string_view original = trim(text);
    text = original;
    if (const size_t at = text.find(" @ "); at != std::string_view::npos)
        text = trim(text.substr(0, at));
    // A note after the amount: mlrig's own Markdown export writes "$449.96 (retail snapshot)".
    if (text.ends_with(')')) {
        if (const size_t open = text.rfind(" ("); open != std::string_view::npos)
            text = trim(text.substr(0, open));
    }
    constexpr std::string_view kPurchased = "Purchased For";
    if (text.size() >= kPurchased.size() && equalsIgnoreCase(text.substr(0, kPurchased.size()), kPurchased))
        text = trim(text.substr(kPurchased.size()));
    if (text.empty() || text == "-" || text == "\xE2\x80\x94" /* em dash */ || equalsIgnoreCase(text, "N/A") ||
        equalsIgnoreCase(text, "No Prices Available"))
        return std::nullopt;

    const auto fail = [&](std::string_view why) -> std::optional<ParsedPrice> {
        if (error)
            *error = fmt::format("price \"{}\" {}", original, why);
        return std::nullopt;
    };
    ParsedPrice price;
    price.currency = currencyFromSymbol(text);
    if (price.currency.empty() && text.find("\xC2\xA5") != std::string_view::npos)  // ¥
        return fail("does not say whether \xC2\xA5 is yen or yuan; write JPY or CNY");
    // Swedish "kr" is not a sign parsePriceText knows; the currency was taken from it above.
    std::string number(text);
    for (std::string_view kr : {"kr.", "kr", "SEK"}) {
        if (std::string_view(number).ends_with(kr)) {
            number = std::string(trim(std::string_view(number).substr(0, number.size() - kr.size())));
            break;
        }
        if (std::string_view(number).starts_with(kr)) {
            number = std::string(trim(std::string_view(number).substr(kr.size())));
            break;
        }
    }
    std::string why;
    const std::optional<double> amount = parsePriceText(number, &why);
    if (!amount)
        return fail(why);
    price.amount = *amount;
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
    std::vector<std::string> problems;  // lines that make the import fail, each named
    size_t warningsDropped = 0;
    const auto warn = [&](std::string message) {
        if (result.warnings.size() < kWarningsKept)
            result.warnings.push_back(std::move(message));
        else
            ++warningsDropped;
    };
    bool markdown = false;
    const TypeEntry* previousType = nullptr;

    // "Total:", "Total (before mail-in rebates):", "Mail-in rebates:" (text and Markdown footers).
    const auto footer = [&](std::string_view label, std::string_view priceText, int lineNo) {
        const bool total = equalsIgnoreCase(label, "Total");
        const bool beforeRebates = equalsIgnoreCase(label, "Total (before mail-in rebates)");
        if (!total && !beforeRebates && !equalsIgnoreCase(label, "Mail-in rebates"))
            return false;
        if (total || beforeRebates) {
            std::string why;
            if (const auto p = parsePcPartPickerPrice(priceText, &why)) {
                (total ? result.listedTotal : result.listedTotalBeforeRebates) = p->amount;
            } else if (!why.empty()) {
                warn(fmt::format("line {}: the list's {} {}; the total is not checked", lineNo, label, why));
            }
        }
        return true;
    };

    const auto addItem = [&](RawItem item) {
        if (raw.size() >= static_cast<size_t>(kMaxImportLines))
            throw ImportError(fmt::format("more than {} part lines (line {}); a part list has a few dozen, and "
                                          "mlrig reads at most {} from one file",
                                          kMaxImportLines, item.lineNo, kMaxImportLines));
        if (const auto q = quantityPrefix(item.name)) {
            if (q->first < 1 || q->first > kMaxQuantity)
                problems.push_back(fmt::format("line {}: quantity {} in \"{}\" is not 1 to {}", item.lineNo, q->first,
                                               item.name, kMaxQuantity));
            item.quantity = q->first;
            item.name = std::string(q->second);
        }
        std::string why;
        item.price = parsePcPartPickerPrice(item.priceText, &why);
        if (!why.empty())
            problems.push_back(fmt::format("line {}: {}", item.lineNo, why));
        raw.push_back(std::move(item));
    };

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
                if (footer(item, priceText, lineNo))
                    continue;
                if (!trim(cells[1]).starts_with('[') || !previousType)
                    continue;  // "Prices include ...", "Generated by ..."
            }
            const TypeEntry* type = typeText.empty() ? previousType : findType(typeText);
            if (!type) {
                warn(fmt::format("line {}: type \"{}\" not understood; line ignored", lineNo, typeText));
                continue;
            }
            markdown = true;
            previousType = type;
            addItem(RawItem{std::string(line), lineNo, type, item, 1, std::nullopt, priceText});
            continue;
        }

        const size_t colon = line.find(':');
        if (colon == std::string_view::npos)
            continue;
        const std::string_view typeText = trim(line.substr(0, colon));
        std::string_view rest = trim(line.substr(colon + 1));
        if (footer(typeText, rest, lineNo))
            continue;
        const TypeEntry* type = findType(typeText);
        if (!type) {
            // "PCPartPicker Part List: https://...", "Generated by ..." and prose are not items.
            if (typeText.size() <= 30 && !rest.empty() && !rest.starts_with("//") &&
                typeText.find("PCPartPicker") == std::string_view::npos && !typeText.starts_with("Generated"))
                warn(fmt::format("line {}: type \"{}\" not understood; line ignored", lineNo, typeText));
            continue;
        }
        RawItem item{std::string(line), lineNo, type, {}, 1, std::nullopt, {}};
        // A trailing "(...)" holding a price ("($499.00 @ Amazon)", "(Purchased For $650.00)").
        if (rest.ends_with(')')) {
            int depth = 0;
            for (size_t i = rest.size(); i-- > 0;) {
                if (rest[i] == ')')
                    ++depth;
                else if (rest[i] == '(' && --depth == 0) {
                    const std::string_view inside = rest.substr(i + 1, rest.size() - i - 2);
                    // A price, well-formed or not: an error about it beats a price taken for
                    // part of the name. "(Black)" and "(2021)" name no currency and stay names.
                    const bool hasDigit = inside.find_first_of("0123456789") != std::string_view::npos;
                    const bool priceLike = inside.find('@') != std::string_view::npos ||
                                           inside.find("Purchased") != std::string_view::npos ||
                                           trim(inside) == "-" ||
                                           (hasDigit && !currencyFromSymbol(inside).empty());
                    if (priceLike) {
                        item.priceText = std::string(trim(inside));
                        rest = trim(rest.substr(0, i));
                    }
                    break;
                }
            }
        }
        item.name = std::string(rest);
        addItem(std::move(item));
    }
    if (warningsDropped > 0)
        result.warnings.push_back(fmt::format("{} more {} not understood and ignored", warningsDropped, pluralWord(static_cast<long long>(warningsDropped), "line", "lines")));

    if (raw.empty())
        throw ImportError("no PCPartPicker part lines found (expected lines like \"CPU: <name> ($499.00 @ Shop)\" "
                          "or a \"Type|Item|Price\" table)");
    if (!problems.empty()) {
        std::string message;
        for (size_t i = 0; i < problems.size() && i < kProblemsQuoted; ++i)
            message += (i > 0 ? "; " : "") + problems[i];
        if (problems.size() > kProblemsQuoted)
            message += fmt::format("; and {} more {}", problems.size() - kProblemsQuoted,
                                   pluralWord(static_cast<long long>(problems.size() - kProblemsQuoted), "line", "lines"));
        throw ImportError(message + " (nothing imported)");
    }
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

    // Identical lines (same type, name and price) are one item with a quantity, up to the most a
    // build file holds; more start another item (the saved build must load again). A hash of the
    // open item per key keeps this linear in the list.
    std::unordered_map<std::string, size_t> openItem;
    for (RawItem& r : raw) {
        if (r.price && !r.price->currency.empty() && r.price->currency != result.build.currency) {
            warn(fmt::format("line {}: {}: price in {} left out (the list is in {})", r.lineNo, r.name,
                             r.price->currency, result.build.currency));
            r.price.reset();
        }
        const std::optional<double> amount = r.price ? std::optional<double>(r.price->amount) : std::nullopt;
        const std::string key = fmt::format("{}\n{}\n{}", r.type->type, r.name, amount ? cents(*amount) : -1);
        if (const auto it = openItem.find(key); it != openItem.end()) {
            ImportLine& same = result.lines[it->second];
            if (same.quantity + r.quantity <= kMaxItemQuantity) {
                same.quantity += r.quantity;
                continue;
            }
        }
        ImportLine line;
        line.sourceText = r.source;
        line.lineNumber = r.lineNo;
        line.type = std::string(r.type->type);
        line.category = r.type->category;
        line.itemName = r.name;
        line.quantity = r.quantity;
        line.price = amount;
        line.currency = amount ? result.build.currency : std::string();
        line.skipped = !r.type->category.has_value();
        openItem[key] = result.lines.size();
        result.lines.push_back(std::move(line));
    }

    const auto partLines = std::count_if(result.lines.begin(), result.lines.end(), [](const ImportLine& l) { return !l.skipped; });
    if (static_cast<size_t>(partLines) > kMaxBuildItems)
        throw ImportError(fmt::format("the list has {} different part lines; a build holds at most {} (nothing imported)",
                                      partLines, kMaxBuildItems));

    // Each distinct name is matched once, however often the list repeats it.
    std::unordered_map<std::string, NameMatch> matched;
    for (ImportLine& line : result.lines) {
        if (line.skipped)
            continue;
        const std::string key = fmt::format("{}\n{}", categoryId(*line.category), line.itemName);
        auto it = matched.find(key);
        if (it == matched.end())
            it = matched.emplace(key, matcher.match(*line.category, line.itemName)).first;
        const NameMatch& m = it->second;
        line.kind = m.kind;
        line.score = m.score;
        if (m.part) {
            line.matchedName = infoOf(*m.part).name;
            line.matchedId = infoOf(*m.part).id;
        } else if (m.closest) {
            line.closestName = infoOf(*m.closest).name;
            line.closestId = infoOf(*m.closest).id;
            line.differsIn = m.differsIn;
        }
    }

    // The list's own total against its lines: a difference means a line was lost, changed or
    // not understood (in the list or here), which the user must hear about.
    long long sum = 0;
    int unpriced = 0;
    bool anyPrice = false;
    for (const ImportLine& line : result.lines) {
        if (line.price) {
            sum += cents(*line.price) * line.quantity;
            anyPrice = true;
        } else {
            ++unpriced;
        }
    }
    if (anyPrice)
        result.linesTotal = static_cast<double>(sum) / 100.0;
    const std::optional<double> listed = result.listedTotalBeforeRebates ? result.listedTotalBeforeRebates : result.listedTotal;
    if (listed && cents(*listed) != sum) {
        warn(fmt::format("the list's total is {} {} but its lines add up to {} {}{}; check for lines missing, "
                         "changed or not understood",
                         result.build.currency, moneyText(cents(*listed)), result.build.currency, moneyText(sum),
                         unpriced > 0 ? fmt::format(" ({} without a price)", countOf(unpriced, "line", "lines")) : std::string()));
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
    // Within the line limits a list of long custom names can still make a build larger than a
    // build file may be; refused here, before the user works on a build mlrig could not reopen.
    try {
        checkBuildDocumentSize(serializeBuild(result.build));
    } catch (const BuildFormatError& e) {
        throw ImportError(e.what());
    }
    return result;
}

}  // namespace mlrig
