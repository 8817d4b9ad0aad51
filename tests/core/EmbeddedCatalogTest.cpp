// Checks on the real catalog the build embeds (db/source -> parts.sqlite).
#include <gtest/gtest.h>

#include "tests/support/BuiltInCatalog.h"
#include "core/catalog/Catalog.h"

using namespace mlrig;
using mlrig::testsupport::builtInCatalog;

TEST(EmbeddedCatalog, HasThousandsOfPartsInMostCategories)
{
    const CatalogStats stats = builtInCatalog().stats();
    EXPECT_EQ(stats.schemaVersion, 3);
    int bigCategories = 0;
    for (Category c : kAllCategories) {
        EXPECT_GT(stats.partsPerCategory.at(c), 500u) << categoryId(c);
        if (stats.partsPerCategory.at(c) >= 1000)
            ++bigCategories;
    }
    EXPECT_GE(bigCategories, 6);
    EXPECT_GT(stats.partsWithPrice, 100u);
}

TEST(EmbeddedCatalog, CoversTheRequiredGpuModels)
{
    for (const char* model :
         {"GeForce RTX 2080 Ti", "GeForce RTX 3060 12GB", "GeForce RTX 3060 Ti", "GeForce RTX 3070",
          "GeForce RTX 3080 10GB", "GeForce RTX 3080 12GB", "GeForce RTX 3080 Ti", "GeForce RTX 3090",
          "GeForce RTX 3090 Ti", "GeForce RTX 4060 Ti 16GB", "GeForce RTX 4070", "GeForce RTX 4070 Super",
          "GeForce RTX 4070 Ti", "GeForce RTX 4070 Ti Super", "GeForce RTX 4080", "GeForce RTX 4080 Super",
          "GeForce RTX 4090", "GeForce RTX 5060 Ti 16GB", "GeForce RTX 5070", "GeForce RTX 5070 Ti",
          "GeForce RTX 5080", "GeForce RTX 5090", "Tesla K80", "Tesla M40 24GB", "Tesla P40", "Tesla P100 16GB PCIe",
          "Tesla T4", "A100 40GB", "A100 80GB", "A40", "L40S", "H100 PCIe", "RTX A4000", "RTX A5000",
          "RTX A6000", "RTX 6000 Ada", "Radeon RX 7900 XT", "Radeon RX 7900 XTX", "Arc A770 16GB", "Arc B580"}) {
        EXPECT_NE(builtInCatalog().chip(model), nullptr) << model;
    }
    bool v100 = false;
    for (const GpuChip& chip : builtInCatalog().chips())
        v100 = v100 || chip.model.find("V100") != std::string::npos;
    EXPECT_TRUE(v100);
}

TEST(EmbeddedCatalog, EveryGpuModelRowIsCompleteAndSourced)
{
    ASSERT_GE(builtInCatalog().chips().size(), 40u);
    for (const GpuChip& chip : builtInCatalog().chips()) {
        SCOPED_TRACE(chip.model);
        EXPECT_TRUE(chip.vramGb && *chip.vramGb > 0);
        EXPECT_TRUE(chip.memoryBandwidthGbs && *chip.memoryBandwidthGbs > 0);
        EXPECT_TRUE(chip.tdpW && *chip.tdpW > 0);
        EXPECT_TRUE((chip.fp16TensorTflops && *chip.fp16TensorTflops > 0) || !chip.tensorNote.empty());
        EXPECT_FALSE(chip.source.empty());
        EXPECT_NE(chip.vendor, Vendor::Unknown);
        EXPECT_NE(chip.gpuClass, GpuClass::Unknown);
        if (chip.fp16TensorTflopsFp16Acc && chip.fp16TensorTflops) {
            EXPECT_GE(*chip.fp16TensorTflopsFp16Acc, *chip.fp16TensorTflops);
        }
    }
}

TEST(EmbeddedCatalog, HeadlineFiguresMatchTheWhitepapers)
{
    const GpuChip* rtx3090 = builtInCatalog().chip("GeForce RTX 3090");
    ASSERT_NE(rtx3090, nullptr);
    EXPECT_DOUBLE_EQ(*rtx3090->vramGb, 24);
    EXPECT_NEAR(*rtx3090->memoryBandwidthGbs, 936, 1);
    EXPECT_NEAR(*rtx3090->fp16TensorTflops, 71, 1.5);  // FP32 accumulate: half the FP16-accumulate rate
    EXPECT_TRUE(rtx3090->nvlink.value_or(false));
    const GpuChip* rtx4090 = builtInCatalog().chip("GeForce RTX 4090");
    ASSERT_NE(rtx4090, nullptr);
    EXPECT_NEAR(*rtx4090->fp16TensorTflops, 165, 2);
    EXPECT_FALSE(builtInCatalog().chip("Tesla P40")->fp16TensorTflops.has_value());
    EXPECT_EQ(builtInCatalog().chip("Tesla K80")->gpusPerBoard, 2);
}

TEST(EmbeddedCatalog, MostPartnerCardsLinkToAGpuModel)
{
    size_t linked = 0;
    size_t nvidiaRtx = 0;
    for (const AnyPart& part : builtInCatalog().parts(Category::Gpu)) {
        const Gpu& gpu = std::get<Gpu>(part);
        if (gpu.info.id.starts_with("gpu-model:"))
            continue;
        if (gpu.chipModel.find("RTX 30") != std::string::npos || gpu.chipModel.find("RTX 40") != std::string::npos) {
            ++nvidiaRtx;
            if (builtInCatalog().chip(gpu.chipModel))
                ++linked;
        }
    }
    ASSERT_GT(nvidiaRtx, 500u);
    EXPECT_GT(static_cast<double>(linked) / static_cast<double>(nvidiaRtx), 0.9);
}

TEST(EmbeddedCatalog, ShortGpuModelNamesResolveOnlyWhenUnambiguous)
{
    ASSERT_NE(builtInCatalog().chip("Tesla M40"), nullptr);
    EXPECT_EQ(builtInCatalog().chip("Tesla M40")->model, "Tesla M40 24GB");
    EXPECT_EQ(builtInCatalog().chip("GeForce RTX 3080"), nullptr);  // 10GB, 12GB or Ti?
    EXPECT_EQ(builtInCatalog().chip("GeForce RTX 3080 10 GB")->model, "GeForce RTX 3080 10GB");
    EXPECT_EQ(builtInCatalog().chip("rtx 3090")->model, "GeForce RTX 3090");
    EXPECT_EQ(builtInCatalog().chip("P40")->model, "Tesla P40");
    EXPECT_EQ(builtInCatalog().chip("AMD Radeon RX 7900 XTX")->model, "Radeon RX 7900 XTX");
}

TEST(EmbeddedCatalog, RealLookupsWork)
{
    const AnyPart* model = builtInCatalog().find(Category::Gpu, "GeForce RTX 3090");
    ASSERT_NE(model, nullptr);
    EXPECT_TRUE(std::get<Gpu>(*model).memoryBandwidthGbs.has_value());
    EXPECT_FALSE(builtInCatalog().search(Category::Cpu, "ryzen 9 7950x").empty());
    EXPECT_FALSE(builtInCatalog().search(Category::Motherboard, "x670e").empty());
}
