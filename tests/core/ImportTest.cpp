#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "tests/support/Catalogs.h"
#include "tests/support/Files.h"
#include "core/io/BuildDocument.h"
#include "core/io/ImportSource.h"
#include "core/io/PcPartPickerImport.h"
#include "core/io/PriceCsvImport.h"

using namespace mlrig;
using mlrig::testsupport::ioCatalog;

namespace {

std::filesystem::path fixture(const std::string& name)
{
    return std::filesystem::path(MLRIG_TEST_DATA_DIR) / "import" / name;
}

ImportResult importFixture(const std::string& name)
{
    return importPcPartPickerList(readImportFile(fixture(name)), ioCatalog());
}

const ImportLine& lineOf(const ImportResult& r, std::string_view type, size_t nth = 0)
{
    for (const ImportLine& l : r.lines) {
        if (l.type == type && nth-- == 0)
            return l;
    }
    throw std::runtime_error("no line of type " + std::string(type));
}

}  // namespace

TEST(PcPartPickerPrice, ParsesTheShapesListsUse)
{
    EXPECT_DOUBLE_EQ(parsePcPartPickerPrice("$1,299.99")->amount, 1299.99);
    EXPECT_EQ(parsePcPartPickerPrice("$1,299.99")->currency, "USD");
    EXPECT_DOUBLE_EQ(parsePcPartPickerPrice("$499.00 @ Amazon")->amount, 499.0);
    EXPECT_DOUBLE_EQ(parsePcPartPickerPrice("Purchased For $650.00")->amount, 650.0);
    EXPECT_DOUBLE_EQ(parsePcPartPickerPrice("\xE2\x82\xAC 499,00")->amount, 499.0);
    EXPECT_EQ(parsePcPartPickerPrice("\xE2\x82\xAC 499,00")->currency, "EUR");
    EXPECT_DOUBLE_EQ(parsePcPartPickerPrice("1.049,00 \xE2\x82\xAC")->amount, 1049.0);
    EXPECT_DOUBLE_EQ(parsePcPartPickerPrice("1 299,00 \xE2\x82\xAC")->amount, 1299.0);
    EXPECT_DOUBLE_EQ(parsePcPartPickerPrice("\xC2\xA3" "89.99 @ Scan")->amount, 89.99);
    EXPECT_EQ(parsePcPartPickerPrice("\xC2\xA3" "89.99")->currency, "GBP");
    EXPECT_DOUBLE_EQ(parsePcPartPickerPrice("$1500")->amount, 1500.0);
    EXPECT_FALSE(parsePcPartPickerPrice("-"));
    EXPECT_FALSE(parsePcPartPickerPrice(""));
    EXPECT_FALSE(parsePcPartPickerPrice("N/A"));
}

TEST(PcPartPickerImport, TextListWithOddPrices)
{
    const ImportResult r = importFixture("pcpp-text-odd-prices.txt");
    EXPECT_EQ(r.format, "pcpartpicker-text");
    EXPECT_EQ(r.build.currency, "USD");
    ASSERT_TRUE(r.listedTotal);
    EXPECT_DOUBLE_EQ(*r.listedTotal, 3993.89);
    ASSERT_EQ(r.lines.size(), 10u);
    EXPECT_EQ(r.skippedCount(), 2);
    EXPECT_TRUE(lineOf(r, "Operating System").skipped);
    EXPECT_TRUE(lineOf(r, "Monitor").skipped);
    EXPECT_EQ(r.build.items.size(), 8u);

    EXPECT_EQ(lineOf(r, "CPU").matchedId, "cpu-7950x");
    EXPECT_EQ(lineOf(r, "CPU").kind, MatchKind::Normalised);
    EXPECT_DOUBLE_EQ(*lineOf(r, "CPU").price, 499.0);
    EXPECT_EQ(lineOf(r, "CPU Cooler").matchedId, "cooler-nhd15");
    EXPECT_EQ(lineOf(r, "Motherboard").matchedId, "mb-proart");
    EXPECT_DOUBLE_EQ(*lineOf(r, "Motherboard").price, 380.0);  // "Purchased For"
    EXPECT_EQ(lineOf(r, "Memory").matchedId, "ram-64-cl30");
    EXPECT_EQ(lineOf(r, "Storage").matchedId, "ssd-990pro-2tb");
    EXPECT_EQ(lineOf(r, "Video Card").matchedId, "gpu-4090-tuf");
    EXPECT_DOUBLE_EQ(*lineOf(r, "Video Card").price, 1999.99);  // "$1,999.99"
    EXPECT_EQ(lineOf(r, "Case").matchedId, "case-meshify2-rgb");
    EXPECT_FALSE(lineOf(r, "Case").price);  // no price on the line
    EXPECT_EQ(lineOf(r, "Power Supply").matchedId, "psu-rm1000x-2024");

    // The build refers to catalog parts by name and carries the list's prices.
    const BuildItem& gpu = r.build.items[5];
    EXPECT_EQ(gpu.category, Category::Gpu);
    EXPECT_EQ(gpu.ref, "Asus TUF Gaming OG OC GeForce RTX 4090 24GB GDDR6X Black");
    EXPECT_EQ(ioCatalog().find(Category::Gpu, gpu.ref), ioCatalog().findById("gpu-4090-tuf"));
    ASSERT_TRUE(gpu.price);
    EXPECT_DOUBLE_EQ(*gpu.price, 1999.99);
}

