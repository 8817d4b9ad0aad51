#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <string>

namespace mlrig::cli {

class CliContext;

// What differs between the two programs that share mlrig-cli's command line: mlrig-cli itself
// (every subcommand, no Qt) and mlrig-pdf-writer (only `export`, with the Qt PDF report).
struct CliProgram {
    std::string description;
    std::function<void(CLI::App&, CliContext&)> addCommands;
};

// Parses the command line, runs the chosen subcommand and returns the exit code: 0 done, 2 bad
// input (one "mlrig-cli: <message>" line on stderr, whichever of the two programs runs).
int runCli(int argc, char** argv, const CliProgram& program);

}  // namespace mlrig::cli
