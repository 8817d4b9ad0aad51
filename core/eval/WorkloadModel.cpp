// Workload model: how much GPU memory an ML job needs and how fast it runs on a set of GPUs.
//
// Units: every memory figure is in GB of 2^30 bytes (kBytesPerGb, see WorkloadModel.h), the same
// unit GPU makers use for VRAM, so a marketed "24 GB" card holds 24 of them. Parameter counts
// are plain (1e9 per "B"); bandwidth is 1e9 bytes/s and compute 1e12 FLOP/s as on spec sheets.
//
// Every constant below carries its reasoning; each estimate repeats the ones it used in
// WorkloadEstimate::assumptions so a reader can check the arithmetic.

#include "core/eval/WorkloadModel.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

#include "core/util/TextUtil.h"

namespace mlrig {

std::string_view confidenceId(Confidence confidence)
{
    switch (confidence) {
    case Confidence::High: return "high";
    case Confidence::Medium: return "medium";
    case Confidence::Low: return "low";
    }
    return "low";
}

namespace {

// ---------------------------------------------------------------------------------------------
// Input limits
constexpr int kMaxContext = 1048576;
constexpr int kMaxBatch = 4096;

// ---------------------------------------------------------------------------------------------
// LLM inference (llama.cpp-style runtime, CUDA backend)

// What a card really offers. A process on a GPU first pays for its driver context: the CUDA
// context with lazy module loading (the default since CUDA 12.2), cuBLAS handles and the small
// fixed buffers llama.cpp allocates come to 0.3-0.5 GB per card in nvidia-smi before any model
// tensor is loaded; ROCm's HIP context is of the same order. 0.45 GB per card is kept back.
constexpr double kDriverReserveGb = 0.45;
// llama.cpp's compute buffer with flash attention (llama.cpp's default "-fa auto" turns it on for
// CUDA, ROCm, Metal and Vulkan): the output logits of one micro-batch (n_ubatch x vocabulary x f32)
// on the card holding the output layer, plus the f16 attention mask (n_ubatch x cached tokens x 2
// bytes) on each card. Llama 3 8B at n_ctx 8192: 512 x 128256 x 4 + 512 x 8192 x 2 bytes = 258.5
// MiB, the "CUDA0 compute buffer size" llama.cpp logs for it. Micro-batch: llama.cpp's default
// n_ubatch of 512 tokens.
constexpr int kMicroBatch = 512;
constexpr double kLogitsBytesPerElement = 4.0;
constexpr double kMaskBytesPerElement = 2.0;
// Sliding-window layers keep only n_swa x sequences + n_ubatch tokens, padded to 256 (llama.cpp
// llama_kv_cache_iswa: size_swa = min(n_ctx, GGML_PAD(n_swa * n_seq + n_ubatch, 256))).
constexpr int kKvPad = 256;
// Decode on a GPU streams the weights read per token (all dense tensors, the active experts,
// the output head and the KV cache; the input embedding stays in RAM and only one row is read)
// at a fraction of the spec-sheet bandwidth, plus a fixed cost per layer and token for the small
// kernels (norms, RoPE, attention, router) that do not scale with bytes. Fitted on the llama-bench
// tg128 scoreboard of ggml-org/llama.cpp discussion #15013 (Llama 2 7B Q4_0 on 20 CUDA consumer and
// workstation GPUs, see tests/data/llamacpp-decode-measured.csv): least squares on 1/tokens/s.
constexpr double kDecodeBandwidthEfficiency = 0.66;
constexpr double kDecodeLayerOverheadS = 2.0e-6;
// A MoE layer launches more kernels (router, top-k, gathers, one matrix product per expert group):
// extra fixed time per MoE layer and token, fitted on the gpt-oss-20b tg128 runs of the same
// cards in discussion #15396.
constexpr double kDecodeMoeLayerOverheadS = 50e-6;
// System RAM: theoretical bandwidth = populated channels x MT/s x 8 bytes. llama.cpp's CPU matrix-
// vector kernels reach about 60% of it while the GPU holds the rest of the model (measured: an RX
// 7900 XT with all gpt-oss-20b experts on a Ryzen 9 5900X with dual-channel DDR4-3200, ~20 tokens/s
// = 1.27 GB of experts per token at ~28 GB/s of 51.2 GB/s, discussion #15396; STREAM triad on
// desktop DDR4/DDR5 reaches 65-80% of peak).
constexpr double kRamBandwidthEfficiency = 0.60;
// The CPU bounds that: a core's dequantise-and-dot loop streams about 10 GB/s of quantised weights
// (llama.cpp decode stops scaling at 4-6 threads on dual-channel DDR5 at 60-70 GB/s).
constexpr double kCpuCoreDecodeGbs = 10.0;
// RAM the operating system, desktop and llama.cpp's own process need besides the model.
constexpr double kOsReserveGb = 4.0;
// Prefill with weights in RAM: for micro-batches of 32 tokens or more llama.cpp copies RAM-resident
// weights to the GPU (ggml backend scheduler "offload_op"), so each micro-batch moves them over
// PCIe once: PCIe 4.0 x16 moves ~25 GB/s of its 31.5 GB/s theoretical.
constexpr double kPcieGbs = 25.0;
// Fraction of the dense FP16 tensor peak (FP32 accumulate) reached while processing a prompt.
// llama.cpp's pp512 results for 8B models on RTX 30/40 cards reach 0.6-0.9 of that peak with its
// int8 matrix kernels; longer prompts and other runtimes do worse, so a middle value is used.
constexpr double kPrefillTensorUtilisation = 0.50;
// Without tensor cores (or without a known tensor figure) FP16 work runs on the shader cores:
// the FP32 TFLOPS figure is used with this fraction of the tensor utilisation.
constexpr double kFp32FallbackFactor = 0.70;
// Hand-off of the hidden state between two GPUs per decoded token when layers are split:
// a synchronised device-to-device copy of a few kilobytes, latency bound.
constexpr double kHopPcieS = 0.15e-3;
constexpr double kHopNvlinkS = 0.05e-3;

// ---------------------------------------------------------------------------------------------
// Power limit. A power limit lowers the core clock; the memory clock stays where it is. Compute
// bound work therefore scales fully with the retained performance, bandwidth-bound decode only
// partly (the cores still have to issue the loads): decode scale = 0.5 + 0.5 x performanceScale.
constexpr double kDecodePowerShare = 0.5;

// ---------------------------------------------------------------------------------------------
// Vendors. Most fast kernels (flash attention, llama.cpp's MMQ, bitsandbytes, xformers) are
// written for CUDA first. ROCm / SYCL builds get lower fractions of their hardware peak.
struct VendorFactors {
    double bandwidth = 1.0;  // multiplies kDecodeBandwidthEfficiency
    double compute = 1.0;    // multiplies the compute utilisations
};
VendorFactors vendorFactors(Vendor vendor)
{
    switch (vendor) {
    case Vendor::Amd: return {0.85, 0.60};    // llama.cpp ROCm decode ~15% behind at equal bandwidth
    case Vendor::Intel: return {0.75, 0.50};  // SYCL / IPEX coverage is thinner still
    case Vendor::Nvidia:
    case Vendor::Unknown: break;
    }
    return {};
}

// ---------------------------------------------------------------------------------------------
// Fine-tuning and training (PyTorch, mixed precision, AdamW)

// Full fine-tune bytes per parameter: bf16 weights 2 + bf16 gradients 2 + fp32 Adam m and v 8
// + fp32 master weights 4 = 16 (the usual mixed-precision accounting, ZeRO paper section 3).
constexpr double kFullWeightBytes = 2.0;
constexpr double kFullStateBytes = 14.0;
// LoRA: frozen bf16 base. QLoRA: 4-bit NF4 base; with its block constants, double quantisation
// and the layers left in 16 bit (norms, embeddings) ~4.5 bits per parameter.
constexpr double kLoraBaseBytes = 2.0;
constexpr double kQloraBaseBits = 4.5;
// Adapter: rank 16 on every attention and MLP projection. The adapter's own weights, gradients,
// Adam states and master copy cost 16 bytes per adapter parameter like a full fine-tune.
constexpr int kLoraRank = 16;
constexpr double kAdapterBytesPerParam = 16.0;
constexpr double kAdapterFallbackFraction = 0.005;  // when the architecture does not allow the count
// Activations with activation checkpointing: each layer keeps its bf16 input (2 bytes x hidden
// per token) and one layer at a time is recomputed with its full activation set, ~34 bytes x
// hidden per token (Korthikanti et al. 2022, "Reducing Activation Recomputation in Large
// Transformer Models", with flash attention removing the score-matrix term). Output logits are
// kept in f32 (4 bytes x vocabulary per token).
constexpr double kActivationCheckpointBytes = 2.0;
constexpr double kActivationLayerBytes = 34.0;
constexpr double kTrainLogitsBytes = 4.0;
// Per GPU: CUDA context plus what PyTorch's caching allocator holds beyond live tensors.
constexpr double kTrainingContextGb = 1.0;
// Model FLOPs utilisation (MFU) of the dense FP16 tensor peak: 0.35-0.40 is what well-tuned
// single-node PyTorch training reaches on consumer cards; recomputation is inside this figure.
constexpr double kTrainingMfu = 0.38;
// FLOPs per token: forward 2 x params, backward 4 x params for a full fine-tune (6N, Kaplan et
// al. 2020). LoRA skips the base weights' gradients, leaving ~4 x params.
constexpr double kFullFlopsPerParam = 6.0;
constexpr double kLoraFlopsPerParam = 4.0;
// QLoRA dequantises every 4-bit weight in forward and backward: assumed 20% slower than LoRA.
constexpr double kQloraSpeedFactor = 0.80;
// Multi-GPU: data parallel (a full replica per card, gradients all-reduced) keeps ~90% per card;
// splitting the model (FSDP sharding or pipeline stages) keeps ~60%.
constexpr double kDataParallelEfficiency = 0.90;
constexpr double kModelSplitEfficiency = 0.60;

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

// ---------------------------------------------------------------------------------------------

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

std::string gpuLabel(std::span<const GpuForWorkload> gpus, size_t index)
{
    if (gpus.size() == 1)
        return gpus[index].name.empty() ? std::string("the GPU") : "the " + gpus[index].name;
    std::string label = fmt::format("GPU {}", index + 1);
    if (!gpus[index].name.empty())
        label += " (" + gpus[index].name + ")";
    return label;
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
    const double vendor = vendorFactors(gpu.vendor).compute;
    if (gpu.fp16TensorTflops && *gpu.fp16TensorTflops > 0)
        return *gpu.fp16TensorTflops * tensorUtilisation * gpu.performanceScale * vendor;
    if (gpu.fp32Tflops && *gpu.fp32Tflops > 0) {
        usedFp32 = true;
        return *gpu.fp32Tflops * tensorUtilisation * kFp32FallbackFactor * gpu.performanceScale * vendor;
    }
    return std::nullopt;
}

double decodePowerScale(double performanceScale)
{
    return (1.0 - kDecodePowerShare) + kDecodePowerShare * performanceScale;
}

// Usable decode bandwidth of one GPU in GB/s (1e9 bytes/s).
std::optional<double> effectiveBandwidth(const GpuForWorkload& gpu)
{
    if (!gpu.memoryBandwidthGbs || *gpu.memoryBandwidthGbs <= 0)
        return std::nullopt;
    return *gpu.memoryBandwidthGbs * kDecodeBandwidthEfficiency * vendorFactors(gpu.vendor).bandwidth *
           decodePowerScale(gpu.performanceScale);
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

void validateContextAndBatch(const Workload& workload, bool checkContext)
{
    if (checkContext && (workload.context < 1 || workload.context > kMaxContext))
        fail(fmt::format("context {} is out of range (1 to {} tokens)", workload.context, kMaxContext));
    if (workload.batch < 1 || workload.batch > kMaxBatch)
        fail(fmt::format("batch {} is out of range (1 to {})", workload.batch, kMaxBatch));
}

std::string presetList()
{
    std::string list;
    for (const ModelSpec& m : modelPresets())
        list += (list.empty() ? "" : ", ") + m.id;
    return list;
}

std::string quantList()
{
    std::string list;
    for (const QuantSpec& q : quantPresets())
        list += (list.empty() ? "" : ", ") + q.id;
    return list;
}

bool hasCustomModel(const Workload& workload)
{
    return !workload.customModel.is_null();
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
    bool amd = false;
    bool intel = false;
    bool unknown = false;
    for (const GpuForWorkload& g : gpus) {
        amd = amd || g.vendor == Vendor::Amd;
        intel = intel || g.vendor == Vendor::Intel;
        unknown = unknown || g.vendor == Vendor::Unknown;
    }
    if (amd)
        est.assumptions.push_back("AMD GPUs: 85% of the NVIDIA bandwidth efficiency and 60% of the compute "
                                  "utilisation, since ROCm has fewer tuned kernels");
    if (intel)
        est.assumptions.push_back("Intel GPUs: 75% of the NVIDIA bandwidth efficiency and 50% of the compute "
                                  "utilisation, since the oneAPI/SYCL software stack covers less");
    if (amd || intel || unknown)
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

const char* kUnitNote = "Memory in GB of 2^30 bytes; a card's VRAM counts at its marketed size in the same unit";

// Splits `layers` over the GPUs in proportion to their VRAM (largest remainder), as llama.cpp's
// default layer split does.
std::vector<int> splitLayers(int layers, std::span<const GpuForWorkload> gpus)
{
    std::vector<int> out(gpus.size(), 0);
    const double total = totalVram(gpus);
    if (gpus.empty() || total <= 0)
        return out;
    std::vector<std::pair<double, size_t>> remainders;
    int assigned = 0;
    for (size_t i = 0; i < gpus.size(); ++i) {
        const double exact = layers * gpus[i].vramGb / total;
        out[i] = static_cast<int>(std::floor(exact));
        assigned += out[i];
        remainders.emplace_back(exact - out[i], i);
    }
    std::stable_sort(remainders.begin(), remainders.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    for (size_t k = 0; assigned < layers && k < remainders.size(); ++k, ++assigned)
        ++out[remainders[k].second];
    return out;
}

// Fills fits/reason from per-card needs. `layoutNote` tells how the need was laid out.
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

// ---------------------------------------------------------------------------------------------

// Bytes of one LLM in llama.cpp's layout, for a quantisation, KV cache type and context.
struct LlmBytes {
    double weights = 0;          // the whole model file's tensors
    double tokenEmbd = 0;        // input embedding: always in system RAM (llama.cpp keeps it on the CPU)
    double output = 0;           // output head on the GPU (a copy of the embedding when tied)
    double layerWeights = 0;     // all repeating layers (attention, dense FFN, shared and routed experts)
    double routedExperts = 0;    // the routed experts among them
    double kv = 0;               // whole KV cache
    double kvTokensFull = 0;     // cached tokens per full-attention layer (all sequences)
    double kvTokensWindow = 0;   // cached tokens per sliding-window layer
    double kvPerTokenLayer = 0;  // bytes per cached token and layer
    double decodeRead = 0;       // bytes read per decoded token when everything is on the GPU
    double mask = 0;             // per-card attention mask buffer
    double logits = 0;           // output logits buffer (card with the output layer)
    double microBatch = 0;
    double bitsNonExpert = 0;
    double bitsExpert = 0;
    double fileScale = 1.0;      // measured file size / computed size (user GGUF files)
};

LlmBytes llmBytes(const ModelSpec& model, const QuantSpec& quant, const KvCacheType& kvType, double context,
                  double batch)
{
    LlmBytes b;
    const double params = model.paramsB * 1e9;
    const double routed = std::min(model.routedExpertParams(), params);
    b.bitsExpert = quant.bitsPerWeight;
    b.bitsNonExpert = model.isMoe() ? quant.nonExpertBitsPerWeight.value_or(quant.bitsPerWeight) : quant.bitsPerWeight;
    const double embedParams = std::min(model.embeddingParams(), params - routed);
    double computed = (params - routed) * b.bitsNonExpert / 8.0 + routed * b.bitsExpert / 8.0;
    if (model.fileBytes && *model.fileBytes > 0 && computed > 0)
        b.fileScale = *model.fileBytes / computed;  // the file says exactly how large the tensors are
    computed *= b.fileScale;
    b.weights = computed;
    b.routedExperts = routed * b.bitsExpert / 8.0 * b.fileScale;
    b.tokenEmbd = embedParams * b.bitsNonExpert / 8.0 * b.fileScale;
    b.output = b.tokenEmbd;  // untied: its own tensor of the same shape; tied: a copy on the GPU
    const double untiedOutput = model.tiedEmbeddings ? 0.0 : b.output;
    b.layerWeights = std::max(0.0, b.weights - b.tokenEmbd - untiedOutput);

    const double kvElements = model.mlaKvRank > 0 ? static_cast<double>(model.mlaKvRank + model.mlaRopeDim)
                                                  : 2.0 * model.kvHeads * model.headDim;
    b.kvPerTokenLayer = kvElements * kvType.bytesPerElement;
    b.microBatch = std::min<double>(kMicroBatch, context * batch);
    b.kvTokensFull = context * batch;
    const int windowLayers = model.slidingWindow > 0 ? std::min(model.slidingLayers, model.layers) : 0;
    if (windowLayers > 0) {
        const double padded = std::ceil((model.slidingWindow * batch + b.microBatch) / kKvPad) * kKvPad;
        b.kvTokensWindow = std::min(b.kvTokensFull, padded);
    }
    b.kv = b.kvPerTokenLayer *
           ((model.layers - windowLayers) * b.kvTokensFull + windowLayers * b.kvTokensWindow);
    b.mask = b.microBatch * b.kvTokensFull * kMaskBytesPerElement;
    b.logits = b.microBatch * model.vocabSize * kLogitsBytesPerElement;

    const double activeExperts =
        model.isMoe() ? b.routedExperts * model.expertsPerToken / static_cast<double>(model.expertCount) : 0.0;
    b.decodeRead = (b.layerWeights - b.routedExperts) + activeExperts + b.output + b.kv;
    return b;
}

std::string kvText(const ModelSpec& model, const KvCacheType& kvType, const LlmBytes& b, const Workload& workload)
{
    std::string perToken = model.mlaKvRank > 0
                               ? fmt::format("{} compressed latent values (MLA: kv_lora_rank {} + rope {}; K and V are "
                                             "rebuilt from it)",
                                             model.mlaKvRank + model.mlaRopeDim, model.mlaKvRank, model.mlaRopeDim)
                               : fmt::format("2 (K and V) x {} KV heads x {} head dim", model.kvHeads, model.headDim);
    std::string layout;
    const int windowLayers = model.slidingWindow > 0 ? std::min(model.slidingLayers, model.layers) : 0;
    if (windowLayers > 0)
        layout = fmt::format("{} full-attention layers x {} tokens + {} sliding-window layers x {} tokens (window {} "
                             "+ one micro-batch)",
                             model.layers - windowLayers, b.kvTokensFull, windowLayers, b.kvTokensWindow,
                             model.slidingWindow);
    else
        layout = fmt::format("{} layers x {} tokens", model.layers, b.kvTokensFull);
    return fmt::format("KV cache: {} per token and layer x {} x {:g} bytes ({}){} = {}", perToken, layout,
                       kvType.bytesPerElement, kvType.id,
                       workload.batch > 1 ? fmt::format(", {} sequences", workload.batch) : std::string(),
                       gb(b.kv / kBytesPerGb));
}

// Usable RAM bandwidth for decode, GB/s, or nullopt when the build does not say.
std::optional<double> hostDecodeBandwidth(const HostForWorkload& host, std::string* note)
{
    const std::optional<double> peak = host.peakBandwidthGbs();
    if (!peak)
        return std::nullopt;
    double bw = *peak * kRamBandwidthEfficiency;
    std::string text = fmt::format("{} channel{} x {} MT/s x 8 bytes = {:.1f} GB/s peak, {:.0f}% reached = {:.1f} GB/s",
                                   *host.channels, *host.channels == 1 ? "" : "s", *host.mts, *peak,
                                   100 * kRamBandwidthEfficiency, bw);
    if (host.cpuCores && *host.cpuCores > 0) {
        const double cpu = *host.cpuCores * kCpuCoreDecodeGbs;
        if (cpu < bw) {
            bw = cpu;
            text += fmt::format(", limited by the CPU's {} cores to {:.0f} GB/s ({:g} GB/s per core)", *host.cpuCores,
                                cpu, kCpuCoreDecodeGbs);
        }
    }
    if (note)
        *note = text;
    return bw;
}

// Places a model that does not fit the VRAM the way llama.cpp would run it best, and estimates
// its speed with the build's system RAM: for MoE models the attention, shared weights and KV cache
// on the GPUs and the routed experts of the first N MoE layers in RAM (--n-cpu-moe N), else as many
// whole layers on the GPUs as fit (-ngl N) and the rest in RAM.
void planOffload(const ModelSpec& model, const QuantSpec& quant, const LlmBytes& b, const Workload& workload,
                 std::span<const GpuForWorkload> gpus, const HostForWorkload& host, WorkloadEstimate& est,
                 bool& usedFp32, double prefillFlopsPerToken, double layerOverhead)
{
    (void)quant;
    const std::string shortfall =
        est.fits ? std::string("fits in VRAM, but runs with the placement given") : est.reason;  // "needs X but ..."
    est.fits = false;
    const double layers = model.layers;
    double avail = -b.logits;  // the logits buffer sits on the card with the output layer
    for (const GpuForWorkload& g : gpus)
        avail += g.vramGb * kBytesPerGb - kDriverReserveGb * kBytesPerGb - b.mask;
    avail = std::max(avail, 0.0);

    double ramResident = 0;      // model bytes in system RAM (weights + KV of RAM layers)
    double ramWeights = 0;       // weights among them (moved over PCIe for prefill)
    double ramRead = 0;          // bytes read from RAM per token
    double gpuRead = 0;          // bytes read from VRAM per token
    int transfers = 1;           // GPU <-> CPU hand-offs per token
    double gpuResident = 0;
    bool placed = false;

    if (model.isMoe() && !workload.gpuLayers) {
        const double perLayerExperts = b.routedExperts / model.moeLayers;
        const double gpuFixed = (b.layerWeights - b.routedExperts) + b.output + b.kv;
        if (gpuFixed <= avail || workload.cpuMoeLayers) {
            const double over = gpuFixed + b.routedExperts - avail;
            int n = static_cast<int>(std::ceil(over / perLayerExperts - 1e-9));
            n = std::clamp(n, 1, model.moeLayers);
            if (workload.cpuMoeLayers)
                n = std::clamp(*workload.cpuMoeLayers, 0, model.moeLayers);
            const double readShare = static_cast<double>(model.expertsPerToken) / model.expertCount;
            ramWeights = n * perLayerExperts;
            ramResident = ramWeights;
            ramRead = ramWeights * readShare;
            gpuRead = b.decodeRead - ramRead;
            gpuResident = gpuFixed + (model.moeLayers - n) * perLayerExperts;
            transfers = n;
            est.cpuMoeLayers = n;
            est.gpuLayers = model.layers;
            est.llamaCppFlags = n == model.moeLayers ? "-ngl 99 --cpu-moe" : fmt::format("-ngl 99 --n-cpu-moe {}", n);
            est.placementText = fmt::format(
                "GPU: attention, shared weights and KV cache of all {} layers{}; system RAM: the experts of {} "
                "layer{} ({})",
                model.layers,
                n < model.moeLayers ? fmt::format(" plus the experts of {} layers", model.moeLayers - n) : std::string(),
                n, n == 1 ? "" : "s", gb(ramResident / kBytesPerGb));
            placed = true;
        }
    }
    if (!placed) {
        const double perLayer = (b.layerWeights + b.kv) / layers;
        const double perLayerRead = (b.decodeRead - b.output) / layers;
        int onGpu = 0;
        bool outputOnGpu = avail >= b.output;
        if (outputOnGpu)
            onGpu = std::clamp(static_cast<int>(std::floor((avail - b.output) / perLayer)), 0, model.layers - 1);
        if (workload.gpuLayers) {
            onGpu = std::clamp(*workload.gpuLayers, 0, model.layers);
            outputOnGpu = onGpu > 0;
        }
        const int inRam = model.layers - onGpu;
        ramResident = inRam * perLayer + (outputOnGpu ? 0.0 : b.output);
        ramWeights = inRam * b.layerWeights / layers + (outputOnGpu ? 0.0 : b.output);
        ramRead = inRam * perLayerRead + (outputOnGpu ? 0.0 : b.output);
        gpuRead = onGpu * perLayerRead + (outputOnGpu ? b.output : 0.0);
        gpuResident = onGpu * perLayer + (outputOnGpu ? b.output : 0.0);
        est.gpuLayers = onGpu;
        // llama.cpp's -ngl counts the output layer as one more layer after the repeating ones.
        est.llamaCppFlags = fmt::format("-ngl {}", onGpu + (outputOnGpu ? 1 : 0));
        est.placementText = fmt::format("GPU: {} of {} layers, system RAM: {} layer{} ({})", onGpu, model.layers, inRam,
                                        inRam == 1 ? "" : "s", gb(ramResident / kBytesPerGb));
    }

    est.ramResidentGb = ramResident / kBytesPerGb;
    est.ramGbNeeded = (ramResident + b.tokenEmbd) / kBytesPerGb;
    est.placement = "offload";
    if (workload.gpuLayers || workload.cpuMoeLayers) {
        est.assumptions.push_back("Placement as given (" + est.llamaCppFlags + "), not the best one mlrig would pick");
        if (gpuResident > avail) {
            est.placement = "none";
            est.reason = fmt::format("the given placement ({}) needs {} on the GPUs, {} more than they offer",
                                     est.llamaCppFlags, gb(gpuResident / kBytesPerGb),
                                     gb((gpuResident - avail) / kBytesPerGb));
            return;
        }
    }
    est.assumptions.push_back(fmt::format(
        "Offload: {} in VRAM (of {} usable after the driver reserve and compute buffers), {} in system RAM plus the "
        "input embedding; llama.cpp {}",
        gb(gpuResident / kBytesPerGb), gb(avail / kBytesPerGb), gb(ramResident / kBytesPerGb), est.llamaCppFlags));

    if (!host.ramGb) {
        est.reason = shortfall + "; with " + gb(*est.ramGbNeeded) +
                     " in system RAM it runs with offload, but checking that and its speed needs the build's memory";
        lower(est.confidence, Confidence::Low);
        return;
    }
    const double ramUsable = *host.ramGb - kOsReserveGb;
    if (*est.ramGbNeeded > ramUsable) {
        est.placement = "none";
        est.reason = fmt::format("needs {} of VRAM and {} of system RAM besides it; the build has {} GB of RAM, {} after "
                                 "{} for the system ({} short)",
                                 gb(gpuResident / kBytesPerGb + est.memory.overheadGb), gb(*est.ramGbNeeded),
                                 plainNumber(*host.ramGb), gb(ramUsable), gb(kOsReserveGb),
                                 gb(*est.ramGbNeeded - ramUsable));
        return;
    }
    est.assumptions.push_back(fmt::format("System RAM: {} GB installed, {} kept for the operating system", 
                                          plainNumber(*host.ramGb), gb(kOsReserveGb)));
    for (const std::string& note : host.notes)
        est.assumptions.push_back(note);

    std::string bwNote;
    const std::optional<double> ramBw = hostDecodeBandwidth(host, &bwNote);
    if (!ramBw) {
        est.reason = shortfall + "; runs with offload (" + est.placementText +
                     "), but its speed needs the build's memory speed and channel count";
        lower(est.confidence, Confidence::Low);
        return;
    }
    est.ramBandwidthGbs = *ramBw;
    est.placementText = fmt::format("{} at {:.0f} GB/s)", est.placementText.substr(0, est.placementText.size() - 1),
                                    *ramBw);

    // GPU share of the per-token bytes: spread over the cards in proportion to VRAM, one after another.
    double gpuTime = 0;
    bool gpuKnown = true;
    double tflopsSum = 0;
    bool tflopsKnown = true;
    const double vramSum = std::max(totalVram(gpus), 1e-9);
    for (const GpuForWorkload& g : gpus) {
        const std::optional<double> bw = effectiveBandwidth(g);
        if (!bw)
            gpuKnown = false;
        else
            gpuTime += gpuRead * (g.vramGb / vramSum) / (*bw * 1e9);
        if (const auto t = effectiveTflops(g, kPrefillTensorUtilisation, usedFp32))
            tflopsSum += *t;
        else
            tflopsKnown = false;
    }
    const bool nvlinkPair = gpus.size() == 2 && gpus[0].nvlink && gpus[1].nvlink;
    const double hops = std::max<double>(0, static_cast<double>(gpus.size()) - 1) * (nvlinkPair ? kHopNvlinkS : kHopPcieS) +
                        transfers * kHopPcieS;
    const double ramTime = ramRead / (*ramBw * 1e9);
    const double batch = workload.batch;
    if (gpuKnown) {
        const double step = gpuTime + ramTime + layerOverhead + hops;
        est.decodeTokensPerS = batch / step;
        est.figureValue = est.decodeTokensPerS;
    } else {
        est.reason = "no decode speed: a GPU's memory bandwidth is unknown";
        lower(est.confidence, Confidence::Low);
    }
    if (tflopsKnown && tflopsSum > 0) {
        const double micro = b.microBatch;
        const double perMicroBatch = micro * prefillFlopsPerToken / (tflopsSum * 1e12) + ramWeights / (kPcieGbs * 1e9);
        est.prefillTokensPerS = micro / perMicroBatch;
    }
    est.assumptions.push_back(fmt::format(
        "Decode with offload: {} per token from VRAM and {} from system RAM ({}), plus {:.2f} ms of per-layer work and "
        "{} GPU-CPU hand-off{} of {:.2f} ms",
        gb(gpuRead / kBytesPerGb), gb(ramRead / kBytesPerGb), bwNote, layerOverhead * 1e3, transfers,
        transfers == 1 ? "" : "s", kHopPcieS * 1e3));
    est.assumptions.push_back(fmt::format(
        "Prefill with offload: each {:g}-token micro-batch copies the {} of weights in RAM to the GPU over PCIe at "
        "~{:g} GB/s (PCIe 4.0 x16), then runs on the GPU",
        b.microBatch, gb(ramWeights / kBytesPerGb), kPcieGbs));
    est.reason = shortfall + "; runs with offload: " + est.placementText;
    lower(est.confidence, Confidence::Medium);
}

WorkloadEstimate estimateInference(const Workload& workload, std::span<const GpuForWorkload> gpus,
                                   const HostForWorkload& host)
{
    bool custom = false;
    const ModelSpec model = resolveModel(workload, custom);
    const QuantSpec* quant = findQuantPreset(workload.quant);
    if (!quant)
        fail(fmt::format("unknown quantisation '{}' (known: {})", workload.quant, quantList()));
    const KvCacheType* kvType = findKvCacheType(workload.kvCache);
    if (!kvType)
        fail(fmt::format("unknown KV cache type '{}' (known: f16, q8_0, q4_0)", workload.kvCache));
    validateContextAndBatch(workload, true);

    WorkloadEstimate est;
    est.kind = std::string(workloadKindId(workload.kind));
    est.modelName = model.displayName;
    est.figureOfMerit = "decode tokens/s";
    est.confidence = Confidence::High;
    est.vramAvailableGb = totalVram(gpus);
    est.totalLayers = model.layers;

    const double context = workload.context;
    const double batch = workload.batch;
    const double layers = model.layers;
    const LlmBytes b = llmBytes(model, *quant, *kvType, context, batch);

    est.memory.weightsGb = (b.weights - b.tokenEmbd + (model.tiedEmbeddings ? b.output : 0.0)) / kBytesPerGb;
    est.memory.kvCacheGb = b.kv / kBytesPerGb;

    if (model.isMoe())
        est.assumptions.push_back(fmt::format(
            "Weights: {}B parameters, of which {:.1f}B in {} routed experts per layer x {} layers at {:g} bits ({}) and "
            "the rest at {:g} bits = {}; the input embedding ({}) stays in system RAM{}",
            model.paramsB, model.routedExpertParams() / 1e9, model.expertCount, model.moeLayers, b.bitsExpert,
            quant->id, b.bitsNonExpert, gb(b.weights / kBytesPerGb), gb(b.tokenEmbd / kBytesPerGb),
            model.tiedEmbeddings ? ", its tied copy serves as the output head on the GPU" : ""));
    else
        est.assumptions.push_back(fmt::format(
            "Weights: {}B parameters x {:g} bits ({}) / 8 = {}; the input embedding ({}) stays in system RAM{}",
            model.paramsB, quant->bitsPerWeight * b.fileScale, quant->id, gb(b.weights / kBytesPerGb),
            gb(b.tokenEmbd / kBytesPerGb),
            model.tiedEmbeddings ? ", its tied copy serves as the output head on the GPU" : ""));
    if (model.fileBytes)
        est.assumptions.push_back(fmt::format("Weight sizes scaled to the model file's exact size ({:.2f} GB)",
                                              *model.fileBytes / kBytesPerGb));
    est.assumptions.push_back(kvText(model, *kvType, b, workload));
    est.assumptions.push_back(fmt::format(
        "Per GPU: {} kept back for the driver context, plus llama.cpp's compute buffer with flash attention: a {} "
        "attention mask ({:g} tokens x {:g} cached x 2 bytes){}",
        gb(kDriverReserveGb), gb(b.mask / kBytesPerGb), b.microBatch, b.kvTokensFull,
        model.vocabSize > 0 ? fmt::format("; the card with the output layer also holds {} of logits ({:g} x {} x 4 "
                                          "bytes)",
                                          gb(b.logits / kBytesPerGb), b.microBatch, model.vocabSize)
                            : std::string()));
    est.assumptions.push_back(kUnitNote);
    if (!quant->llamaCpp) {
        est.assumptions.push_back(fmt::format("{}: {}", quant->id, quant->note));
        lower(est.confidence, Confidence::Medium);
    }
    if (kvType->id != "f16")
        est.assumptions.push_back(fmt::format("KV cache quantised to {} (llama.cpp -ctk {} -ctv {}; needs flash "
                                              "attention)",
                                              kvType->id, kvType->id, kvType->id));
    if (model.isMoe()) {
        est.assumptions.push_back(fmt::format("Mixture of experts: all {}B parameters are held in memory; {} of {} "
                                              "routed experts ({}B active parameters) are read per token",
                                              model.paramsB, model.expertsPerToken, model.expertCount,
                                              model.activeParamsB));
        lower(est.confidence, Confidence::Medium);
    }
    if (model.maxContext > 0 && workload.context > model.maxContext)
        est.assumptions.push_back(fmt::format("Context {} exceeds the model's trained maximum of {} tokens",
                                              workload.context, model.maxContext));
    if (custom) {
        est.assumptions.push_back(fmt::format("Custom model: {}", model.source));
        lower(est.confidence, Confidence::Low);
    }

    // --- 1. Everything on the GPUs: whole layers per GPU in proportion to VRAM (llama.cpp's layer
    // split); each card carries its layers' weights and KV cache, its reserve and mask; the last card
    // with layers holds the output head and the logits.
    const double gpuModelBytes = b.layerWeights + b.kv;
    const std::vector<int> split = splitLayers(model.layers, gpus);
    size_t lastCard = 0;
    for (size_t i = 0; i < split.size(); ++i) {
        if (split[i] > 0)
            lastCard = i;
    }
    double overheadBytes = 0;
    est.perGpuNeededGb.assign(gpus.size(), 0.0);
    for (size_t i = 0; i < gpus.size(); ++i) {
        double cardOverhead = kDriverReserveGb * kBytesPerGb;
        double cardBytes = split[i] / layers * gpuModelBytes;
        if (split[i] > 0)
            cardOverhead += b.mask;
        if (i == lastCard && split[i] > 0) {
            cardOverhead += b.logits;
            cardBytes += b.output;
        }
        overheadBytes += cardOverhead;
        est.perGpuNeededGb[i] = (cardBytes + cardOverhead) / kBytesPerGb;
    }
    if (std::all_of(split.begin(), split.end(), [](int n) { return n == 0; })) {
        overheadBytes = kDriverReserveGb * kBytesPerGb + b.mask + b.logits;
        if (!est.perGpuNeededGb.empty())
            est.perGpuNeededGb[0] = (gpuModelBytes + b.output + overheadBytes) / kBytesPerGb;
    }
    est.memory.overheadGb = overheadBytes / kBytesPerGb;
    est.vramNeededGb = est.memory.totalGb();
    if (gpus.size() > 1) {
        std::string layout;
        for (size_t i = 0; i < split.size(); ++i)
            layout += fmt::format("{}{}", i == 0 ? "" : " + ", split[i]);
        est.assumptions.push_back(fmt::format(
            "Layers split across the GPUs in proportion to VRAM (llama.cpp layer split): {} of {} layers", layout,
            model.layers));
    }
    checkPerCardFit(gpus, est);
    addVendorNotes(gpus, est);

    bool usedFp32 = false;
    const double attentionFlopsPerToken = 4.0 * layers * model.attentionHeads * model.headDim;  // x context
    const double prefillFlopsPerToken = 2.0 * model.activeParamsB * 1e9 + attentionFlopsPerToken * context / 2.0;
    const double layerOverhead =
        layers * kDecodeLayerOverheadS + (model.isMoe() ? model.moeLayers * kDecodeMoeLayerOverheadS : 0.0);

    const bool forced = workload.gpuLayers.has_value() || workload.cpuMoeLayers.has_value();
    if (forced && workload.cpuMoeLayers && !model.isMoe())
        fail(fmt::format("--n-cpu-moe needs a mixture-of-experts model; {} is dense", model.displayName));
    if (est.fits && !forced) {
        est.placement = "vram";
        est.gpuLayers = model.layers;
        est.llamaCppFlags = "-ngl 99";
        est.placementText = gpus.size() == 1 ? fmt::format("all {} layers on the GPU", model.layers)
                                             : fmt::format("all {} layers on the {} GPUs", model.layers, gpus.size());
        est.ramGbNeeded = b.tokenEmbd / kBytesPerGb;

        // Decode: per step every card reads its layers' share of the bytes read per token; at large
        // batch the matrix work can dominate instead. Cards run one after the other, with a hand-off.
        const double decodeFlopsPerStep = (2.0 * model.activeParamsB * 1e9 + attentionFlopsPerToken * context) * batch;
        double decodeTime = layerOverhead;
        double prefillTime = 0;
        bool decodeKnown = true;
        bool prefillKnown = true;
        int cardsUsed = 0;
        for (size_t i = 0; i < gpus.size(); ++i) {
            if (split[i] == 0)
                continue;
            ++cardsUsed;
            const double share = split[i] / layers;
            const std::optional<double> bandwidth = effectiveBandwidth(gpus[i]);
            const std::optional<double> tflops = effectiveTflops(gpus[i], kPrefillTensorUtilisation, usedFp32);
            if (!tflops)
                prefillKnown = false;
            else
                prefillTime += share * prefillFlopsPerToken / (*tflops * 1e12);
            if (!bandwidth) {
                decodeKnown = false;
                continue;
            }
            const double bytes = share * (b.decodeRead - b.output) + (i == lastCard ? b.output : 0.0);
            const double memoryTime = bytes / (*bandwidth * 1e9);
            const double computeTime = tflops ? share * decodeFlopsPerStep / (*tflops * 1e12) : 0.0;
            decodeTime += std::max(memoryTime, computeTime);
        }
        const bool nvlinkPair = gpus.size() == 2 && gpus[0].nvlink && gpus[1].nvlink;
        const double hop = nvlinkPair ? kHopNvlinkS : kHopPcieS;
        decodeTime += std::max(0, cardsUsed - 1) * hop;
        if (decodeKnown && decodeTime > 0)
            est.decodeTokensPerS = batch / decodeTime;
        if (prefillKnown && prefillTime > 0)
            est.prefillTokensPerS = 1.0 / prefillTime;
        est.figureValue = est.decodeTokensPerS;

        est.assumptions.push_back(fmt::format(
            "Decode: each step reads {} (the dense weights, {}the output head and the KV cache at {} tokens) at {:.0f}% "
            "of the memory bandwidth, plus {:.2f} ms of fixed per-layer work; fitted on llama-bench tg128 results{}",
            gb(b.decodeRead / kBytesPerGb), model.isMoe() ? "the active experts, " : "", workload.context,
            100 * kDecodeBandwidthEfficiency, layerOverhead * 1e3,
            workload.batch > 1 ? fmt::format("; tokens/s counts all {} sequences together", workload.batch)
                               : std::string()));
        if (cardsUsed > 1)
            est.assumptions.push_back(fmt::format(
                "Split layers run one card after another; each hand-off costs {:.2f} ms per token ({})", hop * 1e3,
                nvlinkPair ? "NVLink" : "PCIe"));
        est.assumptions.push_back(fmt::format(
            "Prefill: 2 x {}B active parameters plus attention FLOPs per prompt token, at {:.0f}% of the dense FP16 "
            "tensor peak",
            model.activeParamsB, 100 * kPrefillTensorUtilisation));
        if (!decodeKnown) {
            est.reason = "no decode speed: a GPU's memory bandwidth is unknown";
            lower(est.confidence, Confidence::Low);
        } else if (!prefillKnown) {
            est.reason = "no prefill speed: a GPU's compute throughput is unknown";
            lower(est.confidence, Confidence::Low);
        }
    } else {
        planOffload(model, *quant, b, workload, gpus, host, est, usedFp32, prefillFlopsPerToken, layerOverhead);
    }
    if (usedFp32) {
        est.assumptions.push_back(fmt::format(
            "A GPU without a known FP16 tensor figure is counted from its FP32 TFLOPS at {:.0f}% of that utilisation",
            100 * kFp32FallbackFactor));
        lower(est.confidence, Confidence::Low);
    }
    addPowerNote(gpus, est, true);
    return est;
}

// ---------------------------------------------------------------------------------------------

double loraAdapterParams(const ModelSpec& model, double params)
{
    const double h = model.hiddenSize;
    const double qDim = static_cast<double>(model.attentionHeads) * model.headDim;
    const double kvDim = static_cast<double>(model.kvHeads) * model.headDim;
    const double embedding = 2.0 * model.vocabSize * h;  // input embedding + output head
    const double attentionPerLayer = 2.0 * h * qDim + 2.0 * h * kvDim;
    const double mlpPerLayer = (params - embedding) / model.layers - attentionPerLayer;
    if (mlpPerLayer <= 0)
        return kAdapterFallbackFraction * params;
    const double intermediate = mlpPerLayer / (3.0 * h);  // gate, up and down projections
    const double perLayer =
        kLoraRank * (2.0 * (h + qDim) + 2.0 * (h + kvDim) + 3.0 * (h + intermediate));
    return perLayer * model.layers;
}

WorkloadEstimate estimateTraining(const Workload& workload, std::span<const GpuForWorkload> gpus)
{
    bool custom = false;
    const ModelSpec model = resolveModel(workload, custom);
    validateContextAndBatch(workload, true);
    const bool fromScratch = workload.kind == WorkloadKind::Training;
    const FineTuneMethod method = fromScratch ? FineTuneMethod::Full : workload.method;

    WorkloadEstimate est;
    est.kind = std::string(workloadKindId(workload.kind));
    est.modelName = model.displayName;
    est.figureOfMerit = "training tokens/s";
    est.confidence = Confidence::Medium;
    est.vramAvailableGb = totalVram(gpus);

    const double params = model.paramsB * 1e9;
    const double active = model.activeParamsB * 1e9;
    const double tokens = static_cast<double>(workload.context) * workload.batch;
    const double h = model.hiddenSize;

    double weightsBytes = 0;
    double stateBytes = 0;
    double flopsPerToken = 0;
    double speedFactor = 1.0;
    std::string methodText;
    if (method == FineTuneMethod::Full) {
        weightsBytes = kFullWeightBytes * params;
        stateBytes = kFullStateBytes * params;
        flopsPerToken = kFullFlopsPerParam * active;
        methodText = fmt::format("{}: 16 bytes per parameter (bf16 weights 2 + bf16 gradients 2 + fp32 Adam m, v 8 + "
                                 "fp32 master weights 4)",
                                 fromScratch ? "Training from scratch, like a full fine-tune" : "Full fine-tune");
    } else {
        const double adapter = loraAdapterParams(model, params);
        stateBytes = kAdapterBytesPerParam * adapter;
        flopsPerToken = kLoraFlopsPerParam * active;
        if (method == FineTuneMethod::Lora) {
            weightsBytes = kLoraBaseBytes * params;
            methodText = "LoRA: frozen bf16 base weights (2 bytes per parameter)";
        } else {
            weightsBytes = params * kQloraBaseBits / 8.0;
            speedFactor = kQloraSpeedFactor;
            methodText = fmt::format("QLoRA: 4-bit NF4 base weights at {:g} bits per parameter including quantisation "
                                     "constants; {:.0f}% slower than LoRA for dequantisation",
                                     kQloraBaseBits, 100 * (1 - kQloraSpeedFactor));
        }
        methodText += fmt::format("; rank-{} adapters on all projections = {:.0f}M parameters ({:.2f}%), 16 bytes each "
                                  "with gradients and Adam states",
                                  kLoraRank, adapter / 1e6, 100 * adapter / params);
    }
    const double activationBytes =
        tokens * h * (kActivationCheckpointBytes * model.layers + kActivationLayerBytes) +
        tokens * model.vocabSize * kTrainLogitsBytes;

    est.memory.weightsGb = weightsBytes / kBytesPerGb;
    est.memory.optimizerGb = stateBytes / kBytesPerGb;
    est.memory.activationsGb = activationBytes / kBytesPerGb;
    const double modelGb = est.memory.weightsGb + est.memory.optimizerGb + est.memory.activationsGb;

    est.assumptions.push_back(methodText);
    est.assumptions.push_back(fmt::format(
        "Activations with activation checkpointing: {} tokens x {} hidden x (2 bytes x {} layers + 34 bytes for the "
        "layer being recomputed){} = {}",
        tokens, model.hiddenSize, model.layers,
        model.vocabSize > 0 ? fmt::format(" + fp32 logits over {} vocabulary entries", model.vocabSize) : std::string(),
        gb(est.memory.activationsGb)));
    est.assumptions.push_back(fmt::format("Per GPU: {} for the CUDA context and allocator reserve",
                                          gb(kTrainingContextGb)));
    est.assumptions.push_back(kUnitNote);
    if (custom) {
        est.assumptions.push_back("Custom model: architecture as given in the build file");
        lower(est.confidence, Confidence::Low);
    }
    if (model.activeParamsB < model.paramsB)
        est.assumptions.push_back(fmt::format("Mixture of experts: compute follows the {}B active parameters",
                                              model.activeParamsB));

    // Layout: a full replica on every card (data parallel) when every card can hold one,
    // otherwise the model state is sharded evenly over the cards.
    const double replicaGb = modelGb + kTrainingContextGb;
    const bool replicaFitsEverywhere =
        !gpus.empty() &&
        std::all_of(gpus.begin(), gpus.end(), [replicaGb](const GpuForWorkload& g) { return g.vramGb >= replicaGb; });
    const size_t n = std::max<size_t>(gpus.size(), 1);
    const bool dataParallel = replicaFitsEverywhere || n == 1;
    double parallelEfficiency = 1.0;
    if (dataParallel) {
        est.memory.overheadGb = kTrainingContextGb;
        est.perGpuNeededGb.assign(gpus.size(), replicaGb);
        if (gpus.size() > 1) {
            parallelEfficiency = kDataParallelEfficiency;
            est.assumptions.push_back(fmt::format(
                "Data parallel: a full copy on each of the {} GPUs (the memory figures are per card), {:.0f}% scaling",
                gpus.size(), 100 * kDataParallelEfficiency));
        }
    } else {
        est.memory.overheadGb = kTrainingContextGb * static_cast<double>(n);
        est.perGpuNeededGb.assign(gpus.size(), modelGb / static_cast<double>(n) + kTrainingContextGb);
        parallelEfficiency = kModelSplitEfficiency;
        est.assumptions.push_back(fmt::format(
            "Model split: one copy does not fit a single card ({}), so weights, optimizer states and activations are "
            "sharded evenly over the {} GPUs (FSDP / pipeline), {:.0f}% scaling",
            gb(replicaGb), n, 100 * kModelSplitEfficiency));
    }
    est.vramNeededGb = est.memory.totalGb();
    checkPerCardFit(gpus, est);
    addVendorNotes(gpus, est);
    if (!est.fits)
        return est;

    bool usedFp32 = false;
    double tflops = 0;
    bool known = true;
    for (const GpuForWorkload& g : gpus) {
        if (const auto t = effectiveTflops(g, kTrainingMfu, usedFp32))
            tflops += *t;
        else
            known = false;
    }
    if (known && tflops > 0) {
        est.trainTokensPerS = tflops * 1e12 * parallelEfficiency * speedFactor / flopsPerToken;
        est.figureValue = est.trainTokensPerS;
    } else {
        est.reason = "no training speed: a GPU's compute throughput is unknown";
        lower(est.confidence, Confidence::Low);
    }
    est.assumptions.push_back(fmt::format(
        "Speed: {:g} x {}B active parameters FLOPs per token at {:.0f}% of the dense FP16 tensor peak (model FLOPs "
        "utilisation)",
        method == FineTuneMethod::Full ? kFullFlopsPerParam : kLoraFlopsPerParam, model.activeParamsB,
        100 * kTrainingMfu));
    if (usedFp32) {
        est.assumptions.push_back(fmt::format(
            "A GPU without a known FP16 tensor figure is counted from its FP32 TFLOPS at {:.0f}% of that utilisation",
            100 * kFp32FallbackFactor));
        lower(est.confidence, Confidence::Low);
    }
    addPowerNote(gpus, est, false);
    return est;
}

// ---------------------------------------------------------------------------------------------

bool isImageModelName(std::string_view name)
{
    const std::string folded = foldName(name);
    return folded.empty() || folded.find("sdxl") != std::string::npos ||
           folded.find("stablediffusionxl") != std::string::npos;
}

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

// ---------------------------------------------------------------------------------------------

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

ModelSpec resolveWorkloadModel(const Workload& workload, bool* custom)
{
    bool isCustom = false;
    ModelSpec m = resolveModel(workload, isCustom);
    if (custom)
        *custom = isCustom;
    return m;
}

WorkloadEstimate estimateWorkload(const Workload& workload, std::span<const GpuForWorkload> gpus,
                                  const HostForWorkload& host)
{
    validateGpus(gpus);
    if (!gpus.empty())
        return dispatch(workload, gpus, host);

    // No GPU: still validate the workload and report what it would need on one card.
    const GpuForWorkload phantom;
    WorkloadEstimate est = dispatch(workload, std::span<const GpuForWorkload>(&phantom, 1), HostForWorkload{});
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
