// mlrig-cli export BUILD --to FILE, end to end on the built binary and the embedded catalog.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

#include "tests/cli/CliRunner.h"
#include "tests/support/Files.h"

using mlrig::test::runCli;
using mlrig::testsupport::processTempDir;
using mlrig::testsupport::readFile;

namespace {

std::string build(const std::string& name)
{
    return std::string(MLRIG_CLI_TEST_DIR) + "/builds/" + name;
}

size_t countLines(const std::string& text)
{
    return static_cast<size_t>(std::count(text.begin(), text.end(), '\n'));
}

}  // namespace

TEST(ExportCli, CsvHasOneRowPerPartAndTheEvaluatedTotal)
{
    const auto out = processTempDir() / "build.csv";
    const auto r = runCli({"export", build("2x3090-llm.mlrig"), "--to", out.string()});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const std::string csv = readFile(out);
    EXPECT_TRUE(csv.starts_with("Category,Name,Quantity,Unit price,Currency,Line total"));
    EXPECT_EQ(countLines(csv), 1u + 8u + 1u);  // header, 8 parts, total
    const auto eval = runCli({"evaluate", build("2x3090-llm.mlrig")});
    ASSERT_EQ(eval.exitCode, 0);
    const double total = nlohmann::json::parse(eval.out)["cost"]["total"].get<double>();
    char expected[64];
    std::snprintf(expected, sizeof expected, "Total,2x3090 LLM box,9,,USD,%.2f,", total);
    EXPECT_NE(csv.find(expected), std::string::npos) << csv;
}

TEST(ExportCli, MarkdownIsAForumTableWithFindingsAndPower)
{
    const auto out = processTempDir() / "build.md";
    const auto r = runCli({"export", build("2x3090-llm.mlrig"), "--to", out.string()});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const std::string md = readFile(out);
    EXPECT_NE(md.find("Type|Item|Price\n:----|:----|:----\n"), std::string::npos);
    EXPECT_NE(md.find("**Video Card** | GeForce RTX 3090 | $700.00 (used)"), std::string::npos) << md;
    EXPECT_NE(md.find(" | **Total** | **$"), std::string::npos);
    EXPECT_NE(md.find("**Findings**"), std::string::npos);
    // The NVLink note by its message; its rule id is for the JSON, not for a forum post.
    EXPECT_NE(md.find("- **Note**: These GeForce RTX 3090 cards support NVLink"), std::string::npos) << md;
    EXPECT_EQ(md.find("nvlink"), std::string::npos) << md;
    EXPECT_NE(md.find("**Power**"), std::string::npos);
    EXPECT_NE(md.find("**Workload**"), std::string::npos);
}

TEST(ExportCli, PdfOrAClearRefusal)
{
    const auto out = processTempDir() / "build.pdf";
    const auto r = runCli({"export", build("2x3090-llm.mlrig"), "--to", out.string()});
    if (r.exitCode == 2 && r.err.find("PDF export needs the desktop build") != std::string::npos)
        GTEST_SKIP() << "mlrig-cli built without the desktop (MLRIG_BUILD_GUI=OFF)";
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_TRUE(r.err.empty()) << r.err;  // no Qt platform chatter on stderr
    EXPECT_TRUE(readFile(out).starts_with("%PDF"));
}

// A part name with characters no font has (plane-16 private use): the PDF is written, and the
// CLI says on stderr which characters could not be drawn instead of dropping them silently.
TEST(ExportCli, PdfWarnsAboutCharactersNoFontHas)
{
    const auto source = processTempDir() / "undrawable.mlrig";
    {
        std::ofstream f(source);
        f << R"({"format": "mlrig-build", "version": 1, "name": "Rig \uDBFF\uDFFD", "currency": "USD",
                 "parts": [{"category": "storage", "custom": {"name": "Disk \uDBFF\uDFFD", "capacity_gb": 1000}, "price": 80}]})";
    }
    const auto out = processTempDir() / "undrawable.pdf";
    const auto r = runCli({"export", source.string(), "--to", out.string()});
    if (r.exitCode == 2 && r.err.find("PDF export needs the desktop build") != std::string::npos)
        GTEST_SKIP() << "mlrig-cli built without the desktop (MLRIG_BUILD_GUI=OFF)";
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_TRUE(readFile(out).starts_with("%PDF"));
    EXPECT_NE(r.err.find("warning: "), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("U+10FFFD"), std::string::npos) << r.err;
}

TEST(ExportCli, BadArgumentsExitTwo)
{
    const auto unknown = runCli({"export", build("2x3090-llm.mlrig"), "--to", (processTempDir() / "x.docx").string()});
    EXPECT_EQ(unknown.exitCode, 2);
    EXPECT_NE(unknown.err.find("unknown export format \".docx\""), std::string::npos) << unknown.err;
    const auto broken = runCli({"export", build("broken-json.mlrig"), "--to", (processTempDir() / "x.csv").string()});
    EXPECT_EQ(broken.exitCode, 2);
    EXPECT_EQ(countLines(broken.err), 1u) << broken.err;
    const auto unwritable = runCli({"export", build("2x3090-llm.mlrig"), "--to", "/nonexistent-dir/x.md"});
    EXPECT_EQ(unwritable.exitCode, 2);
    EXPECT_NE(unwritable.err.find("cannot save /nonexistent-dir/x.md"), std::string::npos) << unwritable.err;
}

// mlrig-cli links no Qt; its PDF export is mlrig-pdf-writer, run in its place. A mlrig-cli with no
// writer beside it (a build without the desktop, or a copy on its own) refuses `--to x.pdf` with
// one clear line and writes nothing, and its other exports still work.
TEST(ExportCli, PdfWithoutTheWriterIsAClearRefusal)
{
    const auto dir = processTempDir() / "cli-alone";
    std::filesystem::create_directories(dir);
    const auto alone = dir / "mlrig-cli";
    std::filesystem::copy_file(MLRIG_CLI, alone, std::filesystem::copy_options::overwrite_existing);
    const auto pdf = dir / "build.pdf";
    const auto r = mlrig::test::runProgram(alone.string(), {"export", build("2x3090-llm.mlrig"), "--to", pdf.string()});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("mlrig-cli: PDF export needs the desktop build's mlrig-pdf-writer"), std::string::npos)
        << r.err;
    EXPECT_EQ(countLines(r.err), 1u) << r.err;
    EXPECT_FALSE(std::filesystem::exists(pdf));
    const auto csv = mlrig::test::runProgram(alone.string(),
                                             {"export", build("2x3090-llm.mlrig"), "--to", (dir / "b.csv").string()});
    EXPECT_EQ(csv.exitCode, 0) << csv.err;
}

// The writer gives the same one-line errors and exit codes as mlrig-cli itself.
TEST(ExportCli, PdfErrorsComeFromTheWriterAsFromMlrigCli)
{
    const auto r = runCli({"export", build("broken-json.mlrig"), "--to", (processTempDir() / "broken.pdf").string()});
    if (r.exitCode == 2 && r.err.find("PDF export needs the desktop build") != std::string::npos)
        GTEST_SKIP() << "mlrig-cli built without the desktop (MLRIG_BUILD_GUI=OFF)";
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.starts_with("mlrig-cli: ")) << r.err;
    EXPECT_NE(r.err.find("broken-json.mlrig"), std::string::npos) << r.err;
    EXPECT_EQ(countLines(r.err), 1u) << r.err;
    EXPECT_FALSE(std::filesystem::exists(processTempDir() / "broken.pdf"));
}
