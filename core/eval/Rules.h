#pragma once

// The rule checks behind evaluate(), split by theme (RulesPhysical.cpp, RulesGpu.cpp,
// RulesPower.cpp, Rules.cpp). Internal to core/eval; the stable API is the rule ids of docs/ARCHITECTURE.md.

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/Build.h"
#include "core/catalog/Catalog.h"
#include "core/eval/Evaluation.h"
#include "core/eval/ResolvedBuild.h"

namespace mlrig::rules {

struct GpuLine {
    const Gpu* gpu = nullptr;
    const BuildItem* item = nullptr;
    std::optional<double> unitPrice;
    PriceSource priceSource = PriceSource::Unknown;
};

template <typename T>
struct PartLine {
    const T* part = nullptr;
    int quantity = 1;
};

// Everything the rules look at, gathered once per evaluation.
struct Context {
    const Build& build;
    const Catalog& catalog;
    const ResolvedBuild& resolved;
    const PowerSummary& power;
    const WorkloadEstimate* workload = nullptr;  // the evaluation's workload estimate, if any

    const Cpu* cpu = nullptr;
    const Motherboard* board = nullptr;
    const Case* pcCase = nullptr;
    const Cooler* cooler = nullptr;
    const Psu* psu = nullptr;
    std::vector<GpuLine> gpus;
    int gpuCards = 0;  // summed quantity of the GPU lines
    std::vector<PartLine<Memory>> memory;
    std::vector<PartLine<Storage>> storage;

    std::vector<Finding> findings;
    std::vector<std::string> notChecked;

    Context(const Build& b, const Catalog& c, const ResolvedBuild& r, const PowerSummary& p, const CostSummary& cost);

    void add(std::string_view rule, Severity severity, std::string message, std::vector<Category> parts);
    void unchecked(std::string what) { notChecked.push_back(std::move(what)); }

    // Summed over the memory lines; nullopt when any line leaves it unknown (or no memory).
    std::optional<int> totalModules() const;
    std::optional<int> totalRamGb() const;
    // Summed VRAM of all GPU cards; nullopt when any card's VRAM is unknown (or no GPU).
    std::optional<double> totalVramGb() const;
};

void checkPhysical(Context& context);      // cpu-socket, cpu-bios, memory-*, board-form-factor, cooler-*, m2-slots, storage, cpu-cores
void checkGpus(Context& context);          // gpu-length, gpu-slots, gpu-count, pcie-lanes, gpu-vendor, gpu-datacenter,
                                           // gpu-workstation, gpu-mixed, nvlink
void checkPower(Context& context);         // psu-wattage, psu-connectors
void checkWorkload(Context& context);      // workload-fit
void checkCompleteness(Context& context);  // missing-part, not-checked (run last)

// Formatting helpers shared by the rule files.
std::string num(double value);  // "315", "2.5", "1012"
std::string gpuLabel(const GpuLine& line);  // "2x GeForce RTX 3090" / "GeForce RTX 3090"

}  // namespace mlrig::rules
