#include "core/io/NameMatcher.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <type_traits>

#include <fmt/format.h>

#include "core/util/TextUtil.h"

namespace mlrig {

std::string_view matchKindId(MatchKind kind)
{
    switch (kind) {
    case MatchKind::Exact: return "exact";
    case MatchKind::Normalised: return "normalised";
    case MatchKind::Fuzzy: return "fuzzy";
    case MatchKind::Unmatched: break;
    }
    return "unmatched";
}

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isAsciiAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }
bool isNumber(std::string_view t)
{
    return !t.empty() && std::all_of(t.begin(), t.end(), [](char c) { return isDigit(c) || c == '.'; }) && isDigit(t.front());
}
bool hasDigit(std::string_view t) { return std::any_of(t.begin(), t.end(), isDigit); }
bool hasLetter(std::string_view t)
{
    return std::any_of(t.begin(), t.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; });
}

// Units that shops write after a number with a space ("32 GB", "850 W", "16-Core").
constexpr std::array<std::string_view, 12> kUnits = {"gb", "tb", "mb", "ghz", "mhz", "w", "mm", "cfm", "rpm", "core", "db", "l"};
bool isUnit(std::string_view t) { return std::find(kUnits.begin(), kUnits.end(), t) != kUnits.end(); }

// Words that only say which category a listing is in; dropped before comparing.
constexpr std::array<std::string_view, 19> kFiller = {
    "processor", "video", "card", "memory", "solid", "state", "drive", "cpu", "cooler", "power", "supply",
    "case", "motherboard", "internal", "hard", "desktop", "with", "and", "the"};
bool isFiller(std::string_view t) { return std::find(kFiller.begin(), kFiller.end(), t) != kFiller.end(); }

// number + unit ("4.5ghz", "32gb", "850w", "16core"), a kit ("2x16gb"), or a memory spec.
bool isSpecToken(std::string_view t)
{
    if (t.starts_with("ddr") && t.size() == 4 && isDigit(t[3]))
        return true;
    if (t.starts_with("cl") && t.size() > 2 && isNumber(t.substr(2)))
        return true;
    size_t i = 0;
    while (i < t.size() && (isDigit(t[i]) || t[i] == '.'))
        ++i;
    if (i == 0 || i == t.size())
        return false;
    const std::string_view rest = t.substr(i);
    if (isUnit(rest))
        return true;
    if (rest.front() == 'x') {  // 2x16gb
        const std::string_view inner = rest.substr(1);
        size_t k = 0;
        while (k < inner.size() && isDigit(inner[k]))
            ++k;
        return k > 0 && (inner.substr(k) == "gb" || inner.substr(k) == "tb");
    }
    return false;
}

// Which class of spec a token is, for conflict checks: 1 capacity, 2 kit, 3 watts, 0 none.
int specClass(std::string_view t)
{
    if (!isSpecToken(t) || t.starts_with("ddr") || t.starts_with("cl"))
        return 0;
    if (t.find('x') != std::string_view::npos)
        return 2;
    if (t.ends_with("gb") || t.ends_with("tb"))
        return 1;
    if (t.ends_with("w") && !t.ends_with("mw"))
        return 3;
    return 0;
}

bool allDigits(std::string_view t)
{
    return !t.empty() && std::all_of(t.begin(), t.end(), isDigit);
}

// Sockets, slots and interfaces ("am5", "lga1700", "m.2", "x4", "d4", "gddr6x", "gen4"): they
// look like model numbers but many unrelated parts share them, so they must not count as one.
bool isGenericToken(std::string_view t)
{
    if (t == "m.2" || t == "str5" || t == "strx4" || t == "tr4" || t == "swrx8" || t == "sp3" || t == "sp5" ||
        t == "sp6")
        return true;
    if (t.starts_with("lga") && allDigits(t.substr(3)))
        return true;
    if (t.size() == 3 && t.starts_with("am") && isDigit(t[2]))
        return true;
    if ((t.size() >= 2 && t[0] == 'x' && allDigits(t.substr(1))) || (t.size() == 2 && t[0] == 'd' && isDigit(t[1])))
        return true;
    if (t.starts_with("gddr") || (t.starts_with("gen") && allDigits(t.substr(3))) ||
        (t.starts_with("pcie") && t.size() > 4))
        return true;
    return false;
}

