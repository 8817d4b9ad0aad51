#include "core/eval/PowerModel.h"

// Power constants and where they come from (numbers are deliberately round; the model is for
// sizing a PSU, not for a power bill to the watt):
//
// * GPU sustained draw = its power limit when set, else its TDP (board power). A card with two
//   GPUs on one board (Tesla K80) states the board TDP, so nothing is multiplied again.
// * GPU transient peak = the catalog's measured peak (reviews with high-speed current probes,
//   e.g. ~600 W for an RTX 3090 at 350 W) when known, else TDP x a per-architecture factor:
//   Ampere 1.8 (worst spikes of recent generations), Turing 1.5, Ada Lovelace / Blackwell 1.4
//   (their power management smooths spikes), datacentre cards 1.2 (conservative firmware),
//   anything else 1.6. With a power limit the average is capped and spikes shrink roughly in
//   proportion, so the peak is scaled by limit / TDP.
// * CPU: the package power limit (AMD PPT) when the catalog has it, else TDP x 1.35, which is
//   AMD's PPT/TDP ratio and close to Intel's PL2-under-sustained-load behaviour on consumer
//   boards. Transient = the same figure (CPU power ramps too slowly to add a separate spike).
// * Motherboard 50 W (chipset, VRM losses, USB), RAM 3 W per DDR4 and 5 W per DDR5 module
//   (on-module PMIC), NVMe 7 W, SATA SSD 4 W, HDD 8 W, air cooling plus case fans 15 W,
//   liquid cooling (pump plus fans) 25 W.
// * Peaks are summed: under a synchronised training or tensor-parallel load all GPUs spike at
//   the same moment, so the worst case is the sum.
// * PSU: sustained load above the rating is an error; a unit should run at no more than 80 % of
//   its rating under a long training or inference load (efficiency, heat, fan noise, ageing).
//   Transients: ATX 3.x requires a PSU to ride out 100 us excursions up to 200 % of its rating;
//   we advise staying within 150 % and call 200 % an error. A PSU not stated as ATX 3.x is
//   treated as ATX 2.x, whose over-power protection may act on any excursion over the rating:
//   advise within 100 %, error above 130 %.
// * Recommended PSU = max(sustained / 0.8, peak / (1.5 for ATX 3.x, else 1.0)), rounded up to
//   a 50 W step. It is also the warning line of the psu-wattage rule: below it is a warning,
//   at or above it nothing, so the findings and the recommendation can never disagree (they
//   did when the rule warned from 90 % and the recommendation sized for 80 % and rounded to a
//   list of sizes: a 1050 W unit passed while 1200 W was recommended). Without a PSU in the
//   build an ATX 3.x unit is assumed, since that is what is sold new today.
// * Retained performance under a power limit: perf = 1 - (1 - r)^1.85, r = limit / TDP.
//   Fitted to community nvidia-smi -pl measurements (an RTX 3090 at 280 of 350 W keeps about
//   95 % of its throughput, at half power roughly 70-75 %): the last watts buy the least.

#include <algorithm>
#include <cmath>

#include "core/util/TextUtil.h"
#include "core/eval/ResolvedBuild.h"

