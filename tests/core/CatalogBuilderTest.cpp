#include <gtest/gtest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <fstream>

#include "core/catalog/Catalog.h"
#include "db/builder/CatalogBuilder.h"
#include "tests/support/Files.h"

using namespace mlrig;
using mlrig::testsupport::TempDir;

namespace {

std::filesystem::path fixtureDir()
{
    return std::filesystem::path(MLRIG_TEST_DATA_DIR) / "catalog-source";
}

Catalog buildFixture(const TempDir& dir)
{
    const auto out = dir.path() / "parts.sqlite";
    buildCatalog(fixtureDir(), MLRIG_SCHEMA_SQL, out);
    return Catalog::loadFile(out);
}

}  // namespace

TEST(CatalogBuilder, BuildsEveryTableFromTheFixture)
{
    const TempDir dir("catalog-builder");
    const auto report = buildCatalog(fixtureDir(), MLRIG_SCHEMA_SQL, dir.path() / "parts.sqlite");
    EXPECT_EQ(report.rowsPerTable.at("cpu"), 2u);
    EXPECT_EQ(report.rowsPerTable.at("gpu"), 2u);
    EXPECT_EQ(report.rowsPerTable.at("pc_case"), 1u);
    EXPECT_EQ(report.rowsPerTable.at("gpu_chip"), 2u);
    EXPECT_FALSE(std::filesystem::exists(dir.path() / "parts.sqlite.tmp"));
    SQLite::Database db((dir.path() / "parts.sqlite").string());
    EXPECT_EQ(db.execAndGet("PRAGMA user_version").getInt(), 3);
    EXPECT_EQ(report.rowsPerTable.at("unified_chip"), 2u);
    EXPECT_EQ(report.rowsPerTable.at("unified_system"), 2u);
}

TEST(CatalogBuilder, UnknownStaysNullAndZeroStaysZero)
{
    const TempDir dir("catalog-builder");
    const Catalog catalog = buildFixture(dir);
    const auto* zero = catalog.findById("hdd-zero");
    ASSERT_NE(zero, nullptr);
    const auto& drive = std::get<Storage>(*zero);
    EXPECT_FALSE(drive.capacityGb.has_value());        // null in the source
    ASSERT_TRUE(drive.info.priceUsd.has_value());       // 0 in the source is a value
    EXPECT_EQ(*drive.info.priceUsd, 0.0);
    const auto& intel = std::get<Cpu>(*catalog.findById("cpu-13600k"));
    EXPECT_FALSE(intel.pptW.has_value());
    EXPECT_FALSE(intel.info.priceUsd.has_value());
    const auto& board = std::get<Motherboard>(*catalog.findById("mb-b760"));
    ASSERT_TRUE(board.m2Slots.has_value());
    EXPECT_EQ(*board.m2Slots, 0);
    EXPECT_FALSE(board.maxMemoryGb.has_value());
}

TEST(CatalogBuilder, BadSourceLineIsReportedWithFileAndLine)
{
    const TempDir dir("catalog-builder");
    const auto src = dir.path() / "src";
    std::filesystem::copy(fixtureDir(), src);
    {
        std::ofstream cpu(src / "cpu.jsonl", std::ios::app);
        cpu << "{\"id\":\"broken\",\"name\":\"Broken\",\n";
    }
    try {
        buildCatalog(src, MLRIG_SCHEMA_SQL, dir.path() / "parts.sqlite");
        FAIL() << "expected CatalogBuildError";
    } catch (const CatalogBuildError& e) {
        EXPECT_NE(std::string(e.what()).find("cpu.jsonl:3"), std::string::npos) << e.what();
    }
    EXPECT_FALSE(std::filesystem::exists(dir.path() / "parts.sqlite"));
    EXPECT_FALSE(std::filesystem::exists(dir.path() / "parts.sqlite.tmp"));
}

TEST(CatalogBuilder, ChipRowWithoutSourceIsRejected)
{
    const TempDir dir("catalog-builder");
    const auto src = dir.path() / "src";
    std::filesystem::copy(fixtureDir(), src);
    {
        std::ofstream chips(src / "gpu_chips.csv", std::ios::app);
        chips << "Nameless GPU,nvidia,consumer,Ampere,2020,8,400,10,,10,200,300,250,2,1,0,false,open,1,,,,\n";
    }
    EXPECT_THROW(buildCatalog(src, MLRIG_SCHEMA_SQL, dir.path() / "parts.sqlite"), CatalogBuildError);
}

