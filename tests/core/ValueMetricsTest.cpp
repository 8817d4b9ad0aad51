// Prices (user > market > catalog retail > MSRP > unknown, effectivePrice()) and per-dollar metrics.
#include <gtest/gtest.h>

#include "core/eval/Evaluate.h"
#include "core/eval/ResolvedBuild.h"
#include "core/eval/ValueMetrics.h"
#include "tests/support/Parts.h"

using namespace mlrig;
using mlrig::testsupport::refItem;

namespace {

GpuChip chip(std::string model, double vram, double bw, double fp16, double tdp, std::optional<double> msrp)
{
    GpuChip c;
    c.model = std::move(model);
    c.vendor = Vendor::Nvidia;
    c.gpuClass = GpuClass::Consumer;
    c.architecture = "Ampere";
    c.vramGb = vram;
    c.memoryBandwidthGbs = bw;
    c.fp16TensorTflops = fp16;
    c.fp32Tflops = 35;
    c.tdpW = tdp;
    c.msrpUsd = msrp;
    return c;
}

Catalog catalog()
{
    Gpu partner;  // board-partner card with a shop price, linked to its chip row
    partner.info.id = "gpu-strix";
    partner.info.name = "Strix 3090";
    partner.info.priceUsd = 899;
    partner.chipModel = "GeForce RTX 3090";
    Gpu unpriced = partner;
    unpriced.info.id = "gpu-unpriced";
    unpriced.info.name = "Unpriced 3090";
    unpriced.info.priceUsd = std::nullopt;
    Cpu cpu;
    cpu.info.id = "cpu-1";
    cpu.info.name = "Some CPU";
    return Catalog::fromParts({partner, unpriced, cpu}, {chip("GeForce RTX 3090", 24, 936, 71, 350, 1499),
                                                          chip("No MSRP Card", 16, 500, 40, 200, std::nullopt)});
}

}  // namespace

TEST(ValueMetrics, PriceSourcesInOrderUserCatalogMsrpUnknown)
{
    const Catalog cat = catalog();
    const auto priceFor = [&](const BuildItem& item) { return effectivePrice(item, cat.find(item.category, item.ref), cat); };
    auto p = priceFor(refItem(Category::Gpu, "Strix 3090", 1, 650));
    EXPECT_EQ(p.source(), PriceSource::User);
    EXPECT_EQ(*p.unitPrice, 650);
    p = priceFor(refItem(Category::Gpu, "Strix 3090"));
    EXPECT_EQ(p.source(), PriceSource::Catalog);
    EXPECT_EQ(*p.unitPrice, 899);
    p = priceFor(refItem(Category::Gpu, "GeForce RTX 3090"));  // the model row: its MSRP
    EXPECT_EQ(p.source(), PriceSource::Msrp);
    EXPECT_EQ(*p.unitPrice, 1499);
    p = priceFor(refItem(Category::Gpu, "Unpriced 3090"));  // partner card without price: its chip's MSRP
    EXPECT_EQ(p.source(), PriceSource::Msrp);
    EXPECT_EQ(*p.unitPrice, 1499);
    p = priceFor(refItem(Category::Cpu, "Some CPU"));
    EXPECT_EQ(p.source(), PriceSource::Unknown);
    EXPECT_FALSE(p.unitPrice.has_value());
    EXPECT_EQ(priceSourceId(PriceSource::Msrp), "msrp");
    EXPECT_EQ(priceSourceId(PriceSource::Unknown), "unknown");
}

TEST(ValueMetrics, CostSummaryTotalsKnownPricesAndCountsMissing)
{
    const Catalog cat = catalog();
    Build b;
    b.currency = "EUR";
    b.items = {refItem(Category::Gpu, "Strix 3090", 2, 700), refItem(Category::Cpu, "Some CPU"),
               refItem(Category::Gpu, "GeForce RTX 3090")};
    const CostSummary cost = computeCost(b, resolve(b, cat), cat);
    // The euro total holds the euro price only: the MSRP is in dollars and stays in dollars.
    EXPECT_DOUBLE_EQ(cost.total, 2 * 700);
    EXPECT_EQ(cost.missingPrices, 1);
    EXPECT_EQ(cost.otherCurrencyLines, 1);
    EXPECT_EQ(cost.currency, "EUR");
    ASSERT_EQ(cost.lines.size(), 3u);
    EXPECT_DOUBLE_EQ(cost.lines[0].lineTotal, 1400);
    EXPECT_EQ(cost.lines[0].origin.currency, "EUR");
    EXPECT_EQ(cost.lines[1].source, PriceSource::Unknown);
    EXPECT_EQ(cost.lines[2].source, PriceSource::Msrp);
    EXPECT_EQ(cost.lines[2].origin.currency, "USD");
    b.currency = "USD";
    EXPECT_DOUBLE_EQ(computeCost(b, resolve(b, cat), cat).total, 2 * 700 + 1499);
}