TEST(PcPartPickerImport, MarkdownExport)
{
    const ImportResult r = importFixture("pcpp-markdown.md");
    EXPECT_EQ(r.format, "pcpartpicker-markdown");
    ASSERT_TRUE(r.listedTotal);
    EXPECT_DOUBLE_EQ(*r.listedTotal, 1674.83);
    EXPECT_EQ(r.lines.size(), 9u);
    EXPECT_EQ(lineOf(r, "Case Fan").skipped, true);
    EXPECT_EQ(lineOf(r, "CPU").itemName, "AMD Ryzen 9 7900X 4.7 GHz 12-Core Processor");  // link text, not URL
    EXPECT_EQ(lineOf(r, "CPU").matchedId, "cpu-7900x");
    EXPECT_EQ(lineOf(r, "CPU Cooler").matchedId, "cooler-pa120");
    EXPECT_EQ(lineOf(r, "Motherboard").matchedId, "mb-b650-tomahawk");
    EXPECT_EQ(lineOf(r, "Memory").matchedId, "ram-32-cl30");
    EXPECT_EQ(lineOf(r, "Storage").matchedId, "ssd-990pro-1tb");
    EXPECT_EQ(lineOf(r, "Video Card").matchedId, "gpu-4070-ventus");
    EXPECT_EQ(lineOf(r, "Case").matchedId, "case-meshify2-compact");
    EXPECT_EQ(lineOf(r, "Power Supply").matchedId, "psu-rm850x");
    EXPECT_DOUBLE_EQ(*lineOf(r, "Power Supply").price, 139.99);
    EXPECT_EQ(r.build.items.size(), 8u);
    EXPECT_EQ(r.count(MatchKind::Unmatched), 0);
}

TEST(PcPartPickerImport, TwoGpusMissingPriceAndUnicodeName)
{
    const ImportResult r = importFixture("pcpp-two-gpu-eur.txt");
    EXPECT_EQ(r.build.currency, "EUR");
    EXPECT_DOUBLE_EQ(*lineOf(r, "CPU").price, 529.0);
    EXPECT_DOUBLE_EQ(*lineOf(r, "CPU Cooler").price, 99.9);

    // Two identical GPU lines: one item, quantity 2.
    const ImportLine& gpu = lineOf(r, "Video Card");
    EXPECT_EQ(gpu.quantity, 2);
    EXPECT_EQ(gpu.matchedId, "gpu-3090-zotac");
    EXPECT_DOUBLE_EQ(*gpu.price, 749.0);

    // Not in the catalog: custom parts with the list's name (unicode kept) and price.
    const ImportLine& box = lineOf(r, "Case");
    EXPECT_EQ(box.kind, MatchKind::Unmatched);
    EXPECT_FALSE(box.price);
    const ImportLine& psu = lineOf(r, "Power Supply");
    EXPECT_EQ(psu.kind, MatchKind::Unmatched);
    EXPECT_DOUBLE_EQ(*psu.price, 1049.0);

    ASSERT_EQ(r.build.items.size(), 7u);
    const auto customCase = std::find_if(r.build.items.begin(), r.build.items.end(),
                                         [](const BuildItem& i) { return i.category == Category::Case; });
    ASSERT_TRUE(customCase->custom);
    EXPECT_EQ(infoOf(*customCase->custom).name,
              "Phanteks Enthoo Pro 2 Server Edition \xE2\x80\x9E" "Big Tower\xE2\x80\x9C Geh\xC3\xA4use \xE2\x80\x93 Schwarz");
    EXPECT_EQ(categoryOf(*customCase->custom), Category::Case);
    const auto gpuItem = std::find_if(r.build.items.begin(), r.build.items.end(),
                                      [](const BuildItem& i) { return i.category == Category::Gpu; });
    EXPECT_EQ(gpuItem->quantity, 2);
}

