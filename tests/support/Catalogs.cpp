#include "tests/support/Catalogs.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "tests/support/GpuChips.h"
#include "tests/support/Parts.h"

namespace mlrig::testsupport {

namespace {

Catalog makeIoCatalog()
{
    std::vector<AnyPart> parts;
    Cpu c7950;
    c7950.info = partInfo("cpu-7950x", "AMD Ryzen 9 7950X", 449.96);
    c7950.socket = "AM5";
    c7950.cores = 16;
    c7950.tdpW = 170;
    parts.emplace_back(c7950);
    Cpu c7900 = c7950;
    c7900.info = partInfo("cpu-7900x", "AMD Ryzen 9 7900X", 379.0);
    c7900.cores = 12;
    parts.emplace_back(c7900);
    Cpu intel;
    intel.info = partInfo("cpu-13900k", "Intel Core i9-13900K", 539.0);
    intel.socket = "LGA 1700";
    parts.emplace_back(intel);

    Cooler nhd15;
    nhd15.info = partInfo("cooler-nhd15", "Noctua NH-D15 chromax.black Air 165mm Black", 119.95);
    nhd15.heightMm = 165;
    nhd15.waterCooled = false;
    parts.emplace_back(nhd15);
    Cooler pa;
    pa.info = partInfo("cooler-pa120", "Thermalright Peerless Assassin 120 SE Air ARGB 66.17 CFM Black", 35.9);
    parts.emplace_back(pa);

    Motherboard proart;
    proart.info = partInfo("mb-proart", "Asus ProArt X670E-CREATOR WIFI AM5 DDR5 ATX", 459.99);
    proart.socket = "AM5";
    proart.formFactor = "ATX";
    proart.memoryType = "DDR5";
    proart.pcieX16Slots = 2;
    parts.emplace_back(proart);
    Motherboard tomahawk = proart;
    tomahawk.info = partInfo("mb-b650-tomahawk", "MSI MAG B650 TOMAHAWK WIFI AM5 DDR5 ATX", 199.99);
    parts.emplace_back(tomahawk);

    Memory ram;
    ram.info = partInfo("ram-64-cl30", "Corsair Vengeance RGB 64GB (2x32GB) DDR5 6000 CL30 White", 204.99);
    ram.memoryType = "DDR5";
    ram.modules = 2;
    ram.moduleGb = 32;
    ram.speedMts = 6000;
    parts.emplace_back(ram);
    Memory ram40 = ram;
    ram40.info = partInfo("ram-64-cl40", "Corsair Vengeance RGB 64GB (2x32GB) DDR5 6000 CL40 Black", 179.99);
    parts.emplace_back(ram40);
    Memory ram32 = ram;
    ram32.info = partInfo("ram-32-cl30", "Corsair Vengeance RGB 32GB (2x16GB) DDR5 6000 CL30 Black", 109.99);
    ram32.moduleGb = 16;
    parts.emplace_back(ram32);

    Storage ssd2;
    ssd2.info = partInfo("ssd-990pro-2tb", "Samsung 990 Pro 2TB SSD M.2-2280 PCIe 4.0 x4 NVMe", 169.99);
    ssd2.capacityGb = 2000;
    ssd2.nvme = true;
    parts.emplace_back(ssd2);
    Storage ssd1 = ssd2;
    ssd1.info = partInfo("ssd-990pro-1tb", "Samsung 990 Pro 1TB SSD M.2 PCIe 4.0 NVMe", 99.99);
    ssd1.capacityGb = 1000;
    parts.emplace_back(ssd1);
    Storage ssd4 = ssd2;
    ssd4.info = partInfo("ssd-990pro-4tb", "Samsung 990 Pro w/Heatsink 4TB M.2 SSD PCIe 4.0 NVMe", 319.99);
    ssd4.capacityGb = 4000;
    parts.emplace_back(ssd4);

    Gpu tuf;
    tuf.info = partInfo("gpu-4090-tuf", "Asus TUF Gaming OG OC GeForce RTX 4090 24GB GDDR6X Black", 1819.99);
    tuf.chipModel = "GeForce RTX 4090";
    tuf.lengthMm = 348;
    parts.emplace_back(tuf);
    Gpu zotac;
    zotac.info = partInfo("gpu-3090-zotac", "Zotac GAMING Trinity GeForce RTX 3090 24GB GDDR6X Black");
    zotac.chipModel = "GeForce RTX 3090";
    zotac.lengthMm = 317.8;
    parts.emplace_back(zotac);
    Gpu ventus;
    ventus.info = partInfo("gpu-4070-ventus", "MSI GeForce RTX 4070 VENTUS 2X 12G OC", 549.99);
    ventus.chipModel = "GeForce RTX 4070";
    parts.emplace_back(ventus);

    Case meshify;
    meshify.info = partInfo("case-meshify2-rgb", "Fractal Design Meshify 2 RGB ATX Mid Tower Black Tempered Glass Side Panel", 189.99);
    meshify.formFactor = "ATX Mid Tower";
    meshify.maxGpuLengthMm = 467;
    parts.emplace_back(meshify);
    Case compact = meshify;
    compact.info = partInfo("case-meshify2-compact", "Fractal Design Meshify 2 Compact ATX Mid Tower White TG Clear Tint Tempered Glass", 129.99);
    compact.maxGpuLengthMm = 360;
    parts.emplace_back(compact);

    Psu rm1000;
    rm1000.info = partInfo("psu-rm1000x-2024", "Corsair RM1000x (2024) Black ATX 1000W Fully Modular", 189.99);
    rm1000.wattageW = 1000;
    rm1000.efficiency = "80+ Gold";
    parts.emplace_back(rm1000);
    Psu rm1000old = rm1000;
    rm1000old.info = partInfo("psu-rm1000x", "Corsair RM1000x 1000W 80+ Gold Certified Fully Modular", 179.99);
    parts.emplace_back(rm1000old);
    Psu hx = rm1000;
    hx.info = partInfo("psu-hx1500i", "Corsair HX1500i (2022) Black 1500W Fully Modular 80+ Platinum Certified", 379.99);
    hx.wattageW = 1500;
    parts.emplace_back(hx);
    Psu rm850 = rm1000;
    rm850.info = partInfo("psu-rm850x", "Corsair RM850x (2021) 850W 80+ Gold Certified Fully Modular", 139.99);
    rm850.wattageW = 850;
    parts.emplace_back(rm850);

    std::vector<GpuChip> chips = {chipRow("GeForce RTX 3090", 24, 350, 1499), chipRow("GeForce RTX 4090", 24, 450, 1599),
                                  chipRow("GeForce RTX 4070", 12, 200, 599), chipRow("GeForce RTX 4070 Ti", 12, 285, 799),
                                  chipRow("GeForce RTX 3060 12GB", 12, 170, 329)};
    return Catalog::fromParts(std::move(parts), std::move(chips));
}

Catalog makeUiCatalog()
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