TEST(ValueMetrics, PerDollarFiguresOfOneGpu)
{
    const Catalog cat = catalog();
    const Gpu& g = std::get<Gpu>(*cat.find(Category::Gpu, "GeForce RTX 3090"));
    const GpuValue v = gpuValueAt(g, 700, PriceOrigin{PriceSource::User});
    EXPECT_DOUBLE_EQ(*v.tflopsPerDollar, 71.0 / 700);
    EXPECT_DOUBLE_EQ(*v.bandwidthGbsPerDollar, 936.0 / 700);
    EXPECT_DOUBLE_EQ(*v.vramGbPerDollar, 24.0 / 700);
    EXPECT_EQ(v.priceSource, PriceSource::User);
    const GpuValue unknown = gpuValueAt(g, std::nullopt, PriceOrigin{PriceSource::User});
    EXPECT_FALSE(unknown.tflopsPerDollar.has_value());
    EXPECT_EQ(unknown.priceSource, PriceSource::Unknown);
    EXPECT_FALSE(gpuValueAt(g, 0.0, PriceOrigin{PriceSource::User}).vramGbPerDollar.has_value());  // free: no ratio
}

TEST(ValueMetrics, BuildValueUsesGpuCostAndDecodeSpeed)
{
    const Catalog cat = catalog();
    Build b;
    b.items = {refItem(Category::Gpu, "GeForce RTX 3090", 2, 700), refItem(Category::Cpu, "Some CPU", 1, 500)};
    b.workload = Workload{};
    b.workload->model = "llama-3.1-8b";
    const Evaluation e = evaluate(b, cat);
    ASSERT_EQ(e.value.gpus.size(), 1u);
    EXPECT_DOUBLE_EQ(*e.value.gpusTflopsPerDollar, 2 * 71.0 / 1400);
    EXPECT_DOUBLE_EQ(*e.value.gpusVramGbPerDollar, 48.0 / 1400);
    ASSERT_TRUE(e.workload && e.workload->decodeTokensPerS);
    EXPECT_DOUBLE_EQ(*e.value.gpusTokensPerSPerDollar, *e.workload->decodeTokensPerS / 1400);
    EXPECT_DOUBLE_EQ(*e.value.gpus[0].tokensPerSPerDollar, *e.value.gpusTokensPerSPerDollar);
    // Per dollar of the whole build: GPUs $1,400 + CPU $500.
    ASSERT_EQ(e.cost.total, 1900);
    EXPECT_DOUBLE_EQ(*e.value.wholeBuildTflopsPerDollar, 2 * 71.0 / 1900);
    EXPECT_DOUBLE_EQ(*e.value.wholeBuildVramGbPerDollar, 48.0 / 1900);
    EXPECT_DOUBLE_EQ(*e.value.wholeBuildTokensPerSPerDollar, *e.workload->decodeTokensPerS / 1900);
}

TEST(ValueMetrics, WholeBuildFiguresNeedEveryPrice)
{
    const Catalog cat = catalog();
    Build b;
    b.items = {refItem(Category::Gpu, "GeForce RTX 3090", 1, 700), refItem(Category::Cpu, "Some CPU")};
    const Evaluation e = evaluate(b, cat);
    ASSERT_EQ(e.cost.missingPrices, 1);  // an unknown part without a price of its own
    EXPECT_TRUE(e.value.gpusTflopsPerDollar.has_value());
    EXPECT_FALSE(e.value.wholeBuildTflopsPerDollar.has_value());
}

TEST(ValueMetrics, GpuValueTableCoversGpuModelRowsOnly)
{
    const Catalog cat = catalog();
    const auto rows = gpuValueTable(cat);
    ASSERT_EQ(rows.size(), 2u);  // two model rows; the partner cards are not listed
    for (const auto& row : rows) {
        ASSERT_NE(row.gpu, nullptr);
        EXPECT_TRUE(row.gpu->info.id.starts_with("gpu-model:"));
    }
    const auto it = std::find_if(rows.begin(), rows.end(), [](const auto& r) { return r.model == "GeForce RTX 3090"; });
    ASSERT_NE(it, rows.end());
    EXPECT_EQ(it->value.priceSource, PriceSource::Msrp);
    EXPECT_DOUBLE_EQ(*it->value.tflopsPerDollar, 71.0 / 1499);
    EXPECT_FALSE(it->decodeTokensPerS.has_value());  // no workload given

    Workload w;
    w.model = "llama-3.1-8b";
    const auto withWorkload = gpuValueTable(cat, w);
    const auto row = std::find_if(withWorkload.begin(), withWorkload.end(),
                                  [](const auto& r) { return r.model == "GeForce RTX 3090"; });
    ASSERT_NE(row, withWorkload.end());
    EXPECT_TRUE(row->fits);
    ASSERT_TRUE(row->decodeTokensPerS.has_value());
    EXPECT_DOUBLE_EQ(*row->value.tokensPerSPerDollar, *row->decodeTokensPerS / 1499);
    const auto noPrice = std::find_if(withWorkload.begin(), withWorkload.end(),
                                      [](const auto& r) { return r.model == "No MSRP Card"; });
    ASSERT_NE(noPrice, withWorkload.end());
    EXPECT_FALSE(noPrice->value.price.has_value());
    EXPECT_FALSE(noPrice->value.tokensPerSPerDollar.has_value());
}

