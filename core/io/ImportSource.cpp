#include "core/io/ImportSource.h"

#include <fmt/format.h>

#include "core/io/InputFile.h"

namespace mlrig {

namespace {

// Offset of the first byte that is not part of a well-formed UTF-8 sequence, or npos.
size_t firstInvalidUtf8(std::string_view text)
{
    size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        size_t length = 0;
        if (c < 0x80)
            length = 1;
        else if (c >= 0xC2 && c <= 0xDF)
            length = 2;
        else if (c >= 0xE0 && c <= 0xEF)
            length = 3;
        else if (c >= 0xF0 && c <= 0xF4)
            length = 4;
        else
            return i;
        if (i + length > text.size())
            return i;
        for (size_t k = 1; k < length; ++k) {
            const auto cc = static_cast<unsigned char>(text[i + k]);
            if ((cc & 0xC0) != 0x80)
                return i;
        }
        if (length == 3) {
            const auto c1 = static_cast<unsigned char>(text[i + 1]);
            if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0))  // overlong / surrogate
                return i;
        } else if (length == 4) {
            const auto c1 = static_cast<unsigned char>(text[i + 1]);
            if ((c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 >= 0x90))
                return i;
        }
        i += length;
    }
    return std::string_view::npos;
}

std::string megabytes(std::uintmax_t bytes)
{
    return fmt::format("{:.1f} MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
}

}  // namespace

std::string_view checkImportText(std::string_view text)
{
    if (text.size() > kMaxImportBytes)
        throw ImportError(fmt::format("input is {}, more than the {} limit for an import; refusing to read it",
                                      megabytes(text.size()), megabytes(kMaxImportBytes)));
    if (text.starts_with("\xEF\xBB\xBF"))
        text.remove_prefix(3);
    if (text.find('\0') != std::string_view::npos)
        throw ImportError("binary data (NUL bytes), not a text part list or CSV");
    if (const size_t bad = firstInvalidUtf8(text); bad != std::string_view::npos)
        throw ImportError(fmt::format("not UTF-8 text (invalid byte at offset {})", bad));
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
        throw ImportError("file is empty");
    return text;
}

std::string readImportFile(const std::filesystem::path& path)
{
    std::string text;
    try {
        text = readInputFile(path, kMaxImportBytes, "an import");
    } catch (const InputFileError& e) {
        throw ImportError(std::string("file ") + e.what());
    }
    const std::string_view checked = checkImportText(text);
    return std::string(checked);
}

}  // namespace mlrig
