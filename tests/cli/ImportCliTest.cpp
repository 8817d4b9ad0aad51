// mlrig-cli import FILE / import-prices FILE, end to end with the embedded catalog.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

#include "tests/cli/CliRunner.h"
#include "tests/support/Files.h"

using mlrig::test::runCli;
using mlrig::testsupport::processTempDir;

namespace {

std::string fixture(const std::string& name)
{
    return std::string(MLRIG_CLI_TEST_DIR) + "/../data/import/" + name;
}

void expectOneLineError(const mlrig::test::CliResult& r, const std::string& file, const std::string& reason)
{
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.err, "mlrig-cli: " + file + ": " + reason + "\n");
    EXPECT_TRUE(r.out.empty());
}

}  // namespace

TEST(ImportCli, TextListBecomesABuildThatEvaluates)
{
    const auto r = runCli({"import", fixture("pcpp-text-odd-prices.txt")});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto doc = nlohmann::json::parse(r.out);
    EXPECT_EQ(doc["format"], "mlrig-build");
    EXPECT_EQ(doc["currency"], "USD");
    ASSERT_EQ(doc["parts"].size(), 8u);
    EXPECT_EQ(doc["parts"][0]["category"], "cpu");
    EXPECT_EQ(doc["parts"][0]["ref"], "AMD Ryzen 9 7950X");
    EXPECT_DOUBLE_EQ(doc["parts"][0]["price"].get<double>(), 499.0);
    EXPECT_NE(r.err.find("skipped     Operating System: Microsoft Windows 11 Pro"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("skipped     Monitor:"), std::string::npos);

    // What import writes, evaluate reads.
    const auto file = processTempDir() / "imported.mlrig";
    std::ofstream(file) << r.out;
    const auto eval = runCli({"evaluate", file.string()});
    EXPECT_EQ(eval.exitCode, 0) << eval.err;
}

TEST(ImportCli, MarkdownAndTwoGpuListsImport)
{
    const auto md = runCli({"import", fixture("pcpp-markdown.md")});
    ASSERT_EQ(md.exitCode, 0) << md.err;
    EXPECT_EQ(nlohmann::json::parse(md.out)["parts"].size(), 8u);
    EXPECT_NE(md.err.find("skipped     Case Fan"), std::string::npos);

    const auto eur = runCli({"import", fixture("pcpp-two-gpu-eur.txt")});
    ASSERT_EQ(eur.exitCode, 0) << eur.err;
    const auto doc = nlohmann::json::parse(eur.out);
    EXPECT_EQ(doc["currency"], "EUR");
    bool twoGpus = false, unicodeCase = false;
    for (const auto& part : doc["parts"]) {
        if (part["category"] == "gpu" && part.value("quantity", 1) == 2)
            twoGpus = true;
        if (part["category"] == "case" && part.contains("custom") &&
            part["custom"]["name"].get<std::string>().find("Geh\xC3\xA4use") != std::string::npos)
            unicodeCase = true;
    }
    EXPECT_TRUE(twoGpus) << eur.out;
    EXPECT_TRUE(unicodeCase) << eur.out;
}

TEST(ImportCli, BadInputsExitTwoWithOneLine)
{
    expectOneLineError(runCli({"import", fixture("empty.txt")}), fixture("empty.txt"), "file is empty");
    expectOneLineError(runCli({"import", fixture("binary.bin")}), fixture("binary.bin"),
                       "binary data (NUL bytes), not a text part list or CSV");
    expectOneLineError(runCli({"import", fixture("invalid-utf8.txt")}), fixture("invalid-utf8.txt"),
                       "not UTF-8 text (invalid byte at offset 23)");
    const auto prose = runCli({"import", fixture("not-a-list.txt")});
    EXPECT_EQ(prose.exitCode, 2);
    EXPECT_NE(prose.err.find("no PCPartPicker part lines found"), std::string::npos);
    const auto missing = runCli({"import", fixture("no-such-file.txt")});
    EXPECT_EQ(missing.exitCode, 2);
    EXPECT_NE(missing.err.find("no such file"), std::string::npos) << missing.err;
}

TEST(ImportCli, FiftyMegabyteFileIsRefused)
{
    const auto path = processTempDir() / "huge.txt";
    {
        std::ofstream out(path, std::ios::binary);
        const std::string line(1023, 'x');
        for (int i = 0; i < 50 * 1024; ++i)
            out << line << '\n';
    }
    const auto r = runCli({"import", path.string()});
    expectOneLineError(r, path.string(), "file is 50 MB, more than the 10 MB limit for an import");
    std::filesystem::remove(path);
}

TEST(ImportCli, PriceCsvPrintsMatchesAndSummary)
{
    // prices.csv has one row whose price is not a number: the others are printed, that row is
    // named, and the exit code says the import was partial.
    const auto r = runCli({"import-prices", fixture("prices.csv")});
    ASSERT_EQ(r.exitCode, 4) << r.err;
    EXPECT_NE(r.out.find("\t489.00\tEUR\texact\tAMD Ryzen 9 7950X\n"), std::string::npos) << r.out;
    EXPECT_NE(r.err.find("row 5: Some Unknown Gadget 3000: no catalog part matches"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("row 6: Corsair RM850x (2021) 850 W 80+ Gold: refused: price \"not a price\" is not a number"),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("1 row not matched, 1 row refused"), std::string::npos);
}

// Issue 16, item 8: out-of-range and malformed prices were changed silently, with exit 0.
TEST(ImportCli, BadPricesAreNeverChanged)
{
    const auto dir = processTempDir();
    const auto list = dir / "bad-prices.txt";
    std::ofstream(list) << "CPU: AMD Ryzen 9 7950X 4.5 GHz 16-Core Processor  ($499.00 @ Amazon)\n"
                           "Video Card: Zotac GAMING Trinity GeForce RTX 3090 24 GB Video Card  ($-749.00 @ eBay)\n";
    const auto r = runCli({"import", list.string()});
    expectOneLineError(r, list.string(),
                       "line 2: price \"$-749.00 @ eBay\" is negative (a price is 0 or more) (nothing imported)");

    const auto sheet = dir / "bad-prices.csv";
    std::ofstream(sheet) << "name,price,currency\n"
                            "AMD Ryzen 9 7950X,499.00,USD\n"
                            "AMD Ryzen 9 7900X,1e400,USD\n"
                            "AMD Ryzen 9 7900X,0x1F,USD\n"
                            "AMD Ryzen 9 7900X,-749,USD\n"
                            "AMD Ryzen 9 7900X,0.00000000001,USD\n"
                            "AMD Ryzen 9 7900X,359.00,ABCDEFGHIJKLMNOPQRSTUVWXYZ\n";
    const auto p = runCli({"import-prices", sheet.string()});
    EXPECT_EQ(p.exitCode, 4) << p.err;
    EXPECT_EQ(std::count(p.out.begin(), p.out.end(), '\n'), 1) << p.out;  // only the good row
    EXPECT_NE(p.out.find("\t499.00\tUSD\t"), std::string::npos) << p.out;
    for (const char* row : {"row 3: AMD Ryzen 9 7900X: refused: price \"1e400\"", "row 4: AMD Ryzen 9 7900X: refused: price \"0x1F\"",
                            "row 5: AMD Ryzen 9 7900X: refused: price \"-749\"",
                            "row 6: AMD Ryzen 9 7900X: refused: price \"0.00000000001\"",
                            "row 7: AMD Ryzen 9 7900X: refused: currency \"ABCDEFGHIJKLMNOPQRSTUVWXYZ\""})
        EXPECT_NE(p.err.find(row), std::string::npos) << row << "\n" << p.err;

    const auto currency = runCli({"import-prices", fixture("prices.csv"), "--currency", "EURO"});
    EXPECT_EQ(currency.exitCode, 2);
    EXPECT_NE(currency.err.find("default currency \"EURO\" is not an ISO 4217 code"), std::string::npos) << currency.err;
}

TEST(ImportCli, VariantMismatchQuantityAndTotalAreReported)
{
    const auto list = processTempDir() / "variants.txt";
    std::ofstream(list) << "Memory: Corsair Vengeance RGB 64 GB (2 x 32 GB) DDR5-6000 CL36 Memory  ($189.99 @ Amazon)\n"
                           "Video Card: 2 x GeForce RTX 3090 ($700.00 @ eBay)\n"
                           "Total: $2,584.90\n";
    const auto r = runCli({"import", list.string()});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.err.find("custom      Memory: Corsair Vengeance RGB 64 GB (2 x 32 GB) DDR5-6000 CL36 Memory (closest match "),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find(", differs in: "), std::string::npos) << r.err;  // the built-in catalog has no CL36 kit of this size
    EXPECT_NE(r.err.find("Video Card: 2 x GeForce RTX 3090 -> GeForce RTX 3090"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("warning: the list's total is USD 2584.90 but its lines add up to USD 1589.99"), std::string::npos)
        << r.err;
    const auto doc = nlohmann::json::parse(r.out);
    ASSERT_EQ(doc["parts"].size(), 2u);
    EXPECT_EQ(doc["parts"][1]["quantity"], 2);
}
