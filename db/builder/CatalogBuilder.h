#pragma once

#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>

namespace mlrig {

class CatalogBuildError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct CatalogBuildReport {
    std::map<std::string, size_t> rowsPerTable;
    size_t ignoredKeys = 0;  // source keys with no column (reported, not fatal)
};

// Turns the catalog source (db/source: <category>.jsonl files, gpu_chips.csv, gpu_market_prices.csv,
// unified_chips.csv, unified_systems.csv, optional catalog_meta.csv) into a SQLite catalog at `output`, using the DDL in `schemaSql`. Writes to a temporary file and
// renames it into place, so a failed build never leaves a half-written catalog behind.
// Throws CatalogBuildError naming the file and line of the first bad record.
CatalogBuildReport buildCatalog(const std::filesystem::path& sourceDir, const std::filesystem::path& schemaSql,
                                const std::filesystem::path& output);

// Table holding a category's parts ("pc_case" for Category::Case, else the category id).
std::string catalogTableFor(std::string_view categoryId);

}  // namespace mlrig
