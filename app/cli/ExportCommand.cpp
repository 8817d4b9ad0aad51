// mlrig-cli export BUILD.mlrig --to FILE   (.csv, .md, .pdf; the format follows the extension)
//
// PDF: the report is drawn with Qt (QPdfWriter, Qt Charts), and mlrig-cli links no Qt so that it
// starts in a few milliseconds and builds without Qt for servers and CI images. This file is
// compiled twice: into mlrig-cli, where `--to x.pdf` hands the run over to mlrig-pdf-writer
// (PdfWriterHandOff.h), and into mlrig-pdf-writer with MLRIG_CLI_HAS_PDF, where the report code
// starts an offscreen QApplication for that one command, so no display is needed. CSV and
// Markdown never touch Qt. Without the desktop build `--to x.pdf` exits 2 and says why.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "core/io/BuildDocument.h"
#include "core/io/OutputFile.h"
#include "core/util/TextUtil.h"
#include "app/cli/CliCommands.h"
#include "app/cli/CliContext.h"
#include "core/eval/Evaluate.h"
#include "core/io/BuildCsvExport.h"
#include "core/io/BuildMarkdownExport.h"

#ifdef MLRIG_CLI_HAS_PDF
#include "ui/report/ReportPdfExport.h"
#else
#include "app/cli/PdfWriterHandOff.h"
#endif

namespace mlrig::cli {
namespace {

// Atomic and identity-keeping (core/io/OutputFile.h): on a full disk the previous export stays.
void writeText(const std::string& path, const std::string& text)
{
    try {
        writeFileSafely(text, path);
    } catch (const std::exception& e) {
        throw InputError(e.what());
    }
}

}  // namespace

void addExportCommand(CLI::App& app, CliContext& context)
{
    static std::string buildFile;
    static std::string target;
    static bool bom = false;
    auto* path = &buildFile;
    auto* to = &target;
    auto* withBom = &bom;
    CLI::App* exportCmd = app.add_subcommand("export", "Write a build as CSV, forum Markdown or a PDF report");
    exportCmd->add_option("file", *path, "The .mlrig build file")->required();
    exportCmd->add_option("--to", *to, "Output file: .csv, .md or .pdf")->required();
    exportCmd->add_flag("--bom", *withBom, "CSV only: start with a UTF-8 byte-order mark (for Excel)");
    exportCmd->callback([&context, path, to, withBom] {
        const std::string extension = toLower(std::filesystem::path(*to).extension().string());
        if (extension != ".csv" && extension != ".md" && extension != ".markdown" && extension != ".pdf")
            throw InputError(*to + ": unknown export format \"" + extension + "\" (use .csv, .md or .pdf)");
#ifndef MLRIG_CLI_HAS_PDF
        if (extension == ".pdf")
            handOverToPdfWriter(context);
#endif
        const Build build = context.loadBuild(*path);  // before the catalog: a bad path fails at once
        const Catalog& catalog = context.catalog();
        const Evaluation evaluation = mlrig::evaluate(build, catalog);
        if (extension == ".csv") {
            writeText(*to, exportBuildCsv(build, evaluation, catalog, {.utf8Bom = *withBom}));
        } else if (extension == ".md" || extension == ".markdown") {
            writeText(*to, exportBuildMarkdown(build, evaluation, catalog));
        } else {
#ifdef MLRIG_CLI_HAS_PDF
            std::string error;
            std::string warning;
            if (!ui::exportBuildReportPdfHeadless(build, evaluation, catalog, *to, &error, &warning))
                throw InputError(error);
            if (!warning.empty())
                std::cerr << "warning: " << warning << '\n';
#endif
        }
    });
}

}  // namespace mlrig::cli