TEST(PcPartPickerImport, HandWrittenListWithMlrigLabels)
{
    const ImportResult r =
        importPcPartPickerList("GPU: GeForce RTX 3090 ($700)\nGPU: GeForce RTX 3090 ($700)\n", ioCatalog());
    ASSERT_EQ(r.build.items.size(), 1u);
    EXPECT_EQ(r.build.items[0].ref, "GeForce RTX 3090");
    EXPECT_EQ(r.build.items[0].quantity, 2);
    EXPECT_EQ(r.lines[0].kind, MatchKind::Exact);
}

// Found by the pcpartpicker_import fuzzer: 17 identical lines became one item of quantity 17,
// which the saved .mlrig file then refused to load (quantity is 1 to 16).
TEST(PcPartPickerImport, MoreIdenticalLinesThanAnItemHoldsStayLoadable)
{
    std::string list;
    for (int i = 0; i < 20; ++i)
        list += "Video Card: GeForce RTX 3090 ($700)\n";
    const ImportResult r = importPcPartPickerList(list, ioCatalog());
    ASSERT_EQ(r.build.items.size(), 2u);
    EXPECT_EQ(r.build.items[0].quantity, kMaxItemQuantity);
    EXPECT_EQ(r.build.items[1].quantity, 20 - kMaxItemQuantity);
    EXPECT_EQ(parseBuild(serializeBuild(r.build), &ioCatalog()), r.build);
}

TEST(ImportInput, BadInputsGiveClearErrors)
{
    const auto message = [](const std::filesystem::path& path) {
        try {
            importPcPartPickerList(readImportFile(path), ioCatalog());
        } catch (const ImportError& e) {
            return std::string(e.what());
        }
        return std::string("<no error>");
    };
    EXPECT_EQ(message(fixture("empty.txt")), "file is empty");
    EXPECT_EQ(message(fixture("binary.bin")), "binary data (NUL bytes), not a text part list or CSV");
    EXPECT_EQ(message(fixture("invalid-utf8.txt")), "not UTF-8 text (invalid byte at offset 23)");
    EXPECT_NE(message(fixture("not-a-list.txt")).find("no PCPartPicker part lines found"), std::string::npos);
    EXPECT_NE(message(fixture("does-not-exist.txt")).find("no such file"), std::string::npos);
}

TEST(ImportInput, HugeFileIsRefusedBeforeReading)
{
    const testsupport::TempDir dir("import");
    const auto path = dir.file("huge.txt");
    {
        std::ofstream out(path, std::ios::binary);
        const std::string line = "CPU: AMD Ryzen 9 7950X ($499.00 @ Amazon)\n";
        for (size_t written = 0; written < 50u * 1024u * 1024u; written += line.size())
            out << line;
    }
    try {
        readImportFile(path);
        ADD_FAILURE() << "no error for a 50 MB file";
    } catch (const ImportError& e) {
        EXPECT_NE(std::string(e.what()).find("MB, more than the 10 MB limit for an import"), std::string::npos) << e.what();
    }
}

