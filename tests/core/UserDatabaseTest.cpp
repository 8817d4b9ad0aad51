#include <gtest/gtest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <fstream>

#include "core/catalog/UserDatabase.h"
#include "tests/support/Files.h"

using namespace mlrig;

TEST(UserDatabase, FreshDatabaseIsAtTheCurrentSchema)
{
    UserDatabase db(":memory:");
    EXPECT_EQ(db.schemaVersion(), UserDatabase::kSchemaVersion);
    EXPECT_TRUE(db.prices().empty());
}

TEST(UserDatabase, PricesRoundTripWithQuotesAndUnicode)
{
    UserDatabase db(":memory:");
    db.setPrice({"gpu'; DROP TABLE user_price; --", 650.5, "EUR", "eBay \"used\" — München"});
    db.setPrice({"gpu-model:geforcertx3090", 700, "USD", ""});
    db.setPrice({"gpu-model:geforcertx3090", 680, "USD", "second quote"});
    const auto odd = db.price("gpu'; DROP TABLE user_price; --");
    ASSERT_TRUE(odd.has_value());
    EXPECT_EQ(odd->note, "eBay \"used\" — München");
    EXPECT_EQ(db.price("gpu-model:geforcertx3090")->price, 680);
    EXPECT_EQ(db.prices().size(), 2u);
    EXPECT_TRUE(db.removePrice("gpu-model:geforcertx3090"));
    EXPECT_FALSE(db.price("gpu-model:geforcertx3090").has_value());
    EXPECT_THROW(db.setPrice({"x", -1, "USD", ""}), UserDatabaseError);
}

TEST(UserDatabase, MigratesAVersionOneDatabaseKeepingItsPrices)
{
    const testsupport::TempDir dir("userdb");
    const auto path = dir.file("v1.sqlite");
    {
        // A database as version 1 of mlrig left it.
        SQLite::Database old(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        old.exec("CREATE TABLE user_price (part_id TEXT PRIMARY KEY, price REAL NOT NULL CHECK (price >= 0),"
                 " currency TEXT NOT NULL DEFAULT 'USD', updated_at TEXT NOT NULL DEFAULT (datetime('now')));"
                 "INSERT INTO user_price (part_id, price) VALUES ('cpu-7950x', 449);"
                 "PRAGMA user_version = 1;");
    }
    {
        UserDatabase db(path.string());
        EXPECT_EQ(db.schemaVersion(), UserDatabase::kSchemaVersion);
        const auto kept = db.price("cpu-7950x");
        ASSERT_TRUE(kept.has_value());
        EXPECT_EQ(kept->price, 449);
        EXPECT_EQ(kept->note, "");
        EXPECT_EQ(db.addCustomPart("case", R"({"name":"My case"})"), "custom:1");
    }
    UserDatabase reopened(path.string());
    ASSERT_EQ(reopened.customParts().size(), 1u);
    EXPECT_EQ(reopened.customParts()[0].category, "case");
}

TEST(UserDatabase, NewerSchemaAndGarbageFilesAreRefusedWithAMessage)
{
    const testsupport::TempDir dir("userdb");
    const auto path = dir.file("future.sqlite");
    {
        SQLite::Database future(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        future.exec("PRAGMA user_version = 99");
    }
    try {
        UserDatabase db(path.string());
        FAIL();
    } catch (const UserDatabaseError& e) {
        EXPECT_NE(std::string(e.what()).find("newer mlrig"), std::string::npos) << e.what();
    }
    std::filesystem::remove(path);
    std::ofstream(path, std::ios::binary) << std::string(10000, 'g');
    EXPECT_THROW(UserDatabase db(path.string()), UserDatabaseError);
}

TEST(UserDatabase, SavesModelsByIdAndReplacesTheSameName)
{
    UserDatabase db(":memory:");
    EXPECT_TRUE(db.models().empty());
    const std::string id = db.saveModel("My Qwen 14B (Q5)", R"j({"name":"My Qwen 14B (Q5)","params_b":14.7})j", "q5_k_m");
    EXPECT_EQ(id, "my:my-qwen-14b-q5");
    ASSERT_TRUE(db.model("MY:my-qwen-14b-q5").has_value());  // ids are case-insensitive
    EXPECT_EQ(db.model(id)->quant, "q5_k_m");
    EXPECT_EQ(db.saveModel("My Qwen 14B (Q5)", R"j({"name":"My Qwen 14B (Q5)","params_b":14.8})j", "q5_k_m"), id);
    ASSERT_EQ(db.models().size(), 1u);
    EXPECT_NE(db.models()[0].json.find("14.8"), std::string::npos);
    EXPECT_TRUE(db.removeModel(id));
    EXPECT_FALSE(db.removeModel(id));
    EXPECT_FALSE(db.model(id).has_value());
}
