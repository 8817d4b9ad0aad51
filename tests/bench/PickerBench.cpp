// The picker's search as you type (docs/ARCHITECTURE.md budget: 2 ms a keystroke over the full
// catalog): one keystroke is one PartFilter::run() over the whole category with the text typed
// so far (match, spec filters, compatibility, duplicates merged, ranked), as the dialog runs it.
// The compatibility of every part is computed once when the picker opens, outside the loop.
#include <benchmark/benchmark.h>

#include <string>

#include "core/advise/PartFilter.h"
#include "tests/support/BuiltInCatalog.h"
#include "tests/support/Parts.h"

using namespace mlrig;
using mlrig::testsupport::builtInCatalog;

namespace {

void BM_PickerKeystroke(benchmark::State& state, Category category, std::string query, bool withCpu)
{
    Build build;
    if (withCpu)  // a build with a CPU, so compatibility hides parts too
        build.items.push_back(testsupport::refItem(Category::Cpu, "AMD Ryzen 9 7950X"));
    const PartFilter filter(builtInCatalog(), category, build, -1);
    PartQuery q;
    q.onlyCompatible = true;
    size_t typed = 1;
    size_t shown = 0;
    for (auto _ : state) {
        q.text = query.substr(0, typed);
        const PartSearchResult r = filter.run(q);
        shown = r.rows.size();
        benchmark::DoNotOptimize(r.rows.data());
        typed = typed % query.size() + 1;
    }
    state.counters["rows"] = static_cast<double>(builtInCatalog().parts(category).size());
    state.counters["shown_last"] = static_cast<double>(shown);
}
BENCHMARK_CAPTURE(BM_PickerKeystroke, gpu, Category::Gpu, std::string("asus rtx4090 oc 24gb"), false)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_PickerKeystroke, memory, Category::Memory, std::string("corsair vengeance ddr5 64gb"), true)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_PickerKeystroke, motherboard, Category::Motherboard, std::string("x670e wifi atx"), true)
    ->Unit(benchmark::kMicrosecond);

// Every category searched at once: the whole 26k-part catalog per keystroke, an upper bound on
// what one keystroke in the picker (one category) costs.
void BM_PickerKeystrokeWholeCatalog(benchmark::State& state)
{
    std::vector<PartSearch> searches;
    for (Category c : kAllCategories)
        searches.emplace_back(builtInCatalog(), c);
    const std::string query = "rtx 3090";
    size_t typed = 1;
    for (auto _ : state) {
        PartQuery q;
        q.text = query.substr(0, typed);
        for (const PartSearch& s : searches)
            benchmark::DoNotOptimize(s.run(q).rows.data());
        typed = typed % query.size() + 1;
    }
    state.counters["parts"] = static_cast<double>(builtInCatalog().size());
}
BENCHMARK(BM_PickerKeystrokeWholeCatalog)->Unit(benchmark::kMicrosecond);

}  // namespace
