#include <gtest/gtest.h>

#include "tests/support/BuiltInCatalog.h"
#include "tests/support/Parts.h"
#include "core/advise/GpuComparison.h"
#include "core/io/ComparisonCsvExport.h"
#include "core/util/Csv.h"

using namespace mlrig;
using mlrig::testsupport::builtInCatalog;
using mlrig::testsupport::gpuItem;

namespace {

std::vector<size_t> winners(const GpuComparison& c, std::string_view row)
{
    const ComparisonRow* r = c.row(row);
    EXPECT_TRUE(r) << row;
    return r ? r->winners : std::vector<size_t>{};
}

Workload llm8b()
{
    Workload w;
    w.kind = WorkloadKind::LlmInference;
    w.model = "llama-3.1-8b";
    return w;
}

}  // namespace

TEST(GpuComparison, ThreeCardsHaveTheRightWinnerInEveryRow)
{
    const GpuComparison c = compareGpus(
        builtInCatalog(), {gpuItem("GeForce RTX 3090"), gpuItem("GeForce RTX 4090"), gpuItem("GeForce RTX 4060 Ti 16GB")},
        llm8b());
    ASSERT_EQ(c.gpus.size(), 3u);
    EXPECT_EQ(winners(c, "vram"), (std::vector<size_t>{0, 1}));  // 24 GB each
    EXPECT_EQ(winners(c, "bandwidth"), std::vector<size_t>{1});
    EXPECT_EQ(winners(c, "fp16-tensor"), std::vector<size_t>{1});
    EXPECT_EQ(winners(c, "fp32"), std::vector<size_t>{1});
    EXPECT_EQ(winners(c, "tdp"), std::vector<size_t>{2});
    EXPECT_EQ(winners(c, "transient-peak"), std::vector<size_t>{2});
    EXPECT_EQ(winners(c, "length"), std::vector<size_t>{2});
    EXPECT_EQ(winners(c, "price"), std::vector<size_t>{2});
    EXPECT_EQ(winners(c, "nvlink"), std::vector<size_t>{0});  // only the 3090 has the bridge
    EXPECT_EQ(winners(c, "launch-year"), std::vector<size_t>{2});  // 4060 Ti: 2023
    EXPECT_EQ(winners(c, "vram-per-dollar"), std::vector<size_t>{2});
    EXPECT_TRUE(winners(c, "fits").empty()) << "all three hold an 8B model: no winner";
    EXPECT_EQ(winners(c, "figure"), std::vector<size_t>{1});
    EXPECT_EQ(c.row("figure")->label, "decode tokens/s");
    // Decode speed follows bandwidth, but at new market prices (2026: about $1,900 for a 4090, $425
    // for a 4060 Ti 16GB) the 4090's 3.5x bandwidth costs 4.5x as much: the 4060 Ti gives the most
    // tokens/s per dollar (at launch MSRPs, $1,599 against $499, it was the 4090).
    EXPECT_EQ(c.gpus[1].priceSource, PriceSource::Market);
    EXPECT_EQ(winners(c, "figure-per-dollar"), std::vector<size_t>{2});
    EXPECT_TRUE(winners(c, "connectors").empty());
    EXPECT_EQ(c.row("class")->text, (std::vector<std::string>{"Consumer", "Consumer", "Consumer"}));
}

TEST(GpuComparison, DifferencesAreInPercentAgainstTheFirstColumn)
{
    const GpuComparison c =
        compareGpus(builtInCatalog(), {gpuItem("GeForce RTX 3090"), gpuItem("GeForce RTX 4090")}, std::nullopt);
    const ComparisonRow* bw = c.row("bandwidth");
    ASSERT_TRUE(bw && bw->values[0] && bw->values[1]);
    EXPECT_FALSE(bw->deltaPercent[0]);
    ASSERT_TRUE(bw->deltaPercent[1]);
    EXPECT_NEAR(*bw->deltaPercent[1], (*bw->values[1] - *bw->values[0]) / *bw->values[0] * 100, 1e-9);
    EXPECT_GT(*bw->deltaPercent[1], 0);
    EXPECT_FALSE(c.row("fits")) << "no workload, no workload rows";
    EXPECT_FALSE(c.row("nvlink")->deltaPercent[1]) << "yes/no rows have no percentage";
}

