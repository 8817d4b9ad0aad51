// Every rule id of DESIGN.md: a build that triggers it and a near miss that does not.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/eval/Evaluate.h"
#include "tests/support/GpuChips.h"
#include "tests/support/Parts.h"

using namespace mlrig;
using namespace mlrig::testsupport;

namespace {

std::vector<GpuChip> chips()
{
    std::vector<GpuChip> list = {
        gpuChip("GeForce RTX 3090", GpuClass::Consumer, "Ampere", 24, 936, 71, 350, 600, 313, 3, 2, 0, true, Cooling::Open,
                1499),
        gpuChip("GeForce RTX 3060 12GB", GpuClass::Consumer, "Ampere", 12, 360, 25.6, 170, 300, 242, 2, 1, 0, false,
                Cooling::Open, 329),
        gpuChip("GeForce RTX 4090", GpuClass::Consumer, "Ada Lovelace", 24, 1008, 165.2, 450, 655, 304, 3, 0, 1, false,
                Cooling::Open, 1599),
        gpuChip("RTX A6000", GpuClass::Workstation, "Ampere", 48, 768, 154.8, 300, 390, 267, 2, 1, 0, true, Cooling::Blower,
                4650),
        gpuChip("Tesla K80", GpuClass::Datacenter, "Kepler", 24, 480, std::nullopt, 300, 330, 267, 2, 1, 0, false,
                Cooling::Passive, 5000, 2),
        gpuChip("Tesla P40", GpuClass::Datacenter, "Pascal", 24, 346, std::nullopt, 250, 300, 267, 2, 1, 0, false,
                Cooling::Passive, 5699),
        gpuChip("Radeon RX 7900 XTX", GpuClass::Consumer, "RDNA 3", 24, 960, 122.8, 355, 500, 287, 2.5, 2, 0, false,
                Cooling::Open, 999, 1, Vendor::Amd),
    };
    list[0].fp16TensorTflopsFp16Acc = 142;
    list[5].tensorNote = "FP16 at 1/64 rate";
    return list;
}

Catalog catalog()
{
    return Catalog::fromParts({}, chips());
}

// A complete single-3090 build that passes every check.
Build goodBuild()
{
    const Platform p = am5Platform();
    Build b;
    b.name = "test";
    b.items = {customItem(p.cpu), customItem(p.board),  customItem(p.ram),    gpuItem("GeForce RTX 3090"),
               customItem(p.psu), customItem(p.pcCase), customItem(p.cooler), customItem(p.ssd)};
    return b;
}

template <typename T>
T& part(Build& b)
{
    for (BuildItem& item : b.items) {
        if (item.custom && std::holds_alternative<T>(*item.custom))
            return std::get<T>(*item.custom);
    }
    throw std::logic_error("no such part in the build");
}

BuildItem& item(Build& b, Category category)
{
    for (BuildItem& i : b.items) {
        if (i.category == category)
            return i;
    }
    throw std::logic_error("no such item in the build");
}

void removeCategory(Build& b, Category category)
{
    std::erase_if(b.items, [category](const BuildItem& i) { return i.category == category; });
}

class Rules : public ::testing::Test {
protected:
    Catalog cat = catalog();

    Evaluation run(const Build& b) { return evaluate(b, cat); }

    static const Finding* find(const Evaluation& e, std::string_view rule)
    {
        const auto it = std::find_if(e.findings.begin(), e.findings.end(), [rule](const Finding& f) { return f.rule == rule; });
        return it == e.findings.end() ? nullptr : &*it;
    }
    static ::testing::AssertionResult fires(const Evaluation& e, std::string_view rule, Severity severity,
                                            std::string_view text = {})
    {
        for (const Finding& f : e.findings) {
            if (f.rule == rule && f.severity == severity && f.message.find(text) != std::string::npos)
                return ::testing::AssertionSuccess();
        }
        std::string all;
        for (const Finding& f : e.findings)
            all += "\n  " + f.rule + " [" + std::string(severityId(f.severity)) + "] " + f.message;
        return ::testing::AssertionFailure() << rule << " (" << severityId(severity) << ", \"" << text
                                             << "\") not found in:" << all;
    }
    static ::testing::AssertionResult silent(const Evaluation& e, std::string_view rule)
    {
        if (const Finding* f = find(e, rule))
            return ::testing::AssertionFailure() << rule << " fired: " << f->message;
        return ::testing::AssertionSuccess();
    }
};

}  // namespace

