#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/support/Catalogs.h"
#include "tests/support/Estimates.h"
#include "tests/support/Files.h"
#include "tests/support/Parts.h"
#include "core/io/BuildCsvExport.h"
#include "core/io/BuildMarkdownExport.h"
#include "core/util/Csv.h"
#include "core/io/ExportLines.h"
#include "core/io/PcPartPickerImport.h"
#include "core/util/Plural.h"

using namespace mlrig;
using mlrig::testsupport::ioCatalog;

namespace {

// A 2-GPU build with awkward names, and the evaluation a rule engine would give it
// (hand-built so these tests do not depend on the rules).
struct Sample {
    Build build;
    Evaluation evaluation;
};

Sample sample()
{
    Sample s;
    Build& b = s.build;
    b.name = "2x3090 | LLM *box*";
    b.currency = "USD";
    BuildItem cpu;
    cpu.category = Category::Cpu;
    cpu.ref = "AMD Ryzen 9 7950X";
    b.items.push_back(cpu);
    BuildItem gpu;
    gpu.category = Category::Gpu;
    gpu.ref = "gpu-3090-zotac";
    gpu.quantity = 2;
    gpu.price = 700;
    gpu.condition = Condition::Used;
    b.items.push_back(gpu);
    Case c;
    c.info.name = "Gehäuse \"Silent\", 7 slots | tall";
    c.maxGpuLengthMm = 315;
    BuildItem box = testsupport::customItem(c);
    box.price = 89.5;
    b.items.push_back(box);
    BuildItem formula;
    formula.category = Category::Storage;
    Storage drive;
    drive.info.name = "=HYPERLINK(\"http://x\",\"2 TB\")";
    formula.custom = drive;
    b.items.push_back(formula);
    BuildItem psu;
    psu.category = Category::Psu;
    psu.ref = "psu-rm1000x-2024";
    b.items.push_back(psu);

    Evaluation& e = s.evaluation;
    e.cost.currency = "USD";
    e.cost.lines = {
        {Category::Cpu, "AMD Ryzen 9 7950X", 1, 449.96, PriceSource::Catalog, 449.96},
        {Category::Gpu, "Zotac GAMING Trinity GeForce RTX 3090 24GB GDDR6X Black", 2, 700.0, PriceSource::User, 1400.0},
        {Category::Case, "Gehäuse \"Silent\", 7 slots | tall", 1, 89.5, PriceSource::User, 89.5},
        {Category::Storage, "=HYPERLINK(\"http://x\",\"2 TB\")", 1, std::nullopt, PriceSource::Unknown, 0},
        {Category::Psu, "Corsair RM1000x (2024) Black ATX 1000W Fully Modular", 1, 189.99, PriceSource::Catalog, 189.99},
    };
    e.cost.total = 449.96 + 1400.0 + 89.5 + 189.99;
    e.cost.missingPrices = 1;
    e.findings = {
        {"missing-part", Severity::Error, "The build has no motherboard.", {Category::Motherboard}},
        {"psu-wattage", Severity::Warning, "Two RTX 3090 can spike to 1,200 W together; the 1000 W supply is marginal.",
         {Category::Psu, Category::Gpu}},
        {"nvlink", Severity::Note, "RTX 3090 pairs can use an NVLink bridge (3-slot or 4-slot spacing).", {Category::Gpu}},
    };
    e.power.sustainedW = 910;
    e.power.peakW = 1380;
    e.power.recommendedPsuW = 1300;
    e.power.psuW = 1000;
    e.power.psuAtx3 = false;
    WorkloadEstimate w = testsupport::llama70bOnTwo24GbCards();
    w.prefillTokensPerS = 610;
    w.confidence = Confidence::Medium;
    e.workload = w;
    return s;
}

}  // namespace

TEST(ExportLines, FormatsMoneyAndSpecs)
{
    EXPECT_EQ(formatMoney(1299.989, "USD"), "$1,299.99");
    EXPECT_EQ(formatMoney(1234567.5, "EUR"), "\xE2\x82\xAC" "1,234,567.50");
    EXPECT_EQ(formatMoney(12, "CHF"), "12.00 CHF");
    EXPECT_EQ(formatWhole(1380.4), "1,380");
    EXPECT_EQ(keySpecs(*ioCatalog().findById("cpu-7950x")), "16 cores, AM5, 170 W");
    EXPECT_EQ(keySpecs(*ioCatalog().findById("ram-64-cl30")), "64 GB (2 x 32 GB), DDR5, 6000 MT/s");
}

