// Fuzzes the .mlrig loader (parseBuild / loadBuildFile) and what the app does with a build that
// loaded: save it and load it back, resolve it against the real (embedded) catalog, evaluate it
// and export it. Properties checked for every input:
//   - the only exception parseBuild throws is BuildFormatError, with or without a catalog;
//   - a catalog only adds checks: text the catalog-free parse rejects, the catalog parse rejects;
//   - a loaded build survives save + load unchanged (in memory and through saveBuildFile), and
//     saving is stable (serialize(load(serialize(b))) == serialize(b)): a build is never lost;
//   - evaluate() never throws for a build that loaded, nor do the CSV and Markdown exports, whose
//     output carries no raw control or bidi character (they are shown as <U+XXXX>).

#include <filesystem>
#include <string>

#include "tests/support/BuiltInCatalog.h"
#include "tests/support/Files.h"
#include "tests/fuzz/FuzzSupport.h"
#include "core/io/BuildDocument.h"
#include "core/eval/Evaluate.h"
#include "core/io/BuildCsvExport.h"
#include "core/io/BuildMarkdownExport.h"
#include "core/util/Format.h"
#include "core/util/VisibleText.h"

using namespace mlrig;
using mlrig::testsupport::builtInCatalog;

namespace {

// One scratch file per process (libFuzzer -jobs runs several), removed at exit.
std::filesystem::path scratchFile()
{
    return testsupport::processTempDir() / "build.mlrig";
}

std::optional<Build> parseOrReject(std::string_view text, const Catalog* catalog)
{
    try {
        return parseBuild(text, catalog);
    } catch (const BuildFormatError& e) {
        FUZZ_CHECK(*e.what() != '\0', "a rejection says why");
        return std::nullopt;
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text = fuzz::asText(data, size);
    const Catalog& catalog = builtInCatalog();

    const std::optional<Build> loose = parseOrReject(text, nullptr);
    const std::optional<Build> strict = parseOrReject(text, &catalog);
    if (!loose) {
        FUZZ_CHECK(!strict, "the catalog parse accepted what the catalog-free parse rejected");
        return 0;
    }
    if (strict)
        FUZZ_CHECK(*strict == *loose, "the catalog changed what was loaded");

    // Save and load back, in memory.
    const std::string saved = serializeBuild(*loose);
    const std::optional<Build> reloaded = parseOrReject(saved, nullptr);
    FUZZ_CHECK(reloaded.has_value(), "a saved build does not load again");
    FUZZ_CHECK(*reloaded == *loose, "a build changed through save + load");
    FUZZ_CHECK(serializeBuild(*reloaded) == saved, "saving is not stable");
    if (strict)
        FUZZ_CHECK(parseOrReject(saved, &catalog).has_value(), "a saved build no longer resolves in the catalog");

    // And through the file functions the app uses (atomic save, size-checked load).
    saveBuildFile(*loose, scratchFile());
    FUZZ_CHECK(loadBuildFile(scratchFile()) == *loose, "a build changed through saveBuildFile + loadBuildFile");

    // What the app shows and exports for it: never a throw, and never a raw control or bidi
    // character in the output, whatever the names say (issue 16).
    const Evaluation evaluation = evaluate(*loose, catalog);
    const std::string csv = exportBuildCsv(*loose, evaluation, catalog);
    const std::string markdown = exportBuildMarkdown(*loose, evaluation, catalog);
    FUZZ_CHECK(!hasInvisibleCharacters(csv, LineBreaks::Keep), "the CSV export passes on a control or bidi character");
    FUZZ_CHECK(!hasInvisibleCharacters(markdown, LineBreaks::Keep),
               "the Markdown export passes on a control or bidi character");
    // Every amount a loaded build can hold formats without throwing (an "inf" total once did).
    (void)formatMoney(evaluation.cost.total, loose->currency);
    return 0;
}
