// The build wizard's core: GPU ranking for a goal and the build suggested around a GPU, on the
// real embedded catalog (what the wizard shows).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "tests/support/BuiltInCatalog.h"
#include "tests/support/Parts.h"
#include "core/advise/BuildSuggester.h"
#include "core/advise/GpuAdvisor.h"
#include "core/util/TextUtil.h"
#include "core/eval/Evaluate.h"
#include "core/optimize/Optimizer.h"

using namespace mlrig;
using mlrig::testsupport::builtInCatalog;
using mlrig::testsupport::gpuItem;

namespace {

BuildGoal llmGoal(std::string model, double budget, int gpus)
{
    BuildGoal goal;
    goal.workload.kind = WorkloadKind::LlmInference;
    goal.workload.model = std::move(model);
    goal.workload.quant = "q4_k_m";
    goal.workload.context = 8192;
    goal.budget = budget;
    goal.gpuCount = gpus;
    return goal;
}

const GpuSuggestion* find(const GpuRanking& ranking, std::string_view model)
{
    for (const GpuSuggestion& s : ranking.suggestions)
        if (s.model == model)
            return &s;
    return nullptr;
}

template <typename T>
const T* partIn(const Build& build, Category category)
{
    for (const BuildItem& item : build.items)
        if (item.category == category)
            return std::get_if<T>(item.custom ? &*item.custom : builtInCatalog().find(category, item.ref));
    return nullptr;
}

}  // namespace

TEST(GpuAdvisor, RanksFittingGpusWithinBudgetByTheWorkloadsFigure)
{
    const GpuRanking r = rankGpus(builtInCatalog(), llmGoal("llama-3.1-70b", 5000, 2));
    EXPECT_EQ(r.figureName, "decode tokens/s");
    EXPECT_NE(r.whyMetric.find("bandwidth"), std::string::npos);
    ASSERT_GT(r.recommendedCount, 0);
    for (int i = 0; i < r.recommendedCount; ++i) {
        const GpuSuggestion& s = r.suggestions[static_cast<size_t>(i)];
        EXPECT_TRUE(s.fits) << s.model;
        EXPECT_EQ(s.count, 2);
        // Either the model fits the VRAM, or it runs with offload to the platform's RAM.
        if (s.placement == "vram")
            EXPECT_GE(s.vramGb, s.neededGb) << s.model;
        else
            EXPECT_EQ(s.placement, "offload") << s.model;
        ASSERT_TRUE(s.buildCost);
        EXPECT_LE(*s.buildCost, 5000) << s.model;
        EXPECT_GT(*s.buildCost, s.gpuCost()) << "the platform costs something";
        if (i > 0) {
            EXPECT_GE(*r.suggestions[static_cast<size_t>(i - 1)].figure, *s.figure);
        }
    }
    // Two 24 GB cards hold a 70B model at 4 bits; two 12 GB cards run it only with most layers in
    // system RAM, below reading speed, so they are not offered.
    const GpuSuggestion* p3090 = find(r, "GeForce RTX 3090");
    const GpuSuggestion* p3060 = find(r, "GeForce RTX 3060 12GB");
    ASSERT_TRUE(p3090 && p3060);
    EXPECT_TRUE(p3090->fits);
    EXPECT_EQ(p3090->placement, "vram");
    EXPECT_EQ(p3060->placement, "offload");
    EXPECT_FALSE(p3060->fits);
    EXPECT_FALSE(p3060->recommended());
    EXPECT_NE(r.verdict.find("run Llama 3.1 70B"), std::string::npos) << r.verdict;
}

TEST(GpuAdvisor, ASixteenGbCardRunsABigMoeModelWithItsExpertsInRam)
{
    // gpt-oss-120b (59 GB) on one 16 GB card: the quoted platform's RAM holds the experts, and the
    // offloaded decode is fast enough to be an option.
    BuildGoal goal = llmGoal("gpt-oss-120b", 3000, 1);
    goal.workload.quant = "mxfp4";
    const GpuRanking r = rankGpus(builtInCatalog(), goal);
    const GpuSuggestion* card = find(r, "GeForce RTX 4060 Ti 16GB");
    ASSERT_NE(card, nullptr);
    EXPECT_EQ(card->placement, "offload");
    EXPECT_TRUE(card->fits);
    ASSERT_TRUE(card->figure.has_value());
    EXPECT_GT(*card->figure, 5.0);
    EXPECT_NE(card->llamaCppFlags.find("--n-cpu-moe"), std::string::npos) << card->llamaCppFlags;
    ASSERT_TRUE(card->ramGb.has_value());
    EXPECT_GE(*card->ramGb, 48.0);
}

