// mlrig-pdf-writer: `mlrig-cli export ... --to x.pdf` for mlrig-cli, which links no Qt. mlrig-cli
// replaces itself with this program (execv, same arguments), so the messages, the exit code and
// the output are exactly those of `mlrig-cli export`; the report itself is drawn with Qt
// (ui/report, an offscreen QApplication, no display needed). Installed in
// /usr/libexec/mlrig: it is not a command of its own.
#include "app/cli/CliCommands.h"
#include "app/cli/CliMain.h"

int main(int argc, char** argv)
{
    return mlrig::cli::runCli(argc, argv,
                              {"mlrig-pdf-writer: the PDF export of mlrig-cli (run `mlrig-cli export --help`)",
                               [](CLI::App& app, mlrig::cli::CliContext& context) {
                                   mlrig::cli::addExportCommand(app, context);
                               }});
}
