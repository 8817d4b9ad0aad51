#pragma once

// Typed part records. Every physical quantity carries its unit in the name. A value that the
// source does not give is std::nullopt (never 0): rules that need it report "not-checked".

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/catalog/Category.h"

namespace mlrig {

struct PartInfo {
    std::string id;            // catalog id ("cpu:<opendb uuid>", "gpu-model:geforce-rtx-3090"), empty for custom parts
    std::string name;          // display name
    std::string manufacturer;  // may be empty
    std::optional<int> releaseYear;
    std::optional<double> priceUsd;  // catalog price (US snapshot) or MSRP for GPU models
    bool priceIsMsrp = false;        // true when priceUsd is a launch MSRP rather than a shop price

    bool operator==(const PartInfo&) const = default;
};

struct Cpu {
    PartInfo info;
    std::string socket;  // OpenDB spelling, e.g. "AM5", "LGA 1700"
    std::string microarchitecture;
    std::optional<int> cores;
    std::optional<int> threads;
    std::optional<double> boostGhz;
    std::optional<double> tdpW;
    std::optional<double> pptW;  // package power limit where the vendor gives one
    std::vector<std::string> memoryTypes;  // "DDR5", "DDR4"; empty = unknown
    std::optional<int> maxMemoryGb;
    std::optional<int> memoryChannels;
    std::optional<int> pcieLanes;  // CPU lanes usable for slots and M.2 (derived from the socket)
    std::optional<bool> integratedGraphics;

    bool operator==(const Cpu&) const = default;
};

struct Motherboard {
    PartInfo info;
    std::string socket;
    std::string formFactor;  // "ATX", "Micro ATX", "Mini-ITX", "EATX", ...
    std::string chipset;
    std::string memoryType;  // "DDR5"
    std::optional<int> memorySlots;
    std::optional<int> maxMemoryGb;
    std::optional<int> pcieX16Slots;  // physical x16 slots
    std::optional<bool> x8x8Bifurcation;  // can run two GPUs at x8/x8 from the CPU
    std::optional<int> m2Slots;  // M-key storage slots

    bool operator==(const Motherboard&) const = default;
};

struct Memory {
    PartInfo info;
    std::string memoryType;  // "DDR5"
    std::string formFactor;  // "288-pin DIMM", "262-pin SO-DIMM"
    std::optional<int> modules;
    std::optional<int> moduleGb;
    std::optional<int> speedMts;
    std::optional<double> casLatency;
    std::optional<bool> ecc;
    std::optional<bool> registered;
    std::optional<int> totalGb() const
    {
        if (modules && moduleGb)
            return *modules * *moduleGb;
        return std::nullopt;
    }

    bool operator==(const Memory&) const = default;
};

// Whether `modules` memory modules use a platform's `channels` at full bandwidth and speed: at
// least one per channel, the same number on each, and not two per channel on a dual-channel
// desktop (which usually lowers the memory clock, DDR5 especially). The memory-channels rule, the
// optimizer and the wizard's memory choices all ask this.
constexpr bool modulesFillChannels(int modules, int channels)
{
    if (channels <= 0)
        channels = 2;
    return modules >= channels && modules % channels == 0 && !(channels == 2 && modules >= 4);
}

// New or used: of a build line (BuildItem) and of a market price row (MarketPrice).
enum class Condition { New, Used };

enum class Vendor { Unknown, Nvidia, Amd, Intel };
enum class GpuClass { Unknown, Consumer, Workstation, Datacenter };
enum class Cooling { Unknown, Open, Blower, Passive, Water };

// One row of the hand-curated GPU model table (per GPU model, not per board-partner card).
struct GpuChip {
    std::string model;  // "GeForce RTX 3090"
    Vendor vendor = Vendor::Unknown;
    GpuClass gpuClass = GpuClass::Unknown;
    std::string architecture;  // "Ampere"
    std::optional<int> launchYear;
    std::optional<double> vramGb;
    std::optional<double> memoryBandwidthGbs;
    std::optional<double> fp16TensorTflops;        // dense FP16 tensor, FP32 accumulate (headline)
    std::optional<double> fp16TensorTflopsFp16Acc; // dense FP16 tensor, FP16 accumulate, where it differs
    std::optional<double> fp32Tflops;
    std::optional<double> tdpW;
    std::optional<double> transientPeakW;  // short spike the PSU must survive
    std::optional<double> lengthMm;        // reference / typical card length
    std::optional<double> slotWidth;
    std::optional<int> pcie8pin;
    std::optional<int> pcie12vhpwr;  // 12VHPWR / 12V-2x6 16-pin connectors
    std::optional<bool> nvlink;
    Cooling cooling = Cooling::Unknown;
    int gpusPerBoard = 1;
    std::optional<double> msrpUsd;
    std::string tensorNote;  // why fp16TensorTflops is unknown or special (e.g. "no tensor cores")
    std::string source;      // where the figures come from