TEST(GpuAdvisor, BestValueIsTheRecommendedOptionWithMostFigurePerDollar)
{
    const GpuRanking r = rankGpus(builtInCatalog(), llmGoal("llama-3.1-8b", 2500, 1));
    ASSERT_TRUE(r.bestValue);
    ASSERT_LT(static_cast<int>(*r.bestValue), r.recommendedCount);
    const double best = *r.suggestions[*r.bestValue].figurePerDollar;
    for (int i = 0; i < r.recommendedCount; ++i)
        EXPECT_LE(*r.suggestions[static_cast<size_t>(i)].figurePerDollar, best + 1e-12);
}

TEST(GpuAdvisor, ABudgetWithNoFeasibleBuildSaysSoAndNamesTheNearestBudget)
{
    const GpuRanking r = rankGpus(builtInCatalog(), llmGoal("llama-3.1-70b", 900, 2));
    EXPECT_EQ(r.recommendedCount, 0);
    ASSERT_TRUE(r.nearestBudget);
    EXPECT_GT(*r.nearestBudget, 900);
    EXPECT_NE(r.verdict.find("No build within $900"), std::string::npos) << r.verdict;
    EXPECT_NE(r.verdict.find("raise the budget"), std::string::npos) << r.verdict;
    // The nearest budget is exactly the cheapest fitting build the ranking priced.
    double cheapest = 1e18;
    for (const GpuSuggestion& s : r.suggestions)
        if (s.fits && s.buildCost)
            cheapest = std::min(cheapest, *s.buildCost);
    EXPECT_DOUBLE_EQ(*r.nearestBudget, cheapest);
    // ...and raising the budget to it makes that option recommended.
    const GpuRanking raised = rankGpus(builtInCatalog(), llmGoal("llama-3.1-70b", *r.nearestBudget, 2));
    EXPECT_GE(raised.recommendedCount, 1);
}

TEST(GpuAdvisor, TwoCardsAreNamedWhenNoSingleCardRunsTheModelWithinTheBudget)
{
    // The cheapest pair that runs a 70B model: at that budget no single card does (the 48 GB
    // cards cost more, a 24-32 GB card with the rest in RAM decodes below reading speed), and the
    // one-card ranking must say that two cards would, instead of only "raise the budget".
    const GpuRanking pairs = rankGpus(builtInCatalog(), llmGoal("llama-3.1-70b", 900, 2));
    ASSERT_TRUE(pairs.nearestBudget);
    const double budget = std::ceil(*pairs.nearestBudget);
    const GpuRanking single = rankGpus(builtInCatalog(), llmGoal("llama-3.1-70b", budget, 1));
    ASSERT_EQ(single.recommendedCount, 0) << single.verdict;
    EXPECT_GE(single.twoGpuOptions, 1);
    ASSERT_TRUE(single.bestTwoGpu);
    EXPECT_EQ(single.bestTwoGpu->count, 2);
    EXPECT_LE(*single.bestTwoGpu->buildCost, budget + 1e-6);
    EXPECT_NE(single.verdict.find("two identical cards do"), std::string::npos) << single.verdict;
    EXPECT_NE(single.verdict.find(single.bestTwoGpu->model), std::string::npos) << single.verdict;
}

TEST(GpuAdvisor, ComputeBoundWorkNamesACudaCardFirstUnlessOtherVendorsAreWelcome)
{
    BuildGoal goal;
    goal.workload.kind = WorkloadKind::ImageGeneration;
    goal.workload.model = "sdxl";
    goal.budget = 2500;
    const GpuRanking cudaFirst = rankGpus(builtInCatalog(), goal);
    ASSERT_GT(cudaFirst.recommendedCount, 1);
    EXPECT_EQ(cudaFirst.suggestions.front().gpu->vendor, Vendor::Nvidia) << cudaFirst.suggestions.front().model;
    // Every NVIDIA card that qualifies comes before any card with the vendor warning.
    bool seenFlagged = false;
    for (int i = 0; i < cudaFirst.recommendedCount; ++i) {
        const GpuSuggestion& s = cudaFirst.suggestions[static_cast<size_t>(i)];
        const bool flagged =
            std::any_of(s.flags.begin(), s.flags.end(), [](const Finding& f) { return f.rule == "gpu-vendor"; });
        EXPECT_FALSE(seenFlagged && !flagged) << s.model << " after a card with the vendor warning";
        seenFlagged = seenFlagged || flagged;
    }
    // Opting in ranks by the figure alone again: the order is then by images/min.
    goal.otherVendorsEqual = true;
    const GpuRanking equal = rankGpus(builtInCatalog(), goal);
    for (int i = 1; i < equal.recommendedCount; ++i)
        EXPECT_GE(*equal.suggestions[static_cast<size_t>(i) - 1].figure, *equal.suggestions[static_cast<size_t>(i)].figure);
    EXPECT_EQ(equal.recommendedCount, cudaFirst.recommendedCount);
}

