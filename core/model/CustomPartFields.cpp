#include "core/model/CustomPartFields.h"

#include <optional>

namespace mlrig {
namespace {

using Kind = CustomPartField::Kind;

std::optional<double> asNumber(const CustomFieldValue& v)
{
    const double* d = std::get_if<double>(&v);
    return d ? std::optional<double>(*d) : std::nullopt;
}

template <typename T>
CustomPartField number(std::string_view key, std::string_view label, std::optional<double> T::*member, double min,
                       double max, int decimals = 0)
{
    return {key, label, Kind::Number, min, max, decimals, {},
            [member](const AnyPart& p) -> CustomFieldValue {
                const std::optional<double>& v = std::get<T>(p).*member;
                return v ? CustomFieldValue(*v) : CustomFieldValue();
            },
            [member](AnyPart& p, const CustomFieldValue& v) { std::get<T>(p).*member = asNumber(v); }};
}

template <typename T>
CustomPartField integer(std::string_view key, std::string_view label, std::optional<int> T::*member, int min, int max)
{
    return {key, label, Kind::Integer, static_cast<double>(min), static_cast<double>(max), 0, {},
            [member](const AnyPart& p) -> CustomFieldValue {
                const std::optional<int>& v = std::get<T>(p).*member;
                return v ? CustomFieldValue(static_cast<double>(*v)) : CustomFieldValue();
            },
            [member](AnyPart& p, const CustomFieldValue& v) {
                const std::optional<double> n = asNumber(v);
                std::get<T>(p).*member = n ? std::optional<int>(static_cast<int>(*n)) : std::nullopt;
            }};
}

template <typename T>
CustomPartField flag(std::string_view key, std::string_view label, std::optional<bool> T::*member)
{
    return {key, label, Kind::Flag, 0, 0, 0, {},
            [member](const AnyPart& p) -> CustomFieldValue {
                const std::optional<bool>& v = std::get<T>(p).*member;
                return v ? CustomFieldValue(*v) : CustomFieldValue();
            },
            [member](AnyPart& p, const CustomFieldValue& v) {
                const bool* b = std::get_if<bool>(&v);
                std::get<T>(p).*member = b ? std::optional<bool>(*b) : std::nullopt;
            }};
}

template <typename T>
CustomPartField text(std::string_view key, std::string_view label, std::string T::*member)
{
    return {key, label, Kind::Text, 0, 0, 0, {},
            [member](const AnyPart& p) -> CustomFieldValue {
                const std::string& v = std::get<T>(p).*member;
                return v.empty() ? CustomFieldValue() : CustomFieldValue(v);
            },
            [member](AnyPart& p, const CustomFieldValue& v) {
                const std::string* s = std::get_if<std::string>(&v);
                std::get<T>(p).*member = s ? *s : std::string();
            }};
}

template <typename T>
CustomPartField list(std::string_view key, std::string_view label, std::vector<std::string> T::*member)
{
    return {key, label, Kind::List, 0, 0, 0, {},
            [member](const AnyPart& p) -> CustomFieldValue {
                const std::vector<std::string>& v = std::get<T>(p).*member;
                return v.empty() ? CustomFieldValue() : CustomFieldValue(v);
            },
            [member](AnyPart& p, const CustomFieldValue& v) {
                const auto* l = std::get_if<std::vector<std::string>>(&v);
                std::get<T>(p).*member = l ? *l : std::vector<std::string>();
            }};
}

// An enum spelled as one of a fixed set of ids (the enum's own id function and its inverse).
template <typename T, typename E>
CustomPartField choice(std::string_view key, std::string_view label, E T::*member, std::vector<E> values,
                       std::string_view (*toId)(E), E (*fromId)(std::string_view))
{
    std::vector<std::string_view> ids;
    for (E e : values)
        ids.push_back(toId(e));
    return {key, label, Kind::Choice, 0, 0, 0, std::move(ids),
            [member, toId](const AnyPart& p) -> CustomFieldValue {
                const std::string_view id = toId(std::get<T>(p).*member);
                return id.empty() ? CustomFieldValue() : CustomFieldValue(std::string(id));
            },
            [member, fromId](AnyPart& p, const CustomFieldValue& v) {
                const std::string* s = std::get_if<std::string>(&v);
                std::get<T>(p).*member = fromId(s ? *s : std::string());
            }};
}

std::vector<CustomPartField> gpuFields()
{
    return {
        choice<Gpu, Vendor>("vendor", "Vendor", &Gpu::vendor, {Vendor::Nvidia, Vendor::Amd, Vendor::Intel}, vendorId,
                            vendorFromId),
        choice<Gpu, GpuClass>("class", "Class", &Gpu::gpuClass,
                              {GpuClass::Consumer, GpuClass::Workstation, GpuClass::Datacenter}, gpuClassId,
                              gpuClassFromId),
        text<Gpu>("architecture", "Architecture", &Gpu::architecture),
        number<Gpu>("vram_gb", "VRAM (GB)", &Gpu::vramGb, 0, 4096),
        number<Gpu>("memory_bandwidth_gbs", "Memory bandwidth (GB/s)", &Gpu::memoryBandwidthGbs, 0, 100000),
        number<Gpu>("fp16_tensor_tflops", "FP16 tensor TFLOPS", &Gpu::fp16TensorTflops, 0, 100000, 1),
        number<Gpu>("fp32_tflops", "FP32 TFLOPS", &Gpu::fp32Tflops, 0, 100000, 1),
        number<Gpu>("tdp_w", "TDP (W)", &Gpu::tdpW, 1, 5000),
        number<Gpu>("transient_peak_w", "Transient peak (W)", &Gpu::transientPeakW, 1, 10000),
        number<Gpu>("length_mm", "Length (mm)", &Gpu::lengthMm, 1, 1000),
        number<Gpu>("slot_width", "Slot width", &Gpu::slotWidth, 1, 8, 1),
        integer<Gpu>("pcie_8pin", "PCIe 8-pin connectors", &Gpu::pcie8pin, 0, 8),
        integer<Gpu>("pcie_12vhpwr", "16-pin connectors", &Gpu::pcie12vhpwr, 0, 4),
        flag<Gpu>("nvlink", "NVLink", &Gpu::nvlink),
        choice<Gpu, Cooling>("cooling", "Cooling", &Gpu::cooling,
                             {Cooling::Open, Cooling::Blower, Cooling::Passive, Cooling::Water}, coolingId,
                             coolingFromId),
        // Dual-GPU boards; 1, the default, is not written.
        {"gpus_per_board", "GPUs per board", Kind::Integer, 1, 8, 0, {},
         [](const AnyPart& p) -> CustomFieldValue {
             const int n = std::get<Gpu>(p).gpusPerBoard;
             return n != 1 ? CustomFieldValue(static_cast<double>(n)) : CustomFieldValue();
         },
         [](AnyPart& p, const CustomFieldValue& v) {
             std::get<Gpu>(p).gpusPerBoard = static_cast<int>(asNumber(v).value_or(1));
         }},
    };
}

std::vector<CustomPartField> cpuFields()
{
    return {
        text<Cpu>("socket", "Socket", &Cpu::socket),
        integer<Cpu>("cores", "Cores", &Cpu::cores, 1, 1024),
        number<Cpu>("tdp_w", "TDP (W)", &Cpu::tdpW, 1, 2000),
        list<Cpu>("memory_types", "Memory types", &Cpu::memoryTypes),
        integer<Cpu>("pcie_lanes", "PCIe lanes", &Cpu::pcieLanes, 0, 512),
    };
}

std::vector<CustomPartField> motherboardFields()
{
    return {
        text<Motherboard>("socket", "Socket", &Motherboard::socket),
        text<Motherboard>("form_factor", "Form factor", &Motherboard::formFactor),
        text<Motherboard>("memory_type", "Memory type", &Motherboard::memoryType),
        integer<Motherboard>("memory_slots", "Memory slots", &Motherboard::memorySlots, 0, 64),
        integer<Motherboard>("max_memory_gb", "Max memory (GB)", &Motherboard::maxMemoryGb, 0, 65536),
        integer<Motherboard>("pcie_x16_slots", "PCIe x16 slots", &Motherboard::pcieX16Slots, 0, 16),
        flag<Motherboard>("x8x8_bifurcation", "x8/x8 bifurcation", &Motherboard::x8x8Bifurcation),
        integer<Motherboard>("m2_slots", "M.2 slots", &Motherboard::m2Slots, 0, 16),
    };
}

std::vector<CustomPartField> memoryFields()
{
    return {
        text<Memory>("memory_type", "Memory type", &Memory::memoryType),
        integer<Memory>("modules", "Modules", &Memory::modules, 1, 64),
        integer<Memory>("module_gb", "GB per module", &Memory::moduleGb, 1, 4096),
    };
}

std::vector<CustomPartField> psuFields()
{
    return {
        number<Psu>("wattage_w", "Wattage (W)", &Psu::wattageW, 1, 10000),
        flag<Psu>("atx3", "ATX 3.x", &Psu::atx3),
        integer<Psu>("pcie_8pin", "PCIe 8-pin connectors", &Psu::pcie8pin, 0, 32),
        integer<Psu>("pcie_12vhpwr", "16-pin connectors", &Psu::pcie12vhpwr, 0, 16),
    };
}

std::vector<CustomPartField> caseFields()
{
    return {
        list<Case>("motherboard_form_factors", "Board form factors", &Case::motherboardFormFactors),
        number<Case>("max_gpu_length_mm", "Max GPU length (mm)", &Case::maxGpuLengthMm, 1, 2000),
        number<Case>("max_cooler_height_mm", "Max cooler height (mm)", &Case::maxCoolerHeightMm, 1, 1000),
        integer<Case>("expansion_slots", "Expansion slots", &Case::expansionSlots, 0, 32),
    };
}

std::vector<CustomPartField> coolerFields()
{
    return {
        number<Cooler>("height_mm", "Height (mm)", &Cooler::heightMm, 1, 1000),
        list<Cooler>("sockets", "Sockets", &Cooler::sockets),
        flag<Cooler>("water_cooled", "Liquid cooled", &Cooler::waterCooled),
        number<Cooler>("tdp_rating_w", "Rated for (W)", &Cooler::tdpRatingW, 1, 5000),
    };
}

std::vector<CustomPartField> storageFields()
{
    return {
        number<Storage>("capacity_gb", "Capacity (GB)", &Storage::capacityGb, 0, 10000000),
        flag<Storage>("nvme", "NVMe", &Storage::nvme),
    };
}

}  // namespace

const std::vector<CustomPartField>& customPartFields(Category category)
{
    static const std::vector<CustomPartField> tables[] = {
        cpuFields(), motherboardFields(), memoryFields(), gpuFields(),
        psuFields(), caseFields(),        coolerFields(), storageFields(),
    };
    return tables[static_cast<size_t>(category)];
}

const CustomPartField* findCustomPartField(Category category, std::string_view key)
{
    for (const CustomPartField& f : customPartFields(category))
        if (f.key == key)
            return &f;
    return nullptr;
}

}  // namespace mlrig
