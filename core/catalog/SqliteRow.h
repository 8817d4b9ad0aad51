#pragma once

// Reading the catalog's SQLite rows by column name, with NULL as "unknown" (std::nullopt or an
// empty text), never as 0. One reader for every table of the catalog: parts, GPU models, market
// prices and unified-memory machines. Internal to core/catalog (the only library that links
// SQLiteCpp).

#include <SQLiteCpp/Statement.h>

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace mlrig {

// A query's column positions by name, looked up once per query rather than per row and column:
// SQLiteCpp's getColumn(name) searches a std::map on every call, a tenth of the catalog's load.
// A name the query lacks is a CatalogError naming it (a catalog file of another layout).
class ColumnIndex {
public:
    explicit ColumnIndex(const SQLite::Statement& statement);
    int operator()(std::string_view column) const;

private:
    struct Hash {
        using is_transparent = void;
        size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
    };
    std::unordered_map<std::string, int, Hash, std::equal_to<>> m_index;
};

// Typed columns of the statement's current row.
class SqliteRow {
public:
    SqliteRow(SQLite::Statement& statement, const ColumnIndex& columns) : m_statement(statement), m_columns(columns) {}

    std::string text(const char* column) const;              // NULL: ""
    std::optional<double> real(const char* column) const;    // NULL: nullopt
    std::optional<int> integer(const char* column) const;    // NULL: nullopt
    std::optional<bool> boolean(const char* column) const;   // NULL: nullopt; else != 0
    // A column holding a JSON array of strings; NULL, not JSON or not an array: empty. Elements
    // that are not strings are skipped.
    std::vector<std::string> stringList(const char* column) const;

private:
    SQLite::Statement& m_statement;
    const ColumnIndex& m_columns;
};

}  // namespace mlrig
