#include "tests/ui/UiFixture.h"

namespace mlrig::test {

Catalog uiFixtureCatalog()
{
    std::vector<AnyPart> parts;
    Cpu am5;
    am5.info = {"cpu-7950x", "AMD Ryzen 9 7950X", "AMD", 2022, 499.0, false};
    am5.socket = "AM5";
    am5.cores = 16;
    am5.threads = 32;
    am5.tdpW = 170;
    am5.pptW = 230;
    am5.memoryTypes = {"DDR5"};
    am5.maxMemoryGb = 192;
    am5.memoryChannels = 2;
    am5.pcieLanes = 24;
    parts.emplace_back(am5);
    Cpu intel = am5;
    intel.info = {"cpu-13600k", "Intel Core i5-13600K", "Intel", 2022, 289.0, false};
    intel.socket = "LGA 1700";
    intel.cores = 14;
    intel.tdpW = 125;
    intel.pptW.reset();
    intel.pcieLanes = 20;
    parts.emplace_back(intel);

    Motherboard lga;
    lga.info = {"mb-z790", "MSI PRO Z790-P WIFI", "MSI", 2022, 199.0, false};
    lga.socket = "LGA 1700";
    lga.formFactor = "ATX";
    lga.chipset = "Intel Z790";
    lga.memoryType = "DDR5";
    lga.memorySlots = 4;
    lga.maxMemoryGb = 192;
    lga.pcieX16Slots = 2;
    lga.x8x8Bifurcation = false;
    lga.m2Slots = 4;
    parts.emplace_back(lga);
    Motherboard am5Board = lga;
    am5Board.info = {"mb-x670e", "ASUS ProArt X670E-CREATOR WIFI", "ASUS", 2022, 459.99, false};
    am5Board.socket = "AM5";
    am5Board.chipset = "AMD X670E";
    am5Board.x8x8Bifurcation = true;
    parts.emplace_back(am5Board);

    Memory ram;
    ram.info = {"ram-2x32", "Corsair Vengeance 64 GB (2 x 32 GB) DDR5-6000", "Corsair", {}, 189.99, false};
    ram.memoryType = "DDR5";
    ram.formFactor = "288-pin DIMM";
    ram.modules = 2;
    ram.moduleGb = 32;
    ram.speedMts = 6000;
    parts.emplace_back(ram);

    Psu psu;
    psu.info = {"psu-1600", "Corsair HX1600i", "Corsair", {}, 399.0, false};
    psu.wattageW = 1600;
    psu.formFactor = "ATX";
    psu.atx3 = true;
    psu.pcie8pin = 8;
    psu.pcie12vhpwr = 1;
    parts.emplace_back(psu);

    Case box;
    box.info = {"case-xl", "Fractal Design Meshify 2 XL", "Fractal Design", {}, 199.0, false};
    box.formFactor = "ATX Full Tower";
    box.motherboardFormFactors = {"EATX", "ATX", "Micro ATX", "Mini-ITX"};
    box.maxGpuLengthMm = 491;
    box.maxCoolerHeightMm = 185;
    box.expansionSlots = 9;
    parts.emplace_back(box);

    Cooler cooler;
    cooler.info = {"cooler-pa120", "Thermalright Peerless Assassin 120 SE", "Thermalright", {}, 34.9, false};
    cooler.sockets = {"AM4", "AM5", "LGA 1700"};
    cooler.heightMm = 155;
    cooler.waterCooled = false;
    cooler.tdpRatingW = 245;
    parts.emplace_back(cooler);

    Storage ssd;
    ssd.info = {"ssd-990pro", "Samsung 990 Pro 2 TB", "Samsung", {}, 149.99, false};
    ssd.capacityGb = 2000;
    ssd.nvme = true;
    ssd.interface = "M.2 PCIe 4.0 x4";
    ssd.formFactor = "M.2-2280";
    ssd.storageType = "SSD";
    parts.emplace_back(ssd);

    GpuChip rtx3090;
    rtx3090.model = "GeForce RTX 3090";
    rtx3090.vendor = Vendor::Nvidia;
    rtx3090.gpuClass = GpuClass::Consumer;
    rtx3090.architecture = "Ampere";
    rtx3090.launchYear = 2020;
    rtx3090.vramGb = 24;
    rtx3090.memoryBandwidthGbs = 936;
    rtx3090.fp16TensorTflops = 71;
    rtx3090.fp32Tflops = 35.6;
    rtx3090.tdpW = 350;
    rtx3090.transientPeakW = 600;
    rtx3090.lengthMm = 313;
    rtx3090.slotWidth = 3;
    rtx3090.pcie8pin = 2;
    rtx3090.pcie12vhpwr = 0;
    rtx3090.nvlink = true;
    rtx3090.cooling = Cooling::Open;
    rtx3090.msrpUsd = 1499;
    GpuChip rtx4090 = rtx3090;
    rtx4090.model = "GeForce RTX 4090";
    rtx4090.architecture = "Ada Lovelace";
    rtx4090.memoryBandwidthGbs = 1008;
    rtx4090.fp16TensorTflops = 165;
    rtx4090.tdpW = 450;
    rtx4090.transientPeakW = 700;
    rtx4090.lengthMm = 304;
    rtx4090.pcie8pin = 0;
    rtx4090.pcie12vhpwr = 1;
    rtx4090.nvlink = false;
    rtx4090.msrpUsd = 1599;
    return Catalog::fromParts(std::move(parts), {rtx3090, rtx4090});
}

}  // namespace mlrig::test
