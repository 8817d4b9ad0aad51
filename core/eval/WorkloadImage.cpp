// The image-generation estimate: memory per card and images per minute for the image models of
// ImageModelPresets (SD 1.5, SDXL, SD 3.5, FLUX.1), from the work per sampling step and each card's
// achieved speed (WorkloadThroughput.cpp).

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "core/eval/ImageModelPresets.h"
#include "core/util/TextUtil.h"
#include "core/eval/WorkloadInternal.h"

namespace mlrig::workloadmodel {
namespace {

// CUDA context and framework workspace per card (as in the training estimate's allocator reserve).
constexpr double kImageContextGb = 0.75;

std::string imageModelList()
{
    std::string list;
    for (const ImageModelSpec& m : imageModelPresets())
        list += (list.empty() ? "" : ", ") + m.id;
    return list;
}

}  // namespace

WorkloadEstimate estimateImage(const Workload& workload, std::span<const GpuForWorkload> gpus)
{
    validateContextAndBatch(workload, false);
    const ImageModelSpec* found = findImageModelPreset(workload.model);
    WorkloadEstimate est;
    est.kind = std::string(workloadKindId(workload.kind));
    est.figureOfMerit = "images/min";
    est.confidence = Confidence::Medium;
    est.vramAvailableGb = totalVram(gpus);
    if (!found) {
        found = findImageModelPreset("sdxl");
        est.assumptions.push_back(fmt::format("'{}' is not an image model mlrig knows ({}); SDXL is estimated instead",
                                              workload.model, imageModelList()));
        lower(est.confidence, Confidence::Low);
    }
    const ImageModelSpec& m = *found;
    est.modelName = fmt::format("{} ({}x{}, {} steps)", m.displayName, m.width, m.height, m.steps);

    // Memory: the denoiser and VAE stay on the card; small CLIP text encoders stay too, a T5-XXL encoder
    // runs first and is moved off before denoising, so the peak is the larger of the two stages.
    const double denoiserGb = m.denoiserParamsB * 1e9 * m.bytesPerParam / kBytesPerGb;
    const double vaeGb = m.vaeParamsB * 1e9 * 2.0 / kBytesPerGb;
    const double textGb = m.textEncoderParamsB * 1e9 * (m.textEncoderSwapped ? m.bytesPerParam : 2.0) / kBytesPerGb;
    const double workingGb = m.workingGbPerImage * workload.batch;
    const double denoiseStage = denoiserGb + vaeGb + (m.textEncoderSwapped ? 0.0 : textGb) + workingGb;
    const double textStage = textGb;
    const bool textPeak = m.textEncoderSwapped && textStage > denoiseStage;
    est.memory.weightsGb = textPeak ? textGb : denoiserGb + vaeGb + (m.textEncoderSwapped ? 0.0 : textGb);
    est.memory.activationsGb = textPeak ? 0.0 : workingGb;
    est.memory.overheadGb = kImageContextGb;
    est.vramNeededGb = est.memory.totalGb();
    est.perGpuNeededGb.assign(gpus.size(), est.vramNeededGb);

    const char* precision = m.bytesPerParam < 2 ? "8-bit" : "fp16";
    est.assumptions.push_back(fmt::format(
        "{} in {}: denoiser {:g}B parameters = {}, VAE {:g}B, text encoders {:g}B = {}{}; {} working memory per image "
        "in the batch (activations and the VAE decode peak); {} CUDA context",
        m.displayName, precision, m.denoiserParamsB, gb(denoiserGb), m.vaeParamsB, m.textEncoderParamsB, gb(textGb),
        m.textEncoderSwapped ? " (run first, then moved off the card before denoising; ComfyUI and diffusers "
                               "model offload do this)"
                             : " (kept on the card)",
        gb(m.workingGbPerImage), gb(kImageContextGb)));
    est.assumptions.push_back("Parameter counts: " + m.source);
    est.assumptions.push_back(kUnitNote);

    // Each card that holds the whole pipeline renders its own images.
    std::vector<size_t> usable;
    for (size_t i = 0; i < gpus.size(); ++i) {
        if (gpus[i].vramGb >= est.vramNeededGb)
            usable.push_back(i);
    }
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

    // Speed: steps x work per step (x batch) over the card's achieved time per TFLOP, plus text encoding
    // and VAE decode counted as step-equivalents.
    double imagesPerMinute = 0;
    bool known = true;
    bool fallback = false;
    Confidence worst = Confidence::High;
    std::vector<std::string> described;
    for (size_t i : usable) {
        const auto speed = achievedSpeed(gpus[i], SpeedKind::Image);
        if (!speed) {
            known = false;
            continue;
        }
        lower(worst, speed->confidence);
        fallback = fallback || speed->usedFallback;
        const double secondsPerImage = (m.steps + m.extraStepEquivalents) * m.tflopPerStep * speed->secondsPerTflop;
        imagesPerMinute += 60.0 / secondsPerImage;
        std::string text = describeSpeed(*speed, gpus[i]);
        if (std::find(described.begin(), described.end(), text) == described.end())
            described.push_back(std::move(text));
    }
    est.assumptions.push_back(fmt::format(
        "Speed: {} steps x {:.1f} TFLOP per step and image{} + ~{:g} step-equivalents for text encoding and VAE "
        "decode, on a roofline of 70% of the dense FP16 tensor peak and memory bandwidth; {}",
        m.steps, m.tflopPerStep, m.passesPerStep == 2 ? " (two passes: classifier-free guidance)" : " (one pass)",
        m.extraStepEquivalents,
        m.calibrated ? "the work per step is fitted on measured runs of this model"
                     : "the work per step is 2 x parameters x latent tokens (no measured run of this model: low "
                       "confidence)"));
    if (m.bytesPerParam < 2)
        est.assumptions.push_back("8-bit weights are widened to 16 bit for the matrix multiplies: speed as fp16");
    for (std::string& text : described)
        est.assumptions.push_back(std::move(text));
    if (known && imagesPerMinute > 0) {
        est.imagesPerMinute = imagesPerMinute;
        est.figureValue = imagesPerMinute;
        if (worst == Confidence::High && m.calibrated && est.confidence == Confidence::Medium)
            est.confidence = Confidence::High;
        lower(est.confidence, worst);
        if (!m.calibrated)
            lower(est.confidence, Confidence::Low);
    } else {
        est.reason = "no speed figure: a GPU's tensor throughput or memory bandwidth is unknown";
        lower(est.confidence, Confidence::Low);
    }
    if (fallback) {
        est.assumptions.push_back(fmt::format(
            "A GPU without a known FP16 tensor figure is counted from its FP32 rate at {:.0f}% (twice that for AMD's "
            "packed FP16)",
            100 * kFp32FallbackFactor));
    }
    addPowerNote(gpus, est, false);
    return est;
}

}  // namespace mlrig::workloadmodel
