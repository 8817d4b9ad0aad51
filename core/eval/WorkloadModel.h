#pragma once

// Memory and speed estimates for ML workloads on a set of GPUs. Pure functions; the constants
// and their sources are documented next to them in the Workload*.cpp files.

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/model/Build.h"
#include "core/catalog/Parts.h"
#include "core/eval/Evaluation.h"

namespace mlrig {

// Memory units. GPU vendors market VRAM in binary units: a "24 GB" card has 24 GiB =
// 25.77e9 bytes. mlrig therefore treats GpuForWorkload::vramGb as GiB and reports every
// memory figure of a WorkloadEstimate in the same unit (2^30 bytes), labelled "GB" as
// nvidia-smi, llama.cpp and vendor spec sheets do. Byte counts are divided by kBytesPerGb.
inline constexpr double kBytesPerGb = 1073741824.0;  // 2^30

struct ModelSpec {
    std::string id;           // "llama-3.1-70b"
    std::string displayName;  // "Llama 3.1 70B"
    std::string family;       // "Llama", "Qwen", "Gemma", ... (groups the model list)
    double paramsB = 0;       // total parameters, billions
    double activeParamsB = 0; // parameters read per token (MoE: active experts); = paramsB for dense
    int layers = 0;
    int hiddenSize = 0;
    int attentionHeads = 0;
    int kvHeads = 0;          // GQA key/value heads
    int headDim = 0;
    int maxContext = 0;
    int vocabSize = 0;        // 0 = unknown (output logits buffers are then left out)
    bool tiedEmbeddings = false;  // tie_word_embeddings: the output head is the input embedding

    // Mixture of experts (0 = dense). Routed expert weights = moeLayers x expertCount x 3 x
    // hiddenSize x expertFfn (gate, up and down projections of each expert).
    int expertCount = 0;      // routed experts per MoE layer
    int expertsPerToken = 0;  // routed experts used per token
    int sharedExperts = 0;    // always-active experts (counted with the dense weights)
    int moeLayers = 0;        // layers with routed experts
    int expertFfn = 0;        // moe_intermediate_size (per expert)

    // Attention layout: `slidingLayers` of the layers attend only to the last `slidingWindow`
    // tokens (Gemma 2/3, gpt-oss, Llama 4 chunked attention); the rest see the whole context.
    int slidingWindow = 0;
    int slidingLayers = 0;
    // Multi-head latent attention (DeepSeek V2/V3): the cache holds kv_lora_rank + qk_rope_head_dim
    // values per token and layer instead of K and V for every head. 0 = not MLA.
    int mlaKvRank = 0;
    int mlaRopeDim = 0;

    std::optional<double> fileBytes;  // exact size of the model file a user added (GGUF), if known
    std::string source;       // model card / config.json the numbers come from

