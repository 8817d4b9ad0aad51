#include "core/catalog/SearchText.h"

#include <algorithm>

namespace mlrig {

SearchText::SearchText(std::string_view name, std::string_view manufacturer, std::string_view model)
{
    m_text.reserve(name.size() + manufacturer.size() + model.size() + 2);
    m_edge.reserve(m_text.capacity() + 1);
    append(name);
    append(manufacturer);
    m_modelBegin = m_text.size() + (m_text.empty() ? 0 : 1);
    append(model);
    m_modelEnd = std::max(m_modelBegin, m_text.size());
}

SearchText SearchText::of(const AnyPart& part)
{
    const PartInfo& info = infoOf(part);
    const Gpu* gpu = std::get_if<Gpu>(&part);
    return SearchText(info.name, info.manufacturer, gpu ? std::string_view(gpu->chipModel) : std::string_view());
}

void SearchText::append(std::string_view field)
{
    if (!m_text.empty()) {
        m_text += '|';
        m_edge.push_back(1);
    }
    // m_edge.back() is always the flag of the position after the last character so far.
    bool wordBreak = true;
    for (const char ch : field) {
        const auto c = static_cast<unsigned char>(ch);
        if (!isSearchCharacter(c)) {
            wordBreak = true;
            continue;
        }
        if (wordBreak)
            m_edge.back() = 1;  // a word starts here, and the one before (if any) ended here
        wordBreak = false;
        m_text += searchFolded(c);
        m_edge.push_back(0);
    }
    m_edge.back() = 1;  // the field's last word ends with the field
}

int SearchText::tokenQuality(std::string_view token) const
{
    int best = 0;
    for (size_t at = m_text.find(token); at != std::string::npos; at = m_text.find(token, at + 1)) {
        const bool starts = m_edge[at] != 0;
        const bool ends = m_edge[at + token.size()] != 0;
        best = std::max(best, starts && ends ? 3 : starts ? 2 : 1);
        if (best == 3)
            break;
    }
    return best;
}

bool SearchText::namesModelEnd(const SearchQuery& query) const
{
    if (m_modelEnd <= m_modelBegin)
        return false;
    const std::string_view model = std::string_view(m_text).substr(m_modelBegin, m_modelEnd - m_modelBegin);
    const auto& tokens = query.tokens();
    // Consecutive tokens, joined, that are the model's last words: "rtx 3090" and "rtx3090"
    // both name the end of "GeForce RTX 3090" (letters "geforcertx3090"), not of "... 3090 Ti".
    for (size_t first = 0; first < tokens.size(); ++first) {
        std::string joined;
        for (size_t last = first; last < tokens.size(); ++last) {
            joined += tokens[last];
            if (joined.size() <= model.size() && model.ends_with(joined) &&
                m_edge[m_modelEnd - joined.size()] != 0)
                return true;
        }
    }
    return false;
}

int SearchText::relevance(const SearchQuery& query) const
{
    if (query.empty())
        return 1;
    int score = 0;
    for (const std::string& token : query.tokens()) {
        const int quality = tokenQuality(token);
        if (quality == 0)
            return 0;
        score += quality;
    }
    if (namesModelEnd(query))
        score += kModelBonus;
    return score;
}

}  // namespace mlrig
