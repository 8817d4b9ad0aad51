#include "core/util/VisibleText.h"

#include <cstdint>
#include <cstdio>

namespace mlrig {

namespace {

// Bidirectional formatting characters (Unicode UAX #9, "explicit directional formatting" and the
// implicit marks): they reorder or re-embed the text around them without a glyph of their own.
bool isBidiControl(char32_t c)
{
    return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

bool isControl(char32_t c)
{
    return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F);
}

// Decodes one UTF-8 sequence at text[i]; returns its length, or 0 when the byte starts no
// well-formed sequence (overlong forms and surrogates included).
size_t decode(std::string_view text, size_t i, char32_t& out)
{
    const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[i + k]); };
    const unsigned char c = byte(0);
    size_t length = 0;
    if (c < 0x80) {
        out = c;
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF) {
        length = 2;
        out = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        length = 3;
        out = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        length = 4;
        out = c & 0x07;
    } else {
        return 0;
    }
    if (i + length > text.size())
        return 0;
    for (size_t k = 1; k < length; ++k) {
        if ((byte(k) & 0xC0) != 0x80)
            return 0;
        out = (out << 6) | (byte(k) & 0x3F);
    }
    if ((length == 3 && (out < 0x800 || (out >= 0xD800 && out <= 0xDFFF))) || (length == 4 && (out < 0x10000 || out > 0x10FFFF)))
        return 0;
    return length;
}

bool keptBreak(std::string_view text, size_t i, LineBreaks lineBreaks)
{
    if (lineBreaks != LineBreaks::Keep)
        return false;
    return text[i] == '\n' || (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n');
}

template <typename Visit>
void scan(std::string_view text, LineBreaks lineBreaks, Visit&& visit)
{
    size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c < 0x7F) {  // the common case: printable ASCII
            size_t j = i + 1;
            while (j < text.size() && static_cast<unsigned char>(text[j]) >= 0x20 && static_cast<unsigned char>(text[j]) < 0x7F)
                ++j;
            visit(text.substr(i, j - i), char32_t{0}, false);
            i = j;
            continue;
        }
        char32_t code = 0;
        const size_t length = decode(text, i, code);
        if (length == 0) {
            visit(text.substr(i, 1), char32_t{0}, true);  // invalid byte
            ++i;
            continue;
        }
        const bool escape = (isControl(code) && code != '\t' && !keptBreak(text, i, lineBreaks)) || isBidiControl(code);
        visit(text.substr(i, length), escape ? code : char32_t{0}, false);
        i += length;
    }
}

}  // namespace

std::string visibleText(std::string_view text, LineBreaks lineBreaks)
{
    if (!hasInvisibleCharacters(text, lineBreaks))
        return std::string(text);
    std::string out;
    out.reserve(text.size() + 16);
    scan(text, lineBreaks, [&](std::string_view piece, char32_t escaped, bool invalid) {
        char buffer[16];
        if (invalid) {
            std::snprintf(buffer, sizeof buffer, "<0x%02X>", static_cast<unsigned>(static_cast<unsigned char>(piece[0])));
            out += buffer;
        } else if (escaped != 0 || (piece.size() == 1 && piece[0] == '\0')) {
            std::snprintf(buffer, sizeof buffer, "<U+%04X>", static_cast<unsigned>(escaped));
            out += buffer;
        } else {
            out += piece;
        }
    });
    return out;
}

bool hasInvisibleCharacters(std::string_view text, LineBreaks lineBreaks)
{
    bool found = false;
    scan(text, lineBreaks, [&](std::string_view piece, char32_t escaped, bool invalid) {
        found = found || invalid || escaped != 0 || (piece.size() == 1 && piece[0] == '\0');
    });
    return found;
}

}  // namespace mlrig
