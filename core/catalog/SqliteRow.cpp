#include "core/catalog/SqliteRow.h"

#include <SQLiteCpp/Column.h>
#include <nlohmann/json.hpp>

#include "core/catalog/Catalog.h"

namespace mlrig {

ColumnIndex::ColumnIndex(const SQLite::Statement& statement)
{
    for (int i = 0; i < statement.getColumnCount(); ++i)
        m_index.emplace(statement.getColumnName(i), i);
}

int ColumnIndex::operator()(std::string_view column) const
{
    const auto it = m_index.find(column);
    if (it == m_index.end())
        throw CatalogError("the catalog has no column \"" + std::string(column) + "\" where this mlrig expects one");
    return it->second;
}

std::string SqliteRow::text(const char* column) const
{
    const SQLite::Column c = m_statement.getColumn(m_columns(column));
    return c.isNull() ? std::string() : c.getString();
}

std::optional<double> SqliteRow::real(const char* column) const
{
    const SQLite::Column c = m_statement.getColumn(m_columns(column));
    if (c.isNull())
        return std::nullopt;
    return c.getDouble();
}

std::optional<int> SqliteRow::integer(const char* column) const
{
    const SQLite::Column c = m_statement.getColumn(m_columns(column));
    if (c.isNull())
        return std::nullopt;
    return c.getInt();
}

std::optional<bool> SqliteRow::boolean(const char* column) const
{
    const std::optional<int> v = integer(column);
    if (!v)
        return std::nullopt;
    return *v != 0;
}

std::vector<std::string> SqliteRow::stringList(const char* column) const
{
    std::vector<std::string> out;
    const std::string raw = text(column);
    if (raw.empty())
        return out;
    const nlohmann::json parsed = nlohmann::json::parse(raw, nullptr, false);
    if (!parsed.is_array())
        return out;
    for (const auto& v : parsed) {
        if (v.is_string())
            out.push_back(v.get<std::string>());
    }
    return out;
}

}  // namespace mlrig