// Words that make another product of the same line ("O11 Dynamic EVO" is not "O11 Dynamic
// Mini", "North" is not "North XL", "P3 Plus" is not "P3"): they must agree on both sides.
constexpr std::array<std::string_view, 12> kModifiers = {"mini",  "xl",    "evo", "compact", "ti",   "super",
                                                         "plus",  "max",   "ultra", "rgb", "argb", "heatsink"};
bool isModifier(std::string_view t)
{
    if (std::find(kModifiers.begin(), kModifiers.end(), t) != kModifiers.end())
        return true;
    // Revisions: "V2", "V3" (Peerless Assassin 120 SE V2), "G2" (NH-D15 G2), "MK2".
    return (t.size() == 2 && (t[0] == 'v' || t[0] == 'g') && isDigit(t[1])) ||
           (t.size() == 3 && t.starts_with("mk") && isDigit(t[2]));
}

// A model number: letters with digits ("7950x", "rm850x", "i9") or three or more digits ("4090").
bool isModelToken(std::string_view t)
{
    if (!hasDigit(t) || isSpecToken(t) || isGenericToken(t))
        return false;
    if (hasLetter(t))
        return true;
    if (t == "2230" || t == "2242" || t == "2260" || t == "2280" || t == "22110")
        return false;  // M.2 module lengths
    return t.size() >= 3 && t.find('.') == std::string_view::npos;  // "4090", not "4.0"
}

// Model numbers weigh double; specs (capacity, DDR, CL, watts) and sockets little, because the
// variant check compares them exactly and they must not make two different products look alike
// ("G.Skill Ripjaws V ... DDR4-3600 CL17" is not "G.Skill Trident Z ... DDR4-3600 CL17").
double weight(std::string_view t)
{
    if (isModelToken(t))
        return 2.0;
    if (isSpecToken(t))
        return 0.25;
    if (isGenericToken(t))
        return 0.5;
    return 1.0;
}

