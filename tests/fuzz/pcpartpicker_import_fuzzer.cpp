// Fuzzes the PCPartPicker list importer (text and Markdown shapes) against the small import
// test catalog, and follows an imported list the way the app does: the build is evaluated and
// saved as a .mlrig file. Properties checked for every input:
//   - the only exception the importer throws is ImportError;
//   - every line is accounted for: each item is matched, fuzzy-matched, unmatched (kept as a
//     custom part) or skipped, and each non-skipped line is one build item with its quantity;
//   - prices are finite and not negative; matched lines name a catalog part;
//   - the imported build saves and loads back unchanged, and its refs resolve in the catalog;
//   - evaluate() never throws for it.

#include <cmath>
#include <string>

#include "tests/fuzz/FuzzSupport.h"
#include "tests/support/Catalogs.h"
#include "core/io/BuildDocument.h"
#include "core/eval/Evaluate.h"
#include "core/io/PcPartPickerImport.h"

using namespace mlrig;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const Catalog& catalog = testsupport::ioCatalog();
    static const NameMatcher matcher(catalog);
    const std::string_view text = fuzz::asText(data, size);

    (void)looksLikePcPartPickerList(text);
    ImportResult result;
    try {
        result = importPcPartPickerList(text, matcher, catalog);
    } catch (const ImportError& e) {
        FUZZ_CHECK(*e.what() != '\0', "a rejection says why");
        return 0;
    }
    FUZZ_CHECK(!result.lines.empty(), "an accepted list has at least one line");
    FUZZ_CHECK(result.format == "pcpartpicker-text" || result.format == "pcpartpicker-markdown", "format");
    const int counted = result.count(MatchKind::Exact) + result.count(MatchKind::Normalised) +
                        result.count(MatchKind::Fuzzy) + result.count(MatchKind::Unmatched) + result.skippedCount();
    FUZZ_CHECK(counted == static_cast<int>(result.lines.size()), "every line is counted once");
    FUZZ_CHECK(result.build.items.size() == result.lines.size() - static_cast<size_t>(result.skippedCount()),
               "every line that is not skipped is one build item");
    if (result.listedTotal)
        FUZZ_CHECK(std::isfinite(*result.listedTotal) && *result.listedTotal >= 0, "listed total");
    for (const ImportLine& line : result.lines) {
        FUZZ_CHECK(line.quantity >= 1, "quantity");
        FUZZ_CHECK(line.skipped == !line.category.has_value(), "skipped lines are the ones without a category");
        if (line.price)
            FUZZ_CHECK(std::isfinite(*line.price) && *line.price >= 0, "price");
        if (!line.matchedId.empty())
            FUZZ_CHECK(catalog.findById(line.matchedId) != nullptr, "a matched line names a catalog part");
    }

    // The app opens the imported build, evaluates it and saves it.
    (void)evaluate(result.build, catalog);
    const std::string saved = serializeBuild(result.build);
    Build reloaded;
    try {
        reloaded = parseBuild(saved, &catalog);
    } catch (const BuildFormatError& e) {
        std::fprintf(stderr, "%s\n", e.what());
        FUZZ_CHECK(false, "an imported build, once saved, does not load again");
    }
    FUZZ_CHECK(reloaded == result.build, "an imported build changed through save + load");
    return 0;
}
