// Issue 16 budget: the PDF report of a 10,000-line build (the build size limit) in under 5 s and
// 300 MB on a 2-core machine. Measured as `mlrig-cli export --to x.pdf` does it, headless.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <string>

#include <sys/resource.h>

#include "core/eval/Evaluate.h"
#include "tests/support/BuiltInCatalog.h"
#include "tests/support/LargeBuild.h"
#include "ui/report/ReportPdfExport.h"

using namespace mlrig;
using mlrig::testsupport::builtInCatalog;
using mlrig::testsupport::largeBuild;

namespace {

void BM_PdfReport10kLines(benchmark::State& state)
{
    const Catalog& catalog = builtInCatalog();
    const Build build = largeBuild(catalog, 10'000);
    const Evaluation evaluation = evaluate(build, catalog);
    const std::string path = "/tmp/mlrig-bench-report-" + std::to_string(::getpid()) + ".pdf";
    for (auto _ : state) {
        std::string error;
        if (!ui::exportBuildReportPdfHeadless(build, evaluation, catalog, path, &error))
            state.SkipWithError(error.c_str());
    }
    std::remove(path.c_str());
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    state.counters["lines"] = static_cast<double>(build.items.size());
    state.counters["peak_rss_mb"] = static_cast<double>(usage.ru_maxrss) / 1024.0;
}
BENCHMARK(BM_PdfReport10kLines)->Unit(benchmark::kMillisecond)->Iterations(2);

}  // namespace
