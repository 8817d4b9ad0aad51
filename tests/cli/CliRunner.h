#pragma once

// Runs the built mlrig-cli with arguments and captures exit code, stdout and stderr.

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <string>
#include <string_view>

#include "tests/support/Files.h"

namespace mlrig::test {

struct CliResult {
    int exitCode = -1;
    std::string out;
    std::string err;
};

inline std::string shellQuote(const std::string& arg)
{
    std::string quoted = "'";
    for (char c : arg) {
        if (c == '\'')
            quoted += "'\\''";
        else
            quoted.push_back(c);
    }
    return quoted + "'";
}

// Runs `program` (a copy of mlrig-cli, say) with arguments.
inline CliResult runProgram(const std::string& program, std::initializer_list<std::string> args,
                            const std::string& stdinText = {})
{
    const std::filesystem::path& dir = testsupport::processTempDir();
    const auto out = dir / "out.txt";
    const auto err = dir / "err.txt";
    const auto in = dir / "in.txt";
    std::ofstream(in, std::ios::binary) << stdinText;
    // Appended piece by piece: `" <" + std::string` (operator+ that inserts at the front) trips
    // GCC 12's -Wrestrict false positive at -O3 (GCC bug 105651), a page of noise in Release.
    std::string command = shellQuote(program);
    const auto append = [&command](std::string_view separator, const std::string& word) {
        command.append(separator);
        command.append(shellQuote(word));
    };
    for (const std::string& a : args)
        append(" ", a);
    append(" <", in.string());
    append(" >", out.string());
    append(" 2>", err.string());
    const int status = std::system(command.c_str());
    CliResult result;
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.out = testsupport::readFile(out);
    result.err = testsupport::readFile(err);
    return result;
}

inline CliResult runCli(std::initializer_list<std::string> args, const std::string& stdinText = {})
{
    return runProgram(MLRIG_CLI, args, stdinText);
}

}  // namespace mlrig::test
