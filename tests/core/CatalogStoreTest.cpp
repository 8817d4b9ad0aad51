#include <gtest/gtest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <fstream>

#include "db/embedded/EmbeddedCatalog.h"
#include "core/catalog/CatalogStore.h"
#include "tests/support/Files.h"

using namespace mlrig;
using mlrig::testsupport::TempDir;

TEST(CatalogStore, MissingFileIsWrittenFromTheEmbeddedImage)
{
    const TempDir dir("store");
    const auto file = dir.path() / "data" / "parts.sqlite";
    const OpenedCatalog opened = openCatalog(file, embeddedCatalogImage());
    EXPECT_EQ(opened.path, file);
    EXPECT_TRUE(std::filesystem::exists(file));
    EXPECT_GT(opened.catalog.size(), 10000u);
    // The next start uses the file without complaint.
    const OpenedCatalog again = openCatalog(file, embeddedCatalogImage());
    EXPECT_TRUE(again.notice.empty()) << again.notice;
    EXPECT_EQ(again.catalog.size(), opened.catalog.size());
}

TEST(CatalogStore, CorruptFileIsMovedAsideAndRestored)
{
    const TempDir dir("store");
    const auto file = dir.path() / "parts.sqlite";
    std::ofstream(file, std::ios::binary) << std::string(20000, '\x42');
    const OpenedCatalog opened = openCatalog(file, embeddedCatalogImage());
    EXPECT_NE(opened.notice.find("could not be used"), std::string::npos) << opened.notice;
    EXPECT_NE(opened.notice.find("restored"), std::string::npos) << opened.notice;
    EXPECT_TRUE(std::filesystem::exists(dir.path() / "parts.sqlite.corrupt-1"));  // kept, not deleted
    EXPECT_GT(opened.catalog.size(), 10000u);
    EXPECT_TRUE(openCatalog(file, embeddedCatalogImage()).notice.empty());
}

TEST(CatalogStore, TruncatedCatalogIsRestoredToo)
{
    const TempDir dir("store");
    const auto file = dir.path() / "parts.sqlite";
    const auto image = embeddedCatalogImage();
    std::ofstream(file, std::ios::binary).write(reinterpret_cast<const char*>(image.data()),
                                                static_cast<std::streamsize>(image.size() / 3));
    const OpenedCatalog opened = openCatalog(file, image);
    EXPECT_FALSE(opened.notice.empty());
    EXPECT_GT(opened.catalog.size(), 10000u);
}

TEST(CatalogStore, UnwritableLocationFallsBackToMemory)
{
    const TempDir dir("store");
    const auto blocker = dir.path() / "not-a-dir";
    std::ofstream(blocker) << "x";
    const OpenedCatalog opened = openCatalog(blocker / "parts.sqlite", embeddedCatalogImage());
    EXPECT_TRUE(opened.path.empty());
    EXPECT_NE(opened.notice.find("built-in catalog"), std::string::npos) << opened.notice;
    EXPECT_GT(opened.catalog.size(), 10000u);
}

TEST(CatalogStore, EmptyImageIsACatalogError)
{
    EXPECT_THROW(Catalog::loadBytes({}), CatalogError);
}

namespace {

// A copy of the embedded catalog whose schema version says it was written by a later mlrig.
void writeNewerCatalog(const std::filesystem::path& file)
{
    const auto image = embeddedCatalogImage();
    std::ofstream(file, std::ios::binary)
        .write(reinterpret_cast<const char*>(image.data()), static_cast<std::streamsize>(image.size()));
    SQLite::Database db(file.string(), SQLite::OPEN_READWRITE);
    db.exec("PRAGMA user_version = 99");
}

}  // namespace

TEST(CatalogStore, NewerSchemaIsLeftUntouchedAndNotCopied)
{
    // Before: a newer catalog was renamed .corrupt-N and replaced on every start (three starts
    // left 22 MB of copies).
    const TempDir dir("store");
    const auto file = dir.path() / "parts.sqlite";
    writeNewerCatalog(file);
    const std::string before = mlrig::testsupport::readFile(file);
    for (int start = 0; start < 3; ++start) {
        const OpenedCatalog opened = openCatalog(file, embeddedCatalogImage());
        EXPECT_TRUE(opened.path.empty());  // running on the built-in catalog
        EXPECT_NE(opened.notice.find("newer mlrig (schema 99"), std::string::npos) << opened.notice;
        EXPECT_GT(opened.catalog.size(), 10000u);
    }
    EXPECT_EQ(mlrig::testsupport::readFile(file), before);
    size_t entries = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir.path()))
        ++entries;
    EXPECT_EQ(entries, 1u);
}

TEST(CatalogStore, OnlyTheNewestAsideCopiesAreKept)
{
    const TempDir dir("store");
    const auto file = dir.path() / "parts.sqlite";
    for (int start = 0; start < 5; ++start) {
        std::ofstream(file, std::ios::binary) << std::string(20000, '\x42');
        EXPECT_FALSE(openCatalog(file, embeddedCatalogImage()).notice.empty());
    }
    for (int n = 1; n <= 2; ++n)
        EXPECT_FALSE(std::filesystem::exists(dir.path() / ("parts.sqlite.corrupt-" + std::to_string(n)))) << n;
    for (int n = 3; n <= 5; ++n)
        EXPECT_TRUE(std::filesystem::exists(dir.path() / ("parts.sqlite.corrupt-" + std::to_string(n)))) << n;
}
