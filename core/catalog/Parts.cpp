#include "core/catalog/Parts.h"

#include "core/util/TextUtil.h"

namespace mlrig {

std::string_view vendorId(Vendor vendor)
{
    switch (vendor) {
    case Vendor::Nvidia: return "nvidia";
    case Vendor::Amd: return "amd";
    case Vendor::Intel: return "intel";
    case Vendor::Unknown: break;
    }
    return "";
}

std::string_view gpuClassId(GpuClass gpuClass)
{
    switch (gpuClass) {
    case GpuClass::Consumer: return "consumer";
    case GpuClass::Workstation: return "workstation";
    case GpuClass::Datacenter: return "datacenter";
    case GpuClass::Unknown: break;
    }
    return "";
}

std::string_view coolingId(Cooling cooling)
{
    switch (cooling) {
    case Cooling::Open: return "open";
    case Cooling::Blower: return "blower";
    case Cooling::Passive: return "passive";
    case Cooling::Water: return "water";
    case Cooling::Unknown: break;
    }
    return "";
}

Vendor vendorFromId(std::string_view id)
{
    const std::string v = toLower(trim(id));
    if (v == "nvidia") return Vendor::Nvidia;
    if (v == "amd") return Vendor::Amd;
    if (v == "intel") return Vendor::Intel;
    return Vendor::Unknown;
}

GpuClass gpuClassFromId(std::string_view id)
{
    const std::string v = toLower(trim(id));
    if (v == "consumer") return GpuClass::Consumer;
    if (v == "workstation") return GpuClass::Workstation;
    if (v == "datacenter" || v == "datacentre") return GpuClass::Datacenter;
    return GpuClass::Unknown;
}

Cooling coolingFromId(std::string_view id)
{
    const std::string v = toLower(trim(id));
    if (v == "open") return Cooling::Open;
    if (v == "blower") return Cooling::Blower;
    if (v == "passive") return Cooling::Passive;
    if (v == "water") return Cooling::Water;
    return Cooling::Unknown;
}

AnyPart makeEmptyPart(Category category)
{
    switch (category) {
    case Category::Cpu: return Cpu{};
    case Category::Motherboard: return Motherboard{};
    case Category::Memory: return Memory{};
    case Category::Gpu: return Gpu{};
    case Category::Psu: return Psu{};
    case Category::Case: return Case{};
    case Category::Cooler: return Cooler{};
    case Category::Storage: return Storage{};
    }
    return Cpu{};
}

}  // namespace mlrig
