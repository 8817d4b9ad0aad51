// Workload model: how much GPU memory an ML job needs and how fast it runs on a set of GPUs.
//
// Units: every memory figure is in GB of 2^30 bytes (kBytesPerGb, see WorkloadModel.h), the same
// unit GPU makers use for VRAM, so a marketed "24 GB" card holds 24 of them. Parameter counts
// are plain (1e9 per "B"); bandwidth is 1e9 bytes/s and compute 1e12 FLOP/s as on spec sheets.
//
// Every constant below carries its reasoning; each estimate repeats the ones it used in
// WorkloadEstimate::assumptions so a reader can check the arithmetic.

#include "eval/WorkloadModel.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

#include "catalog/TextUtil.h"

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

// KV cache element size: llama.cpp's default cache type is f16 (2 bytes per element).
constexpr double kKvBytesPerElement = 2.0;
// Fixed per-GPU memory: CUDA context, cuBLAS workspace and llama.cpp's small fixed buffers.
// A CUDA context alone takes 0.3-0.5 GB depending on driver and GPU.
constexpr double kInferenceContextGb = 0.5;
// Attention scratch: without flash attention llama.cpp materialises the KQ score matrix of one
// layer for one micro-batch in f32: n_ubatch (default 512) x context x attention heads x 4 bytes.
// It is the part of llama.cpp's "compute buffer" that grows with context. With flash attention
// this buffer mostly disappears, so the figure is on the safe side.
constexpr int kMicroBatch = 512;
constexpr double kScratchBytesPerElement = 4.0;
// Output logits of one micro-batch (vocabulary x n_ubatch x f32), held on the last GPU.
constexpr double kLogitsBytesPerElement = 4.0;
// Fraction of the spec-sheet memory bandwidth a decode step achieves. llama.cpp benchmarks on an
// RTX 3090 (936 GB/s) run an 8B q4_k_m model (~4.9 GB) at ~110-130 tokens/s, i.e. 0.6-0.7 of
// peak; an RTX 4090 (1008 GB/s) at ~130-150 tokens/s. Large models reach the upper end.
constexpr double kDecodeBandwidthEfficiency = 0.70;
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

