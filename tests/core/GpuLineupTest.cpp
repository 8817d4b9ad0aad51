// The 2025-26 GPU line-up in the real catalog (db/source/gpu_chips.csv): every model is there with
// its sourced figures, linked to its OpenDB cards where OpenDB has them, and treated as what it is
// (a workstation card is no old datacentre card; a dual-GPU board is two GPUs to the workload model).
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/catalog/Catalog.h"
#include "core/eval/Evaluate.h"
#include "core/eval/ValueMetrics.h"
#include "core/eval/WorkloadModel.h"
#include "tests/support/BuiltInCatalog.h"
#include "tests/support/Parts.h"

using namespace mlrig;
using mlrig::testsupport::builtInCatalog;

namespace {

struct Expected {
    const char* model;
    Vendor vendor;
    GpuClass gpuClass;
    const char* architecture;
    double vramGb;
    double bandwidthGbs;
    double tensorTflops;  // dense FP16 with FP32 accumulate, the headline column
    double tdpW;
};

// The figures each row was written from (see the row's source cell).
const Expected kLineup[] = {
    {"RTX PRO 6000 Blackwell Workstation Edition", Vendor::Nvidia, GpuClass::Workstation, "Blackwell", 96, 1792, 503.8,
     600},
    {"RTX PRO 6000 Blackwell Max-Q Workstation Edition", Vendor::Nvidia, GpuClass::Workstation, "Blackwell", 96, 1792,
     438.9, 300},
    {"RTX PRO 5000 Blackwell 48GB", Vendor::Nvidia, GpuClass::Workstation, "Blackwell", 48, 1344, 258.0, 300},
    {"RTX PRO 5000 Blackwell 72GB", Vendor::Nvidia, GpuClass::Workstation, "Blackwell", 72, 1344, 258.0, 300},
    {"RTX PRO 4500 Blackwell", Vendor::Nvidia, GpuClass::Workstation, "Blackwell", 32, 896, 210.9, 200},
    {"RTX PRO 4000 Blackwell", Vendor::Nvidia, GpuClass::Workstation, "Blackwell", 24, 672, 148.0, 140},
    {"GeForce RTX 5050", Vendor::Nvidia, GpuClass::Consumer, "Blackwell", 8, 320, 26.3, 130},
    {"Radeon AI PRO R9700", Vendor::Amd, GpuClass::Workstation, "RDNA 4", 32, 640, 191.4, 300},
    {"Arc Pro B50", Vendor::Intel, GpuClass::Workstation, "Battlemage", 16, 224, 85.0, 70},
    {"Arc Pro B60", Vendor::Intel, GpuClass::Workstation, "Battlemage", 24, 456, 98.5, 200},
    {"Arc Pro B60 Dual", Vendor::Intel, GpuClass::Workstation, "Battlemage", 48, 912, 197.0, 400},
    {"Arc Pro B70", Vendor::Intel, GpuClass::Workstation, "Battlemage", 32, 608, 183.5, 230},
};

const Gpu& modelPart(const char* model)
{
    const AnyPart* part = builtInCatalog().find(Category::Gpu, model);
    if (!part || !std::holds_alternative<Gpu>(*part))
        throw std::runtime_error(std::string("no GPU part ") + model);
    return std::get<Gpu>(*part);
}

TEST(GpuLineup, EveryModelIsPresentWithItsSourcedFigures)
{
    for (const Expected& x : kLineup) {
        SCOPED_TRACE(x.model);
        const GpuChip* chip = builtInCatalog().chip(x.model);
        ASSERT_NE(chip, nullptr);
        EXPECT_EQ(chip->model, x.model);
        EXPECT_EQ(chip->vendor, x.vendor);
        EXPECT_EQ(chip->gpuClass, x.gpuClass);
        EXPECT_EQ(chip->architecture, x.architecture);
        ASSERT_TRUE(chip->vramGb && chip->memoryBandwidthGbs && chip->fp16TensorTflops && chip->tdpW);
        EXPECT_DOUBLE_EQ(*chip->vramGb, x.vramGb);
        EXPECT_DOUBLE_EQ(*chip->memoryBandwidthGbs, x.bandwidthGbs);
        EXPECT_NEAR(*chip->fp16TensorTflops, x.tensorTflops, 0.05);
        EXPECT_DOUBLE_EQ(*chip->tdpW, x.tdpW);
        ASSERT_TRUE(chip->transientPeakW.has_value());
        EXPECT_GT(*chip->transientPeakW, *chip->tdpW);
        EXPECT_FALSE(chip->source.empty());
        EXPECT_FALSE(chip->tensorNote.empty());
        // Workstation NVIDIA cards accumulate in FP32 at full rate: no second, faster figure.
        if (x.vendor == Vendor::Nvidia && x.gpuClass == GpuClass::Workstation) {
            EXPECT_FALSE(chip->fp16TensorTflopsFp16Acc.has_value());
        }
        // Selectable as a part of its own even where OpenDB has no card.
        EXPECT_EQ(modelPart(x.model).chipModel, x.model);
    }
    // GeForce keeps the FP16-accumulate figure beside the half-rate headline.
    const GpuChip* rtx5050 = builtInCatalog().chip("GeForce RTX 5050");
    ASSERT_TRUE(rtx5050 && rtx5050->fp16TensorTflopsFp16Acc);
    EXPECT_NEAR(*rtx5050->fp16TensorTflopsFp16Acc, 2 * *rtx5050->fp16TensorTflops, 0.1);
    EXPECT_EQ(builtInCatalog().chip("Arc Pro B60 Dual")->gpusPerBoard, 2);
    EXPECT_EQ(builtInCatalog().chip("Arc Pro B60")->gpusPerBoard, 1);
    // Launch prices where the vendor published one.
    EXPECT_EQ(builtInCatalog().chip("RTX PRO 6000 Blackwell Workstation Edition")->msrpUsd, 8565);
    EXPECT_EQ(builtInCatalog().chip("GeForce RTX 5050")->msrpUsd, 249);
    EXPECT_EQ(builtInCatalog().chip("Radeon AI PRO R9700")->msrpUsd, 1299);
    EXPECT_EQ(builtInCatalog().chip("Arc Pro B50")->msrpUsd, 349);
}

TEST(GpuLineup, OpenDbCardsLinkToTheirModel)
{
    // OpenDB chipset -> model, for every OpenDB string of the line-up.
    const std::vector<std::pair<std::string, std::string>> links = {
        {"NVIDIA RTX PRO 6000 Blackwell Workstation Edition 96GB GDDR7", "RTX PRO 6000 Blackwell Workstation Edition"},
        {"PNY NVIDIA RTX PRO 5000 Blackwell 48GB", "RTX PRO 5000 Blackwell 48GB"},
        {"NVIDIA RTX PRO 5000 Blackwell 72GB", "RTX PRO 5000 Blackwell 72GB"},
        {"PNY RTX PRO 4500 Blackwell 32GB", "RTX PRO 4500 Blackwell"},
        {"PNY NVIDIA RTX PRO 4000 Blackwell 24GB", "RTX PRO 4000 Blackwell"},
        {"Gigabyte Radeon AI PRO R9700 AI TOP 32G GDDR6", "Radeon AI PRO R9700"},
        {"ASRock AMD Radeon AI PRO R9700S Passive 32GB", "Radeon AI PRO R9700"},
        {"Intel Arc Pro B50 16GB", "Arc Pro B50"},
        {"Sparkle Intel Arc Pro B60 Blower 24GB GDDR6", "Arc Pro B60"},
        {"Intel Arc Pro B70 Single-Fan 32GB", "Arc Pro B70"},
    };
    for (const auto& [card, model] : links) {
        SCOPED_TRACE(card);
        const AnyPart* part = builtInCatalog().find(Category::Gpu, card);
        ASSERT_NE(part, nullptr);
        const Gpu& gpu = std::get<Gpu>(*part);
        EXPECT_EQ(gpu.chipModel, model);
        EXPECT_TRUE(gpu.memoryBandwidthGbs.has_value());  // completed from the model row
        EXPECT_EQ(gpu.vramGb, builtInCatalog().chip(model)->vramGb);
    }
    // Every one of OpenDB's 35 RTX 5050 cards (all 8 GB) carries the model's figures.
    int rtx5050 = 0;
    for (const AnyPart& part : builtInCatalog().parts(Category::Gpu)) {
        const Gpu& gpu = std::get<Gpu>(part);
        if (gpu.chipModel == "GeForce RTX 5050" && !gpu.info.id.starts_with("gpu-model:")) {
            ++rtx5050;
            EXPECT_EQ(gpu.memoryBandwidthGbs, 320);
        }
    }
    EXPECT_GE(rtx5050, 30);
}

TEST(GpuLineup, DualB60BoardIsTwoGpusOf24GbToTheWorkloadModel)
{
    std::vector<GpuForWorkload> gpus;
    appendGpusForWorkload(modelPart("Arc Pro B60 Dual"), 1, std::nullopt, gpus);
    ASSERT_EQ(gpus.size(), 2u);
    for (const GpuForWorkload& g : gpus) {
        EXPECT_DOUBLE_EQ(g.vramGb, 24);
        EXPECT_DOUBLE_EQ(*g.memoryBandwidthGbs, 456);
        EXPECT_DOUBLE_EQ(*g.fp16TensorTflops, 98.5);
        EXPECT_EQ(g.vendor, Vendor::Intel);
        EXPECT_EQ(g.gpuClass, GpuClass::Workstation);
    }
    // Two boards are four GPUs.
    gpus.clear();
    appendGpusForWorkload(modelPart("Arc Pro B60 Dual"), 2, std::nullopt, gpus);
    EXPECT_EQ(gpus.size(), 4u);
}

TEST(GpuLineup, ModelOfAboutFortyGbSplitsAcrossTheDualB60)
{
    // Qwen2.5 32B at Q8_0 with a 24K context: 32.2 GB of weights and a 6.0 GB KV cache (2 x 8 KV heads x
    // 128 x 64 layers x 24576 tokens x 2 bytes) plus per-GPU buffers, about 39 GB: more than one 24 GB GPU.
    Workload w = testsupport::workload(WorkloadKind::LlmInference, "qwen2.5-32b", "q8_0", 24576);
    std::vector<GpuForWorkload> dual;
    appendGpusForWorkload(modelPart("Arc Pro B60 Dual"), 1, std::nullopt, dual);
    const WorkloadEstimate onDual = estimateWorkload(w, dual);
    EXPECT_GT(onDual.vramNeededGb, 37);
    EXPECT_LT(onDual.vramNeededGb, 42);
    EXPECT_TRUE(onDual.fits) << onDual.reason;
    EXPECT_EQ(onDual.placement, "vram");
    ASSERT_EQ(onDual.perGpuNeededGb.size(), 2u);
    for (double need : onDual.perGpuNeededGb) {
        EXPECT_GT(need, 10);  // both GPUs hold layers
        EXPECT_LE(need, 24);
    }
    EXPECT_DOUBLE_EQ(onDual.vramAvailableGb, 48);
    // One Arc Pro B60 (24 GB) does not hold it in VRAM.
    std::vector<GpuForWorkload> single;
    appendGpusForWorkload(modelPart("Arc Pro B60"), 1, std::nullopt, single);
    EXPECT_NE(estimateWorkload(w, single).placement, "vram");

    // The same through a build, the way the app evaluates it.
    Build b;
    b.items = {testsupport::gpuItem("Arc Pro B60 Dual")};
    b.workload = w;
    const Evaluation e = evaluate(b, builtInCatalog());
    ASSERT_TRUE(e.workload.has_value());
    EXPECT_TRUE(e.workload->fits) << e.workload->reason;
    EXPECT_EQ(e.workload->perGpuNeededGb.size(), 2u);
}

bool hasRule(const Evaluation& e, std::string_view rule)
{
    return std::any_of(e.findings.begin(), e.findings.end(), [&](const Finding& f) { return f.rule == rule; });
}

TEST(GpuLineup, WorkstationCardsAreNotOldDatacentreCards)
{
    for (const char* model : {"RTX PRO 6000 Blackwell Workstation Edition", "Radeon AI PRO R9700", "Arc Pro B60 Dual"}) {
        SCOPED_TRACE(model);
        Build b;
        b.items = {testsupport::gpuItem(model)};
        const Evaluation e = evaluate(b, builtInCatalog());
        EXPECT_FALSE(hasRule(e, "gpu-datacenter"));
        EXPECT_TRUE(hasRule(e, "gpu-workstation"));
    }
    // The 96 GB card is compared with its GeForce twin of the same generation.
    Build b;
    b.items = {testsupport::gpuItem("RTX PRO 6000 Blackwell Workstation Edition")};
    const Evaluation e = evaluate(b, builtInCatalog());
    const auto it = std::find_if(e.findings.begin(), e.findings.end(),
                                 [](const Finding& f) { return f.rule == "gpu-workstation"; });
    ASSERT_NE(it, e.findings.end());
    EXPECT_NE(it->message.find("GeForce RTX 5090"), std::string::npos) << it->message;
    EXPECT_NE(it->message.find("96 GB"), std::string::npos) << it->message;
}

}  // namespace
