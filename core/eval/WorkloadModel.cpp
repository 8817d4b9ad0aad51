// Workload model: how much GPU memory an ML job needs and how fast it runs on a set of GPUs.
//
// Units: every memory figure is in GB of 2^30 bytes (kBytesPerGb, see WorkloadModel.h), the same
// unit GPU makers use for VRAM, so a marketed "24 GB" card holds 24 of them. Parameter counts
// are plain (1e9 per "B"); bandwidth is 1e9 bytes/s and compute 1e12 FLOP/s as on spec sheets.
//
// Every constant below carries its reasoning; each estimate repeats the ones it used in
// WorkloadEstimate::assumptions so a reader can check the arithmetic.
//
// This file holds what every estimate shares and picks the estimate for the workload's kind; the
// estimates themselves are in WorkloadInference.cpp, WorkloadTraining.cpp and WorkloadImage.cpp
// (WorkloadInternal.h).

#include "core/eval/WorkloadModel.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

#include "core/util/EnumNames.h"
#include "core/util/TextUtil.h"
#include "core/eval/WorkloadInternal.h"

namespace mlrig {

namespace {

constexpr EnumName<Confidence> kConfidences[] = {
    {Confidence::High, "high"}, {Confidence::Medium, "medium"}, {Confidence::Low, "low"}};

}  // namespace

std::string_view confidenceId(Confidence confidence)
{
    return nameOf(kConfidences, confidence, "low");
}

namespace workloadmodel {
namespace {

// ---------------------------------------------------------------------------------------------
// Input limits
constexpr int kMaxContext = 1048576;
constexpr int kMaxBatch = 4096;

// ---------------------------------------------------------------------------------------------
// Power limit. A power limit lowers the core clock; the memory clock stays where it is. Compute
// bound work therefore scales fully with the retained performance, bandwidth-bound decode only
// partly (the cores still have to issue the loads): decode scale = 0.5 + 0.5 x performanceScale.
constexpr double kDecodePowerShare = 0.5;

// ---------------------------------------------------------------------------------------------
// Vendors. Most fast kernels (flash attention, llama.cpp's MMQ, bitsandbytes, xformers) are
// written for CUDA first. ROCm / SYCL builds get lower fractions of their hardware peak.
StackFactors vendorFactors(Vendor vendor)
{
    switch (vendor) {
    // Dense decode on ROCm reaches the same fraction of bandwidth as CUDA: the llama.cpp ROCm
    // scoreboard (discussion #15021, Llama 2 7B q4_0) has the RX 7900 XTX, 9070 and 9070 XT within
    // -5%..+8% of the CUDA-fitted figure (a 0.85 factor had them all 17-19% low). MoE layers cost
    // more on ROCm: an RX 7900 XT decodes gpt-oss-20b at 94-102 tokens/s where its bandwidth and
    // the CUDA-fitted MoE overhead give ~150 (discussion #15396, two runs), i.e. ~165 us more per
    // MoE layer and token; an RX 6900 XT with gpt-oss-120b's experts in RAM points the same way
    // (r/LocalLLaMA, 2025-10). tests/data/llamacpp-decode-measured.csv holds the runs.
    case Vendor::Amd:
        return {1.0, 0.60, 4.3,
                "ROCm: dense decode at CUDA's fraction of bandwidth (llama.cpp ROCm scoreboard), 60% of its compute "
                "utilisation, and 4.3x its fixed time per MoE layer (gpt-oss runs on an RX 7900 XT)"};
    case Vendor::Intel:  // SYCL / IPEX coverage is thinner still; no MoE runs measured
        return {0.75, 0.50, 1.0,
                "Intel (SYCL/oneAPI): 75% of CUDA's bandwidth efficiency and 50% of its compute utilisation, since "
                "the software stack covers less"};
    case Vendor::Nvidia:
    case Vendor::Unknown: break;
    }
    return {};
}

// ---------------------------------------------------------------------------------------------

std::string gpuLabel(std::span<const GpuForWorkload> gpus, size_t index)
{
    if (gpus.size() == 1)
        return gpus[index].name.empty() ? std::string("the GPU") : "the " + gpus[index].name;
    std::string label = fmt::format("GPU {}", index + 1);
    if (!gpus[index].name.empty())
        label += " (" + gpus[index].name + ")";
    return label;
}

StackFactors stackFactors(const GpuForWorkload& gpu)
{
    return gpu.platform ? *gpu.platform : vendorFactors(gpu.vendor);
}

double decodePowerScale(double performanceScale)
{
    return (1.0 - kDecodePowerShare) + kDecodePowerShare * performanceScale;
}

void validateGpus(std::span<const GpuForWorkload> gpus)
{
    for (size_t i = 0; i < gpus.size(); ++i) {
        const GpuForWorkload& g = gpus[i];
        const std::string who = g.name.empty() ? fmt::format("GPU {}", i + 1) : g.name;
        if (!std::isfinite(g.vramGb) || g.vramGb < 0)
            fail(fmt::format("{}: VRAM {} GB is not a valid size", who, g.vramGb));
        if (g.memoryBandwidthGbs && (!std::isfinite(*g.memoryBandwidthGbs) || *g.memoryBandwidthGbs <= 0))
            fail(fmt::format("{}: memory bandwidth {} GB/s must be positive", who, *g.memoryBandwidthGbs));
        if (g.fp16TensorTflops && (!std::isfinite(*g.fp16TensorTflops) || *g.fp16TensorTflops <= 0))
            fail(fmt::format("{}: FP16 tensor TFLOPS {} must be positive", who, *g.fp16TensorTflops));
        if (g.fp32Tflops && (!std::isfinite(*g.fp32Tflops) || *g.fp32Tflops <= 0))
            fail(fmt::format("{}: FP32 TFLOPS {} must be positive", who, *g.fp32Tflops));
        if (!std::isfinite(g.performanceScale) || g.performanceScale <= 0 || g.performanceScale > 2)
            fail(fmt::format("{}: performance scale {} is outside (0, 2]", who, g.performanceScale));
    }
}

std::string presetList()
{
    std::string list;
    for (const ModelSpec& m : modelPresets())
        list += (list.empty() ? "" : ", ") + m.id;
    return list;
}

bool hasCustomModel(const Workload& workload)
{
    return !workload.customModel.is_null();
}

WorkloadEstimate estimateGeneral(const Workload& workload, std::span<const GpuForWorkload> gpus)
{
    WorkloadEstimate est;
    est.kind = std::string(workloadKindId(workload.kind));
    est.figureOfMerit = "FP16 TFLOPS";
    est.confidence = Confidence::High;
    est.fits = true;
    est.vramAvailableGb = totalVram(gpus);
    double sum = 0;
    bool usedFp32 = false;
    bool known = true;
    for (const GpuForWorkload& g : gpus) {
        if (const auto t = effectiveTflops(g, 1.0, usedFp32))
            sum += *t;
        else
            known = false;
    }
    est.assumptions.push_back("No model given: the figure is the summed dense FP16 tensor throughput of the GPUs");
    if (workload.kind == WorkloadKind::Training)
        est.assumptions.push_back("Pick a model preset or describe a custom model for a memory and speed estimate");
    if (usedFp32) {
        est.assumptions.push_back("A GPU without a known FP16 tensor figure is counted from its FP32 TFLOPS at 70%");
        lower(est.confidence, Confidence::Low);
    }
    addVendorNotes(gpus, est);
    if (known && sum > 0)
        est.figureValue = sum;
    else {
        est.reason = "no throughput figure: a GPU's compute throughput is unknown";
        lower(est.confidence, Confidence::Low);
    }
    addPowerNote(gpus, est, false);
    return est;
}

WorkloadEstimate dispatch(const Workload& workload, std::span<const GpuForWorkload> gpus,
                          const HostForWorkload& host)
{
    switch (workload.kind) {
    case WorkloadKind::LlmInference: return estimateInference(workload, gpus, host);
    case WorkloadKind::LlmFineTune: return estimateTraining(workload, gpus);
    case WorkloadKind::Training:
        if (trim(workload.model).empty() && !hasCustomModel(workload))
            return estimateGeneral(workload, gpus);
        return estimateTraining(workload, gpus);
    case WorkloadKind::ImageGeneration: return estimateImage(workload, gpus);
    case WorkloadKind::General: break;
    }
    return estimateGeneral(workload, gpus);
}

}  // namespace

[[noreturn]] void fail(const std::string& message)
{
    throw std::invalid_argument(message);
}

std::string gb(double value)
{
    return fmt::format("{:.1f} GB", value);
}

std::string plainNumber(double value)
{
    return fmt::format("{:g}", value);
}

void lower(Confidence& confidence, Confidence to)
{
    if (static_cast<int>(to) > static_cast<int>(confidence))
        confidence = to;
}

double totalVram(std::span<const GpuForWorkload> gpus)
{
    return std::accumulate(gpus.begin(), gpus.end(), 0.0,
                           [](double sum, const GpuForWorkload& g) { return sum + g.vramGb; });
}

// Usable compute of one GPU in TFLOP/s for a workload with the given tensor utilisation,
// applying the power limit and the vendor factor. Sets usedFp32 when the FP32 figure stood in.
std::optional<double> effectiveTflops(const GpuForWorkload& gpu, double tensorUtilisation, bool& usedFp32)
{
    const double vendor = stackFactors(gpu).compute;
    if (gpu.fp16TensorTflops && *gpu.fp16TensorTflops > 0)
        return *gpu.fp16TensorTflops * tensorUtilisation * gpu.performanceScale * vendor;
    if (gpu.fp32Tflops && *gpu.fp32Tflops > 0) {
        usedFp32 = true;
        return *gpu.fp32Tflops * tensorUtilisation * kFp32FallbackFactor * gpu.performanceScale * vendor;
    }
    return std::nullopt;
}

// Usable decode bandwidth of one GPU in GB/s (1e9 bytes/s).
double moeLayerOverheadFactor(std::span<const GpuForWorkload> gpus)
{
    double factor = 1.0;
    for (const GpuForWorkload& g : gpus)
        factor = std::max(factor, stackFactors(g).moeLayer);  // the slowest card sets the pace
    return factor;
}

std::optional<double> effectiveBandwidth(const GpuForWorkload& gpu)
{
    if (!gpu.memoryBandwidthGbs || *gpu.memoryBandwidthGbs <= 0)
        return std::nullopt;
    return *gpu.memoryBandwidthGbs * kDecodeBandwidthEfficiency * stackFactors(gpu).bandwidth *
           decodePowerScale(gpu.performanceScale);
}

void validateContextAndBatch(const Workload& workload, bool checkContext)
{
    if (checkContext && (workload.context < 1 || workload.context > kMaxContext))
        fail(fmt::format("context {} is out of range (1 to {} tokens)", workload.context, kMaxContext));
    if (workload.batch < 1 || workload.batch > kMaxBatch)
        fail(fmt::format("batch {} is out of range (1 to {})", workload.batch, kMaxBatch));
}

// The model of an LLM workload: a custom architecture when the workload carries one, else a
// preset. Throws for an unknown name.
ModelSpec resolveModel(const Workload& workload, bool& custom)
{
    custom = false;
    if (hasCustomModel(workload)) {
        ModelSpec m = modelFromJson(workload.customModel);
        const std::string_view given = trim(workload.model);
        if (!workload.customModel.contains("name") && !given.empty()) {
            m.displayName = std::string(given);
            m.id = m.displayName;
        }
        custom = true;
        return m;
    }
    if (trim(workload.model).empty())
        fail(fmt::format("no model given for the {} workload (presets: {})", workloadKindId(workload.kind),
                         presetList()));
    if (const ModelSpec* preset = findModelPreset(workload.model))
        return *preset;
    fail(fmt::format("unknown model '{}': not a preset ({}) and no custom model given", workload.model,
                     presetList()));
}

void addVendorNotes(std::span<const GpuForWorkload> gpus, WorkloadEstimate& est)
{
    // The note is the factors' own basis text, so what the estimate says it assumed is what it used.
    std::vector<std::string> notes;
    bool unknown = false;
    for (const GpuForWorkload& g : gpus) {
        unknown = unknown || (g.vendor == Vendor::Unknown && !g.platform);
        const StackFactors factors = stackFactors(g);
        if (!factors.basis.empty() && std::find(notes.begin(), notes.end(), factors.basis) == notes.end())
            notes.push_back(factors.basis);
    }
    for (const std::string& note : notes)
        est.assumptions.push_back(note);
    const bool vendorFactorsUsed = std::any_of(gpus.begin(), gpus.end(), [](const GpuForWorkload& g) {
        return !g.platform && (g.vendor == Vendor::Amd || g.vendor == Vendor::Intel);
    });
    if (vendorFactorsUsed || unknown)
        lower(est.confidence, Confidence::Low);
}

void addPowerNote(std::span<const GpuForWorkload> gpus, WorkloadEstimate& est, bool mentionDecode)
{
    for (const GpuForWorkload& g : gpus) {
        if (g.performanceScale != 1.0) {
            if (mentionDecode)
                est.assumptions.push_back(fmt::format(
                    "Power limit: compute-bound work runs at {:.0f}% of full speed; decode at {:.0f}% "
                    "(0.5 + 0.5 x {:.2f}), because a power limit slows the cores but not the memory clock",
                    100 * g.performanceScale, 100 * decodePowerScale(g.performanceScale), g.performanceScale));
            else
                est.assumptions.push_back(fmt::format(
                    "Power limit: compute runs at {:.0f}% of full speed", 100 * g.performanceScale));
            return;
        }
    }
}

void checkPerCardFit(std::span<const GpuForWorkload> gpus, WorkloadEstimate& est)
{
    est.fits = true;
    size_t worst = 0;
    double worstOver = -1e300;
    for (size_t i = 0; i < gpus.size(); ++i) {
        const double over = est.perGpuNeededGb[i] - gpus[i].vramGb;
        if (over > 0)
            est.fits = false;
        if (over > worstOver) {
            worstOver = over;
            worst = i;
        }
    }
    if (est.fits)
        return;
    if (gpus.size() == 1) {
        est.reason = fmt::format("needs {} but {} holds {} GB ({} short)", gb(est.vramNeededGb), gpuLabel(gpus, 0),
                                 plainNumber(gpus[0].vramGb), gb(est.vramNeededGb - gpus[0].vramGb));
        return;
    }
    std::string together = fmt::format("the {} GPUs hold {} GB together", gpus.size(), plainNumber(totalVram(gpus)));
    if (est.vramNeededGb > totalVram(gpus))
        together += fmt::format(" ({} short)", gb(est.vramNeededGb - totalVram(gpus)));
    est.reason = fmt::format("needs {}; {}, and {} would need {} of its {} GB", gb(est.vramNeededGb), together,
                             gpuLabel(gpus, worst), gb(est.perGpuNeededGb[worst]), plainNumber(gpus[worst].vramGb));
}

}  // namespace workloadmodel

ModelSpec resolveWorkloadModel(const Workload& workload, bool* custom)
{
    bool isCustom = false;
    ModelSpec m = workloadmodel::resolveModel(workload, isCustom);
    if (custom)
        *custom = isCustom;
    return m;
}

WorkloadEstimate estimateWorkload(const Workload& workload, std::span<const GpuForWorkload> gpus,
                                  const HostForWorkload& host)
{
    workloadmodel::validateGpus(gpus);
    if (!gpus.empty())
        return workloadmodel::dispatch(workload, gpus, host);

    // No GPU: still validate the workload and report what it would need on one card.
    const GpuForWorkload phantom;
    WorkloadEstimate est = workloadmodel::dispatch(workload, std::span<const GpuForWorkload>(&phantom, 1), HostForWorkload{});
    est.fits = false;
    est.reason = "no GPU in the build";
    est.vramAvailableGb = 0;
    est.perGpuNeededGb.clear();
    if (!est.placement.empty()) {
        est.placement = "none";
        est.gpuLayers.reset();
        est.cpuMoeLayers.reset();
        est.ramBandwidthGbs.reset();
        est.llamaCppFlags.clear();
        est.placementText.clear();
    }
    est.decodeTokensPerS.reset();
    est.prefillTokensPerS.reset();
    est.trainTokensPerS.reset();
    est.imagesPerMinute.reset();
    est.figureValue.reset();
    est.confidence = Confidence::Low;
    return est;
}

}  // namespace mlrig