TEST(PriceCsvImport, HeaderNamesIdsCurrenciesAndUnmatchedRows)
{
    const PriceImportResult r = importPriceCsv(readImportFile(fixture("prices.csv")), ioCatalog());
    EXPECT_TRUE(r.hadHeader);
    ASSERT_EQ(r.updates.size(), 3u);
    EXPECT_EQ(r.updates[0].partId, "cpu-7950x");
    EXPECT_DOUBLE_EQ(r.updates[0].price, 489.0);
    EXPECT_EQ(r.updates[0].currency, "EUR");
    EXPECT_EQ(r.updates[0].kind, MatchKind::Exact);
    EXPECT_EQ(r.updates[1].partId, "cpu-7900x");  // by catalog id
    EXPECT_EQ(r.updates[2].partId, "ssd-990pro-2tb");
    EXPECT_DOUBLE_EQ(r.updates[2].price, 1149.0);
    EXPECT_EQ(r.updates[2].currency, "EUR");  // from the symbol
    ASSERT_EQ(r.unmatched.size(), 1u);
    EXPECT_EQ(r.unmatched[0].row, 5);
    EXPECT_EQ(r.unmatched[0].reason, "no catalog part matches");
    ASSERT_EQ(r.refused.size(), 1u);
    EXPECT_EQ(r.refused[0].row, 6);
    EXPECT_EQ(r.refused[0].reason, "price \"not a price\" is not a number");
    EXPECT_EQ(r.summary(), "3 prices matched (2 exact, 1 normalised, 0 fuzzy), 1 row not matched, 1 row refused");
}

TEST(PriceCsvImport, SemicolonSheetWithDecimalCommas)
{
    const PriceImportResult r = importPriceCsv(readImportFile(fixture("prices-semicolon.csv")), ioCatalog(), "EUR");
    EXPECT_FALSE(r.hadHeader);  // "Artikel;Preis" is not a known header: detected from the data
    ASSERT_EQ(r.updates.size(), 2u);
    EXPECT_DOUBLE_EQ(r.updates[0].price, 489.0);
    EXPECT_EQ(r.updates[0].currency, "EUR");
    EXPECT_EQ(r.updates[1].partId, "gpu-4090-tuf");
    EXPECT_DOUBLE_EQ(r.updates[1].price, 1799.0);
}

TEST(PriceCsvImport, HeaderlessAndBrokenSheets)
{
    const PriceImportResult r = importPriceCsv("AMD Ryzen 9 7950X,479.99\n", ioCatalog());
    ASSERT_EQ(r.updates.size(), 1u);
    EXPECT_EQ(r.updates[0].currency, "USD");
    EXPECT_THROW(importPriceCsv("just,words\nno,numbers\n", ioCatalog()), ImportError);
    EXPECT_THROW(importPriceCsv("name,price\n\"unterminated,1\n", ioCatalog()), ImportError);
}

// Issue 16, item 8: every one of these was imported as a different number, with exit 0.
TEST(PcPartPickerPrice, RefusesWhatIsNotPlainlyAPrice)
{
    const auto error = [](std::string_view text) {
        std::string why;
        const auto price = parsePcPartPickerPrice(text, &why);
        EXPECT_FALSE(price) << text << " read as " << price->amount;
        return why;
    };
    EXPECT_EQ(error("-749"), "price \"-749\" is negative (a price is 0 or more)");
    EXPECT_EQ(error("$-749.00 @ eBay"), "price \"$-749.00 @ eBay\" is negative (a price is 0 or more)");
    EXPECT_EQ(error("1e400"), "price \"1e400\" uses an exponent; write the amount in full");
    EXPECT_EQ(error("1e308"), "price \"1e308\" uses an exponent; write the amount in full");
    EXPECT_EQ(error("$1e44"), "price \"$1e44\" uses an exponent; write the amount in full");
    EXPECT_EQ(error("0.00000000001"), "price \"0.00000000001\" has more than two decimal places");
    EXPECT_EQ(error("0x1F"), "price \"0x1F\" is hexadecimal, not a price");
    EXPECT_NE(error("$100000000000000000000000000000000000000000000").find("larger than 1,000,000"), std::string::npos);
    EXPECT_EQ(error("749 ABCDEFGHIJKLMNOPQRSTUVWXYZ"), "price \"749 ABCDEFGHIJKLMNOPQRSTUVWXYZ\" is not a number");
    EXPECT_NE(error("\xC2\xA5" "749").find("yen or yuan"), std::string::npos);

    // "No price" is not an error.
    std::string why = "stale";
    EXPECT_FALSE(parsePcPartPickerPrice("-", &why));
    EXPECT_TRUE(why.empty());
    // Codes and signs still say the currency; mlrig's own Markdown notes are read past.
    EXPECT_EQ(parsePcPartPickerPrice("749 JPY")->currency, "JPY");
    EXPECT_EQ(parsePcPartPickerPrice("1 299 kr")->currency, "SEK");
    EXPECT_DOUBLE_EQ(parsePcPartPickerPrice("1 299 kr")->amount, 1299.0);
    EXPECT_DOUBLE_EQ(parsePcPartPickerPrice("$700.00 (used)")->amount, 700.0);
    EXPECT_DOUBLE_EQ(parsePcPartPickerPrice("$0.00")->amount, 0.0);
}

