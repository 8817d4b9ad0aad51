#pragma once

// RFC 4180 CSV: reading (quoted fields, doubled quotes, CRLF or LF, embedded newlines) and
// writing (quotes only where needed).

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace mlrig {

class CsvError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

using CsvRow = std::vector<std::string>;

// Parses a whole document. Throws CsvError ("line 12: unterminated quoted field").
std::vector<CsvRow> parseCsv(std::string_view text);

// Quotes a field when it contains a comma, quote, CR or LF, or starts with a byte-order mark
// (which parseCsv would take for the file's own BOM at the start of a file).
std::string csvField(std::string_view value);
std::string csvLine(const CsvRow& row);  // fields joined with ',', ending in "\r\n"

}  // namespace mlrig
