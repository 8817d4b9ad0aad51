#include "core/catalog/UserDatabase.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <array>
#include <cctype>
#include <cstdint>
#include <string>
#include <string_view>

namespace mlrig {
namespace {

// Migration N takes a database from version N-1 to N. Append only; never edit a shipped step.
constexpr std::array<std::string_view, UserDatabase::kSchemaVersion> kMigrations = {
    // 1: prices the user entered for catalog parts
    "CREATE TABLE user_price (part_id TEXT PRIMARY KEY, price REAL NOT NULL CHECK (price >= 0),"
    " currency TEXT NOT NULL DEFAULT 'USD', updated_at TEXT NOT NULL DEFAULT (datetime('now')))",
    // 2: a note per price (where it was seen) and custom parts the user defined
    "ALTER TABLE user_price ADD COLUMN note TEXT NOT NULL DEFAULT '';"
    "CREATE TABLE custom_part (id INTEGER PRIMARY KEY AUTOINCREMENT, category TEXT NOT NULL,"
    " json TEXT NOT NULL, created_at TEXT NOT NULL DEFAULT (datetime('now')))",
    // 3: models the user added from a GGUF file or a config.json
    "CREATE TABLE user_model (id TEXT PRIMARY KEY COLLATE NOCASE, name TEXT NOT NULL, json TEXT NOT NULL,"
    " quant TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL DEFAULT (datetime('now')))",
};

// "my:" + the name folded to lower-case letters, digits, dots and hyphens.
std::string modelId(const std::string& name)
{
    std::string slug;
    for (char c : name) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || c == '.')
            slug.push_back(static_cast<char>(std::tolower(u)));
        else if (!slug.empty() && slug.back() != '-')
            slug.push_back('-');
    }
    while (!slug.empty() && slug.back() == '-')
        slug.pop_back();
    return "my:" + (slug.empty() ? std::string("model") : slug.substr(0, 80));
}

}  // namespace

void UserDatabase::migrate(SQLite::Database& db)
{
    const int current = db.execAndGet("PRAGMA user_version").getInt();
    if (current > kSchemaVersion) {
        throw UserDatabaseError("the user database was written by a newer mlrig (schema " + std::to_string(current) +
                                    ", this version knows " + std::to_string(kSchemaVersion) + ")",
                                UserDatabaseError::Kind::Newer);
    }
    for (int version = current + 1; version <= kSchemaVersion; ++version) {
        SQLite::Transaction transaction(db);
        db.exec(std::string(kMigrations[static_cast<size_t>(version - 1)]));
        // A PRAGMA takes no bound parameters; the value is our own integer, never user text.
        db.exec("PRAGMA user_version = " + std::to_string(version));
        transaction.commit();
    }
}

UserDatabase::UserDatabase(const std::string& path)
{
    try {
        m_db = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        m_db->setBusyTimeout(3000);  // another mlrig window may be writing
        const std::string check = m_db->execAndGet("PRAGMA quick_check").getString();
        if (check != "ok")
            throw UserDatabaseError("the user database " + path + " is damaged (" + check + ")",
                                    UserDatabaseError::Kind::Damaged);
        migrate(*m_db);
    } catch (const SQLite::Exception& e) {
        const int code = e.getErrorCode() & 0xff;
        const bool damaged = code == SQLITE_NOTADB || code == SQLITE_CORRUPT || code == SQLITE_FORMAT;
        throw UserDatabaseError("the user database " + path + " cannot be opened: " + e.what(),
                                damaged ? UserDatabaseError::Kind::Damaged : UserDatabaseError::Kind::Unavailable);
    }
}

UserDatabase::~UserDatabase() = default;

int UserDatabase::schemaVersion() const
{
    return m_db->execAndGet("PRAGMA user_version").getInt();
}

void UserDatabase::setPrice(const UserPrice& price)
{
    if (!(price.price >= 0) || price.price > 1e9)
        throw UserDatabaseError("a price must be between 0 and 1,000,000,000");
    SQLite::Statement upsert(*m_db,
                             "INSERT INTO user_price (part_id, price, currency, note) VALUES (?, ?, ?, ?)"
                             " ON CONFLICT(part_id) DO UPDATE SET price = excluded.price, currency = excluded.currency,"
                             " note = excluded.note, updated_at = datetime('now')");
    upsert.bind(1, price.partId);
    upsert.bind(2, price.price);
    upsert.bind(3, price.currency);
    upsert.bind(4, price.note);
    upsert.exec();
}

