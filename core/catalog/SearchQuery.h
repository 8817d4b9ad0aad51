#pragma once

// What a person typed into a search box, cut into the tokens the catalog search compares. Each
// whitespace-separated word is lowercased and loses its punctuation, so "RTX-3090", "rtx3090"
// and "Rtx 3090" all search for the same letters and digits ("rtx3090", or "rtx" and "3090").
// Bytes outside ASCII are kept as they are, so a non-Latin name can still be found by itself.

#include <string>
#include <string_view>
#include <vector>

namespace mlrig {

class SearchQuery {
public:
    SearchQuery() = default;
    explicit SearchQuery(std::string_view text);

    bool empty() const { return m_tokens.empty(); }
    const std::vector<std::string>& tokens() const { return m_tokens; }

private:
    std::vector<std::string> m_tokens;
};

// Lowercase ASCII letters and digits, and any byte outside ASCII (part of a UTF-8 character):
// what a search compares. Everything else (spaces, '-', '/', '(') only separates words.
constexpr bool isSearchCharacter(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

constexpr char searchFolded(unsigned char c)
{
    return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
}

}  // namespace mlrig
