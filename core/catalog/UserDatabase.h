#pragma once

// The user's own data (prices they paid or were quoted, custom parts), kept apart from the
// read-only catalog so that a catalog update never touches it. Schema changes are applied by
// numbered migrations (PRAGMA user_version), never by recreating tables.

#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace SQLite {
class Database;
}

namespace mlrig {

class UserDatabaseError : public std::runtime_error {
public:
    enum class Kind {
        Invalid,      // a value the database does not take (a negative price)
        Damaged,      // not an SQLite database, or one that fails its integrity check
        Newer,        // written by a newer mlrig: schema above kSchemaVersion; must be left alone
        Unavailable,  // cannot be opened right now (permissions, a missing folder, locked)
    };
    explicit UserDatabaseError(const std::string& what, Kind kind = Kind::Invalid)
        : std::runtime_error(what), m_kind(kind)
    {
    }
    Kind kind() const { return m_kind; }

private:
    Kind m_kind;
};

struct UserPrice {
    std::string partId;
    double price = 0;
    std::string currency = "USD";
    std::string note;
};

struct CustomPartRecord {
    std::string id;        // "custom:<n>"
    std::string category;  // category id
    std::string json;      // the part's custom fields as in a .mlrig file
};

// A model the user added from a file (GGUF header or config.json), stored as the custom-model
// JSON of a .mlrig workload (modelToJson) with the quantisation the file uses.
struct UserModelRecord {
    std::string id;    // "my:<slug of the name>"
    std::string name;
    std::string json;  // custom model JSON
    std::string quant; // e.g. "q4_k_m"; empty when unknown (config.json)
};

class UserDatabase {
public:
    static constexpr int kSchemaVersion = 3;

    // Opens (creating if needed) and migrates. ":memory:" works for tests.
    // Throws UserDatabaseError for a file that is not a usable SQLite database; its kind() tells a
    // damaged file from a newer one and from one that merely cannot be opened now.
    // UserDatabaseStore.h decides what to do about each.
    explicit UserDatabase(const std::string& path);
    ~UserDatabase();
    UserDatabase(const UserDatabase&) = delete;
    UserDatabase& operator=(const UserDatabase&) = delete;

    int schemaVersion() const;

    void setPrice(const UserPrice& price);
    std::optional<UserPrice> price(const std::string& partId) const;
    bool removePrice(const std::string& partId);
    std::vector<UserPrice> prices() const;

    // Adds a custom part; an identical one (same category and JSON) is not added twice and its
    // id is returned instead.
    std::string addCustomPart(const std::string& category, const std::string& json);
    std::vector<CustomPartRecord> customParts() const;
    bool removeCustomPart(const std::string& id);

    // Saves a model (replacing one of the same id) and returns its id.
    std::string saveModel(const std::string& name, const std::string& json, const std::string& quant);
    std::vector<UserModelRecord> models() const;
    std::optional<UserModelRecord> model(const std::string& id) const;  // case-insensitive id
    bool removeModel(const std::string& id);

    // Applies every migration above the database's version (exposed for tests).
    static void migrate(SQLite::Database& db);

private:
    std::unique_ptr<SQLite::Database> m_db;
};

}  // namespace mlrig