TEST(PcPartPickerImport, ABadPriceFailsTheWholeImportNamingEachLine)
{
    const std::string list = "CPU: AMD Ryzen 9 7950X 4.5 GHz 16-Core Processor  ($499.00 @ Amazon)\n"
                             "Video Card: Zotac GAMING Trinity GeForce RTX 3090 24 GB Video Card  ($-749.00 @ eBay)\n"
                             "Memory: Corsair Vengeance RGB 64 GB (2 x 32 GB) DDR5-6000 CL30 Memory  ($1e400 @ Newegg)\n"
                             "Storage: Samsung 990 Pro 2 TB M.2-2280 PCIe 4.0 X4 NVME Solid State Drive  (0x1F @ Amazon)\n"
                             "Case: Fractal Design Meshify 2 RGB ATX Mid Tower Case  ($0.00000000001 @ Amazon)\n";
    try {
        importPcPartPickerList(list, ioCatalog());
        ADD_FAILURE() << "imported";
    } catch (const ImportError& e) {
        EXPECT_EQ(std::string(e.what()),
                  "line 2: price \"$-749.00 @ eBay\" is negative (a price is 0 or more); "
                  "line 3: price \"$1e400 @ Newegg\" uses an exponent; write the amount in full; "
                  "line 4: price \"0x1F @ Amazon\" is hexadecimal, not a price; "
                  "line 5: price \"$0.00000000001 @ Amazon\" has more than two decimal places (nothing imported)");
    }
    // Markdown rows too, and a currency code that is not ISO 4217.
    EXPECT_THROW(importPcPartPickerList("**CPU** | AMD Ryzen 9 7950X | -749\n", ioCatalog()), ImportError);
    EXPECT_THROW(importPcPartPickerList("CPU: AMD Ryzen 9 7950X (749 ABCDEFGHIJKLMNOPQRSTUVWXYZ @ Shop)\n", ioCatalog()),
                 ImportError);
}

TEST(PcPartPickerImport, QuantityPrefixIsTheQuantity)
{
    const ImportResult r = importPcPartPickerList(
        "Video Card: 2 x Zotac GAMING Trinity GeForce RTX 3090 24 GB Video Card  ($749.00 @ eBay)\n"
        "Memory: Corsair Vengeance RGB 64 GB (2 x 32 GB) DDR5-6000 CL30 Memory  ($204.99 @ Newegg)\n"
        "Video Card: 2x Zotac GAMING Trinity GeForce RTX 3090 24 GB Video Card  ($749.00 @ eBay)\n",
        ioCatalog());
    ASSERT_EQ(r.lines.size(), 2u);
    EXPECT_EQ(lineOf(r, "Video Card").quantity, 4);  // "2 x" and "2x" lines of the same card and price
    EXPECT_EQ(lineOf(r, "Video Card").matchedId, "gpu-3090-zotac");
    EXPECT_EQ(lineOf(r, "Memory").quantity, 1);  // "2 x 32 GB" is the kit, not a quantity
    EXPECT_EQ(lineOf(r, "Memory").matchedId, "ram-64-cl30");
    ASSERT_TRUE(r.linesTotal);
    EXPECT_DOUBLE_EQ(*r.linesTotal, 4 * 749.0 + 204.99);

    EXPECT_THROW(importPcPartPickerList("Video Card: 20 x GeForce RTX 3090 ($700)\n", ioCatalog()), ImportError);
    EXPECT_THROW(importPcPartPickerList("Video Card: 0 x GeForce RTX 3090 ($700)\n", ioCatalog()), ImportError);
}

