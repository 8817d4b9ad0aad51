// Fuzzes the price sheet importer (comma, semicolon and tab separated, with or without a header)
// against the small import test catalog, and the CSV reader/writer under it. Properties checked
// for every input:
//   - the only exception importPriceCsv throws is ImportError, and parseCsv only CsvError;
//   - every update names a catalog part, has a finite price of 0 or more, a currency and a row
//     number inside the sheet;
//   - CSV written by csvLine reads back as the same cells (export and import agree).

#include <algorithm>
#include <cmath>
#include <string>

#include "tests/fuzz/FuzzSupport.h"
#include "tests/support/Catalogs.h"
#include "core/util/Csv.h"
#include "core/io/PriceCsvImport.h"

using namespace mlrig;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const Catalog& catalog = testsupport::ioCatalog();
    const std::string_view text = fuzz::asText(data, size);

    // The CSV layer on its own: what it reads, it writes back the same way.
    try {
        const std::vector<CsvRow> rows = parseCsv(text);
        std::string written;
        for (const CsvRow& row : rows)
            written += csvLine(row);
        FUZZ_CHECK(parseCsv(written) == rows, "csvLine output does not read back as the same cells");
    } catch (const CsvError& e) {
        FUZZ_CHECK(*e.what() != '\0', "a CSV error says why");
    }

    PriceImportResult result;
    try {
        result = importPriceCsv(text, catalog, "USD");
    } catch (const ImportError& e) {
        FUZZ_CHECK(*e.what() != '\0', "a rejection says why");
        return 0;
    }
    const int lines = static_cast<int>(std::count(text.begin(), text.end(), '\n') +
                                       std::count(text.begin(), text.end(), '\r')) + 1;
    for (const PriceUpdate& u : result.updates) {
        FUZZ_CHECK(catalog.findById(u.partId) != nullptr, "an update names a catalog part");
        FUZZ_CHECK(std::isfinite(u.price) && u.price >= 0, "price");
        FUZZ_CHECK(!u.currency.empty(), "currency");
        FUZZ_CHECK(u.row >= 1 && u.row <= lines, "row number inside the sheet");
    }
    for (const UnmatchedPriceRow& r : result.unmatched) {
        FUZZ_CHECK(r.row >= 1 && r.row <= lines, "row number inside the sheet");
        FUZZ_CHECK(!r.reason.empty(), "an unmatched row says why");
    }
    (void)result.summary();
    return 0;
}