    bool operator==(const GpuChip&) const = default;
};

// A GPU part: a board-partner card from OpenDB, a GPU model row offered as a generic part,
// or a custom card. Compute fields are filled from the linked GpuChip where the card lacks them.
struct Gpu {
    PartInfo info;
    std::string chipModel;  // GpuChip::model this card is built on; empty when unknown
    Vendor vendor = Vendor::Unknown;
    GpuClass gpuClass = GpuClass::Unknown;
    std::string architecture;
    std::optional<double> vramGb;
    std::string memoryType;
    std::optional<double> memoryBandwidthGbs;
    std::optional<double> fp16TensorTflops;
    std::optional<double> fp32Tflops;
    std::optional<double> tdpW;
    std::optional<double> transientPeakW;
    std::optional<double> lengthMm;
    std::optional<double> slotWidth;
    std::optional<int> pcie6pin;
    std::optional<int> pcie8pin;
    std::optional<int> pcie12vhpwr;
    std::optional<bool> nvlink;
    Cooling cooling = Cooling::Unknown;
    int gpusPerBoard = 1;
    std::string interface;  // "PCIe 4.0 x16"

    bool operator==(const Gpu&) const = default;
};

struct Psu {
    PartInfo info;
    std::optional<double> wattageW;
    std::string formFactor;  // "ATX", "SFX"
    std::string efficiency;  // "80+ Gold"
    std::string modular;
    std::optional<bool> atx3;  // ATX 3.x (tolerates short GPU excursions); unknown = not stated
    std::optional<int> pcie8pin;  // PCIe 6+2-pin connectors
    std::optional<int> pcie12vhpwr;
    std::optional<int> eps8pin;

    bool operator==(const Psu&) const = default;
};

struct Case {
    PartInfo info;
    std::string formFactor;  // "ATX Mid Tower"
    std::vector<std::string> motherboardFormFactors;
    std::optional<double> maxGpuLengthMm;
    std::optional<double> maxCoolerHeightMm;
    std::optional<int> expansionSlots;
    std::optional<double> volumeL;

    bool operator==(const Case&) const = default;
};

struct Cooler {
    PartInfo info;
    std::vector<std::string> sockets;
    std::optional<double> heightMm;  // tower height; for liquid coolers the pump block height
    std::optional<bool> waterCooled;
    std::optional<int> radiatorMm;
    std::optional<double> tdpRatingW;
    std::optional<double> noiseDb;

    bool operator==(const Cooler&) const = default;
};

struct Storage {
    PartInfo info;
    std::optional<double> capacityGb;
    std::optional<bool> nvme;
    std::string interface;   // "M.2 PCIe 4.0 x4"
    std::string formFactor;  // "M.2-2280", "2.5\""
    std::string storageType; // "SSD", "HDD"

    bool operator==(const Storage&) const = default;
};

// Variant order matches Category's enumerator order, so variant index == category.
using AnyPart = std::variant<Cpu, Motherboard, Memory, Gpu, Psu, Case, Cooler, Storage>;

inline Category categoryOf(const AnyPart& part)
{
    return static_cast<Category>(part.index());
}

inline const PartInfo& infoOf(const AnyPart& part)
{
    return std::visit([](const auto& p) -> const PartInfo& { return p.info; }, part);
}

inline PartInfo& infoOf(AnyPart& part)
{
    return std::visit([](auto& p) -> PartInfo& { return p.info; }, part);
}

std::string_view vendorId(Vendor vendor);        // "nvidia", "amd", "intel", ""
std::string_view gpuClassId(GpuClass gpuClass);  // "consumer", "workstation", "datacenter", ""
std::string_view coolingId(Cooling cooling);     // "open", "blower", "passive", "water", ""
Vendor vendorFromId(std::string_view id);
GpuClass gpuClassFromId(std::string_view id);
Cooling coolingFromId(std::string_view id);

// A default-constructed part of the given category (index == category).
AnyPart makeEmptyPart(Category category);

}  // namespace mlrig
