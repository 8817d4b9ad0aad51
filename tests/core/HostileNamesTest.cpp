// Part names with quotes, Unicode, control characters and 10,000 characters survive every place a
// name is stored or written: the user database, the .mlrig file, CSV and Markdown exports.
// (The PDF report is checked in tests/report, the GUI path in tests/ui/DataSafetyTest.cpp.)
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "tests/support/Catalogs.h"
#include "tests/support/Files.h"
#include "core/util/VisibleText.h"
#include "core/io/BuildDocument.h"
#include "core/catalog/UserDatabase.h"
#include "core/io/BuildCsvExport.h"
#include "core/io/BuildMarkdownExport.h"
#include "core/util/Csv.h"
#include "core/io/PcPartPickerImport.h"

using namespace mlrig;
using mlrig::testsupport::ioCatalog;

namespace {

// Not starting with a formula lead (= + - @ TAB CR): CSV would quote-prefix those, on purpose.
const std::string kHostile = "GeForce RTX\u2122 4090 \u201cFounders\u201d \u65e5\u672c\u8a9e \U0001F680 \"dq\" 'sq' "
                             "a\tb\x01" "c\nd \\ | * _ ` [x](y) <b>&amp;</b> '; DROP TABLE custom_part; --";

std::vector<std::string> hostileNames()
{
    std::string longName;
    while (longName.size() < 10000)
        longName += "Very long name \u65e5\u672c ";
    longName += "end";  // names are trimmed on load, as typed names are
    std::string longWord(10000, 'W');
    return {kHostile, longName, longWord + " " + kHostile};
}

Build buildWith(const std::string& name)
{
    Build b;
    b.name = name;
    BuildItem item;
    item.category = Category::Gpu;
    Gpu gpu;
    gpu.info.name = name;
    gpu.info.manufacturer = name;
    gpu.vramGb = 24;
    gpu.architecture = name;
    item.custom = gpu;
    item.price = 1599;
    b.items.push_back(item);
    BuildItem box;
    box.category = Category::Case;
    Case c;
    c.info.name = name;
    c.motherboardFormFactors = {name, "ATX"};
    box.custom = c;
    b.items.push_back(box);
    return b;
}

// What Markdown cannot hold on one table row: line breaks and tabs become spaces.
std::string flattened(std::string text)
{
    for (char& c : text)
        if (c == '\n' || c == '\r' || c == '\t')
            c = ' ';
    return text;
}

}  // namespace

TEST(HostileNames, RoundTripThroughTheUserDatabase)
{
    UserDatabase db(":memory:");
    for (const std::string& name : hostileNames()) {
        const Build b = buildWith(name);
        for (const BuildItem& item : b.items) {
            const std::string json = serializeCustomPart(*item.custom);
            const std::string id = db.addCustomPart(std::string(categoryId(item.category)), json);
            const auto records = db.customParts();
            const auto it = std::find_if(records.begin(), records.end(), [&](const CustomPartRecord& r) { return r.id == id; });
            ASSERT_NE(it, records.end());
            EXPECT_EQ(it->json, json);
            EXPECT_EQ(parseCustomPart(item.category, it->json), *item.custom);
            EXPECT_EQ(infoOf(parseCustomPart(item.category, it->json)).name, name);
        }
        db.setPrice({name, 12.5, "EUR", name});
        ASSERT_TRUE(db.price(name).has_value());
        EXPECT_EQ(db.price(name)->note, name);
    }
    EXPECT_EQ(db.customParts().size(), 6u);  // the SQL-looking text did not drop anything
}

TEST(HostileNames, RoundTripThroughTheBuildFile)
{
    const testsupport::TempDir dir("hostile");
    const auto path = dir.file("build.mlrig");
    for (const std::string& name : hostileNames()) {
        const Build b = buildWith(name);
        saveBuildFile(b, path);
        const Build back = loadBuildFile(path, &ioCatalog());
        EXPECT_EQ(back, b);
        EXPECT_EQ(back.name, name);
        EXPECT_EQ(infoOf(*back.items[0].custom).name, name);
    }
}

TEST(HostileNames, RoundTripThroughCsv)
{
    for (const std::string& name : hostileNames()) {
        const Build b = buildWith(name);
        const std::vector<CsvRow> rows = parseCsv(exportBuildCsv(b, Evaluation{}, ioCatalog()));
        ASSERT_EQ(rows.size(), 1u + 2u + 1u);
        for (const CsvRow& row : rows)
            EXPECT_EQ(row.size(), 11u);
        // Control characters arrive as visible escapes (VisibleText.h), everything else unchanged.
        const std::string shown = visibleText(name);
        EXPECT_EQ(rows[1][1], shown);
        EXPECT_EQ(rows[2][1], shown);
        EXPECT_EQ(rows[1][3], "1599.00");
        EXPECT_EQ(rows.back()[1], shown);  // the build's name on the total row
    }
}

TEST(HostileNames, MarkdownKeepsTheTableIntactAndReimports)
{
    for (const std::string& name : hostileNames()) {
        const Build b = buildWith(name);
        const std::string markdown = exportBuildMarkdown(b, Evaluation{}, ioCatalog());
        const std::string escaped = escapeMarkdown(name);
        EXPECT_EQ(escaped.find('\n'), std::string::npos);
        // Each part is one table row of exactly three cells (no unescaped pipe from the name).
        int rowsWithName = 0;
        size_t start = 0;
        while (start < markdown.size()) {
            const size_t end = markdown.find('\n', start);
            const std::string line = markdown.substr(start, end - start);
            start = end == std::string::npos ? markdown.size() : end + 1;
            if (line.find(escaped) == std::string::npos || line.starts_with("**" + escaped))
                continue;
            ++rowsWithName;
            int pipes = 0;
            for (size_t i = 0; i < line.size(); ++i) {
                if (line[i] == '\\') {
                    ++i;
                    continue;
                }
                pipes += line[i] == '|';
            }
            EXPECT_EQ(pipes, 2) << line.substr(0, 200);
        }
        EXPECT_EQ(rowsWithName, 2);
        const ImportResult back = importPcPartPickerList(markdown, ioCatalog());
        int named = 0;
        for (const ImportLine& l : back.lines)
            named += l.itemName == flattened(visibleText(name, LineBreaks::Keep));
        EXPECT_EQ(named, 2) << "reimported names differ from the exported ones";
    }
}
