// The fine-tuning and training estimate (PyTorch, mixed precision, AdamW): weights, optimiser
// state, adapters and activations per card, and training tokens/s from the model FLOPs.

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "core/util/TextUtil.h"
#include "core/eval/WorkloadInternal.h"

namespace mlrig::workloadmodel {
namespace {

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
// FLOPs per token: forward 2 x params, backward 4 x params for a full fine-tune (6N, Kaplan et
// al. 2020). LoRA skips the base weights' gradients, leaving ~4 x params.
constexpr double kFullFlopsPerParam = 6.0;
constexpr double kLoraFlopsPerParam = 4.0;
// QLoRA computes with bf16 weights: bitsandbytes' matmul_4bit dequantises each 4-bit weight
// matrix into a bf16 buffer before the matmul, in the forward pass, in its recomputation under
// activation checkpointing and in the backward pass, so every step moves 3 x (4.5 / 8 read + 2
// written) bytes per base parameter through memory, at the card's streaming bandwidth. That costs
// little when a step holds thousands of tokens (1.6% in a measured TinyLlama run of 4 x 1024 tokens
// on an RTX 3090, 0.1% on an RX 7900 XTX: tests/data/training-measured.csv, where this term gives
// 1.7% and 1.3%) and much more with one short sequence per step. It replaced a flat "20% slower
// than LoRA" that nothing measured.
constexpr double kQloraDequantPasses = 3.0;
constexpr double kQloraDequantBytesPerParam = kQloraBaseBits / 8.0 + 2.0;
// Multi-GPU: data parallel (a full replica per card) pays the gradient all-reduce over the link
// (WorkloadThroughput.cpp's interconnect()); splitting the model (FSDP sharding or pipeline stages)
// keeps ~60% per card.
constexpr double kModelSplitEfficiency = 0.60;

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

}  // namespace

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
    double dequantBytesPerStep = 0;  // QLoRA: weights dequantised to bf16, per step and per replica
    double trainableParams = params;  // what the gradients (and their all-reduce) cover
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
        trainableParams = adapter;
        stateBytes = kAdapterBytesPerParam * adapter;
        flopsPerToken = kLoraFlopsPerParam * active;
        if (method == FineTuneMethod::Lora) {
            weightsBytes = kLoraBaseBytes * params;
            methodText = "LoRA: frozen bf16 base weights (2 bytes per parameter)";
        } else {
            weightsBytes = params * kQloraBaseBits / 8.0;
            dequantBytesPerStep = kQloraDequantPasses * kQloraDequantBytesPerParam * params;
            methodText = fmt::format("QLoRA: 4-bit NF4 base weights at {:g} bits per parameter including quantisation "
                                     "constants, dequantised to bf16 in the forward pass, its recomputation and the "
                                     "backward pass: {} of memory traffic per step",
                                     kQloraBaseBits, gb(dequantBytesPerStep / kBytesPerGb));
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
        if (gpus.size() > 1)
            est.assumptions.push_back(fmt::format(
                "Data parallel: a full copy on each of the {} GPUs (the memory figures are per card)", gpus.size()));
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
    if (!est.fits)
        return est;

    // Speed: the model FLOPs per token over each card's achieved time per TFLOP (WorkloadThroughput.cpp).
    const double tflopPerToken = flopsPerToken / 1e12;
    // Seconds one card spends per step dequantising its share of the QLoRA base weights.
    const auto dequantSeconds = [&](const GpuForWorkload& g, double share) {
        const std::optional<double> bandwidth = effectiveBandwidth(g);
        return dequantBytesPerStep > 0 && bandwidth ? dequantBytesPerStep * share / (*bandwidth * 1e9) : 0.0;
    };
    std::vector<AchievedSpeed> speeds;
    for (const GpuForWorkload& g : gpus) {
        if (const auto s = achievedSpeed(g, SpeedKind::Training))
            speeds.push_back(*s);
    }
    est.assumptions.push_back(fmt::format(
        "Speed: {:g} x {}B active parameters FLOPs per token, on a roofline of 70% of the dense FP16/BF16 tensor "
        "peak plus {:g} GB of memory traffic per TFLOP, times each architecture's measured efficiency{}",
        method == FineTuneMethod::Full ? kFullFlopsPerParam : kLoraFlopsPerParam, model.activeParamsB, 9.7,
        dequantBytesPerStep > 0 ? "; plus the QLoRA dequantisation traffic at each card's streaming bandwidth"
                                : ""));
    std::vector<std::string> described;
    for (size_t i = 0; i < speeds.size(); ++i) {
        std::string text = describeSpeed(speeds[i], gpus[i]);
        if (std::find(described.begin(), described.end(), text) == described.end())
            described.push_back(std::move(text));
    }
    for (std::string& text : described)
        est.assumptions.push_back(std::move(text));
    if (speeds.size() != gpus.size() || speeds.empty()) {
        est.reason = "no training speed: a GPU's tensor throughput or memory bandwidth is unknown";
        lower(est.confidence, Confidence::Low);
        addPowerNote(gpus, est, false);
        return est;
    }
    Confidence worst = Confidence::High;
    for (const AchievedSpeed& s : speeds)
        lower(worst, s.confidence);
    if (worst == Confidence::High && est.confidence == Confidence::Medium && !custom)
        est.confidence = Confidence::High;  // a calibration card: only the memory side stays an estimate
    lower(est.confidence, worst);

    if (dataParallel) {
        // Every card runs `tokens` per step in lockstep (the slowest sets the pace), then the gradients
        // of the trainable parameters (bf16, 2 bytes each) are all-reduced: 2 (n - 1) / n of them cross
        // the link per card (ring all-reduce).
        double computeS = 0;
        for (size_t i = 0; i < speeds.size(); ++i)
            computeS = std::max(computeS, tokens * tflopPerToken * speeds[i].secondsPerTflop + dequantSeconds(gpus[i], 1.0));
        double commS = 0;
        if (gpus.size() > 1) {
            const Interconnect link = interconnect(gpus);
            const double nGpus = static_cast<double>(gpus.size());
            const double gradientBytes = 2.0 * trainableParams;
            commS = 2.0 * (nGpus - 1) / nGpus * gradientBytes / (link.gbs * 1e9);
            parallelEfficiency = computeS / (computeS + commS);
            est.assumptions.push_back(fmt::format(
                "{}: all-reducing {} of bf16 gradients takes {:.0f} ms per step against {:.0f} ms of compute "
                "({} tokens per card), {:.0f}% scaling",
                link.text, gb(gradientBytes / kBytesPerGb), 1000 * commS, 1000 * computeS, tokens,
                100 * parallelEfficiency));
        }
        est.trainTokensPerS = static_cast<double>(gpus.size()) * tokens / (computeS + commS);
    } else {
        // Each card works through `tokens` per step on its shard, dequantising only that shard.
        double sum = 0;
        for (size_t i = 0; i < speeds.size(); ++i) {
            const double share = 1.0 / static_cast<double>(n);
            sum += 1.0 / (tflopPerToken * speeds[i].secondsPerTflop + dequantSeconds(gpus[i], share) / tokens);
        }
        est.trainTokensPerS = sum * parallelEfficiency;
    }
    est.figureValue = est.trainTokensPerS;
    if (std::any_of(speeds.begin(), speeds.end(), [](const AchievedSpeed& s) { return s.usedFallback; })) {
        est.assumptions.push_back(fmt::format(
            "A GPU without a known FP16 tensor figure is counted from its FP32 rate at {:.0f}% (twice that for AMD's "
            "packed FP16)",
            100 * kFp32FallbackFactor));
    }
    addPowerNote(gpus, est, false);
    return est;
}

}  // namespace mlrig::workloadmodel
