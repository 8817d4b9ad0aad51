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

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/catalog/Catalog.h"

namespace mlrig {

enum class MatchKind { Exact, Normalised, Fuzzy, Unmatched };
std::string_view matchKindId(MatchKind kind);  // "exact", "normalised", "fuzzy", "unmatched"

struct NameMatch {
    const AnyPart* part = nullptr;  // into the catalog; null when Unmatched
    MatchKind kind = MatchKind::Unmatched;
    double score = 0;  // 1 for exact and normalised, similarity in [0, 1] for fuzzy / best rejected
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

private:
    struct Entry {
        const AnyPart* part;
        std::vector<std::string> tokens;  // sorted, unique, without filler words
    };
    const Catalog& m_catalog;
    double m_threshold = 0.6;
    std::vector<std::vector<Entry>> m_entries;  // per category
    std::vector<std::unordered_map<std::string, std::vector<size_t>>> m_byKey;  // per category
    std::vector<std::pair<std::vector<std::string>, const GpuChip*>> m_chipTokens;

    const GpuChip* findChip(const std::vector<std::string>& queryTokens) const;
};

}  // namespace mlrig
