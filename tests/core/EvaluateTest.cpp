// evaluate(): one pass over a build giving findings, power, cost, workload and value together.
#include <gtest/gtest.h>

#include <chrono>

#include "core/eval/Evaluate.h"

using namespace mlrig;

namespace {

GpuChip rtx3090()
{
    GpuChip c;
    c.model = "GeForce RTX 3090";
    c.vendor = Vendor::Nvidia;
    c.gpuClass = GpuClass::Consumer;
    c.architecture = "Ampere";
    c.vramGb = 24;
    c.memoryBandwidthGbs = 936;
    c.fp16TensorTflops = 71;
    c.fp32Tflops = 35.6;
    c.tdpW = 350;
    c.transientPeakW = 600;
    c.lengthMm = 313;
    c.slotWidth = 3;
    c.pcie8pin = 2;
    c.pcie12vhpwr = 0;
    c.nvlink = true;
    c.cooling = Cooling::Open;
    c.msrpUsd = 1499;
    return c;
}

Catalog catalog()
{
    Cpu cpu;
    cpu.info.id = "cpu-7950x";
    cpu.info.name = "AMD Ryzen 9 7950X";
    cpu.info.priceUsd = 450;
    cpu.socket = "AM5";
    cpu.cores = 16;
    cpu.tdpW = 170;
    cpu.pptW = 230;
    cpu.memoryTypes = {"DDR5"};
    cpu.pcieLanes = 24;
    Motherboard board;
    board.info.id = "mb";
    board.info.name = "ProArt X670E";
    board.socket = "AM5";
    board.formFactor = "ATX";
    board.memoryType = "DDR5";
    board.memorySlots = 4;
    board.maxMemoryGb = 192;
    board.pcieX16Slots = 2;
    board.x8x8Bifurcation = true;
    board.m2Slots = 4;
    Memory ram;
    ram.info.id = "ram";
    ram.info.name = "DDR5 96GB (2x48GB)";
    ram.memoryType = "DDR5";
    ram.modules = 2;
    ram.moduleGb = 48;
    Psu psu;
    psu.info.id = "psu";
    psu.info.name = "1600 W ATX 3.0";
    psu.wattageW = 1600;
    psu.atx3 = true;
    psu.pcie8pin = 6;
    psu.pcie12vhpwr = 1;
    Case pcCase;
    pcCase.info.id = "case";
    pcCase.info.name = "Tower";
    pcCase.motherboardFormFactors = {"ATX"};
    pcCase.maxGpuLengthMm = 420;
    pcCase.maxCoolerHeightMm = 170;
    pcCase.expansionSlots = 8;
    Cooler cooler;
    cooler.info.id = "cooler";
    cooler.info.name = "Tower cooler";
    cooler.sockets = {"AM5"};
    cooler.heightMm = 160;
    cooler.waterCooled = false;
    cooler.tdpRatingW = 250;
    Storage ssd;
    ssd.info.id = "ssd";
    ssd.info.name = "NVMe 2TB";
    ssd.nvme = true;
    ssd.storageType = "SSD";
    return Catalog::fromParts({cpu, board, ram, psu, pcCase, cooler, ssd}, {rtx3090()});
}

BuildItem ref(Category category, std::string name, int quantity = 1)
{
    BuildItem item;
    item.category = category;
    item.ref = std::move(name);
    item.quantity = quantity;
    return item;
}

Build fullBuild()
{
    Build b;
    b.name = "2x3090";
    b.items = {ref(Category::Cpu, "cpu-7950x"), ref(Category::Motherboard, "ProArt X670E"),
               ref(Category::Memory, "ram"),     ref(Category::Gpu, "GeForce RTX 3090", 2),
               ref(Category::Psu, "psu"),        ref(Category::Case, "case"),
               ref(Category::Cooler, "cooler"),  ref(Category::Storage, "ssd")};
    b.items[3].price = 700;
    b.workload = Workload{};
    b.workload->model = "llama-3.1-70b";
    return b;
}

}  // namespace

