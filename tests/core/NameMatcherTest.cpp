#include <gtest/gtest.h>

#include "tests/support/Catalogs.h"
#include "core/io/NameMatcher.h"

using namespace mlrig;
using mlrig::testsupport::ioCatalog;

namespace {

std::string matchedId(const NameMatch& m)
{
    return m.part ? infoOf(*m.part).id : std::string("<none>");
}

}  // namespace

TEST(NameMatcher, TokensJoinNumbersWithUnitsAndKits)
{
    EXPECT_EQ(NameMatcher::tokens("Corsair Vengeance 64 GB (2 x 32 GB) DDR5-6000 CL30 Memory"),
              (std::vector<std::string>{"corsair", "vengeance", "64gb", "2x32gb", "ddr5", "6000", "cl30", "memory"}));
    EXPECT_EQ(NameMatcher::tokens("AMD Ryzen 9 7950X 4.5 GHz 16-Core"),
              (std::vector<std::string>{"amd", "ryzen", "9", "7950x", "4.5ghz", "16core"}));
    EXPECT_EQ(NameMatcher::tokens("MSI RTX 4070 VENTUS 2X 12G"),
              (std::vector<std::string>{"msi", "rtx", "4070", "ventus", "2x", "12gb"}));
    EXPECT_EQ(NameMatcher::tokens("Samsung 990 Pro M.2-2280"), (std::vector<std::string>{"samsung", "990", "pro", "m.2", "2280"}));
}

TEST(NameMatcher, NormalisedKeyDropsSpecTailFillerAndOrder)
{
    EXPECT_EQ(NameMatcher::normalisedKey("AMD Ryzen 9 7950X 4.5 GHz 16-Core Processor"),
              NameMatcher::normalisedKey("amd ryzen 9 7950x"));
    EXPECT_EQ(NameMatcher::normalisedKey("Gigabyte WINDFORCE V2 GeForce RTX 4090 24 GB Video Card"),
              NameMatcher::normalisedKey("Gigabyte GeForce RTX 4090 WINDFORCE V2 24GB"));
}

TEST(NameMatcher, ExactThenNormalisedThenFuzzy)
{
    const NameMatcher matcher(ioCatalog());
    const NameMatch exact = matcher.match(Category::Cpu, "amd ryzen 9 7950x");
    EXPECT_EQ(exact.kind, MatchKind::Exact);
    EXPECT_EQ(matchedId(exact), "cpu-7950x");

    const NameMatch normalised = matcher.match(Category::Cpu, "AMD Ryzen 9 7950X 4.5 GHz 16-Core Processor");
    EXPECT_EQ(normalised.kind, MatchKind::Normalised);
    EXPECT_EQ(matchedId(normalised), "cpu-7950x");

    const NameMatch fuzzy = matcher.match(Category::Cooler, "Noctua NH-D15 chromax.black 82.52 CFM CPU Cooler");
    EXPECT_EQ(fuzzy.kind, MatchKind::Fuzzy);
    EXPECT_EQ(matchedId(fuzzy), "cooler-nhd15");
    EXPECT_GE(fuzzy.score, matcher.threshold());
    EXPECT_LT(fuzzy.score, 1.0);
}

TEST(NameMatcher, ModelNumberMustAgree)
{
    const NameMatcher matcher(ioCatalog());
    // Shares "AMD Ryzen 9" with two catalog CPUs, but no 7700X is in the catalog.
    const NameMatch m = matcher.match(Category::Cpu, "AMD Ryzen 7 7700X 4.5 GHz 8-Core Processor");
    EXPECT_EQ(m.kind, MatchKind::Unmatched);
    EXPECT_EQ(m.part, nullptr);
}

TEST(NameMatcher, CapacityAndWattageMustAgree)
{
    const NameMatcher matcher(ioCatalog());
    EXPECT_EQ(matchedId(matcher.match(Category::Storage, "Samsung 990 Pro 1 TB M.2-2280 NVME Solid State Drive")),
              "ssd-990pro-1tb");
    // The only 4 TB drive is the heatsink version: reported as the closest part, not matched.
    const NameMatch heatsink = matcher.match(Category::Storage, "Samsung 990 Pro 4 TB M.2-2280 NVME Solid State Drive");
    EXPECT_EQ(heatsink.kind, MatchKind::Unmatched);
    ASSERT_NE(heatsink.closest, nullptr);
    EXPECT_EQ(infoOf(*heatsink.closest).id, "ssd-990pro-4tb");
    EXPECT_EQ(heatsink.differsIn, std::vector<std::string>{"model line (list: none, catalog: heatsink)"});
    EXPECT_EQ(matchedId(matcher.match(Category::Storage, "Samsung 990 Pro w/Heatsink 4 TB M.2-2280 NVME Solid State Drive")),
              "ssd-990pro-4tb");
    EXPECT_EQ(matchedId(matcher.match(Category::Memory, "Corsair Vengeance RGB 64 GB (2 x 32 GB) DDR5-6000 CL40 Memory")),
              "ram-64-cl40");
    // No 1300 W Corsair in the catalog: not the 1000 W one.
    EXPECT_EQ(matcher.match(Category::Psu, "Corsair RM1300x 1300 W 80+ Gold Power Supply").kind, MatchKind::Unmatched);
}

TEST(NameMatcher, GpuPrefersCardOnTheSameChipElseTheModelRow)
{
    const NameMatcher matcher(ioCatalog());
    const NameMatch card = matcher.match(Category::Gpu, "Asus TUF Gaming OG OC GeForce RTX 4090 24 GB Video Card");
    EXPECT_EQ(matchedId(card), "gpu-4090-tuf");

    // A Founders Edition is not in the catalog: the GPU model row, not another vendor's card.
    const NameMatch row = matcher.match(Category::Gpu, "NVIDIA Founders Edition GeForce RTX 4090 24 GB Video Card");
    ASSERT_NE(row.part, nullptr);
    EXPECT_EQ(infoOf(*row.part).name, "GeForce RTX 4090");
    EXPECT_EQ(row.kind, MatchKind::Fuzzy);

    // "4070 Ti" must not become the plain 4070 card.
    const NameMatch ti = matcher.match(Category::Gpu, "MSI VENTUS 2X OC GeForce RTX 4070 Ti 12 GB Video Card");
    ASSERT_NE(ti.part, nullptr);
    EXPECT_EQ(infoOf(*ti.part).name, "GeForce RTX 4070 Ti");

    // The chip name with its memory size in it.
    const NameMatch g3060 = matcher.match(Category::Gpu, "Gigabyte WINDFORCE OC GeForce RTX 3060 12GB Video Card");
    ASSERT_NE(g3060.part, nullptr);
    EXPECT_EQ(infoOf(*g3060.part).name, "GeForce RTX 3060 12GB");
}

TEST(NameMatcher, UnknownAndEmptyNamesStayUnmatched)
{
    const NameMatcher matcher(ioCatalog());
    EXPECT_EQ(matcher.match(Category::Case, "Phanteks Enthoo Pro 2 Server Edition \xE2\x80\x9E" "Big Tower\xE2\x80\x9C").kind,
              MatchKind::Unmatched);
    EXPECT_EQ(matcher.match(Category::Case, "   ").kind, MatchKind::Unmatched);
    EXPECT_EQ(matchKindId(MatchKind::Normalised), "normalised");
}