TEST_F(Rules, GoodBuildHasNoFindingsAtAll)
{
    const Evaluation e = run(goodBuild());
    std::string all;
    for (const Finding& f : e.findings)
        all += f.rule + ": " + f.message + "\n";
    EXPECT_TRUE(e.findings.empty()) << all;
}

TEST_F(Rules, CpuSocket)
{
    Build b = goodBuild();
    part<Cpu>(b).socket = "LGA 1700";
    EXPECT_TRUE(fires(run(b), "cpu-socket", Severity::Error, "LGA 1700"));
    part<Cpu>(b).socket = "am-5";  // spelling differs only in case and hyphen
    EXPECT_TRUE(silent(run(b), "cpu-socket"));
}

TEST_F(Rules, CpuBiosFollowsTheChipsetAndTheCpuGeneration)
{
    Build b = goodBuild();
    EXPECT_TRUE(silent(run(b), "cpu-bios"));  // chipset and microarchitecture unknown: nothing claimed
    part<Cpu>(b).socket = "AM4";
    part<Motherboard>(b).socket = "AM4";
    part<Motherboard>(b).memoryType = "DDR4";
    part<Memory>(b).memoryType = "DDR4";
    part<Cpu>(b).memoryTypes = {"DDR4"};
    part<Cpu>(b).microarchitecture = "Zen 3";
    part<Motherboard>(b).chipset = "AMD B450";  // a 2019 board: Ryzen 5000 only after a BIOS update
    EXPECT_TRUE(fires(run(b), "cpu-bios", Severity::Warning, "only after a BIOS update"));
    part<Motherboard>(b).chipset = "B550";  // early stock needs the update
    EXPECT_TRUE(fires(run(b), "cpu-bios", Severity::Note, "made before"));
    part<Cpu>(b).microarchitecture = "Zen+";  // B550 never takes Ryzen 2000
    EXPECT_TRUE(fires(run(b), "cpu-bios", Severity::Error, "do not support"));
    part<Motherboard>(b).chipset = "AMD X570";  // X570 does
    EXPECT_TRUE(silent(run(b), "cpu-bios"));
    part<Cpu>(b).socket = "AM5";  // a socket mismatch is cpu-socket's finding, not this one's
    EXPECT_TRUE(silent(run(b), "cpu-bios"));

    Build intel = goodBuild();
    part<Cpu>(intel).socket = "LGA 1700";
    part<Motherboard>(intel).socket = "LGA1700";
    part<Cpu>(intel).microarchitecture = "Raptor Lake Refresh";
    part<Motherboard>(intel).chipset = "Intel Z690";
    EXPECT_TRUE(fires(run(intel), "cpu-bios", Severity::Warning, "13th/14th gen"));
    part<Motherboard>(intel).chipset = "Intel Z790";
    EXPECT_TRUE(silent(run(intel), "cpu-bios"));
}

TEST_F(Rules, MemoryType)
{
    Build b = goodBuild();
    part<Memory>(b).memoryType = "DDR4";
    const Evaluation e = run(b);
    EXPECT_TRUE(fires(e, "memory-type", Severity::Error, "X670E Board takes DDR5"));
    EXPECT_TRUE(fires(e, "memory-type", Severity::Error, "supports only DDR5"));
    part<Memory>(b).memoryType = "ddr5";
    EXPECT_TRUE(silent(run(b), "memory-type"));
}

TEST_F(Rules, MemorySlots)
{
    Build b = goodBuild();
    item(b, Category::Memory).quantity = 3;  // 6 modules, 4 slots
    EXPECT_TRUE(fires(run(b), "memory-slots", Severity::Error, "6 memory modules"));
    item(b, Category::Memory).quantity = 2;
    part<Memory>(b).moduleGb = 24;
    EXPECT_TRUE(silent(run(b), "memory-slots"));
}