TEST(Evaluate, FullBuildGivesEveryPartOfTheVerdict)
{
    const Catalog cat = catalog();
    const Evaluation e = evaluate(fullBuild(), cat);
    EXPECT_FALSE(e.hasErrors());
    EXPECT_EQ(e.count(Severity::Warning), 0);
    ASSERT_EQ(e.findings.size(), 1u);  // the NVLink advice for the pair
    EXPECT_EQ(e.findings[0].rule, "nvlink");
    EXPECT_DOUBLE_EQ(e.power.sustainedW, 1012);
    EXPECT_DOUBLE_EQ(e.power.peakW, 1512);
    EXPECT_DOUBLE_EQ(e.power.recommendedPsuW, 1300);
    EXPECT_DOUBLE_EQ(e.power.yearlyEnergyCost, 1.012 * 8 * 365 * 0.30);
    EXPECT_DOUBLE_EQ(e.cost.total, 450 + 2 * 700);  // the rest has no price
    EXPECT_EQ(e.cost.missingPrices, 6);
    ASSERT_TRUE(e.workload.has_value());
    EXPECT_TRUE(e.workload->fits) << e.workload->reason;
    EXPECT_DOUBLE_EQ(e.workload->vramAvailableGb, 48);
    EXPECT_TRUE(e.workload->decodeTokensPerS.has_value());
    ASSERT_EQ(e.value.gpus.size(), 1u);
    EXPECT_EQ(e.value.gpus[0].priceSource, PriceSource::User);
}

TEST(Evaluate, PowerLimitSlowsTheWorkloadButLowersPower)
{
    const Catalog cat = catalog();
    Build limited = fullBuild();
    limited.items[3].powerLimitW = 280;
    const Evaluation full = evaluate(fullBuild(), cat);
    const Evaluation e = evaluate(limited, cat);
    EXPECT_DOUBLE_EQ(e.power.sustainedW, 872);
    ASSERT_TRUE(full.workload->decodeTokensPerS && e.workload->decodeTokensPerS);
    EXPECT_LE(*e.workload->decodeTokensPerS, *full.workload->decodeTokensPerS);
    ASSERT_TRUE(full.workload->prefillTokensPerS && e.workload->prefillTokensPerS);
    EXPECT_LT(*e.workload->prefillTokensPerS, *full.workload->prefillTokensPerS);
}

TEST(Evaluate, UnknownWorkloadModelIsReportedNotThrown)
{
    const Catalog cat = catalog();
    Build b = fullBuild();
    b.workload->model = "no-such-model";
    Evaluation e;
    ASSERT_NO_THROW(e = evaluate(b, cat));
    ASSERT_TRUE(e.workload.has_value());
    EXPECT_FALSE(e.workload->fits);
    EXPECT_NE(e.workload->reason.find("no-such-model"), std::string::npos);
    EXPECT_DOUBLE_EQ(e.workload->vramAvailableGb, 48);
}

TEST(Evaluate, EmptyAndUnresolvedBuildsStillEvaluate)
{
    const Catalog cat = catalog();
    const Evaluation empty = evaluate(Build{}, cat);
    EXPECT_FALSE(empty.workload.has_value());
    EXPECT_DOUBLE_EQ(empty.power.sustainedW, 0);
    EXPECT_DOUBLE_EQ(empty.power.recommendedPsuW, 0);
    EXPECT_EQ(empty.count(Severity::Warning), 1);  // no GPU
    Build b;
    b.items = {ref(Category::Gpu, "Imaginary 9000"), ref(Category::Cpu, "cpu-7950x")};
    b.items[0].price = 100;
    const Evaluation e = evaluate(b, cat);
    EXPECT_DOUBLE_EQ(e.cost.total, 100 + 450);  // the user's price counts even for an unknown part
    EXPECT_GE(e.count(Severity::Warning), 2);
}

TEST(Evaluate, IsFastEnoughToRunOnEveryEdit)
{
    // Not the benchmark (tests/bench reports the median); a loose guard against accidental slowness.
    const Catalog cat = catalog();
    Build b = fullBuild();
    b.workload.reset();
    const auto start = std::chrono::steady_clock::now();
    constexpr int kRuns = 200;
    for (int i = 0; i < kRuns; ++i)
        EXPECT_EQ(evaluate(b, cat).findings.size(), 1u);
    const auto perRun = (std::chrono::steady_clock::now() - start) / kRuns;
    EXPECT_LT(std::chrono::duration_cast<std::chrono::microseconds>(perRun).count(), 2000);
}
