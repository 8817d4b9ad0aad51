// The training and image-generation throughput model on the built-in catalog's cards: the relative
// speeds published measurements show (issue 19), the interconnect and precision it assumes, the
// confidence it states, and the image models beside SDXL with their memory.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "tests/support/BuiltInCatalog.h"
#include "core/catalog/Catalog.h"
#include "core/eval/Evaluate.h"
#include "core/eval/ImageModelPresets.h"
#include "core/eval/ValueMetrics.h"
#include "core/eval/WorkloadModel.h"

namespace mlrig {
namespace {

using testsupport::builtInCatalog;

const Gpu& gpu(const std::string& name)
{
    const AnyPart* part = builtInCatalog().find(Category::Gpu, name);
    if (!part)
        throw std::runtime_error("no GPU " + name + " in the built-in catalog");
    return std::get<Gpu>(*part);
}

std::vector<GpuForWorkload> cards(const std::string& name, int count = 1, std::optional<int> lanes = std::nullopt)
{
    std::vector<GpuForWorkload> out;
    appendGpusForWorkload(gpu(name), count, std::nullopt, out);
    for (GpuForWorkload& g : out)
        g.pcieLanes = lanes;
    return out;
}

Workload qlora8b()
{
    Workload w;
    w.kind = WorkloadKind::LlmFineTune;
    w.model = "llama-3.1-8b";
    w.method = FineTuneMethod::Qlora;
    w.context = 512;
    w.batch = 4;
    return w;
}

Workload image(const std::string& model)
{
    Workload w;
    w.kind = WorkloadKind::ImageGeneration;
    w.model = model;
    return w;
}

Workload bertLargeFull()
{
    Workload w;
    w.kind = WorkloadKind::LlmFineTune;
    w.method = FineTuneMethod::Full;
    w.model = "BERT-large";
    w.customModel = {{"name", "BERT-large"}, {"params_b", 0.335}, {"layers", 24},      {"hidden_size", 1024},
                     {"attention_heads", 16}, {"kv_heads", 16},    {"head_dim", 64}, {"max_context", 512}};
    w.context = 384;
    w.batch = 28;
    return w;
}

double figure(const Workload& w, const std::vector<GpuForWorkload>& gpus)
{
    const WorkloadEstimate e = estimateWorkload(w, gpus);
    EXPECT_TRUE(e.fits) << e.reason;
    return e.figureValue.value_or(0);
}

bool mentions(const WorkloadEstimate& e, const std::string& text)
{
    for (const std::string& a : e.assumptions)
        if (a.find(text) != std::string::npos)
            return true;
    return false;
}

// Lambda's PyTorch BERT-large benchmark puts an RTX 6000 Ada at 1.5x an RTX 3090, an H100 PCIe at 3.9x,
// an RTX A6000 at 1.3x and two RTX 4090s at 2.7x; the tensor-peak scaling mlrig used said 5.1x, 10.6x,
// 2.2x and 4.2x. Measured SDXL speed puts an RTX 6000 Ada near an RTX 4090 (the peak said twice).
TEST(TrainingImageModel, RelativeSpeedsFollowMeasurementsNotTensorPeak)
{
    const Workload q = qlora8b();
    const double r3090 = figure(q, cards("GeForce RTX 3090"));
    EXPECT_GT(figure(q, cards("RTX 6000 Ada")) / r3090, 1.2);
    EXPECT_LT(figure(q, cards("RTX 6000 Ada")) / r3090, 2.2);
    EXPECT_GT(figure(q, cards("H100 PCIe")) / r3090, 3.0);
    EXPECT_LT(figure(q, cards("H100 PCIe")) / r3090, 5.5);
    EXPECT_GT(figure(q, cards("RTX A6000")) / r3090, 1.1);
    EXPECT_LT(figure(q, cards("RTX A6000")) / r3090, 1.7);

    const Workload sdxl = image("sdxl");
    const double ada = figure(sdxl, cards("RTX 6000 Ada"));
    const double g4090 = figure(sdxl, cards("GeForce RTX 4090"));
    EXPECT_GT(ada / g4090, 0.75);
    EXPECT_LT(ada / g4090, 1.6);
    // The image ranking no longer puts an AMD card first on paper TFLOPS: a 7900 XTX is below a 4090.
    EXPECT_LT(figure(sdxl, cards("Radeon RX 7900 XTX")), g4090);
}

// The relative table of the report: before (dense FP16 tensor peak, 90% per extra card) and now.
TEST(TrainingImageModel, PrintsRelativeTableAgainstRtx3090)
{
    const char* names[] = {"GeForce RTX 3090", "GeForce RTX 4090", "RTX A6000", "RTX 6000 Ada", "A100 80GB",
                           "H100 PCIe"};
    const Workload q = qlora8b();
    const Workload sdxl = image("sdxl");
    const double base = *gpu("GeForce RTX 3090").fp16TensorTflops;
    const double q3090 = figure(q, cards("GeForce RTX 3090"));
    const double s3090 = figure(sdxl, cards("GeForce RTX 3090"));
    std::printf("  %-18s %5s  %-14s %-14s %-14s\n", "card", "count", "before (peak)", "QLoRA 8B now", "SDXL now");
    for (const char* name : names) {
        for (int n : {1, 2}) {
            const double before = *gpu(name).fp16TensorTflops / base * (n == 1 ? 1.0 : 1.8);
            const double qNow = figure(q, cards(name, n)) / q3090;
            const double sNow = figure(sdxl, cards(name, n)) / s3090;
            std::printf("  %-18s %5d  %13.2fx %13.2fx %13.2fx\n", name, n, before, qNow, sNow);
            EXPECT_GT(qNow, 0.9);
        }
    }
}

TEST(TrainingImageModel, DataParallelScalingFollowsTheInterconnect)
{
    // A full fine-tune all-reduces every gradient (335M x 2 B = 0.67 GB per step): NVLink keeps more of
    // the second card than PCIe 4.0 x16, and x16 more than x8.
    const Workload w = bertLargeFull();
    const double one = figure(w, cards("GeForce RTX 3090"));
    std::vector<GpuForWorkload> nvlink = cards("GeForce RTX 3090", 2);
    ASSERT_TRUE(nvlink[0].nvlink);
    std::vector<GpuForWorkload> pcie = nvlink;
    for (GpuForWorkload& g : pcie)
        g.nvlink = false;
    std::vector<GpuForWorkload> x8 = pcie;
    for (GpuForWorkload& g : x8)
        g.pcieLanes = 8;
    const double viaNvlink = figure(w, nvlink) / one;
    const double viaX16 = figure(w, pcie) / one;
    const double viaX8 = figure(w, x8) / one;
    EXPECT_GT(viaNvlink, viaX16);
    EXPECT_GT(viaX16, viaX8);
    EXPECT_GT(viaX8, 1.3);
    EXPECT_LT(viaNvlink, 2.0);
    const WorkloadEstimate e = estimateWorkload(w, x8);
    EXPECT_TRUE(mentions(e, "PCIe 4.0 x8")) << e.assumptions.back();
    EXPECT_TRUE(mentions(estimateWorkload(w, nvlink), "NVLink bridge"));
    // An H100 PCIe pair talks PCIe 5.0.
    EXPECT_TRUE(mentions(estimateWorkload(w, cards("H100 PCIe", 2)), "NVLink bridge") ||
                mentions(estimateWorkload(w, cards("H100 PCIe", 2)), "PCIe 5.0"));
}

TEST(TrainingImageModel, PrecisionBoundAndEfficiencyAreStated)
{
    const Workload q = qlora8b();
    const WorkloadEstimate ampere = estimateWorkload(q, cards("GeForce RTX 3090"));
    EXPECT_TRUE(mentions(ampere, "bf16 mixed precision"));
    EXPECT_TRUE(mentions(ampere, "compute bound") || mentions(ampere, "memory bound"));
    EXPECT_TRUE(mentions(ampere, "Lambda"));
    // No bf16 before Ampere: a Turing card trains in fp16 with loss scaling.
    const WorkloadEstimate turing = estimateWorkload(q, cards("GeForce RTX 2080 Ti"));
    EXPECT_TRUE(mentions(turing, "no bf16 before Ampere"));
    // A Hopper card is bandwidth-limited on this roofline (its tensor peak is 10x a 3090's).
    EXPECT_TRUE(mentions(estimateWorkload(q, cards("H100 PCIe")), "memory bound"));
    // Without tensor cores (Pascal) the FP32 rate is used.
    Workload small = bertLargeFull();
    small.batch = 4;
    const WorkloadEstimate pascal = estimateWorkload(small, cards("Tesla P40"));
    EXPECT_TRUE(mentions(pascal, "fp32 (no tensor cores")) << pascal.reason;
}

TEST(TrainingImageModel, ConfidenceReflectsDistanceFromCalibration)
{
    const Workload q = qlora8b();
    EXPECT_EQ(estimateWorkload(q, cards("GeForce RTX 3090")).confidence, Confidence::High);  // measured card
    EXPECT_EQ(estimateWorkload(q, cards("GeForce RTX 3070")).confidence, Confidence::Medium);  // measured arch
    EXPECT_EQ(estimateWorkload(q, cards("GeForce RTX 5090")).confidence, Confidence::Low);     // Blackwell
    EXPECT_EQ(estimateWorkload(q, cards("Radeon RX 7900 XTX")).confidence, Confidence::Medium);  // RDNA 3 checked
    EXPECT_EQ(estimateWorkload(q, cards("Radeon RX 9070 XT")).confidence, Confidence::Low);     // no RDNA 4 run
    const Workload sdxl = image("sdxl");
    EXPECT_EQ(estimateWorkload(sdxl, cards("Radeon RX 7900 XTX")).confidence, Confidence::High);
    EXPECT_EQ(estimateWorkload(sdxl, cards("Radeon RX 7800 XT")).confidence, Confidence::Medium);
    // An uncalibrated model (no measured FLUX run) stays low even on a calibration card.
    EXPECT_EQ(estimateWorkload(image("flux.1-schnell-8bit"), cards("GeForce RTX 4090")).confidence, Confidence::Low);
}

TEST(TrainingImageModel, ImageModelsAnswerWhetherTheyFitTwelveGigabytes)
{
    const std::vector<GpuForWorkload> twelve = cards("GeForce RTX 3060 12GB");
    const auto fits = [&](const char* id) { return estimateWorkload(image(id), twelve).fits; };
    EXPECT_TRUE(fits("sd-1.5"));
    EXPECT_TRUE(fits("sdxl"));
    EXPECT_TRUE(fits("sd-3.5-medium"));       // 2.5B x 2 B; T5 runs first at 10.4 GB
    EXPECT_FALSE(fits("sd-3.5-large"));       // 8.1B x 2 B = 15.1 GB
    EXPECT_TRUE(fits("sd-3.5-large-8bit"));   // 7.5 GB + VAE + 2.5 GB working
    EXPECT_FALSE(fits("flux.1-dev"));         // 12B x 2 B = 22.4 GB
    EXPECT_FALSE(fits("flux.1-dev-8bit"));    // 11.2 GB before working memory
    EXPECT_FALSE(fits("flux.1-schnell-8bit"));
    // FLUX in 8 bit fits a 16 GB card; in fp16 not even a 24 GB one.
    EXPECT_TRUE(estimateWorkload(image("flux.1-dev-8bit"), cards("GeForce RTX 4060 Ti 16GB")).fits);
    EXPECT_FALSE(estimateWorkload(image("flux.1-dev"), cards("GeForce RTX 4090")).fits);
    EXPECT_TRUE(estimateWorkload(image("flux.1-dev"), cards("RTX A6000")).fits);
    // FLUX schnell samples 4 steps to dev's 50: many times the images per minute.
    EXPECT_GT(figure(image("flux.1-schnell"), cards("RTX A6000")),
              5 * figure(image("flux.1-dev"), cards("RTX A6000")));
    for (const ImageModelSpec& m : imageModelPresets()) {
        EXPECT_FALSE(m.source.empty()) << m.id;
        EXPECT_GT(m.tflopPerStep, 0) << m.id;
    }
}

TEST(TrainingImageModel, OldFilesNamingSdxlStillWork)
{
    for (const char* name : {"sdxl", "SDXL", "Stable Diffusion XL", "sdxl-1.0", ""}) {
        const ImageModelSpec* m = findImageModelPreset(name);
        ASSERT_NE(m, nullptr) << name;
        EXPECT_EQ(m->id, "sdxl");
    }
    EXPECT_EQ(findImageModelPreset("llama-3.1-8b"), nullptr);
    const WorkloadEstimate e = estimateWorkload(image("llama-3.1-8b"), cards("GeForce RTX 4090"));
    EXPECT_TRUE(mentions(e, "not an image model"));
    EXPECT_EQ(e.confidence, Confidence::Low);
    EXPECT_NE(e.modelName.find("SDXL"), std::string::npos);
}

// The value chart's table carries the workload's own figure (per card and per dollar), the same one the
// estimate gives, so the chart ranks image and training cards by measured-calibrated speed.
TEST(TrainingImageModel, ValueTableCarriesTheWorkloadFigure)
{
    const Workload sdxl = image("sdxl");
    const std::vector<GpuValueRow> rows = gpuValueTable(builtInCatalog(), sdxl);
    bool seen = false;
    for (const GpuValueRow& r : rows) {
        if (r.model != "GeForce RTX 4090")
            continue;
        seen = true;
        std::vector<GpuForWorkload> one;
        appendGpusForWorkload(*r.gpu, 1, std::nullopt, one);
        ASSERT_TRUE(r.figure.has_value());
        EXPECT_DOUBLE_EQ(*r.figure, *estimateWorkload(sdxl, one).figureValue);
        EXPECT_EQ(r.figureName, "images/min");
        // Per dollar of the effective price (the market price where there is one, not the MSRP).
        ASSERT_TRUE(r.value.price.has_value());
        EXPECT_NEAR(r.figurePerDollar.value_or(0), *r.figure / *r.value.price, 1e-12);
    }
    EXPECT_TRUE(seen);
}

// In a build, the lanes each card gets come from the platform: two cards on a desktop CPU (24 lanes)
// split its x16 link x8/x8, and the data-parallel estimate says so.
TEST(TrainingImageModel, BuildPlatformSetsTheLanesPerCard)
{
    const Catalog& catalog = builtInCatalog();
    const auto item = [&](Category category, const char* words, int quantity = 1) {
        const std::vector<const AnyPart*> found = catalog.search(category, words, 1);
        EXPECT_FALSE(found.empty()) << words;
        BuildItem i;
        i.category = category;
        i.ref = found.empty() ? std::string() : infoOf(*found.front()).id;
        i.quantity = quantity;
        return i;
    };
    Build build;
    build.items = {item(Category::Cpu, "Ryzen 9 7900X"), item(Category::Motherboard, "X670E ProArt-CREATOR"),
                   item(Category::Gpu, "GeForce RTX 4090", 2)};
    build.workload = bertLargeFull();
    const Evaluation e = evaluate(build, catalog);
    ASSERT_TRUE(e.workload.has_value());
    EXPECT_TRUE(mentions(*e.workload, "PCIe 4.0 x8")) << e.workload->reason;
}

}  // namespace
}  // namespace mlrig
