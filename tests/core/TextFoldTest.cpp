// Name folding (core/util/TextUtil): the comparison every part lookup uses.
#include <gtest/gtest.h>

#include <clocale>
#include <string>
#include <vector>

#include "core/util/TextUtil.h"

using namespace mlrig;

TEST(TextFold, FoldsCaseSpacesHyphensAndUnderscores)
{
    EXPECT_EQ(foldName("LGA 1700"), "lga1700");
    EXPECT_EQ(foldName("Mini-ITX"), "miniitx");
    EXPECT_EQ(foldName(" RTX_3060\t12 GB "), "rtx306012gb");
    EXPECT_EQ(foldName(""), "");
    EXPECT_EQ(foldName(" - _"), "");
    EXPECT_EQ(toLower("GeForce RTX 4090"), "geforce rtx 4090");
}

// Bytes outside ASCII are kept as they are, so UTF-8 names stay valid UTF-8 and fold the same on
// every machine, whatever the locale the process runs in.
TEST(TextFold, LeavesUtf8BytesAlone)
{
    EXPECT_EQ(foldName("Gehäuse Ä-1"), "gehäuseÄ1");
    EXPECT_EQ(toLower("ÄÖÜ"), "ÄÖÜ");
    EXPECT_TRUE(equalsIgnoreCase("Gehäuse", "GEHäUSE"));
    EXPECT_FALSE(equalsIgnoreCase("Gehäuse", "GEHÄUSE"));  // no Unicode case mapping, by design
}

// equalsFolded compares without building the folded strings; it must agree with foldName on
// every pair, separators at either end and empty names included.
TEST(TextFold, EqualsFoldedAgreesWithFoldName)
{
    const std::vector<std::string> names = {"",          " ",          "-",         "RTX 3090",  "rtx3090",
                                            "RTX 3090 ", " rtx-3090",  "RTX 309",   "RTX 30900", "rtx_3090_",
                                            "Mini-ITX",  "mini itx",   "miniit x",  "mini itxx", "Gehäuse",
                                            "GEHäUSE",   "a",          "A-",        "_a_",       "b"};
    for (const std::string& a : names) {
        for (const std::string& b : names)
            EXPECT_EQ(equalsFolded(a, b), foldName(a) == foldName(b)) << '"' << a << "\" vs \"" << b << '"';
    }
}