TEST(PcPartPickerImport, DifferentVariantIsReportedNotMatched)
{
    // The small catalog has this kit in CL30 and CL40 only.
    const ImportResult r = importPcPartPickerList(
        "Memory: Corsair Vengeance RGB 64 GB (2 x 32 GB) DDR5-6000 CL36 Memory  ($189.99 @ Amazon)\n", ioCatalog());
    const ImportLine& memory = lineOf(r, "Memory");
    EXPECT_EQ(memory.kind, MatchKind::Unmatched);
    EXPECT_TRUE(memory.matchedId.empty());
    EXPECT_FALSE(memory.closestId.empty());
    ASSERT_EQ(memory.differsIn.size(), 1u);
    EXPECT_EQ(memory.differsIn[0].rfind("CAS latency (list: CL36, catalog: CL", 0), 0u) << memory.differsIn[0];
    ASSERT_EQ(r.build.items.size(), 1u);
    EXPECT_TRUE(r.build.items[0].custom);  // kept as a custom part with the list's name and price
    EXPECT_DOUBLE_EQ(*r.build.items[0].price, 189.99);
}

TEST(PcPartPickerImport, ListTotalIsCheckedAgainstItsLines)
{
    // The fixtures' totals agree with their lines: no warning.
    for (const char* name : {"pcpp-text-odd-prices.txt", "pcpp-markdown.md", "pcpp-two-gpu-eur.txt"}) {
        const ImportResult r = importFixture(name);
        ASSERT_TRUE(r.linesTotal) << name;
        EXPECT_EQ(std::count_if(r.warnings.begin(), r.warnings.end(),
                                [](const std::string& w) { return w.find("total") != std::string::npos; }),
                  0)
            << name;
    }
    // Issue 16: a list whose Total ($2,584.90) is not what its lines add up to.
    const ImportResult r = importPcPartPickerList("CPU: AMD Ryzen 9 7950X ($499.00 @ Amazon)\n"
                                                  "Video Card: GeForce RTX 3090 ($700.00 @ eBay)\n"
                                                  "Case: Some Case\n"
                                                  "Total: $2,584.90\n",
                                                  ioCatalog());
    ASSERT_TRUE(r.listedTotal);
    EXPECT_DOUBLE_EQ(*r.listedTotal, 2584.90);
    EXPECT_NE(std::find(r.warnings.begin(), r.warnings.end(),
                        "the list's total is USD 2584.90 but its lines add up to USD 1199.00 (1 line without a "
                        "price); check for lines missing, changed or not understood"),
              r.warnings.end());
    // With mail-in rebates the line prices add up to the total before rebates.
    const ImportResult rebate = importPcPartPickerList("CPU: AMD Ryzen 9 7950X ($499.00 @ Amazon)\n"
                                                       "Total (before mail-in rebates): $499.00\n"
                                                       "Mail-in rebates: -$20.00\n"
                                                       "Total: $479.00\n",
                                                       ioCatalog());
    EXPECT_TRUE(rebate.warnings.empty()) << rebate.warnings.front();
}

