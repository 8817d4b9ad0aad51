// The image-generation estimate: SDXL 1.0 memory per card and images per minute, scaled from a
// measured card by FP16 tensor throughput.

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "core/util/TextUtil.h"
#include "core/eval/WorkloadInternal.h"

namespace mlrig::workloadmodel {
namespace {

// ---------------------------------------------------------------------------------------------
// Image generation: SDXL 1.0 at 1024x1024, fp16, 30 sampling steps with classifier-free guidance.
// Parameter counts from the SDXL report (Podell et al. 2023) and the diffusers checkpoints:
// UNet 2.567B, text encoders CLIP ViT-L 123M + OpenCLIP ViT-bigG 695M, VAE 84M.
constexpr double kSdxlUnetParams = 2.567e9;
constexpr double kSdxlTextEncoderParams = 0.818e9;
constexpr double kSdxlVaeParams = 0.084e9;
constexpr double kSdxlBytesPerParam = 2.0;
// Working memory per image in the batch at 1024x1024 (UNet activations with SDPA attention and
// the VAE decode peak), from typical diffusers / ComfyUI peak usage of 9-10 GB per image.
constexpr double kSdxlActivationGbPerImage = 2.5;
constexpr double kSdxlContextGb = 0.75;
constexpr int kSdxlSteps = 30;
constexpr double kSdxlExtraStepEquivalents = 3.0;  // text encoding + VAE decode, in UNet steps
// Calibration point: an RTX 4090 (165.2 dense FP16 tensor TFLOPS) samples SDXL 1024x1024 at
// ~7.5 steps/s with guidance; other cards scale with their FP16 tensor TFLOPS.
constexpr double kSdxlCalibrationTflops = 165.2;
constexpr double kSdxlCalibrationStepsPerS = 7.5;

bool isImageModelName(std::string_view name)
{
    const std::string folded = foldName(name);
    return folded.empty() || folded.find("sdxl") != std::string::npos ||
           folded.find("stablediffusionxl") != std::string::npos;
}

}  // namespace

WorkloadEstimate estimateImage(const Workload& workload, std::span<const GpuForWorkload> gpus)
{
    validateContextAndBatch(workload, false);
    WorkloadEstimate est;
    est.kind = std::string(workloadKindId(workload.kind));
    est.modelName = "SDXL 1.0 (1024x1024, 30 steps)";
    est.figureOfMerit = "images/min";
    est.confidence = Confidence::Medium;
    est.vramAvailableGb = totalVram(gpus);

    est.memory.weightsGb =
        (kSdxlUnetParams + kSdxlTextEncoderParams + kSdxlVaeParams) * kSdxlBytesPerParam / kBytesPerGb;
    est.memory.activationsGb = kSdxlActivationGbPerImage * workload.batch;
    est.memory.overheadGb = kSdxlContextGb;
    est.vramNeededGb = est.memory.totalGb();
    est.perGpuNeededGb.assign(gpus.size(), est.vramNeededGb);

    est.assumptions.push_back(fmt::format(
        "SDXL in fp16: UNet 2.57B + text encoders 0.82B + VAE 0.08B parameters x 2 bytes = {}; {} working memory per "
        "image in the batch; {} CUDA context",
        gb(est.memory.weightsGb), gb(kSdxlActivationGbPerImage), gb(kSdxlContextGb)));
    est.assumptions.push_back(kUnitNote);
    if (!isImageModelName(workload.model))
        est.assumptions.push_back(fmt::format("'{}' is not an image model mlrig knows; SDXL is estimated instead",
                                              workload.model));

    // Each card that holds the whole pipeline renders its own images.
    std::vector<size_t> usable;
    for (size_t i = 0; i < gpus.size(); ++i) {
        if (gpus[i].vramGb >= est.vramNeededGb)
            usable.push_back(i);
    }
    addVendorNotes(gpus, est);
    if (usable.empty()) {
        checkPerCardFit(gpus, est);
        if (gpus.size() > 1)
            est.reason = fmt::format("needs {} on one card, and no GPU holds that much (largest: {} GB)",
                                     gb(est.vramNeededGb),
                                     plainNumber(std::max_element(gpus.begin(), gpus.end(),
                                                                  [](const auto& a, const auto& b) {
                                                                      return a.vramGb < b.vramGb;
                                                                  })->vramGb));
        est.reason += "; model CPU offload (diffusers enable_model_cpu_offload) runs on smaller cards, much slower";
        return est;
    }
    est.fits = true;
    if (usable.size() < gpus.size())
        est.assumptions.push_back(fmt::format("Only {} of the {} GPUs hold the pipeline; the others stay idle",
                                              usable.size(), gpus.size()));
    else if (gpus.size() > 1)
        est.assumptions.push_back("Each GPU renders its own images in parallel");

    double imagesPerMinute = 0;
    bool usedFp32 = false;
    bool known = true;
    for (size_t i : usable) {
        // effectiveTflops with utilisation 1 gives the peak after power limit and vendor factor.
        const auto peak = effectiveTflops(gpus[i], 1.0, usedFp32);
        if (!peak) {
            known = false;
            continue;
        }
        const double stepsPerS = kSdxlCalibrationStepsPerS * *peak / kSdxlCalibrationTflops;
        imagesPerMinute += 60.0 * stepsPerS / (kSdxlSteps + kSdxlExtraStepEquivalents);
    }
    if (known && imagesPerMinute > 0) {
        est.imagesPerMinute = imagesPerMinute;
        est.figureValue = imagesPerMinute;
    } else {
        est.reason = "no speed figure: a GPU's compute throughput is unknown";
        lower(est.confidence, Confidence::Low);
    }
    est.assumptions.push_back(fmt::format(
        "Speed: compute bound, calibrated on an RTX 4090 ({:g} FP16 tensor TFLOPS) at ~{:g} steps/s; {} steps plus "
        "~{:g} step-equivalents for text encoding and VAE decode per image",
        kSdxlCalibrationTflops, kSdxlCalibrationStepsPerS, kSdxlSteps, kSdxlExtraStepEquivalents));
    if (usedFp32) {
        est.assumptions.push_back("A GPU without a known FP16 tensor figure is counted from its FP32 TFLOPS at 70%");
        lower(est.confidence, Confidence::Low);
    }
    addPowerNote(gpus, est, false);
    return est;
}

}  // namespace mlrig::workloadmodel
