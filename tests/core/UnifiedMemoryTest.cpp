// The workload model on unified-memory machines: how much memory the GPU may use (hand-worked from the
// sources in core/eval/UnifiedMemory.cpp), and what follows for fit and speed.
#include <gtest/gtest.h>

#include <stdexcept>

#include "core/eval/UnifiedMemory.h"
#include "tests/support/BuiltInCatalog.h"

namespace mlrig {
namespace {

UnifiedChip chipOf(UnifiedFamily family, double bandwidth, std::optional<double> fp16 = std::nullopt)
{
    UnifiedChip c;
    c.chip = "Test chip";
    c.vendor = family == UnifiedFamily::AppleSilicon ? "apple" : family == UnifiedFamily::StrixHalo ? "amd" : "nvidia";
    c.family = family;
    c.memoryBandwidthGbs = bandwidth;
    c.fp16Tflops = fp16;
    c.source = "test";
    return c;
}

UnifiedSystem machine(double memoryGb)
{
    UnifiedSystem s;
    s.system = "Test machine";
    s.chip = "Test chip";
    s.memoryGb = memoryGb;
    s.source = "test";
    return s;
}

Workload llm(const char* model, const char* quant, int context = 4096)
{
    Workload w;
    w.kind = WorkloadKind::LlmInference;
    w.model = model;
    w.quant = quant;
    w.context = context;
    return w;
}

TEST(UnifiedMemory, MacDefaultsFollowTheMeasuredWorkingSetSizes)
{
    // 16 GB: two thirds (10.67 GB on an M4 Mac mini, exo PR #1672).
    EXPECT_NEAR(usableGpuMemory(UnifiedFamily::AppleSilicon, 16).defaultGb, 10.67, 0.01);
    // 64 GB: three quarters (a 64 GB M1/M2 Max stops loading at ~47-48 GB, llama.cpp #1870).
    EXPECT_NEAR(usableGpuMemory(UnifiedFamily::AppleSilicon, 64).defaultGb, 48.0, 1e-9);
    // 128 GB: 107.52 GiB measured on two machines under macOS 26 (antirez/ds4 #893).
    const UsableMemory mac128 = usableGpuMemory(UnifiedFamily::AppleSilicon, 128);
    EXPECT_NEAR(mac128.defaultGb, 107.52, 1e-9);
    // Raised with the sysctl to all but 8 GB; the command says the MiB figure.
    EXPECT_NEAR(mac128.tunedGb, 120.0, 1e-9);
    EXPECT_NE(mac128.howToRaise.find("iogpu.wired_limit_mb=122880"), std::string::npos) << mac128.howToRaise;
    // A small Mac is never "raised" below its default.
    const UsableMemory mac8 = usableGpuMemory(UnifiedFamily::AppleSilicon, 8);
    EXPECT_GE(mac8.tunedGb, mac8.defaultGb);
}

TEST(UnifiedMemory, StrixHaloAndGb10Limits)
{
    const UsableMemory strix = usableGpuMemory(UnifiedFamily::StrixHalo, 128);
    EXPECT_NEAR(strix.defaultGb, 64.0, 1e-9);   // GTT default: half of RAM
    EXPECT_NEAR(strix.tunedGb, 124.0, 1e-9);    // 126976 MiB, as the toolbox guide sets
    EXPECT_NE(strix.howToRaise.find("amdgpu.gttsize=126976"), std::string::npos) << strix.howToRaise;
    const UsableMemory spark = usableGpuMemory(UnifiedFamily::Gb10, 128);
    EXPECT_NEAR(spark.defaultGb, 130596048896.0 / 1073741824.0 - 4.0, 1e-9);  // CUDA-visible minus Linux
    EXPECT_EQ(spark.tunedGb, spark.defaultGb);
    EXPECT_TRUE(spark.howToRaise.empty());
}

TEST(UnifiedMemory, BadSizesAreRefused)
{
    EXPECT_THROW(usableGpuMemory(UnifiedFamily::AppleSilicon, 0), std::invalid_argument);
    EXPECT_THROW(usableGpuMemory(UnifiedFamily::StrixHalo, -1), std::invalid_argument);
    EXPECT_THROW(usableGpuMemory(UnifiedFamily::Gb10, std::numeric_limits<double>::infinity()), std::invalid_argument);
}

TEST(UnifiedMemory, A70BModelFitsA64GbMacOutOfTheBoxButGptOss120bNeedsMore)
{
    const UnifiedChip chip = chipOf(UnifiedFamily::AppleSilicon, 400);
    // Llama 3.3 70B q4_k_m at 4k context: ~41 GB of weights and ~1.3 GB of KV, under the default 48 GB.
    const SystemEstimate llama = estimateOnSystem(llm("llama-3.3-70b", "q4_k_m"), machine(64), chip);
    EXPECT_TRUE(llama.estimate.fits);
    EXPECT_FALSE(llama.needsRaisedLimit);
    ASSERT_TRUE(llama.estimate.decodeTokensPerS.has_value());
    // gpt-oss-120b needs ~61 GB: more than 64 GB less macOS's 8 GB.
    const SystemEstimate oss = estimateOnSystem(llm("gpt-oss-120b", "mxfp4"), machine(64), chip);
    EXPECT_FALSE(oss.estimate.fits);
    EXPECT_FALSE(oss.estimate.decodeTokensPerS.has_value());
    EXPECT_FALSE(oss.estimate.runs());  // no "offload to system RAM": it is the same pool
    EXPECT_NE(oss.estimate.reason.find("may use at most 56.0 GB"), std::string::npos) << oss.estimate.reason;
    // On 96 GB it fits the default 72 GB.
    const SystemEstimate oss96 = estimateOnSystem(llm("gpt-oss-120b", "mxfp4"), machine(96), chip);
    EXPECT_TRUE(oss96.estimate.fits);
    EXPECT_FALSE(oss96.needsRaisedLimit);
}

TEST(UnifiedMemory, AFitThatNeedsTheRaisedLimitSaysHow)
{
    // Qwen2.5 72B q4_k_m (~44 GB + KV) on a 64 GB Strix Halo box: over the 32 GB GTT default, under 60.
    const SystemEstimate est =
        estimateOnSystem(llm("qwen2.5-72b", "q4_k_m"), machine(64), chipOf(UnifiedFamily::StrixHalo, 256));
    EXPECT_TRUE(est.estimate.fits);
    EXPECT_TRUE(est.needsRaisedLimit);
    bool said = false;
    for (const std::string& a : est.estimate.assumptions)
        said = said || (a.find("this workload needs it") != std::string::npos && a.find("amdgpu.gttsize") != std::string::npos);
    EXPECT_TRUE(said);
}

TEST(UnifiedMemory, DecodeFollowsBandwidthWithThePlatformFactor)
{
    // Same chip at twice the bandwidth: decode of a bandwidth-bound 8B model nearly doubles (the fixed
    // per-layer time keeps it a little under 2x).
    const Workload w = llm("llama-3.1-8b", "q4_k_m", 2048);
    const SystemEstimate slow = estimateOnSystem(w, machine(64), chipOf(UnifiedFamily::AppleSilicon, 200));
    const SystemEstimate fast = estimateOnSystem(w, machine(64), chipOf(UnifiedFamily::AppleSilicon, 400));
    ASSERT_TRUE(slow.estimate.decodeTokensPerS && fast.estimate.decodeTokensPerS);
    const double ratio = *fast.estimate.decodeTokensPerS / *slow.estimate.decodeTokensPerS;
    EXPECT_GT(ratio, 1.8);
    EXPECT_LT(ratio, 2.0);
    // Hand-worked: 8.03B x 4.89 bits / 8 = 4.91e9 bytes, less the 0.64 GB input embedding kept in RAM,
    // plus 0.27 GB of KV at 2048 tokens: ~4.5 GB per token at 400 x 66% x the platform factor.
    const StackFactors apple = platformFactors(chipOf(UnifiedFamily::AppleSilicon, 400));
    const double bytes = 4.5e9;
    const double expected = 1.0 / (bytes / (400e9 * 0.66 * apple.bandwidth) + 32 * 2e-6);
    EXPECT_NEAR(*fast.estimate.decodeTokensPerS, expected, expected * 0.08);
    // Prefill needs the GPU's throughput: unknown FP16 -> no prefill figure, and the estimate says why.
    EXPECT_FALSE(fast.estimate.prefillTokensPerS.has_value());
}

TEST(UnifiedMemory, TheBuiltInTableCoversTheIssueFamiliesWithSources)
{
    const UnifiedSystemTable& table = testsupport::builtInCatalog().unifiedSystems();
    int apple = 0, strix = 0, gb10 = 0;
    for (const UnifiedSystem& s : table.systems()) {
        const UnifiedChip& chip = table.chipOf(s);
        EXPECT_FALSE(s.source.empty()) << s.system;
        EXPECT_GT(chip.memoryBandwidthGbs, 0) << chip.chip;
        apple += chip.family == UnifiedFamily::AppleSilicon;
        strix += chip.family == UnifiedFamily::StrixHalo;
        gb10 += chip.family == UnifiedFamily::Gb10;
        // Every machine gets an estimate without throwing.
        EXPECT_NO_THROW(estimateOnSystem(llm("llama-3.1-8b", "q4_k_m"), s, chip)) << s.system;
    }
    EXPECT_GE(apple, 8);
    EXPECT_GE(strix, 3);
    EXPECT_GE(gb10, 1);
    ASSERT_NE(table.system("NVIDIA DGX Spark (128 GB, 4 TB)"), nullptr);
}

}  // namespace
}  // namespace mlrig
