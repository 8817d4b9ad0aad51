// evaluate(): one pass over a build giving findings, power, cost, workload and value together.
#include <gtest/gtest.h>

#include <chrono>

#include "core/eval/Evaluate.h"
#include "tests/support/GpuChips.h"
#include "tests/support/Parts.h"

using namespace mlrig;
using mlrig::testsupport::Platform;
using mlrig::testsupport::refItem;
using mlrig::testsupport::rtx3090;

namespace {

// The shared AM5 platform as catalog parts, found by id (the board by name), with one price.
Catalog catalog()
{
    Platform p = testsupport::am5Platform();
    p.cpu.info = testsupport::partInfo("cpu-7950x", "AMD Ryzen 9 7950X", 450);
    p.board.info = testsupport::partInfo("mb", "ProArt X670E");
    p.ram.info.id = "ram";
    p.psu.info.id = "psu";
    p.pcCase.info.id = "case";
    p.cooler.info.id = "cooler";
    p.ssd.info.id = "ssd";
    return Catalog::fromParts({p.cpu, p.board, p.ram, p.psu, p.pcCase, p.cooler, p.ssd}, {rtx3090()});
}

Build fullBuild()
{
    Build b;
    b.name = "2x3090";
    b.items = {refItem(Category::Cpu, "cpu-7950x"), refItem(Category::Motherboard, "ProArt X670E"),
               refItem(Category::Memory, "ram"),     refItem(Category::Gpu, "GeForce RTX 3090", 2),
               refItem(Category::Psu, "psu"),        refItem(Category::Case, "case"),
               refItem(Category::Cooler, "cooler"),  refItem(Category::Storage, "ssd")};
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
    b.items = {refItem(Category::Gpu, "Imaginary 9000"), refItem(Category::Cpu, "cpu-7950x")};
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