TEST_F(Rules, MemoryMaxBoardAndCpu)
{
    Build b = goodBuild();
    part<Memory>(b).moduleGb = 128;  // 256 GB
    const Evaluation e = run(b);
    EXPECT_TRUE(fires(e, "memory-max", Severity::Error, "256 GB of RAM exceeds the 192 GB that motherboard"));
    EXPECT_TRUE(fires(e, "memory-max", Severity::Error, "CPU Ryzen 9 7950X"));
    part<Memory>(b).moduleGb = 96;  // exactly 192 GB
    EXPECT_TRUE(silent(run(b), "memory-max"));
}

TEST_F(Rules, MemoryChannels)
{
    Build b = goodBuild();
    part<Memory>(b).modules = 1;
    EXPECT_TRUE(fires(run(b), "memory-channels", Severity::Note, "half"));
    part<Memory>(b).modules = 3;
    EXPECT_TRUE(fires(run(b), "memory-channels", Severity::Note, "3 memory modules"));
    part<Memory>(b).modules = 4;
    part<Memory>(b).moduleGb = 24;
    EXPECT_TRUE(fires(run(b), "memory-channels", Severity::Note, "two per channel"));
    part<Memory>(b).modules = 2;
    EXPECT_TRUE(silent(run(b), "memory-channels"));
}

TEST_F(Rules, MemoryVsVram)
{
    Build b = goodBuild();
    item(b, Category::Gpu).quantity = 2;  // 48 GB VRAM
    part<Memory>(b).moduleGb = 16;        // 32 GB RAM
    EXPECT_TRUE(fires(run(b), "memory-vs-vram", Severity::Warning, "32 GB of system RAM is less than the 48 GB"));
    part<Memory>(b).moduleGb = 24;  // 48 GB: equal is enough
    EXPECT_TRUE(silent(run(b), "memory-vs-vram"));
}

// The workload panel once said "does not fit" while the findings counted 0 errors: a build that
// cannot run its workload is an error finding, and one that runs (in VRAM or with offload) is not.
TEST_F(Rules, WorkloadThatCannotRunIsAnError)
{
    Build b = goodBuild();  // one RTX 3090 (24 GB), 96 GB of DDR5
    Workload w;
    w.kind = WorkloadKind::LlmInference;
    w.model = "llama-3.1-8b";
    w.quant = "q4_k_m";
    w.context = 8192;
    b.workload = w;
    EXPECT_TRUE(silent(run(b), "workload-fit"));
    b.workload->model = "llama-3.1-70b";  // 24 GB VRAM + 96 GB RAM: runs with offload
    EXPECT_TRUE(silent(run(b), "workload-fit"));
    EXPECT_EQ(run(b).workload->placement, "offload");
    b.workload->model = "deepseek-v3";  // hundreds of GB: runs nowhere in this build
    const Evaluation e = run(b);
    EXPECT_EQ(e.workload->placement, "none");
    EXPECT_TRUE(fires(e, "workload-fit", Severity::Error, "cannot run on this build"));
    EXPECT_TRUE(e.hasErrors());

    Workload sdxl;  // image generation: fits or not, no offload
    sdxl.kind = WorkloadKind::ImageGeneration;
    sdxl.model = "sdxl";
    b.workload = sdxl;
    EXPECT_TRUE(silent(run(b), "workload-fit"));
}

TEST_F(Rules, BoardFormFactorToleratesSpellingAndNestedSizes)
{
    Build b = goodBuild();
    part<Case>(b).motherboardFormFactors = {"Micro ATX", "Mini-ITX"};
    EXPECT_TRUE(fires(run(b), "board-form-factor", Severity::Error, "takes only Micro ATX, Mini-ITX"));
    part<Motherboard>(b).formFactor = "micro-atx";
    part<Case>(b).motherboardFormFactors = {"mATX"};
    EXPECT_TRUE(silent(run(b), "board-form-factor"));
    part<Motherboard>(b).formFactor = "Micro ATX";
    part<Case>(b).motherboardFormFactors = {"ATX"};  // an ATX case takes the smaller board
    EXPECT_TRUE(silent(run(b), "board-form-factor"));
    part<Motherboard>(b).formFactor = "EATX";
    EXPECT_TRUE(fires(run(b), "board-form-factor", Severity::Error));
}

