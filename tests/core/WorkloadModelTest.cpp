// Tests of the workload model (core/eval/WorkloadModel.h). Expected values are worked out by hand
// in the comments. Memory is in GB of 2^30 bytes (kBytesPerGb), the unit of marketed VRAM.

#include <gtest/gtest.h>

#include <functional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/eval/WorkloadModel.h"
#include "tests/support/Parts.h"

namespace mlrig {
namespace {

constexpr double GiB = 1073741824.0;

GpuForWorkload nvidia(const char* name, double vramGb, double bandwidthGbs, double tensorTflops, double fp32Tflops,
                      bool nvlink = false)
{
    GpuForWorkload g;
    g.name = name;
    g.vramGb = vramGb;
    g.memoryBandwidthGbs = bandwidthGbs;
    g.fp16TensorTflops = tensorTflops;
    g.fp32Tflops = fp32Tflops;
    g.nvlink = nvlink;
    g.vendor = Vendor::Nvidia;
    return g;
}

// Spec-sheet figures (dense FP16 tensor with FP32 accumulate).
GpuForWorkload rtx3090(bool nvlink = false)
{
    return nvidia("GeForce RTX 3090", 24, 936, 71.0, 35.6, nvlink);
}
GpuForWorkload rtx4090()
{
    return nvidia("GeForce RTX 4090", 24, 1008, 165.2, 82.6);
}
GpuForWorkload rtx4060Ti16()
{
    return nvidia("GeForce RTX 4060 Ti 16GB", 16, 288, 44.1, 22.1);
}
GpuForWorkload rtx3060Ti()
{
    return nvidia("GeForce RTX 3060 Ti", 8, 448, 32.4, 16.2);
}
GpuForWorkload rtx3060()
{
    return nvidia("GeForce RTX 3060", 12, 360, 25.4, 12.7);
}

Workload inference(const char* model, const char* quant = "q4_k_m", int context = 8192, int batch = 1)
{
    Workload w = testsupport::workload(WorkloadKind::LlmInference, model, quant, context);
    w.batch = batch;
    return w;
}

Workload fineTune(const char* model, FineTuneMethod method, int context = 2048, int batch = 1)
{
    Workload w = testsupport::workload(WorkloadKind::LlmFineTune, model, "q4_k_m", context);
    w.method = method;
    w.batch = batch;
    return w;
}

WorkloadEstimate run(const Workload& w, std::vector<GpuForWorkload> gpus)
{
    return estimateWorkload(w, gpus);
}

std::string thrownMessage(const std::function<void()>& f)
{
    try {
        f();
    } catch (const std::invalid_argument& e) {
        return e.what();
    }
    return "<no exception>";
}

// --- presets ------------------------------------------------------------------------------------

TEST(WorkloadPresets, EveryPresetHasArchitectureAndSource)
{
    std::set<std::string> ids;
    for (const ModelSpec& m : modelPresets()) {
        SCOPED_TRACE(m.id);
        EXPECT_TRUE(ids.insert(m.id).second) << "duplicate id";
        EXPECT_FALSE(m.displayName.empty());
        EXPECT_GT(m.paramsB, 0);
        EXPECT_GT(m.activeParamsB, 0);
        EXPECT_LE(m.activeParamsB, m.paramsB);
        EXPECT_GT(m.layers, 0);
        EXPECT_GT(m.hiddenSize, 0);
        EXPECT_GT(m.attentionHeads, 0);
        EXPECT_GT(m.kvHeads, 0);
        EXPECT_LE(m.kvHeads, m.attentionHeads);
        EXPECT_GT(m.headDim, 0);
        EXPECT_GT(m.maxContext, 0);
        EXPECT_GT(m.vocabSize, 0);
        EXPECT_NE(m.source.find("config.json"), std::string::npos);
        EXPECT_EQ(findModelPreset(m.id), &m);
    }
}

TEST(WorkloadPresets, RequiredModelsArePresent)
{
    for (const char* id : {"llama-3-8b", "llama-3.1-8b", "llama-3-70b", "llama-3.1-70b", "qwen2.5-7b", "qwen2.5-14b",
                           "qwen2.5-32b", "qwen2.5-72b", "mistral-7b", "mixtral-8x7b", "gemma-2-27b", "phi-3-mini"})
        EXPECT_NE(findModelPreset(id), nullptr) << id;
    EXPECT_NE(findModelPreset("Llama-3.1-70B"), nullptr);  // case-insensitive
    EXPECT_EQ(findModelPreset("llama-9-999b"), nullptr);
}

TEST(WorkloadPresets, ArchitectureSpotChecks)
{
    const ModelSpec* llama70 = findModelPreset("llama-3.1-70b");
    ASSERT_NE(llama70, nullptr);
    EXPECT_EQ(llama70->layers, 80);
    EXPECT_EQ(llama70->kvHeads, 8);
    EXPECT_EQ(llama70->headDim, 128);
    const ModelSpec* mixtral = findModelPreset("mixtral-8x7b");
    ASSERT_NE(mixtral, nullptr);
    EXPECT_DOUBLE_EQ(mixtral->paramsB, 46.7);
    EXPECT_DOUBLE_EQ(mixtral->activeParamsB, 12.9);
    const ModelSpec* phi = findModelPreset("phi-3-mini");
    ASSERT_NE(phi, nullptr);
    EXPECT_EQ(phi->kvHeads, phi->attentionHeads);  // no GQA
}

TEST(WorkloadPresets, QuantBitsPerWeightFollowLlamaCpp)
{
    const auto bits = [](const char* id) {
        const QuantSpec* q = findQuantPreset(id);
        return q ? q->bitsPerWeight : -1.0;
    };
    // Whole-file figures of llama.cpp's quantize README (Llama 3.1 8B) for the mixes; block sizes
    // of ggml-common.h for the plain block formats.
    EXPECT_DOUBLE_EQ(bits("f16"), 16.0);
    EXPECT_DOUBLE_EQ(bits("q8_0"), 8.5008);
    EXPECT_DOUBLE_EQ(bits("q6_k"), 6.5633);
    EXPECT_DOUBLE_EQ(bits("q5_k_m"), 5.7036);
    EXPECT_DOUBLE_EQ(bits("q4_k_m"), 4.8944);
    EXPECT_DOUBLE_EQ(bits("q4_0"), 4.5);  // (32 x 4 + 16) / 32
    EXPECT_DOUBLE_EQ(bits("Q4_K_M"), 4.8944);
    EXPECT_DOUBLE_EQ(bits("iq4_xs"), 4.4597);
    EXPECT_DOUBLE_EQ(bits("q2_k"), 3.1593);
    EXPECT_DOUBLE_EQ(bits("mxfp4"), 4.25);  // 32 x 4 bits + 8-bit exponent = 136 bits / 32
    EXPECT_DOUBLE_EQ(bits("bf16"), 16.0);
    EXPECT_DOUBLE_EQ(bits("fp8"), 8.0);
    EXPECT_FALSE(findQuantPreset("fp8")->llamaCpp);
    EXPECT_EQ(findQuantPreset("q3_x"), nullptr);
    for (const QuantSpec& q : quantPresets())
        EXPECT_FALSE(q.note.empty()) << q.id;
}

TEST(WorkloadPresets, CustomModelFromJsonFillsDefaults)
{
    const ModelSpec m = modelFromJson(nlohmann::json::parse(
        R"({"name": "My 13B", "params_b": 13.0, "layers": 40, "hidden_size": 5120, "attention_heads": 40})"));
    EXPECT_EQ(m.displayName, "My 13B");
    EXPECT_DOUBLE_EQ(m.activeParamsB, 13.0);
    EXPECT_EQ(m.kvHeads, 40);   // no GQA unless stated
    EXPECT_EQ(m.headDim, 128);  // 5120 / 40
    EXPECT_FALSE(m.source.empty());
}

TEST(WorkloadPresets, CustomModelFromJsonRejectsBadFields)
{
    EXPECT_NE(thrownMessage([] { modelFromJson(nlohmann::json::array()); }).find("object"), std::string::npos);
    EXPECT_NE(thrownMessage([] { modelFromJson(nlohmann::json::parse(R"({"layers": 32})")); }).find("params_b"),
              std::string::npos);
    const std::string bad = thrownMessage([] {
        modelFromJson(nlohmann::json::parse(
            R"({"params_b": 7, "layers": "abc", "hidden_size": 4096, "attention_heads": 32})"));
    });
    EXPECT_NE(bad.find("layers"), std::string::npos);
    EXPECT_NE(bad.find("abc"), std::string::npos);
    EXPECT_NE(thrownMessage([] {
                  modelFromJson(nlohmann::json::parse(
                      R"({"params_b": 7, "layers": -3, "hidden_size": 4096, "attention_heads": 32})"));
              }).find("-3"),
              std::string::npos);
    EXPECT_NE(thrownMessage([] {
                  modelFromJson(nlohmann::json::parse(
                      R"({"params_b": 7, "active_params_b": 9, "layers": 32, "hidden_size": 4096, "attention_heads": 32})"));
              }).find("active_params_b"),
              std::string::npos);
}

TEST(WorkloadModel, ConfidenceIds)
{
    EXPECT_EQ(confidenceId(Confidence::High), "high");
    EXPECT_EQ(confidenceId(Confidence::Medium), "medium");
    EXPECT_EQ(confidenceId(Confidence::Low), "low");
}

// --- LLM inference: memory ----------------------------------------------------------------------

TEST(WorkloadInference, Llama31_8B_F16Weights)
{
    // 8.03e9 parameters x 16 bits / 8 = 16.06e9 bytes; the input embedding (128256 x 4096 =
    // 525.3e6 parameters = 1.051e9 bytes) stays in system RAM, so the GPU holds 15.009e9 B = 13.98 GB.
    const WorkloadEstimate e = run(inference("llama-3.1-8b", "f16"), {rtx3090()});
    EXPECT_NEAR(e.memory.weightsGb * GiB, 16.06e9 - 128256.0 * 4096 * 2, 1e6);
    EXPECT_NEAR(e.memory.weightsGb, 13.98, 0.01);
    ASSERT_TRUE(e.ramGbNeeded.has_value());
    EXPECT_NEAR(*e.ramGbNeeded * GiB, 128256.0 * 4096 * 2, 1e3);
    EXPECT_EQ(e.placement, "vram");
    EXPECT_TRUE(e.fits);
}

TEST(WorkloadInference, Llama31_70B_KvCacheIsGqaAware)
{
    // 2 (K, V) x 80 layers x 8 KV heads x 128 head dim x 8192 tokens x 1 x 2 bytes
    // = 2,684,354,560 bytes = 2.68e9 bytes = exactly 2.5 GB of 2^30 bytes.
    const WorkloadEstimate e = run(inference("llama-3.1-70b", "q4_k_m", 8192, 1), {rtx3090(), rtx3090()});
    EXPECT_NEAR(e.memory.kvCacheGb * GiB, 2.684e9, 1e6);
    EXPECT_NEAR(e.memory.kvCacheGb, 2.5, 1e-9);

    // Batch 4 holds four sequences: 4 x 2.5 = 10 GB.
    EXPECT_NEAR(run(inference("llama-3.1-70b", "q4_k_m", 8192, 4), {rtx3090()}).memory.kvCacheGb, 10.0, 1e-9);

    // Phi-3 mini has no GQA (32 KV heads of 96): 2 x 32 x 32 x 96 x 4096 x 2 = 1,610,612,736 B = 1.5 GB,
    // more than Llama 3.1 8B at twice the context (2 x 32 x 8 x 128 x 8192 x 2 = 1.0 GB).
    EXPECT_NEAR(run(inference("phi-3-mini", "q4_k_m", 4096), {rtx3090()}).memory.kvCacheGb, 1.5, 1e-9);
    EXPECT_NEAR(run(inference("llama-3.1-8b", "q4_k_m", 8192), {rtx3090()}).memory.kvCacheGb, 1.0, 1e-9);
}

TEST(WorkloadInference, Llama70BQ4NeedsTwo24GbCards)
{
    // Weights: 70.55e9 x 4.8944 / 8 = 43.16e9 B; the input embedding (128256 x 8192 x 4.8944 / 8 =
    // 0.60 GB) stays in RAM: 39.00 GB of layers + 0.60 GB output head on the GPU. KV cache 2.5 GB.
    // Per GPU: 0.45 GB driver reserve + f16 mask 512 x 8192 x 2 B = 0.0078 GB; the card with the
    // output layer also holds the logits, 512 x 128256 x 4 B = 0.245 GB.
    // One card: 39.00 + 0.60 + 2.5 + 0.45 + 0.0078 + 0.245 = 42.80 GB > 24 GB.
    const WorkloadEstimate one = run(inference("llama-3.1-70b"), {rtx3090()});
    EXPECT_FALSE(one.fits);
    EXPECT_NEAR(one.vramNeededGb, 42.80, 0.02);
    EXPECT_NE(one.reason.find("42.8 GB"), std::string::npos) << one.reason;
    EXPECT_NE(one.reason.find("24 GB"), std::string::npos) << one.reason;
    EXPECT_FALSE(one.decodeTokensPerS.has_value());  // no CPU and memory given: no offload speed
    EXPECT_FALSE(one.figureValue.has_value());
    EXPECT_EQ(one.placement, "offload");

    // Two cards, 40 layers each: (39.00 + 2.5) / 2 + 0.45 + 0.0078 = 21.21 GB and
    // 21.21 + 0.60 + 0.245 = 22.05 GB; total 43.26 GB of 48 GB.
    const WorkloadEstimate two = run(inference("llama-3.1-70b"), {rtx3090(), rtx3090()});
    EXPECT_TRUE(two.fits) << two.reason;
    EXPECT_NEAR(two.vramNeededGb, 43.26, 0.02);
    ASSERT_EQ(two.perGpuNeededGb.size(), 2u);
    EXPECT_NEAR(two.perGpuNeededGb[0], 21.21, 0.02);
    EXPECT_NEAR(two.perGpuNeededGb[1], 22.05, 0.02);
    EXPECT_NEAR(two.perGpuNeededGb[0] + two.perGpuNeededGb[1], two.vramNeededGb, 1e-9);
    EXPECT_NEAR(two.vramAvailableGb, 48.0, 1e-9);
    EXPECT_TRUE(two.decodeTokensPerS.has_value());
}

TEST(WorkloadInference, PairOf24And12FailsSeventyB)
{
    // 45.5 GB needed, 36 GB available: fails on the total and on the 24 GB card
    // (54 of 80 layers -> 26.8 + 1.7 + 1.5 = 30.0 GB).
    const WorkloadEstimate e = run(inference("llama-3.1-70b"), {rtx3090(), rtx3060()});
    EXPECT_FALSE(e.fits);
    EXPECT_NE(e.reason.find("36 GB"), std::string::npos) << e.reason;
    EXPECT_NE(e.reason.find("short"), std::string::npos) << e.reason;
    EXPECT_NE(e.reason.find("system RAM"), std::string::npos) << e.reason;
    EXPECT_EQ(e.placement, "offload");
}

TEST(WorkloadInference, PerCardCheckFailsEvenWhenTheTotalFits)
{
    // Qwen2.5 32B q6_k at 16k on a 24 GB + 8 GB pair. Weights 32.5e9 x 6.5633 / 8 = 26.66e9 B, of
    // which the layers are 23.64 GB and the output head 0.59 GB (the input embedding stays in RAM);
    // KV 2 x 64 x 8 x 128 x 16384 x 2 = 4.0 GB; per GPU 0.45 + mask 512 x 16384 x 2 B (0.0156) GB;
    // logits 512 x 152064 x 4 B = 0.29 GB. Total 23.64 + 0.59 + 4 + 2 x 0.4656 + 0.29 = 29.46 GB
    // < 32 GB, but the 8 GB card gets 16 of 64 layers: (23.64 + 4) / 4 + 0.4656 + 0.59 + 0.29 = 8.26 GB.
    const WorkloadEstimate e = run(inference("qwen2.5-32b", "q6_k", 16384), {rtx3090(), rtx3060Ti()});
    EXPECT_NEAR(e.vramNeededGb, 29.46, 0.02);
    EXPECT_LT(e.vramNeededGb, e.vramAvailableGb);
    ASSERT_EQ(e.perGpuNeededGb.size(), 2u);
    EXPECT_NEAR(e.perGpuNeededGb[0], 21.20, 0.02);
    EXPECT_NEAR(e.perGpuNeededGb[1], 8.26, 0.02);
    EXPECT_FALSE(e.fits);
    EXPECT_NE(e.reason.find("GPU 2 (GeForce RTX 3060 Ti) would need 8.3 GB of its 8 GB"), std::string::npos)
        << e.reason;
    // The same pair holds it at 8k context (the KV cache halves: 7.75 GB on the small card).
    EXPECT_TRUE(run(inference("qwen2.5-32b", "q6_k", 8192), {rtx3090(), rtx3060Ti()}).fits);
}

// --- LLM inference: speed -----------------------------------------------------------------------

TEST(WorkloadInference, DecodeIsBandwidthBound)
{
    // Llama 3.1 8B q4_k_m, 8k context, one RTX 3090: bytes per token = 8.03e9 x 4.8944 / 8 (4.913e9)
    // less the input embedding (525.3e6 x 4.8944 / 8 = 0.321e9) + KV cache 1.074e9 = 5.665e9 B;
    // 5.665e9 / (0.66 x 936e9) = 9.170 ms + 32 layers x 2 us = 9.234 ms -> 108.3 tokens/s.
    const WorkloadEstimate r3090 = run(inference("llama-3.1-8b"), {rtx3090()});
    ASSERT_TRUE(r3090.decodeTokensPerS.has_value());
    EXPECT_NEAR(*r3090.decodeTokensPerS, 108.3, 0.1);
    EXPECT_EQ(r3090.figureOfMerit, "decode tokens/s");
    EXPECT_EQ(r3090.figureValue, r3090.decodeTokensPerS);
    EXPECT_EQ(r3090.confidence, Confidence::High);

    // RTX 4060 Ti 16GB (288 GB/s): nearly the bandwidth ratio 936 / 288 = 3.25 (the fixed per-layer
    // time weighs less on the slower card).
    const WorkloadEstimate r4060 = run(inference("llama-3.1-8b"), {rtx4060Ti16()});
    ASSERT_TRUE(r4060.decodeTokensPerS.has_value());
    EXPECT_NEAR(*r3090.decodeTokensPerS / *r4060.decodeTokensPerS, 3.23, 0.01);
    EXPECT_NEAR(*r4060.decodeTokensPerS, 33.48, 0.1);  // 1 / (5.665e9 / (0.66 x 288e9) + 64 us)
}

TEST(WorkloadInference, PrefillFromTensorTflops)
{
    // FLOPs per prompt token: 2 x 8.03e9 + 4 x 32 layers x 32 heads x 128 x (8192 / 2) = 18.21e9.
    // RTX 3090: 71 TFLOPS x 0.5 = 35.5e12 FLOP/s -> 1949.8 tokens/s.
    const WorkloadEstimate e = run(inference("llama-3.1-8b"), {rtx3090()});
    ASSERT_TRUE(e.prefillTokensPerS.has_value());
    EXPECT_NEAR(*e.prefillTokensPerS, 1949.8, 1.0);
}

TEST(WorkloadInference, LayerSplitDecodeIsSequential)
{
    // 70B q4_k_m on two NVLinked 3090s, 40 layers each. A token reads 45.20e9 B (layers, output head
    // and 2.684e9 B of KV cache), half on each card, at 0.66 x 936 = 617.8 GB/s: 73.17 ms in all, one
    // card after the other, + 80 x 2 us + 0.05 ms hand-off -> 13.63 tokens/s.
    const WorkloadEstimate nv = run(inference("llama-3.1-70b"), {rtx3090(true), rtx3090(true)});
    ASSERT_TRUE(nv.decodeTokensPerS.has_value());
    EXPECT_NEAR(*nv.decodeTokensPerS, 13.63, 0.02);
    // Over PCIe the hand-off costs 0.15 ms instead.
    const WorkloadEstimate pcie = run(inference("llama-3.1-70b"), {rtx3090(), rtx3090()});
    EXPECT_NEAR(1.0 / *pcie.decodeTokensPerS - 1.0 / *nv.decodeTokensPerS, 0.10e-3, 1e-6);
    // Prefill: 2 x 70.55e9 + 4 x 80 x 64 x 128 x 4096 = 151.8e9 FLOPs per token at 35.5 TFLOPS per
    // card, half the layers each, one after the other -> 35.5e12 / 151.8e9 = 233.9 tokens/s.
    ASSERT_TRUE(pcie.prefillTokensPerS.has_value());
    EXPECT_NEAR(*pcie.prefillTokensPerS, 233.9, 0.5);
}

TEST(WorkloadInference, MoeDecodeReadsActiveParameters)
{
    // Mixtral 8x7B q4_k_m: the experts are 32 layers x 8 x 3 x 4096 x 14336 = 45.10e9 parameters;
    // the GPU holds 46.7e9 x 4.8944 / 8 less the input embedding = 26.53 GB, so one 3090 is too
    // small. On two, a token reads the dense part (1.60e9 parameters less the input embedding),
    // 2 of 8 experts and the KV cache: 8.872e9 B / 617.8 GB/s = 14.36 ms, + 32 x (2 + 50) us of
    // per-layer work + 0.05 ms hand-off = 16.08 ms -> 62.2 tokens/s.
    const WorkloadEstimate one = run(inference("mixtral-8x7b"), {rtx3090()});
    EXPECT_FALSE(one.fits);
    EXPECT_NEAR(one.memory.weightsGb, 26.53, 0.01);
    const WorkloadEstimate two = run(inference("mixtral-8x7b"), {rtx3090(true), rtx3090(true)});
    ASSERT_TRUE(two.decodeTokensPerS.has_value());
    EXPECT_NEAR(*two.decodeTokensPerS, 62.2, 0.2);
    EXPECT_EQ(two.confidence, Confidence::Medium);

    // A dense model of the same size and shape decodes 46.7 / 12.9 times more slowly (apart from the
    // KV cache and hand-off, which are equal).
    Workload dense = inference("dense-46b");
    dense.customModel = {{"params_b", 46.7}, {"layers", 32}, {"hidden_size", 4096}, {"attention_heads", 32},
                         {"kv_heads", 8},    {"head_dim", 128}, {"vocab_size", 32000}};
    const WorkloadEstimate denseTwo = run(dense, {rtx3090(true), rtx3090(true)});
    ASSERT_TRUE(denseTwo.decodeTokensPerS.has_value());
    EXPECT_GT(*two.decodeTokensPerS / *denseTwo.decodeTokensPerS, 2.8);
    EXPECT_EQ(denseTwo.confidence, Confidence::Low);  // custom model
    EXPECT_EQ(denseTwo.modelName, "dense-46b");
}

TEST(WorkloadInference, PowerLimitHitsPrefillHarderThanDecode)
{
    GpuForWorkload limited = rtx3090();
    limited.performanceScale = 0.7;
    const WorkloadEstimate full = run(inference("llama-3.1-8b"), {rtx3090()});
    const WorkloadEstimate capped = run(inference("llama-3.1-8b"), {limited});
    // Prefill scales fully (0.7); the bandwidth part of decode by 0.5 + 0.5 x 0.7 = 0.85 (the fixed
    // per-layer time, 0.7% of a step here, does not scale).
    EXPECT_NEAR(*capped.prefillTokensPerS / *full.prefillTokensPerS, 0.70, 1e-9);
    EXPECT_NEAR(*capped.decodeTokensPerS / *full.decodeTokensPerS, 0.85, 0.003);
    bool mentioned = false;
    for (const std::string& a : capped.assumptions)
        mentioned = mentioned || a.find("Power limit") != std::string::npos;
    EXPECT_TRUE(mentioned);
}

TEST(WorkloadInference, MoeLayersCostMoreOnRocm)
{
    // gpt-oss-20b on an RX 7900 XT: 94-102 tokens/s measured (discussion #15396). The same card
    // with the CUDA-fitted MoE overhead would be ~150.
    GpuForWorkload xt = rtx3090();
    xt.name = "Radeon RX 7900 XT";
    xt.vendor = Vendor::Amd;
    xt.vramGb = 20;
    xt.memoryBandwidthGbs = 800;
    GpuForWorkload cudaTwin = xt;
    cudaTwin.vendor = Vendor::Nvidia;
    const WorkloadEstimate amd = run(inference("gpt-oss-20b", "mxfp4", 4096), {xt});
    const WorkloadEstimate cuda = run(inference("gpt-oss-20b", "mxfp4", 4096), {cudaTwin});
    ASSERT_TRUE(amd.decodeTokensPerS && cuda.decodeTokensPerS);
    EXPECT_NEAR(*amd.decodeTokensPerS, 98, 10);
    EXPECT_GT(*cuda.decodeTokensPerS, *amd.decodeTokensPerS * 1.3);
    // A dense model on the same pair: no MoE layers, the same speed.
    const WorkloadEstimate amdDense = run(inference("llama-3.1-8b"), {xt});
    const WorkloadEstimate cudaDense = run(inference("llama-3.1-8b"), {cudaTwin});
    EXPECT_NEAR(*amdDense.decodeTokensPerS / *cudaDense.decodeTokensPerS, 1.0, 0.003);
}

TEST(WorkloadInference, Fp32FallbackAndVendorLowerConfidence)
{
    GpuForWorkload noTensor = rtx3090();
    noTensor.fp16TensorTflops.reset();
    const WorkloadEstimate e = run(inference("llama-3.1-8b"), {noTensor});
    ASSERT_TRUE(e.prefillTokensPerS.has_value());
    // 35.6 TFLOPS x 0.5 x 0.7 = 12.46e12 / 18.21e9 = 684.3 tokens/s.
    EXPECT_NEAR(*e.prefillTokensPerS, 684.3, 1.0);
    EXPECT_EQ(e.confidence, Confidence::Low);

    GpuForWorkload amd = rtx3090();
    amd.name = "Radeon RX 7900 XTX-like";
    amd.vendor = Vendor::Amd;
    const WorkloadEstimate a = run(inference("llama-3.1-8b"), {amd});
    const WorkloadEstimate n = run(inference("llama-3.1-8b"), {rtx3090()});
    EXPECT_EQ(a.confidence, Confidence::Low);
    EXPECT_NEAR(*a.decodeTokensPerS / *n.decodeTokensPerS, 1.0, 0.003);  // dense decode: ROCm at par (#15021)
    EXPECT_NEAR(*a.prefillTokensPerS / *n.prefillTokensPerS, 0.60, 1e-9);

    GpuForWorkload noBandwidth = rtx3090();
    noBandwidth.memoryBandwidthGbs.reset();
    const WorkloadEstimate nb = run(inference("llama-3.1-8b"), {noBandwidth});
    EXPECT_TRUE(nb.fits);
    EXPECT_FALSE(nb.decodeTokensPerS.has_value());
    EXPECT_FALSE(nb.reason.empty());
    EXPECT_EQ(nb.confidence, Confidence::Low);
}

// --- fine-tuning and training -------------------------------------------------------------------

TEST(WorkloadTraining, FullFineTuneIsSixteenBytesPerParameter)
{
    // Mistral 7B: 7.25e9 x 16 B = 116e9 B = 108.03 GB for weights, gradients and optimizer.
    const WorkloadEstimate e = run(fineTune("mistral-7b", FineTuneMethod::Full), {rtx3090()});
    EXPECT_NEAR(e.memory.weightsGb + e.memory.optimizerGb, 7.25e9 * 16 / GiB, 1e-6);
    EXPECT_NEAR(e.memory.weightsGb, 13.50, 0.01);
    EXPECT_FALSE(e.fits);
    EXPECT_FALSE(e.trainTokensPerS.has_value());
    EXPECT_EQ(e.figureOfMerit, "training tokens/s");
}

TEST(WorkloadTraining, MemoryOrderingOfMethods)
{
    const std::vector<GpuForWorkload> gpus = {rtx3090()};
    const double full7 = run(fineTune("mistral-7b", FineTuneMethod::Full), gpus).vramNeededGb;
    const double qlora70 = run(fineTune("llama-3.1-70b", FineTuneMethod::Qlora), gpus).vramNeededGb;
    const double lora8 = run(fineTune("llama-3.1-8b", FineTuneMethod::Lora), gpus).vramNeededGb;
    const double qlora8 = run(fineTune("llama-3.1-8b", FineTuneMethod::Qlora), gpus).vramNeededGb;
    const double full8 = run(fineTune("llama-3.1-8b", FineTuneMethod::Full), gpus).vramNeededGb;
    EXPECT_LT(qlora70, full7);
    EXPECT_LT(qlora8, lora8);
    EXPECT_LT(lora8, full8);
}

TEST(WorkloadTraining, LoraAdapterSizeFromArchitecture)
{
    // Llama 3 8B, rank 16 on q, k, v, o, gate, up, down:
    // per layer 16 x [(4096 + 4096) x 2 + (4096 + 1024) x 2 + (4096 + 14336) x 3] = 1.311e6, x 32 = 41.9e6
    // parameters; 16 B each = 0.625 GB.
    const WorkloadEstimate e = run(fineTune("llama-3-8b", FineTuneMethod::Lora), {rtx3090()});
    EXPECT_NEAR(e.memory.optimizerGb, 41.9e6 * 16 / GiB, 0.01);
    EXPECT_NEAR(e.memory.weightsGb, 8.03e9 * 2 / GiB, 1e-6);
    // Activations: 2048 x 4096 x (2 x 32 + 34) B = 0.822e9 B, logits 2048 x 128256 x 4 B = 1.051e9 B
    // -> 1.873e9 B = 1.744 GB.
    EXPECT_NEAR(e.memory.activationsGb, 1.744, 0.002);
    EXPECT_TRUE(e.fits);
    // Speed: 4 x 8.03e9 = 0.03212 TFLOP per token at 1 / (0.7 x 71) + 9.7 GB / 936 GB/s = 0.030484 s per
    // TFLOP = 1021 tokens/s. An RTX 3090 is a calibration card: high confidence.
    ASSERT_TRUE(e.trainTokensPerS.has_value());
    EXPECT_NEAR(*e.trainTokensPerS, 1021.3, 0.5);
    EXPECT_EQ(e.confidence, Confidence::High);
}

TEST(WorkloadTraining, QloraSeventyBOnTwo3090s)
{
    // 2k context: base 70.55e9 x 4.5 / 8 = 36.96 GB, adapters 207M x 16 B = 3.09 GB, activations
    // 2048 x 8192 x (160 + 34) + 2048 x 128256 x 4 B = 4.01 GB: 44.05 GB, not one card, so it is
    // sharded: 22.03 + 1.0 = 23.03 GB per card -> fits two 24 GB cards.
    const WorkloadEstimate fits = run(fineTune("llama-3.1-70b", FineTuneMethod::Qlora, 2048), {rtx3090(), rtx3090()});
    EXPECT_TRUE(fits.fits) << fits.reason;
    ASSERT_EQ(fits.perGpuNeededGb.size(), 2u);
    EXPECT_NEAR(fits.perGpuNeededGb[0], 23.03, 0.02);
    ASSERT_TRUE(fits.trainTokensPerS.has_value());
    // 4 x 70.55e9 = 0.2822 TFLOP per token at 0.030484 s per TFLOP = 8.6026 ms per token. Dequantising:
    // 3 passes x (4.5 / 8 + 2) B x 70.55e9 = 542.4 GB per step, half of it per card, at 936 GB/s x 0.66
    // = 617.8 GB/s: 0.4390 s per step of 2048 tokens = 0.2143 ms per token. 1 / 8.8169 ms = 113.4
    // tokens/s per card, x 2 cards x 0.6 (split) = 136.1 tokens/s.
    EXPECT_NEAR(*fits.trainTokensPerS, 136.1, 0.2);
    // At 8k context the activations grow fourfold and it no longer fits.
    const WorkloadEstimate tooLong =
        run(fineTune("llama-3.1-70b", FineTuneMethod::Qlora, 8192), {rtx3090(), rtx3090()});
    EXPECT_FALSE(tooLong.fits);
    EXPECT_NE(tooLong.reason.find("48 GB"), std::string::npos) << tooLong.reason;
}

TEST(WorkloadTraining, DataParallelNearlyDoubles)
{
    const WorkloadEstimate one = run(fineTune("llama-3.1-8b", FineTuneMethod::Lora), {rtx3090()});
    const WorkloadEstimate two = run(fineTune("llama-3.1-8b", FineTuneMethod::Lora), {rtx3090(), rtx3090()});
    ASSERT_TRUE(one.trainTokensPerS && two.trainTokensPerS);
    // LoRA all-reduces only the 42M adapter gradients (84 MB in bf16): 14 ms over PCIe 4.0 x16 at 6 GB/s
    // against ~2 s of compute per step, so two cards nearly double the speed.
    EXPECT_GT(*two.trainTokensPerS / *one.trainTokensPerS, 1.95);
    EXPECT_LT(*two.trainTokensPerS / *one.trainTokensPerS, 2.0);
    EXPECT_NEAR(two.vramNeededGb, one.vramNeededGb, 1e-9);  // one replica per card
    ASSERT_EQ(two.perGpuNeededGb.size(), 2u);
    EXPECT_NEAR(two.perGpuNeededGb[1], one.vramNeededGb, 1e-9);
}

TEST(WorkloadTraining, TrainingFromScratchIsAFullFineTune)
{
    Workload scratch = fineTune("qwen2.5-7b", FineTuneMethod::Lora);
    scratch.kind = WorkloadKind::Training;  // method is ignored: always full training
    const WorkloadEstimate t = run(scratch, {rtx4090()});
    const WorkloadEstimate f = run(fineTune("qwen2.5-7b", FineTuneMethod::Full), {rtx4090()});
    EXPECT_EQ(t.kind, "training");
    EXPECT_NEAR(t.vramNeededGb, f.vramNeededGb, 1e-9);
    EXPECT_EQ(t.fits, f.fits);

    // Phi-3 mini full training on one 4090: 3.82e9 x 16 B = 56.9 GB > 24 GB.
    Workload phi = fineTune("phi-3-mini", FineTuneMethod::Full);
    phi.kind = WorkloadKind::Training;
    EXPECT_FALSE(run(phi, {rtx4090()}).fits);

    // Without a model, training reports the summed FP16 tensor throughput.
    Workload general;
    general.kind = WorkloadKind::Training;
    general.model = "";
    const WorkloadEstimate g = run(general, {rtx4090(), rtx4090()});
    EXPECT_TRUE(g.fits);
    EXPECT_EQ(g.figureOfMerit, "FP16 TFLOPS");
    EXPECT_NEAR(g.figureValue.value_or(0), 330.4, 1e-9);
}

// --- image generation and general -------------------------------------------------------------------

TEST(WorkloadImage, SdxlMemoryAndSpeed)
{
    Workload w;
    w.kind = WorkloadKind::ImageGeneration;
    w.model = "sdxl";
    // Weights (2.567 + 0.818 + 0.084)e9 x 2 B = 6.94e9 B = 6.46 GB, + 2.5 GB per image + 0.75 GB = 9.71 GB.
    const WorkloadEstimate e = run(w, {rtx4090()});
    EXPECT_NEAR(e.memory.weightsGb, 6.46, 0.01);
    EXPECT_NEAR(e.vramNeededGb, 9.71, 0.01);
    EXPECT_TRUE(e.fits);
    // RTX 4090: (30 steps + 3 step-equivalents) x 8.8 TFLOP = 290.4 TFLOP per image at 1 / (0.7 x 165.2)
    // + 9.7 GB / 1008 GB/s = 0.018271 s per TFLOP = 5.306 s -> 11.31 images/min; a calibration card.
    ASSERT_TRUE(e.imagesPerMinute.has_value());
    EXPECT_NEAR(*e.imagesPerMinute, 11.31, 0.01);
    EXPECT_EQ(e.figureOfMerit, "images/min");
    EXPECT_EQ(e.confidence, Confidence::High);

    // RTX 3090: 290.4 x (1 / (0.7 x 71) + 9.7 / 936) = 8.85 s -> 6.78 images/min.
    EXPECT_NEAR(run(w, {rtx3090()}).imagesPerMinute.value_or(0), 6.78, 0.01);
    // Two cards render independent images: twice the rate.
    EXPECT_NEAR(run(w, {rtx4090(), rtx4090()}).imagesPerMinute.value_or(0), 2 * 11.31, 0.02);
    // An 8 GB card cannot hold the pipeline; next to a 4090 it simply stays idle.
    const WorkloadEstimate small = run(w, {rtx3060Ti()});
    EXPECT_FALSE(small.fits);
    EXPECT_FALSE(small.reason.empty());
    EXPECT_NEAR(run(w, {rtx4090(), rtx3060Ti()}).imagesPerMinute.value_or(0), 11.31, 0.01);
    // A 12 GB card holds it.
    EXPECT_TRUE(run(w, {rtx3060()}).fits);
}

TEST(WorkloadGeneral, SumsTensorTflops)
{
    Workload w;
    w.kind = WorkloadKind::General;
    const WorkloadEstimate e = run(w, {rtx3090(), rtx4090()});
    EXPECT_TRUE(e.fits);
    EXPECT_EQ(e.figureOfMerit, "FP16 TFLOPS");
    EXPECT_NEAR(e.figureValue.value_or(0), 71.0 + 165.2, 1e-9);
    EXPECT_EQ(e.confidence, Confidence::High);
    EXPECT_FALSE(e.assumptions.empty());
}

// --- no GPU, invalid input ----------------------------------------------------------------------------

TEST(WorkloadModel, NoGpuDoesNotFit)
{
    for (WorkloadKind kind : {WorkloadKind::LlmInference, WorkloadKind::LlmFineTune, WorkloadKind::ImageGeneration,
                              WorkloadKind::Training, WorkloadKind::General}) {
        Workload w = inference("llama-3.1-8b");
        w.kind = kind;
        const WorkloadEstimate e = estimateWorkload(w, {});
        SCOPED_TRACE(e.kind);
        EXPECT_FALSE(e.fits);
        EXPECT_EQ(e.reason, "no GPU in the build");
        EXPECT_FALSE(e.figureValue.has_value());
        EXPECT_TRUE(e.perGpuNeededGb.empty());
        EXPECT_FALSE(e.figureOfMerit.empty());
    }
    // The need is still reported: Llama 3.1 8B q4_k_m at 8k on one card (4.29 GB of layers, 0.30 GB
    // output head, 1 GB KV cache, 0.45 GB reserve, 0.25 GB logits).
    EXPECT_NEAR(estimateWorkload(inference("llama-3.1-8b"), {}).vramNeededGb, 5.98, 0.01);
    EXPECT_EQ(estimateWorkload(inference("llama-3.1-8b"), {}).placement, "none");
    // And bad input still throws.
    EXPECT_THROW(estimateWorkload(inference("nope-1b"), {}), std::invalid_argument);
}

TEST(WorkloadModel, InvalidInputThrowsNamingTheValue)
{
    const std::vector<GpuForWorkload> gpus = {rtx3090()};
    EXPECT_NE(thrownMessage([&] { run(inference("llama-9-999b"), gpus); }).find("llama-9-999b"), std::string::npos);
    EXPECT_NE(thrownMessage([&] { run(inference(""), gpus); }).find("no model"), std::string::npos);
    EXPECT_NE(thrownMessage([&] { run(inference("llama-3.1-8b", "q3_x"), gpus); }).find("q3_x"), std::string::npos);
    EXPECT_NE(thrownMessage([&] { run(inference("llama-3.1-8b", "q4_k_m", 0), gpus); }).find("context 0"),
              std::string::npos);
    EXPECT_NE(thrownMessage([&] { run(inference("llama-3.1-8b", "q4_k_m", 2000000), gpus); }).find("2000000"),
              std::string::npos);
    EXPECT_NE(thrownMessage([&] { run(inference("llama-3.1-8b", "q4_k_m", 8192, 0), gpus); }).find("batch 0"),
              std::string::npos);
    EXPECT_NE(thrownMessage([&] { run(inference("llama-3.1-8b", "q4_k_m", 8192, 5000), gpus); }).find("5000"),
              std::string::npos);
    EXPECT_NE(thrownMessage([&] { run(fineTune("llama-3.1-8b", FineTuneMethod::Lora, -5), gpus); }).find("-5"),
              std::string::npos);
    EXPECT_NE(thrownMessage([&] { run(fineTune("gpt-17", FineTuneMethod::Full), gpus); }).find("gpt-17"),
              std::string::npos);

    Workload custom = inference("mine");
    custom.customModel = {{"params_b", "seven"}, {"layers", 32}, {"hidden_size", 4096}, {"attention_heads", 32}};
    EXPECT_NE(thrownMessage([&] { run(custom, gpus); }).find("seven"), std::string::npos);

    GpuForWorkload broken = rtx3090();
    broken.vramGb = -4;
    EXPECT_NE(thrownMessage([&] { run(inference("llama-3.1-8b"), {broken}); }).find("-4"), std::string::npos);
    broken = rtx3090();
    broken.performanceScale = 0;
    EXPECT_THROW(run(inference("llama-3.1-8b"), {broken}), std::invalid_argument);

    // Edges are accepted.
    EXPECT_NO_THROW(run(inference("llama-3.1-8b", "q4_k_m", 1, 1), gpus));
    EXPECT_NO_THROW(run(inference("phi-3-mini", "q4_0", 1048576, 1), gpus));
    EXPECT_NO_THROW(run(inference("phi-3-mini", "q4_0", 16, 4096), gpus));
}

TEST(WorkloadModel, EveryEstimateExplainsItself)
{
    const std::vector<GpuForWorkload> gpus = {rtx3090(), rtx3090()};
    std::vector<Workload> workloads;
    for (const ModelSpec& m : modelPresets()) {
        workloads.push_back(inference(m.id.c_str(), "q4_k_m", 4096));
        workloads.push_back(fineTune(m.id.c_str(), FineTuneMethod::Qlora, 1024));
    }
    Workload image;
    image.kind = WorkloadKind::ImageGeneration;
    workloads.push_back(image);
    for (const Workload& w : workloads) {
        const WorkloadEstimate e = estimateWorkload(w, gpus);
        SCOPED_TRACE(e.kind + " " + e.modelName);
        EXPECT_FALSE(e.assumptions.empty());
        EXPECT_FALSE(e.figureOfMerit.empty());
        EXPECT_FALSE(e.modelName.empty());
        EXPECT_GT(e.vramNeededGb, 0);
        EXPECT_EQ(e.perGpuNeededGb.size(), gpus.size());
        if (e.fits)
            EXPECT_TRUE(e.figureValue.has_value());
        else
            EXPECT_FALSE(e.reason.empty());
    }
}

}  // namespace
}  // namespace mlrig