TEST(GpuAdvisor, AModelNoGpuCanHoldSaysSo)
{
    // DeepSeek-V3 in 16 bit is 1.25 TB: no card, nor card plus desktop RAM, holds it.
    BuildGoal goal = llmGoal("deepseek-v3", 100000, 1);
    goal.workload.quant = "f16";
    const GpuRanking r = rankGpus(builtInCatalog(), goal);
    EXPECT_EQ(r.recommendedCount, 0);
    EXPECT_FALSE(r.nearestBudget);
    EXPECT_NE(r.verdict.find("No GPU in the catalog"), std::string::npos) << r.verdict;
}

TEST(GpuAdvisor, GuideWarningsAreShownNotHidden)
{
    const GpuRanking r = rankGpus(builtInCatalog(), llmGoal("llama-3.1-8b", 3000, 1));
    const auto flagged = [&](std::string_view model, std::string_view rule) {
        const GpuSuggestion* s = find(r, model);
        if (!s)
            return false;
        return std::any_of(s->flags.begin(), s->flags.end(), [&](const Finding& f) { return f.rule == rule; });
    };
    EXPECT_TRUE(flagged("Tesla P40", "gpu-datacenter"));
    EXPECT_TRUE(flagged("Radeon RX 7900 XTX", "gpu-vendor"));
    EXPECT_TRUE(flagged("RTX A6000", "gpu-workstation"));
    const GpuSuggestion* s4090 = find(r, "GeForce RTX 4090");
    ASSERT_TRUE(s4090);
    EXPECT_TRUE(s4090->flags.empty());
}

TEST(GpuAdvisor, PowerPreferenceLimitsEveryCardAndCostsSomeSpeed)
{
    BuildGoal full = llmGoal("llama-3.1-8b", 3000, 1);
    BuildGoal quiet = full;
    quiet.gpuPowerFraction = 0.7;
    const GpuRanking fullRanking = rankGpus(builtInCatalog(), full);
    const GpuSuggestion* a = find(fullRanking, "GeForce RTX 3090");
    const GpuRanking quietRanking = rankGpus(builtInCatalog(), quiet);
    const GpuSuggestion* b = find(quietRanking, "GeForce RTX 3090");
    ASSERT_TRUE(a && b && a->figure && b->figure);
    EXPECT_FALSE(a->powerLimitW);
    ASSERT_TRUE(b->powerLimitW);
    EXPECT_DOUBLE_EQ(*b->powerLimitW, 245);  // 70% of 350 W
    EXPECT_LT(*b->figure, *a->figure);
    EXPECT_GT(*b->figure, 0.8 * *a->figure);
    EXPECT_EQ(b->item().powerLimitW, b->powerLimitW);
}

TEST(GpuAdvisor, UnusableGoalsAreRejectedWithAReason)
{
    BuildGoal goal = llmGoal("llama-3.1-8b", 0, 1);
    EXPECT_THROW(rankGpus(builtInCatalog(), goal), std::invalid_argument);
    goal.budget = 1000;
    goal.gpuCount = 3;
    EXPECT_NE(validateGoal(goal).find("one or two GPUs"), std::string::npos);
    goal.gpuCount = 1;
    goal.gpuPowerFraction = 0.2;
    EXPECT_NE(validateGoal(goal).find("50%"), std::string::npos);
    goal.gpuPowerFraction = 1;
    goal.workload.model = "no-such-model";
    EXPECT_FALSE(validateGoal(goal).empty());
    goal.workload.model = "llama-3.1-8b";
    EXPECT_TRUE(validateGoal(goal).empty());
}

TEST(BuildSuggester, SuggestsACompleteErrorFreeTwoGpuBuild)
{
    const BuildGoal goal = llmGoal("llama-3.1-70b", 6000, 2);
    const BuildItem gpu = gpuItem("GeForce RTX 3090", 2);
    const BuildSuggestion s = suggestBuild(builtInCatalog(), goal, gpu);
    ASSERT_TRUE(s.build) << s.message;
    EXPECT_EQ(s.build->items.size(), 8u);
    const Evaluation e = evaluate(*s.build, builtInCatalog());
    EXPECT_FALSE(e.hasErrors());
    EXPECT_TRUE(acceptableEvaluation(e, OptimizePolicy{}));
    EXPECT_DOUBLE_EQ(s.cost, e.cost.total);
    EXPECT_EQ(s.withinBudget, s.cost <= 6000);
    const Motherboard* board = partIn<Motherboard>(*s.build, Category::Motherboard);
    const Memory* memory = partIn<Memory>(*s.build, Category::Memory);
    ASSERT_TRUE(board && memory);
    EXPECT_TRUE(board->x8x8Bifurcation.value_or(false)) << "two GPUs need x8/x8";
    EXPECT_GE(memory->totalGb().value_or(0), 48) << "system RAM at least the VRAM";
    ASSERT_TRUE(e.workload);
    EXPECT_TRUE(e.workload->fits);
}

