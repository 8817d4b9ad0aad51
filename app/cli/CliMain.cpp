#include "app/cli/CliMain.h"

#include <iostream>

#include "app/cli/CliContext.h"
#include "app/cli/VisibleStreamBuffer.h"

namespace mlrig::cli {
namespace {

// Installs the line filter on a stream for runCli()'s lifetime and restores the original buffer
// (flushing what is left) when it returns.
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
    VisibleStreamBuffer m_buffer;
    std::streambuf* m_original = nullptr;
};

}  // namespace

int runCli(int argc, char** argv, const CliProgram& program)
{
    // Everything mlrig-cli prints, messages and results alike, shows control and bidi characters
    // as escapes (issue 16): the text comes from files the user may not have written.
    const VisibleStream visibleOut(std::cout);
    const VisibleStream visibleErr(std::cerr);
    CLI::App app{program.description};
    app.set_version_flag("--version", std::string("mlrig-cli ") + MLRIG_VERSION);
    app.require_subcommand(1);
    CliContext context;
    context.argc = argc;
    context.argv = argv;
    app.add_option("--catalog", context.catalogPath, "Use this parts.sqlite instead of the built-in catalog");
    app.add_option("--user-db", context.userDbPath,
                   "Use this user database (saved models) instead of ~/.local/share/mlrig/mlrig/user.sqlite");
    program.addCommands(app, context);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        // Usage errors are bad input too: exit 2 with CLI11's message.
        const int code = app.exit(e);
        return code == 0 ? 0 : 2;
    } catch (const std::exception& e) {
        // InputError (bad input) and anything else a subcommand throws: one line, exit 2.
        std::cerr << "mlrig-cli: " << e.what() << '\n';
        return 2;
    }
    return context.exitCode;
}

}  // namespace mlrig::cli
