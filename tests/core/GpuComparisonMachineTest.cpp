// A unified-memory machine as a column of the GPU comparison (issue 17): its figures come from its
// chip and its own estimate, and agree with what compareSystems() (and so `mlrig-cli compare-systems`)
// says about the same machine.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/advise/GpuComparison.h"
#include "core/advise/SystemComparison.h"
#include "core/eval/UnifiedMemory.h"
#include "core/io/ComparisonCsvExport.h"
#include "core/util/Csv.h"
#include "tests/support/BuiltInCatalog.h"
#include "tests/support/Parts.h"

using namespace mlrig;
using mlrig::testsupport::builtInCatalog;
using mlrig::testsupport::gpuItem;

namespace {

constexpr const char* kSpark = "NVIDIA DGX Spark (128 GB, 4 TB)";
constexpr const char* kStudio = "Mac Studio (M3 Ultra 80-core, 256 GB)";

Workload llama70b()
{
    Workload w;
    w.kind = WorkloadKind::LlmInference;
    w.model = "llama-3.1-70b";
    w.quant = "q4_k_m";
    w.context = 8192;
    return w;
}

const SystemRow& systemRow(const SystemComparison& c, std::string_view name)
{
    const auto it = std::find_if(c.rows.begin(), c.rows.end(), [&](const SystemRow& r) { return r.name == name; });
    EXPECT_NE(it, c.rows.end()) << name;
    return *it;
}

}  // namespace

TEST(GpuComparisonMachine, MachineColumnHasItsChipsFiguresAndItsOwnEstimate)
{
    const Catalog& catalog = builtInCatalog();
    const GpuComparison c =
        compareGpus(catalog,
                    {ComparisonColumn::ofGpu(gpuItem("GeForce RTX 3090")), ComparisonColumn::ofSystem(kSpark),
                     ComparisonColumn::ofSystem(kStudio)},
                    llama70b());
    ASSERT_EQ(c.gpus.size(), 3u);
    EXPECT_EQ(c.gpus[0].kind, ColumnKind::Gpu);
    EXPECT_EQ(c.gpus[1].kind, ColumnKind::System);
    EXPECT_EQ(c.gpus[1].gpu, nullptr);
    EXPECT_EQ(c.gpus[1].name(), kSpark);
    EXPECT_EQ(c.gpus[2].name(), kStudio);

    // Memory: what the GPU may use of the pool (the tuned share), never the whole pool.
    const ComparisonRow* vram = c.row("vram");
    ASSERT_NE(vram, nullptr);
    EXPECT_EQ(vram->label, "VRAM / GPU memory share");
    EXPECT_DOUBLE_EQ(*vram->values[1], usableGpuMemory(UnifiedFamily::Gb10, 128).tunedGb);
    EXPECT_DOUBLE_EQ(*vram->values[2], usableGpuMemory(UnifiedFamily::AppleSilicon, 256).tunedGb);
    EXPECT_LT(*vram->values[2], 256);
    EXPECT_NE(vram->text[2].find(" of 256 GB"), std::string::npos) << vram->text[2];
    EXPECT_EQ(vram->winners, std::vector<size_t>{2});

    // Bandwidth: the chip's (NVIDIA and Apple publish 273 and 819 GB/s).
    EXPECT_DOUBLE_EQ(*c.row("bandwidth")->values[1], 273);
    EXPECT_DOUBLE_EQ(*c.row("bandwidth")->values[2], 819);
    EXPECT_DOUBLE_EQ(*c.row("price")->values[1], 4699);
    EXPECT_NE(c.row("price-origin")->text[1].find("whole machine"), std::string::npos);

    // Rows only a card has: "n/a" and never a winner.
    for (const char* id : {"length", "slots", "transient-peak", "connectors", "nvlink"}) {
        const ComparisonRow* r = c.row(id);
        ASSERT_NE(r, nullptr) << id;
        EXPECT_FALSE(r->values[1]) << id;
        EXPECT_EQ(r->text[1], "n/a") << id;
        EXPECT_EQ(std::count(r->winners.begin(), r->winners.end(), 1u), 0) << id;
    }

    // Fit: a 70B model at 4 bits does not fit a 24 GB card; it fits both machines.
    const ComparisonRow* fits = c.row("fits");
    ASSERT_NE(fits, nullptr);
    EXPECT_EQ(fits->values, (std::vector<std::optional<double>>{0.0, 1.0, 1.0}));
    EXPECT_EQ(fits->text[1].rfind("Yes", 0), 0u) << fits->text[1];

    // Decode: the machine's own estimate, the same number compare-systems gives for it.
    const ComparisonRow* figure = c.row("figure");
    ASSERT_NE(figure, nullptr);
    EXPECT_EQ(figure->label, "decode tokens/s");
    Build workloadOnly;
    workloadOnly.workload = llama70b();
    const SystemComparison systems = compareSystems(workloadOnly, catalog);
    for (size_t i : {1u, 2u}) {
        const SystemRow& row = systemRow(systems, c.gpus[i].name());
        ASSERT_TRUE(row.decodeTokensPerS);
        ASSERT_TRUE(figure->values[i]) << i;
        EXPECT_DOUBLE_EQ(*figure->values[i], *row.decodeTokensPerS) << c.gpus[i].name();
        const UnifiedSystem* system = catalog.unifiedSystems().system(c.gpus[i].name());
        const SystemEstimate direct = estimateOnSystem(llama70b(), *system, catalog.unifiedSystems().chipOf(*system));
        EXPECT_DOUBLE_EQ(*figure->values[i], *direct.estimate.decodeTokensPerS);
    }
    EXPECT_FALSE(figure->values[0]);  // the 3090 does not fit, so it has no speed

    // Per dollar from the machine's price.
    EXPECT_DOUBLE_EQ(*c.row("figure-per-dollar")->values[1], *figure->values[1] / 4699 * 1000);
    EXPECT_DOUBLE_EQ(*c.row("vram-per-dollar")->values[1], *vram->values[1] / 4699 * 1000);
}

