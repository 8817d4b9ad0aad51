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
    const auto r = runCli({"import-prices", fixture("prices.csv")});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("\t489.00\tEUR\texact\tAMD Ryzen 9 7950X\n"), std::string::npos) << r.out;
    EXPECT_NE(r.err.find("row 5: Some Unknown Gadget 3000: no catalog part matches"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("row(s) not matched"), std::string::npos);
}
