// DESIGN.md budget: evaluate() of a full 8-category, 2-GPU build <= 50 microseconds median.
#include <benchmark/benchmark.h>

#include <string>

#include "tests/support/BuiltInCatalog.h"
#include "tests/support/Files.h"
#include "core/io/BuildDocument.h"
#include "core/eval/Evaluate.h"

using namespace mlrig;
using mlrig::testsupport::builtInCatalog;
using mlrig::testsupport::readFile;

namespace {

// The example a person opens first: a full 8-category, 2-GPU build.
std::string exampleText()
{
    return readFile(std::string(MLRIG_SOURCE_DIR) + "/examples/2x3090-llm-70b.mlrig");
}

Build exampleBuild()
{
    return parseBuild(exampleText(), &builtInCatalog());
}

void BM_EvaluateFullTwoGpuBuild(benchmark::State& state)
{
    const Catalog& catalog = builtInCatalog();
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
    const std::string json = exampleText();
    for (auto _ : state)
        benchmark::DoNotOptimize(parseBuild(json, &builtInCatalog()));
}
BENCHMARK(BM_ParseBuildDocument)->Unit(benchmark::kMicrosecond);

}  // namespace
