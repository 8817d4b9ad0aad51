#pragma once

// Matching free-text part names (shop listings, PCPartPicker lists, price sheets) to catalog
// parts. Three steps, first hit wins:
//   exact       the catalog's own lookup (id, exact name, GPU model name; case-insensitive)
//   normalised  the same words once case, punctuation, word order and the spec tail that shops
//               append ("4.5 GHz 16-Core Processor", "24 GB Video Card") are taken away
//   fuzzy       the best weighted token-set similarity above a threshold; model numbers
//               ("7950x", "4090") weigh double and a candidate missing one is discarded.
//               For GPUs the GPU model (chipset) is found first and only cards on that chip
//               compete; when no card is a close match the GPU model row is used.
// Below the threshold the result is Unmatched and the caller keeps the name as a custom part.
//
// Variant tokens must agree at every step: a candidate whose WiFi (motherboards), DDR generation
// (motherboards, memory), memory speed, CAS latency, capacity or kit (2 x 16 GB) differs from
// what the name states is never the match, however similar the rest of the name. When only such
// candidates come close, the result is Unmatched and names the closest one and what differs, so
// the user is told instead of getting a confident wrong variant (issue 16: a DDR4 board taken
// for its DDR5 twin, CL30 memory for CL40).
//
// Speed: the catalog is indexed once (token -> parts); a fuzzy match scores only the parts that
// share a model number with the name (or, for names without one, any word), never the whole
// category, so importing a long list costs time in proportion to the list.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/catalog/Catalog.h"

namespace mlrig {

enum class MatchKind { Exact, Normalised, Fuzzy, Unmatched };
std::string_view matchKindId(MatchKind kind);  // "exact", "normalised", "fuzzy", "unmatched"

struct NameMatch {
    const AnyPart* part = nullptr;  // into the catalog; null when Unmatched
    MatchKind kind = MatchKind::Unmatched;
    double score = 0;  // 1 for exact and normalised, similarity in [0, 1] for fuzzy / best rejected
    // Unmatched only: the closest part, refused because a variant token differs, and what
    // differs ("WiFi (list: yes, catalog: no)", "CAS latency (list: CL30, catalog: CL40)").
    const AnyPart* closest = nullptr;
    std::vector<std::string> differsIn;
};

class NameMatcher {
public:
    // Indexes the catalog (a few milliseconds for the full catalog). The catalog must outlive it.
    explicit NameMatcher(const Catalog& catalog);

    NameMatch match(Category category, std::string_view name) const;

    // Fuzzy matches below this similarity are reported as Unmatched.
    void setThreshold(double threshold) { m_threshold = threshold; }
    double threshold() const { return m_threshold; }

    // Lower-case word tokens: punctuation dropped, numbers joined with their units ("4.5 GHz"
    // -> "4.5ghz", "2 x 16 GB" -> "2x16gb", "16-Core" -> "16core").
    static std::vector<std::string> tokens(std::string_view name);
    // The order-independent key of the normalised step: tokens without the spec tail and without
    // filler words ("processor", "video card", ...), sorted and joined with spaces.
    static std::string normalisedKey(std::string_view name);
    // Weighted token-set similarity of two names in [0, 1] (query coverage weighs more).
    static double similarity(std::string_view query, std::string_view candidate);

    // What differs between the variant tokens `name` states and `part` ("DDR generation (list:
    // DDR4, catalog: DDR5)"); empty when nothing the name states disagrees.
    static std::vector<std::string> variantDifferences(Category category, std::string_view name, const AnyPart& part);

    // The variant a name or a catalog part states; unset fields are not compared.
    struct Variant {
        std::optional<bool> wifi;
        std::optional<int> ddr;       // 4 for DDR4
        std::optional<int> speedMts;  // memory speed
        std::optional<int> casLatency;
        std::optional<double> capacityGb;  // memory kit total, drive capacity, GPU memory
        std::optional<int> modules;        // memory kit: 2 in "2 x 16 GB"
        std::optional<int> moduleGb;
    };

private:
    struct Entry {
        const AnyPart* part;
        std::vector<std::string> tokens;  // sorted, unique, without filler words
        Variant variant;
        std::vector<std::string> modifiers;  // "evo", "xl", "rgb", "v2": sorted
        std::vector<std::string> brand;      // the manufacturer's words and the name's first word
    };
    const Catalog& m_catalog;
    double m_threshold = 0.6;
    std::vector<std::vector<Entry>> m_entries;  // per category
    std::vector<std::unordered_map<std::string, std::vector<size_t>>> m_byKey;  // per category
    // Per category: token -> entries holding it (ascending), so a fuzzy match scores only the
    // entries that share a word with the name.
    std::vector<std::unordered_map<std::string, std::vector<uint32_t>>> m_byToken;
    std::vector<std::pair<std::vector<std::string>, const GpuChip*>> m_chipTokens;
    // Per category: words that begin a part name or name a manufacturer ("msi", "corsair", "g").
    std::vector<std::unordered_set<std::string>> m_brands;

    const GpuChip* findChip(const std::vector<std::string>& queryTokens) const;
};

}  // namespace mlrig
