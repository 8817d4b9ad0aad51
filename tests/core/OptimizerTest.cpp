// Budget optimizer: optimality against brute force on small catalogs, infeasible budgets, pins,
// exclusions, offers, and the validity of every returned build.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "tests/support/BuiltInCatalog.h"
#include "tests/support/Catalogs.h"
#include "tests/support/OptimizerReference.h"
#include "tests/support/Parts.h"
#include "core/io/BuildDocument.h"
#include "core/eval/Evaluate.h"
#include "core/optimize/Optimizer.h"

using namespace mlrig;
using namespace mlrig::testsupport;

namespace {

OptimizeRequest request(Workload w, double budget, int maxGpus = 2)
{
    OptimizeRequest r;
    r.workload = std::move(w);
    r.budget = budget;
    r.maxGpus = maxGpus;
    r.frontierSize = 0;  // all points, to compare with the reference
    return r;
}

bool mentions(const Build& build, const std::string& ref)
{
    return std::any_of(build.items.begin(), build.items.end(), [&](const BuildItem& i) { return i.ref == ref; });
}

// Every returned build is complete, valid by evaluate(), within budget, and its figure is what
// evaluate() reports; the frontier rises strictly in cost and figure and ends at the best.
void expectValidResult(const Catalog& catalog, const OptimizeRequest& req, const OptimizeResult& result)
{
    ASSERT_TRUE(result.best.has_value());
    EXPECT_EQ(result.stats.verifyRejected, 0u);
    ASSERT_FALSE(result.frontier.empty());
    EXPECT_DOUBLE_EQ(result.frontier.back().cost, result.bestCost);
    EXPECT_DOUBLE_EQ(result.frontier.back().figure, result.bestFigure);
    for (size_t i = 0; i < result.frontier.size(); ++i) {
        const FrontierPoint& p = result.frontier[i];
        if (i > 0) {
            EXPECT_GT(p.cost, result.frontier[i - 1].cost);
            EXPECT_GT(p.figure, result.frontier[i - 1].figure);
        }
        EXPECT_EQ(p.build.items.size(), 8u);
        for (Category c : kAllCategories)
            EXPECT_TRUE(std::any_of(p.build.items.begin(), p.build.items.end(),
                                    [c](const BuildItem& item) { return item.category == c; }))
                << categoryId(c);
        ASSERT_TRUE(p.build.workload.has_value());
        EXPECT_EQ(*p.build.workload, req.workload);
        const Evaluation e = evaluate(p.build, catalog);
        // No error but workload-fit, which a frontier point below the model's needs (or the
        // most-VRAM answer when nothing runs it) carries exactly when its workload does not run.
        for (const Finding& f : e.findings) {
            if (f.rule != "workload-fit") {
                EXPECT_NE(f.severity, Severity::Error) << f.rule << ": " << f.message;
            }
        }
        ASSERT_TRUE(e.workload.has_value());
        const bool flagged = std::any_of(e.findings.begin(), e.findings.end(),
                                         [](const Finding& f) { return f.rule == "workload-fit"; });
        EXPECT_EQ(flagged, !e.workload->runs());
        EXPECT_TRUE(acceptableEvaluation(e, req.policy));
        EXPECT_NEAR(e.cost.total, p.cost, 1e-6);
        EXPECT_LE(e.cost.total, req.budget + 1e-6);
        ASSERT_TRUE(e.workload.has_value());
        if (result.fits) {
            ASSERT_TRUE(e.workload->figureValue.has_value());
            EXPECT_DOUBLE_EQ(*e.workload->figureValue, p.figure);
        } else {
            EXPECT_DOUBLE_EQ(e.workload->vramAvailableGb, p.figure);
        }
    }
}

void expectMatchesBruteForce(const Catalog& catalog, const OptimizeRequest& req)
{
    const OptimizeResult result = optimize(catalog, req);
    const ReferenceResult ref = bruteForce(catalog, req);
    SCOPED_TRACE(req.workload.model + " budget " + std::to_string(req.budget));
    ASSERT_EQ(result.best.has_value(), ref.best.has_value());
    if (!ref.best) {
        ASSERT_TRUE(ref.cheapestFeasible.has_value());
        ASSERT_TRUE(result.cheapestFeasibleCost.has_value());
        EXPECT_NEAR(*result.cheapestFeasibleCost, *ref.cheapestFeasible, 1e-6);
        return;
    }
    expectValidResult(catalog, req, result);
    EXPECT_EQ(result.fits, ref.fits);
    EXPECT_DOUBLE_EQ(result.bestFigure, ref.best->figure);
    EXPECT_NEAR(result.bestCost, ref.best->cost, 1e-6);
    ASSERT_EQ(result.frontier.size(), ref.frontier.size());
    for (size_t i = 0; i < ref.frontier.size(); ++i) {
        EXPECT_NEAR(result.frontier[i].cost, ref.frontier[i].cost, 1e-6) << i;
        EXPECT_DOUBLE_EQ(result.frontier[i].figure, ref.frontier[i].figure) << i;
    }
}

}  // namespace

