#pragma once

// A small catalog for the import/export tests, with names copied in the shape of the real
// catalog (OpenDB) so the matcher meets the same spelling differences as with PCPartPicker lists.

#include "core/catalog/Catalog.h"

namespace mlrig::test {

inline PartInfo info(std::string id, std::string name, std::optional<double> price = std::nullopt)
{
    PartInfo i;
    i.id = std::move(id);
    i.name = std::move(name);
    i.priceUsd = price;
    return i;
}

inline GpuChip chipRow(std::string model, double vram, double tdp, double msrp)
{
    GpuChip c;
    c.model = std::move(model);
    c.vendor = Vendor::Nvidia;
    c.gpuClass = GpuClass::Consumer;
    c.vramGb = vram;
    c.tdpW = tdp;
    c.msrpUsd = msrp;
    return c;
}

inline Catalog ioTestCatalog()
{
    std::vector<AnyPart> parts;
    Cpu c7950;
    c7950.info = info("cpu-7950x", "AMD Ryzen 9 7950X", 449.96);
    c7950.socket = "AM5";
    c7950.cores = 16;
    c7950.tdpW = 170;
    parts.emplace_back(c7950);
    Cpu c7900 = c7950;
    c7900.info = info("cpu-7900x", "AMD Ryzen 9 7900X", 379.0);
    c7900.cores = 12;
    parts.emplace_back(c7900);
    Cpu intel;
    intel.info = info("cpu-13900k", "Intel Core i9-13900K", 539.0);
    intel.socket = "LGA 1700";
    parts.emplace_back(intel);

    Cooler nhd15;
    nhd15.info = info("cooler-nhd15", "Noctua NH-D15 chromax.black Air 165mm Black", 119.95);
    nhd15.heightMm = 165;
    nhd15.waterCooled = false;
    parts.emplace_back(nhd15);
    Cooler pa;
    pa.info = info("cooler-pa120", "Thermalright Peerless Assassin 120 SE Air ARGB 66.17 CFM Black", 35.9);
    parts.emplace_back(pa);

    Motherboard proart;
    proart.info = info("mb-proart", "Asus ProArt X670E-CREATOR WIFI AM5 DDR5 ATX", 459.99);
    proart.socket = "AM5";
    proart.formFactor = "ATX";
    proart.memoryType = "DDR5";
    proart.pcieX16Slots = 2;
    parts.emplace_back(proart);
    Motherboard tomahawk = proart;
    tomahawk.info = info("mb-b650-tomahawk", "MSI MAG B650 TOMAHAWK WIFI AM5 DDR5 ATX", 199.99);
    parts.emplace_back(tomahawk);

    Memory ram;
    ram.info = info("ram-64-cl30", "Corsair Vengeance RGB 64GB (2x32GB) DDR5 6000 CL30 White", 204.99);
    ram.memoryType = "DDR5";
    ram.modules = 2;
    ram.moduleGb = 32;
    ram.speedMts = 6000;
    parts.emplace_back(ram);
    Memory ram40 = ram;
    ram40.info = info("ram-64-cl40", "Corsair Vengeance RGB 64GB (2x32GB) DDR5 6000 CL40 Black", 179.99);
    parts.emplace_back(ram40);
    Memory ram32 = ram;
    ram32.info = info("ram-32-cl30", "Corsair Vengeance RGB 32GB (2x16GB) DDR5 6000 CL30 Black", 109.99);
    ram32.moduleGb = 16;
    parts.emplace_back(ram32);

    Storage ssd2;
    ssd2.info = info("ssd-990pro-2tb", "Samsung 990 Pro 2TB SSD M.2-2280 PCIe 4.0 x4 NVMe", 169.99);
    ssd2.capacityGb = 2000;
    ssd2.nvme = true;
    parts.emplace_back(ssd2);
    Storage ssd1 = ssd2;
    ssd1.info = info("ssd-990pro-1tb", "Samsung 990 Pro 1TB SSD M.2 PCIe 4.0 NVMe", 99.99);
    ssd1.capacityGb = 1000;
    parts.emplace_back(ssd1);
    Storage ssd4 = ssd2;
    ssd4.info = info("ssd-990pro-4tb", "Samsung 990 Pro w/Heatsink 4TB M.2 SSD PCIe 4.0 NVMe", 319.99);
    ssd4.capacityGb = 4000;
    parts.emplace_back(ssd4);

    Gpu tuf;
    tuf.info = info("gpu-4090-tuf", "Asus TUF Gaming OG OC GeForce RTX 4090 24GB GDDR6X Black", 1819.99);
    tuf.chipModel = "GeForce RTX 4090";
    tuf.lengthMm = 348;
    parts.emplace_back(tuf);
    Gpu zotac;
    zotac.info = info("gpu-3090-zotac", "Zotac GAMING Trinity GeForce RTX 3090 24GB GDDR6X Black");
    zotac.chipModel = "GeForce RTX 3090";
    zotac.lengthMm = 317.8;
    parts.emplace_back(zotac);
    Gpu ventus;
    ventus.info = info("gpu-4070-ventus", "MSI GeForce RTX 4070 VENTUS 2X 12G OC", 549.99);
    ventus.chipModel = "GeForce RTX 4070";
    parts.emplace_back(ventus);

    Case meshify;
    meshify.info = info("case-meshify2-rgb", "Fractal Design Meshify 2 RGB ATX Mid Tower Black Tempered Glass Side Panel", 189.99);
    meshify.formFactor = "ATX Mid Tower";
    meshify.maxGpuLengthMm = 467;
    parts.emplace_back(meshify);
    Case compact = meshify;
    compact.info = info("case-meshify2-compact", "Fractal Design Meshify 2 Compact ATX Mid Tower White TG Clear Tint Tempered Glass", 129.99);
    compact.maxGpuLengthMm = 360;
    parts.emplace_back(compact);

    Psu rm1000;
    rm1000.info = info("psu-rm1000x-2024", "Corsair RM1000x (2024) Black ATX 1000W Fully Modular", 189.99);
    rm1000.wattageW = 1000;
    rm1000.efficiency = "80+ Gold";
    parts.emplace_back(rm1000);
    Psu rm1000old = rm1000;
    rm1000old.info = info("psu-rm1000x", "Corsair RM1000x 1000W 80+ Gold Certified Fully Modular", 179.99);
    parts.emplace_back(rm1000old);
    Psu hx = rm1000;
    hx.info = info("psu-hx1500i", "Corsair HX1500i (2022) Black 1500W Fully Modular 80+ Platinum Certified", 379.99);
    hx.wattageW = 1500;
    parts.emplace_back(hx);
    Psu rm850 = rm1000;
    rm850.info = info("psu-rm850x", "Corsair RM850x (2021) 850W 80+ Gold Certified Fully Modular", 139.99);
    rm850.wattageW = 850;
    parts.emplace_back(rm850);

    std::vector<GpuChip> chips = {chipRow("GeForce RTX 3090", 24, 350, 1499), chipRow("GeForce RTX 4090", 24, 450, 1599),
                                  chipRow("GeForce RTX 4070", 12, 200, 599), chipRow("GeForce RTX 4070 Ti", 12, 285, 799),
                                  chipRow("GeForce RTX 3060 12GB", 12, 170, 329)};
    return Catalog::fromParts(std::move(parts), std::move(chips));
}

}  // namespace mlrig::test