namespace mlrig {

double transientFactor(const Gpu& gpu)
{
    if (gpu.gpuClass == GpuClass::Datacenter)
        return 1.2;
    const std::string arch = foldName(gpu.architecture);
    if (arch == "ampere")
        return 1.8;
    if (arch == "turing")
        return 1.5;
    if (arch.starts_with("ada") || arch == "blackwell" || arch == "lovelace")
        return 1.4;
    return 1.6;
}

double gpuSustainedW(const Gpu& gpu, std::optional<double> limitW)
{
    if (limitW)
        return *limitW;
    return gpu.tdpW.value_or(power::kUnknownGpuW);
}

double gpuPeakW(const Gpu& gpu, std::optional<double> limitW)
{
    const double sustained = gpuSustainedW(gpu, limitW);
    if (gpu.transientPeakW) {
        if (limitW && gpu.tdpW && *gpu.tdpW > 0)
            return *gpu.transientPeakW * (*limitW / *gpu.tdpW);
        return *gpu.transientPeakW;
    }
    return sustained * transientFactor(gpu);
}

double cpuSustainedW(const Cpu& cpu)
{
    if (cpu.pptW)
        return *cpu.pptW;
    if (cpu.tdpW)
        return *cpu.tdpW * power::kCpuTdpToPackage;
    return power::kUnknownCpuW;
}

double storageW(const Storage& storage, bool* estimated)
{
    if (storage.nvme.value_or(false))
        return power::kNvmeW;
    if (equalsFolded(storage.storageType, "HDD"))
        return power::kHddW;
    if (equalsFolded(storage.storageType, "SSD") || storage.nvme.has_value())
        return power::kSataSsdW;
    if (estimated)
        *estimated = true;
    return power::kNvmeW;
}

double recommendedPsuW(double sustainedW, double peakW, bool atx3)
{
    const double needed =
        std::max(sustainedW / power::kSustainedLoadTarget, peakW / (atx3 ? power::kAtx3PeakWarn : power::kAtx2PeakWarn));
    if (!(needed > 0))
        return 0;
    // A hair below a step (floating-point sums of TDPs) stays on that step.
    return std::ceil(needed / power::kPsuSizeStepW - 1e-9) * power::kPsuSizeStepW;
}

PsuVerdict psuVerdict(double sustainedW, double peakW, double ratingW, bool atx3)
{
    if (sustainedW > ratingW || peakW > (atx3 ? power::kAtx3PeakError : power::kAtx2PeakError) * ratingW)
        return PsuVerdict::Overloaded;
    if (ratingW < recommendedPsuW(sustainedW, peakW, atx3))
        return PsuVerdict::BelowAdvice;
    return PsuVerdict::Ok;
}

PowerSummary computePower(const ResolvedBuild& resolved)
{
    PowerSummary summary;
    for (const ResolvedItem& r : resolved.items) {
        if (!r.part)
            continue;
        const BuildItem& item = *r.item;
        PowerLine line;
        line.category = item.category;
        line.label = infoOf(*r.part).name;
        line.quantity = item.quantity;
        const double q = item.quantity;
        bool add = true;
        std::visit(
            [&](const auto& p) {
                using T = std::decay_t<decltype(p)>;
                if constexpr (std::is_same_v<T, Gpu>) {
                    line.sustainedW = q * gpuSustainedW(p, item.powerLimitW);
                    line.peakW = q * gpuPeakW(p, item.powerLimitW);
                    line.estimated = !p.tdpW && !item.powerLimitW;
                } else if constexpr (std::is_same_v<T, Cpu>) {
                    line.sustainedW = line.peakW = q * cpuSustainedW(p);
                    line.estimated = !p.pptW && !p.tdpW;
                } else if constexpr (std::is_same_v<T, Motherboard>) {
                    line.sustainedW = line.peakW = q * power::kMotherboardW;
                } else if constexpr (std::is_same_v<T, Memory>) {
                    const bool ddr5 = equalsFolded(p.memoryType, "DDR5");
                    const double perModule = ddr5 ? power::kDdr5ModuleW : power::kDdr4ModuleW;
                    line.sustainedW = line.peakW = q * p.modules.value_or(2) * perModule;
                    line.estimated = !p.modules || p.memoryType.empty();
                } else if constexpr (std::is_same_v<T, Storage>) {
                    line.sustainedW = line.peakW = q * storageW(p, &line.estimated);
                } else if constexpr (std::is_same_v<T, Cooler>) {
                    const double w = p.waterCooled.value_or(false) ? power::kLiquidCoolingW : power::kAirCoolingW;
                    line.sustainedW = line.peakW = q * w;
                    line.estimated = !p.waterCooled.has_value();
                } else if constexpr (std::is_same_v<T, Psu>) {
                    if (!summary.psuW) {
                        summary.psuW = p.wattageW;
                        summary.psuAtx3 = p.atx3;
                    }
                    add = false;
                } else {
                    add = false;  // the case draws nothing itself; its fans are in the cooling line
                }
            },
            *r.part);
        if (!add)
            continue;
        summary.sustainedW += line.sustainedW;
        summary.peakW += line.peakW;
        summary.lines.push_back(std::move(line));
    }
    // Without a PSU, size for an ATX 3.x unit (what is sold new today); with one, for what it is.
    const bool atx3 = resolved.first(Category::Psu) ? summary.psuAtx3.value_or(false) : true;
    summary.recommendedPsuW = recommendedPsuW(summary.sustainedW, summary.peakW, atx3);
    return summary;
}

double retainedPerformance(const Gpu& gpu, double limitW)
{
    if (!gpu.tdpW || *gpu.tdpW <= 0 || !std::isfinite(limitW))
        return 1.0;
    const double r = std::clamp(limitW / *gpu.tdpW, 0.0, 1.0);
    return std::clamp(1.0 - std::pow(1.0 - r, 1.85), 0.0, 1.0);
}

std::vector<std::pair<double, double>> retainedPerformanceCurve(const Gpu& gpu, int points)
{
    std::vector<std::pair<double, double>> curve;
    if (!gpu.tdpW || *gpu.tdpW <= 0)
        return curve;
    points = std::max(points, 2);
    curve.reserve(static_cast<size_t>(points));
    const double lo = 0.3 * *gpu.tdpW;
    const double hi = *gpu.tdpW;
    for (int i = 0; i < points; ++i) {
        const double w = lo + (hi - lo) * i / (points - 1);
        curve.emplace_back(w, retainedPerformance(gpu, w));
    }
    return curve;
}

double yearlyEnergyCost(double sustainedW, double hoursPerDay, double pricePerKwh)
{
    return sustainedW / 1000.0 * hoursPerDay * 365.0 * pricePerKwh;
}

}  // namespace mlrig
