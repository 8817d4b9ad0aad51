#pragma once

// Step 3 of the build wizard: which GPU to buy for a goal. Every GPU model of the catalog is
// considered (at its cheapest priced card, by effectivePrice(): market price new, or used when the
// goal allows used cards and that is cheaper, else retail snapshot, else launch MSRP), with the goal's card count and power preference;
// each gets the workload verdict (fits, figure of merit), the price of the cheapest valid build
// around it, its value per dollar and the guide's warnings about it (shown, never hidden).

#include <optional>
#include <string>
#include <vector>

#include "core/advise/BuildGoal.h"
#include "core/catalog/Catalog.h"
#include "core/eval/Evaluation.h"

namespace mlrig {

struct GpuSuggestion {
    const Gpu* gpu = nullptr;  // the catalog card (cheapest priced card of its model)
    std::string model;         // GPU model name ("GeForce RTX 3090")
    int count = 1;
    double unitPrice = 0;
    PriceSource priceSource = PriceSource::Unknown;
    PriceOrigin priceOrigin{};             // where unitPrice comes from and how old it is
    Condition condition = Condition::New;  // used when the goal allows used cards and that is cheaper
    std::optional<double> powerLimitW;  // per card, from the goal's power preference
    bool fits = false;       // runs: in VRAM, or (LLM inference) with offload to the quoted build's RAM
    std::string placement;   // LLM inference: "vram", "offload" or "none" (see WorkloadEstimate)
    std::string llamaCppFlags;
    // Offload: the system RAM the estimate assumes (the quoted platform's, or more when that holds
    // too little: then the platform needs this much RAM and buildCost does not include the upgrade).
    std::optional<double> ramGb;
    bool needsMoreRam = false;
    double vramGb = 0;       // all cards together, as the workload model counts it
    double neededGb = 0;     // what the workload needs
    std::optional<double> figure;           // the goal's figure of merit on these cards
    std::optional<double> figurePerDollar;  // per dollar of GPU cost
    std::optional<double> buildCost;        // GPUs + cheapest valid platform; nullopt = none found
    bool withinBudget = false;
    std::vector<Finding> flags;  // gpu-vendor, gpu-datacenter, gpu-workstation findings for the card

    double gpuCost() const { return unitPrice * count; }
    bool recommended() const { return fits && withinBudget && figure.has_value(); }
    BuildItem item() const;  // the GPU line to put into a build
};

struct GpuRanking {
    std::string figureName;  // "decode tokens/s", ...
    std::string whyMetric;   // one line: why this figure decides, memory- or compute-bound
    std::vector<GpuSuggestion> suggestions;  // best first: recommended, then over budget, then not fitting
    int recommendedCount = 0;                // how many leading suggestions fit within the budget
    std::optional<size_t> bestValue;         // recommended suggestion with the best figure per dollar
    std::optional<double> nearestBudget;     // no recommended one: the cheapest build that runs the workload
    std::string verdict;                     // one line for the person
    // One card asked for and none runs the workload within the budget, but two identical cards
    // do: how many options and the best of them (the verdict says so too).
    int twoGpuOptions = 0;
    std::optional<GpuSuggestion> bestTwoGpu;
};

// Throws std::invalid_argument for an unusable goal (validateGoal()).
GpuRanking rankGpus(const Catalog& catalog, const BuildGoal& goal);

// Why the figure of merit decides for this kind of workload (one sentence, for the GPU step).
std::string metricExplanation(WorkloadKind kind);

}  // namespace mlrig
