#include "core/catalog/SearchQuery.h"

namespace mlrig {

SearchQuery::SearchQuery(std::string_view text)
{
    std::string token;
    const auto flush = [&] {
        if (!token.empty())
            m_tokens.push_back(std::move(token));
        token.clear();
    };
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
            flush();
        else if (isSearchCharacter(c))
            token += searchFolded(c);
        // Punctuation inside a word ("RTX-3090", "7800X3D.") joins its two sides.
    }
    flush();
}

}  // namespace mlrig
