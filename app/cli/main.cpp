// mlrig-cli: the headless entry point, built from the same core as the desktop app.
#include <CLI/CLI.hpp>

#include <iostream>

#include "app/cli/CliCommands.h"
#include "app/cli/CliContext.h"

int main(int argc, char** argv)
{
    CLI::App app{"mlrig: plan a local machine-learning workstation (headless)"};
    app.set_version_flag("--version", std::string("mlrig-cli ") + MLRIG_VERSION);
    app.require_subcommand(1);
    mlrig::cli::CliContext context;
    app.add_option("--catalog", context.catalogPath, "Use this parts.sqlite instead of the built-in catalog");
    app.add_option("--user-db", context.userDbPath,
                   "Use this user database (saved models) instead of ~/.local/share/mlrig/mlrig/user.sqlite");

    mlrig::cli::addCatalogCommand(app, context);
    mlrig::cli::addEvaluateCommand(app, context);
    mlrig::cli::addOptimizeCommand(app, context);
    mlrig::cli::addModelsCommand(app, context);
    mlrig::cli::addFitCommand(app, context);
    mlrig::cli::addExportCommand(app, context);
    mlrig::cli::addImportCommand(app, context);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        // Usage errors are bad input too: exit 2 with CLI11's message.
        const int code = app.exit(e);
        return code == 0 ? 0 : 2;
    } catch (const mlrig::cli::InputError& e) {
        std::cerr << "mlrig-cli: " << e.what() << '\n';
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "mlrig-cli: " << e.what() << '\n';
        return 2;
    }
    return context.exitCode;
}