TEST(Optimizer, SeventyBillionNeedsTwoCardsAndMatchesBruteForce)
{
    const Catalog catalog = smallCatalog();
    for (double budget : {1500.0, 2500.0, 3500.0, 4500.0}) {
        const OptimizeRequest req = request(workload(WorkloadKind::LlmInference, "llama-3.1-70b"), budget);
        expectMatchesBruteForce(catalog, req);
    }
    const OptimizeResult r =
        optimize(catalog, request(workload(WorkloadKind::LlmInference, "llama-3.1-70b"), 4500));
    ASSERT_TRUE(r.best && r.fits);
    const auto gpu = std::find_if(r.best->items.begin(), r.best->items.end(),
                                  [](const BuildItem& i) { return i.category == Category::Gpu; });
    EXPECT_EQ(gpu->quantity, 2);
}

TEST(Optimizer, EightBillionFitsOneCardAndMatchesBruteForce)
{
    for (int variant : {0, 1, 2}) {
        const Catalog catalog = smallCatalog(variant);
        for (double budget : {900.0, 1300.0, 2200.0, 5000.0})
            expectMatchesBruteForce(catalog,
                                    request(workload(WorkloadKind::LlmInference, "llama-3.1-8b", "q8_0"), budget));
        expectMatchesBruteForce(catalog,
                                request(workload(WorkloadKind::LlmInference, "llama-3.1-8b"), 3000, 1));
    }
}

TEST(Optimizer, ImageGenerationAndGeneralMatchBruteForce)
{
    const Catalog catalog = smallCatalog(1);
    expectMatchesBruteForce(catalog, request(workload(WorkloadKind::ImageGeneration, ""), 2500));
    expectMatchesBruteForce(catalog, request(workload(WorkloadKind::General, ""), 4000));
    expectMatchesBruteForce(catalog, request(workload(WorkloadKind::LlmInference, "qwen2.5-72b", "q4_k_m"), 4000));
}

TEST(Optimizer, InfeasibleBudgetReportsTheCheapestValidBuild)
{
    const Catalog catalog = smallCatalog();
    const OptimizeRequest req = request(workload(WorkloadKind::LlmInference, "llama-3.1-8b"), 500);
    const OptimizeResult r = optimize(catalog, req);
    EXPECT_FALSE(r.best.has_value());
    EXPECT_TRUE(r.frontier.empty());
    const ReferenceResult ref = bruteForce(catalog, req);
    ASSERT_TRUE(r.cheapestFeasibleCost && ref.cheapestFeasible);
    EXPECT_NEAR(*r.cheapestFeasibleCost, *ref.cheapestFeasible, 1e-6);
    EXPECT_GT(*r.cheapestFeasibleCost, 500);
}

TEST(Optimizer, ModelThatFitsNothingWithinBudgetMaximisesVram)
{
    const Catalog catalog = smallCatalog();
    const OptimizeRequest req = request(workload(WorkloadKind::LlmInference, "llama-3.1-70b"), 1300);
    const OptimizeResult r = optimize(catalog, req);
    ASSERT_TRUE(r.best.has_value());
    EXPECT_FALSE(r.fits);
    EXPECT_EQ(r.figureName, "VRAM GB");
    ASSERT_TRUE(r.cheapestFittingCost.has_value());
    EXPECT_GT(*r.cheapestFittingCost, 1300);
    expectMatchesBruteForce(catalog, req);
}

TEST(Optimizer, PinnedPartsAreInTheResultAndCostNothing)
{
    const Catalog catalog = smallCatalog();
    OptimizeRequest req = request(workload(WorkloadKind::LlmInference, "llama-3.1-70b"), 2500);
    BuildItem gpu = gpuItem("GeForce RTX 3090", 2);
    gpu.condition = Condition::Used;
    BuildItem pcCase;
    pcCase.category = Category::Case;
    pcCase.ref = "Big ATX case";
    req.pinned = {gpu, pcCase};
    const OptimizeResult r = optimize(catalog, req);
    ASSERT_TRUE(r.best.has_value());
    expectValidResult(catalog, req, r);
    const Evaluation e = evaluate(*r.best, catalog);
    int pinnedLines = 0;
    for (size_t i = 0; i < r.best->items.size(); ++i) {
        const BuildItem& item = r.best->items[i];
        if (item.ref == "GeForce RTX 3090" || item.ref == "Big ATX case") {
            ++pinnedLines;
            ASSERT_TRUE(item.price.has_value());
            EXPECT_EQ(*item.price, 0.0);
            EXPECT_EQ(e.cost.lines[i].lineTotal, 0.0);
        }
    }
    EXPECT_EQ(pinnedLines, 2);
    expectMatchesBruteForce(catalog, req);
    // Owning the GPUs makes 70B reachable at a budget that otherwise buys no fitting build.
    EXPECT_TRUE(r.fits);
    EXPECT_LT(r.bestCost, 1000);
}

