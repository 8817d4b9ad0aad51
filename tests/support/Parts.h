#pragma once

// Builders for part records and build lines: the few lines every rule, evaluation and export
// test would otherwise spell out field by field.

#include <optional>
#include <string>

#include "core/catalog/Parts.h"
#include "core/model/Build.h"

namespace mlrig::testsupport {

PartInfo partInfo(std::string id, std::string name, std::optional<double> priceUsd = std::nullopt);

// A line that names a catalog part (by id, name or GPU model), as a loaded .mlrig file has it.
BuildItem refItem(Category category, std::string ref, int quantity = 1, std::optional<double> price = std::nullopt);
BuildItem gpuItem(std::string model, int quantity = 1, std::optional<double> price = std::nullopt);

// A line that carries its own part (a custom part), its category taken from the part.
BuildItem customItem(AnyPart part, int quantity = 1);

// Index of the build's first line of that category, or -1: where the GUI's per-line actions
// (choose a part, set a power limit) point.
int itemIndexOf(const Build& build, Category category);

// A complete AM5 platform that passes every rule with one or two RTX 3090s: Ryzen 9 7950X
// (PPT 230 W, 24 lanes), an X670E ATX board with x8/x8, 2x48 GB DDR5, a 1600 W ATX 3.0 PSU with
// six 8-pin plugs and one 12VHPWR, an ATX tower (400 mm cards, 170 mm coolers, 8 slots), a
// 160 mm air cooler rated 250 W and a 2 TB NVMe SSD. A rule test changes one field to break one
// rule; the parts carry names but no ids or prices, which a catalog test adds.
struct Platform {
    Cpu cpu;
    Motherboard board;
    Memory ram;
    Psu psu;
    Case pcCase;
    Cooler cooler;
    Storage ssd;
};
Platform am5Platform();

Workload workload(WorkloadKind kind, std::string model, std::string quant = "q4_k_m", int context = 8192);

}  // namespace mlrig::testsupport