TEST_F(Rules, GpuLength)
{
    Build b = goodBuild();
    part<Case>(b).maxGpuLengthMm = 310;
    EXPECT_TRUE(fires(run(b), "gpu-length", Severity::Error, "313 mm long"));
    part<Case>(b).maxGpuLengthMm = 320;
    EXPECT_TRUE(fires(run(b), "gpu-length", Severity::Warning, "only 7 mm to spare"));
    part<Case>(b).maxGpuLengthMm = 323;
    EXPECT_TRUE(silent(run(b), "gpu-length"));
}

TEST_F(Rules, GpuSlotsBoardAndCase)
{
    Build b = goodBuild();
    item(b, Category::Gpu).quantity = 2;
    part<Motherboard>(b).pcieX16Slots = 1;
    EXPECT_TRUE(fires(run(b), "gpu-slots", Severity::Error, "2 GPUs need 2 x16 slots"));
    part<Motherboard>(b).pcieX16Slots = 2;
    part<Case>(b).expansionSlots = 5;
    EXPECT_TRUE(fires(run(b), "gpu-slots", Severity::Error, "cover 6 expansion slots (3 + 3)"));
    part<Case>(b).expansionSlots = 6;
    EXPECT_TRUE(fires(run(b), "gpu-slots", Severity::Warning, "all 6 expansion slots"));
    part<Case>(b).expansionSlots = 7;
    EXPECT_TRUE(silent(run(b), "gpu-slots"));
}

TEST_F(Rules, GpuCount)
{
    Build b = goodBuild();
    item(b, Category::Gpu).quantity = 3;
    part<Motherboard>(b).pcieX16Slots = 4;
    part<Case>(b).expansionSlots = 10;
    EXPECT_TRUE(fires(run(b), "gpu-count", Severity::Warning, "3 GPUs on a consumer platform"));
    part<Cpu>(b).pcieLanes = 64;  // a workstation platform
    EXPECT_TRUE(silent(run(b), "gpu-count"));
    part<Cpu>(b).pcieLanes = 24;
    item(b, Category::Gpu).quantity = 2;
    EXPECT_TRUE(silent(run(b), "gpu-count"));
}

TEST_F(Rules, PcieLanes)
{
    Build b = goodBuild();
    item(b, Category::Gpu).quantity = 2;
    part<Motherboard>(b).x8x8Bifurcation = false;
    EXPECT_TRUE(fires(run(b), "pcie-lanes", Severity::Warning, "runs at x4 through the chipset"));
    part<Motherboard>(b).x8x8Bifurcation = true;
    EXPECT_TRUE(silent(run(b), "pcie-lanes"));
    part<Cpu>(b).pcieLanes = 12;
    EXPECT_TRUE(fires(run(b), "pcie-lanes", Severity::Warning, "provides 12 PCIe lanes; 2 GPUs at full x8 need 16"));
}

TEST_F(Rules, CoolerSocket)
{
    Build b = goodBuild();
    part<Cooler>(b).sockets = {"LGA 1700"};
    EXPECT_TRUE(fires(run(b), "cooler-socket", Severity::Error, "no mount for socket AM5"));
    part<Cooler>(b).sockets = {"LGA 1700", "am 5"};
    EXPECT_TRUE(silent(run(b), "cooler-socket"));
}

TEST_F(Rules, CoolerHeight)
{
    Build b = goodBuild();
    part<Cooler>(b).heightMm = 175;
    EXPECT_TRUE(fires(run(b), "cooler-height", Severity::Error, "175 mm tall"));
    part<Cooler>(b).heightMm = 170;
    EXPECT_TRUE(silent(run(b), "cooler-height"));
}

