// The app's fast start: GPUs at once, the other categories on a background thread
// (Catalog::loadFileGpusFirst, openCatalog with CatalogLoading::GpusFirst).
#include <gtest/gtest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "db/embedded/EmbeddedCatalog.h"
#include "core/catalog/CatalogStore.h"
#include "tests/support/BuiltInCatalog.h"
#include "tests/support/Files.h"

using namespace mlrig;
using mlrig::testsupport::builtInCatalog;
using mlrig::testsupport::TempDir;

namespace {

std::filesystem::path writeImage(const std::filesystem::path& file)
{
    const auto image = embeddedCatalogImage();
    std::ofstream(file, std::ios::binary)
        .write(reinterpret_cast<const char*>(image.data()), static_cast<std::streamsize>(image.size()));
    return file;
}

// Swaps the first two cell pointers of a table's root b-tree page: the keys are then out of
// order, which PRAGMA quick_check reports, while counting and scanning the table still work.
// This is damage that only the background integrity check can find.
void scrambleRootPage(const std::filesystem::path& file, const std::string& table)
{
    int pageSize = 0;
    int rootPage = 0;
    {
        SQLite::Database db(file.string(), SQLite::OPEN_READONLY);
        pageSize = db.execAndGet("PRAGMA page_size").getInt();
        SQLite::Statement query(db, "SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = ?");
        query.bind(1, table);
        ASSERT_TRUE(query.executeStep());
        rootPage = query.getColumn(0).getInt();
    }
    ASSERT_GT(rootPage, 1);
    std::fstream f(file, std::ios::binary | std::ios::in | std::ios::out);
    const std::streamoff page = static_cast<std::streamoff>(rootPage - 1) * pageSize;
    char type = 0;
    f.seekg(page);
    f.read(&type, 1);
    const int header = type == 0x05 || type == 0x02 ? 12 : 8;  // interior pages have a right-child pointer
    char pointers[4];
    f.seekg(page + header);
    f.read(pointers, 4);
    const char swapped[4] = {pointers[2], pointers[3], pointers[0], pointers[1]};
    f.seekp(page + header);
    f.write(swapped, 4);
    ASSERT_TRUE(f.good());
}

}  // namespace

TEST(CatalogBackgroundLoad, GivesTheSameCatalogAsAWholeLoad)
{
    const TempDir dir("background");
    const auto file = writeImage(dir.path() / "parts.sqlite");
    const Catalog whole = Catalog::loadFile(file);
    const Catalog fast = Catalog::loadFileGpusFirst(file);
    // Counts and GPU models are there before the rest is read ...
    EXPECT_FALSE(fast.loadedCompletely());
    ASSERT_EQ(fast.gpuModelParts().size(), whole.gpuModelParts().size());
    for (size_t i = 0; i < whole.gpuModelParts().size(); ++i)
        EXPECT_EQ(infoOf(fast.gpuModelParts()[i]).id, infoOf(whole.gpuModelParts()[i]).id);
    EXPECT_NE(fast.findById(infoOf(whole.gpuModelParts().back()).id), nullptr);
    EXPECT_NE(fast.find(Category::Gpu, "GeForce RTX 3090"), nullptr);
    EXPECT_FALSE(fast.loadedCompletely());  // ... and finding a model does not read the rest
    EXPECT_EQ(fast.size(), whole.size());
    EXPECT_EQ(fast.stats().partsPerCategory, whole.stats().partsPerCategory);
    EXPECT_EQ(fast.stats().partsWithPrice, whole.stats().partsWithPrice);
    EXPECT_EQ(fast.stats().marketPriceRows, whole.stats().marketPriceRows);
    EXPECT_EQ(fast.chips().size(), whole.chips().size());
    EXPECT_EQ(fast.completionNotice(), "");
    EXPECT_TRUE(fast.loadedCompletely());
    for (Category category : kAllCategories) {
        const auto a = whole.parts(category);
        const auto b = fast.parts(category);
        ASSERT_EQ(a.size(), b.size()) << categoryId(category);
        for (size_t i = 0; i < a.size(); ++i)
            ASSERT_EQ(infoOf(a[i]).id, infoOf(b[i]).id) << categoryId(category) << " row " << i;
    }
    const AnyPart& psu = whole.parts(Category::Psu).front();
    const AnyPart* found = fast.findById(infoOf(psu).id);
    ASSERT_NE(found, nullptr);
    EXPECT_EQ(infoOf(*found).name, infoOf(psu).name);
    EXPECT_NE(fast.find(Category::Gpu, "GeForce RTX 3090"), nullptr);
    EXPECT_EQ(fast.search(Category::Memory, "ddr5 6000").size(), whole.search(Category::Memory, "ddr5 6000").size());
}

