#pragma once

// Memory and speed estimates for ML workloads on a set of GPUs. Pure functions; the constants
// and their sources are documented next to them in WorkloadModel.cpp.

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "build/Build.h"
#include "catalog/Parts.h"
#include "eval/Evaluation.h"

namespace mlrig {

// Memory units. GPU vendors market VRAM in binary units: a "24 GB" card has 24 GiB =
// 25.77e9 bytes. mlrig therefore treats GpuForWorkload::vramGb as GiB and reports every
// memory figure of a WorkloadEstimate in the same unit (2^30 bytes), labelled "GB" as
// nvidia-smi, llama.cpp and vendor spec sheets do. Byte counts are divided by kBytesPerGb.
inline constexpr double kBytesPerGb = 1073741824.0;  // 2^30

struct ModelSpec {
    std::string id;           // "llama-3.1-70b"
    std::string displayName;  // "Llama 3.1 70B"
    double paramsB = 0;       // total parameters, billions
    double activeParamsB = 0; // parameters read per token (MoE: active experts); = paramsB for dense
    int layers = 0;
    int hiddenSize = 0;
    int attentionHeads = 0;
    int kvHeads = 0;          // GQA key/value heads
    int headDim = 0;
    int maxContext = 0;
    int vocabSize = 0;        // 0 = unknown (output logits buffers are then left out)
    std::string source;       // model card / config.json the numbers come from
};

struct QuantSpec {
    std::string id;  // "q4_k_m"
    double bitsPerWeight = 16;
    std::string note;
};

std::span<const ModelSpec> modelPresets();
const ModelSpec* findModelPreset(std::string_view id);  // case-insensitive
std::span<const QuantSpec> quantPresets();
const QuantSpec* findQuantPreset(std::string_view id);  // case-insensitive

// Parses a custom model from JSON ({"name","params_b","active_params_b","layers","hidden_size",
// "attention_heads","kv_heads","head_dim"}); throws std::invalid_argument with a clear message.
ModelSpec modelFromJson(const nlohmann::json& json);

// One GPU as the workload model sees it (one entry per physical GPU, quantity expanded,
// power limit applied through performanceScale).
struct GpuForWorkload {
    std::string name;
    double vramGb = 0;
    std::optional<double> memoryBandwidthGbs;
    std::optional<double> fp16TensorTflops;
    std::optional<double> fp32Tflops;
    double performanceScale = 1.0;  // retained performance at the power limit (0..1)
    bool nvlink = false;
    Vendor vendor = Vendor::Unknown;
};

// Estimates the workload on the given GPUs. Throws std::invalid_argument for an unknown
// model/quant or an out-of-range context/batch, with a message naming the value.
WorkloadEstimate estimateWorkload(const Workload& workload, std::span<const GpuForWorkload> gpus);

}  // namespace mlrig
