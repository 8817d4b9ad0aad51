// DESIGN.md budget: evaluate() of a full 8-category, 2-GPU build <= 50 microseconds median.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>

#include "db/embedded/EmbeddedCatalog.h"
#include "core/io/BuildDocument.h"
#include "core/eval/Evaluate.h"

using namespace mlrig;

namespace {

const Catalog& benchCatalog()
{
    static const Catalog loaded = Catalog::loadBytes(embeddedCatalogImage());
    return loaded;
}

Build exampleBuild()
{
    std::ifstream in(std::string(MLRIG_SOURCE_DIR) + "/examples/2x3090-llm-70b.mlrig");
    std::ostringstream text;
    text << in.rdbuf();
    return parseBuild(text.str(), &benchCatalog());
}

void BM_EvaluateFullTwoGpuBuild(benchmark::State& state)
{
    const Catalog& catalog = benchCatalog();
    const Build build = exampleBuild();
    size_t findings = 0;
    for (auto _ : state) {
        Evaluation evaluation = evaluate(build, catalog);
        findings = evaluation.findings.size();
        benchmark::DoNotOptimize(evaluation);
    }
    state.counters["parts"] = static_cast<double>(build.items.size());
    state.counters["findings"] = static_cast<double>(findings);
}
BENCHMARK(BM_EvaluateFullTwoGpuBuild)->Unit(benchmark::kMicrosecond)->Repetitions(5)->ReportAggregatesOnly(true);

void BM_ParseBuildDocument(benchmark::State& state)
{
    std::ifstream in(std::string(MLRIG_SOURCE_DIR) + "/examples/2x3090-llm-70b.mlrig");
    std::ostringstream text;
    text << in.rdbuf();
    const std::string json = text.str();
    for (auto _ : state)
        benchmark::DoNotOptimize(parseBuild(json, &benchCatalog()));
}
BENCHMARK(BM_ParseBuildDocument)->Unit(benchmark::kMicrosecond);

}  // namespace