TEST_F(Rules, CoolerTdp)
{
    Build b = goodBuild();
    part<Cooler>(b).tdpRatingW = 200;
    EXPECT_TRUE(fires(run(b), "cooler-tdp", Severity::Warning, "rated for 200 W"));
    part<Cooler>(b).tdpRatingW = 230;
    EXPECT_TRUE(silent(run(b), "cooler-tdp"));
}

TEST_F(Rules, PsuWattageSustained)
{
    // Single 3090 build: 662 W sustained, 912 W peak.
    Build b = goodBuild();
    part<Psu>(b).wattageW = 650;
    EXPECT_TRUE(fires(run(b), "psu-wattage", Severity::Error, "sustained load of about 662 W"));
    part<Psu>(b).wattageW = 700;  // 94.6 %
    EXPECT_TRUE(fires(run(b), "psu-wattage", Severity::Warning, "leaving too little headroom"));
    part<Psu>(b).wattageW = 750;  // 88 %: more than the 80 % advised, so below the 850 W recommended
    EXPECT_TRUE(fires(run(b), "psu-wattage", Severity::Warning, "Use at least a 850 W ATX 3.x unit"));
    part<Psu>(b).wattageW = 850;  // 78 %, peak 912 < 1.5 x 850: the recommendation itself
    EXPECT_TRUE(silent(run(b), "psu-wattage"));
    EXPECT_DOUBLE_EQ(run(b).power.recommendedPsuW, 850);
}

// A unit the findings pass is never below the recommendation shown beside them, whatever its
// rating (the power panel, the report and the wizard read that recommendation).
TEST_F(Rules, PsuWattageAgreesWithTheRecommendation)
{
    Build b = goodBuild();
    for (double rating = 500; rating <= 1300; rating += 10) {
        for (std::optional<bool> atx3 : {std::optional<bool>{}, std::optional<bool>{true}}) {
            part<Psu>(b).wattageW = rating;
            part<Psu>(b).atx3 = atx3;
            const Evaluation e = run(b);
            const bool passes = static_cast<bool>(silent(e, "psu-wattage"));
            EXPECT_EQ(passes, rating >= e.power.recommendedPsuW) << rating << " W, recommended " << e.power.recommendedPsuW;
        }
    }
}

TEST_F(Rules, PsuWattageTransientsAtx2VersusAtx3)
{
    Build b = goodBuild();
    part<Psu>(b).atx3 = std::nullopt;  // not stated: treated as ATX 2.x
    part<Psu>(b).wattageW = 800;       // peak 912 = 114 %
    EXPECT_TRUE(fires(run(b), "psu-wattage", Severity::Warning, "not stated as ATX 3.x"));
    part<Psu>(b).wattageW = 700;  // peak 130.3 %
    EXPECT_TRUE(fires(run(b), "psu-wattage", Severity::Error, "switch the machine off"));
    part<Psu>(b).wattageW = 950;  // ATX 2.x: sized for the 912 W peak
    EXPECT_TRUE(silent(run(b), "psu-wattage"));
    part<Psu>(b).wattageW = 850;
    EXPECT_TRUE(fires(run(b), "psu-wattage", Severity::Warning, "not stated as ATX 3.x"));
    part<Psu>(b).atx3 = true;  // the same load and unit are in spec for ATX 3.x
    EXPECT_TRUE(silent(run(b), "psu-wattage"));

    // A spiky custom card: 1512 W peak against an ATX 3.x 1000 W unit (151 %).
    Gpu spiky;
    spiky.info.name = "Spiky";
    spiky.tdpW = 350;
    spiky.transientPeakW = 1200;
    item(b, Category::Gpu) = customItem(spiky);
    part<Psu>(b).wattageW = 1000;
    EXPECT_TRUE(fires(run(b), "psu-wattage", Severity::Warning, "1512 W"));
    part<Psu>(b).wattageW = 740;  // 204 %
    EXPECT_TRUE(fires(run(b), "psu-wattage", Severity::Error));
}