std::vector<std::string> comparable(std::string_view name)
{
    std::vector<std::string> out;
    bool afterDdr = false;
    for (std::string& t : NameMatcher::tokens(name)) {
        // The speed after "DDR4" is a spec (compared by the variant check), not a model number.
        const bool speed = afterDdr && isNumber(t);
        afterDdr = t.size() == 4 && t.starts_with("ddr") && isDigit(t[3]);
        if (!isFiller(t) && !speed)
            out.push_back(std::move(t));
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

bool contains(const std::vector<std::string>& sorted, const std::string& t)
{
    return std::binary_search(sorted.begin(), sorted.end(), t);
}

// True when both names state a capacity / kit / wattage and they share none (a 2 TB drive is
// not the 1 TB one, whatever the rest of the name says).
bool specsConflict(const std::vector<std::string>& q, const std::vector<std::string>& c)
{
    for (int cls = 1; cls <= 3; ++cls) {
        bool qHas = false, cHas = false, shared = false;
        for (const std::string& t : q) {
            if (specClass(t) != cls)
                continue;
            qHas = true;
            shared = shared || contains(c, t);
        }
        for (const std::string& t : c)
            cHas = cHas || specClass(t) == cls;
        if (qHas && cHas && !shared)
            return true;
    }
    return false;
}

double tokenSimilarity(const std::vector<std::string>& q, const std::vector<std::string>& c)
{
    if (q.empty() || c.empty())
        return 0;
    if (specsConflict(q, c))
        return 0;
    double wq = 0, wc = 0, shared = 0;
    int models = 0, modelsFound = 0;
    for (const std::string& t : q) {
        wq += weight(t);
        if (contains(c, t))
            shared += weight(t);
        if (isModelToken(t)) {
            ++models;
            modelsFound += contains(c, t) ? 1 : 0;
        }
    }
    for (const std::string& t : c)
        wc += weight(t);
    if (models > 0 && modelsFound == 0)
        return 0;  // "Ryzen 9 7900X" is not "Ryzen 9 7950X", however many words they share
    // Some model numbers found: a softer penalty (catalogs leave out years, part numbers).
    const double modelFactor = models > 0 ? 0.5 + 0.5 * static_cast<double>(modelsFound) / models : 1.0;
    return (0.65 * shared / wq + 0.35 * shared / wc) * modelFactor;
}

std::optional<int> leadingInt(std::string_view t)
{
    int value = 0;
    size_t i = 0;
    for (; i < t.size() && isDigit(t[i]) && i < 6; ++i)
        value = value * 10 + (t[i] - '0');
    return i > 0 ? std::optional<int>(value) : std::nullopt;
}

// "32gb" -> 32, "2tb" -> 2000; none for other tokens.
std::optional<double> capacityOfToken(std::string_view t)
{
    if (specClass(t) != 1)
        return std::nullopt;
    const double number = std::atof(std::string(t.substr(0, t.size() - 2)).c_str());
    return t.ends_with("tb") ? number * 1000.0 : number;
}

// The variant a name states, read from its tokens in order ("DDR4-3600" -> ddr4, 3600).
NameMatcher::Variant variantOfName(Category category, std::string_view name)
{
    NameMatcher::Variant v;
    const std::vector<std::string> t = NameMatcher::tokens(name);
    for (size_t i = 0; i < t.size(); ++i) {
        const std::string& w = t[i];
        if (w.starts_with("wifi") || (w == "wi" && i + 1 < t.size() && t[i + 1].starts_with("fi")))
            v.wifi = true;  // "WIFI", "WiFi 7", "WIFI6E", "Wi-Fi"
        const bool ddr = w.size() == 4 && w.starts_with("ddr") && isDigit(w[3]);
        // ASUS writes its DDR4 boards "D4" ("TUF GAMING B760-PLUS WIFI D4").
        const bool asusDdr = category == Category::Motherboard && w.size() == 2 && w[0] == 'd' && isDigit(w[1]);
        if (ddr || asusDdr) {
            v.ddr = w.back() - '0';
            // The speed follows the generation: "DDR4-3600", "DDR5 6000" (a "MHz" was dropped).
            if (i + 1 < t.size() && isNumber(t[i + 1]) && t[i + 1].find('.') == std::string::npos &&
                t[i + 1].size() == 4)
                v.speedMts = leadingInt(t[i + 1]);
        }
        if (w.size() > 2 && w.starts_with("cl") && isNumber(w.substr(2)))
            v.casLatency = leadingInt(w.substr(2));
        if (specClass(w) == 2) {  // "2x16gb"
            const size_t x = w.find('x');
            v.modules = leadingInt(w);
            if (const auto gb = capacityOfToken(std::string_view(w).substr(x + 1)))
                v.moduleGb = static_cast<int>(*gb);
        }
        if (!v.capacityGb)
            v.capacityGb = capacityOfToken(w);
    }
    // PCPartPicker and the catalog both name a board's WiFi; a name without it has none.
    if (category == Category::Motherboard && !v.wifi)
        v.wifi = false;
    if (v.modules && v.moduleGb && !v.capacityGb)
        v.capacityGb = static_cast<double>(*v.modules * *v.moduleGb);
    return v;
}

std::optional<int> ddrOfType(std::string_view memoryType)
{
    if (memoryType.size() == 4 && (memoryType.starts_with("DDR") || memoryType.starts_with("ddr")) && isDigit(memoryType[3]))
        return memoryType[3] - '0';
    return std::nullopt;
}

// A catalog part's variant: its fields where the catalog has them, else what its name says.
NameMatcher::Variant variantOfPart(const AnyPart& part)
{
    NameMatcher::Variant v = variantOfName(categoryOf(part), infoOf(part).name);
    std::visit(
        [&](const auto& p) {
            using T = std::decay_t<decltype(p)>;
            if constexpr (std::is_same_v<T, Motherboard>) {
                if (const auto ddr = ddrOfType(p.memoryType))
                    v.ddr = ddr;
            } else if constexpr (std::is_same_v<T, Memory>) {
                if (const auto ddr = ddrOfType(p.memoryType))
                    v.ddr = ddr;
                if (p.speedMts)
                    v.speedMts = p.speedMts;
                if (p.casLatency)
                    v.casLatency = static_cast<int>(std::lround(*p.casLatency));
                if (p.modules && p.moduleGb) {
                    v.modules = p.modules;
                    v.moduleGb = p.moduleGb;
                    v.capacityGb = static_cast<double>(*p.totalGb());
                }
            } else if constexpr (std::is_same_v<T, Storage>) {
                if (p.capacityGb)
                    v.capacityGb = p.capacityGb;
            } else if constexpr (std::is_same_v<T, Gpu>) {
                if (p.vramGb)
                    v.capacityGb = p.vramGb;
            }
        },
        part);
    return v;
}

std::vector<std::string> modifiersOf(const std::vector<std::string>& sortedTokens)
{
    std::vector<std::string> out;
    for (const std::string& t : sortedTokens) {
        if (isModifier(t))
            out.push_back(t);
    }
    return out;
}

std::string modifiersText(const std::vector<std::string>& m)
{
    std::string text;
    for (const std::string& w : m)
        text += (text.empty() ? "" : " ") + w;
    return text.empty() ? "none" : text;
}

std::string gbText(double gb)
{
    return gb >= 1000 ? fmt::format("{:g} TB", gb / 1000.0) : fmt::format("{:g} GB", gb);
}

// What differs between the variant a list states and a catalog part's; only what both state is
// compared, and only the tokens that make a different product in that category.
std::vector<std::string> differences(Category category, const NameMatcher::Variant& list,
                                     const NameMatcher::Variant& part)
{
    std::vector<std::string> out;
    const bool board = category == Category::Motherboard;
    const bool memory = category == Category::Memory;
    if (board && list.wifi && part.wifi && *list.wifi != *part.wifi)
        out.push_back(fmt::format("WiFi (list: {}, catalog: {})", *list.wifi ? "yes" : "no", *part.wifi ? "yes" : "no"));
    if ((board || memory) && list.ddr && part.ddr && *list.ddr != *part.ddr)
        out.push_back(fmt::format("DDR generation (list: DDR{}, catalog: DDR{})", *list.ddr, *part.ddr));
    if (memory && list.speedMts && part.speedMts && *list.speedMts != *part.speedMts)
        out.push_back(fmt::format("speed (list: {}, catalog: {} MT/s)", *list.speedMts, *part.speedMts));
    if (memory && list.casLatency && part.casLatency && *list.casLatency != *part.casLatency)
        out.push_back(fmt::format("CAS latency (list: CL{}, catalog: CL{})", *list.casLatency, *part.casLatency));
    if (memory && list.modules && part.modules && list.moduleGb && part.moduleGb &&
        (*list.modules != *part.modules || *list.moduleGb != *part.moduleGb))
        out.push_back(fmt::format("kit (list: {} x {} GB, catalog: {} x {} GB)", *list.modules, *list.moduleGb,
                                  *part.modules, *part.moduleGb));
    // 3%: a "2 TB" drive is 2000 GB in one listing and 2048 GB in another.
    if ((memory || category == Category::Storage || category == Category::Gpu) && list.capacityGb &&
        part.capacityGb && std::abs(*list.capacityGb - *part.capacityGb) > 0.03 * *list.capacityGb)
        out.push_back(fmt::format("capacity (list: {}, catalog: {})", gbText(*list.capacityGb), gbText(*part.capacityGb)));
    return out;
}

}  // namespace

std::vector<std::string> NameMatcher::tokens(std::string_view name)
{
    // 1. split into raw words: ASCII letters/digits and any non-ASCII byte (so "Ü" stays in a word);
    //    a '.' stays when a digit follows it ("4.5", "m.2").
    std::vector<std::string> raw;
    std::string word;
    for (size_t i = 0; i < name.size(); ++i) {
        const char c = name[i];
        const bool nonAscii = (static_cast<unsigned char>(c) & 0x80) != 0;
        if (isAsciiAlnum(c) || nonAscii) {
            word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
        } else if (c == '.' && !word.empty() && i + 1 < name.size() && isDigit(name[i + 1])) {
            word.push_back('.');
        } else if (!word.empty()) {
            raw.push_back(std::move(word));
            word.clear();
        }
    }
    if (!word.empty())
        raw.push_back(std::move(word));

    // 2. join numbers with units and kits: "4.5 ghz" -> "4.5ghz", "2 x 16gb" -> "2x16gb";
    //    "16g" -> "16gb"; memory speeds "3200mhz" -> "3200" (catalogs write "DDR4-3200").
    std::vector<std::string> out;
    for (size_t i = 0; i < raw.size(); ++i) {
        std::string t = raw[i];
        if (isNumber(t) && i + 1 < raw.size() && isUnit(raw[i + 1])) {
            t += raw[++i];
        }
        if (t.size() > 1 && t.back() == 'g' && isNumber(std::string_view(t).substr(0, t.size() - 1)))
            t += 'b';
        if (t.ends_with("mhz") && isNumber(std::string_view(t).substr(0, t.size() - 3)))
            t.resize(t.size() - 3);
        out.push_back(std::move(t));
    }
    std::vector<std::string> merged;
    for (size_t i = 0; i < out.size(); ++i) {
        if (isNumber(out[i]) && i + 2 < out.size() && out[i + 1] == "x" && specClass(out[i + 2]) == 1) {
            merged.push_back(out[i] + "x" + out[i + 2]);
            i += 2;
        } else {
            merged.push_back(out[i]);
        }
    }
    return merged;
}

std::string NameMatcher::normalisedKey(std::string_view name)
{
    std::vector<std::string> words;
    for (std::string& t : tokens(name)) {
        if (!isFiller(t))
            words.push_back(std::move(t));
    }
    // Cut the spec tail shops append, but keep at least two words of name.
    for (size_t i = 2; i < words.size(); ++i) {
        if (isSpecToken(words[i])) {
            words.resize(i);
            break;
        }
    }
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    std::string key;
    for (const std::string& w : words) {
        if (!key.empty())
            key += ' ';
        key += w;
    }
    return key;
}

double NameMatcher::similarity(std::string_view query, std::string_view candidate)
{
    return tokenSimilarity(comparable(query), comparable(candidate));
}

std::vector<std::string> NameMatcher::variantDifferences(Category category, std::string_view name, const AnyPart& part)
{
    return differences(category, variantOfName(category, name), variantOfPart(part));
}

NameMatcher::NameMatcher(const Catalog& catalog)
    : m_catalog(catalog), m_entries(8), m_byKey(8), m_byToken(8), m_brands(8)
{
    for (Category category : kAllCategories) {
        const size_t c = static_cast<size_t>(category);
        const auto parts = catalog.parts(category);
        m_entries[c].reserve(parts.size());
        for (const AnyPart& part : parts) {
            const std::string& name = infoOf(part).name;
            const auto index = static_cast<uint32_t>(m_entries[c].size());
            m_byKey[c][normalisedKey(name)].push_back(index);
            Entry entry{&part, comparable(name), variantOfPart(part), {}, comparable(infoOf(part).manufacturer)};
            entry.modifiers = modifiersOf(entry.tokens);
            if (const std::vector<std::string> words = tokens(name); !words.empty())
                entry.brand.push_back(words.front());
            for (const std::string& b : entry.brand)
                m_brands[c].insert(b);
            for (const std::string& t : entry.tokens)
                m_byToken[c][t].push_back(index);  // tokens are unique per entry: ascending, no repeats
            m_entries[c].push_back(std::move(entry));
        }
    }
    for (const GpuChip& chip : catalog.chips()) {
        std::vector<std::string> t;
        for (std::string& w : tokens(chip.model)) {
            if (w != "nvidia" && w != "amd" && w != "intel")
                t.push_back(std::move(w));
        }
        if (!t.empty())
            m_chipTokens.emplace_back(std::move(t), &chip);
    }
}

const GpuChip* NameMatcher::findChip(const std::vector<std::string>& queryTokens) const
{
    const GpuChip* best = nullptr;
    size_t bestSize = 0;
    for (const auto& [chipTokens, chip] : m_chipTokens) {
        const bool all = std::all_of(chipTokens.begin(), chipTokens.end(),
                                     [&](const std::string& t) { return contains(queryTokens, t); });
        if (all && chipTokens.size() > bestSize) {
            best = chip;
            bestSize = chipTokens.size();
        }
    }
    return best;
}

NameMatch NameMatcher::match(Category category, std::string_view name) const
{
    const std::string_view trimmed = trim(name);
    if (trimmed.empty())
        return {};
    if (const AnyPart* part = m_catalog.find(category, trimmed))
        return {part, MatchKind::Exact, 1.0, nullptr, {}};

    const size_t c = static_cast<size_t>(category);
    const std::vector<std::string> query = comparable(trimmed);
    const Variant wanted = variantOfName(category, trimmed);
    const std::vector<std::string> wantedModifiers = modifiersOf(query);
    const auto differsIn = [&](const Entry& e) {
        std::vector<std::string> d = differences(category, wanted, e.variant);
        if (e.modifiers != wantedModifiers)
            d.push_back(fmt::format("model line (list: {}, catalog: {})", modifiersText(wantedModifiers),
                                    modifiersText(e.modifiers)));
        return d;
    };
    // A name that starts with a brand ("G.Skill ...") only matches parts of that brand.
    std::string brand;
    if (const std::vector<std::string> words = tokens(trimmed); !words.empty() && m_brands[c].contains(words.front()))
        brand = words.front();
    const auto sameBrand = [&](const Entry& e) {
        return brand.empty() || contains(e.tokens, brand) ||
               std::find(e.brand.begin(), e.brand.end(), brand) != e.brand.end();
    };

    // The best candidate refused for a differing variant token, to name in the report.
    const Entry* closest = nullptr;
    double closestScore = 0;
    const auto refused = [&](const Entry& e, double score) {
        if (!differsIn(e).empty()) {
            if (score > closestScore) {
                closest = &e;
                closestScore = score;
            }
            return true;
        }
        return false;
    };
    const auto unmatched = [&](double bestScore) {
        NameMatch m{nullptr, MatchKind::Unmatched, bestScore, nullptr, {}};
        if (closest && closestScore >= m_threshold) {
            m.closest = closest->part;
            m.differsIn = differsIn(*closest);
        }
        return m;
    };

    // Normalised: same words without the spec tail; among several, the closest full name.
    if (const auto it = m_byKey[c].find(normalisedKey(trimmed)); it != m_byKey[c].end()) {
        const Entry* best = nullptr;
        double bestScore = -1;
        for (size_t index : it->second) {
            const Entry& e = m_entries[c][index];
            if (specsConflict(query, e.tokens))
                continue;
            // Same words: a refused one counts as a perfect name match for the report.
            const double s = tokenSimilarity(query, e.tokens);
            if (refused(e, std::max(s, m_threshold)))
                continue;
            if (s > bestScore) {
                best = &e;
                bestScore = s;
            }
        }
        if (best)
            return {best->part, MatchKind::Normalised, 1.0, nullptr, {}};
    }

    // Fuzzy, over the entries that can reach the threshold, found through the token index: the
    // shared weight of each entry is summed from the postings of the name's tokens, and only
    // entries sharing enough of it are scored (the similarity is at most 0.65 * shared / query
    // weight + 0.35). With a model number in the name an entry must also hold one of its model
    // numbers (tokenSimilarity gives 0 to the others).
    const bool hasModel = std::any_of(query.begin(), query.end(), [](const std::string& t) { return isModelToken(t); });
    double queryWeight = 0;
    for (const std::string& t : query)
        queryWeight += weight(t);
    const double minShared = std::max(0.0, (m_threshold - 0.35) / 0.65 * queryWeight - 1e-9);
    // Dense per-entry sums (a few thousand per category): far cheaper than a hash map here.
    std::vector<float> shared(m_entries[c].size(), 0.0f);
    std::vector<char> holdsModel(m_entries[c].size(), 0);
    std::vector<uint32_t> touched;
    for (const std::string& t : query) {
        const auto it = m_byToken[c].find(t);
        if (it == m_byToken[c].end())
            continue;
        const auto w = static_cast<float>(weight(t));
        const bool model = isModelToken(t);
        for (uint32_t index : it->second) {
            if (shared[index] == 0.0f)
                touched.push_back(index);
            shared[index] += w;
            holdsModel[index] = static_cast<char>(holdsModel[index] || model);
        }
    }
    std::vector<uint32_t> candidates;
    for (uint32_t index : touched) {
        if (shared[index] + 1e-6 >= minShared && (!hasModel || holdsModel[index]))
            candidates.push_back(index);
    }
    std::sort(candidates.begin(), candidates.end());  // entry order decides ties, as a full scan did

    // PCPartPicker marks the DDR4 twin of a board sold in both generations ("DDR4", "D4") and
    // leaves the DDR5 one plain: on a tie, a name that says neither is the unmarked board.
    const auto marksDdr4 = [](const Entry& e) { return contains(e.tokens, "ddr4") || contains(e.tokens, "d4"); };
    const auto better = [&](const Entry& e, double s, const Entry* best, double bestScore) {
        if (!best || s > bestScore + 1e-9)
            return true;
        return s > bestScore - 1e-9 && category == Category::Motherboard && !wanted.ddr && marksDdr4(*best) &&
               !marksDdr4(e);
    };

    const GpuChip* chip = category == Category::Gpu ? findChip(query) : nullptr;
    const std::string chipKey = chip ? foldName(chip->model) : std::string();
    const Entry* best = nullptr;
    double bestScore = 0;
    for (uint32_t index : candidates) {
        const Entry& e = m_entries[c][index];
        if (chip) {
            const Gpu& gpu = std::get<Gpu>(*e.part);
            if (gpu.info.id.empty() || foldName(gpu.chipModel) != chipKey)
                continue;
        }
        if (!sameBrand(e))
            continue;
        const double s = tokenSimilarity(query, e.tokens);
        if (s <= 0 || refused(e, s))
            continue;
        if (better(e, s, best, bestScore)) {
            best = &e;
            bestScore = s;
        }
    }
    if (chip) {
        // A board-partner card only when it is clearly the one; otherwise the GPU model row,
        // whose reference figures are right for any card on that chip.
        constexpr double kCardThreshold = 0.8;
        if (best && bestScore >= std::max(kCardThreshold, m_threshold))
            return {best->part, MatchKind::Fuzzy, bestScore, nullptr, {}};
        if (const AnyPart* row = m_catalog.find(Category::Gpu, chip->model)) {
            // The row's own modifiers are the chip's ("Ti", "SUPER"), which findChip matched.
            const std::vector<std::string> rowDiffers = differences(category, wanted, variantOfPart(*row));
            if (rowDiffers.empty())
                return {row, MatchKind::Fuzzy, 0.9, nullptr, {}};  // GPU model recognised in the name
            return {nullptr, MatchKind::Unmatched, bestScore, row, rowDiffers};
        }
    }
    if (best && bestScore >= m_threshold)
        return {best->part, MatchKind::Fuzzy, bestScore, nullptr, {}};
    return unmatched(bestScore);
}

}  // namespace mlrig
