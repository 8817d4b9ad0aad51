#pragma once

// Reading files handed to the importers (PCPartPicker lists, price CSVs). Every importer goes
// through these checks first, so a wrong file gives one clear ImportError message instead of a
// confusing parse failure: empty, binary (NUL bytes / not UTF-8) or too large.

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

namespace mlrig {

// Input that cannot be imported. what() is one line, without the file name (callers add it).
class ImportError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Real lists are a few kilobytes; anything above this is refused before it is read.
inline constexpr std::uintmax_t kMaxImportBytes = 10u * 1024u * 1024u;

// Reads a whole file after checking its size on disk; then checkImportText(). Throws ImportError.
std::string readImportFile(const std::filesystem::path& path);

// Rejects empty/blank text, NUL bytes and invalid UTF-8 (with the byte offset), and text over
// kMaxImportBytes. Returns the text without a leading UTF-8 byte-order mark.
std::string_view checkImportText(std::string_view text);

}  // namespace mlrig
