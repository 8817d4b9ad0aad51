// Checks the decode estimate against measured llama.cpp runs (tests/data/llamacpp-decode-measured.csv).
// Every row names its source; rows marked "excluded: <reason>" stay in the table for the record but
// out of the error figure. The test fails when the mean absolute percentage error of the estimate
// over the validated rows exceeds 20%, or when a row lands in the wrong placement (in VRAM versus
// offloaded). The error per case (in VRAM / MoE in VRAM / offloaded) is printed.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "tests/support/BuiltInCatalog.h"
#include "tests/support/Files.h"
#include "tests/support/MeasuredTable.h"
#include "core/catalog/Catalog.h"
#include "core/eval/ValueMetrics.h"
#include "core/eval/WorkloadModel.h"
#include "core/util/Csv.h"

namespace mlrig {
namespace {

using testsupport::builtInCatalog;
using testsupport::readFile;

using Row = testsupport::MeasuredRow;

std::vector<Row> loadTable()
{
    return testsupport::loadMeasuredTable("llamacpp-decode-measured.csv");
}

std::optional<double> number(const std::string& text)
{
    if (text.empty())
        return std::nullopt;
    return std::stod(text);
}

struct Outcome {
    WorkloadEstimate estimate;
    double measured = 0;
};

Outcome estimateRow(const Row& row)
{
    const AnyPart* part = builtInCatalog().find(Category::Gpu, row["gpu"]);
    EXPECT_NE(part, nullptr) << row["gpu"];
    std::vector<GpuForWorkload> gpus;
    if (part)
        appendGpusForWorkload(std::get<Gpu>(*part), std::stoi(row["gpu_count"]), std::nullopt, gpus);
    HostForWorkload host;
    if (const auto ram = number(row["ram_gb"]))
        host.ramGb = *ram;
    if (const auto ch = number(row["ram_channels"]))
        host.channels = static_cast<int>(*ch);
    if (const auto mts = number(row["ram_mts"]))
        host.mts = static_cast<int>(*mts);
    if (const auto cores = number(row["cpu_cores"]))
        host.cpuCores = static_cast<int>(*cores);
    Workload w;
    w.kind = WorkloadKind::LlmInference;
    w.model = row["model"];
    w.quant = row["quant"];
    w.context = std::stoi(row["context"]);
    // The run's own llama.cpp placement where the source forced one (e.g. --cpu-moe on a card that
    // holds the whole model).
    if (const auto ngl = number(row["ngl"]))
        w.gpuLayers = static_cast<int>(*ngl);
    if (const auto moe = number(row["n_cpu_moe"]))
        w.cpuMoeLayers = static_cast<int>(*moe);
    return Outcome{estimateWorkload(w, gpus, host), std::stod(row["tokens_per_s"])};
}

TEST(DecodeValidation, TableIsSourcedAndLargeEnough)
{
    const std::vector<Row> rows = loadTable();
    int validated = 0;
    int offloaded = 0;
    int moe = 0;
    for (const Row& r : rows) {
        SCOPED_TRACE(r["hardware_reported"] + " " + r["model"]);
        EXPECT_TRUE(r["source_url"].starts_with("https://"));
        EXPECT_FALSE(r["source_date"].empty());
        EXPECT_TRUE(r["use"] == "validate" || r["use"].starts_with("excluded: "));
        EXPECT_TRUE(r["case"] == "vram" || r["case"] == "moe" || r["case"] == "offload");
        if (r["use"] != "validate")
            continue;
        ++validated;
        offloaded += r["case"] == "offload";
        moe += r["case"] == "moe" || (r["case"] == "offload" && findModelPreset(r["model"])->isMoe());
    }
    EXPECT_GE(validated, 40);
    EXPECT_GE(offloaded, 2);
    EXPECT_GE(moe, 8);
}

TEST(DecodeValidation, MeanAbsolutePercentageErrorWithinTwentyPercent)
{
    std::map<std::string, std::pair<double, int>> byCase;
    double sum = 0;
    int n = 0;
    for (const Row& r : loadTable()) {
        if (r["use"] != "validate")
            continue;
        SCOPED_TRACE(r["hardware_reported"] + " " + r["model"] + " " + r["backend"]);
        const Outcome o = estimateRow(r);
        const std::string expectedPlacement = r["case"] == "offload" ? "offload" : "vram";
        EXPECT_EQ(o.estimate.placement, expectedPlacement) << o.estimate.reason;
        ASSERT_TRUE(o.estimate.decodeTokensPerS.has_value()) << o.estimate.reason;
        const double ape = std::abs(*o.estimate.decodeTokensPerS - o.measured) / o.measured;
        std::printf("  %-8s %-26s %-14s %-10s measured %7.1f  estimate %7.1f  %+5.0f%%  %s\n", r["case"].c_str(),
                    r["gpu"].c_str(), r["model"].c_str(), r["backend"].substr(0, 10).c_str(), o.measured,
                    *o.estimate.decodeTokensPerS, 100 * (*o.estimate.decodeTokensPerS - o.measured) / o.measured,
                    o.estimate.llamaCppFlags.c_str());
        sum += ape;
        ++n;
        byCase[r["case"]].first += ape;
        ++byCase[r["case"]].second;
    }
    ASSERT_GT(n, 0);
    for (const auto& [name, acc] : byCase)
        std::printf("MAPE %-8s %5.1f%% over %d runs\n", name.c_str(), 100 * acc.first / acc.second, acc.second);
    const double mape = sum / n;
    std::printf("MAPE overall %5.1f%% over %d runs\n", 100 * mape, n);
    EXPECT_LE(mape, 0.20);
}

}  // namespace
}  // namespace mlrig
