#include "tests/support/Parts.h"

#include <utility>

namespace mlrig::testsupport {

PartInfo partInfo(std::string id, std::string name, std::optional<double> priceUsd)
{
    PartInfo info;
    info.id = std::move(id);
    info.name = std::move(name);
    info.priceUsd = priceUsd;
    return info;
}

BuildItem refItem(Category category, std::string ref, int quantity, std::optional<double> price)
{
    BuildItem item;
    item.category = category;
    item.ref = std::move(ref);
    item.quantity = quantity;
    item.price = price;
    return item;
}

BuildItem gpuItem(std::string model, int quantity, std::optional<double> price)
{
    return refItem(Category::Gpu, std::move(model), quantity, price);
}

BuildItem customItem(AnyPart part, int quantity)
{
    BuildItem item;
    item.category = categoryOf(part);
    item.custom = std::move(part);
    item.quantity = quantity;
    return item;
}

int itemIndexOf(const Build& build, Category category)
{
    for (size_t i = 0; i < build.items.size(); ++i)
        if (build.items[i].category == category)
            return static_cast<int>(i);
    return -1;
}

Platform am5Platform()
{
    Platform p;
    p.cpu.info.name = "Ryzen 9 7950X";
    p.cpu.socket = "AM5";
    p.cpu.cores = 16;
    p.cpu.tdpW = 170;
    p.cpu.pptW = 230;
    p.cpu.memoryTypes = {"DDR5"};
    p.cpu.maxMemoryGb = 192;
    p.cpu.memoryChannels = 2;
    p.cpu.pcieLanes = 24;
    p.board.info.name = "X670E Board";
    p.board.socket = "AM5";
    p.board.formFactor = "ATX";
    p.board.memoryType = "DDR5";
    p.board.memorySlots = 4;
    p.board.maxMemoryGb = 192;
    p.board.pcieX16Slots = 2;
    p.board.x8x8Bifurcation = true;
    p.board.m2Slots = 4;
    p.ram.info.name = "DDR5 96GB kit";
    p.ram.memoryType = "DDR5";
    p.ram.modules = 2;
    p.ram.moduleGb = 48;
    p.psu.info.name = "1600 W unit";
    p.psu.wattageW = 1600;
    p.psu.atx3 = true;
    p.psu.pcie8pin = 6;
    p.psu.pcie12vhpwr = 1;
    p.pcCase.info.name = "Big Case";
    p.pcCase.motherboardFormFactors = {"ATX", "Micro ATX", "Mini-ITX"};
    p.pcCase.maxGpuLengthMm = 400;
    p.pcCase.maxCoolerHeightMm = 170;
    p.pcCase.expansionSlots = 8;
    p.cooler.info.name = "Tower cooler";
    p.cooler.sockets = {"AM5", "AM4"};
    p.cooler.heightMm = 160;
    p.cooler.waterCooled = false;
    p.cooler.tdpRatingW = 250;
    p.ssd.info.name = "NVMe 2TB";
    p.ssd.capacityGb = 2000;
    p.ssd.nvme = true;
    p.ssd.storageType = "SSD";
    return p;
}

Workload workload(WorkloadKind kind, std::string model, std::string quant, int context)
{
    Workload w;
    w.kind = kind;
    w.model = std::move(model);
    w.quant = std::move(quant);
    w.context = context;
    return w;
}

}  // namespace mlrig::testsupport