TEST_F(Rules, PsuConnectors)
{
    Build b = goodBuild();
    item(b, Category::Gpu).quantity = 2;  // 4 x 8-pin
    part<Psu>(b).pcie8pin = 3;
    EXPECT_TRUE(fires(run(b), "psu-connectors", Severity::Error, "need 4 PCIe 8-pin connectors"));
    part<Psu>(b).pcie8pin = 4;
    EXPECT_TRUE(silent(run(b), "psu-connectors"));

    item(b, Category::Gpu) = gpuItem("GeForce RTX 4090");  // one 12VHPWR input, 450 W
    part<Psu>(b).pcie12vhpwr = 0;
    part<Psu>(b).pcie8pin = 3;
    EXPECT_TRUE(fires(run(b), "psu-connectors", Severity::Note, "adapter from 3 PCIe 8-pin leads"));
    part<Psu>(b).pcie8pin = 2;
    EXPECT_TRUE(fires(run(b), "psu-connectors", Severity::Error, "for 1 12VHPWR adapter"));
    part<Psu>(b).pcie12vhpwr = 1;
    EXPECT_TRUE(silent(run(b), "psu-connectors"));
    part<Psu>(b).pcie12vhpwr = std::nullopt;
    const Evaluation e = run(b);
    EXPECT_TRUE(silent(e, "psu-connectors"));
    EXPECT_TRUE(fires(e, "not-checked", Severity::Note, "PCIe power connectors of 1600 W unit unknown"));
}

TEST_F(Rules, GpuVendor)
{
    Build b = goodBuild();
    item(b, Category::Gpu) = gpuItem("Radeon RX 7900 XTX");
    EXPECT_TRUE(fires(run(b), "gpu-vendor", Severity::Warning, "ROCm"));
    Gpu intel;
    intel.info.name = "Arc A770";
    intel.vendor = Vendor::Intel;
    item(b, Category::Gpu) = customItem(intel);
    EXPECT_TRUE(fires(run(b), "gpu-vendor", Severity::Warning, "Intel"));
    item(b, Category::Gpu) = gpuItem("GeForce RTX 3090");
    EXPECT_TRUE(silent(run(b), "gpu-vendor"));
}

TEST_F(Rules, GpuDatacenter)
{
    Build b = goodBuild();
    item(b, Category::Gpu) = gpuItem("Tesla K80");
    Evaluation e = run(b);
    EXPECT_TRUE(fires(e, "gpu-datacenter", Severity::Error, "Kepler"));
    EXPECT_TRUE(fires(e, "gpu-datacenter", Severity::Error, "2 GPUs on one board with 12 GB each"));
    EXPECT_TRUE(fires(e, "gpu-datacenter", Severity::Error, "passively cooled"));
    item(b, Category::Gpu) = gpuItem("Tesla P40");
    EXPECT_TRUE(fires(run(b), "gpu-datacenter", Severity::Warning, "FP16 at 1/64 rate"));
    // A datacentre card with tensor cores and its own blower raises nothing.
    Gpu a100;
    a100.info.name = "A100 with blower";
    a100.gpuClass = GpuClass::Datacenter;
    a100.architecture = "Ampere";
    a100.fp16TensorTflops = 312;
    a100.cooling = Cooling::Blower;
    item(b, Category::Gpu) = customItem(a100);
    EXPECT_TRUE(silent(run(b), "gpu-datacenter"));
    item(b, Category::Gpu) = gpuItem("GeForce RTX 3090");
    EXPECT_TRUE(silent(run(b), "gpu-datacenter"));
}

