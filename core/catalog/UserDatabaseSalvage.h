#pragma once

// Getting back what can still be read from a damaged user database (UserDatabaseStore.h moves it
// aside first). SQLite reads a b-tree page by page, so a file with a few bad pages (cut short
// mid-page, overwritten by garbage, a bad sector) still holds readable rows on its good pages.
// Each table is read in rowid order; where a page cannot be read the scan seeks past it one
// rowid at a time, so rows on both sides of a bad page are kept (`sqlite3 .dump`, which reads
// forwards and then backwards, stops at the first bad page in each direction). The damaged file
// itself stays byte for byte as it was: the salvage reads a scratch copy cut to whole pages
// (damaged.salvage, removed afterwards), read-only.

#include <filesystem>
#include <string>

namespace mlrig {

struct SalvageCounts {
    bool readable = false;  // the damaged file's schema, naming at least one of the tables, could be read
    int prices = 0;
    int customParts = 0;
    int models = 0;
    int total() const { return prices + customParts + models; }
};

// Copies the rows of user_price, custom_part and user_model that read without error from
// `damaged` into `fresh` (an up-to-date, migrated user database), keeping their ids, notes and
// dates. A row whose values the schema refuses (a negative price, a NULL name) is left out.
// Never throws: what cannot be read is simply not counted.
SalvageCounts salvageUserDatabase(const std::filesystem::path& damaged, const std::filesystem::path& fresh);

}  // namespace mlrig