TEST(CatalogBuilder, NonNumericCellNamesTheColumn)
{
    const TempDir dir("catalog-builder");
    const auto src = dir.path() / "src";
    std::filesystem::copy(fixtureDir(), src);
    {
        std::ofstream chips(src / "gpu_chips.csv", std::ios::app);
        chips << "Odd GPU,nvidia,consumer,Ampere,2020,lots,400,10,,10,200,300,250,2,1,0,false,open,1,,,,src\n";
    }
    try {
        buildCatalog(src, MLRIG_SCHEMA_SQL, dir.path() / "parts.sqlite");
        FAIL();
    } catch (const CatalogBuildError& e) {
        EXPECT_NE(std::string(e.what()).find("vram_gb"), std::string::npos) << e.what();
    }
}

TEST(Catalog, LookupByIdNameAndGpuModelIsCaseInsensitive)
{
    const TempDir dir("catalog-builder");
    const Catalog catalog = buildFixture(dir);
    EXPECT_NE(catalog.find(Category::Cpu, "CPU-7950X"), nullptr);
    EXPECT_NE(catalog.find(Category::Cpu, "amd ryzen 9 7950x"), nullptr);
    EXPECT_EQ(catalog.find(Category::Gpu, "amd ryzen 9 7950x"), nullptr);  // wrong category
    const AnyPart* model = catalog.find(Category::Gpu, "geforce rtx 3090");
    ASSERT_NE(model, nullptr);
    EXPECT_EQ(infoOf(*model).name, "GeForce RTX 3090");
    EXPECT_TRUE(infoOf(*model).priceIsMsrp);
    EXPECT_NE(catalog.chip("NVIDIA GeForce RTX 3090"), nullptr);
    EXPECT_EQ(catalog.find(Category::Gpu, ""), nullptr);
}

TEST(Catalog, PartnerCardsAreCompletedFromTheirGpuModel)
{
    const TempDir dir("catalog-builder");
    const Catalog catalog = buildFixture(dir);
    const auto& strix = std::get<Gpu>(*catalog.findById("gpu-3090-strix"));
    EXPECT_EQ(strix.chipModel, "GeForce RTX 3090");
    ASSERT_TRUE(strix.memoryBandwidthGbs.has_value());
    EXPECT_DOUBLE_EQ(*strix.memoryBandwidthGbs, 936);
    EXPECT_DOUBLE_EQ(*strix.tdpW, 390);  // its own figure wins
    // Transient peak scales with the card's own board power: 600 * 390 / 350.
    EXPECT_NEAR(*strix.transientPeakW, 600.0 * 390 / 350, 1e-9);
    EXPECT_EQ(*strix.pcie8pin, 3);
    const auto& mystery = std::get<Gpu>(*catalog.findById("gpu-unknown-len"));
    EXPECT_DOUBLE_EQ(*mystery.lengthMm, 313);  // filled from the reference design
}

TEST(Catalog, SearchMatchesAllWordsAnywhere)
{
    const TempDir dir("catalog-builder");
    const Catalog catalog = buildFixture(dir);
    EXPECT_EQ(catalog.search(Category::Gpu, "strix 3090").size(), 1u);
    EXPECT_EQ(catalog.search(Category::Gpu, "3090").size(), 3u);  // two cards + the model row
    EXPECT_EQ(catalog.search(Category::Gpu, "").size(), 4u);
    EXPECT_EQ(catalog.search(Category::Gpu, "3090", 1).size(), 1u);
    EXPECT_TRUE(catalog.search(Category::Gpu, "radeon").empty());
}

TEST(Catalog, MissingOrCorruptFileThrowsCatalogError)
{
    const TempDir dir("catalog-builder");
    EXPECT_THROW(Catalog::loadFile(dir.path() / "absent.sqlite"), CatalogError);
    std::ofstream(dir.path() / "junk.sqlite", std::ios::binary) << std::string(8192, '\x5a');
    EXPECT_THROW(Catalog::loadFile(dir.path() / "junk.sqlite"), CatalogError);
    {
        SQLite::Database db((dir.path() / "old.sqlite").string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec("PRAGMA user_version = 0; CREATE TABLE cpu (id TEXT)");
    }
    try {
        Catalog::loadFile(dir.path() / "old.sqlite");
        FAIL();
    } catch (const CatalogError& e) {
        EXPECT_NE(std::string(e.what()).find("schema version 0"), std::string::npos) << e.what();
    }
}