// --- architecture-aware memory (hand-worked from each model's config.json) ----------------------

namespace mlrig {
namespace {

HostForWorkload ddr5(double ramGb, int mts = 6000, int channels = 2, int cores = 8)
{
    HostForWorkload h;
    h.ramGb = ramGb;
    h.mts = mts;
    h.channels = channels;
    h.cpuCores = cores;
    return h;
}

TEST(WorkloadArchitecture, SlidingWindowLayersHoldOnlyTheWindow)
{
    // Gemma 3 27B (google/gemma-3-27b-pt config.json): 62 layers, 16 KV heads x 128, window 1024
    // on 52 layers. At 32k: 10 x 32768 + 52 x 1536 tokens (1024 + 512, padded to 256) x 2 x 16 x
    // 128 x 2 bytes = 3.109 GB, against 15.5 GB if every layer held the whole context.
    const WorkloadEstimate g = run(inference("gemma-3-27b", "q4_k_m", 32768), {rtx4090()});
    EXPECT_NEAR(g.memory.kvCacheGb, 3.109375, 1e-6);
    // gpt-oss-120b: 18 full layers x 8192 + 18 windowed layers x 768 (128 + 512, padded) tokens x
    // 2 x 8 x 64 x 2 bytes = 0.3076 GB at 8k.
    const WorkloadEstimate o = run(inference("gpt-oss-120b", "mxfp4", 8192), {rtx4090()});
    EXPECT_NEAR(o.memory.kvCacheGb, 0.3076171875, 1e-6);
    // A context shorter than the window: every layer holds the context.
    EXPECT_NEAR(run(inference("gemma-2-9b", "q4_k_m", 1024), {rtx4090()}).memory.kvCacheGb,
                2.0 * 8 * 256 * 2 * 42 * 1024 / GiB, 1e-9);
}

TEST(WorkloadArchitecture, MlaCachesTheCompressedLatent)
{
    // DeepSeek-V3: 61 layers x (kv_lora_rank 512 + rope 64) values x 8192 tokens x 2 bytes = 0.536 GB,
    // where full K and V for 128 heads of 192/128 would take ~45 GB.
    const WorkloadEstimate d = run(inference("deepseek-v3", "q4_k_m", 8192), {rtx4090()});
    EXPECT_NEAR(d.memory.kvCacheGb, 576.0 * 2 * 61 * 8192 / GiB, 1e-9);
}

TEST(WorkloadArchitecture, KvCacheQuantisation)
{
    // Qwen3 30B-A3B, q8_0 cache: 2 x 4 x 128 x 48 layers x 8192 x 34/32 bytes = 0.398 GB, 53% of f16.
    Workload w = inference("qwen3-30b-a3b", "q4_k_m", 8192);
    w.kvCache = "q8_0";
    const WorkloadEstimate q8 = run(w, {rtx4090()});
    EXPECT_NEAR(q8.memory.kvCacheGb, 0.3984375, 1e-6);
    w.kvCache = "q4_0";
    EXPECT_NEAR(run(w, {rtx4090()}).memory.kvCacheGb, 0.3984375 * 18 / 34, 1e-6);
    w.kvCache = "q5_1";
    EXPECT_THROW(run(w, {rtx4090()}), std::invalid_argument);
}

TEST(WorkloadArchitecture, MoeWeightsMatchTheGgufFiles)
{
    // gpt-oss-120b MXFP4: experts 36 x 128 x 3 x 2880 x 2880 = 114.66e9 at 4.25 bits and the other
    // 2.17e9 parameters at 8.5 bits = 63.22e9 B = 58.88 GB; llama-bench lists the ggml-org GGUF at
    // 59.02 GiB (llama.cpp benches/dgx-spark). gpt-oss-20b: 11.22 GB against 11.27 GiB.
    const ModelSpec* big = findModelPreset("gpt-oss-120b");
    ASSERT_NE(big, nullptr);
    EXPECT_NEAR(big->routedExpertParams(), 114.66e9, 0.01e9);
    const WorkloadEstimate o = run(inference("gpt-oss-120b", "mxfp4", 4096), {rtx4090()});
    const double fileGb = o.memory.weightsGb + 201088.0 * 2880 * 8.5 / 8 / GiB;  // + the input embedding in RAM
    EXPECT_NEAR(fileGb, 59.02, 0.25);
    const WorkloadEstimate s = run(inference("gpt-oss-20b", "mxfp4", 4096), {rtx4090()});
    EXPECT_NEAR(s.memory.weightsGb + 201088.0 * 2880 * 8.5 / 8 / GiB, 11.27, 0.1);
    EXPECT_EQ(s.placement, "vram");
}

TEST(WorkloadArchitecture, AliasesResolveToTheirArchitecture)
{
    const ModelSpec* coder = findModelPreset("Qwen2.5-Coder-32B");
    ASSERT_NE(coder, nullptr);
    EXPECT_EQ(coder->id, "qwen2.5-32b");
    EXPECT_EQ(findModelPreset("devstral-small")->id, "mistral-small-24b");
    EXPECT_EQ(findModelPreset("deepseek-r1-distill-llama-70b")->id, "llama-3.3-70b");
    for (const ModelAlias& a : modelAliases())
        EXPECT_NE(findModelPreset(a.target), nullptr) << a.id;
    EXPECT_FALSE(aliasesOf("mistral-small-24b").empty());
}

TEST(WorkloadArchitecture, EveryRequiredIdIsPresent)
{
    for (const char* id :
         {"llama-3.2-1b", "llama-3.2-3b", "llama-3.1-8b", "llama-3.1-70b", "llama-3.3-70b", "llama-4-scout",
          "qwen2.5-7b", "qwen2.5-14b", "qwen2.5-32b", "qwen2.5-72b", "qwen3-4b", "qwen3-8b", "qwen3-14b", "qwen3-32b",
          "qwen3-30b-a3b", "qwen3-235b-a22b", "gpt-oss-20b", "gpt-oss-120b", "gemma-2-2b", "gemma-2-9b", "gemma-2-27b",
          "gemma-3-4b", "gemma-3-12b", "gemma-3-27b", "mistral-7b", "mistral-nemo-12b", "mistral-small-24b",
          "mixtral-8x7b", "phi-3.5-mini", "phi-4", "deepseek-coder-v2-lite", "deepseek-v3", "glm-4.5-air",
          "llama-3-8b", "llama-3-70b", "phi-3-mini"}) {
        const ModelSpec* m = findModelPreset(id);
        ASSERT_NE(m, nullptr) << id;
        EXPECT_EQ(m->id, id);
        EXPECT_FALSE(m->family.empty()) << id;
        if (m->isMoe()) {
            // The routed experts fit inside the total, and the active count inside that.
            EXPECT_LT(m->routedExpertParams(), m->paramsB * 1e9) << id;
            EXPECT_LT(m->activeParamsB, m->paramsB) << id;
        }
    }
}

// --- VRAM boundary and offload ------------------------------------------------------------------

TEST(WorkloadOffload, TwentyGbCardHoldsQwen32BAtFourK)
{
    // Qwen2.5-32B q4_k_m on a 20 GB Radeon RX 7900 XT: 17.86 GB of layers + 0.59 GB output head +
    // 1.0 GB KV at 4096 + 0.45 GB reserve + 0.29 GB logits + 0.004 GB mask = 19.82 GB: llama.cpp
    // runs it fully on the card; at 8k (+1 GB of KV) it needs offload.
    GpuForWorkload xt = nvidia("Radeon RX 7900 XT", 20, 800, 103.0, 51.5);
    xt.vendor = Vendor::Amd;
    const WorkloadEstimate four = run(inference("qwen2.5-32b", "q4_k_m", 4096), {xt});
    EXPECT_EQ(four.placement, "vram") << four.reason;
    EXPECT_NEAR(four.vramNeededGb, 19.82, 0.01);
    EXPECT_EQ(run(inference("qwen2.5-32b", "q4_k_m", 8192), {xt}).placement, "offload");
}

TEST(WorkloadOffload, MoeExpertsGoToRamOnASixteenGbCard)
{
    // gpt-oss-120b on a 16 GB RTX 4060 Ti with 64 GB of dual-channel DDR5-6000. Usable VRAM:
    // 16 - 0.45 - mask - 0.38 GB logits = 15.17 GB; attention, output head and KV take 1.58 GB, and each
    // layer's experts 1.585 GB: 8 layers' experts fit, 28 stay in RAM (--n-cpu-moe 28, 44.4 GB).
    const WorkloadEstimate e =
        estimateWorkload(inference("gpt-oss-120b", "mxfp4", 8192), std::vector<GpuForWorkload>{rtx4060Ti16()},
                         ddr5(64));
    EXPECT_EQ(e.placement, "offload") << e.reason;
    EXPECT_FALSE(e.fits);
    ASSERT_TRUE(e.cpuMoeLayers.has_value());
    EXPECT_EQ(*e.cpuMoeLayers, 28);
    EXPECT_EQ(e.llamaCppFlags, "-ngl 99 --n-cpu-moe 28");
    ASSERT_TRUE(e.decodeTokensPerS.has_value());
    // Per token: 28 x 1.69e9 B x 4/128 experts = 1.48e9 B from RAM at 0.6 x 96 = 57.6 GB/s = 25.7 ms,
    // the rest from VRAM at 0.66 x 288 GB/s, plus per-layer work and hand-offs: ~20 tokens/s.
    EXPECT_GT(*e.decodeTokensPerS, 15);
    EXPECT_LT(*e.decodeTokensPerS, 30);
    EXPECT_NE(e.placementText.find("28 layers"), std::string::npos) << e.placementText;
    ASSERT_TRUE(e.ramGbNeeded.has_value());
    EXPECT_NEAR(*e.ramGbNeeded, 44.4 + 0.57, 0.3);
}

TEST(WorkloadOffload, DenseModelSplitsLayersWithNgl)
{
    // Qwen3 32B q4_k_m at 8k on a 12 GB RTX 3060 with 32 GB of DDR4-3200: per layer (weights + KV)
    // 0.315 GB; 12 - 0.45 - mask - 0.29 logits = 11.25 GB -> 35 of 64 layers on the GPU. With layers in
    // RAM, llama.cpp keeps the output head in RAM too (it follows the GPU layers only for -ngl > 64).
    const WorkloadEstimate e = estimateWorkload(inference("qwen3-32b", "q4_k_m", 8192),
                                                std::vector<GpuForWorkload>{rtx3060()}, ddr5(32, 3200, 2, 8));
    EXPECT_EQ(e.placement, "offload") << e.reason;
    ASSERT_TRUE(e.gpuLayers.has_value());
    EXPECT_GT(*e.gpuLayers, 25);
    EXPECT_LT(*e.gpuLayers, 40);
    EXPECT_EQ(e.llamaCppFlags, "-ngl " + std::to_string(*e.gpuLayers));  // -ngl N: the last N layers, no output head
    ASSERT_TRUE(e.decodeTokensPerS.has_value());
    // Offloaded: far slower than on a card that holds it, faster than the RAM alone.
    const WorkloadEstimate onCard = run(inference("qwen3-32b", "q4_k_m", 8192), {rtx3090()});
    EXPECT_LT(*e.decodeTokensPerS * 3, *onCard.decodeTokensPerS);
    EXPECT_GT(*e.decodeTokensPerS, 2.0);
}

TEST(WorkloadOffload, ThreeStateVerdict)
{
    const std::vector<GpuForWorkload> card{rtx4060Ti16()};
    // Fits in VRAM.
    EXPECT_EQ(estimateWorkload(inference("qwen3-14b"), card, ddr5(32)).placement, "vram");
    // Runs with offload.
    EXPECT_EQ(estimateWorkload(inference("gpt-oss-120b", "mxfp4"), card, ddr5(64)).placement, "offload");
    // Does not fit at all: 16 GB of VRAM and 32 GB of RAM (28 after the system) for 59 GB.
    const WorkloadEstimate none = estimateWorkload(inference("gpt-oss-120b", "mxfp4"), card, ddr5(32));
    EXPECT_EQ(none.placement, "none");
    EXPECT_FALSE(none.decodeTokensPerS.has_value());
    EXPECT_NE(none.reason.find("system RAM"), std::string::npos) << none.reason;
    // Without a CPU and memory: offload is possible, but no speed is claimed.
    const WorkloadEstimate unknown = estimateWorkload(inference("gpt-oss-120b", "mxfp4"), card);
    EXPECT_EQ(unknown.placement, "offload");
    EXPECT_FALSE(unknown.decodeTokensPerS.has_value());
    EXPECT_NE(unknown.reason.find("needs the build's memory"), std::string::npos) << unknown.reason;
    // Faster memory gives a faster offloaded decode.
    const double slow = *estimateWorkload(inference("gpt-oss-120b", "mxfp4"), card, ddr5(64, 4800)).decodeTokensPerS;
    const double fast = *estimateWorkload(inference("gpt-oss-120b", "mxfp4"), card, ddr5(64, 6400)).decodeTokensPerS;
    EXPECT_GT(fast, slow);
}

TEST(WorkloadOffload, GivenPlacementIsEstimatedAsGiven)
{
    // --cpu-moe on a card that holds the model (the RX 7900 XT reply in llama.cpp discussion #15396).
    Workload w = inference("gpt-oss-20b", "mxfp4", 512);
    w.cpuMoeLayers = 24;
    GpuForWorkload xt = nvidia("Radeon RX 7900 XT", 20, 800, 103.0, 51.5);
    xt.vendor = Vendor::Amd;
    const WorkloadEstimate e = estimateWorkload(w, std::vector<GpuForWorkload>{xt}, ddr5(32, 3200, 2, 12));
    EXPECT_EQ(e.placement, "offload");
    EXPECT_EQ(e.llamaCppFlags, "-ngl 99 --cpu-moe");
    // -ngl that does not fit is refused as "none".
    Workload tooMany = inference("qwen3-32b", "q4_k_m", 8192);
    tooMany.gpuLayers = 64;
    EXPECT_EQ(estimateWorkload(tooMany, std::vector<GpuForWorkload>{rtx3060()}, ddr5(64)).placement, "none");
    // --n-cpu-moe on a dense model is bad input.
    Workload dense = inference("qwen3-32b");
    dense.cpuMoeLayers = 4;
    EXPECT_THROW(estimateWorkload(dense, std::vector<GpuForWorkload>{rtx3060()}, ddr5(64)), std::invalid_argument);
}

}  // namespace
}  // namespace mlrig