namespace {

MarketPrice marketRow(std::string model, Condition condition, double price, std::string month, std::string title)
{
    MarketPrice r;
    r.model = std::move(model);
    r.condition = condition;
    r.priceUsd = price;
    r.month = std::move(month);
    r.region = "US";
    r.sourceUrl = "https://example.org/" + title;
    r.sourceTitle = title;
    return r;
}

}  // namespace

TEST(EffectivePrice, YourPriceThenMarketForTheConditionThenRetailThenMsrp)
{
    Catalog cat = catalog();
    cat.setRetailPriceDate("2025-07", "PC Part Dataset");
    const auto priceFor = [&](const BuildItem& item) { return effectivePrice(item, cat.find(item.category, item.ref), cat); };
    // No market table: the partner card's retail snapshot (dated), the model row's MSRP (labelled).
    EffectivePrice p = priceFor(refItem(Category::Gpu, "Strix 3090"));
    EXPECT_EQ(p.source(), PriceSource::Catalog);
    EXPECT_EQ(p.origin.month, "2025-07");
    EXPECT_EQ(priceOriginLabel(p.origin), "retail snapshot 2025-07");
    p = priceFor(refItem(Category::Gpu, "GeForce RTX 3090"));
    EXPECT_EQ(p.source(), PriceSource::Msrp);
    EXPECT_EQ(priceOriginLabel(p.origin), "launch MSRP (no market price)");

    cat.setMarketPrices(MarketPriceTable({marketRow("GeForce RTX 3090", Condition::Used, 700, "2026-05", "Old (GPU Poet)"),
                                          marketRow("GeForce RTX 3090", Condition::Used, 990, "2026-07", "High (GPU Poet)"),
                                          marketRow("GeForce RTX 3090", Condition::Used, 800, "2026-07", "Low (RunLocalAI)"),
                                          marketRow("GeForce RTX 3090", Condition::Used, 850, "2026-07", "Mid (BestLLMfor)"),
                                          marketRow("GeForce RTX 3090", Condition::New, 1400, "2025-08", "Amazon")}));
    // The market price beats the retail snapshot and the MSRP, for partner cards and the model row alike.
    BuildItem used = refItem(Category::Gpu, "Strix 3090");
    used.condition = Condition::Used;
    p = priceFor(used);
    EXPECT_EQ(p.source(), PriceSource::Market);
    EXPECT_DOUBLE_EQ(*p.unitPrice, 850);  // the median of the latest month (2026-07), not the older 700
    EXPECT_EQ(p.origin.month, "2026-07");
    EXPECT_EQ(priceOriginLabel(p.origin), "used market, 2026-07, BestLLMfor");
    p = priceFor(refItem(Category::Gpu, "GeForce RTX 3090"));  // new by default
    EXPECT_EQ(p.source(), PriceSource::Market);
    EXPECT_DOUBLE_EQ(*p.unitPrice, 1400);
    EXPECT_EQ(priceOriginLabel(p.origin), "new market, 2025-08, Amazon");
    // Your own price beats everything, in the build's currency.
    BuildItem mine = used;
    mine.price = 640;
    p = effectivePrice(mine, cat.find(Category::Gpu, "Strix 3090"), cat, "EUR");
    EXPECT_EQ(p.source(), PriceSource::User);
    EXPECT_DOUBLE_EQ(*p.unitPrice, 640);
    EXPECT_EQ(p.origin.currency, "EUR");
    // A model without a used market row, bought used: retail snapshot or MSRP, never a made-up used price.
    BuildItem otherUsed = refItem(Category::Gpu, "No MSRP Card");
    otherUsed.condition = Condition::Used;
    EXPECT_FALSE(priceFor(otherUsed).unitPrice.has_value());
    // The cost summary and the value figures use the same price.
    Build b;
    b.items = {used};
    const Evaluation e = evaluate(b, cat);
    EXPECT_DOUBLE_EQ(e.cost.total, 850);
    EXPECT_EQ(e.cost.lines[0].origin.month, "2026-07");
    ASSERT_EQ(e.value.gpus.size(), 1u);
    EXPECT_DOUBLE_EQ(*e.value.gpus[0].price, 850);
    const auto rows = gpuValueTable(cat, std::nullopt, Condition::Used);
    const auto it = std::find_if(rows.begin(), rows.end(), [](const auto& r) { return r.model == "GeForce RTX 3090"; });
    ASSERT_NE(it, rows.end());
    EXPECT_DOUBLE_EQ(*it->value.price, 850);
    EXPECT_EQ(it->value.priceSource, PriceSource::Market);
}