TEST(Optimizer, ExcludedPartsNeverAppear)
{
    const Catalog catalog = smallCatalog();
    OptimizeRequest req = request(workload(WorkloadKind::LlmInference, "llama-3.1-8b"), 5000);
    const OptimizeResult before = optimize(catalog, req);
    ASSERT_TRUE(before.best.has_value());
    req.excluded = {"GeForce RTX 4090", "Big 3090 OC", "X670 ATX"};
    const OptimizeResult r = optimize(catalog, req);
    ASSERT_TRUE(r.best.has_value());
    EXPECT_TRUE(r.unmatchedExclusions.empty());
    for (const FrontierPoint& p : r.frontier) {
        EXPECT_FALSE(mentions(p.build, "gpu-model:geforce-rtx-4090")) << serializeBuild(p.build);
        EXPECT_FALSE(mentions(p.build, "gpu-3090-long"));
        EXPECT_FALSE(mentions(p.build, "X670 ATX"));
    }
    EXPECT_LT(r.bestFigure, before.bestFigure);  // the 4090 was the best
    expectMatchesBruteForce(catalog, req);
    req.excluded = {"No Such Part 9000"};
    EXPECT_EQ(optimize(catalog, req).unmatchedExclusions, std::vector<std::string>{"No Such Part 9000"});
}

TEST(Optimizer, UsedOffersCountOnlyWithAllowUsed)
{
    const Catalog catalog = smallCatalog(1);
    // Two used 3090s load the small catalog's 1000 W unit past the 80 % sustained load the PSU
    // recommendation allows, so the build takes the 1600 W unit: $1,700 rather than $1,500.
    OptimizeRequest req = request(workload(WorkloadKind::LlmInference, "llama-3.1-70b"), 1700);
    BuildItem offer = gpuItem("GeForce RTX 3090", 1, 300);
    offer.condition = Condition::Used;
    req.offers = {offer};
    const OptimizeResult without = optimize(catalog, req);
    req.allowUsed = true;
    const OptimizeResult with = optimize(catalog, req);
    ASSERT_TRUE(with.best.has_value());
    EXPECT_TRUE(with.fits);
    EXPECT_FALSE(without.best && without.fits);
    const auto gpu = std::find_if(with.best->items.begin(), with.best->items.end(),
                                  [](const BuildItem& i) { return i.category == Category::Gpu; });
    ASSERT_TRUE(gpu->price.has_value());
    EXPECT_EQ(*gpu->price, 300);
    EXPECT_EQ(gpu->condition, Condition::Used);
    expectMatchesBruteForce(catalog, req);
}

TEST(Optimizer, RejectsBadInput)
{
    const Catalog catalog = smallCatalog();
    EXPECT_THROW(optimize(catalog, request(workload(WorkloadKind::LlmInference, "no-such-model"), 1000)),
                 std::invalid_argument);
    EXPECT_THROW(optimize(catalog, request(workload(WorkloadKind::LlmInference, "llama-3.1-8b"), -1)),
                 std::invalid_argument);
    EXPECT_THROW(optimize(catalog, request(workload(WorkloadKind::LlmInference, "llama-3.1-8b"), 1000, 3)),
                 std::invalid_argument);
    OptimizeRequest req = request(workload(WorkloadKind::LlmInference, "llama-3.1-8b"), 1000);
    BuildItem pin;
    pin.category = Category::Cpu;
    pin.ref = "Pentium 4";
    req.pinned = {pin};
    EXPECT_THROW(optimize(catalog, req), std::invalid_argument);
}

TEST(Optimizer, FullCatalogSeventyBillionAtThreeThousand)
{
    OptimizeRequest req = request(workload(WorkloadKind::LlmInference, "llama-3.1-70b"), 3000);
    req.frontierSize = 12;
    const OptimizeResult r = optimize(builtInCatalog(), req);
    ASSERT_TRUE(r.best.has_value());
    EXPECT_TRUE(r.fits);
    EXPECT_LE(r.frontier.size(), 12u);
    expectValidResult(builtInCatalog(), req, r);
    EXPECT_GT(r.stats.optionsPruned, 0u);
}
