// Import budgets (issue 16): a 100,000-line PCPartPicker list imports in under 10 s on a 2-core
// machine, and a 10,000-row price sheet of names the catalog does not have in seconds, not the
// minutes a full catalog scan per line took. Each case builds its input once, outside the timing.
#include <benchmark/benchmark.h>

#include <fstream>
#include <iterator>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "core/catalog/Catalog.h"
#include "core/io/PcPartPickerImport.h"
#include "core/io/PriceCsvImport.h"
#include "tests/support/BuiltInCatalog.h"

using namespace mlrig;
using mlrig::testsupport::builtInCatalog;

namespace {

// The item rows of the Markdown fixture, links reduced to their text (a list with the links is
// 200 bytes a row, so 100,000 rows would pass the 10 MB import limit).
std::vector<std::string> markdownRows()
{
    std::ifstream in(std::string(MLRIG_SOURCE_DIR) + "/tests/data/import/pcpp-markdown.md");
    std::vector<std::string> rows;
    const std::regex link(R"(\[([^\]]*)\]\([^)]*\))");
    for (std::string line; std::getline(in, line);) {
        if (line.starts_with("**"))
            rows.push_back(std::regex_replace(line, link, "$1"));
    }
    return rows;
}

// 100,000 rows cycling through a real list's nine parts: about 5,600 build lines after identical
// rows merge (16 to a line), each distinct name matched once.
void BM_ImportPcPartPickerList100k(benchmark::State& state)
{
    const std::vector<std::string> rows = markdownRows();
    std::string list = "Type|Item|Price\n:----|:----|:----\n";
    for (int i = 0; i < 100000; ++i)
        list += rows[static_cast<size_t>(i) % rows.size()] + '\n';
    const Catalog& catalog = builtInCatalog();
    for (auto _ : state) {
        const ImportResult r = importPcPartPickerList(list, catalog);
        benchmark::DoNotOptimize(r.build.items.size());
    }
    state.counters["lines"] = 100000;
    state.counters["bytes"] = static_cast<double>(list.size());
}
BENCHMARK(BM_ImportPcPartPickerList100k)->Unit(benchmark::kMillisecond);

// The worst case under the build limit: 9,000 different names, each a catalog name with its
// first two words swapped and its last dropped, so most need the normalised or fuzzy step.
void BM_ImportPcPartPickerDistinctNames(benchmark::State& state)
{
    const Catalog& catalog = builtInCatalog();
    std::string list;
    int lines = 0;
    for (Category category : kAllCategories) {
        int perCategory = 0;
        for (const AnyPart& part : catalog.parts(category)) {
            if (lines == 9000 || perCategory++ == 1125)
                break;
            std::istringstream words(infoOf(part).name);
            std::vector<std::string> w{std::istream_iterator<std::string>(words), {}};
            if (w.size() > 3) {
                std::swap(w[0], w[1]);
                w.pop_back();
            }
            std::string name;
            for (const std::string& word : w)
                name += (name.empty() ? "" : " ") + word;
            list += fmt::format("{}: {} (${}.99 @ Shop)\n", pcPartPickerType(category), name, 10 + lines % 900);
            ++lines;
        }
    }
    for (auto _ : state) {
        const ImportResult r = importPcPartPickerList(list, catalog);
        benchmark::DoNotOptimize(r.build.items.size());
    }
    state.counters["lines"] = lines;
}
BENCHMARK(BM_ImportPcPartPickerDistinctNames)->Unit(benchmark::kMillisecond);

// 10,000 rows the catalog has nothing for: each was a fuzzy scan of all eight categories.
void BM_ImportPriceCsvUnmatched10k(benchmark::State& state)
{
    std::string sheet = "name,price,currency\n";
    for (int i = 0; i < 10000; ++i)
        sheet += fmt::format("Acme Widget Model {:05} Deluxe,{}.99,USD\n", i, 10 + i % 500);
    const Catalog& catalog = builtInCatalog();
    for (auto _ : state) {
        const PriceImportResult r = importPriceCsv(sheet, catalog);
        benchmark::DoNotOptimize(r.unmatched.size());
    }
    state.counters["rows"] = 10000;
}
BENCHMARK(BM_ImportPriceCsvUnmatched10k)->Unit(benchmark::kMillisecond);

}  // namespace
