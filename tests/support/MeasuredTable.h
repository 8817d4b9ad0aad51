#pragma once

// The validation tables in tests/data/ (measured llama.cpp decode, training and image-generation
// runs): a CSV with a header row, read into rows addressed by column name.

#include <map>
#include <string>
#include <vector>

namespace mlrig::testsupport {

struct MeasuredRow {
    std::map<std::string, std::string> cells;
    // The cell of `column`; throws std::out_of_range for a column the table does not have.
    const std::string& operator[](const std::string& column) const { return cells.at(column); }
};

// Reads tests/data/<name> (blank lines skipped); empty when the file has no rows. Throws
// std::runtime_error naming the row when a row has more or fewer cells than the header.
std::vector<MeasuredRow> loadMeasuredTable(const std::string& name);

}  // namespace mlrig::testsupport