    bool isMoe() const { return expertCount > 0 && expertsPerToken > 0 && moeLayers > 0 && expertFfn > 0; }
    // Parameters of the routed experts (all of them), from the architecture.
    double routedExpertParams() const
    {
        return isMoe() ? static_cast<double>(moeLayers) * expertCount * 3.0 * hiddenSize * expertFfn : 0.0;
    }
    double embeddingParams() const { return static_cast<double>(vocabSize) * hiddenSize; }
};

// Another published model with the same architecture as a preset (a fine-tune or distill).
struct ModelAlias {
    std::string id;           // "qwen2.5-coder-32b"
    std::string displayName;  // "Qwen2.5-Coder 32B"
    std::string target;       // preset id: "qwen2.5-32b"
    std::string source;       // its repository (config.json matches the target's)
};

struct QuantSpec {
    std::string id;  // "q4_k_m"
    double bitsPerWeight = 16;
    std::string note;
    // For MoE files whose experts alone use this format (gpt-oss MXFP4): the other tensors'
    // bits per weight. Unset: every tensor at bitsPerWeight.
    std::optional<double> nonExpertBitsPerWeight;
    bool llamaCpp = true;  // a GGUF type llama.cpp runs (fp8 is not)
};

// KV cache element type (llama.cpp --cache-type-k / --cache-type-v).
struct KvCacheType {
    std::string id;  // "f16", "q8_0", "q4_0"
    double bytesPerElement = 2;
    std::string note;
};

std::span<const ModelSpec> modelPresets();
// Finds a preset by id, or by an alias id (returning the preset it shares the architecture with);
// case-insensitive.
const ModelSpec* findModelPreset(std::string_view id);
std::span<const ModelAlias> modelAliases();
const ModelAlias* findModelAlias(std::string_view id);  // case-insensitive
std::vector<const ModelAlias*> aliasesOf(std::string_view presetId);
std::span<const QuantSpec> quantPresets();
const QuantSpec* findQuantPreset(std::string_view id);  // case-insensitive
std::span<const KvCacheType> kvCacheTypes();
const KvCacheType* findKvCacheType(std::string_view id);  // case-insensitive; "" = f16

// Parses a custom model from JSON ({"name","params_b","active_params_b","layers","hidden_size",
// "attention_heads","kv_heads","head_dim", optional "max_context","vocab_size","tied_embeddings",
// "experts","experts_per_token","shared_experts","moe_layers","expert_ffn","sliding_window",
// "sliding_layers","mla_kv_rank","mla_rope_dim","file_bytes","family","source"}); throws
// std::invalid_argument with a clear message.
ModelSpec modelFromJson(const nlohmann::json& json);
// The inverse of modelFromJson: what a .mlrig file or the user database stores for a custom model.
nlohmann::json modelToJson(const ModelSpec& model);

// What a software stack reaches of a GPU's peaks, relative to the CUDA figures the model was fitted
// on: bandwidth multiplies the decode bandwidth efficiency, compute the tensor utilisations, moeLayer
// the fixed decode time of a MoE layer.
struct StackFactors {
    double bandwidth = 1.0;
    double compute = 1.0;
    double moeLayer = 1.0;
    std::string basis;  // where the factors come from (measurements), shown as an assumption
};

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
    // What the training and image speed models key their achieved efficiency on.
    std::string chipModel;     // GpuChip::model ("GeForce RTX 3090"); empty when unknown
    std::string architecture;  // "Ampere", "RDNA 3"; empty when unknown
    GpuClass gpuClass = GpuClass::Unknown;
    // PCIe lanes the card's slot gives it (multi-GPU data-parallel training); unset = x16.
    std::optional<int> pcieLanes;
    // The GPU of a unified-memory machine (Apple silicon, Ryzen AI Max, GB10): its platform's
    // measured factors replace the vendor's, and vramGb is what the GPU may use of the shared pool.
    std::optional<StackFactors> platform;
};

// The build's CPU and system memory as the offload estimate sees them. Every field unknown =
// nothing is assumed: an offloaded model then gets no speed figure.
struct HostForWorkload {
    std::optional<double> ramGb;      // installed system RAM, GB (2^30 bytes, as marketed)
    std::optional<int> channels;      // populated memory channels
    std::optional<int> mts;           // memory transfer rate, MT/s
    std::string memoryType;           // "DDR5"
    std::optional<int> cpuCores;      // physical cores
    std::string cpuName;
    std::vector<std::string> notes;   // how the figures were derived ("2 channels: 2 modules on a 2-channel CPU")
    // Theoretical bandwidth: channels x MT/s x 8 bytes (64-bit channel), GB/s (1e9 bytes/s).
    std::optional<double> peakBandwidthGbs() const
    {
        if (!channels || !mts || *channels <= 0 || *mts <= 0)
            return std::nullopt;
        return *channels * static_cast<double>(*mts) * 8.0 / 1000.0;
    }
};

// Estimates the workload on the given GPUs. Throws std::invalid_argument for an unknown
// model/quant or an out-of-range context/batch, with a message naming the value. `host` lets an
// LLM that does not fit the VRAM run with part of it in system RAM.
WorkloadEstimate estimateWorkload(const Workload& workload, std::span<const GpuForWorkload> gpus,
                                  const HostForWorkload& host = {});

// The model an LLM workload names: its custom model when it carries one, else a preset or alias.
// Throws std::invalid_argument for an unknown name.
ModelSpec resolveWorkloadModel(const Workload& workload, bool* custom = nullptr);

}  // namespace mlrig
