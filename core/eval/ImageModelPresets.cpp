// The image-generation model library. Parameter counts are the published ones (model cards and
// papers, cited per row); the work per step is fitted on measured runs for the UNet models and
// derived from the parameter count for the diffusion transformers (see ImageModelPresets.h).

#include "core/eval/ImageModelPresets.h"

#include "core/util/TextUtil.h"

namespace mlrig {
namespace {

// Text encoders, from their published checkpoints: CLIP ViT-L/14 text model 123M, OpenCLIP ViT-bigG/14
// text model 695M (SDXL report, Podell et al. 2023), T5-XXL encoder 4.762B (google/t5-v1_1-xxl encoder
// as shipped in the SD 3 / FLUX.1 text_encoder_3 / text_encoder_2 folders).
constexpr double kClipL = 0.123;
constexpr double kClipBigG = 0.695;
constexpr double kT5Xxl = 4.762;
// VAEs: 84M (SD 1.x / SDXL autoencoder KL-f8; the 16-channel SD 3 / FLUX autoencoder is the same size).
constexpr double kVae = 0.084;

// FLUX.1 [dev] and [schnell]: "a 12 billion parameter rectified flow transformer" (both model cards,
// huggingface.co/black-forest-labs/FLUX.1-dev and FLUX.1-schnell). SD 3.5 Large 8.1B and Medium 2.5B are
// the model cards' and Stability AI's announcement's figures (Introducing Stable Diffusion 3.5, 2024-10-22).
constexpr double kFlux1 = 12.0;

// Diffusion-transformer work per step and image: 2 FLOPs per parameter and token (the linear layers)
// plus 4 x tokens^2 x hidden per block for attention, times the passes per step. Latent 1024x1024
// images are 128x128 latents in 2x2 patches = 4096 image tokens, plus the text tokens.
constexpr double ditTflop(double paramsB, double tokens, double hidden, double blocks, int passes)
{
    return passes * (2.0 * paramsB * 1e9 * tokens + 4.0 * tokens * tokens * hidden * blocks) / 1e12;
}

// SD 1.5 and SDXL: effective TFLOP per step and image, fitted by WorkloadTraining/Image's model on
// tests/data/image-generation-measured.csv (SD 1.5: the median AUTOMATIC1111 benchmark submissions of
// 15 NVIDIA and 4 AMD GPUs; SDXL: diffusers/ComfyUI runs on RTX 3090, RTX 4090 and RX 6900 XT).
constexpr double kSd15TflopPerStep = 1.61;
constexpr double kSdxlTflopPerStep = 8.8;

const ImageModelSpec kPresets[] = {
    {"sd-1.5", "Stable Diffusion 1.5", 512, 512, 20, 2, 0.860, kClipL, kVae, 2.0, false, 0.625, kSd15TflopPerStep,
     true, 1.0,
     "stable-diffusion-v1-5/stable-diffusion-v1-5 model card: 860M UNet, 123M CLIP ViT-L/14 text encoder; 20 steps "
     "(AUTOMATIC1111 default)"},
    {"sdxl", "SDXL 1.0", 1024, 1024, 30, 2, 2.567, kClipL + kClipBigG, kVae, 2.0, false, 2.5, kSdxlTflopPerStep, true,
     3.0, "Podell et al. 2023, SDXL report: UNet 2.567B, CLIP ViT-L + OpenCLIP ViT-bigG text encoders"},
    {"sd-3.5-medium", "Stable Diffusion 3.5 Medium", 1024, 1024, 40, 2, 2.5, kClipL + kClipBigG + kT5Xxl, kVae, 2.0,
     true, 2.5, ditTflop(2.5, 4096 + 333, 1536, 24, 2), false, 3.0,
     "stabilityai/stable-diffusion-3.5-medium model card: 2.5B-parameter MMDiT-X, 40 steps; 24 blocks x 1536"},
    {"sd-3.5-large", "Stable Diffusion 3.5 Large", 1024, 1024, 28, 2, 8.1, kClipL + kClipBigG + kT5Xxl, kVae, 2.0, true,
     2.5, ditTflop(8.1, 4096 + 333, 2432, 38, 2), false, 3.0,
     "stabilityai/stable-diffusion-3.5-large model card: 8.1B-parameter MMDiT, 28 steps; 38 blocks x 2432"},
    {"sd-3.5-large-8bit", "Stable Diffusion 3.5 Large (8-bit)", 1024, 1024, 28, 2, 8.1, kClipL + kClipBigG + kT5Xxl,
     kVae, 1.0, true, 2.5, ditTflop(8.1, 4096 + 333, 2432, 38, 2), false, 3.0,
     "stabilityai/stable-diffusion-3.5-large model card (8.1B); MMDiT and T5 in fp8/int8"},
    {"flux.1-dev", "FLUX.1 dev", 1024, 1024, 50, 1, kFlux1, kClipL + kT5Xxl, kVae, 2.0, true, 2.5,
     ditTflop(kFlux1, 4096 + 512, 3072, 57, 1), false, 3.0,
     "black-forest-labs/FLUX.1-dev model card: 12B rectified-flow transformer, guidance-distilled (one pass per "
     "step), diffusers example 50 steps; 19 double + 38 single blocks x 3072"},
    {"flux.1-dev-8bit", "FLUX.1 dev (8-bit)", 1024, 1024, 50, 1, kFlux1, kClipL + kT5Xxl, kVae, 1.0, true, 2.5,
     ditTflop(kFlux1, 4096 + 512, 3072, 57, 1), false, 3.0,
     "black-forest-labs/FLUX.1-dev (12B) with the transformer and T5 in fp8 (ComfyUI fp8_e4m3fn checkpoints)"},
    {"flux.1-schnell", "FLUX.1 schnell", 1024, 1024, 4, 1, kFlux1, kClipL + kT5Xxl, kVae, 2.0, true, 2.5,
     ditTflop(kFlux1, 4096 + 256, 3072, 57, 1), false, 3.0,
     "black-forest-labs/FLUX.1-schnell model card: 12B, timestep-distilled, 4 steps, 256 text tokens"},
    {"flux.1-schnell-8bit", "FLUX.1 schnell (8-bit)", 1024, 1024, 4, 1, kFlux1, kClipL + kT5Xxl, kVae, 1.0, true, 2.5,
     ditTflop(kFlux1, 4096 + 256, 3072, 57, 1), false, 3.0,
     "black-forest-labs/FLUX.1-schnell (12B) with the transformer and T5 in fp8"},
};

}  // namespace

std::span<const ImageModelSpec> imageModelPresets()
{
    return kPresets;
}

const ImageModelSpec* findImageModelPreset(std::string_view name)
{
    const std::string folded = foldName(name);
    for (const ImageModelSpec& m : kPresets)
        if (foldName(m.id) == folded || foldName(m.displayName) == folded)
            return &m;
    // Files written before the image-model list named SDXL loosely (or left the model empty).
    if (folded.empty() || folded.find("sdxl") != std::string::npos ||
        folded.find("stablediffusionxl") != std::string::npos)
        return &kPresets[1];
    return nullptr;
}

}  // namespace mlrig
