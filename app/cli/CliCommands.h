#pragma once

// Each mlrig-cli subcommand lives in its own <Name>Command.cpp and registers itself here.
// Exit codes (docs/ARCHITECTURE.md "Command line"): 0 done, 2 unreadable or invalid input (one line on stderr).

#include <CLI/CLI.hpp>

namespace mlrig::cli {

class CliContext;

void addCatalogCommand(CLI::App& app, CliContext& context);
void addEvaluateCommand(CLI::App& app, CliContext& context);
void addOptimizeCommand(CLI::App& app, CliContext& context);
void addModelsCommand(CLI::App& app, CliContext& context);
void addFitCommand(CLI::App& app, CliContext& context);
void addCompareSystemsCommand(CLI::App& app, CliContext& context);

void addExportCommand(CLI::App& app, CliContext& context);
void addImportCommand(CLI::App& app, CliContext& context);

}  // namespace mlrig::cli
