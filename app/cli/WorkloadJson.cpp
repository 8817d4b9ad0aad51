#include "app/cli/WorkloadJson.h"

#include <fmt/format.h>

#include <cmath>
#include <iostream>

namespace mlrig::cli {

using ojson = nlohmann::ordered_json;

double rounded(double value, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

ojson optionalNumber(const std::optional<double>& value, int decimals)
{
    return value ? ojson(rounded(*value, decimals)) : ojson(nullptr);
}

ojson workloadJson(const WorkloadEstimate& w)
{
    ojson out = {{"fits", w.fits},
                 {"vram_needed_gb", rounded(w.vramNeededGb, 2)},
                 {"vram_available_gb", rounded(w.vramAvailableGb, 2)},
                 {"decode_tokens_per_s", optionalNumber(w.decodeTokensPerS, 1)},
                 {"prefill_tokens_per_s", optionalNumber(w.prefillTokensPerS, 1)},
                 {"train_tokens_per_s", optionalNumber(w.trainTokensPerS, 1)},
                 {"images_per_minute", optionalNumber(w.imagesPerMinute, 2)},
                 {"kind", w.kind},
                 {"model", w.modelName},
                 {"confidence", std::string(confidenceId(w.confidence))},
                 {"assumptions", w.assumptions},
                 {"reason", w.reason}};
    // LLM inference: where the model lives (docs/ARCHITECTURE.md: the workload object grows, never renames).
    out["placement"] = w.placement.empty() ? ojson(nullptr) : ojson(w.placement);
    out["gpu_layers"] = w.gpuLayers ? ojson(*w.gpuLayers) : ojson(nullptr);
    out["total_layers"] = w.totalLayers > 0 ? ojson(w.totalLayers) : ojson(nullptr);
    out["cpu_moe_layers"] = w.cpuMoeLayers ? ojson(*w.cpuMoeLayers) : ojson(nullptr);
    out["ram_gb_needed"] = optionalNumber(w.ramGbNeeded, 2);
    out["ram_bandwidth_gbs"] = optionalNumber(w.ramBandwidthGbs, 1);
    out["llama_cpp_flags"] = w.llamaCppFlags.empty() ? ojson(nullptr) : ojson(w.llamaCppFlags);
    out["placement_text"] = w.placementText.empty() ? ojson(nullptr) : ojson(w.placementText);
    return out;
}

void printWorkloadText(const WorkloadEstimate& w, bool withAssumptions)
{
    std::cout << "\nWorkload: " << w.kind << ", " << w.modelName << '\n';
    std::cout << fmt::format("  fits in VRAM: {} ({:.1f} GB needed, {:.1f} GB available)\n", w.fits ? "yes" : "no",
                             w.vramNeededGb, w.vramAvailableGb);
    if (!w.placement.empty())
        std::cout << "  placement: " << w.placement
                  << (w.placementText.empty() ? std::string() : " (" + w.placementText + ")") << '\n';
    if (!w.llamaCppFlags.empty())
        std::cout << "  llama.cpp: " << w.llamaCppFlags << '\n';
    if (w.decodeTokensPerS)
        std::cout << fmt::format("  decode: {:.1f} tokens/s\n", *w.decodeTokensPerS);
    if (w.prefillTokensPerS)
        std::cout << fmt::format("  prefill: {:.0f} tokens/s\n", *w.prefillTokensPerS);
    if (w.trainTokensPerS)
        std::cout << fmt::format("  training: {:.0f} tokens/s\n", *w.trainTokensPerS);
    if (w.imagesPerMinute)
        std::cout << fmt::format("  images: {:.1f} per minute\n", *w.imagesPerMinute);
    if (!w.reason.empty())
        std::cout << "  " << w.reason << '\n';
    if (withAssumptions)
        for (const std::string& a : w.assumptions)
            std::cout << "  - " << a << '\n';
}

}  // namespace mlrig::cli