TEST_F(Rules, DualGpuWorkstationBoardNeedsSlotBifurcation)
{
    // A dual Arc Pro B60 style board: two GPUs, no PCIe switch, a workstation card.
    Gpu dual;
    dual.info.name = "Dual B60 board";
    dual.vendor = Vendor::Intel;
    dual.gpuClass = GpuClass::Workstation;
    dual.architecture = "Battlemage";
    dual.vramGb = 48;
    dual.gpusPerBoard = 2;
    Build b = goodBuild();
    item(b, Category::Gpu) = customItem(dual);
    const Evaluation e = run(b);
    EXPECT_TRUE(fires(e, "pcie-lanes", Severity::Note, "Dual B60 board is 2 GPUs on one card with 24 GB each"));
    EXPECT_TRUE(fires(e, "pcie-lanes", Severity::Note, "must support bifurcating that slot"));
    EXPECT_TRUE(silent(e, "gpu-datacenter"));  // a workstation board is not an old datacentre card
    const auto bifurcationNote = [](const Evaluation& ev) {
        return std::any_of(ev.findings.begin(), ev.findings.end(), [](const Finding& f) {
            return f.rule == "pcie-lanes" && f.message.find("bifurcating") != std::string::npos;
        });
    };
    // Near misses: one GPU per board, and the K80 (its board has a PCIe switch; the datacentre rule speaks).
    std::get<Gpu>(*item(b, Category::Gpu).custom).gpusPerBoard = 1;
    EXPECT_FALSE(bifurcationNote(run(b)));
    item(b, Category::Gpu) = gpuItem("Tesla K80");
    EXPECT_FALSE(bifurcationNote(run(b)));
}

TEST_F(Rules, GpuWorkstationComparesWithConsumerTwin)
{
    Build b = goodBuild();
    item(b, Category::Gpu) = gpuItem("RTX A6000");
    EXPECT_TRUE(fires(run(b), "gpu-workstation", Severity::Warning,
                      "$4650 (MSRP) with 768 GB/s and 48 GB. Its consumer counterpart GeForce RTX 3090"));
    EXPECT_TRUE(fires(run(b), "gpu-workstation", Severity::Warning, "costs $1499 (MSRP) with 936 GB/s"));
    item(b, Category::Gpu).price = 2500;  // less than twice the consumer card: advice only
    EXPECT_TRUE(fires(run(b), "gpu-workstation", Severity::Note, "$2500"));
    item(b, Category::Gpu) = gpuItem("GeForce RTX 3090");
    EXPECT_TRUE(silent(run(b), "gpu-workstation"));
}

TEST_F(Rules, GpuMixed)
{
    Build b = goodBuild();
    b.items.push_back(gpuItem("GeForce RTX 4090"));
    EXPECT_TRUE(fires(run(b), "gpu-mixed", Severity::Warning, "GeForce RTX 3090 (24 GB, Ampere)"));
    b.items.back() = gpuItem("GeForce RTX 3060 12GB");  // same generation
    EXPECT_TRUE(fires(run(b), "gpu-mixed", Severity::Note));
    b.items.back() = gpuItem("geforce rtx 3090");  // same model on two lines
    EXPECT_TRUE(silent(run(b), "gpu-mixed"));
}

TEST_F(Rules, Nvlink)
{
    Build b = goodBuild();
    EXPECT_TRUE(silent(run(b), "nvlink"));
    item(b, Category::Gpu).quantity = 2;
    EXPECT_TRUE(fires(run(b), "nvlink", Severity::Note, "support NVLink"));
    item(b, Category::Gpu) = gpuItem("GeForce RTX 4090", 2);
    EXPECT_TRUE(fires(run(b), "nvlink", Severity::Note, "12 GB/s each way"));
}

TEST_F(Rules, M2Slots)
{
    Build b = goodBuild();
    item(b, Category::Storage).quantity = 3;
    part<Motherboard>(b).m2Slots = 2;
    EXPECT_TRUE(fires(run(b), "m2-slots", Severity::Error, "3 NVMe drives need M.2 slots"));
    item(b, Category::Storage).quantity = 2;
    EXPECT_TRUE(silent(run(b), "m2-slots"));
    part<Motherboard>(b).m2Slots = std::nullopt;
    EXPECT_TRUE(fires(run(b), "not-checked", Severity::Note, "M.2 slot count of X670E Board unknown"));
}

TEST_F(Rules, Storage)
{
    Build b = goodBuild();
    part<Storage>(b).nvme = false;
    part<Storage>(b).storageType = "HDD";
    EXPECT_TRUE(fires(run(b), "storage", Severity::Warning, "no SSD"));
    part<Storage>(b).storageType = "SSD";
    EXPECT_TRUE(fires(run(b), "storage", Severity::Note, "no NVMe"));
    part<Storage>(b).nvme = true;
    EXPECT_TRUE(silent(run(b), "storage"));
}