TEST(BuildSuggester, KeepsTheChosenCpuAndResuggestsTheRest)
{
    const BuildGoal goal = llmGoal("llama-3.1-8b", 3000, 1);
    const BuildItem gpu = gpuItem("GeForce RTX 4060 Ti 16GB");
    const BuildSuggestion first = suggestBuild(builtInCatalog(), goal, gpu);
    ASSERT_TRUE(first.build);
    const Cpu* suggestedCpu = partIn<Cpu>(*first.build, Category::Cpu);
    ASSERT_TRUE(suggestedCpu);
    // Pick a CPU on another socket: board and memory must follow it.
    const auto cpus = partChoices(builtInCatalog(), goal, *first.build, Category::Cpu, 400);
    const auto other = std::find_if(cpus.begin(), cpus.end(), [&](const PartChoice& c) {
        return foldName(std::get<Cpu>(*c.part).socket) != foldName(suggestedCpu->socket);
    });
    ASSERT_NE(other, cpus.end());
    const BuildSuggestion second = suggestBuild(builtInCatalog(), goal, gpu, {other->item()});
    ASSERT_TRUE(second.build) << second.message;
    const Cpu* cpu = partIn<Cpu>(*second.build, Category::Cpu);
    const Motherboard* board = partIn<Motherboard>(*second.build, Category::Motherboard);
    ASSERT_TRUE(cpu && board);
    EXPECT_EQ(cpu->info.id, infoOf(*other->part).id);
    EXPECT_EQ(foldName(board->socket), foldName(cpu->socket));
    EXPECT_FALSE(evaluate(*second.build, builtInCatalog()).hasErrors());
    // The kept line is the person's, not a pinned price the optimizer wrote.
    for (const BuildItem& item : second.build->items)
        if (item.category == Category::Cpu) {
            EXPECT_FALSE(item.price);
        }
}

TEST(BuildSuggester, OverBudgetSaysByHowMuchAndWhatBudgetWouldDo)
{
    const BuildItem gpu = gpuItem("GeForce RTX 4090");
    const BuildSuggestion s = suggestBuild(builtInCatalog(), llmGoal("llama-3.1-8b", 1000, 1), gpu);
    ASSERT_TRUE(s.build);
    EXPECT_FALSE(s.withinBudget);
    EXPECT_NE(s.message.find("over the $1,000 budget"), std::string::npos) << s.message;
}

TEST(BuildSuggester, ChoicesRespectTheBuildAndComeCheapestFirst)
{
    const BuildGoal goal = llmGoal("llama-3.1-70b", 6000, 2);
    const BuildItem gpu = gpuItem("GeForce RTX 3090", 2);
    const BuildSuggestion s = suggestBuild(builtInCatalog(), goal, gpu);
    ASSERT_TRUE(s.build);
    const Cpu* cpu = partIn<Cpu>(*s.build, Category::Cpu);
    const auto boards = partChoices(builtInCatalog(), goal, *s.build, Category::Motherboard);
    ASSERT_FALSE(boards.empty());
    for (size_t i = 0; i < boards.size(); ++i) {
        const auto& b = std::get<Motherboard>(*boards[i].part);
        EXPECT_EQ(foldName(b.socket), foldName(cpu->socket));
        EXPECT_TRUE(b.x8x8Bifurcation.value_or(false));
        if (i > 0) {
            EXPECT_LE(boards[i - 1].price, boards[i].price);
        }
    }
    const Motherboard* board = partIn<Motherboard>(*s.build, Category::Motherboard);
    for (const PartChoice& m : partChoices(builtInCatalog(), goal, *s.build, Category::Memory)) {
        const auto& mem = std::get<Memory>(*m.part);
        EXPECT_EQ(foldName(mem.memoryType), foldName(board->memoryType));
        EXPECT_GE(mem.totalGb().value_or(0), 48);
    }
    const auto psus = partChoices(builtInCatalog(), goal, *s.build, Category::Psu, 10);
    ASSERT_FALSE(psus.empty());
    for (const PartChoice& p : psus) {
        Build swapped = *s.build;
        for (BuildItem& item : swapped.items)
            if (item.category == Category::Psu)
                item = p.item();
        EXPECT_TRUE(acceptableEvaluation(evaluate(swapped, builtInCatalog()), OptimizePolicy{}))
            << infoOf(*p.part).name;
    }
}