TEST(GpuComparison, UserPricesAndPowerLimitsCount)
{
    const GpuComparison c =
        compareGpus(builtInCatalog(), {gpuItem("GeForce RTX 3090", 1, 700), gpuItem("GeForce RTX 4090")}, llm8b());
    EXPECT_EQ(c.row("price")->text[0], "$700");
    EXPECT_EQ(c.row("price-origin")->text[0], "your price (USD)");
    EXPECT_EQ(winners(c, "vram-per-dollar"), std::vector<size_t>{0});
    BuildItem limited = gpuItem("GeForce RTX 4090");
    limited.powerLimitW = 300;
    const GpuComparison d = compareGpus(builtInCatalog(), {gpuItem("GeForce RTX 4090"), limited}, llm8b());
    EXPECT_DOUBLE_EQ(*d.row("tdp")->values[1], 300);
    EXPECT_LT(*d.row("figure")->values[1], *d.row("figure")->values[0]);
}

TEST(GpuComparison, AModelThatDoesNotFitHasNoSpeed)
{
    Workload w = llm8b();
    w.model = "llama-3.1-70b";
    const GpuComparison c =
        compareGpus(builtInCatalog(), {gpuItem("GeForce RTX 4060 Ti 16GB"), gpuItem("RTX 6000 Ada")}, w);
    EXPECT_EQ(winners(c, "fits"), std::vector<size_t>{1});
    const std::string& fits = c.row("fits")->text[0];
    EXPECT_EQ(fits.rfind("No (", 0), 0u) << fits;
    EXPECT_NE(fits.find(" of 16 GB)"), std::string::npos) << fits;
    EXPECT_FALSE(c.row("figure")->values[0]);
    EXPECT_EQ(c.row("figure")->text[0], "—");
    EXPECT_TRUE(c.row("figure")->values[1]);
}

TEST(GpuComparison, ThePairOfTheBuildIsComparedBesideOneCard)
{
    // A 70B model on two 24 GB cards: one card cannot hold it, the pair can and has a speed.
    Workload w = llm8b();
    w.model = "llama-3.1-70b";
    const GpuComparison c =
        compareGpus(builtInCatalog(), {gpuItem("GeForce RTX 3090"), gpuItem("GeForce RTX 4060 Ti 16GB")}, w, 2);
    EXPECT_EQ(c.cardCount, 2);
    ASSERT_NE(c.row("fits-multi"), nullptr);
    EXPECT_EQ(c.row("fits")->text[0].rfind("No (", 0), 0u);
    EXPECT_EQ(c.row("fits-multi")->label, "Fits on 2 cards");
    EXPECT_EQ(c.row("fits-multi")->text[0].rfind("Yes (", 0), 0u) << c.row("fits-multi")->text[0];
    EXPECT_EQ(c.row("fits-multi")->text[1].rfind("No (", 0), 0u);  // 32 GB is not enough either
    ASSERT_TRUE(c.row("figure-multi")->values[0]);
    EXPECT_GT(*c.row("figure-multi")->values[0], 5.0);
    EXPECT_NE(c.row("figure-multi")->label.find("on 2 cards"), std::string::npos);
    EXPECT_FALSE(c.row("figure-multi")->values[1]);
    // Without a pair in the build there are no such rows; absurd counts are refused.
    EXPECT_EQ(compareGpus(builtInCatalog(), {gpuItem("GeForce RTX 3090"), gpuItem("GeForce RTX 4090")}, w).row("fits-multi"),
              nullptr);
    EXPECT_THROW(compareGpus(builtInCatalog(), {gpuItem("GeForce RTX 3090"), gpuItem("GeForce RTX 4090")}, w, 0),
                 std::invalid_argument);
}

