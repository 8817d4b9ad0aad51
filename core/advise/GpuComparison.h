#pragma once

// Side-by-side comparison of 2 to 4 GPUs: every spec, value per dollar and, with a workload,
// what each card does for it. Each row knows which direction is better, which columns win and
// how every column differs from the first, so the table, the charts and the exports agree.
//
// A column may also be a unified-memory machine (DGX Spark, a Mac Studio, a Ryzen AI Max mini-PC):
// its specification rows come from its chip (the memory its GPU may use, bandwidth, FP16), its
// price and power from the machine, and its workload rows from the machine's own estimate
// (estimateOnSystem(), through machineRow() in SystemComparison.h), never from the GPU path. Rows
// that only a card has (length, slots, connectors, transient peak, NVLink, N cards) say "n/a".

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/advise/SystemComparison.h"
#include "core/catalog/Catalog.h"
#include "core/catalog/UnifiedSystems.h"
#include "core/eval/Evaluation.h"
#include "core/model/Build.h"

namespace mlrig {

enum class Better { Higher, Lower, None };

struct ComparisonRow {
    std::string id;     // stable: "vram", "bandwidth", "price", "figure-per-dollar", ...
    std::string group;  // "Specifications", "Per dollar", "Workload"
    std::string label;  // "Memory bandwidth"
    std::string unit;   // "GB/s"; empty for text rows
    Better better = Better::None;
    std::vector<std::optional<double>> values;  // per column; nullopt = unknown (or a text row)
    std::vector<std::string> text;              // per column, ready to show ("936 GB/s", "2 × 8-pin", "—")
    std::vector<size_t> winners;                // columns with the best value (empty: no winner, e.g. all equal)
    std::vector<std::optional<double>> deltaPercent;  // against column 0 (column 0 itself: nullopt)
    bool chartable() const { return better != Better::None && !unit.empty(); }
};

// What one column holds.
enum class ColumnKind { Gpu, System };

// One column asked for: a GPU line, or a machine of the catalog's unified-memory table by name.
struct ComparisonColumn {
    ColumnKind kind = ColumnKind::Gpu;
    BuildItem gpu;       // ColumnKind::Gpu: the line as given (ref, price, power limit)
    std::string system;  // ColumnKind::System: UnifiedSystem::system (exact or case/space-folded)

    static ComparisonColumn ofGpu(BuildItem item) { return {ColumnKind::Gpu, std::move(item), {}}; }
    static ComparisonColumn ofSystem(std::string name) { return {ColumnKind::System, {}, std::move(name)}; }
};

struct ComparedGpu {
    const Gpu* gpu = nullptr;  // into the catalog, or to ownGpu for a custom part; nullptr for a machine
    std::shared_ptr<const Gpu> ownGpu;  // a custom part's copy: the comparison never points into its input
    BuildItem item;            // as given (ref, price, power limit); quantity is treated as 1
    std::optional<double> price;  // effectivePrice() of the line as given (its condition, your price)
    PriceSource priceSource = PriceSource::Unknown;
    PriceOrigin priceOrigin{};
    ColumnKind kind = ColumnKind::Gpu;
    const UnifiedSystem* system = nullptr;  // a machine column: into the catalog
    const UnifiedChip* chip = nullptr;      // its chip
    std::optional<SystemRow> machine{};     // its row as compareSystems() lists it (price, power, estimate)

    // The column's heading: the GPU's or the machine's name.
    const std::string& name() const;
};

struct GpuComparison {
    std::vector<ComparedGpu> gpus;  // the columns
    std::vector<ComparisonRow> rows;
    std::optional<Workload> workload;
    std::string workloadLabel;  // "Llama 3.1 70B, q4_k_m, 8k context"
    int cardCount = 1;          // > 1: the workload rows also show this many cards of each column
    const ComparisonRow* row(std::string_view id) const;
};

inline constexpr size_t kMinComparedGpus = 2;
inline constexpr size_t kMaxComparedGpus = 4;

// Throws std::invalid_argument for fewer than 2 or more than 4 GPUs, a line that is not a GPU
// or does not resolve, or an unusable workload. With a workload and cardCount > 1 (the build's
// GPU count), the workload rows are given for one card and for cardCount cards of each column
// ("2 x GeForce RTX 3090: fits, 16 tokens/s"): a pair that holds a model one card cannot.
GpuComparison compareGpus(const Catalog& catalog, const std::vector<BuildItem>& gpus,
                          const std::optional<Workload>& workload, int cardCount = 1);
// The same with machines among the columns. Also throws std::invalid_argument for a machine that is
// not in the catalog's unified-memory table.
GpuComparison compareGpus(const Catalog& catalog, const std::vector<ComparisonColumn>& columns,
                          const std::optional<Workload>& workload, int cardCount = 1);

// A one-line description of a workload ("Llama 3.1 70B, q4_k_m, 8k context").
std::string describeWorkload(const Workload& workload);

}  // namespace mlrig