TEST(BuildCsvExport, RoundTripsThroughTheCsvReader)
{
    const Sample s = sample();
    const std::string csv = exportBuildCsv(s.build, s.evaluation, ioCatalog());
    EXPECT_FALSE(csv.starts_with("\xEF\xBB\xBF"));
    const std::vector<CsvRow> rows = parseCsv(csv);
    ASSERT_EQ(rows.size(), 1u + 5u + 1u);  // header, one row per item, total
    for (const CsvRow& row : rows)
        EXPECT_EQ(row.size(), 11u);
    EXPECT_EQ(rows[0][0], "Category");
    EXPECT_EQ(rows[0][3], "Unit price");
    EXPECT_EQ(rows[0][9], "Price date");
    EXPECT_EQ(rows[0][10], "Price origin");
    EXPECT_EQ(rows[1][10], "retail snapshot");  // where each price comes from
    EXPECT_EQ(rows[2][10], "your price");

    EXPECT_EQ(rows[2][0], "GPU");
    EXPECT_EQ(rows[2][2], "2");
    EXPECT_EQ(rows[2][3], "700.00");
    EXPECT_EQ(rows[2][5], "1400.00");
    EXPECT_EQ(rows[2][6], "user");
    EXPECT_EQ(rows[2][7], "used");

    // Quotes, commas, a pipe and non-ASCII survive unchanged.
    EXPECT_EQ(rows[3][1], "Gehäuse \"Silent\", 7 slots | tall");
    // A formula-looking name is neutralised; the unknown price stays empty, not 0.
    EXPECT_EQ(rows[4][1], "'=HYPERLINK(\"http://x\",\"2 TB\")");
    EXPECT_EQ(rows[4][3], "");
    EXPECT_EQ(rows[4][5], "");
    EXPECT_EQ(rows[4][6], "unknown");

    const CsvRow& total = rows.back();
    EXPECT_EQ(total[0], "Total");
    EXPECT_EQ(total[2], "6");
    EXPECT_EQ(total[4], "USD");
    EXPECT_EQ(total[5], "2129.45");
    EXPECT_EQ(total[8], "1 line without a price not counted");
    // The line totals add up to the total.
    double sum = 0;
    for (size_t i = 1; i + 1 < rows.size(); ++i)
        sum += rows[i][5].empty() ? 0 : std::stod(rows[i][5]);
    EXPECT_NEAR(sum, 2129.45, 0.005);
}

TEST(BuildCsvExport, NeutralisesEveryFormulaLead)
{
    for (const char* lead : {"=", "+", "-", "@", "\t", "\r"})
        EXPECT_EQ(neutraliseCsvFormula(std::string(lead) + "1+1"), "'" + std::string(lead) + "1+1");
    EXPECT_EQ(neutraliseCsvFormula("Samsung 990 Pro"), "Samsung 990 Pro");
    EXPECT_EQ(neutraliseCsvFormula(""), "");
    Sample s = sample();
    s.build.name = "-rig";
    const std::string bom = exportBuildCsv(s.build, s.evaluation, ioCatalog(), {.utf8Bom = true});
    EXPECT_TRUE(bom.starts_with("\xEF\xBB\xBF"));
    EXPECT_EQ(parseCsv(bom).back()[1], "'-rig");
}

TEST(BuildCsvExport, CatalogDollarsStayDollarsInAEuroBuild)
{
    Sample s = sample();
    s.build.currency = "EUR";
    const std::vector<CsvRow> rows = parseCsv(exportBuildCsv(s.build, Evaluation{}, ioCatalog()));
    EXPECT_EQ(rows[1][0], "CPU");
    EXPECT_EQ(rows[1][3], "449.96");
    EXPECT_EQ(rows[1][4], "USD") << "a catalog price is in dollars, whatever the build's currency";
    EXPECT_EQ(rows[2][4], "EUR") << "your own price is in the build's currency";
    const CsvRow& total = rows.back();
    EXPECT_EQ(total[4], "EUR");
    EXPECT_NE(total[8].find("in another currency not counted"), std::string::npos) << total[8];
}

