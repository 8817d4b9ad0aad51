#pragma once

// Side-by-side comparison of 2 to 4 GPUs: every spec, value per dollar and, with a workload,
// what each card does for it. Each row knows which direction is better, which columns win and
// how every column differs from the first, so the table, the charts and the exports agree.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/model/Build.h"
#include "core/catalog/Catalog.h"
#include "core/eval/Evaluation.h"

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

struct ComparedGpu {
    const Gpu* gpu = nullptr;  // into the catalog, or to ownGpu for a custom part
    std::shared_ptr<const Gpu> ownGpu;  // a custom part's copy: the comparison never points into its input
    BuildItem item;            // as given (ref, price, power limit); quantity is treated as 1
    std::optional<double> price;  // effectivePrice() of the line as given (its condition, your price)
    PriceSource priceSource = PriceSource::Unknown;
    PriceOrigin priceOrigin{};
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

// A one-line description of a workload ("Llama 3.1 70B, q4_k_m, 8k context").
std::string describeWorkload(const Workload& workload);

}  // namespace mlrig