std::optional<UserPrice> UserDatabase::price(const std::string& partId) const
{
    SQLite::Statement query(*m_db, "SELECT part_id, price, currency, note FROM user_price WHERE part_id = ?");
    query.bind(1, partId);
    if (!query.executeStep())
        return std::nullopt;
    return UserPrice{query.getColumn(0).getString(), query.getColumn(1).getDouble(), query.getColumn(2).getString(),
                     query.getColumn(3).getString()};
}

bool UserDatabase::removePrice(const std::string& partId)
{
    SQLite::Statement remove(*m_db, "DELETE FROM user_price WHERE part_id = ?");
    remove.bind(1, partId);
    return remove.exec() > 0;
}

std::vector<UserPrice> UserDatabase::prices() const
{
    std::vector<UserPrice> out;
    SQLite::Statement query(*m_db, "SELECT part_id, price, currency, note FROM user_price ORDER BY part_id");
    while (query.executeStep()) {
        out.push_back({query.getColumn(0).getString(), query.getColumn(1).getDouble(), query.getColumn(2).getString(),
                       query.getColumn(3).getString()});
    }
    return out;
}

std::string UserDatabase::addCustomPart(const std::string& category, const std::string& json)
{
    SQLite::Statement existing(*m_db, "SELECT id FROM custom_part WHERE category = ? AND json = ? ORDER BY id LIMIT 1");
    existing.bind(1, category);
    existing.bind(2, json);
    if (existing.executeStep())
        return "custom:" + existing.getColumn(0).getString();
    SQLite::Statement insert(*m_db, "INSERT INTO custom_part (category, json) VALUES (?, ?)");
    insert.bind(1, category);
    insert.bind(2, json);
    insert.exec();
    return "custom:" + std::to_string(m_db->getLastInsertRowid());
}

std::vector<CustomPartRecord> UserDatabase::customParts() const
{
    std::vector<CustomPartRecord> out;
    SQLite::Statement query(*m_db, "SELECT id, category, json FROM custom_part ORDER BY id");
    while (query.executeStep()) {
        out.push_back({"custom:" + query.getColumn(0).getString(), query.getColumn(1).getString(),
                       query.getColumn(2).getString()});
    }
    return out;
}

bool UserDatabase::removeCustomPart(const std::string& id)
{
    constexpr std::string_view prefix = "custom:";
    if (id.rfind(prefix, 0) != 0)
        return false;
    SQLite::Statement remove(*m_db, "DELETE FROM custom_part WHERE id = ?");
    try {
        remove.bind(1, static_cast<int64_t>(std::stoll(id.substr(prefix.size()))));
    } catch (const std::exception&) {
        return false;
    }
    return remove.exec() > 0;
}

}  // namespace mlrig

namespace mlrig {

std::string UserDatabase::saveModel(const std::string& name, const std::string& json, const std::string& quant)
{
    const std::string id = modelId(name);
    SQLite::Statement upsert(*m_db, "INSERT INTO user_model (id, name, json, quant) VALUES (?, ?, ?, ?)"
                                    " ON CONFLICT(id) DO UPDATE SET name = excluded.name, json = excluded.json,"
                                    " quant = excluded.quant");
    upsert.bind(1, id);
    upsert.bind(2, name);
    upsert.bind(3, json);
    upsert.bind(4, quant);
    upsert.exec();
    return id;
}

std::vector<UserModelRecord> UserDatabase::models() const
{
    std::vector<UserModelRecord> out;
    SQLite::Statement query(*m_db, "SELECT id, name, json, quant FROM user_model ORDER BY name");
    while (query.executeStep())
        out.push_back({query.getColumn(0).getString(), query.getColumn(1).getString(), query.getColumn(2).getString(),
                       query.getColumn(3).getString()});
    return out;
}

std::optional<UserModelRecord> UserDatabase::model(const std::string& id) const
{
    SQLite::Statement query(*m_db, "SELECT id, name, json, quant FROM user_model WHERE id = ?");
    query.bind(1, id);
    if (!query.executeStep())
        return std::nullopt;
    return UserModelRecord{query.getColumn(0).getString(), query.getColumn(1).getString(),
                           query.getColumn(2).getString(), query.getColumn(3).getString()};
}

bool UserDatabase::removeModel(const std::string& id)
{
    SQLite::Statement remove(*m_db, "DELETE FROM user_model WHERE id = ?");
    remove.bind(1, id);
    return remove.exec() > 0;
}

}  // namespace mlrig
