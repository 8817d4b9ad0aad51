// Build or buy as CSV: a header naming every column, the rows in compareSystems()'s order, names
// with commas quoted, text made visible and formula-safe.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include "core/advise/SystemComparison.h"
#include "core/io/SystemComparisonCsvExport.h"
#include "core/util/Csv.h"
#include "tests/support/BuiltInCatalog.h"

using namespace mlrig;
using mlrig::testsupport::builtInCatalog;

namespace {

Build twoCardsFor70b()
{
    Build build;
    build.name = "2x3090";
    BuildItem gpus;
    gpus.category = Category::Gpu;
    gpus.ref = "GeForce RTX 3090";
    gpus.quantity = 2;
    build.items.push_back(gpus);
    build.workload = Workload{};
    build.workload->model = "llama-3.3-70b";
    build.workload->quant = "q4_k_m";
    build.workload->context = 8192;
    return build;
}

}  // namespace

TEST(SystemComparisonCsv, HeaderThenEveryRowInRankOrder)
{
    const SystemComparison c = compareSystems(twoCardsFor70b(), builtInCatalog());
    const std::string text = systemComparisonToCsv(c);
    const std::vector<CsvRow> rows = parseCsv(text);
    const CsvRow header{"Rank", "Name", "Kind", "Platform", "Chip", "Form factor", "GPU memory (GB)",
                        "Total memory (GB)", "Price", "Price currency", "Price note", "Fits",
                        "Needs raised GPU memory limit", "Decode tokens/s", "Prefill tokens/s", "Power (W)",
                        "Power note", "Yearly energy cost (USD)", "Stack", "Notes", "Source"};
    ASSERT_EQ(rows.size(), c.rows.size() + 1);
    EXPECT_EQ(rows[0], header);
    int builds = 0;
    bool seenMisfit = false;
    for (size_t i = 0; i < c.rows.size(); ++i) {
        const CsvRow& line = rows[i + 1];
        const SystemRow& row = c.rows[i];
        ASSERT_EQ(line.size(), header.size());
        EXPECT_EQ(line[0], std::to_string(i + 1));
        EXPECT_EQ(line[1], row.name);  // round-trips: names with commas are quoted
        EXPECT_EQ(line[2], row.isBuild ? "build" : "machine");
        builds += row.isBuild;
        // Ranked: every row that fits comes before every row that does not.
        EXPECT_TRUE(line[11] == "yes" || line[11] == "no") << line[11];
        if (line[11] == "no")
            seenMisfit = true;
        else
            EXPECT_FALSE(seenMisfit) << row.name << " fits but comes after a row that does not";
        EXPECT_EQ(line[13], row.decodeTokensPerS ? fmt::format("{:.1f}", *row.decodeTokensPerS) : "");
        EXPECT_EQ(line[8], row.price ? fmt::format("{:.2f}", *row.price) : "");
        EXPECT_EQ(line[12], row.needsRaisedLimit ? "yes" : "no");
    }
    EXPECT_EQ(builds, 1);
    EXPECT_TRUE(seenMisfit);  // some machines cannot hold a 70B model
    // The raw text quotes the name (RFC 4180: it holds commas).
    EXPECT_NE(text.find("\"Mac Studio (M3 Ultra 80-core, 256 GB)\","), std::string::npos);
    // The build is listed once, where the ranking puts it, under its own name.
    const auto build = std::find_if(c.rows.begin(), c.rows.end(), [](const SystemRow& r) { return r.isBuild; });
    ASSERT_NE(build, c.rows.end());
    EXPECT_EQ(rows[static_cast<size_t>(build - c.rows.begin()) + 1][1], "Your build: 2x3090");
}

TEST(SystemComparisonCsv, HostileTextIsQuotedShownAndNeverAFormula)
{
    SystemComparison c;
    c.currency = "EUR";
    SystemRow row;
    row.name = "=HYPERLINK(\"x\"), box\nsecond line";
    row.platform = "GPU\u202E0909 XTR";
    row.price = 1234.5;
    row.priceNote = "list price, 2026-09";
    c.rows.push_back(row);
    SystemRow unknown;
    unknown.name = "Nothing known";
    c.rows.push_back(unknown);
    const std::string text = systemComparisonToCsv(c, {.utf8Bom = true});
    EXPECT_EQ(text.rfind("\xEF\xBB\xBF", 0), 0u);
    const std::vector<CsvRow> rows = parseCsv(text.substr(3));
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0][17], "Yearly energy cost (EUR)");
    EXPECT_EQ(rows[1][1], "'=HYPERLINK(\"x\"), box<U+000A>second line");
    EXPECT_EQ(rows[1][3], "GPU<U+202E>0909 XTR");
    EXPECT_EQ(rows[1][8], "1234.50");
    EXPECT_EQ(rows[1][9], "USD");
    // No estimate: fit is not "no", it is unknown; unknown figures are empty cells, never 0.
    for (size_t column : {6u, 7u, 8u, 9u, 11u, 12u, 13u, 14u, 15u, 17u})
        EXPECT_EQ(rows[2][column], "") << column;
}
