#include "db/builder/CatalogBuilder.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <nlohmann/json.hpp>

#include <charconv>
#include <fstream>
#include <sstream>
#include <vector>

#include "core/catalog/Category.h"
#include "core/util/Csv.h"

namespace mlrig {
namespace {

struct Column {
    std::string name;
    std::string type;  // declared type: TEXT, REAL, INTEGER
};

std::vector<Column> columnsOf(SQLite::Database& db, const std::string& table)
{
    std::vector<Column> columns;
    SQLite::Statement query(db, "SELECT name, type FROM pragma_table_info(?)");
    query.bind(1, table);
    while (query.executeStep())
        columns.push_back({query.getColumn(0).getString(), query.getColumn(1).getString()});
    return columns;
}

std::string readFile(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw CatalogBuildError("cannot read " + path.string());
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// An SQL identifier, quoted: table and column names cannot be bound as parameters, so they are
// quoted (embedded quotes doubled) even though they come from our own schema. Values are always
// bound.
std::string quoted(const std::string& identifier)
{
    std::string out = "\"";
    for (char c : identifier) {
        out += c;
        if (c == '"')
            out += '"';
    }
    return out + "\"";
}

std::string insertSql(const std::string& table, const std::vector<Column>& columns)
{
    std::string names;
    std::string marks;
    for (const Column& c : columns) {
        names += (names.empty() ? "" : ", ") + quoted(c.name);
        marks += marks.empty() ? "?" : ", ?";
    }
    return "INSERT INTO " + quoted(table) + " (" + names + ") VALUES (" + marks + ")";
}

void bindJson(SQLite::Statement& insert, int index, const nlohmann::json& value)
{
    if (value.is_null())
        insert.bind(index);
    else if (value.is_boolean())
        insert.bind(index, value.get<bool>() ? 1 : 0);
    else if (value.is_number_integer())
        insert.bind(index, value.get<int64_t>());
    else if (value.is_number())
        insert.bind(index, value.get<double>());
    else if (value.is_string())
        insert.bind(index, value.get<std::string>());
    else
        insert.bind(index, value.dump());
}

size_t loadJsonLines(SQLite::Database& db, const std::string& table, const std::filesystem::path& file,
                     CatalogBuildReport& report)
{
    const std::vector<Column> columns = columnsOf(db, table);
    SQLite::Statement insert(db, insertSql(table, columns));
    std::istringstream lines(readFile(file));
    std::string line;
    size_t lineNo = 0;
    size_t rows = 0;
    while (std::getline(lines, line)) {
        ++lineNo;
        if (line.empty())
            continue;
        const std::string where = file.filename().string() + ":" + std::to_string(lineNo);
        nlohmann::json object;
        try {
            object = nlohmann::json::parse(line);
        } catch (const nlohmann::json::parse_error& e) {
            throw CatalogBuildError(where + ": not valid JSON (" + e.what() + ")");
        }
        if (!object.is_object())
            throw CatalogBuildError(where + ": expected a JSON object");
        if (!object.contains("id") || !object["id"].is_string() || object["id"].get<std::string>().empty())
            throw CatalogBuildError(where + ": missing \"id\"");
        if (!object.contains("name") || !object["name"].is_string() || object["name"].get<std::string>().empty())
            throw CatalogBuildError(where + ": missing \"name\"");
        size_t known = 0;
        for (size_t i = 0; i < columns.size(); ++i) {
            const auto it = object.find(columns[i].name);
            if (it == object.end()) {
                insert.bind(static_cast<int>(i + 1));
            } else {
                ++known;
                bindJson(insert, static_cast<int>(i + 1), *it);
            }
        }
        report.ignoredKeys += object.size() - known;
        try {
            insert.exec();
        } catch (const SQLite::Exception& e) {
            throw CatalogBuildError(where + ": " + e.what());
        }
        insert.reset();
        insert.clearBindings();
        ++rows;
    }
    return rows;
}

bool parseNumber(const std::string& text, double& out)
{
    const char* begin = text.data();
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(begin, end, out);
    return ec == std::errc() && ptr == end;
}

size_t loadCsv(SQLite::Database& db, const std::string& table, const std::filesystem::path& file,
               CatalogBuildReport& report)
{
    std::vector<CsvRow> rows;
    try {
        rows = parseCsv(readFile(file));
    } catch (const CsvError& e) {
        throw CatalogBuildError(file.filename().string() + ": " + e.what());
    }
    if (rows.empty())
        throw CatalogBuildError(file.filename().string() + ": empty file");
    const std::vector<Column> columns = columnsOf(db, table);
    const CsvRow& header = rows.front();
    std::vector<int> columnForField(header.size(), -1);
    for (size_t f = 0; f < header.size(); ++f) {
        for (size_t c = 0; c < columns.size(); ++c) {
            if (columns[c].name == header[f])
                columnForField[f] = static_cast<int>(c);
        }
        if (columnForField[f] < 0)
            ++report.ignoredKeys;
    }
    SQLite::Statement insert(db, insertSql(table, columns));
    size_t count = 0;
    for (size_t r = 1; r < rows.size(); ++r) {
        const std::string where = file.filename().string() + " row " + std::to_string(r + 1);
        if (rows[r].size() != header.size())
            throw CatalogBuildError(where + ": " + std::to_string(rows[r].size()) + " fields, header has " +
                                    std::to_string(header.size()));
        for (size_t c = 0; c < columns.size(); ++c)
            insert.bind(static_cast<int>(c + 1));
        for (size_t f = 0; f < header.size(); ++f) {
            if (columnForField[f] < 0 || rows[r][f].empty())
                continue;
            const Column& column = columns[static_cast<size_t>(columnForField[f])];
            const int index = columnForField[f] + 1;
            const std::string& cell = rows[r][f];
            if (column.type == "TEXT") {
                insert.bind(index, cell);
            } else if (cell == "true" || cell == "false") {
                insert.bind(index, cell == "true" ? 1 : 0);
            } else {
                double number = 0;
                if (!parseNumber(cell, number))
                    throw CatalogBuildError(where + ", column " + column.name + ": \"" + cell + "\" is not a number");
                if (column.type == "INTEGER")
                    insert.bind(index, static_cast<int64_t>(number));
                else
                    insert.bind(index, number);
            }
        }
        try {
            insert.exec();
        } catch (const SQLite::Exception& e) {
            throw CatalogBuildError(where + ": " + e.what());
        }
        insert.reset();
        ++count;
    }
    return count;
}

// Every market price names a GPU model of gpu_chips.csv (SQLite does not enforce REFERENCES by
// default) and a real month; the table's CHECKs already refuse a row without a price, a month or a
// source.
void checkMarketPrices(SQLite::Database& db)
{
    SQLite::Statement orphans(db, "SELECT rowid, model FROM gpu_market_price WHERE model NOT IN (SELECT model FROM gpu_chip)"
                                  " OR CAST(substr(month, 6, 2) AS INTEGER) NOT BETWEEN 1 AND 12 LIMIT 1");
    if (orphans.executeStep())
        throw CatalogBuildError("gpu_market_prices.csv row " + std::to_string(orphans.getColumn(0).getInt64() + 1) +
                                ": GPU model \"" + orphans.getColumn(1).getString() +
                                "\" is not in gpu_chips.csv, or the month is not YYYY-MM");
}

// Every unified-memory machine names a chip of unified_chips.csv (REFERENCES is not enforced by
// SQLite by default), and a price carries the month it was seen.
void checkUnifiedSystems(SQLite::Database& db)
{
    SQLite::Statement orphans(db, "SELECT rowid, system, chip FROM unified_system WHERE chip NOT IN (SELECT chip FROM "
                                  "unified_chip) OR (price_usd IS NOT NULL AND (price_month IS NULL OR price_kind IS NULL))"
                                  " OR (price_month IS NOT NULL AND CAST(substr(price_month, 6, 2) AS INTEGER) NOT BETWEEN 1 AND 12)"
                                  " LIMIT 1");
    if (orphans.executeStep())
        throw CatalogBuildError("unified_systems.csv row " + std::to_string(orphans.getColumn(0).getInt64() + 1) +
                                " (\"" + orphans.getColumn(1).getString() + "\"): chip \"" +
                                orphans.getColumn(2).getString() +
                                "\" is not in unified_chips.csv, or its price lacks a YYYY-MM month or a price kind");
}

}  // namespace

std::string catalogTableFor(std::string_view categoryId)
{
    if (categoryId == "case")
        return "pc_case";
    return std::string(categoryId);
}

CatalogBuildReport buildCatalog(const std::filesystem::path& sourceDir, const std::filesystem::path& schemaSql,
                                const std::filesystem::path& output)
{
    CatalogBuildReport report;
    const std::filesystem::path temporary = output.string() + ".tmp";
    std::error_code ignored;
    std::filesystem::remove(temporary, ignored);
    try {
        {
            SQLite::Database db(temporary.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            db.exec(readFile(schemaSql));
            SQLite::Transaction transaction(db);
            for (Category category : kAllCategories) {
                const std::string id(categoryId(category));
                const std::filesystem::path file = sourceDir / (id + ".jsonl");
                if (!std::filesystem::exists(file))
                    throw CatalogBuildError("missing catalog source " + file.string());
                report.rowsPerTable[catalogTableFor(id)] = loadJsonLines(db, catalogTableFor(id), file, report);
            }
            report.rowsPerTable["gpu_chip"] = loadCsv(db, "gpu_chip", sourceDir / "gpu_chips.csv", report);
            report.rowsPerTable["gpu_market_price"] =
                loadCsv(db, "gpu_market_price", sourceDir / "gpu_market_prices.csv", report);
            checkMarketPrices(db);
            report.rowsPerTable["unified_chip"] = loadCsv(db, "unified_chip", sourceDir / "unified_chips.csv", report);
            report.rowsPerTable["unified_system"] =
                loadCsv(db, "unified_system", sourceDir / "unified_systems.csv", report);
            checkUnifiedSystems(db);
            if (std::filesystem::exists(sourceDir / "catalog_meta.csv"))
                loadCsv(db, "catalog_meta", sourceDir / "catalog_meta.csv", report);
            SQLite::Statement meta(db, "INSERT INTO catalog_meta (key, value) VALUES (?, ?)");
            const std::filesystem::path provenance = sourceDir / "PROVENANCE.txt";
            meta.bind(1, "provenance");
            meta.bind(2, std::filesystem::exists(provenance) ? readFile(provenance) : std::string("unknown"));
            meta.exec();
            transaction.commit();
        }
        std::filesystem::rename(temporary, output);
    } catch (const SQLite::Exception& e) {
        std::filesystem::remove(temporary, ignored);
        throw CatalogBuildError(std::string("SQLite: ") + e.what());
    } catch (...) {
        std::filesystem::remove(temporary, ignored);
        throw;
    }
    return report;
}

}  // namespace mlrig
