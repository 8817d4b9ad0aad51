#include "tests/support/MeasuredTable.h"

#include <stdexcept>

#include "core/util/Csv.h"
#include "tests/support/Files.h"

namespace mlrig::testsupport {

std::vector<MeasuredRow> loadMeasuredTable(const std::string& name)
{
    const std::vector<std::vector<std::string>> rows = parseCsv(readFile(std::string(MLRIG_TEST_DATA_DIR) + "/" + name));
    std::vector<MeasuredRow> out;
    if (rows.empty())
        return out;
    const std::vector<std::string>& header = rows.front();
    for (size_t i = 1; i < rows.size(); ++i) {
        if (rows[i].size() == 1 && rows[i][0].empty())
            continue;
        // A row with more or fewer cells than the header (an unquoted comma) would shift its columns.
        if (rows[i].size() != header.size())
            throw std::runtime_error("tests/data/" + name + ": row " + std::to_string(i + 1) + " has " +
                                     std::to_string(rows[i].size()) + " cells, the header " +
                                     std::to_string(header.size()));
        MeasuredRow r;
        for (size_t c = 0; c < header.size(); ++c)
            r.cells[header[c]] = rows[i][c];
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace mlrig::testsupport
