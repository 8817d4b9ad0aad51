// Issue 16: what mlrig does with files that are not what they seem. The one reader
// (core/io/InputFile.h) refuses devices, FIFOs and directories at once and bounds its reading;
// the one writer (core/io/OutputFile.h) is atomic and keeps a file's identity: symlinks, mode,
// hard links, and an optional backup. Each test fails on the behaviour the issue reported.

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <limits>
#include <string>

#include <sys/stat.h>
#include <unistd.h>

#include "core/io/BuildDocument.h"
#include "core/io/ImportSource.h"
#include "core/io/InputFile.h"
#include "core/io/ModelFile.h"
#include "core/io/OutputFile.h"
#include "core/util/Format.h"
#include "tests/support/Files.h"

namespace mlrig {
namespace {

using Clock = std::chrono::steady_clock;

template <typename Error, typename Read>
std::string refusalWithin(Read&& read, std::chrono::milliseconds limit)
{
    const auto start = Clock::now();
    std::string message = "(no error)";
    try {
        read();
    } catch (const Error& e) {
        message = e.what();
    }
    EXPECT_LT(Clock::now() - start, limit) << message;
    return message;
}

TEST(InputFile, DeviceIsRefusedAtOnceByEveryReader)
{
    // Before: `mlrig-cli evaluate /dev/zero` read 4 GB in 20 s before failing.
    const std::filesystem::path zero = "/dev/zero";
    ASSERT_TRUE(std::filesystem::exists(zero));
    const auto second = std::chrono::milliseconds(1000);
    EXPECT_NE(refusalWithin<BuildFormatError>([&] { loadBuildFile(zero); }, second).find("character device"),
              std::string::npos);
    EXPECT_NE(refusalWithin<ImportError>([&] { readImportFile(zero); }, second).find("character device"),
              std::string::npos);
    EXPECT_NE(refusalWithin<ModelFileError>([&] { readModelFile(zero); }, second).find("character device"),
              std::string::npos);
    EXPECT_NE(refusalWithin<ModelFileError>([&] { readGgufHeader(zero); }, second).find("character device"),
              std::string::npos);
}

TEST(InputFile, FifoWithoutWriterDoesNotHang)
{
    // Before: opening a FIFO blocked until a writer came, hanging the CLI and the GUI at start.
    const testsupport::TempDir dir("fifo");
    const auto fifo = dir.file("build.mlrig");
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    const auto second = std::chrono::milliseconds(1000);
    EXPECT_NE(refusalWithin<BuildFormatError>([&] { loadBuildFile(fifo); }, second).find("FIFO"), std::string::npos);
    EXPECT_NE(refusalWithin<ImportError>([&] { readImportFile(fifo); }, second).find("FIFO"), std::string::npos);
    EXPECT_NE(refusalWithin<ModelFileError>([&] { readModelFile(fifo); }, second).find("FIFO"), std::string::npos);
}

TEST(InputFile, DirectoryAndMissingFileSayWhat)
{
    const testsupport::TempDir dir("input");
    EXPECT_EQ(refusalWithin<InputFileError>([&] { InputFile f(dir.path()); }, std::chrono::milliseconds(1000)),
              "is a directory, not a file");
    EXPECT_EQ(refusalWithin<InputFileError>([&] { InputFile f(dir.file("none")); }, std::chrono::milliseconds(1000)),
              "cannot be read: no such file");
}

TEST(InputFile, SizeLimitHoldsBeforeAndWhileReading)
{
    const testsupport::TempDir dir("input");
    const auto path = dir.file("big.txt");
    ASSERT_TRUE(testsupport::writeFile(path, std::string(2000, 'a')));
    EXPECT_EQ(readInputFile(path, 2000, "a test").size(), 2000u);
    EXPECT_THROW(readInputFile(path, 1999, "a test"), InputFileError);
    // The file grows after it was opened (a log being written): the read stops at the limit.
    InputFile file(path);
    ASSERT_TRUE(testsupport::writeFile(dir.file("more.txt"), std::string(5000, 'b')));
    {
        std::FILE* grow = std::fopen(path.c_str(), "ab");
        ASSERT_NE(grow, nullptr);
        const std::string more(5000, 'b');
        std::fwrite(more.data(), 1, more.size(), grow);
        std::fclose(grow);
    }
    try {
        file.readAll(3000, "a test");
        ADD_FAILURE() << "a file that grew past the limit was read";
    } catch (const InputFileError& e) {
        EXPECT_STREQ(e.what(), "grew past the 3000-byte limit for a test while it was read");
    }
}

TEST(InputFile, OversizedBuildFileIsRefusedWithTheLimit)
{
    const testsupport::TempDir dir("input");
    const auto path = dir.file("huge.mlrig");
    ASSERT_TRUE(testsupport::writeFile(path, std::string(kMaxBuildFileBytes + 1, ' ')));
    try {
        loadBuildFile(path);
        ADD_FAILURE() << "no error";
    } catch (const BuildFormatError& e) {
        EXPECT_STREQ(e.what(), "is 8.0 MB, more than the 8 MB limit for a build file");
    }
}

Build smallBuild(const std::string& name)
{
    Build b;
    b.name = name;
    return b;
}

TEST(OutputFile, SaveThroughSymlinkWritesTheTargetAndKeepsTheLink)
{
    // Before: Save replaced the link with a regular file and the target kept the old content.
    const testsupport::TempDir dir("save");
    const auto target = dir.file("real.mlrig");
    const auto link = dir.file("link.mlrig");
    saveBuildFile(smallBuild("first"), target);
    std::filesystem::create_symlink("real.mlrig", link);  // relative, as `ln -s` makes it
    saveBuildFile(smallBuild("second"), link);
    EXPECT_TRUE(std::filesystem::is_symlink(link));
    EXPECT_EQ(loadBuildFile(target).name, "second");
    EXPECT_EQ(resolveSaveTarget(link), dir.path() / "real.mlrig");
}

TEST(OutputFile, SaveKeepsTheFileMode)
{
    // Before: a 0600 build became 0644 on save.
    const testsupport::TempDir dir("save");
    const auto path = dir.file("private.mlrig");
    saveBuildFile(smallBuild("first"), path);
    ASSERT_EQ(::chmod(path.c_str(), 0600), 0);
    saveBuildFile(smallBuild("second"), path);
    struct stat st {};
    ASSERT_EQ(::stat(path.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 07777, 0600u);
    EXPECT_EQ(loadBuildFile(path).name, "second");
}

TEST(OutputFile, SaveKeepsHardLinksOneFile)
{
    // Before: the rename broke the link; the other name kept the old build.
    const testsupport::TempDir dir("save");
    const auto path = dir.file("a.mlrig");
    const auto other = dir.file("b.mlrig");
    saveBuildFile(smallBuild("first"), path);
    std::filesystem::create_hard_link(path, other);
    saveBuildFile(smallBuild("second"), path);
    EXPECT_EQ(loadBuildFile(other).name, "second");
    EXPECT_EQ(std::filesystem::hard_link_count(path), 2u);
}

TEST(OutputFile, BackupKeepsThePreviousVersion)
{
    const testsupport::TempDir dir("save");
    const auto path = dir.file("b.mlrig");
    saveBuildFile(smallBuild("first"), path, {.keepBackup = true});
    EXPECT_FALSE(std::filesystem::exists(dir.file("b.mlrig~")));  // nothing to back up yet
    saveBuildFile(smallBuild("second"), path, {.keepBackup = true});
    saveBuildFile(smallBuild("third"), path, {.keepBackup = true});
    EXPECT_EQ(loadBuildFile(path).name, "third");
    EXPECT_EQ(loadBuildFile(dir.file("b.mlrig~")).name, "second");
    EXPECT_EQ(backupPathFor(path), dir.file("b.mlrig~"));
}

TEST(OutputFile, FullDiskLeavesThePreviousExportIntact)
{
    // Before: exports were written in place; on a full disk the previous file was destroyed.
    const testsupport::TempDir dir("save");
    const auto path = dir.file("build.csv");
    writeFileSafely("previous,export\n", path);
    {
        const testsupport::FileSizeLimit full(8);
        EXPECT_THROW(writeFileSafely(std::string(1000, 'x'), path), std::runtime_error);
    }
    EXPECT_EQ(testsupport::readFile(path), "previous,export\n");
    size_t files = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir.path()))
        ++files;
    EXPECT_EQ(files, 1u) << "a temporary file was left behind";
}

TEST(OutputFile, RefusesToWriteIntoADevice)
{
    EXPECT_THROW(writeFileSafely("x", "/dev/null"), std::runtime_error);
}

TEST(Format, HugeAndNonFiniteAmountsNeverThrow)
{
    // Before: formatAmount(inf) threw std::out_of_range from substr, aborting Markdown export.
    EXPECT_NO_THROW(formatAmount(std::numeric_limits<double>::infinity()));
    EXPECT_EQ(formatAmount(std::numeric_limits<double>::infinity()), "infinite");
    EXPECT_EQ(formatAmount(std::nan("")), "not a number");
    EXPECT_EQ(formatMoney(1.8e306, "USD"), "$1.800e+306");
    EXPECT_EQ(formatWhole(-std::numeric_limits<double>::infinity()), "-infinite");
    EXPECT_EQ(formatMoney(1299.99, "USD"), "$1,299.99");
}

TEST(BuildDocumentLimits, HugePricesCurrenciesAndPartCountsAreRefusedOnLoad)
{
    const auto error = [](const std::string& text) {
        try {
            parseBuild(text);
        } catch (const BuildFormatError& e) {
            return std::string(e.what());
        }
        return std::string("(no error)");
    };
    const std::string head = R"({"format": "mlrig-build", "version": 1, )";
    EXPECT_NE(error(head + R"("parts": [{"category": "gpu", "ref": "X", "price": 1.8e306}]})").find("larger than 1,000,000"),
              std::string::npos);
    EXPECT_NE(error(head + R"("currency": "ABCDEFGHIJKLMNOPQRSTUVWXYZ"})").find("ISO 4217"), std::string::npos);
    EXPECT_NE(error(head + R"("currency": "usd"})").find("ISO 4217"), std::string::npos);
    std::string parts = head + R"("parts": [)";
    for (size_t i = 0; i <= kMaxBuildItems; ++i)
        parts += std::string(i ? "," : "") + R"({"category": "gpu", "ref": "X"})";
    parts += "]}";
    EXPECT_NE(error(parts).find("more than the 10000 a build may have"), std::string::npos) << error(parts);
}

}  // namespace
}  // namespace mlrig

namespace mlrig {

// Before: an 8,000-line build of long custom names saved as 10 MB, which the app then refused to
// open ("more than the 8 MB limit"). Now the save is refused and the previous file kept.
TEST(InputFile, ABuildTooLargeToReopenIsNotSaved)
{
    const testsupport::TempDir dir("input");
    const auto path = dir.file("inventory.mlrig");
    ASSERT_TRUE(testsupport::writeFile(path, "previous"));
    Build build;
    for (int i = 0; i < 8000; ++i) {
        BuildItem item;
        item.category = Category::Storage;
        item.ref = "disk " + std::to_string(i) + " " + std::string(1100, 'x');
        build.items.push_back(std::move(item));
    }
    try {
        saveBuildFile(build, path);
        ADD_FAILURE() << "a build larger than a build file may be was saved";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("more than the 8 MB a build file may hold"), std::string::npos) << e.what();
    }
    EXPECT_EQ(testsupport::readFile(path), "previous");
    // Just below the limit is saved and opens again.
    build.items.resize(6000);
    saveBuildFile(build, path);
    EXPECT_EQ(loadBuildFile(path).items.size(), 6000u);
}

}  // namespace mlrig
