// Build wizard core on the full catalog: ranking every GPU model for a goal (one memoised
// platform search for all of them), the build suggested around a GPU, a partChoices list, and a
// three-GPU comparison. The wizard runs these on the UI thread between pages, so each should stay
// well under the 100 ms a click may take.
#include <benchmark/benchmark.h>

#include "tests/support/BuiltInCatalog.h"
#include "tests/support/Parts.h"
#include "core/advise/BuildSuggester.h"
#include "core/advise/GpuAdvisor.h"
#include "core/advise/GpuComparison.h"

using namespace mlrig;
using mlrig::testsupport::builtInCatalog;
using mlrig::testsupport::gpuItem;

namespace {

BuildGoal goal70b()
{
    BuildGoal goal;
    goal.workload.kind = WorkloadKind::LlmInference;
    goal.workload.model = "llama-3.1-70b";
    goal.budget = 4000;
    goal.gpuCount = 2;
    return goal;
}

void BM_RankGpus70BTwoCards(benchmark::State& state)
{
    const Catalog& catalog = builtInCatalog();
    const BuildGoal goal = goal70b();
    GpuRanking ranking;
    for (auto _ : state) {
        ranking = rankGpus(catalog, goal);
        benchmark::DoNotOptimize(ranking);
    }
    state.counters["gpu_models"] = static_cast<double>(ranking.suggestions.size());
    state.counters["recommended"] = ranking.recommendedCount;
}
BENCHMARK(BM_RankGpus70BTwoCards)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime()->UseRealTime();

void BM_SuggestBuild2x3090(benchmark::State& state)
{
    const Catalog& catalog = builtInCatalog();
    const BuildGoal goal = goal70b();
    const BuildItem line = gpuItem("GeForce RTX 3090", 2);
    for (auto _ : state)
        benchmark::DoNotOptimize(suggestBuild(catalog, goal, line));
}
BENCHMARK(BM_SuggestBuild2x3090)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime()->UseRealTime();

void BM_PartChoicesPsu(benchmark::State& state)
{
    const Catalog& catalog = builtInCatalog();
    const BuildGoal goal = goal70b();
    const BuildSuggestion s = suggestBuild(catalog, goal, gpuItem("GeForce RTX 3090", 2));
    for (auto _ : state)
        benchmark::DoNotOptimize(partChoices(catalog, goal, *s.build, Category::Psu));
}
BENCHMARK(BM_PartChoicesPsu)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime()->UseRealTime();

void BM_CompareThreeGpus(benchmark::State& state)
{
    const Catalog& catalog = builtInCatalog();
    const std::vector<BuildItem> gpus{gpuItem("GeForce RTX 3090"), gpuItem("GeForce RTX 4090"),
                                      gpuItem("GeForce RTX 4060 Ti 16GB")};
    const Workload workload = goal70b().workload;
    for (auto _ : state)
        benchmark::DoNotOptimize(compareGpus(catalog, gpus, workload));
}
BENCHMARK(BM_CompareThreeGpus)->Unit(benchmark::kMicrosecond)->MeasureProcessCPUTime()->UseRealTime();

}  // namespace
