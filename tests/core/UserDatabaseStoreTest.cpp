// The user database on disk: a damaged file is moved aside (never deleted) and a fresh one
// created; a newer mlrig's file is left untouched; a catalog update never touches it.
#include <gtest/gtest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <vector>

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
    UserDatabase(path.string()).setPrice({"part-first", 99.0, "USD", ""});
    // The rest as setPrice() writes them, in one transaction (hundreds of commits take seconds).
    SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE);
    SQLite::Transaction transaction(raw);
    SQLite::Statement insert(raw, "INSERT INTO user_price (part_id, price, currency, note) VALUES (?, ?, 'USD', ?)");
    for (int i = 1; i < prices; ++i) {
        insert.bind(1, "part-" + std::to_string(i));
        insert.bind(2, 100.0 + i);
        insert.bind(3, std::string(200, 'n'));
        insert.exec();
        insert.reset();
    }
    transaction.commit();
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

TEST(UserDatabaseStore, TruncatedFilesAreMovedAsideAndWhatReadsIsSalvaged)
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
        EXPECT_EQ(readFile(opened.movedAside), cut);  // salvage reads it, never changes it
        EXPECT_EQ(opened.path, file);
        if (fraction < 0.1) {
            // Less than the first page: no schema, nothing to read.
            EXPECT_TRUE(opened.database->prices().empty());
            EXPECT_FALSE(opened.salvaged.readable);
            EXPECT_NE(opened.notice.find("nothing in it could be read"), std::string::npos) << opened.notice;
        } else {
            EXPECT_GT(opened.database->prices().size(), 100u);
            EXPECT_LT(opened.database->prices().size(), 400u);
        }
    }
}

namespace {

// A user database as the reported case had it: custom parts and a model entered first, then
// many prices; each row big enough that the prices span dozens of pages.
struct Written {
    std::vector<CustomPartRecord> parts;
    std::vector<UserModelRecord> models;
};

Written writeMixedDatabase(const std::filesystem::path& path, int prices)
{
    Written out;
    {
        UserDatabase db(path.string());
        for (int i = 0; i < 12; ++i)
            db.addCustomPart("case", R"({"name":"My case )" + std::to_string(i) + R"(","expansion_slots":7})");
        db.saveModel("My Llama", R"({"name":"My Llama","params_b":8})", "q4_k_m");
        out.parts = db.customParts();
        out.models = db.models();
    }
    // The prices as setPrice() writes them, in one transaction (600 commits take seconds).
    SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE);
    SQLite::Transaction transaction(raw);
    SQLite::Statement insert(raw, "INSERT INTO user_price (part_id, price, currency, note) VALUES (?, ?, 'EUR', ?)");
    for (int i = 0; i < prices; ++i) {
        insert.bind(1, "part-" + std::to_string(i));
        insert.bind(2, 100.0 + i);
        insert.bind(3, "seen at shop " + std::string(200, 'n'));
        insert.exec();
        insert.reset();
    }
    transaction.commit();
    return out;
}

// Every salvaged price is one that was written, with its value, currency and note intact.
void expectGenuine(const std::vector<UserPrice>& prices)
{
    for (const UserPrice& p : prices) {
        ASSERT_EQ(p.partId.rfind("part-", 0), 0u) << p.partId;
        const int i = std::stoi(p.partId.substr(5));
        EXPECT_EQ(p.price, 100.0 + i) << p.partId;
        EXPECT_EQ(p.currency, "EUR");
        EXPECT_EQ(p.note, "seen at shop " + std::string(200, 'n'));
    }
}

std::set<int> priceIndexes(const std::vector<UserPrice>& prices)
{
    std::set<int> out;
    for (const UserPrice& p : prices)
        out.insert(std::stoi(p.partId.substr(5)));
    return out;
}

}  // namespace

