#pragma once

// Power model: sustained draw and transient peaks per part, PSU sizing, retained GPU performance
// under a power limit, and running cost. Every constant is documented in PowerModel.cpp.

#include <optional>
#include <utility>
#include <vector>

#include "core/catalog/Parts.h"
#include "core/eval/Evaluation.h"

namespace mlrig {

struct ResolvedBuild;

namespace power {
// Fixed draws of the parts that have no per-part figure (W).
inline constexpr double kMotherboardW = 50;
inline constexpr double kDdr4ModuleW = 3;
inline constexpr double kDdr5ModuleW = 5;
inline constexpr double kNvmeW = 7;
inline constexpr double kSataSsdW = 4;
inline constexpr double kHddW = 8;
inline constexpr double kAirCoolingW = 15;    // CPU cooler fan plus case fans
inline constexpr double kLiquidCoolingW = 25; // AIO pump plus radiator and case fans
// A CPU without a stated package power limit draws about this much over its TDP under full load.
inline constexpr double kCpuTdpToPackage = 1.35;
inline constexpr double kUnknownCpuW = 150;   // sustained, when the CPU gives no TDP at all
inline constexpr double kUnknownGpuW = 250;   // sustained, when the GPU gives no TDP at all
// PSU sizing and thresholds (see PowerModel.cpp for why).
inline constexpr double kSustainedLoadTarget = 0.8;  // advise sustained load at <= 80 % of the rating
inline constexpr double kAtx3PeakWarn = 1.5;   // ATX 3.x: peaks up to 1.5x rating are well within spec
inline constexpr double kAtx3PeakError = 2.0;  // ATX 3.x: 2x for 100 us is the spec's ceiling
inline constexpr double kAtx2PeakWarn = 1.0;   // ATX 2.x / not stated: peaks above the rating risk a trip
inline constexpr double kAtx2PeakError = 1.3;
inline constexpr double kPsuSizeStepW = 50;    // recommendations are whole 50 W steps, as units are sold
}  // namespace power

// Transient factor (peak / TDP) used when a GPU has no measured transient peak.
double transientFactor(const Gpu& gpu);

// Sustained draw of one card at `limitW` (or its TDP when no limit) and its transient peak.
double gpuSustainedW(const Gpu& gpu, std::optional<double> limitW);
double gpuPeakW(const Gpu& gpu, std::optional<double> limitW);
double cpuSustainedW(const Cpu& cpu);
// One drive's draw: NVMe, SATA SSD or hard disk; a drive of unknown kind is budgeted as NVMe
// and `estimated` (when given) is set. The optimizer sizes PSUs with the same figure.
double storageW(const Storage& storage, bool* estimated = nullptr);

// The build's power summary: one line per resolved part line, sums and the recommended PSU.
PowerSummary computePower(const ResolvedBuild& resolved);

// The one PSU verdict. The recommendation in the power summary, the psu-wattage rule, the
// optimizer and the wizard all come from these two functions, so a PSU that the findings pass
// is never below the recommendation shown next to them, and a PSU below it is never proposed.
//
// Recommended = max(sustained / 0.8, peak / peak-warn factor), rounded up to a 50 W step.
double recommendedPsuW(double sustainedW, double peakW, bool atx3);

enum class PsuVerdict {
    Ok,           // at or above the recommendation
    BelowAdvice,  // below the recommendation: too little headroom or peaks past the warn factor
    Overloaded,   // sustained load above the rating, or peaks past the error factor
};
PsuVerdict psuVerdict(double sustainedW, double peakW, double ratingW, bool atx3);

// Share of full performance (0..1) a GPU keeps at a power limit: 1 - (1 - r)^1.85 with
// r = limit / TDP, clamped to [0, 1]. 1 when the TDP is unknown.
double retainedPerformance(const Gpu& gpu, double limitW);
// (watts, retained performance) from 30 % to 100 % of TDP, `points` >= 2 samples; empty when
// the TDP is unknown.
std::vector<std::pair<double, double>> retainedPerformanceCurve(const Gpu& gpu, int points);

// Cost of running at `sustainedW` for `hoursPerDay` every day for a year.
double yearlyEnergyCost(double sustainedW, double hoursPerDay, double pricePerKwh);

}  // namespace mlrig
