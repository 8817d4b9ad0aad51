// Catalog budgets: search-as-you-type <= 5 ms per keystroke over the full catalog; resident
// memory with the full catalog loaded <= 150 MB (reported as a counter).
#include <benchmark/benchmark.h>

#include <fstream>
#include <string>

#include "db/embedded/EmbeddedCatalog.h"
#include "tests/support/BuiltInCatalog.h"
#include "core/catalog/Catalog.h"

using namespace mlrig;
using mlrig::testsupport::builtInCatalog;

namespace {

double residentMegabytes()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmRSS:", 0) == 0)
            return std::stod(line.substr(6)) / 1024.0;
    }
    return 0;
}

void BM_CatalogLoadFromEmbeddedImage(benchmark::State& state)
{
    for (auto _ : state) {
        Catalog c = Catalog::loadBytes(embeddedCatalogImage());
        benchmark::DoNotOptimize(c.size());
    }
    state.counters["parts"] = static_cast<double>(builtInCatalog().size());
    state.counters["rss_MB"] = residentMegabytes();
}
BENCHMARK(BM_CatalogLoadFromEmbeddedImage)->Unit(benchmark::kMillisecond);

// The part of a GpusFirst load the app waits for before its first window (GPU models, prices,
// machines, counts); the parts are read afterwards, outside the timing.
void BM_CatalogGpusFirst(benchmark::State& state)
{
    for (auto _ : state) {
        Catalog c = Catalog::loadStaticBytesGpusFirst(embeddedCatalogImage());
        benchmark::DoNotOptimize(c.size());
        state.PauseTiming();
        benchmark::DoNotOptimize(c.completionNotice());
        c = Catalog();
        state.ResumeTiming();
    }
    state.counters["gpu_models"] = static_cast<double>(builtInCatalog().gpuModelParts().size());
}
BENCHMARK(BM_CatalogGpusFirst)->Unit(benchmark::kMillisecond);

// What `mlrig-cli fit` reads: the GPU models, prices and machines, nothing else.
void BM_CatalogGpuModelsOnly(benchmark::State& state)
{
    for (auto _ : state) {
        Catalog c = Catalog::loadGpuModels(embeddedCatalogImage());
        benchmark::DoNotOptimize(c.size());
    }
}
BENCHMARK(BM_CatalogGpuModelsOnly)->Unit(benchmark::kMillisecond);

// One keystroke = one search over a whole category with the text typed so far; the typed
// prefixes of a realistic query are cycled so every length is measured.
void BM_SearchAsYouType(benchmark::State& state, Category category, std::string query)
{
    const Catalog& c = builtInCatalog();
    size_t typed = 1;
    for (auto _ : state) {
        auto results = c.search(category, std::string_view(query).substr(0, typed));
        benchmark::DoNotOptimize(results.data());
        typed = typed % query.size() + 1;
    }
    state.counters["rows"] = static_cast<double>(c.parts(category).size());
}
BENCHMARK_CAPTURE(BM_SearchAsYouType, memory, Category::Memory, std::string("corsair vengeance ddr5 64"))
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_SearchAsYouType, gpu, Category::Gpu, std::string("asus rtx 4090 oc"))
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_SearchAsYouType, motherboard, Category::Motherboard, std::string("x670e wifi atx"))
    ->Unit(benchmark::kMicrosecond);

void BM_FindByName(benchmark::State& state)
{
    const Catalog& c = builtInCatalog();
    for (auto _ : state)
        benchmark::DoNotOptimize(c.find(Category::Gpu, "GeForce RTX 3090"));
}
BENCHMARK(BM_FindByName);

}  // namespace
