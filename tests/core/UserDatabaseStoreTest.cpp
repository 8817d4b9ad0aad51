// The user database on disk: a damaged file is moved aside (never deleted) and a fresh one
// created; a newer mlrig's file is left untouched; a catalog update never touches it.
#include <gtest/gtest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <fstream>

#include "db/embedded/EmbeddedCatalog.h"
#include "core/catalog/CatalogStore.h"
#include "core/catalog/UserDatabaseStore.h"
#include "tests/support/Files.h"

using namespace mlrig;
using mlrig::testsupport::readFile;
using mlrig::testsupport::TempDir;

namespace {

// A real user database with enough rows to span many pages.
void writeUserDatabase(const std::filesystem::path& path, int prices)
{
    UserDatabase db(path.string());
    for (int i = 0; i < prices; ++i)
        db.setPrice({"part-" + std::to_string(i), 100.0 + i, "USD", std::string(200, 'n')});
}

}  // namespace

TEST(UserDatabaseStore, MissingFileIsCreatedQuietly)
{
    const TempDir dir("userstore");
    const auto file = dir.path() / "nested" / "user.sqlite";
    const OpenedUserDatabase opened = openUserDatabase(file);
    ASSERT_NE(opened.database, nullptr);
    EXPECT_EQ(opened.path, file);
    EXPECT_TRUE(opened.notice.empty()) << opened.notice;
    EXPECT_TRUE(std::filesystem::exists(file));
    opened.database->setPrice({"cpu-7950x", 449, "USD", ""});
    EXPECT_EQ(openUserDatabase(file).database->price("cpu-7950x")->price, 449);
}

TEST(UserDatabaseStore, GarbageIsMovedAsideNeverDeletedAndAFreshOneCreated)
{
    const TempDir dir("userstore");
    const auto file = dir.path() / "user.sqlite";
    const std::string garbage(20000, '\x42');
    std::ofstream(file, std::ios::binary) << garbage;
    const OpenedUserDatabase opened = openUserDatabase(file);
    ASSERT_NE(opened.database, nullptr);
    EXPECT_EQ(opened.path, file);
    EXPECT_EQ(opened.movedAside, dir.path() / "user.sqlite.corrupt-1");
    EXPECT_EQ(readFile(dir.path() / "user.sqlite.corrupt-1"), garbage);  // kept byte for byte
    EXPECT_NE(opened.notice.find("user.sqlite.corrupt-1"), std::string::npos) << opened.notice;
    EXPECT_NE(opened.notice.find("not deleted"), std::string::npos) << opened.notice;
    EXPECT_EQ(opened.database->schemaVersion(), UserDatabase::kSchemaVersion);
    opened.database->setPrice({"gpu", 700, "USD", ""});
    EXPECT_TRUE(openUserDatabase(file).notice.empty());

    // A second damaged file does not overwrite the first one kept.
    std::ofstream(file, std::ios::binary | std::ios::trunc) << "not a database either";
    const OpenedUserDatabase again = openUserDatabase(file);
    EXPECT_EQ(again.movedAside, dir.path() / "user.sqlite.corrupt-2");
    EXPECT_EQ(readFile(dir.path() / "user.sqlite.corrupt-1"), garbage);
}

TEST(UserDatabaseStore, TruncatedFilesAreMovedAside)
{
    const TempDir dir("userstore");
    const auto file = dir.path() / "user.sqlite";
    for (const double fraction : {0.5, 0.02}) {
        std::filesystem::remove(file);
        writeUserDatabase(file, 400);
        const std::string whole = readFile(file);
        ASSERT_GT(whole.size(), 40000u);
        const std::string cut = whole.substr(0, static_cast<size_t>(static_cast<double>(whole.size()) * fraction));
        std::ofstream(file, std::ios::binary | std::ios::trunc) << cut;
        const OpenedUserDatabase opened = openUserDatabase(file);
        ASSERT_FALSE(opened.movedAside.empty()) << "fraction " << fraction << ": " << opened.notice;
        EXPECT_EQ(readFile(opened.movedAside), cut);
        EXPECT_EQ(opened.path, file);
        EXPECT_TRUE(opened.database->prices().empty());
    }
}

