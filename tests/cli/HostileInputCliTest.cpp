// Issue 16 through the real mlrig-cli: files that are not files, a full disk during export,
// and text that tries to rewrite the terminal or disguise a part name.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <string>

#include "tests/cli/CliRunner.h"
#include "tests/support/Files.h"

using mlrig::test::runCli;
using mlrig::testsupport::readFile;
using mlrig::testsupport::TempDir;
using mlrig::testsupport::writeFile;

namespace {

using Clock = std::chrono::steady_clock;

const std::string kRlo = "\xE2\x80\xAE";  // U+202E RIGHT-TO-LEFT OVERRIDE

}  // namespace

TEST(HostileInputCli, EvaluateOnAFifoReturnsWithinASecond)
{
    // Before: the CLI blocked in open() until something wrote to the FIFO, for ever.
    const TempDir dir("fifo");
    const auto fifo = dir.file("build.mlrig");
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    const auto start = Clock::now();
    const auto r = runCli({"evaluate", fifo.string()});
    EXPECT_LT(Clock::now() - start, std::chrono::seconds(1));
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("is a FIFO (named pipe), not a file"), std::string::npos) << r.err;
}

TEST(HostileInputCli, EvaluateOnADeviceReturnsWithinASecond)
{
    // Before: `evaluate /dev/zero` read 4 GB in 20 s, then failed with "unexpected end of input".
    const auto start = Clock::now();
    const auto r = runCli({"evaluate", "/dev/zero"});
    EXPECT_LT(Clock::now() - start, std::chrono::seconds(1));
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("is a character device, not a file"), std::string::npos) << r.err;
}

TEST(HostileInputCli, HugePriceIsABadInputNotACrash)
{
    // Before: md/pdf export exited 2 with an internal substr message and evaluate printed
    // "total": null. Now the file is refused on load, naming the place.
    const TempDir dir("price");
    const auto path = dir.file("huge.mlrig");
    ASSERT_TRUE(writeFile(path, R"({"format": "mlrig-build", "version": 1, "name": "x", "parts": [)"
                                R"({"category": "gpu", "ref": "NVIDIA GeForce RTX 3090", "price": 1.8e306}]})"));
    for (const std::string to : {"out.md", "out.csv"}) {
        const auto r = runCli({"export", path.string(), "--to", dir.file(to).string()});
        EXPECT_EQ(r.exitCode, 2) << to;
        EXPECT_NE(r.err.find("parts[0].price"), std::string::npos) << r.err;
        EXPECT_NE(r.err.find("larger than 1,000,000"), std::string::npos) << r.err;
        EXPECT_EQ(r.err.find("substr"), std::string::npos) << r.err;
        EXPECT_FALSE(std::filesystem::exists(dir.file(to)));
    }
    const auto e = runCli({"evaluate", path.string()});
    EXPECT_EQ(e.exitCode, 2);
}

TEST(HostileInputCli, ExportOnAFullDiskKeepsThePreviousFile)
{
    // Before: the export truncated the previous file first; on a full disk it was lost.
    const TempDir dir("full");
    const auto build = dir.file("b.mlrig");
    ASSERT_TRUE(writeFile(build, R"({"format": "mlrig-build", "version": 1, "name": ")" + std::string(6000, 'n') +
                                     R"(", "parts": []})"));
    for (const std::string to : {"out.md", "out.csv"}) {
        const auto out = dir.file(to);
        ASSERT_TRUE(writeFile(out, "previous export\n"));
        mlrig::test::CliResult r;
        {
            const mlrig::testsupport::FileSizeLimit full(4096);  // inherited by the CLI
            r = runCli({"export", build.string(), "--to", out.string()});
        }
        EXPECT_EQ(r.exitCode, 2) << to << ": " << r.err;
        EXPECT_NE(r.err.find("cannot save"), std::string::npos) << r.err;
        EXPECT_EQ(readFile(out), "previous export\n") << to;
    }
}

TEST(HostileInputCli, ControlAndBidiCharactersAreShownNotPassedOn)
{
    // Before: Markdown and stderr carried raw ESC, BEL and U+202E.
    const TempDir dir("bidi");
    const auto path = dir.file("b.mlrig");
    const std::string name = "GPU" + kRlo + "0909 XTR \\u001b[31mred\\u0007";
    ASSERT_TRUE(writeFile(path, R"({"format": "mlrig-build", "version": 1, "name": ")" + name +
                                    R"(", "parts": [{"category": "gpu", "custom": {"name": ")" + name +
                                    R"(", "vram_gb": 24, "tdp_w": 350}}]})"));
    const auto md = dir.file("b.md");
    const auto r = runCli({"export", path.string(), "--to", md.string()});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const std::string markdown = readFile(md);
    EXPECT_EQ(markdown.find(kRlo), std::string::npos);
    EXPECT_EQ(markdown.find('\x1b'), std::string::npos);
    EXPECT_EQ(markdown.find('\x07'), std::string::npos);
    EXPECT_NE(markdown.find("U+202E"), std::string::npos) << markdown;
    const auto csv = dir.file("b.csv");
    ASSERT_EQ(runCli({"export", path.string(), "--to", csv.string()}).exitCode, 0);
    EXPECT_EQ(readFile(csv).find(kRlo), std::string::npos);
    EXPECT_NE(readFile(csv).find("<U+202E>"), std::string::npos);
    // stdout of evaluate (text and JSON) and an error message naming the bad value.
    const auto text = runCli({"evaluate", path.string(), "--format", "text"});
    EXPECT_EQ(text.out.find(kRlo), std::string::npos);
    EXPECT_EQ(text.out.find('\x1b'), std::string::npos);
    const auto bad = dir.file("bad.mlrig");
    ASSERT_TRUE(writeFile(bad, R"({"format": "mlrig-build", "version": 1, "parts": [{"category": "gpu", "ref": ")" + name +
                                   R"("}]})"));
    const auto err = runCli({"evaluate", bad.string()});
    EXPECT_EQ(err.exitCode, 2);
    EXPECT_EQ(err.err.find(kRlo), std::string::npos) << err.err;
    EXPECT_EQ(err.err.find('\x1b'), std::string::npos) << err.err;
    EXPECT_NE(err.err.find("<U+202E>"), std::string::npos) << err.err;
}

TEST(HostileInputCli, ImportThatWouldMakeAnUnopenableBuildIsRefused)
{
    // Before: a 9 MB list of 8,000 long custom names imported (exit 0) into a 10 MB build that
    // mlrig-cli and the app then refused to open.
    const TempDir dir("big-import");
    std::string list = "PCPartPicker Part List\n\n";
    for (int i = 0; i < 8000; ++i)
        list += "Storage: Custom Storage Box " + std::to_string(i) + " " + std::string(1100, 'q') + "  ($1.00)\n";
    const auto path = dir.file("list.txt");
    ASSERT_TRUE(writeFile(path, list));
    const auto r = runCli({"import", path.string()});
    EXPECT_EQ(r.exitCode, 2) << r.err.substr(0, 400);
    EXPECT_NE(r.err.find("more than the 8 MB a build file may hold"), std::string::npos) << r.err.substr(r.err.size() > 400 ? r.err.size() - 400 : 0);
    EXPECT_EQ(r.out, "");
}
