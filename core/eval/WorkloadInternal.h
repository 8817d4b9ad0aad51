#pragma once

// Internal to core/eval (only the Workload*.cpp files include it): the helpers the workload
// estimates share, and one estimate per kind of workload, the way Rules.h fronts the Rules*.cpp
// files. WorkloadModel.cpp holds the shared helpers and dispatches on the workload kind;
// WorkloadInference.cpp estimates LLM inference (memory, fit, offload, decode, prefill),
// WorkloadTraining.cpp fine-tuning and training, WorkloadImage.cpp image generation.

#include <optional>
#include <span>
#include <string>

#include "core/eval/WorkloadModel.h"

namespace mlrig::workloadmodel {

// Decode on a GPU streams the weights read per token (all dense tensors, the active experts,
// the output head and the KV cache; the input embedding stays in RAM and only one row is read)
// at a fraction of the spec-sheet bandwidth, plus a fixed cost per layer and token for the small
// kernels (norms, RoPE, attention, router) that do not scale with bytes. Fitted on the llama-bench
// tg128 scoreboard of ggml-org/llama.cpp discussion #15013 (Llama 2 7B Q4_0 on 20 CUDA consumer and
// workstation GPUs, see tests/data/llamacpp-decode-measured.csv): least squares on 1/tokens/s.
inline constexpr double kDecodeBandwidthEfficiency = 0.66;
inline constexpr double kDecodeLayerOverheadS = 2.0e-6;
// Fraction of the dense FP16 tensor peak (FP32 accumulate) reached while processing a prompt.
// llama.cpp's pp512 results for 8B models on RTX 30/40 cards reach 0.6-0.9 of that peak with its
// int8 matrix kernels; longer prompts and other runtimes do worse, so a middle value is used.
inline constexpr double kPrefillTensorUtilisation = 0.50;

// Without tensor cores (or without a known tensor figure) FP16 work runs on the shader cores:
// the FP32 TFLOPS figure is used with this fraction of the tensor utilisation.
inline constexpr double kFp32FallbackFactor = 0.70;

inline constexpr const char* kUnitNote =
    "Memory in GB of 2^30 bytes; a card's VRAM counts at its marketed size in the same unit";

[[noreturn]] void fail(const std::string& message);  // throws std::invalid_argument
std::string gb(double value);                         // "12.3 GB"
std::string plainNumber(double value);                // "24", "7.5"
void lower(Confidence& confidence, Confidence to);     // to `to`, unless it is lower already
double totalVram(std::span<const GpuForWorkload> gpus);
// Usable compute of one GPU in TFLOP/s for a workload with the given tensor utilisation,
// applying the power limit and the vendor factor. Sets usedFp32 when the FP32 figure stood in.
std::optional<double> effectiveTflops(const GpuForWorkload& gpu, double tensorUtilisation, bool& usedFp32);
// Usable decode bandwidth of one GPU in GB/s (1e9 bytes/s).
std::optional<double> effectiveBandwidth(const GpuForWorkload& gpu);
// How much longer a MoE layer's fixed decode work takes on these GPUs than on CUDA (>= 1).
double moeLayerOverheadFactor(std::span<const GpuForWorkload> gpus);
void validateContextAndBatch(const Workload& workload, bool checkContext);
// The model of an LLM workload: a custom architecture when the workload carries one, else a
// preset. Throws for an unknown name.
ModelSpec resolveModel(const Workload& workload, bool& custom);
void addVendorNotes(std::span<const GpuForWorkload> gpus, WorkloadEstimate& est);
void addPowerNote(std::span<const GpuForWorkload> gpus, WorkloadEstimate& est, bool mentionDecode);
// Fills fits and reason from est.perGpuNeededGb against each card's VRAM.
void checkPerCardFit(std::span<const GpuForWorkload> gpus, WorkloadEstimate& est);

// Achieved speed of one GPU for training and image generation (WorkloadThroughput.cpp): a roofline of
// tensor throughput and memory traffic with an achieved-efficiency factor per architecture and
// software stack, calibrated on tests/data/training-measured.csv and image-generation-measured.csv.
enum class SpeedKind { Training, Image };
struct AchievedSpeed {
    double secondsPerTflop = 0;  // wall time per TFLOP of model work
    bool memoryBound = false;    // the memory term outweighs the tensor term
    double boundShare = 0;       // share of the time the dominant term takes
    double factor = 1.0;         // achieved-efficiency factor of the architecture and software stack
    std::string basis;           // where that factor comes from
    std::string precision;       // "bf16 mixed precision", "fp16", ...
    bool usedFallback = false;   // no tensor figure: the FP32 (or packed FP16) rate stood in
    Confidence confidence = Confidence::Medium;  // distance from the calibration cards
};
std::optional<AchievedSpeed> achievedSpeed(const GpuForWorkload& gpu, SpeedKind kind);
// "GeForce RTX 3090: compute bound (66% of the time), bf16 mixed precision; efficiency x1, ..."
std::string describeSpeed(const AchievedSpeed& speed, const GpuForWorkload& gpu);
// The link data-parallel training all-reduces gradients over (the slowest card's), GB/s.
struct Interconnect {
    double gbs = 0;
    std::string text;
};
Interconnect interconnect(std::span<const GpuForWorkload> gpus);

// The estimates, one per kind of workload. Each validates its own inputs and throws
// std::invalid_argument with a message naming the value.
WorkloadEstimate estimateInference(const Workload& workload, std::span<const GpuForWorkload> gpus,
                                   const HostForWorkload& host);
WorkloadEstimate estimateTraining(const Workload& workload, std::span<const GpuForWorkload> gpus);
WorkloadEstimate estimateImage(const Workload& workload, std::span<const GpuForWorkload> gpus);

}  // namespace mlrig::workloadmodel