TEST(GpuComparison, RejectsWrongCountsAndUnknownParts)
{
    EXPECT_THROW(compareGpus(builtInCatalog(), {gpuItem("GeForce RTX 3090")}, std::nullopt), std::invalid_argument);
    std::vector<BuildItem> five(5, gpuItem("GeForce RTX 3090"));
    EXPECT_THROW(compareGpus(builtInCatalog(), five, std::nullopt), std::invalid_argument);
    EXPECT_THROW(
        compareGpus(builtInCatalog(), {gpuItem("GeForce RTX 3090"), gpuItem("GeForce RTX 9999")}, std::nullopt),
        std::invalid_argument);
    BuildItem cpu = gpuItem("GeForce RTX 3090");
    cpu.category = Category::Cpu;
    EXPECT_THROW(compareGpus(builtInCatalog(), {gpuItem("GeForce RTX 3090"), cpu}, std::nullopt),
                 std::invalid_argument);
    Workload bad = llm8b();
    bad.model = "nope";
    EXPECT_THROW(compareGpus(builtInCatalog(), {gpuItem("GeForce RTX 3090"), gpuItem("GeForce RTX 4090")}, bad),
                 std::invalid_argument);
}

TEST(GpuComparison, CsvHasOneRowPerMetricAndParsesBack)
{
    Gpu g;
    g.info.name = "My \"odd\", card";
    g.vramGb = 20;
    BuildItem custom = testsupport::customItem(g);
    custom.price = 500;
    const GpuComparison c = compareGpus(builtInCatalog(), {gpuItem("GeForce RTX 3090"), custom}, llm8b());
    const std::vector<CsvRow> rows = parseCsv(comparisonToCsv(c));
    ASSERT_EQ(rows.size(), c.rows.size() + 1);
    EXPECT_EQ(rows[0], (CsvRow{"Group", "Metric", "Unit", "GeForce RTX 3090", "My \"odd\", card",
                               "My \"odd\", card vs GeForce RTX 3090 (%)", "Best"}));
    const auto vram = std::find_if(rows.begin(), rows.end(), [](const CsvRow& r) { return r[1] == "VRAM"; });
    ASSERT_NE(vram, rows.end());
    EXPECT_EQ((*vram)[3], "24");
    EXPECT_EQ((*vram)[4], "20");
    EXPECT_EQ((*vram)[5], "-16.7");
    EXPECT_EQ((*vram)[6], "GeForce RTX 3090");
}

TEST(GpuComparison, PricesSayWhereTheyComeFromAndHowOld)
{
    BuildItem used = gpuItem("GeForce RTX 3090");
    used.condition = Condition::Used;
    const GpuComparison c = compareGpus(builtInCatalog(), {used, gpuItem("GeForce RTX 4090"), gpuItem("Tesla K80")},
                                        std::nullopt);
    const ComparisonRow* origin = c.row("price-origin");
    ASSERT_NE(origin, nullptr);
    EXPECT_TRUE(origin->text[0].starts_with("used market, 20")) << origin->text[0];
    EXPECT_TRUE(origin->text[0].ends_with("(USD)")) << origin->text[0];
    EXPECT_TRUE(origin->text[1].starts_with("new market, 20")) << origin->text[1];
    EXPECT_EQ(c.gpus[0].priceSource, PriceSource::Market);
    const MarketPrice* market = builtInCatalog().marketPrices().current("GeForce RTX 3090", Condition::Used);
    ASSERT_NE(market, nullptr);
    EXPECT_EQ(c.gpus[0].price, std::optional<double>(market->priceUsd));
    // The K80 has no market price: its launch MSRP (if it has one), labelled as the last resort.
    if (c.gpus[2].price) {
        EXPECT_EQ(origin->text[2], "launch MSRP (no market price) (USD)");
    }
}
