#include "core/io/NameMatcher.h"

#include <algorithm>
#include <array>
#include <cctype>

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

// A model number: letters with digits ("7950x", "rm850x", "i9") or three or more digits ("4090").
bool isModelToken(std::string_view t)
{
    if (!hasDigit(t) || isSpecToken(t))
        return false;
    if (hasLetter(t))
        return true;
    if (t == "2230" || t == "2242" || t == "2260" || t == "2280" || t == "22110")
        return false;  // M.2 module lengths
    return t.size() >= 3 && t.find('.') == std::string_view::npos;  // "4090", not "4.0"
}

double weight(std::string_view t) { return isModelToken(t) ? 2.0 : 1.0; }

std::vector<std::string> comparable(std::string_view name)
{
    std::vector<std::string> out;
    for (std::string& t : NameMatcher::tokens(name)) {
        if (!isFiller(t))
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

NameMatcher::NameMatcher(const Catalog& catalog) : m_catalog(catalog), m_entries(8), m_byKey(8)
{
    for (Category category : kAllCategories) {
        const size_t c = static_cast<size_t>(category);
        const auto parts = catalog.parts(category);
        m_entries[c].reserve(parts.size());
        for (const AnyPart& part : parts) {
            const std::string& name = infoOf(part).name;
            m_byKey[c][normalisedKey(name)].push_back(m_entries[c].size());
            m_entries[c].push_back(Entry{&part, comparable(name)});
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
        return {part, MatchKind::Exact, 1.0};

    const size_t c = static_cast<size_t>(category);
    const std::vector<std::string> query = comparable(trimmed);

    // Normalised: same words without the spec tail; among several, the closest full name.
    if (const auto it = m_byKey[c].find(normalisedKey(trimmed)); it != m_byKey[c].end()) {
        const Entry* best = nullptr;
        double bestScore = -1;
        for (size_t index : it->second) {
            const Entry& e = m_entries[c][index];
            if (specsConflict(query, e.tokens))
                continue;
            const double s = tokenSimilarity(query, e.tokens);
            if (s > bestScore) {
                best = &e;
                bestScore = s;
            }
        }
        if (best)
            return {best->part, MatchKind::Normalised, 1.0};
    }

    const GpuChip* chip = category == Category::Gpu ? findChip(query) : nullptr;
    const std::string chipKey = chip ? foldName(chip->model) : std::string();
    const Entry* best = nullptr;
    double bestScore = 0;
    for (const Entry& e : m_entries[c]) {
        if (chip) {
            const Gpu& gpu = std::get<Gpu>(*e.part);
            if (gpu.info.id.empty() || foldName(gpu.chipModel) != chipKey)
                continue;
        }
        const double s = tokenSimilarity(query, e.tokens);
        if (s > bestScore) {
            best = &e;
            bestScore = s;
        }
    }
    if (chip) {
        // A board-partner card only when it is clearly the one; otherwise the GPU model row,
        // whose reference figures are right for any card on that chip.
        constexpr double kCardThreshold = 0.8;
        if (best && bestScore >= std::max(kCardThreshold, m_threshold))
            return {best->part, MatchKind::Fuzzy, bestScore};
        if (const AnyPart* row = m_catalog.find(Category::Gpu, chip->model))
            return {row, MatchKind::Fuzzy, 0.9};  // GPU model recognised in the name
    }
    if (best && bestScore >= m_threshold)
        return {best->part, MatchKind::Fuzzy, bestScore};
    return {nullptr, MatchKind::Unmatched, bestScore};
}

}  // namespace mlrig
