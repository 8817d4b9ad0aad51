#include "core/catalog/UserDatabaseSalvage.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mlrig {
namespace {

struct DbCloser {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct StmtCloser {
    void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
};
using Db = std::unique_ptr<sqlite3, DbCloser>;
using Stmt = std::unique_ptr<sqlite3_stmt, StmtCloser>;

// One table to copy: its name and a filter on the values (the same bounds the app writes with:
// UserDatabase::setPrice takes 0 to 1e9), applied to rows the page reader returned.
struct TableSpec {
    const char* name;
    const char* validRow;
    int SalvageCounts::*count;
};
constexpr TableSpec kTables[] = {
    {"user_price", "typeof(price) IN ('integer','real') AND price BETWEEN 0 AND 1e9 AND typeof(part_id) = 'text'",
     &SalvageCounts::prices},
    {"custom_part", "typeof(json) = 'text' AND typeof(category) = 'text'", &SalvageCounts::customParts},
    {"user_model", "typeof(json) = 'text' AND typeof(name) = 'text' AND typeof(id) = 'text'", &SalvageCounts::models},
};

// After a bad page, a scan probes forwards one rowid at a time up to the table's largest rowid
// (largestRowid()); when nothing tells where the table ends, up to kUnknownTail past the last row
// read (or twice its rowid), and at most kMaxProbes in all: enough for any user database
// (hundreds of rows), bounded for a file whose rowids are garbage.
constexpr std::int64_t kUnknownTail = 2000;
constexpr std::int64_t kMaxProbes = 1000000;

Stmt prepare(sqlite3* db, const std::string& sql)
{
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
        sqlite3_finalize(stmt);
        return nullptr;
    }
    return Stmt(stmt);
}

std::string quoteIdentifier(const std::string& identifier)
{
    std::string out = "\"";
    for (char c : identifier) {
        out += c;
        if (c == '"')
            out += '"';
    }
    return out + "\"";
}

std::vector<std::string> columnsOf(sqlite3* db, const char* table)
{
    std::vector<std::string> out;
    Stmt info = prepare(db, std::string("PRAGMA table_info(") + table + ")");
    if (!info)
        return out;
    int rc;
    while ((rc = sqlite3_step(info.get())) == SQLITE_ROW)
        out.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(info.get(), 1)));
    if (rc != SQLITE_DONE)
        out.clear();
    return out;
}

std::optional<std::int64_t> singleInt(sqlite3* db, const std::string& sql)
{
    Stmt stmt = prepare(db, sql);
    if (!stmt || sqlite3_step(stmt.get()) != SQLITE_ROW || sqlite3_column_type(stmt.get(), 0) != SQLITE_INTEGER)
        return std::nullopt;
    return sqlite3_column_int64(stmt.get(), 0);
}

// "file:" URI for a path: reserved characters percent-encoded, so a path with '?' or '#' works.
std::string fileUri(const std::filesystem::path& path)
{
    static const char* hex = "0123456789ABCDEF";
    std::string out = "file:";
    for (const unsigned char c : std::filesystem::absolute(path).generic_string()) {
        const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' ||
                           c == '.' || c == '-' || c == '_' || c == '~';
        if (plain) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    // immutable: no locks, no journal lookup, never a write; the file is evidence, kept as it is.
    return out + "?immutable=1";
}

// Where the table ends, from whatever still reads: its rightmost page (max(rowid)), the
// AUTOINCREMENT counter, and every index, whose entries carry the rowids of the table's rows
// (an index page is often readable where the table's page is not).
std::optional<std::int64_t> largestRowid(sqlite3* db, const char* table)
{
    std::optional<std::int64_t> last = singleInt(db, std::string("SELECT max(rowid) FROM ") + table);
    const auto take = [&](std::int64_t rowid) {
        if (!last || rowid > *last)
            last = rowid;
    };
    if (const auto seq = singleInt(db, std::string("SELECT seq FROM sqlite_sequence WHERE name = '") + table + "'"))
        take(*seq);
    std::vector<std::string> indexes;
    if (Stmt list = prepare(db, std::string("PRAGMA index_list(") + table + ")")) {
        while (sqlite3_step(list.get()) == SQLITE_ROW)
            indexes.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(list.get(), 1)));
    }
    for (const std::string& index : indexes) {
        Stmt scan = prepare(db, std::string("SELECT rowid FROM ") + table + " INDEXED BY " + quoteIdentifier(index));
        if (!scan)
            continue;
        while (sqlite3_step(scan.get()) == SQLITE_ROW)  // up to the first bad index page
            take(sqlite3_column_int64(scan.get(), 0));
    }
    return last;
}

// The page size an SQLite file declares in its header (offset 16, big-endian; 1 means 65536),
// or nothing when the file does not start like an SQLite database.
std::optional<std::uintmax_t> headerPageSize(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    char header[18] = {};
    if (!in.read(header, sizeof header) || std::string_view(header, 16) != std::string_view("SQLite format 3\0", 16))
        return std::nullopt;
    const auto hi = static_cast<unsigned char>(header[16]);
    const auto lo = static_cast<unsigned char>(header[17]);
    const std::uintmax_t size = hi == 0 && lo == 1 ? 65536u : (static_cast<std::uintmax_t>(hi) << 8) | lo;
    if (size < 512 || size > 65536 || (size & (size - 1)) != 0)
        return std::nullopt;
    return size;
}

struct ScratchRemover {
    std::filesystem::path path;
    ~ScratchRemover()
    {
        std::error_code ec;
        std::filesystem::remove(path, ec);
    }
};

