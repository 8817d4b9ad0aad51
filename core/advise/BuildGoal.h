#pragma once

// What the person told the build wizard: the workload, the budget and the preferences that
// every later suggestion (GPU ranking, platform, the rest) has to respect.

#include <map>
#include <string>

#include "core/model/Build.h"

namespace mlrig {

struct BuildGoal {
    Workload workload;
    double budget = 2000;   // whole build, in the catalog's currency (USD)
    int gpuCount = 1;       // 1 or 2 identical cards
    bool allowUsed = false;  // the person will buy used parts at their own price
    // Used cards the person found, per GPU model: the price per card. The ranking uses it in place
    // of the market price for that model (and the build line carries it), so typing a price
    // re-ranks at once.
    std::map<std::string, double> ownGpuPrices;
    // Training, fine-tuning and image generation lean on CUDA-first software (the gpu-vendor
    // rule's advice), so AMD and Intel cards rank after every NVIDIA card that qualifies unless
    // the person opts in to weighing them equally.
    bool otherVendorsEqual = false;
    // Noise and power preference: every GPU runs at this fraction of its rated power (0.5..1).
    // Less power means less heat and fan noise at a small cost in speed (retainedPerformance()).
    double gpuPowerFraction = 1.0;
};

// Checks a goal; returns an empty string when it is usable, else one line saying what is wrong.
std::string validateGoal(const BuildGoal& goal);

// The per-GPU power limit the goal asks of a card with the given rated power (nullopt at 100%).
std::optional<double> goalPowerLimitW(const BuildGoal& goal, std::optional<double> ratedW);

}  // namespace mlrig
