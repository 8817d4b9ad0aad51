// mlrig-cli: the headless entry point, built from the same core as the desktop app. It links no
// Qt, so that a `fit` or `evaluate` answers in milliseconds: loading Qt's libraries alone took
// about 30 ms here. `export --to x.pdf` hands over to mlrig-pdf-writer (PdfWriterHandOff.h).
#include "app/cli/CliCommands.h"
#include "app/cli/CliMain.h"

int main(int argc, char** argv)
{
    return mlrig::cli::runCli(argc, argv,
                              {"mlrig: plan a local machine-learning workstation (headless)",
                               [](CLI::App& app, mlrig::cli::CliContext& context) {
                                   mlrig::cli::addCatalogCommand(app, context);
                                   mlrig::cli::addEvaluateCommand(app, context);
                                   mlrig::cli::addOptimizeCommand(app, context);
                                   mlrig::cli::addModelsCommand(app, context);
                                   mlrig::cli::addFitCommand(app, context);
                                   mlrig::cli::addCompareSystemsCommand(app, context);
                                   mlrig::cli::addExportCommand(app, context);
                                   mlrig::cli::addImportCommand(app, context);
                               }});
}
