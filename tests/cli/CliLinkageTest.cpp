// mlrig-cli links no Qt (issue 14: `fit` answers within 10 ms, and loading Qt's libraries alone
// took about 30 ms of a run here). The dynamic section of the built binary is read with readelf,
// which comes with the compiler's binutils wherever mlrig is built.
#include <gtest/gtest.h>

#include <cstdio>
#include <memory>
#include <string>

#include "tests/cli/CliRunner.h"

namespace {

std::string neededLibraries(const std::string& program)
{
    const std::string command = "readelf -d " + mlrig::test::shellQuote(program) + " 2>&1";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    std::string output;
    if (!pipe)
        return output;
    char buffer[4096];
    while (const size_t n = std::fread(buffer, 1, sizeof buffer, pipe.get()))
        output.append(buffer, n);
    return output;
}

}  // namespace

TEST(CliLinkage, MlrigCliNeedsNoQtLibrary)
{
    const std::string dynamic = neededLibraries(MLRIG_CLI);
    ASSERT_NE(dynamic.find("(NEEDED)"), std::string::npos) << "readelf gave no dynamic section:\n" << dynamic;
    EXPECT_NE(dynamic.find("libsqlite3"), std::string::npos) << dynamic;
    EXPECT_EQ(dynamic.find("libQt6"), std::string::npos) << dynamic;
    // No library search path: an empty entry in one would make the loader search the folder the
    // command runs from.
    EXPECT_EQ(dynamic.find("PATH)"), std::string::npos) << dynamic;
}
