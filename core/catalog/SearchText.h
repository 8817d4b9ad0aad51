#pragma once

// What the catalog search sees of one part: its name, manufacturer and (for a GPU card) the GPU
// model it is built on, each reduced to lowercase letters and digits with the word boundaries
// remembered. A query matches when every token appears somewhere in one field, ignoring the
// spaces and punctuation between words ("rtx3090" finds "GeForce RTX 3090", "4060ti" finds
// "RTX 4060 Ti"); how well it matches gives the relevance the picker ranks by.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/catalog/Parts.h"
#include "core/catalog/SearchQuery.h"

namespace mlrig {

class SearchText {
public:
    SearchText() = default;
    SearchText(std::string_view name, std::string_view manufacturer, std::string_view model);
    static SearchText of(const AnyPart& part);

    // 0 when some token of the query is missing, else how well it matches (higher is better):
    // each token scores 3 when it covers whole words ("3090" in "RTX 3090", "4060ti" in "4060 Ti"),
    // 2 when it starts a word ("309" in "3090", "7600x" in "7600X3D"), 1 inside a word; and
    // kModelBonus more when consecutive tokens name the whole end of the GPU model ("rtx 3090" on
    // a GeForce RTX 3090 card, not on a 3090 Ti). An empty query matches everything with 1.
    int relevance(const SearchQuery& query) const;

    static constexpr int kModelBonus = 3;

private:
    int tokenQuality(std::string_view token) const;
    bool namesModelEnd(const SearchQuery& query) const;
    void append(std::string_view field);

    // The fields' letters and digits without the separators between words, fields joined by '|'
    // (never part of a token, so a match never spans two fields).
    std::string m_text;
    // One flag per position of m_text and one past its end: 1 where a word starts or ends.
    std::vector<std::uint8_t> m_edge{1};
    size_t m_modelBegin = 0;           // the GPU model field: [m_modelBegin, m_modelEnd), empty when none
    size_t m_modelEnd = 0;
};

}  // namespace mlrig