TEST(BuildCsvExport, UnevaluatedBuildUsesItsOwnPrices)
{
    const Sample s = sample();
    const std::vector<CsvRow> rows = parseCsv(exportBuildCsv(s.build, Evaluation{}, ioCatalog()));
    EXPECT_EQ(rows[1][3], "449.96");  // catalog price of the CPU
    EXPECT_EQ(rows[1][6], "catalog");
    EXPECT_EQ(rows.back()[5], "2129.45");
}

TEST(BuildMarkdownExport, MatchesGoldenFile)
{
    const Sample s = sample();
    const std::string markdown = exportBuildMarkdown(s.build, s.evaluation, ioCatalog());
    const auto golden = std::filesystem::path(MLRIG_TEST_DATA_DIR) / "golden" / "export-forum.md";
    if (std::getenv("MLRIG_UPDATE_GOLDEN")) {
        std::ofstream(golden, std::ios::binary) << markdown;
        GTEST_SKIP() << "golden file rewritten: " << golden;
    }
    EXPECT_EQ(markdown, testsupport::readFile(golden)) << "set MLRIG_UPDATE_GOLDEN=1 to rewrite after a deliberate change";
}

TEST(BuildMarkdownExport, FindingsHaveNoRuleIdsAndCountsAreWords)
{
    // A forum post is read by people: each finding is its severity and message; the rule ids
    // stay in mlrig-cli's JSON. "1 item ... is", "2 items ... are", never "item(s)".
    Sample s = sample();
    std::string markdown = exportBuildMarkdown(s.build, s.evaluation, ioCatalog());
    ASSERT_FALSE(s.evaluation.findings.empty());
    for (const Finding& f : s.evaluation.findings) {
        EXPECT_EQ(markdown.find(f.rule), std::string::npos) << f.rule;
        EXPECT_NE(markdown.find(f.message), std::string::npos) << f.message;
    }
    EXPECT_NE(markdown.find("*1 item without a price is not in the total*"), std::string::npos) << markdown;
    EXPECT_EQ(markdown.find("(s)"), std::string::npos);
    BuildItem unpriced;
    unpriced.category = Category::Storage;
    Storage disk;
    disk.info.name = "Second disk";
    unpriced.custom = disk;
    s.build.items.push_back(unpriced);
    s.evaluation.cost.lines.push_back({Category::Storage, "Second disk", 1, std::nullopt, PriceSource::Unknown, 0});
    s.evaluation.cost.missingPrices = 2;
    markdown = exportBuildMarkdown(s.build, s.evaluation, ioCatalog());
    EXPECT_NE(markdown.find("*2 items without a price are not in the total*"), std::string::npos) << markdown;
}

TEST(Plural, CountsReadAsEnglish)
{
    EXPECT_EQ(countOf(0, "line", "lines"), "0 lines");
    EXPECT_EQ(countOf(1, "line", "lines"), "1 line");
    EXPECT_EQ(countOf(2, "line", "lines"), "2 lines");
    EXPECT_EQ(countOf(-1, "line", "lines"), "-1 lines");
    EXPECT_EQ(pluralWord(1, "is", "are"), "is");
    EXPECT_EQ(pluralWord(0, "is", "are"), "are");
    EXPECT_EQ(pluralWord(12, "is", "are"), "are");
}

TEST(BuildMarkdownExport, EscapesNamesAndReimportsAsTheSameParts)
{
    EXPECT_EQ(escapeMarkdown("a|b*c_d[e]`f`"), "a\\|b\\*c\\_d\\[e\\]\\`f\\`");
    const Sample s = sample();
    const std::string markdown = exportBuildMarkdown(s.build, s.evaluation, ioCatalog());
    const ImportResult back = importPcPartPickerList(markdown, ioCatalog());
    EXPECT_EQ(back.format, "pcpartpicker-markdown");
    ASSERT_TRUE(back.listedTotal);
    EXPECT_DOUBLE_EQ(*back.listedTotal, 2129.45);
    const auto gpu = std::find_if(back.lines.begin(), back.lines.end(), [](const ImportLine& l) { return l.type == "Video Card"; });
    ASSERT_NE(gpu, back.lines.end());
    EXPECT_EQ(gpu->quantity, 2);
    EXPECT_EQ(gpu->matchedId, "gpu-3090-zotac");
    const auto box = std::find_if(back.lines.begin(), back.lines.end(), [](const ImportLine& l) { return l.type == "Case"; });
    ASSERT_NE(box, back.lines.end());
    EXPECT_EQ(box->itemName, "Gehäuse \"Silent\", 7 slots | tall");  // unescaped again
}
