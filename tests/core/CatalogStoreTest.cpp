#include <gtest/gtest.h>

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
