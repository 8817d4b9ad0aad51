#include "core/eval/UnifiedMemory.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "core/eval/WorkloadInternal.h"

namespace mlrig {
namespace {

// ---------------------------------------------------------------------------------------------
// How much of the pool the GPU may use.
//
// macOS caps the memory the GPU may wire at Metal's recommendedMaxWorkingSetSize: about two thirds of
// RAM on small Macs (10.67 GB of 16 GB on an M4 Mac mini, exo-explore/exo PR #1672), three quarters
// on mid-size ones (a 64 GB M1/M2 Max fails to load models above ~47-48 GB, ggml-org/llama.cpp issue
// #1870; GPUStack reads 75%, gpustack/gpustack issue #1375) and 107.52 GiB of 128 GiB on M3 Max and
// M5 Max machines under macOS 26 (antirez/ds4 PR #893, measured on two machines). `sudo sysctl
// iogpu.wired_limit_mb=N` raises it until the next restart; Metal then reports exactly N (ds4 #890:
// 112.00 GiB with 114688; AlexsJones/llmfit PR #754 on an M3).
constexpr double kMacSmallFraction = 2.0 / 3.0;  // up to kMacSmallLimitGb
constexpr double kMacSmallLimitGb = 36.0;
constexpr double kMacMidFraction = 0.75;
constexpr double kMacLargeFraction = 107.52 / 128.0;  // 128 GB and more
constexpr double kMacLargeFromGb = 128.0;
// What mlrig leaves to macOS, its desktop and the inference server when it assumes a raised limit:
// an assumption (no source measures the minimum), matching the 8 GB macOS machines start at.
constexpr double kMacOsReserveGb = 8.0;

// Ryzen AI Max on Linux: the GPU allocates system memory through the GTT, whose size the kernel's
// TTM limits to half of RAM unless told otherwise (ttm pages_limit default); the BIOS carve-out
// ("UMA frame buffer", up to 96 GB of 128 GB on AMD's Variable Graphics Memory setting) is the other
// route. Strix Halo guides raise the GTT with kernel parameters (amdgpu.gttsize, ttm.pages_limit)
// to nearly all of RAM, e.g. 124 GiB of 128 in the kyuz0/amd-strix-halo-toolboxes setup.
constexpr double kGttDefaultFraction = 0.5;
// GB10: CUDA sees the whole LPDDR5X pool except what the firmware keeps: 130,596,048,896 bytes =
// 121.6 GiB of 128 GB on DGX Spark (torch.cuda device report; MemTotal 123.73 GiB in /proc/meminfo).
constexpr double kGb10CudaVisibleFraction = 130596048896.0 / (128.0 * 1073741824.0);
// What Linux, its desktop and llama.cpp's process keep (as kOsReserveGb for a GPU build's host).
constexpr double kLinuxReserveGb = 4.0;

// ---------------------------------------------------------------------------------------------
// What each stack reaches, relative to the CUDA-fitted decode bandwidth efficiency
// (kDecodeBandwidthEfficiency, 66% of peak) and prefill tensor utilisation (50%). Least-MAPE fits on
// tests/data/unified-memory-measured.csv (UnifiedMemoryValidationTest prints every row):
// - Apple silicon: 44 tg128 runs of Pro/Max and base chips (discussion #4167, Llama 2 7B q4_0/q8_0) give
//   1.15 (76% of peak bandwidth), 12 pp512 runs of the M1 chips with an FP16 figure give 1.39.
// - Ultra chips are two Max dies joined by UltraFusion; llama.cpp's Metal decode reaches far less of
//   their doubled bandwidth: 24 runs of M1, M2 and M3 Ultra (#4167 and the M2 Ultra bench file of the
//   llama.cpp repository, b7948) fit 0.61 of the family factor (46% of peak).
// - Ryzen AI Max+ 395 (Vulkan RADV, kyuz0/amd-strix-halo-toolboxes): 7 tg128 runs give 1.28 (84% of
//   peak), 7 pp512 runs 0.30 of the FP16 WMMA peak: prompt processing is the platform's weak side.
// - GB10 (DGX Spark bench file b7941 of the llama.cpp repository): 12 tg32 runs give 1.23 (81%). NVIDIA
//   publishes no dense FP16 figure for GB10, so it gets no prefill estimate.
struct PlatformFit {
    double bandwidth;
    double compute;
    double moeLayer;
    const char* stack;
    const char* fittedOn;
};
constexpr PlatformFit kApple{1.15, 1.39, 1.0, "Apple silicon (Metal)",
                             "llama.cpp's Apple silicon table (discussion #4167, M1 to M4)"};
constexpr double kAppleUltraBandwidth = 0.61;
constexpr PlatformFit kStrixHalo{1.28, 0.30, 1.0, "Ryzen AI Max (Vulkan)",
                                 "kyuz0/amd-strix-halo-toolboxes llama-bench results (Framework Desktop, 128 GB)"};
constexpr PlatformFit kGb10{1.23, 1.0, 1.0, "NVIDIA GB10 (CUDA)", "the DGX Spark bench file of the llama.cpp repository"};

const PlatformFit& fitOf(UnifiedFamily family)
{
    switch (family) {
    case UnifiedFamily::AppleSilicon: return kApple;
    case UnifiedFamily::StrixHalo: return kStrixHalo;
    case UnifiedFamily::Gb10: return kGb10;
    }
    return kApple;
}

void requireSize(double memoryGb)
{
    if (!std::isfinite(memoryGb) || memoryGb <= 0)
        throw std::invalid_argument(fmt::format("memory {} GB is not a valid size", memoryGb));
}

std::string gbText(double value)
{
    return fmt::format("{:.1f} GB", value);
}

}  // namespace

UsableMemory usableGpuMemory(UnifiedFamily family, double memoryGb)
{
    requireSize(memoryGb);
    UsableMemory m;
    m.totalGb = memoryGb;
    switch (family) {
    case UnifiedFamily::AppleSilicon: {
        const double fraction = memoryGb <= kMacSmallLimitGb ? kMacSmallFraction
                                : memoryGb < kMacLargeFromGb ? kMacMidFraction
                                                              : kMacLargeFraction;
        m.defaultGb = memoryGb * fraction;
        m.tunedGb = std::max(m.defaultGb, memoryGb - kMacOsReserveGb);
        m.defaultRule = fmt::format("macOS lets the GPU wire {:.0f}% of {} by default (Metal's "
                                    "recommendedMaxWorkingSetSize)",
                                    100 * fraction, gbText(memoryGb));
        m.howToRaise = fmt::format("sudo sysctl iogpu.wired_limit_mb={:.0f} (until the next restart) leaves {} to macOS",
                                   m.tunedGb * 1024, gbText(memoryGb - m.tunedGb));
        break;
    }
    case UnifiedFamily::StrixHalo:
        m.defaultGb = memoryGb * kGttDefaultFraction;
        m.tunedGb = std::max(m.defaultGb, memoryGb - kLinuxReserveGb);
        m.defaultRule = fmt::format("Linux lets the integrated GPU map half of RAM ({}) through the GTT by default",
                                    gbText(m.defaultGb));
        m.howToRaise = fmt::format("kernel parameters ttm.pages_limit={:.0f} amdgpu.gttsize={:.0f} with a small BIOS "
                                   "carve-out leave {} to Linux",
                                   std::floor(m.tunedGb * 1024 * 1024 / 4), m.tunedGb * 1024,
                                   gbText(memoryGb - m.tunedGb));
        break;
    case UnifiedFamily::Gb10: {
        const double visible = memoryGb * kGb10CudaVisibleFraction;
        m.defaultGb = std::max(0.0, visible - kLinuxReserveGb);
        m.tunedGb = m.defaultGb;
        m.defaultRule = fmt::format("CUDA sees {} of the {} pool; {} is left to Linux", gbText(visible),
                                    gbText(memoryGb), gbText(kLinuxReserveGb));
        break;
    }
    }
    return m;
}

StackFactors platformFactors(const UnifiedChip& chip)
{
    const PlatformFit& fit = fitOf(chip.family);
    const bool ultra = chip.family == UnifiedFamily::AppleSilicon && chip.chip.find(" Ultra") != std::string::npos;
    const double bandwidth = fit.bandwidth * (ultra ? kAppleUltraBandwidth : 1.0);
    // The basis text is made from the factors themselves, so what an estimate says it assumed is
    // what it used.
    std::string basis = fmt::format("{}: decode reads memory at {:.0f}% of its peak bandwidth{}", fit.stack,
                                    100 * workloadmodel::kDecodeBandwidthEfficiency * bandwidth,
                                    ultra ? " (an Ultra's two dies reach less of their combined bandwidth)" : "");
    if (fit.compute != 1.0)
        basis += fmt::format(", prompt processing at {:.0f}% of the GPU's FP16 peak",
                             100 * workloadmodel::kPrefillTensorUtilisation * fit.compute);
    if (fit.moeLayer != 1.0)
        basis += fmt::format(", {:.1f}x its fixed time per MoE layer", fit.moeLayer);
    basis += fmt::format("; fitted on {}", fit.fittedOn);
    return {bandwidth, fit.compute, fit.moeLayer, std::move(basis)};
}

GpuForWorkload gpuForSystem(const UnifiedSystem& system, const UnifiedChip& chip)
{
    const UsableMemory memory = usableGpuMemory(chip.family, system.memoryGb);
    GpuForWorkload gpu;
    gpu.name = system.system;
    gpu.chipModel = chip.chip;
    gpu.vramGb = memory.tunedGb;
    gpu.memoryBandwidthGbs = chip.memoryBandwidthGbs;
    gpu.fp16TensorTflops = chip.fp16Tflops;
    gpu.vendor = chip.vendor == "amd" ? Vendor::Amd : chip.vendor == "nvidia" ? Vendor::Nvidia : Vendor::Unknown;
    gpu.architecture = chip.generation;
    gpu.gpuClass = GpuClass::Consumer;
    gpu.platform = platformFactors(chip);
    return gpu;
}

SystemEstimate estimateOnSystem(const Workload& workload, const UnifiedSystem& system, const UnifiedChip& chip)
{
    SystemEstimate out;
    out.memory = usableGpuMemory(chip.family, system.memoryGb);
    const GpuForWorkload gpu = gpuForSystem(system, chip);
    out.estimate = estimateWorkload(workload, std::span<const GpuForWorkload>(&gpu, 1));
    WorkloadEstimate& est = out.estimate;
    // The GPU's share and the CPU's memory are one pool: llama.cpp offloading layers "to system RAM"
    // would take them from the same memory, so what does not fit the share does not run well here.
    if (!est.fits && !est.placement.empty()) {
        est.placement = "none";
        est.gpuLayers.reset();
        est.cpuMoeLayers.reset();
        est.ramGbNeeded.reset();
        est.ramResidentGb.reset();
        est.ramBandwidthGbs.reset();
        est.llamaCppFlags.clear();
        est.placementText.clear();
        est.decodeTokensPerS.reset();
        est.prefillTokensPerS.reset();
        est.figureValue.reset();
        est.reason = fmt::format("needs {} of GPU memory; the GPU may use at most {} of this machine's {}",
                                 gbText(est.vramNeededGb), gbText(out.memory.tunedGb), gbText(system.memoryGb));
    }
    est.assumptions.insert(est.assumptions.begin(),
                           fmt::format("{}: {} of unified memory at {:.0f} GB/s; {}", system.system,
                                       gbText(system.memoryGb), chip.memoryBandwidthGbs, out.memory.defaultRule));
    if (out.memory.tunedGb > out.memory.defaultGb) {
        out.needsRaisedLimit = est.fits && est.vramNeededGb > out.memory.defaultGb;
        est.assumptions.insert(
            est.assumptions.begin() + 1,
            fmt::format("Counted with the GPU's share raised to {} ({}){}", gbText(out.memory.tunedGb),
                        out.memory.howToRaise,
                        out.needsRaisedLimit ? fmt::format("; this workload needs it: {} is more than the default {}",
                                                           gbText(est.vramNeededGb), gbText(out.memory.defaultGb))
                                             : std::string()));
    }
    return out;
}

}  // namespace mlrig
