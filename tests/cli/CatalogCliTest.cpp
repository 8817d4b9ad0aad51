#include <gtest/gtest.h>

#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "tests/cli/CliRunner.h"
#include "tests/support/Files.h"

using mlrig::test::runCli;

TEST(CatalogCli, StatsListsEveryCategoryWithThousandsOfOpenDbRows)
{
    const auto r = runCli({"catalog", "stats"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    for (const char* category : {"cpu", "motherboard", "memory", "gpu", "psu", "case", "cooler", "storage"}) {
        std::istringstream lines(r.out);
        std::string line;
        bool seen = false;
        while (std::getline(lines, line)) {
            std::istringstream fields(line);
            std::string name;
            long count = 0;
            fields >> name >> count;
            if (name == category) {
                seen = true;
                EXPECT_GT(count, 700) << category;  // OpenDB has 789 CPUs and thousands of the rest
            }
        }
        EXPECT_TRUE(seen) << category << " missing in:\n" << r.out;
    }
    EXPECT_NE(r.out.find("gpu-models"), std::string::npos);
}

TEST(CatalogCli, ShowPrintsTheGpuModelRowWithItsSource)
{
    const auto r = runCli({"catalog", "show", "GeForce RTX 3090"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("GPU model:        GeForce RTX 3090"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("VRAM:             24 GB"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("memory bandwidth: 936 GB/s"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("source:"), std::string::npos);
}

TEST(CatalogCli, ShowPrintsMarketPricesWithMonthAndSource)
{
    const auto r = runCli({"catalog", "show", "GeForce RTX 3090"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("used price:"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("market prices (month, condition, USD, source):"), std::string::npos) << r.out;
    // Every market row prints a YYYY-MM month and a source URL.
    std::istringstream lines(r.out.substr(r.out.find("market prices (")));
    std::string line;
    std::getline(lines, line);
    int rows = 0;
    const std::regex row(R"(^  20\d\d-(0[1-9]|1[0-2])  (new |used)  +\d+\.\d\d.*  https?://\S+$)");
    while (std::getline(lines, line)) {
        ++rows;
        EXPECT_TRUE(std::regex_match(line, row)) << line;
    }
    EXPECT_GE(rows, 10) << r.out;
    const auto stats = runCli({"catalog", "stats"});
    EXPECT_NE(stats.out.find("retail prices: 2025-07"), std::string::npos) << stats.out;
    EXPECT_NE(stats.out.find("GPU market prices: "), std::string::npos) << stats.out;
}

TEST(CatalogCli, ShowIsCaseInsensitiveAndToleratesVendorPrefix)
{
    const auto r = runCli({"catalog", "show", "nvidia geforce rtx 4090"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("GeForce RTX 4090"), std::string::npos);
}

TEST(CatalogCli, UnknownPartExitsTwoWithOneLine)
{
    const auto r = runCli({"catalog", "show", "GeForce RTX 9999 Imaginary"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("no part or GPU model named"), std::string::npos) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1);
}

TEST(CatalogCli, CorruptCatalogFileIsAClearErrorNotACrash)
{
    const mlrig::testsupport::TempDir dir("catalog-cli");
    const auto path = dir.file("corrupt-catalog.sqlite");
    std::ofstream(path, std::ios::binary) << std::string(4096, 'x');
    const auto r = runCli({"--catalog", path.string(), "catalog", "stats"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("catalog"), std::string::npos) << r.err;
}

TEST(CatalogCli, SearchFindsPartsByAllWords)
{
    const auto r = runCli({"catalog", "search", "rtx 4090", "--category", "gpu", "--limit", "5"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_FALSE(r.out.empty());
    std::istringstream lines(r.out);
    std::string line;
    int n = 0;
    while (std::getline(lines, line)) {
        ++n;
        std::string lower = line;
        for (char& c : lower)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        EXPECT_NE(lower.find("4090"), std::string::npos) << line;
    }
    EXPECT_LE(n, 5);
}

namespace {

// The tab-separated lines of `catalog search`: id, name, price ("-" when unknown), price origin.
std::vector<std::vector<std::string>> searchRows(const std::string& out)
{
    std::vector<std::vector<std::string>> rows;
    std::istringstream lines(out);
    std::string line;
    while (std::getline(lines, line)) {
        std::vector<std::string> fields;
        std::istringstream cells(line);
        std::string cell;
        while (std::getline(cells, cell, '\t'))
            fields.push_back(cell);
        rows.push_back(fields);
    }
    return rows;
}

}  // namespace

TEST(CatalogCli, SearchMatchesAsThePickerDoesBestFirstWithFilters)
{
    // Typed without spaces or with a hyphen, as people type: the picker's matching and ranking.
    for (const char* typed : {"rtx3090", "RTX-3090"}) {
        const auto r = runCli({"catalog", "search", typed, "--limit", "5"});
        ASSERT_EQ(r.exitCode, 0) << r.err;
        const auto rows = searchRows(r.out);
        ASSERT_EQ(rows.size(), 5u) << typed;
        for (const auto& row : rows) {
            ASSERT_EQ(row.size(), 4u);
            EXPECT_NE(row[1].find("3090"), std::string::npos) << row[1];
            EXPECT_EQ(row[1].find("3090 Ti"), std::string::npos) << row[1];  // the plain 3090 first
            EXPECT_NE(row[2], "-") << row[1];                                  // priced first
        }
    }
    const auto ti = runCli({"catalog", "search", "4060ti 16gb", "--min-vram", "16", "--limit", "3"});
    ASSERT_EQ(ti.exitCode, 0) << ti.err;
    ASSERT_EQ(searchRows(ti.out).size(), 3u);
    const auto x3d = runCli({"catalog", "search", "7600x3d", "--category", "cpu"});
    ASSERT_EQ(x3d.exitCode, 0) << x3d.err;
    EXPECT_EQ(searchRows(x3d.out).size(), 1u) << x3d.out;  // two OpenDB ids, one product

    const auto psu = runCli({"catalog", "search", "", "--category", "psu", "--min-watts", "1000", "--atx3",
                             "--sort", "price", "--limit", "10"});
    ASSERT_EQ(psu.exitCode, 0) << psu.err;
    const auto psus = searchRows(psu.out);
    ASSERT_EQ(psus.size(), 10u);
    for (size_t k = 1; k < psus.size(); ++k)
        EXPECT_LE(std::stod(psus[k - 1][2]), std::stod(psus[k][2]));  // cheapest first
}

TEST(CatalogCli, SearchRefusesFiltersThatCannotApply)
{
    const auto wrong = runCli({"catalog", "search", "corsair", "--category", "psu", "--min-vram", "16"});
    EXPECT_EQ(wrong.exitCode, 2);
    EXPECT_NE(wrong.err.find("a psu has no minimum VRAM to filter on"), std::string::npos) << wrong.err;
    EXPECT_TRUE(wrong.out.empty());
    const auto negative = runCli({"catalog", "search", "rtx", "--min-vram", "-4"});
    EXPECT_EQ(negative.exitCode, 2);
    EXPECT_NE(negative.err.find("minimum VRAM must be a positive number of GB, not -4"), std::string::npos)
        << negative.err;
    const auto sort = runCli({"catalog", "search", "rtx", "--sort", "wattage"});
    EXPECT_EQ(sort.exitCode, 2);
    EXPECT_NE(sort.err.find("--sort wattage is not a sort for gpu (use value, price, vram)"), std::string::npos)
        << sort.err;
}
