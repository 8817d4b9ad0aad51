#include "core/catalog/Parts.h"

#include "core/util/EnumNames.h"
#include "core/util/TextUtil.h"

namespace mlrig {

namespace {

constexpr EnumName<Vendor> kVendors[] = {{Vendor::Nvidia, "nvidia"}, {Vendor::Amd, "amd"}, {Vendor::Intel, "intel"}};
constexpr EnumName<GpuClass> kGpuClasses[] = {{GpuClass::Consumer, "consumer"}, {GpuClass::Workstation, "workstation"},
                                              {GpuClass::Datacenter, "datacenter"}, {GpuClass::Datacenter, "datacentre"}};
constexpr EnumName<Cooling> kCoolings[] = {
    {Cooling::Open, "open"}, {Cooling::Blower, "blower"}, {Cooling::Passive, "passive"}, {Cooling::Water, "water"}};

}  // namespace

std::string_view vendorId(Vendor vendor)
{
    return nameOf(kVendors, vendor);
}

std::string_view gpuClassId(GpuClass gpuClass)
{
    return nameOf(kGpuClasses, gpuClass);
}

std::string_view coolingId(Cooling cooling)
{
    return nameOf(kCoolings, cooling);
}

Vendor vendorFromId(std::string_view id)
{
    return valueOf(kVendors, id).value_or(Vendor::Unknown);
}

GpuClass gpuClassFromId(std::string_view id)
{
    return valueOf(kGpuClasses, id).value_or(GpuClass::Unknown);
}

Cooling coolingFromId(std::string_view id)
{
    return valueOf(kCoolings, id).value_or(Cooling::Unknown);
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