int copyTable(sqlite3* src, sqlite3* dst, const TableSpec& table)
{
    const std::vector<std::string> from = columnsOf(src, table.name);
    const std::vector<std::string> to = columnsOf(dst, table.name);
    std::vector<std::string> common;  // an older schema lacks some columns; their defaults apply
    for (const std::string& column : to)
        for (const std::string& have : from)
            if (have == column)
                common.push_back(column);
    if (common.empty())
        return 0;
    std::string list, params;
    for (size_t i = 0; i < common.size(); ++i) {
        list += (i ? ", " : "") + quoteIdentifier(common[i]);
        params += i ? ", ?" : "?";
    }
    Stmt scan = prepare(src, "SELECT rowid, " + list + " FROM " + table.name + " WHERE rowid >= ?1 AND (" +
                                 table.validRow + ") ORDER BY rowid");
    // An older file may lack a column the filter names: then copy without the filter; the
    // destination's own constraints still refuse what does not fit.
    if (!scan)
        scan = prepare(src, "SELECT rowid, " + list + " FROM " + table.name + " WHERE rowid >= ?1 ORDER BY rowid");
    Stmt insert = prepare(dst, "INSERT OR IGNORE INTO " + std::string(table.name) + " (" + list + ") VALUES (" +
                                   params + ")");
    if (!scan || !insert)
        return 0;

    int copied = 0;
    std::int64_t next = std::numeric_limits<std::int64_t>::min();
    std::optional<std::int64_t> last;  // the largest rowid, once it is needed
    bool lastLooked = false;
    std::int64_t probes = 0;
    for (;;) {
        sqlite3_bind_int64(scan.get(), 1, next);
        int rc;
        while ((rc = sqlite3_step(scan.get())) == SQLITE_ROW) {
            const std::int64_t rowid = sqlite3_column_int64(scan.get(), 0);
            for (int i = 0; i < static_cast<int>(common.size()); ++i)
                sqlite3_bind_value(insert.get(), i + 1, sqlite3_column_value(scan.get(), i + 1));
            if (sqlite3_step(insert.get()) == SQLITE_DONE && sqlite3_changes(dst) > 0)
                ++copied;
            sqlite3_reset(insert.get());
            if (rowid == std::numeric_limits<std::int64_t>::max())
                return copied;
            next = rowid + 1;
        }
        sqlite3_reset(scan.get());
        if (rc == SQLITE_DONE)
            return copied;
        // A page that cannot be read: look for the end of the table once, then step past the bad
        // page one rowid at a time until a seek lands on a readable page again.
        if (!lastLooked) {
            lastLooked = true;
            last = largestRowid(src, table.name);
            if (next == std::numeric_limits<std::int64_t>::min())
                next = 0;  // the very first page is bad: rowids start at 1
        }
        // Without any trace of the table's end, assume it is at most about twice what was read.
        const std::int64_t end = last ? *last : next + std::max<std::int64_t>(kUnknownTail, next);
        if (next >= end || ++probes > kMaxProbes)
            return copied;
        ++next;
    }
}

}  // namespace

SalvageCounts salvageUserDatabase(const std::filesystem::path& damaged, const std::filesystem::path& fresh)
{
    SalvageCounts counts;
    // SQLite reads the missing end of a page cut short as zeros, and a row on that page would
    // come back with zeros for its tail, wrong but without an error. So the salvage reads a copy
    // that ends at the last whole page: a missing page is an error, never a half-true row.
    const std::optional<std::uintmax_t> pageSize = headerPageSize(damaged);
    if (!pageSize)
        return counts;  // not an SQLite file at all
    std::filesystem::path scratch = damaged;
    scratch += ".salvage";
    std::error_code ec;
    const std::uintmax_t size = std::filesystem::file_size(damaged, ec);
    if (ec || !std::filesystem::copy_file(damaged, scratch, std::filesystem::copy_options::overwrite_existing, ec))
        return counts;
    const ScratchRemover remover{scratch};
    std::filesystem::resize_file(scratch, size / *pageSize * *pageSize, ec);
    if (ec)
        return counts;
    sqlite3* raw = nullptr;
    const std::string uri = fileUri(scratch);
    const int openedSrc = sqlite3_open_v2(uri.c_str(), &raw, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr);
    Db src(raw);
    if (openedSrc != SQLITE_OK)
        return counts;
    raw = nullptr;
    const int openedDst = sqlite3_open_v2(fresh.string().c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr);
    Db dst(raw);
    if (openedDst != SQLITE_OK)
        return counts;
    sqlite3_busy_timeout(dst.get(), 3000);
    // Check every cell's size against its page, so a garbled page is an error, not odd values.
    sqlite3_exec(src.get(), "PRAGMA cell_size_check = ON", nullptr, nullptr, nullptr);
    // A file shorter than its header says is refused outright unless the schema is "writable"
    // (as `sqlite3 .dump` sets it); the connection is read-only, so nothing is written.
    sqlite3_exec(src.get(), "PRAGMA writable_schema = ON", nullptr, nullptr, nullptr);
    Stmt schema = prepare(src.get(), "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN "
                                     "('user_price', 'custom_part', 'user_model')");
    counts.readable = schema && sqlite3_step(schema.get()) == SQLITE_ROW && sqlite3_column_int(schema.get(), 0) > 0;
    schema.reset();
    if (!counts.readable)
        return counts;
    if (sqlite3_exec(dst.get(), "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK)
        return counts;
    SalvageCounts copied = counts;
    for (const TableSpec& table : kTables)
        copied.*table.count = copyTable(src.get(), dst.get(), table);
    if (sqlite3_exec(dst.get(), "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
        sqlite3_exec(dst.get(), "ROLLBACK", nullptr, nullptr, nullptr);
        return counts;
    }
    return copied;
}

}  // namespace mlrig
