// Budget optimizer: full catalog, llama-3.1-70b q4_k_m 8k, two GPUs, $3000 (target < 200 ms
// median), and the optimizer against brute force on the small test catalog (target >= 100x).
#include <benchmark/benchmark.h>

#include "tests/support/BuiltInCatalog.h"
#include "tests/support/Catalogs.h"
#include "tests/support/OptimizerReference.h"
#include "tests/support/Parts.h"
#include "core/optimize/Optimizer.h"

using namespace mlrig;
namespace support = mlrig::testsupport;
using support::builtInCatalog;

namespace {

OptimizeRequest seventyB(double budget)
{
    OptimizeRequest r;
    r.workload = support::workload(WorkloadKind::LlmInference, "llama-3.1-70b");
    r.budget = budget;
    r.maxGpus = 2;
    return r;
}

void setCounters(benchmark::State& state, const OptimizeResult& r)
{
    state.counters["options"] = static_cast<double>(r.stats.gpuOptions);
    state.counters["searched"] = static_cast<double>(r.stats.optionsSearched);
    state.counters["pruned"] = static_cast<double>(r.stats.optionsPruned);
    state.counters["platforms"] = static_cast<double>(r.stats.platformSearches);
    state.counters["nodes"] = static_cast<double>(r.stats.platformNodes);
    state.counters["best_cost"] = r.frontier.empty() ? 0.0 : r.frontier.back().cost;
    state.counters["figure"] = r.bestFigure;
}

void BM_OptimizeFullCatalog70B(benchmark::State& state)
{
    const Catalog& catalog = builtInCatalog();
    OptimizeRequest req = seventyB(static_cast<double>(state.range(0)));
    req.computeFrontier = state.range(1) != 0;
    OptimizeResult r;
    for (auto _ : state) {
        r = optimize(catalog, req);
        benchmark::DoNotOptimize(r.bestCost);
    }
    setCounters(state, r);
}
BENCHMARK(BM_OptimizeFullCatalog70B)->Args({3000, 1})->Args({3000, 0})->Args({1500, 1})
    ->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);

void BM_OptimizeSmallCatalog(benchmark::State& state)
{
    const Catalog catalog = support::smallCatalog();
    const OptimizeRequest req = seventyB(3500);
    OptimizeResult r;
    for (auto _ : state) {
        r = optimize(catalog, req);
        benchmark::DoNotOptimize(r.bestCost);
    }
    setCounters(state, r);
}
BENCHMARK(BM_OptimizeSmallCatalog)->Unit(benchmark::kMillisecond);

void BM_BruteForceSmallCatalog(benchmark::State& state)
{
    const Catalog catalog = support::smallCatalog();
    const OptimizeRequest req = seventyB(3500);
    support::ReferenceResult r;
    for (auto _ : state) {
        r = support::bruteForce(catalog, req);
        benchmark::DoNotOptimize(r.best);
    }
    state.counters["evaluations"] = static_cast<double>(r.evaluations);
    state.counters["cost"] = r.best ? r.best->cost : 0;
}
BENCHMARK(BM_BruteForceSmallCatalog)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
