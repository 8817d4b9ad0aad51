// mlrig-cli: the headless entry point, built from the same core as the desktop app.
#include <CLI/CLI.hpp>

#include <iostream>

#include "app/cli/CliCommands.h"
#include "app/cli/CliContext.h"
#include "app/cli/VisibleStreamBuffer.h"

namespace {

// Installs the line filter on a stream for main()'s lifetime and restores the original buffer
// (flushing what is left) when main() returns.
class VisibleStream {
public:
    explicit VisibleStream(std::ostream& stream) : m_stream(stream), m_buffer(stream.rdbuf())
    {
        m_original = stream.rdbuf(&m_buffer);
    }
    ~VisibleStream()
    {
        m_stream.flush();
        m_stream.rdbuf(m_original);
    }
    VisibleStream(const VisibleStream&) = delete;
    VisibleStream& operator=(const VisibleStream&) = delete;

private:
    std::ostream& m_stream;
    mlrig::cli::VisibleStreamBuffer m_buffer;
    std::streambuf* m_original = nullptr;
};

}  // namespace

int main(int argc, char** argv)
{
    // Everything mlrig-cli prints, messages and results alike, shows control and bidi characters
    // as escapes (issue 16): the text comes from files the user may not have written.
    const VisibleStream visibleOut(std::cout);
    const VisibleStream visibleErr(std::cerr);
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
    mlrig::cli::addCompareSystemsCommand(app, context);
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
