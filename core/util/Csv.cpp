#include "core/util/Csv.h"

#include <string>

namespace mlrig {

std::vector<CsvRow> parseCsv(std::string_view text)
{
    std::vector<CsvRow> rows;
    if (text.starts_with("\xEF\xBB\xBF"))
        text.remove_prefix(3);  // UTF-8 byte-order mark written by spreadsheets
    CsvRow row;
    std::string field;
    bool inQuotes = false;
    bool fieldWasQuoted = false;
    size_t line = 1;
    size_t quoteStartLine = 1;
    auto endField = [&] {
        row.push_back(std::move(field));
        field.clear();
        fieldWasQuoted = false;
    };
    auto endRow = [&] {
        endField();
        if (!(row.size() == 1 && row.front().empty()))
            rows.push_back(std::move(row));
        row.clear();
    };
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inQuotes) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field.push_back('"');
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                if (c == '\n')
                    ++line;
                field.push_back(c);
            }
            continue;
        }
        switch (c) {
        case '"':
            if (!field.empty() || fieldWasQuoted)
                throw CsvError("line " + std::to_string(line) + ": quote inside an unquoted field");
            inQuotes = true;
            fieldWasQuoted = true;
            quoteStartLine = line;
            break;
        case ',':
            endField();
            break;
        case '\r':
            if (i + 1 < text.size() && text[i + 1] == '\n')
                ++i;
            endRow();
            ++line;
            break;
        case '\n':
            endRow();
            ++line;
            break;
        default:
            if (fieldWasQuoted)
                throw CsvError("line " + std::to_string(line) + ": text after a closing quote");
            field.push_back(c);
        }
    }
    if (inQuotes)
        throw CsvError("line " + std::to_string(quoteStartLine) + ": unterminated quoted field");
    if (!field.empty() || !row.empty() || fieldWasQuoted)
        endRow();
    return rows;
}

std::string csvField(std::string_view value)
{
    if (value.find_first_of(",\"\r\n") == std::string_view::npos && !value.starts_with("\xEF\xBB\xBF"))
        return std::string(value);
    std::string out = "\"";
    for (char c : value) {
        if (c == '"')
            out += "\"\"";
        else
            out.push_back(c);
    }
    out.push_back('"');
    return out;
}

std::string csvLine(const CsvRow& row)
{
    std::string out;
    for (size_t i = 0; i < row.size(); ++i) {
        if (i > 0)
            out.push_back(',');
        out += csvField(row[i]);
    }
    out += "\r\n";
    return out;
}

}  // namespace mlrig