TEST_F(Rules, CpuCores)
{
    Build b = goodBuild();
    part<Cpu>(b).cores = 4;
    EXPECT_TRUE(fires(run(b), "cpu-cores", Severity::Note, "has 4 cores"));
    part<Cpu>(b).cores = 6;
    EXPECT_TRUE(silent(run(b), "cpu-cores"));
}

TEST_F(Rules, MissingPart)
{
    Build b = goodBuild();
    removeCategory(b, Category::Psu);
    removeCategory(b, Category::Storage);
    EXPECT_TRUE(fires(run(b), "missing-part", Severity::Note, "Storage, Power supply"));
    removeCategory(b, Category::Gpu);
    EXPECT_TRUE(fires(run(b), "missing-part", Severity::Warning, "No GPU"));
    Build unresolved = goodBuild();
    item(unresolved, Category::Gpu).ref = "GeForce RTX 9999";
    EXPECT_TRUE(fires(run(unresolved), "missing-part", Severity::Warning, "\"GeForce RTX 9999\" is not in the catalog"));
    EXPECT_TRUE(silent(run(goodBuild()), "missing-part"));
}

TEST_F(Rules, NotCheckedListsUnknownsInsteadOfPassing)
{
    Build b = goodBuild();
    part<Case>(b).maxGpuLengthMm = std::nullopt;
    part<Cpu>(b).cores = std::nullopt;
    const Evaluation e = run(b);
    EXPECT_TRUE(silent(e, "gpu-length"));
    EXPECT_TRUE(fires(e, "not-checked", Severity::Note, "GPU clearance of Big Case unknown: GPU length not checked"));
    EXPECT_TRUE(fires(e, "not-checked", Severity::Note, "core count of Ryzen 9 7950X unknown"));
    EXPECT_EQ(std::count_if(e.findings.begin(), e.findings.end(), [](const Finding& f) { return f.rule == "not-checked"; }),
              1);
}

TEST_F(Rules, EveryRuleHasAnExplanation)
{
    for (const char* rule :
         {"cpu-socket", "cpu-bios", "memory-type", "memory-slots", "memory-max", "memory-channels", "memory-vs-vram",
          "board-form-factor", "gpu-length", "gpu-slots", "gpu-count", "pcie-lanes", "cooler-socket", "cooler-height",
          "cooler-tdp", "psu-wattage", "psu-connectors", "gpu-vendor", "gpu-datacenter", "gpu-workstation", "gpu-mixed",
          "nvlink", "m2-slots", "storage", "cpu-cores", "missing-part", "not-checked", "workload-fit"})
        EXPECT_GT(ruleExplanation(rule).size(), 80u) << rule;
    EXPECT_TRUE(ruleExplanation("no-such-rule").empty());
}

TEST_F(Rules, FindingsAreSortedBySeverityAndNameTheirParts)
{
    Build b = goodBuild();
    part<Cpu>(b).socket = "LGA 1700";  // error
    part<Cpu>(b).cores = 4;           // note
    part<Memory>(b).modules = 1;      // note
    item(b, Category::Gpu).quantity = 2;
    part<Motherboard>(b).x8x8Bifurcation = false;  // warning
    const Evaluation e = run(b);
    ASSERT_GE(e.findings.size(), 4u);
    EXPECT_TRUE(std::is_sorted(e.findings.begin(), e.findings.end(),
                               [](const Finding& x, const Finding& y) { return x.severity < y.severity; }));
    EXPECT_EQ(e.findings.front().rule, "cpu-socket");
    EXPECT_EQ(e.findings.front().parts, (std::vector<Category>{Category::Cpu, Category::Motherboard}));
    EXPECT_TRUE(e.hasErrors());
    EXPECT_EQ(e.count(Severity::Error), 2);  // the socket also breaks the cooler mount
    EXPECT_TRUE(fires(e, "cooler-socket", Severity::Error));
}
