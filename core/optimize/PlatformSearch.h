#pragma once

// The cheapest valid platform (CPU, board, memory, storage, case, cooler, PSU) for given GPUs:
// a memoised branch-and-bound search over Pareto-reduced candidate lists, checking the same
// conditions evaluate()'s rules use (Optimizer.cpp explains why that is exact). Internal to
// core/optimize.

#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "core/optimize/OptimizerInternal.h"

namespace mlrig::optimizer {

// ---------------------------------------------------------------------------------------------
// Part attributes the mirrored rules read

// Which candidate the attributes are of, and its cost (unit price x quantity).
struct CandidateAttrs {
    int cand = 0;
    double cost = 0;
};

struct CpuA : CandidateAttrs {
    int socket = -1;
    int arch = -1;               // interned microarchitecture (cpu-bios)
    std::string microarchitecture;
    std::optional<int> channels;  // memory channels (memory-channels)
    std::vector<int> memTypes;  // empty = unknown
    std::optional<int> maxMem, lanes;
    double watts = 0;                 // cpuSustainedW
    std::optional<double> coolerLoadW;  // ppt, else tdp (cooler-tdp)
};

struct BoardA : CandidateAttrs {
    int socket = -1;
    int chipsetId = -1;  // interned chipset (cpu-bios)
    std::string chipset;
    int ff = -1;  // index into the distinct board form factors; -1 unknown
    int memType = -1;
    std::optional<int> slots, maxMem, x16, m2;
    std::optional<bool> x8x8;
};

struct MemA : CandidateAttrs {
    int type = -1;
    std::optional<int> modules, totalGb;
    double watts = 0;
};

struct StorageA : CandidateAttrs {
    std::optional<bool> nvme;
    int quantity = 1;
    bool warnsAlone = false;  // storage rule warning: a hard disk only
    double watts = 0;
};

struct CaseA : CandidateAttrs {
    std::vector<char> fitsFf;  // per board form factor index
    bool ffKnown = false;
    std::optional<double> maxGpuLen, maxCooler;
    std::optional<int> slots;
};

struct CoolerA : CandidateAttrs {
    std::vector<char> fitsSocket;  // per socket id
    bool socketsKnown = false;
    bool water = false;
    std::optional<double> height, rating;
    double watts = 0;
};

struct PsuA : CandidateAttrs {
    std::optional<double> watts;
    bool atx3 = false;
    std::optional<int> p8, p12;
};

// What the GPUs ask of the platform.
struct GpuSpec {
    int n = 1;
    std::optional<double> length;
    std::optional<int> widthSlots;
    double sustainedW = 0, peakW = 0;
    bool connectorsKnown = false;
    int need8 = 0, need12 = 0, leadPerAdapter = 3;
    std::optional<double> vram;

    auto key() const
    {
        return std::make_tuple(n, length.value_or(-1), widthSlots.value_or(-1), sustainedW, peakW, connectorsKnown,
                               need8, need12, leadPerAdapter, vram.value_or(-1));
    }
};

struct PlatformChoice {
    bool feasible = false;
    double cost = kInf;
    int cpu = -1, board = -1, mem = -1, storage = -1, pcCase = -1, cooler = -1, psu = -1;  // candidate indices
};

class PlatformSearch {
public:
    PlatformSearch(const Catalog& catalog, const Candidates& cands, const OptimizePolicy& policy,
                   OptimizeStats& stats);

    // The cheapest valid platform for the GPUs, memoised by what they ask of it (GpuSpec::key()).
    const PlatformChoice& cheapest(const GpuSpec& spec);

private:
    struct Pair {
        int cpu, board;
        double cost;
    };

    void reduce();
    bool caseFitsGpus(const CaseA& c, const GpuSpec& g) const;
    bool psuConnectorsOk(const PsuA& p, const GpuSpec& g) const;
    bool psuPowerOk(const PsuA& p, double sustained, double peak) const;
    bool memoryOk(const MemA& m, const CpuA& cpu, const BoardA& board, const GpuSpec& g) const;
    PlatformChoice search(const GpuSpec& g);

    const OptimizePolicy& m_policy;
    OptimizeStats& m_stats;
    std::vector<CpuA> m_cpus;
    std::vector<BoardA> m_boards;
    std::vector<MemA> m_mems;
    std::vector<StorageA> m_storages;
    std::vector<CaseA> m_cases;
    std::vector<CoolerA> m_coolers;
    std::vector<PsuA> m_psus;
    std::vector<Pair> m_pairs;
    std::map<decltype(GpuSpec{}.key()), PlatformChoice> m_memo;
};

// The build of a GPU line and its platform, in the order the optimizer has always listed it.
Build platformBuild(const Candidates& cands, const PlatformChoice& platform, BuildItem gpuLine);

}  // namespace mlrig::optimizer
