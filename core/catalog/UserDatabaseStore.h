#pragma once

// Opening the user database (user.sqlite: the user's own prices and custom parts) so that the
// app always starts and the user's data is never destroyed. Parallel to CatalogStore.h, but the
// user database cannot be rebuilt from anything, so the rules are stricter:
//
// - damaged (not an SQLite file, truncated, failing its integrity check, or empty: 0 bytes):
//   moved aside, never deleted ("user.sqlite.corrupt-N", its -wal/-journal files with it), a
//   fresh database is created in its place, and the rows that can still be read from the damaged
//   copy are salvaged into it (UserDatabaseSalvage.h); the notice says how many;
// - written by a newer mlrig (schema above UserDatabase::kSchemaVersion): left exactly as it is,
//   so the newer version still finds it; this session works on an in-memory database;
// - cannot be opened now (permissions, locked, a read-only folder): left as it is; in memory.
//
// The catalog is a separate file (parts.sqlite), so a catalog update never touches it.

#include <filesystem>
#include <memory>
#include <string>

#include "core/catalog/UserDatabase.h"
#include "core/catalog/UserDatabaseSalvage.h"

namespace mlrig {

struct OpenedUserDatabase {
    std::unique_ptr<UserDatabase> database;  // never null
    std::filesystem::path path;              // the file in use; empty when working in memory
    std::filesystem::path movedAside;        // where a damaged file was kept; empty if none
    SalvageCounts salvaged;                  // what came back from it into the new database
    std::string notice;                      // what went wrong and what was done, for a message box
};

OpenedUserDatabase openUserDatabase(const std::filesystem::path& path);

}  // namespace mlrig