WorkloadEstimate estimateInference(const Workload& workload, std::span<const GpuForWorkload> gpus)
{
    bool custom = false;
    const ModelSpec model = resolveModel(workload, custom);
    const QuantSpec* quant = findQuantPreset(workload.quant);
    if (!quant)
        fail(fmt::format("unknown quantisation '{}' (known: {})", workload.quant, quantList()));
    validateContextAndBatch(workload, true);

    WorkloadEstimate est;
    est.kind = std::string(workloadKindId(workload.kind));
    est.modelName = model.displayName;
    est.figureOfMerit = "decode tokens/s";
    est.confidence = Confidence::High;
    est.vramAvailableGb = totalVram(gpus);

    const double params = model.paramsB * 1e9;
    const double active = model.activeParamsB * 1e9;
    const double bytesPerWeight = quant->bitsPerWeight / 8.0;
    const double context = workload.context;
    const double batch = workload.batch;
    const double layers = model.layers;

    const double weightsBytes = params * bytesPerWeight;
    const double kvBytes = 2.0 * layers * model.kvHeads * model.headDim * context * batch * kKvBytesPerElement;
    const double microBatch = std::min<double>(kMicroBatch, context * batch);
    const double scratchBytes = microBatch * context * model.attentionHeads * kScratchBytesPerElement;
    const double logitsBytes = microBatch * model.vocabSize * kLogitsBytesPerElement;

    est.memory.weightsGb = weightsBytes / kBytesPerGb;
    est.memory.kvCacheGb = kvBytes / kBytesPerGb;

    est.assumptions.push_back(fmt::format("Weights: {}B parameters x {:g} bits ({}) / 8 = {}", model.paramsB,
                                          quant->bitsPerWeight, quant->id, gb(est.memory.weightsGb)));
    est.assumptions.push_back(fmt::format(
        "KV cache: 2 (K and V) x {} layers x {} KV heads x {} head dim x {} tokens x {} sequence{} x 2 bytes (f16) = {}",
        model.layers, model.kvHeads, model.headDim, workload.context, workload.batch, workload.batch == 1 ? "" : "s",
        gb(est.memory.kvCacheGb)));
    est.assumptions.push_back(fmt::format(
        "Per GPU: {} for the CUDA context and fixed buffers, plus {} attention scratch ({} tokens x {} context x {} "
        "heads x 4 bytes, flash attention off){}",
        gb(kInferenceContextGb), gb(scratchBytes / kBytesPerGb), microBatch, workload.context, model.attentionHeads,
        model.vocabSize > 0 ? fmt::format("; the last GPU also holds {} of output logits", gb(logitsBytes / kBytesPerGb))
                            : std::string()));
    est.assumptions.push_back(kUnitNote);
    if (model.activeParamsB < model.paramsB) {
        est.assumptions.push_back(fmt::format("Mixture of experts: all {}B parameters are held in memory, {}B are read "
                                              "per token",
                                              model.paramsB, model.activeParamsB));
        lower(est.confidence, Confidence::Medium);
    }
    if (model.maxContext > 0 && workload.context > model.maxContext)
        est.assumptions.push_back(fmt::format("Context {} exceeds the model's trained maximum of {} tokens",
                                              workload.context, model.maxContext));
    if (custom) {
        est.assumptions.push_back("Custom model: architecture as given in the build file");
        lower(est.confidence, Confidence::Low);
    }

    // Layout: whole layers per GPU in proportion to VRAM; each card carries its layers' weights and
    // KV cache and its own runtime overhead; the last card with layers holds the output logits.
    const std::vector<int> split = splitLayers(model.layers, gpus);
    size_t lastCard = 0;
    for (size_t i = 0; i < split.size(); ++i) {
        if (split[i] > 0)
            lastCard = i;
    }
    double overheadBytes = 0;
    est.perGpuNeededGb.assign(gpus.size(), 0.0);
    for (size_t i = 0; i < gpus.size(); ++i) {
        double cardOverhead = kInferenceContextGb * kBytesPerGb;
        if (split[i] > 0)
            cardOverhead += scratchBytes;
        if (i == lastCard && split[i] > 0)
            cardOverhead += logitsBytes;
        overheadBytes += cardOverhead;
        const double share = split[i] / layers;
        est.perGpuNeededGb[i] = (share * (weightsBytes + kvBytes) + cardOverhead) / kBytesPerGb;
    }
    if (std::all_of(split.begin(), split.end(), [](int n) { return n == 0; })) {
        // No card can take a layer (no VRAM known): report the single-card need.
        overheadBytes = kInferenceContextGb * kBytesPerGb + scratchBytes + logitsBytes;
        if (!est.perGpuNeededGb.empty())
            est.perGpuNeededGb[0] = (weightsBytes + kvBytes + overheadBytes) / kBytesPerGb;
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
    if (!est.fits) {
        est.reason += "; offloading the remaining layers to system RAM (llama.cpp -ngl) still runs, but at a few "
                      "tokens/s limited by RAM bandwidth";
        return est;
    }

    // Decode: per step every card reads its layers' share of the active weights and of the KV
    // cache (full context); at large batch the matrix work can dominate instead. Cards run one
    // after the other, with a hand-off between them.
    const double attentionFlopsPerToken = 4.0 * layers * model.attentionHeads * model.headDim;  // x context
    const double decodeFlopsPerStep = (2.0 * active + attentionFlopsPerToken * context) * batch;
    const double prefillFlopsPerToken = 2.0 * active + attentionFlopsPerToken * context / 2.0;
    const double activeBytes = active * bytesPerWeight;
    double decodeTime = 0;
    double prefillTime = 0;
    bool decodeKnown = true;
    bool prefillKnown = true;
    bool usedFp32 = false;
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
        const double memoryTime = share * (activeBytes + kvBytes) / (*bandwidth * 1e9);
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
        "Decode: each step reads the active weights ({}) and the whole KV cache at {} tokens once, at {:.0f}% of "
        "the memory bandwidth (llama.cpp reaches 0.6-0.75 of peak; an RTX 3090 decodes an 8B q4_k_m model at "
        "~110-130 tokens/s){}",
        gb(activeBytes / kBytesPerGb), workload.context, 100 * kDecodeBandwidthEfficiency,
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
    if (usedFp32) {
        est.assumptions.push_back(fmt::format(
            "A GPU without a known FP16 tensor figure is counted from its FP32 TFLOPS at {:.0f}% of that utilisation",
            100 * kFp32FallbackFactor));
        lower(est.confidence, Confidence::Low);
    }
    if (!decodeKnown) {
        est.reason = "no decode speed: a GPU's memory bandwidth is unknown";
        lower(est.confidence, Confidence::Low);
    } else if (!prefillKnown) {
        est.reason = "no prefill speed: a GPU's compute throughput is unknown";
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

WorkloadEstimate dispatch(const Workload& workload, std::span<const GpuForWorkload> gpus)
{
    switch (workload.kind) {
    case WorkloadKind::LlmInference: return estimateInference(workload, gpus);
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

WorkloadEstimate estimateWorkload(const Workload& workload, std::span<const GpuForWorkload> gpus)
{
    validateGpus(gpus);
    if (!gpus.empty())
        return dispatch(workload, gpus);

    // No GPU: still validate the workload and report what it would need on one card.
    const GpuForWorkload phantom;
    WorkloadEstimate est = dispatch(workload, std::span<const GpuForWorkload>(&phantom, 1));
    est.fits = false;
    est.reason = "no GPU in the build";
    est.vramAvailableGb = 0;
    est.perGpuNeededGb.clear();
    est.decodeTokensPerS.reset();
    est.prefillTokensPerS.reset();
    est.trainTokensPerS.reset();
    est.imagesPerMinute.reset();
    est.figureValue.reset();
    est.confidence = Confidence::Low;
    return est;
}

}  // namespace mlrig
