#include "core/util/TextUtil.h"

#include <cctype>

namespace mlrig {
namespace {

// ASCII only, on purpose: std::tolower follows the process locale (the desktop app sets the
// user's), and in a single-byte locale such as Latin-1 it would rewrite the bytes of UTF-8 text,
// so that a name folded differently on another machine. Names compare the same everywhere this
// way, and the lookup on every evaluate() no longer calls into the locale per character.
constexpr char lowerAscii(char c)
{
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

constexpr bool isFoldedAway(char c)
{
    return c == ' ' || c == '-' || c == '_' || c == '\t';
}

}  // namespace

std::string toLower(std::string_view text)
{
    std::string out(text);
    for (char& c : out)
        c = lowerAscii(c);
    return out;
}

std::string_view trim(std::string_view text)
{
    const auto isSpace = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
    while (!text.empty() && isSpace(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back()))
        text.remove_suffix(1);
    return text;
}

std::string foldName(std::string_view text)
{
    std::string out(text.size(), '\0');
    size_t length = 0;
    for (char c : text) {
        if (!isFoldedAway(c))
            out[length++] = lowerAscii(c);
    }
    out.resize(length);
    return out;
}

// foldName(a) == foldName(b), without building either string.
bool equalsFolded(std::string_view a, std::string_view b)
{
    size_t i = 0;
    size_t j = 0;
    while (true) {
        while (i < a.size() && isFoldedAway(a[i]))
            ++i;
        while (j < b.size() && isFoldedAway(b[j]))
            ++j;
        if (i == a.size() || j == b.size())
            return i == a.size() && j == b.size();
        if (lowerAscii(a[i]) != lowerAscii(b[j]))
            return false;
        ++i;
        ++j;
    }
}

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i) {
        if (lowerAscii(a[i]) != lowerAscii(b[i]))
            return false;
    }
    return true;
}

}  // namespace mlrig