TEST(UserDatabaseStore, NewerSchemaIsLeftUntouchedAndTheSessionRunsInMemory)
{
    const TempDir dir("userstore");
    const auto file = dir.path() / "user.sqlite";
    {
        SQLite::Database future(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        future.exec("CREATE TABLE user_price_v9 (part_id TEXT, price REAL); INSERT INTO user_price_v9 VALUES ('x', 1);"
                    "PRAGMA user_version = 9");
    }
    const std::string before = readFile(file);
    const OpenedUserDatabase opened = openUserDatabase(file);
    ASSERT_NE(opened.database, nullptr);
    EXPECT_TRUE(opened.path.empty());
    EXPECT_TRUE(opened.movedAside.empty());
    EXPECT_NE(opened.notice.find("newer version"), std::string::npos) << opened.notice;
    EXPECT_NE(opened.notice.find("will not be kept"), std::string::npos) << opened.notice;
    // The in-memory database works for this session...
    opened.database->setPrice({"gpu", 700, "USD", ""});
    EXPECT_EQ(opened.database->price("gpu")->price, 700);
    // ...and the newer file is exactly as it was, under its own name.
    EXPECT_EQ(readFile(file), before);
    EXPECT_FALSE(std::filesystem::exists(dir.path() / "user.sqlite.corrupt-1"));
    SQLite::Database check(file.string(), SQLite::OPEN_READONLY);
    EXPECT_EQ(check.execAndGet("PRAGMA user_version").getInt(), 9);
}

TEST(UserDatabaseStore, UnopenableFileIsLeftAlone)
{
    const TempDir dir("userstore");
    // The path is a folder: SQLite cannot open it, and it is not damaged data to move away.
    const auto file = dir.path() / "user.sqlite";
    std::filesystem::create_directories(file / "inside");
    const OpenedUserDatabase opened = openUserDatabase(file);
    ASSERT_NE(opened.database, nullptr);
    EXPECT_TRUE(opened.path.empty());
    EXPECT_TRUE(opened.movedAside.empty());
    EXPECT_FALSE(opened.notice.empty());
    EXPECT_TRUE(std::filesystem::is_directory(file / "inside"));
}

TEST(UserDatabaseStore, SurvivesACatalogUpdate)
{
    const TempDir dir("userstore");
    const auto user = dir.path() / "user.sqlite";
    const auto parts = dir.path() / "parts.sqlite";
    {
        const OpenedUserDatabase opened = openUserDatabase(user);
        opened.database->setPrice({"gpu-model:geforcertx3090", 650, "EUR", "used, local shop"});
        opened.database->addCustomPart("case", R"({"name":"My case"})");
    }
    const std::string before = readFile(user);
    // A first start writes the catalog; an out-of-date or damaged one is replaced the same way.
    ASSERT_TRUE(openCatalog(parts, embeddedCatalogImage()).notice.empty());
    std::ofstream(parts, std::ios::binary | std::ios::trunc) << std::string(5000, 'x');
    const OpenedCatalog updated = openCatalog(parts, embeddedCatalogImage());
    EXPECT_FALSE(updated.notice.empty());
    EXPECT_EQ(readFile(user), before);
    const OpenedUserDatabase reopened = openUserDatabase(user);
    EXPECT_TRUE(reopened.notice.empty()) << reopened.notice;
    ASSERT_TRUE(reopened.database->price("gpu-model:geforcertx3090").has_value());
    EXPECT_EQ(reopened.database->price("gpu-model:geforcertx3090")->note, "used, local shop");
    EXPECT_EQ(reopened.database->customParts().size(), 1u);
}

TEST(UserDatabase, CustomPartsAreKeptOnceAndCanBeRemoved)
{
    UserDatabase db(":memory:");
    const std::string a = db.addCustomPart("gpu", R"({"name":"A"})");
    EXPECT_EQ(db.addCustomPart("gpu", R"({"name":"A"})"), a);
    const std::string b = db.addCustomPart("case", R"({"name":"A"})");
    EXPECT_NE(a, b);
    EXPECT_EQ(db.customParts().size(), 2u);
    EXPECT_TRUE(db.removeCustomPart(a));
    EXPECT_FALSE(db.removeCustomPart(a));
    EXPECT_FALSE(db.removeCustomPart("custom:'; DROP TABLE custom_part; --"));
    EXPECT_FALSE(db.removeCustomPart("nonsense"));
    ASSERT_EQ(db.customParts().size(), 1u);
    EXPECT_EQ(db.customParts()[0].id, b);
}
