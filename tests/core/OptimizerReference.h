#pragma once

// A small catalog and a brute-force reference for the budget optimizer, shared by
// OptimizerTest.cpp and tests/bench/OptimizerBench.cpp. The brute force enumerates every
// combination of the optimizer's (unreduced) candidates, runs evaluate() on each and keeps what
// acceptableEvaluation() accepts: no reduction, no mirrored rules, no bounds.

#include <algorithm>
#include <limits>
#include <map>
#include <optional>
#include <vector>

#include "core/catalog/Catalog.h"
#include "core/eval/Evaluate.h"
#include "core/optimize/Optimizer.h"

namespace mlrig::test {

inline PartInfo info(std::string id, std::string name, std::optional<double> price)
{
    PartInfo i;
    i.id = std::move(id);
    i.name = std::move(name);
    i.priceUsd = price;
    return i;
}

inline GpuChip chipRow(std::string model, Vendor vendor, GpuClass cls, std::string arch, double vram, double bw,
                       std::optional<double> fp16, double fp32, double tdp, double peak, double length, double slots,
                       int pin8, int pin12, bool nvlink, Cooling cooling, double msrp)
{
    GpuChip c;
    c.model = std::move(model);
    c.vendor = vendor;
    c.gpuClass = cls;
    c.architecture = std::move(arch);
    c.launchYear = 2022;
    c.vramGb = vram;
    c.memoryBandwidthGbs = bw;
    c.fp16TensorTflops = fp16;
    c.fp32Tflops = fp32;
    c.tdpW = tdp;
    c.transientPeakW = peak;
    c.lengthMm = length;
    c.slotWidth = slots;
    c.pcie8pin = pin8;
    c.pcie12vhpwr = pin12;
    c.nvlink = nvlink;
    c.cooling = cooling;
    c.msrpUsd = msrp;
    c.source = "test";
    return c;
}

// Variant: which parts are in. 0 = everything; 1 = no RTX 4090 and a cheaper 3090; 2 = only one
// PSU with 12VHPWR and the small case only.
inline Catalog smallCatalog(int variant = 0)
{
    std::vector<GpuChip> chips;
    chips.push_back(chipRow("GeForce RTX 3060", Vendor::Nvidia, GpuClass::Consumer, "Ampere", 12, 360, 25.6, 12.7, 170,
                            300, 242, 2, 1, 0, false, Cooling::Open, 329));
    chips.push_back(chipRow("GeForce RTX 4060 Ti 16GB", Vendor::Nvidia, GpuClass::Consumer, "Ada Lovelace", 16, 288,
                            44, 22, 165, 230, 240, 2, 1, 0, false, Cooling::Open, 499));
    chips.push_back(chipRow("GeForce RTX 3090", Vendor::Nvidia, GpuClass::Consumer, "Ampere", 24, 936, 71, 35.6, 350,
                            600, 313, 3, 2, 0, true, Cooling::Open, variant == 1 ? 799 : 1499));
    if (variant != 1)
        chips.push_back(chipRow("GeForce RTX 4090", Vendor::Nvidia, GpuClass::Consumer, "Ada Lovelace", 24, 1008, 165,
                                82.6, 450, 630, 304, 3, 0, 1, false, Cooling::Open, 1599));
    chips.push_back(chipRow("Tesla P40", Vendor::Nvidia, GpuClass::Datacenter, "Pascal", 24, 347, std::nullopt, 11.8,
                            250, 300, 267, 2, 1, 0, false, Cooling::Passive, 5699));
    chips.push_back(chipRow("Radeon RX 7900 XTX", Vendor::Amd, GpuClass::Consumer, "RDNA 3", 24, 960, 122.8, 61.4, 355,
                            530, 287, 2.5, 2, 0, false, Cooling::Open, 999));

    std::vector<AnyPart> parts;
    {  // a long board-partner 3090 at a shop price
        Gpu g;
        g.info = info("gpu-3090-long", "Big 3090 OC", 899);
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
        c.info = info(id, id, price);
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
        b.info = info(id, id, price);
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
        m.info = info(id, id, price);
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
        p.info = info(id, id, price);
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
        c.info = info(id, id, price);
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
        c.info = info(id, id, price);
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
        s.info = info(id, id, price);
        s.capacityGb = 2000;
        s.nvme = nvme;
        s.storageType = std::move(type);
        parts.push_back(s);
    };
    drive("NVMe 2TB", true, "SSD", 120);
    drive("HDD 2TB", false, "HDD", 50);
    return Catalog::fromParts(std::move(parts), std::move(chips));
}

inline Workload workload(WorkloadKind kind, std::string model, std::string quant = "q4_k_m", int context = 8192)
{
    Workload w;
    w.kind = kind;
    w.model = std::move(model);
    w.quant = std::move(quant);
    w.context = context;
    return w;
}

struct ReferencePoint {
    double cost = 0;
    double figure = 0;
};

struct ReferenceResult {
    std::optional<ReferencePoint> best;
    std::vector<ReferencePoint> frontier;  // increasing cost and figure
    std::optional<double> cheapestFeasible;
    bool fits = false;
    size_t evaluations = 0;
};

// Every combination, evaluate()d. Objective as the optimizer defines it: the figure among builds
// that fit; if none within the budget fits, total VRAM.
inline ReferenceResult bruteForce(const Catalog& catalog, const OptimizeRequest& request)
{
    const auto cands = optimizerCandidates(catalog, request);
    struct Valid {
        double cost;
        bool fits;
        std::optional<double> figure;
        double vram;
    };
    std::vector<Valid> valid;
    ReferenceResult out;
    auto at = [&](Category c) -> const std::vector<OptimizeCandidate>& { return cands[static_cast<size_t>(c)]; };
    for (const auto& gpu : at(Category::Gpu)) {
        const int minN = gpu.pinned ? gpu.item.quantity : 1;
        const int maxN = gpu.pinned ? gpu.item.quantity : request.maxGpus;
        for (int n = minN; n <= maxN; ++n)
            for (const auto& cpu : at(Category::Cpu))
                for (const auto& board : at(Category::Motherboard))
                    for (const auto& mem : at(Category::Memory))
                        for (const auto& psu : at(Category::Psu))
                            for (const auto& pcCase : at(Category::Case))
                                for (const auto& cooler : at(Category::Cooler))
                                    for (const auto& drive : at(Category::Storage)) {
                                        Build b;
                                        b.workload = request.workload;
                                        b.items = {cpu.item, board.item, mem.item, gpu.item,
                                                   psu.item, pcCase.item, cooler.item, drive.item};
                                        b.items[3].quantity = n;
                                        const Evaluation e = evaluate(b, catalog);
                                        ++out.evaluations;
                                        if (!acceptableEvaluation(e, request.policy))
                                            continue;
                                        valid.push_back({e.cost.total, e.workload->fits, e.workload->figureValue,
                                                         e.workload->vramAvailableGb});
                                    }
    }
    for (const Valid& v : valid)
        out.cheapestFeasible = std::min(out.cheapestFeasible.value_or(std::numeric_limits<double>::infinity()), v.cost);
    const double limit = request.budget + 1e-6;
    auto collect = [&](bool fitsMode) {
        std::map<double, double> minCostByValue;  // value -> min cost
        for (const Valid& v : valid) {
            if (v.cost > limit || (fitsMode && !(v.fits && v.figure)))
                continue;
            const double value = fitsMode ? *v.figure : v.vram;
            auto [it, added] = minCostByValue.emplace(value, v.cost);
            if (!added)
                it->second = std::min(it->second, v.cost);
        }
        std::vector<ReferencePoint> frontier;
        double minAbove = std::numeric_limits<double>::infinity();
        for (auto it = minCostByValue.rbegin(); it != minCostByValue.rend(); ++it) {
            if (it->second < minAbove) {
                frontier.push_back({it->second, it->first});
                minAbove = it->second;
            }
        }
        std::reverse(frontier.begin(), frontier.end());
        return frontier;
    };
    out.frontier = collect(true);
    out.fits = !out.frontier.empty();
    if (out.frontier.empty())
        out.frontier = collect(false);
    if (!out.frontier.empty())
        out.best = out.frontier.back();
    return out;
}

}  // namespace mlrig::test