TEST(UserDatabaseStore, ADatabaseCutMidPageKeepsItsCustomPartsModelsAndEarlyPrices)
{
    const TempDir dir("userstore");
    const auto file = dir.path() / "user.sqlite";
    const Written written = writeMixedDatabase(file, 600);
    const std::string whole = readFile(file);
    // Cut in the middle of a page, about 60% in: the custom parts and the model sit on the first
    // pages, the prices run to the end.
    const size_t page = 4096;
    const size_t cutAt = (whole.size() * 6 / 10 / page) * page + page / 2 + 123;
    const std::string cut = whole.substr(0, cutAt);
    ASSERT_TRUE(mlrig::testsupport::writeFile(file, cut));

    const OpenedUserDatabase opened = openUserDatabase(file);
    ASSERT_FALSE(opened.movedAside.empty()) << opened.notice;
    EXPECT_EQ(readFile(opened.movedAside), cut);
    EXPECT_TRUE(opened.salvaged.readable);
    // The custom parts and the model come back whole, with their ids.
    EXPECT_EQ(opened.salvaged.customParts, 12);
    EXPECT_EQ(opened.salvaged.models, 1);
    ASSERT_EQ(opened.database->customParts().size(), written.parts.size());
    for (size_t i = 0; i < written.parts.size(); ++i) {
        EXPECT_EQ(opened.database->customParts()[i].id, written.parts[i].id);
        EXPECT_EQ(opened.database->customParts()[i].json, written.parts[i].json);
    }
    ASSERT_EQ(opened.database->models().size(), 1u);
    EXPECT_EQ(opened.database->models()[0].json, written.models[0].json);
    EXPECT_EQ(opened.database->models()[0].quant, "q4_k_m");
    // The prices on the pages before the cut come back; those after it are gone.
    const std::vector<UserPrice> prices = opened.database->prices();
    expectGenuine(prices);
    EXPECT_EQ(static_cast<int>(prices.size()), opened.salvaged.prices);
    EXPECT_GT(prices.size(), 200u);
    EXPECT_LT(prices.size(), 600u);
    const std::string count = std::to_string(prices.size()) + " prices, 12 custom parts and 1 model";
    EXPECT_NE(opened.notice.find(count), std::string::npos) << opened.notice;
    EXPECT_NE(opened.notice.find("not deleted"), std::string::npos) << opened.notice;
    // The new database is a healthy one: it opens quietly next time and takes new rows.
    opened.database->addCustomPart("case", R"({"name":"After"})");
    EXPECT_EQ(opened.database->customParts().back().id, "custom:13");  // ids continue, none reused
    EXPECT_TRUE(openUserDatabase(file).notice.empty());
}

TEST(UserDatabaseStore, GarbagePagesInTheMiddleLoseOnlyTheirOwnRows)
{
    const TempDir dir("userstore");
    const auto file = dir.path() / "user.sqlite";
    writeMixedDatabase(file, 600);
    std::string bytes = readFile(file);
    const size_t page = 4096;
    const size_t pages = bytes.size() / page;
    ASSERT_GT(pages, 40u);
    // Four pages of noise at 40% and one at 70%, as a bad sector or a stray write would leave.
    std::mt19937 noise(42);
    for (const size_t at : {pages * 4 / 10, pages * 4 / 10 + 1, pages * 4 / 10 + 2, pages * 4 / 10 + 3, pages * 7 / 10})
        for (size_t i = 0; i < page; ++i)
            bytes[at * page + i] = static_cast<char>(noise() & 0xff);
    ASSERT_TRUE(mlrig::testsupport::writeFile(file, bytes));

    const OpenedUserDatabase opened = openUserDatabase(file);
    ASSERT_FALSE(opened.movedAside.empty()) << opened.notice;
    EXPECT_EQ(readFile(opened.movedAside), bytes);
    const std::vector<UserPrice> prices = opened.database->prices();
    expectGenuine(prices);
    const std::set<int> got = priceIndexes(prices);
    // Rows on both sides of the bad pages: more than a forward-then-backward read (as
    // `sqlite3 .dump` does) could reach, which stops at the first bad page each way.
    ASSERT_FALSE(got.empty());
    int firstMissing = 0;
    while (got.count(firstMissing))
        ++firstMissing;
    int lastMissing = 599;
    while (got.count(lastMissing))
        --lastMissing;
    ASSERT_LT(firstMissing, lastMissing);
    const auto between = std::count_if(got.begin(), got.end(), [&](int i) { return i > firstMissing && i < lastMissing; });
    EXPECT_GT(between, 0) << "only the rows before the first and after the last bad page came back";
    EXPECT_GT(prices.size(), 450u);  // five bad pages of ~40 cost at most about 90 of 600 rows
    EXPECT_EQ(opened.salvaged.customParts, 12);
}

TEST(UserDatabaseStore, AnEmptyFileIsDamagedNotANewDatabase)
{
    const TempDir dir("userstore");
    const auto file = dir.path() / "user.sqlite";
    std::ofstream(file, std::ios::binary).close();
    ASSERT_EQ(std::filesystem::file_size(file), 0u);
    const OpenedUserDatabase opened = openUserDatabase(file);
    EXPECT_EQ(opened.movedAside, dir.path() / "user.sqlite.corrupt-1");
    EXPECT_TRUE(std::filesystem::exists(opened.movedAside));
    EXPECT_NE(opened.notice.find("empty (0 bytes)"), std::string::npos) << opened.notice;
    EXPECT_EQ(opened.path, file);
    EXPECT_EQ(opened.database->schemaVersion(), UserDatabase::kSchemaVersion);
    EXPECT_GT(std::filesystem::file_size(file), 0u);  // a real database now
    EXPECT_TRUE(openUserDatabase(file).notice.empty());
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