TEST(GpuComparisonMachine, MultiCardRowsSayNotApplicableAndTheCsvNamesTheMachine)
{
    const GpuComparison c = compareGpus(
        builtInCatalog(), {ComparisonColumn::ofGpu(gpuItem("GeForce RTX 3090")), ComparisonColumn::ofSystem(kStudio)},
        llama70b(), 2);
    for (const char* id : {"fits-multi", "figure-multi", "figure-multi-per-dollar"}) {
        const ComparisonRow* r = c.row(id);
        ASSERT_NE(r, nullptr) << id;
        EXPECT_EQ(r->text[1], "n/a") << id;
        EXPECT_FALSE(r->values[1]) << id;
    }
    EXPECT_EQ(c.row("fits-multi")->values[0], std::optional<double>(1.0));  // two 3090s hold it

    const std::vector<CsvRow> csv = parseCsv(comparisonToCsv(c));
    ASSERT_GE(csv.size(), 2u);
    EXPECT_EQ(csv[0][4], kStudio);  // Group, Metric, Unit, then the columns
}

TEST(GpuComparisonMachine, RefusesAnUnknownMachineAndABadWorkload)
{
    EXPECT_THROW(compareGpus(builtInCatalog(),
                             {ComparisonColumn::ofGpu(gpuItem("GeForce RTX 3090")),
                              ComparisonColumn::ofSystem("Mac Studio (M9 Ultra)")},
                             std::nullopt),
                 std::invalid_argument);
    Workload bad = llama70b();
    bad.model = "no-such-model";
    // Machines only: the machine path itself says the workload is unusable.
    EXPECT_THROW(compareGpus(builtInCatalog(), {ComparisonColumn::ofSystem(kSpark), ComparisonColumn::ofSystem(kStudio)}, bad),
                 std::invalid_argument);
    // Without a workload a machine column still has its specifications and no workload rows.
    const GpuComparison c = compareGpus(
        builtInCatalog(), {ComparisonColumn::ofSystem(kSpark), ComparisonColumn::ofSystem(kStudio)}, std::nullopt);
    EXPECT_EQ(c.row("fits"), nullptr);
    EXPECT_DOUBLE_EQ(*c.row("bandwidth")->values[0], 273);
}
