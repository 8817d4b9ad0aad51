// Achieved throughput of one GPU for training and image generation: a roofline of tensor throughput
// and memory traffic, times an achieved-efficiency factor per architecture and software stack that
// is fitted on, and checked against, published measurements (tests/data/training-measured.csv and
// tests/data/image-generation-measured.csv, TrainingImageValidationTest). Also the interconnect
// between cards that data-parallel training all-reduces its gradients over.

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "core/util/TextUtil.h"
#include "core/eval/WorkloadInternal.h"

namespace mlrig::workloadmodel {
namespace {

// ---------------------------------------------------------------------------------------------
// The roofline. Time per TFLOP of model work = 1 / (kTensorEfficiency x tensor TFLOPS) for the
// matrix multiplies + bytes moved per TFLOP / bandwidth for everything the tensor cores do not do
// (norms, activations, softmax, optimizer update, attention and weight traffic), all divided by the
// architecture's achieved-efficiency factor.
//
// The matrix multiplies are taken at 70% of the dense tensor peak (a large-GEMM efficiency, held fixed
// rather than fitted: the two terms below are not separable on the measured cards otherwise).
constexpr double kTensorEfficiency = 0.70;
// Bytes moved per TFLOP of work, least-squares fit (relative error) on Lambda's PyTorch training
// benchmarks (github.com/lambdal/deeplearning-benchmark, pytorch/pytorch-train-throughput-fp16.csv:
// BERT-large SQuAD fine-tune, fp16 AMP) over RTX 3090, RTX A6000, RTX 6000 Ada, RTX 4090, A100 40/80GB
// PCIe and H100 PCIe. With it the 2.3x tensor-peak gap between an RTX 4090 and an RTX 3090 shrinks to
// the measured 1.8x, and an H100 PCIe lands at the measured 3.9x instead of 10.6x.
constexpr double kTrainingGbPerTflop = 9.7;
// Image generation (diffusion sampling) uses the same traffic per TFLOP: fitted on its own, the SD 1.5
// submissions of the AUTOMATIC1111 system-info benchmark (see ImageModelPresets.cpp) give 4 to 10 GB per
// TFLOP at the same error (8-9%), so the training figure is kept for both.
constexpr double kImageGbPerTflop = kTrainingGbPerTflop;
// Without a tensor figure the FP32 rate stands in (kFp32FallbackFactor of it); AMD RDNA 1/2 run FP16
// as packed math at twice the FP32 rate (AMD's spec sheets list RDNA 2 FP16 at 2x FP32).
constexpr double kAmdPackedFp16 = 2.0;

struct EfficiencyRow {
    SpeedKind kind;
    Vendor vendor;
    const char* architecture;  // "" = any
    GpuClass gpuClass;         // Unknown = any
    double factor;
    bool measured;             // fitted on measurements of this architecture
    const char* basis;
};

// First match wins. "measured" rows were fitted on the measurement tables named in the basis.
constexpr EfficiencyRow kEfficiency[] = {
    {SpeedKind::Training, Vendor::Nvidia, "Ampere", GpuClass::Unknown, 1.0, true,
     "CUDA, fitted on Lambda's PyTorch training benchmarks (RTX 3090, RTX A6000, A100)"},
    {SpeedKind::Training, Vendor::Nvidia, "Ada Lovelace", GpuClass::Unknown, 1.0, true,
     "CUDA, fitted on Lambda's PyTorch training benchmarks (RTX 4090, RTX 6000 Ada)"},
    {SpeedKind::Training, Vendor::Nvidia, "Hopper", GpuClass::Unknown, 1.0, true,
     "CUDA, fitted on Lambda's PyTorch training benchmarks (H100 PCIe)"},
    {SpeedKind::Training, Vendor::Nvidia, "", GpuClass::Unknown, 1.0, false,
     "CUDA, as the measured Ampere/Ada/Hopper cards (this architecture has no training measurement)"},
    // Checked, not fitted: in one LLaMA-Factory run (TinyLlama 1.1B LoRA and QLoRA, fp16, 4 x 1024 tokens;
    // github.com/AUGMXNT/rdna3-training-tests, 2024-02-18) an RX 7900 XTX trained at 0.80x the same run's
    // RTX 3090, where this factor gives 0.84x (tests/data/training-measured.csv).
    {SpeedKind::Training, Vendor::Amd, "RDNA 3", GpuClass::Unknown, 0.60, true,
     "ROCm, 60% of CUDA's: fewer tuned kernels; checked on an RX 7900 XTX LoRA/QLoRA run beside an RTX 3090 "
     "(0.80x measured, 0.84x estimated)"},
    {SpeedKind::Training, Vendor::Amd, "", GpuClass::Unknown, 0.60, false,
     "ROCm, assumed 60% of CUDA's as on RDNA 3: fewer tuned kernels (this architecture has no training "
     "measurement)"},
    {SpeedKind::Training, Vendor::Intel, "", GpuClass::Unknown, 0.30, false,
     "oneAPI/IPEX, as measured for image generation on an A770 (no training measurement of an Arc)"},
    {SpeedKind::Image, Vendor::Nvidia, "", GpuClass::Datacenter, 0.45, true,
     "CUDA datacenter boards run batch-1 diffusion far from their tensor peak: fitted on A100 and T4 "
     "(AUTOMATIC1111 benchmark submissions)"},
    {SpeedKind::Image, Vendor::Nvidia, "Turing", GpuClass::Unknown, 1.0, true,
     "CUDA, fitted on AUTOMATIC1111 benchmark submissions (RTX 2060 to 2080 Ti)"},
    {SpeedKind::Image, Vendor::Nvidia, "Ampere", GpuClass::Unknown, 1.0, true,
     "CUDA, fitted on AUTOMATIC1111 benchmark submissions and diffusers runs (RTX 3060 to 3090 Ti)"},
    {SpeedKind::Image, Vendor::Nvidia, "Ada Lovelace", GpuClass::Unknown, 1.0, true,
     "CUDA, fitted on AUTOMATIC1111 benchmark submissions and diffusers runs (RTX 4070 to 4090)"},
    {SpeedKind::Image, Vendor::Nvidia, "", GpuClass::Unknown, 1.0, false,
     "CUDA, as the measured Turing/Ampere/Ada cards (this architecture has no image measurement)"},
    {SpeedKind::Image, Vendor::Amd, "RDNA 3", GpuClass::Unknown, 0.625, true,
     "ROCm, fitted on AUTOMATIC1111 benchmark submissions (RX 7900 XT and XTX)"},
    {SpeedKind::Image, Vendor::Amd, "RDNA 2", GpuClass::Unknown, 1.1, true,
     "ROCm on packed FP16 (no matrix cores), fitted on AUTOMATIC1111 benchmark submissions and ComfyUI runs "
     "(RX 6800 XT, 6900 XT)"},
    {SpeedKind::Image, Vendor::Amd, "", GpuClass::Unknown, 0.625, false,
     "ROCm, as the measured RDNA 3 cards (this architecture has no image measurement)"},
    {SpeedKind::Image, Vendor::Intel, "", GpuClass::Unknown, 0.30, true,
     "oneAPI/IPEX, fitted on one approximate A770 report (AUTOMATIC1111 --use-ipex, ~3 s per 20-step SD 1.5 "
     "image)"},
};

// The cards each kind was calibrated on (the measurement tables' GPUs): a card in this list gets high
// confidence, one of a measured architecture medium, anything else low.
constexpr const char* kTrainingCalibrated[] = {"GeForce RTX 3090", "RTX A6000", "RTX 6000 Ada", "GeForce RTX 4090",
                                               "A100 80GB", "A100 40GB", "H100 PCIe"};
constexpr const char* kImageCalibrated[] = {
    "GeForce RTX 4090", "GeForce RTX 4080", "GeForce RTX 4070 Ti", "GeForce RTX 4070", "GeForce RTX 3090 Ti",
    "GeForce RTX 3090", "GeForce RTX 3080 Ti", "GeForce RTX 3080 10GB", "GeForce RTX 3060 Ti", "GeForce RTX 3060 12GB",
    "GeForce RTX 2080 Ti", "GeForce RTX 2080 Super", "GeForce RTX 2060", "A100 80GB", "Tesla T4",
    "Radeon RX 7900 XTX", "Radeon RX 7900 XT", "Radeon RX 6900 XT", "Radeon RX 6800 XT", "Arc A770 16GB"};

const EfficiencyRow* efficiencyRow(const GpuForWorkload& gpu, SpeedKind kind)
{
    for (const EfficiencyRow& row : kEfficiency) {
        if (row.kind != kind || row.vendor != gpu.vendor)
            continue;
        if (*row.architecture && !equalsIgnoreCase(row.architecture, gpu.architecture))
            continue;
        if (row.gpuClass != GpuClass::Unknown && row.gpuClass != gpu.gpuClass)
            continue;
        return &row;
    }
    return nullptr;
}

bool calibratedCard(const GpuForWorkload& gpu, SpeedKind kind)
{
    const auto check = [&](const auto& list) {
        return std::any_of(std::begin(list), std::end(list), [&](const char* name) {
            return equalsFolded(name, gpu.chipModel) || equalsFolded(name, gpu.name);
        });
    };
    return kind == SpeedKind::Training ? check(kTrainingCalibrated) : check(kImageCalibrated);
}

bool anyOf(std::string_view value, std::initializer_list<std::string_view> list)
{
    return std::any_of(list.begin(), list.end(), [&](std::string_view s) { return equalsIgnoreCase(s, value); });
}

std::string precisionText(const GpuForWorkload& gpu, SpeedKind kind, bool tensor)
{
    const std::string& arch = gpu.architecture;
    if (kind == SpeedKind::Image)
        return tensor ? "fp16" : gpu.vendor == Vendor::Amd ? "fp16 (packed math)" : "fp32 (no tensor cores)";
    if (!tensor)
        return gpu.vendor == Vendor::Amd ? "fp16 mixed precision on packed math (no bf16 matrix cores)"
                                         : "fp32 (no tensor cores; fp16 is no faster on this chip)";
    if (gpu.vendor == Vendor::Nvidia && anyOf(arch, {"Turing", "Volta"}))
        return "fp16 mixed precision with loss scaling (no bf16 before Ampere)";
    return "bf16 mixed precision";
}

}  // namespace

std::optional<AchievedSpeed> achievedSpeed(const GpuForWorkload& gpu, SpeedKind kind)
{
    const bool tensor = gpu.fp16TensorTflops && *gpu.fp16TensorTflops > 0;
    double peak = 0;
    if (tensor)
        peak = *gpu.fp16TensorTflops;
    else if (gpu.fp32Tflops && *gpu.fp32Tflops > 0)
        peak = *gpu.fp32Tflops * kFp32FallbackFactor * (gpu.vendor == Vendor::Amd ? kAmdPackedFp16 : 1.0);
    if (!(peak > 0) || !gpu.memoryBandwidthGbs || !(*gpu.memoryBandwidthGbs > 0))
        return std::nullopt;

    AchievedSpeed s;
    s.usedFallback = !tensor;
    s.precision = precisionText(gpu, kind, tensor);
    // A power limit slows the cores, not the memory clock: it scales the compute term only.
    const double computeS = 1.0 / (kTensorEfficiency * peak * gpu.performanceScale);
    const double trafficGb = kind == SpeedKind::Training ? kTrainingGbPerTflop : kImageGbPerTflop;
    const double memoryS = trafficGb / *gpu.memoryBandwidthGbs;
    s.memoryBound = memoryS > computeS;
    s.boundShare = std::max(computeS, memoryS) / (computeS + memoryS);
    const EfficiencyRow* row = efficiencyRow(gpu, kind);
    s.factor = row ? row->factor : 0.5;
    s.basis = row ? row->basis : "unknown vendor: assumed 50% of CUDA's";
    s.secondsPerTflop = (computeS + memoryS) / s.factor;
    if (calibratedCard(gpu, kind))
        s.confidence = Confidence::High;
    else if (row && row->measured)
        s.confidence = Confidence::Medium;
    else
        s.confidence = Confidence::Low;
    if (!tensor)
        lower(s.confidence, Confidence::Medium);
    return s;
}

std::string describeSpeed(const AchievedSpeed& s, const GpuForWorkload& gpu)
{
    return fmt::format("{}: {} bound ({:.0f}% of the time), {}; efficiency x{:g}, {}",
                       gpu.name.empty() ? std::string("GPU") : gpu.name, s.memoryBound ? "memory" : "compute",
                       100 * s.boundShare, s.precision, s.factor, s.basis);
}

Interconnect interconnect(std::span<const GpuForWorkload> gpus)
{
    // Effective all-reduce bandwidth (GB/s of gradient) between cards. PCIe 4.0 x16: 6 GB/s, fitted on
    // Lambda's two-card BERT-large runs (RTX 3090, RTX 4090, RTX A6000, A100 PCIe pairs scale 1.49x to
    // 1.76x; the all-reduce is staged through host memory where peer-to-peer is off). PCIe 5.0 doubles
    // the link rate (Hopper, Blackwell), PCIe 3.0 halves it (Volta, Turing and older), x8 halves it. An
    // NVLink bridge (56 GB/s each way on RTX 3090/A6000, NVIDIA NVLink bridge spec) gives ~40 GB/s.
    constexpr double kPcie4x16Gbs = 6.0;
    constexpr double kNvlinkGbs = 40.0;
    Interconnect link;
    if (gpus.size() < 2)
        return link;
    const bool nvlink = std::all_of(gpus.begin(), gpus.end(), [&](const GpuForWorkload& g) {
        return g.nvlink && g.name == gpus.front().name;
    });
    if (nvlink) {
        link.gbs = kNvlinkGbs;
        link.text = fmt::format("NVLink bridge assumed between the cards (~{:g} GB/s effective)", kNvlinkGbs);
        return link;
    }
    double worst = 1e300;
    std::string worstText;
    for (const GpuForWorkload& g : gpus) {
        double gen = 1.0;
        std::string genText = "PCIe 4.0";
        if (anyOf(g.architecture, {"Hopper", "Blackwell"})) {
            gen = 2.0;
            genText = "PCIe 5.0";
        } else if (anyOf(g.architecture, {"Volta", "Turing", "Pascal", "Maxwell", "Kepler"})) {
            gen = 0.5;
            genText = "PCIe 3.0";
        }
        const int lanes = std::clamp(g.pcieLanes.value_or(16), 1, 16);
        const double gbs = kPcie4x16Gbs * gen * lanes / 16.0;
        if (gbs < worst) {
            worst = gbs;
            worstText = fmt::format("{} x{}", genText, lanes);
        }
    }
    link.gbs = worst;
    link.text = fmt::format("{} between the cards (~{:g} GB/s effective for the gradient all-reduce)", worstText,
                            worst);
    return link;
}

}  // namespace mlrig::workloadmodel
