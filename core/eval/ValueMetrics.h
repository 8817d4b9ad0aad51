#pragma once

// Cost and value-for-money metrics. Every price comes from effectivePrice()
// (core/eval/EffectivePrice.h): the person's own price, else the GPU market price for the line's
// condition, else the catalog's retail snapshot, else the GPU model's launch MSRP, else unknown
// (never 0).

#include <optional>
#include <string>
#include <vector>

#include "core/model/Build.h"
#include "core/catalog/Catalog.h"
#include "core/eval/EffectivePrice.h"
#include "core/eval/Evaluation.h"
#include "core/eval/WorkloadModel.h"

namespace mlrig {

struct ResolvedBuild;

// One cost line per build item; total over known prices in the build's currency, missingPrices
// counts unknown lines, otherCurrencyLines the lines priced in another currency.
CostSummary computeCost(const Build& build, const ResolvedBuild& resolved, const Catalog& catalog);

// Per-dollar metrics of one GPU at a unit price (nullopt where the figure or price is unknown
// or the price is 0). tokensPerSPerDollar is left empty; it needs a workload.
GpuValue gpuValueAt(const Gpu& gpu, std::optional<double> unitPrice, const PriceOrigin& origin);

// Per GPU line of the build, and for the build's GPUs together (divided by the summed GPU
// cost, all GPU lines must be priced). Tokens/s per dollar uses the workload's decode speed:
// per line only when the build has a single GPU line.
ValueSummary computeValue(const ResolvedBuild& resolved, const CostSummary& cost,
                          const std::optional<WorkloadEstimate>& workload);

// Appends one GpuForWorkload per physical GPU of `quantity` cards (a dual-GPU board counts twice,
// each with its share of the card's memory and bandwidth); a power limit scales performance by
// retainedPerformance().
void appendGpusForWorkload(const Gpu& gpu, int quantity, std::optional<double> powerLimitW,
                           std::vector<GpuForWorkload>& out);

// One row per GPU model of the catalog (ids "gpu-model:..."), for ranking charts, each priced by
// effectivePrice() in `condition` (market price, else launch MSRP, labelled in value.priceOrigin).
struct GpuValueRow {
    const Gpu* gpu = nullptr;  // points into the catalog
    std::string model;
    std::optional<double> fp16TensorTflops;
    std::optional<double> memoryBandwidthGbs;
    std::optional<double> vramGb;
    std::optional<double> decodeTokensPerS;  // with a workload, on one card of this model
    // With a workload: its figure of merit on one card of this model (decode tokens/s, training tokens/s,
    // images/min; WorkloadEstimate::figureValue) when it fits, and that per dollar of the card's price.
    std::optional<double> figure;
    std::optional<double> figurePerDollar;
    std::string figureName;                  // "images/min"
    bool fits = false;                       // with a workload: does it fit on one card
    // The GPU-model warnings the rules give this card on its own (gpu-vendor, gpu-datacenter,
    // gpu-workstation): charts mark such cards instead of ranking them silently.
    std::vector<Finding> warnings;
    GpuValue value;
};
std::vector<GpuValueRow> gpuValueTable(const Catalog& catalog, const std::optional<Workload>& workload = std::nullopt,
                                       Condition condition = Condition::New);

}  // namespace mlrig
