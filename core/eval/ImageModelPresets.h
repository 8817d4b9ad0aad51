#pragma once

// The image-generation models mlrig estimates (Stable Diffusion 1.5, SDXL, SD 3.5, FLUX.1), with the
// published parameter counts their memory comes from and the work per sampling step their speed
// comes from. The figures and their sources are in ImageModelPresets.cpp.

#include <span>
#include <string>
#include <string_view>

namespace mlrig {

struct ImageModelSpec {
    std::string id;           // "sdxl", "flux.1-dev-8bit"
    std::string displayName;  // "SDXL 1.0"
    int width = 1024;         // native resolution the estimate uses
    int height = 1024;
    int steps = 30;           // sampling steps of the usual recipe
    // Denoiser passes per step: 2 with classifier-free guidance, 1 for guidance-distilled models.
    int passesPerStep = 2;
    double denoiserParamsB = 0;     // UNet or diffusion transformer, billions
    double textEncoderParamsB = 0;  // all text encoders together
    double vaeParamsB = 0;
    double bytesPerParam = 2.0;     // 2 = fp16/bf16, 1 = 8-bit (fp8 or int8) denoiser and T5
    // Large (T5-XXL) text encoders run once per prompt and are moved off the GPU before denoising
    // (ComfyUI's default model management; diffusers enable_model_cpu_offload); small CLIP encoders
    // stay resident.
    bool textEncoderSwapped = false;
    double workingGbPerImage = 2.5;  // activations and the VAE decode peak per image in the batch
    // Effective work per sampling step and image in TFLOP (at the GPU model's 70% tensor efficiency):
    // fitted on measured runs for SD 1.5 and SDXL (calibrated = true), from 2 x parameters x latent
    // tokens x passes for the diffusion transformers (calibrated = false).
    double tflopPerStep = 0;
    bool calibrated = false;
    double extraStepEquivalents = 3.0;  // text encoding and VAE decode, in sampling steps
    std::string source;
};

std::span<const ImageModelSpec> imageModelPresets();
// By id, or by an older name a .mlrig file may carry ("" or any name containing "sdxl" / "stable
// diffusion xl" is SDXL); case-insensitive. nullptr when the name is not an image model.
const ImageModelSpec* findImageModelPreset(std::string_view name);

}  // namespace mlrig
