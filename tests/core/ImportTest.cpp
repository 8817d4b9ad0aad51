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
    ASSERT_EQ(r.unmatched.size(), 2u);
    EXPECT_EQ(r.unmatched[0].row, 5);
    EXPECT_EQ(r.unmatched[0].reason, "no catalog part matches");
    EXPECT_EQ(r.unmatched[1].reason, "price \"not a price\" is not a number");
    EXPECT_EQ(r.summary(), "3 price(s) matched (2 exact, 1 normalised, 0 fuzzy), 2 row(s) not matched");
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
