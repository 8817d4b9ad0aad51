#include <gtest/gtest.h>

#include <regex>
#include <sstream>

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
