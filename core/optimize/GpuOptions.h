#pragma once

// GPU options: each usable card at each count (1..max GPUs), with its exact figure of merit from
// the workload model. The figure depends on the GPUs alone, so it is computed once per option;
// the platform is the PlatformSearch's business. Internal to core/optimize.

#include <optional>
#include <vector>

#include "core/optimize/PlatformSearch.h"

namespace mlrig::optimizer {

struct GpuOption {
    int cand = 0;  // GPU candidate index
    int n = 1;
    double gpuCost = 0;
    GpuSpec spec;
    bool fits = false;
    std::optional<double> figure;
    double vram = 0;  // available, as the workload model counts it
    double value = 0;  // objective in the current mode
    double lowerBound = 0;
};

// What n of the card ask of the platform.
GpuSpec gpuSpec(const Gpu& g, int n);

// A GPU no platform can make valid.
bool gpuHasIntrinsicError(const Gpu& g);

// The options over the GPU candidates, after dropping cards dominated at no lower price. Fills
// result.stats (gpuCandidates, reduced GPUs, gpuOptions) and result.figureName.
std::vector<GpuOption> gpuOptions(const std::vector<OptimizeCandidate>& gpus, const OptimizeRequest& request,
                                  OptimizeResult& result);

}  // namespace mlrig::optimizer