TEST(PcPartPickerImport, LimitsOnLinesAndBuildSize)
{
    std::string many;
    for (int i = 0; i <= kMaxImportLines; ++i)
        many += "CPU: AMD Ryzen 9 7950X ($499.00)\n";
    try {
        importPcPartPickerList(many, ioCatalog());
        ADD_FAILURE() << "imported";
    } catch (const ImportError& e) {
        EXPECT_NE(std::string(e.what()).find("more than 100000 part lines (line 100001)"), std::string::npos) << e.what();
    }
    std::string distinct;
    for (size_t i = 0; i <= kMaxBuildItems; ++i)
        distinct += "Case: Case number " + std::to_string(i) + "\n";
    try {
        importPcPartPickerList(distinct, ioCatalog());
        ADD_FAILURE() << "imported";
    } catch (const ImportError& e) {
        EXPECT_EQ(std::string(e.what()), "the list has 10001 different part lines; a build holds at most 10000 (nothing imported)");
    }
    // At the limits the build is written and loads again.
    std::string atLimit;
    for (int i = 0; i < kMaxImportLines; ++i)
        atLimit += "Video Card: GeForce RTX 3090 ($700.00)\n";
    const ImportResult r = importPcPartPickerList(atLimit, ioCatalog());
    EXPECT_EQ(r.build.items.size(), static_cast<size_t>(kMaxImportLines / kMaxItemQuantity));
    EXPECT_LE(r.build.items.size(), static_cast<size_t>(kMaxBuildItems));
}

TEST(PriceCsvImport, BadPricesAndCurrenciesAreRefusedNamingTheRow)
{
    const PriceImportResult r = importPriceCsv("name,price,currency\n"
                                               "AMD Ryzen 9 7950X,-749,USD\n"
                                               "AMD Ryzen 9 7950X,1e400,USD\n"
                                               "AMD Ryzen 9 7950X,1e308,USD\n"
                                               "AMD Ryzen 9 7950X,0.00000000001,USD\n"
                                               "AMD Ryzen 9 7950X,0x1F,USD\n"
                                               "AMD Ryzen 9 7950X,1e44,USD\n"
                                               "AMD Ryzen 9 7950X,499.00,ABCDEFGHIJKLMNOPQRSTUVWXYZ\n"
                                               "AMD Ryzen 9 7950X,\xE2\x82\xAC" "499.00,USD\n"
                                               "AMD Ryzen 9 7950X,,USD\n"
                                               "AMD Ryzen 9 7950X,499.00,usd\n",
                                               ioCatalog());
    ASSERT_EQ(r.updates.size(), 1u);  // only the last row: "usd" is USD
    EXPECT_EQ(r.updates[0].row, 11);
    EXPECT_EQ(r.updates[0].currency, "USD");
    ASSERT_EQ(r.refused.size(), 9u);
    const std::vector<std::string> reasons = {
        "price \"-749\" is negative (a price is 0 or more)",
        "price \"1e400\" uses an exponent; write the amount in full",
        "price \"1e308\" uses an exponent; write the amount in full",
        "price \"0.00000000001\" has more than two decimal places",
        "price \"0x1F\" is hexadecimal, not a price",
        "price \"1e44\" uses an exponent; write the amount in full",
        "currency \"ABCDEFGHIJKLMNOPQRSTUVWXYZ\" is not an ISO 4217 code (like USD, EUR)",
        "price \"\xE2\x82\xAC" "499.00\" is in EUR but the currency column says USD",
        "no price given",
    };
    for (size_t i = 0; i < reasons.size(); ++i) {
        EXPECT_EQ(r.refused[i].row, static_cast<int>(i) + 2);
        EXPECT_EQ(r.refused[i].text, "AMD Ryzen 9 7950X");
        EXPECT_EQ(r.refused[i].reason, reasons[i]);
    }
}

TEST(PriceCsvImport, LimitsAndDefaultCurrency)
{
    EXPECT_THROW(importPriceCsv("AMD Ryzen 9 7950X,499\n", ioCatalog(), "ABCDEFGHIJKLMNOPQRSTUVWXYZ"), ImportError);
    EXPECT_THROW(importPriceCsv("AMD Ryzen 9 7950X,499\n", ioCatalog(), "usd"), ImportError);
    std::string sheet = "name,price\n";
    for (int i = 0; i <= kMaxPriceRows; ++i)
        sheet += "Widget " + std::to_string(i) + ",1.00\n";
    try {
        importPriceCsv(sheet, ioCatalog());
        ADD_FAILURE() << "imported";
    } catch (const ImportError& e) {
        EXPECT_EQ(std::string(e.what()), "the sheet has 50001 rows; mlrig reads at most 50000 from one file (split it)");
    }
}