TEST(CatalogBackgroundLoad, CopiesShareTheBackgroundResult)
{
    const Catalog fast = Catalog::loadStaticBytesGpusFirst(embeddedCatalogImage());
    const Catalog copy = fast;  // before the thread is done
    EXPECT_EQ(copy.parts(Category::Storage).size(), builtInCatalog().parts(Category::Storage).size());
    EXPECT_EQ(fast.parts(Category::Storage).data(), copy.parts(Category::Storage).data());
}

TEST(CatalogBackgroundLoad, DamageFoundLaterIsSetAsideRestoredAndReported)
{
    const TempDir dir("background");
    const auto file = writeImage(dir.path() / "parts.sqlite");
    scrambleRootPage(file, "storage");
    ASSERT_THROW(Catalog::loadFile(file), CatalogError);  // the whole load's check sees it at once

    const OpenedCatalog opened = openCatalog(file, embeddedCatalogImage(), CatalogLoading::GpusFirst);
    EXPECT_EQ(opened.notice, "");  // the quick part was sound
    EXPECT_FALSE(opened.catalog.parts(Category::Gpu).empty());
    const std::string notice = opened.catalog.completionNotice();
    EXPECT_NE(notice.find("is damaged"), std::string::npos) << notice;
    EXPECT_NE(notice.find("kept as parts.sqlite.corrupt-1"), std::string::npos) << notice;
    EXPECT_NE(notice.find("built-in catalog"), std::string::npos) << notice;
    // This run still has every category, from the embedded image ...
    EXPECT_EQ(opened.catalog.parts(Category::Storage).size(), builtInCatalog().parts(Category::Storage).size());
    // ... and the next start reads the restored file without complaint.
    EXPECT_TRUE(std::filesystem::exists(dir.path() / "parts.sqlite.corrupt-1"));
    const OpenedCatalog next = openCatalog(file, embeddedCatalogImage(), CatalogLoading::GpusFirst);
    EXPECT_EQ(next.notice, "");
    EXPECT_EQ(next.catalog.completionNotice(), "");
}

TEST(CatalogBackgroundLoad, WithoutAFallbackOnlyGpusRemainAndTheNoticeSaysSo)
{
    const TempDir dir("background");
    const auto file = writeImage(dir.path() / "parts.sqlite");
    scrambleRootPage(file, "memory");
    const Catalog catalog = Catalog::loadFileGpusFirst(file);
    const std::string notice = catalog.completionNotice();
    EXPECT_NE(notice.find("Only the GPU models"), std::string::npos) << notice;
    EXPECT_TRUE(catalog.parts(Category::Memory).empty());
    EXPECT_EQ(catalog.parts(Category::Gpu).size(), catalog.chips().size());  // the models read first remain
    EXPECT_TRUE(std::filesystem::exists(file));  // nobody asked to move the user's file
}

TEST(CatalogBackgroundLoad, UnreadableFileFailsAtOnce)
{
    const TempDir dir("background");
    const auto file = dir.path() / "parts.sqlite";
    std::ofstream(file, std::ios::binary) << std::string(20000, '\x42');
    EXPECT_THROW(Catalog::loadFileGpusFirst(file), CatalogError);
    EXPECT_THROW(Catalog::loadFileGpusFirst(dir.path() / "missing.sqlite"), CatalogError);
}