    return Catalog::fromParts(std::move(parts), {rtx3090(), rtx4090()});
}

}  // namespace

const Catalog& ioCatalog()
{
    static const Catalog catalog = makeIoCatalog();
    return catalog;
}

const Catalog& uiCatalog()
{
    static const Catalog catalog = makeUiCatalog();
    return catalog;
}

Catalog smallCatalog(int variant)
{
    // The optimizer reads the FP32 rate too; the year and source are set as the builder sets them.
    const auto chip = [](GpuChip c, double fp32) {
        c.fp32Tflops = fp32;
        c.launchYear = 2022;
        c.source = "test";
        return c;
    };
    std::vector<GpuChip> chips;
    chips.push_back(chip(gpuChip("GeForce RTX 3060", GpuClass::Consumer, "Ampere", 12, 360, 25.6, 170, 300, 242, 2, 1, 0,
                                 false, Cooling::Open, 329),
                         12.7));
    chips.push_back(chip(gpuChip("GeForce RTX 4060 Ti 16GB", GpuClass::Consumer, "Ada Lovelace", 16, 288, 44, 165, 230,
                                 240, 2, 1, 0, false, Cooling::Open, 499),
                         22));
    chips.push_back(chip(gpuChip("GeForce RTX 3090", GpuClass::Consumer, "Ampere", 24, 936, 71, 350, 600, 313, 3, 2, 0,
                                 true, Cooling::Open, variant == 1 ? 799 : 1499),
                         35.6));
    if (variant != 1)
        chips.push_back(chip(gpuChip("GeForce RTX 4090", GpuClass::Consumer, "Ada Lovelace", 24, 1008, 165, 450, 630,
                                     304, 3, 0, 1, false, Cooling::Open, 1599),
                             82.6));
    chips.push_back(chip(gpuChip("Tesla P40", GpuClass::Datacenter, "Pascal", 24, 347, std::nullopt, 250, 300, 267, 2,
                                 1, 0, false, Cooling::Passive, 5699),
                         11.8));
    chips.push_back(chip(gpuChip("Radeon RX 7900 XTX", GpuClass::Consumer, "RDNA 3", 24, 960, 122.8, 355, 530, 287, 2.5,
                                 2, 0, false, Cooling::Open, 999, 1, Vendor::Amd),
                         61.4));

    std::vector<AnyPart> parts;
    {  // a long board-partner 3090 at a shop price
        Gpu g;
        g.info = partInfo("gpu-3090-long", "Big 3090 OC", 899);
        g.chipModel = "GeForce RTX 3090";
        g.vendor = Vendor::Nvidia;
        g.gpuClass = GpuClass::Consumer;
        g.architecture = "Ampere";
        g.vramGb = 24;
        g.tdpW = 370;
        g.lengthMm = 336;
        g.slotWidth = 3.5;
        g.pcie8pin = 3;
        parts.push_back(g);
    }
    auto cpu = [&](std::string id, std::string socket, std::vector<std::string> mem, int lanes, double tdp,
                   std::optional<double> ppt, double price) {
        Cpu c;
        c.info = partInfo(id, id, price);
        c.socket = std::move(socket);
        c.memoryTypes = std::move(mem);
        c.cores = 6;
        c.tdpW = tdp;
        c.pptW = ppt;
        c.pcieLanes = lanes;
        c.maxMemoryGb = 128;
        parts.push_back(c);
    };
    cpu("Ryzen 5 7600", "AM5", {"DDR5"}, 24, 65, 88, 199);
    cpu("Core i5 12400F", "LGA 1700", {"DDR4", "DDR5"}, 20, 65, std::nullopt, 109);
    cpu("Ryzen 5 5600X", "AM4", {"DDR4"}, 24, 65, 88, 129);
    auto board = [&](std::string id, std::string socket, std::string ff, std::string mem, bool x8x8, double price) {
        Motherboard b;
        b.info = partInfo(id, id, price);
        b.socket = std::move(socket);
        b.formFactor = std::move(ff);
        b.memoryType = std::move(mem);
        b.memorySlots = 4;
        b.maxMemoryGb = 128;
        b.pcieX16Slots = 2;
        b.x8x8Bifurcation = x8x8;
        b.m2Slots = 2;
        parts.push_back(b);
    };
    board("X670 ATX", "AM5", "ATX", "DDR5", true, 280);
    board("B660M mATX", "LGA 1700", "Micro ATX", "DDR4", false, 120);
    board("X570 ATX", "AM4", "ATX", "DDR4", true, 170);
    auto memory = [&](std::string id, std::string type, int modules, int gb, double price) {
        Memory m;
        m.info = partInfo(id, id, price);
        m.memoryType = std::move(type);
        m.modules = modules;
        m.moduleGb = gb;
        parts.push_back(m);
    };
    memory("DDR5 2x32GB", "DDR5", 2, 32, 170);
    memory("DDR4 2x16GB", "DDR4", 2, 16, 60);
    memory("DDR4 2x32GB", "DDR4", 2, 32, 115);
    auto psu = [&](std::string id, double watts, bool atx3, int p8, int p12, double price) {
        Psu p;
        p.info = partInfo(id, id, price);
        p.wattageW = watts;
        p.atx3 = atx3;
        p.pcie8pin = p8;
        p.pcie12vhpwr = p12;
        parts.push_back(p);
    };
    psu("650W", 650, false, 2, 0, 70);
    if (variant != 2)
        psu("1000W ATX3", 1000, true, 4, 1, 160);
    psu("1600W ATX3", 1600, true, 6, 2, 350);
    auto pcCase = [&](std::string id, std::vector<std::string> ffs, double gpuLen, double cooler, int slots,
                      double price) {
        Case c;
        c.info = partInfo(id, id, price);
        c.motherboardFormFactors = std::move(ffs);
        c.maxGpuLengthMm = gpuLen;
        c.maxCoolerHeightMm = cooler;
        c.expansionSlots = slots;
        parts.push_back(c);
    };
    pcCase("Small mATX case", {"Micro ATX", "Mini-ITX"}, 320, 160, 5, 60);
    if (variant != 2)
        pcCase("Big ATX case", {"ATX", "Micro ATX", "Mini-ITX"}, 400, 170, 8, 110);
    auto cooler = [&](std::string id, std::optional<double> height, bool water, double price) {
        Cooler c;
        c.info = partInfo(id, id, price);
        c.sockets = {"AM4", "AM5", "LGA 1700"};
        c.heightMm = height;
        c.waterCooled = water;
        c.tdpRatingW = 200;
        parts.push_back(c);
    };
    cooler("Tower 165mm", 165, false, 35);
    cooler("AIO 240", std::nullopt, true, 110);
    auto drive = [&](std::string id, bool nvme, std::string type, double price) {
        Storage s;
        s.info = partInfo(id, id, price);
        s.capacityGb = 2000;
        s.nvme = nvme;
        s.storageType = std::move(type);
        parts.push_back(s);
    };
    drive("NVMe 2TB", true, "SSD", 120);
    drive("HDD 2TB", false, "HDD", 50);
    return Catalog::fromParts(std::move(parts), std::move(chips));
}

}  // namespace mlrig::testsupport
