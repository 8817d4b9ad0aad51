#include "core/optimize/PlatformSearch.h"

#include <algorithm>
#include <unordered_map>

#include "core/util/TextUtil.h"
#include "core/eval/PowerModel.h"
#include "core/catalog/ChipsetSupport.h"
#include "core/catalog/FormFactor.h"

namespace mlrig::optimizer {
namespace {

constexpr double kGpuLengthMarginMm = 10;  // gpu-length warns below this much spare clearance

struct Interner {
    std::unordered_map<std::string, int> ids;
    int operator()(std::string_view text)
    {
        if (text.empty())
            return -1;
        const auto [it, added] = ids.emplace(foldName(text), static_cast<int>(ids.size()));
        return it->second;
    }
};

// The attributes of every candidate of a category, in candidate order: `fill` sets what the
// rules read of the part.
template <typename Part, typename Attrs, typename Fill>
std::vector<Attrs> attributesOf(const std::vector<OptimizeCandidate>& cands, Fill fill)
{
    std::vector<Attrs> out;
    for (int i = 0; i < static_cast<int>(cands.size()); ++i) {
        const OptimizeCandidate& c = cands[static_cast<size_t>(i)];
        Attrs a;
        a.cand = i;
        a.cost = c.cost();
        fill(a, std::get<Part>(*c.part), c);
        out.push_back(std::move(a));
    }
    return out;
}

}  // namespace

PlatformSearch::PlatformSearch(const Catalog& catalog, const Candidates& cands, const OptimizePolicy& policy,
                               OptimizeStats& stats)
    : m_policy(policy), m_stats(stats)
{
    (void)catalog;
    Interner sockets, memTypes, archs, chipsets;
    // Distinct board form factors, for the case masks.
    std::vector<std::string> boardFfs;
    for (const auto& c : cands[ix(Category::Motherboard)]) {
        const auto& b = std::get<Motherboard>(*c.part);
        if (!b.formFactor.empty() &&
            std::find(boardFfs.begin(), boardFfs.end(), canonicalFormFactor(b.formFactor)) == boardFfs.end())
            boardFfs.push_back(canonicalFormFactor(b.formFactor));
    }
    m_cpus = attributesOf<Cpu, CpuA>(
        cands[ix(Category::Cpu)], [&](CpuA& a, const Cpu& p, const OptimizeCandidate& c) {
            a.socket = sockets(p.socket);
            a.arch = archs(p.microarchitecture);
            a.microarchitecture = p.microarchitecture;
            a.channels = p.memoryChannels;
            for (const auto& t : p.memoryTypes)
                a.memTypes.push_back(memTypes(t));
            std::sort(a.memTypes.begin(), a.memTypes.end());
            a.maxMem = p.maxMemoryGb;
            a.lanes = p.pcieLanes;
            a.watts = c.item.quantity * cpuSustainedW(p);
            a.coolerLoadW = p.pptW ? p.pptW : p.tdpW;
        });
    m_boards = attributesOf<Motherboard, BoardA>(
        cands[ix(Category::Motherboard)], [&](BoardA& a, const Motherboard& p, const OptimizeCandidate&) {
            a.socket = sockets(p.socket);
            a.chipsetId = chipsets(p.chipset);
            a.chipset = p.chipset;
            if (!p.formFactor.empty())
                a.ff = static_cast<int>(std::find(boardFfs.begin(), boardFfs.end(),
                                                  canonicalFormFactor(p.formFactor)) -
                                        boardFfs.begin());
            a.memType = memTypes(p.memoryType);
            a.slots = p.memorySlots;
            a.maxMem = p.maxMemoryGb;
            a.x16 = p.pcieX16Slots;
            a.m2 = p.m2Slots;
            a.x8x8 = p.x8x8Bifurcation;
        });
    m_mems = attributesOf<Memory, MemA>(
        cands[ix(Category::Memory)], [&](MemA& a, const Memory& p, const OptimizeCandidate& c) {
            a.type = memTypes(p.memoryType);
            const int q = c.item.quantity;
            if (p.modules)
                a.modules = *p.modules * q;
            if (p.totalGb())
                a.totalGb = *p.totalGb() * q;
            a.watts = q * p.modules.value_or(2) * (equalsFolded(p.memoryType, "DDR5") ? power::kDdr5ModuleW
                                                                                       : power::kDdr4ModuleW);
        });
    m_storages = attributesOf<Storage, StorageA>(
        cands[ix(Category::Storage)], [&](StorageA& a, const Storage& p, const OptimizeCandidate& c) {
            a.nvme = p.nvme;
            a.quantity = c.item.quantity;
            const bool hdd = equalsFolded(p.storageType, "HDD") || equalsFolded(p.storageType, "SSHD");
            a.warnsAlone = !p.nvme.value_or(false) && hdd;
            a.watts = a.quantity * storageW(p);
        });
    const int socketCount = static_cast<int>(sockets.ids.size());
    m_cases = attributesOf<Case, CaseA>(
        cands[ix(Category::Case)], [&](CaseA& a, const Case& p, const OptimizeCandidate&) {
            a.ffKnown = !p.motherboardFormFactors.empty();
            for (const std::string& ff : boardFfs)
                a.fitsFf.push_back(!a.ffKnown || caseFitsBoard(p.motherboardFormFactors, ff));
            a.maxGpuLen = p.maxGpuLengthMm;
            a.maxCooler = p.maxCoolerHeightMm;
            a.slots = p.expansionSlots;
        });
    m_coolers = attributesOf<Cooler, CoolerA>(
        cands[ix(Category::Cooler)], [&](CoolerA& a, const Cooler& p, const OptimizeCandidate& c) {
            a.socketsKnown = !p.sockets.empty();
            a.fitsSocket.assign(static_cast<size_t>(socketCount), a.socketsKnown ? 0 : 1);
            for (const std::string& s : p.sockets) {
                auto it = sockets.ids.find(foldName(s));
                if (it != sockets.ids.end())
                    a.fitsSocket[static_cast<size_t>(it->second)] = 1;
            }
            a.water = p.waterCooled.value_or(false);
            a.height = p.heightMm;
            a.rating = p.tdpRatingW;
            a.watts = c.item.quantity * (a.water ? power::kLiquidCoolingW : power::kAirCoolingW);
        });
    m_psus = attributesOf<Psu, PsuA>(
        cands[ix(Category::Psu)], [&](PsuA& a, const Psu& p, const OptimizeCandidate&) {
            a.watts = p.wattageW;
            a.atx3 = p.atx3.value_or(false);
            a.p8 = p.pcie8pin;
            a.p12 = p.pcie12vhpwr;
        });
    reduce();
    m_stats.reduced[ix(Category::Cpu)] = m_cpus.size();
    m_stats.reduced[ix(Category::Motherboard)] = m_boards.size();
    m_stats.reduced[ix(Category::Memory)] = m_mems.size();
    m_stats.reduced[ix(Category::Storage)] = m_storages.size();
    m_stats.reduced[ix(Category::Case)] = m_cases.size();
    m_stats.reduced[ix(Category::Cooler)] = m_coolers.size();
    m_stats.reduced[ix(Category::Psu)] = m_psus.size();

    // CPU + board pairs that agree on socket and memory type, cheapest first.
    for (int c = 0; c < static_cast<int>(m_cpus.size()); ++c) {
        for (int b = 0; b < static_cast<int>(m_boards.size()); ++b) {
            const CpuA& cpu = m_cpus[c];
            const BoardA& board = m_boards[b];
            if (cpu.socket >= 0 && board.socket >= 0 && cpu.socket != board.socket)
                continue;  // cpu-socket
            if (board.memType >= 0 && !cpu.memTypes.empty() &&
                !std::binary_search(cpu.memTypes.begin(), cpu.memTypes.end(), board.memType))
                continue;  // memory-type
            // cpu-bios: never a chipset that does not take the CPU; with avoidPlatformWarnings,
            // only boards that start with it out of the box.
            const ChipsetCpuSupport support = chipsetCpuSupport(board.chipset, cpu.microarchitecture).support;
            if (support == ChipsetCpuSupport::Unsupported ||
                (m_policy.avoidPlatformWarnings && support != ChipsetCpuSupport::Native &&
                 support != ChipsetCpuSupport::Unknown))
                continue;
            m_pairs.push_back({c, b, cpu.cost + board.cost});
        }
    }
    std::stable_sort(m_pairs.begin(), m_pairs.end(), [](const Pair& a, const Pair& b) { return a.cost < b.cost; });
}

const PlatformChoice& PlatformSearch::cheapest(const GpuSpec& spec)
{
    auto key = spec.key();
    if (auto it = m_memo.find(key); it != m_memo.end()) {
        ++m_stats.memoHits;
        return it->second;
    }
    ++m_stats.platformSearches;
    return m_memo.emplace(key, search(spec)).first->second;
}

void PlatformSearch::reduce()
{
    // Only parts with the same attributes where both directions matter are compared; otherwise
    // "A is at least as good as B" for every rule that reads them.
    m_cpus = paretoReduce(std::move(m_cpus), [](const CpuA& a, const CpuA& b) {
        return a.cost <= b.cost && a.socket == b.socket && a.arch == b.arch && optEq(a.channels, b.channels) &&
               a.memTypes == b.memTypes && optGe(a.maxMem, b.maxMem) &&
               optGe(a.lanes, b.lanes) && a.watts <= b.watts && optLe(a.coolerLoadW, b.coolerLoadW);
    });
    m_boards = paretoReduce(std::move(m_boards), [](const BoardA& a, const BoardA& b) {
        return a.cost <= b.cost && a.socket == b.socket && a.chipsetId == b.chipsetId && a.ff == b.ff &&
               a.memType == b.memType &&
               optGe(a.slots, b.slots) && optGe(a.maxMem, b.maxMem) && optGe(a.x16, b.x16) && optGe(a.m2, b.m2) &&
               optGe(a.x8x8, b.x8x8);
    });
    // Fewer modules need fewer slots, but a module per channel is what memory-channels wants:
    // with avoidPlatformWarnings only kits of the same module count compare.
    const bool channelsMatter = m_policy.avoidPlatformWarnings;
    m_mems = paretoReduce(std::move(m_mems), [channelsMatter](const MemA& a, const MemA& b) {
        return a.cost <= b.cost && a.type == b.type && optEq(a.totalGb, b.totalGb) &&
               a.modules.has_value() == b.modules.has_value() &&
               (!a.modules || (channelsMatter ? *a.modules == *b.modules : *a.modules <= *b.modules)) &&
               a.watts <= b.watts;
    });
    m_storages = paretoReduce(std::move(m_storages), [](const StorageA& a, const StorageA& b) {
        const int an = a.nvme.value_or(false) ? a.quantity : 0;
        const int bn = b.nvme.value_or(false) ? b.quantity : 0;
        return a.cost <= b.cost && a.nvme.has_value() == b.nvme.has_value() &&
               a.nvme.value_or(false) == b.nvme.value_or(false) && an <= bn && a.warnsAlone <= b.warnsAlone &&
               a.watts <= b.watts;
    });
    m_cases = paretoReduce(std::move(m_cases), [](const CaseA& a, const CaseA& b) {
        return a.cost <= b.cost && superset(a.fitsFf, b.fitsFf) && optGe(a.maxGpuLen, b.maxGpuLen) &&
               optGe(a.maxCooler, b.maxCooler) && optGe(a.slots, b.slots);
    });
    m_coolers = paretoReduce(std::move(m_coolers), [](const CoolerA& a, const CoolerA& b) {
        // cooler-height is skipped for water coolers and unknown heights.
        const bool aFree = a.water || !a.height;
        const bool bFree = b.water || !b.height;
        const bool heightOk = aFree || (!bFree && *a.height <= *b.height);
        return a.cost <= b.cost && superset(a.fitsSocket, b.fitsSocket) && a.socketsKnown == b.socketsKnown &&
               heightOk && optGe(a.rating, b.rating) && a.watts <= b.watts;
    });
    m_psus = paretoReduce(std::move(m_psus), [](const PsuA& a, const PsuA& b) {
        return a.cost <= b.cost && optGe(a.watts, b.watts) && a.atx3 >= b.atx3 && optGe(a.p8, b.p8) &&
               optGe(a.p12, b.p12);
    });
}

bool PlatformSearch::caseFitsGpus(const CaseA& c, const GpuSpec& g) const
{
    if (g.length && c.maxGpuLen) {
        const double spare = *c.maxGpuLen - *g.length;
        if (spare < 0 || (m_policy.avoidPlatformWarnings && spare < kGpuLengthMarginMm))
            return false;
    }
    if (g.widthSlots && c.slots) {
        if (*g.widthSlots > *c.slots)
            return false;
        if (m_policy.avoidPlatformWarnings && g.n >= 2 && *g.widthSlots == *c.slots)
            return false;
    }
    return true;
}

bool PlatformSearch::psuConnectorsOk(const PsuA& p, const GpuSpec& g) const
{
    if (!g.connectorsKnown)
        return true;
    if ((g.need12 > 0 && !p.p12) || (!p.p8 && (g.need8 > 0 || g.need12 > p.p12.value_or(0))))
        return true;  // not checked
    const int adapted = std::max(g.need12 - p.p12.value_or(0), 0);
    return g.need8 + adapted * g.leadPerAdapter <= p.p8.value_or(0);
}

bool PlatformSearch::psuPowerOk(const PsuA& p, double sustained, double peak) const
{
    if (!p.watts)
        return true;
    // The power model's verdict, the same one the psu-wattage rule gives.
    const PsuVerdict verdict = psuVerdict(sustained, peak, *p.watts, p.atx3);
    if (verdict == PsuVerdict::Overloaded)
        return false;
    return !(m_policy.avoidPlatformWarnings && verdict == PsuVerdict::BelowAdvice);
}

bool PlatformSearch::memoryOk(const MemA& m, const CpuA& cpu, const BoardA& board, const GpuSpec& g) const
{
    if (m.type >= 0) {
        if (board.memType >= 0 && m.type != board.memType)
            return false;
        if (!cpu.memTypes.empty() && !std::binary_search(cpu.memTypes.begin(), cpu.memTypes.end(), m.type))
            return false;
    }
    if (m.modules && board.slots && *m.modules > *board.slots)
        return false;
    if (m_policy.avoidPlatformWarnings && m.modules) {
        // memory-channels, with the rule's own predicate.
        if (!modulesFillChannels(*m.modules, cpu.channels.value_or(2)))
            return false;
    }
    if (m.totalGb) {
        if (board.maxMem && *m.totalGb > *board.maxMem)
            return false;
        if (cpu.maxMem && *m.totalGb > *cpu.maxMem)
            return false;
        if (m_policy.avoidPlatformWarnings && g.vram && *m.totalGb < *g.vram)
            return false;
    }
    return true;
}

PlatformChoice PlatformSearch::search(const GpuSpec& g)
{
    PlatformChoice best;
    // Per-spec filtered lists (sorted by cost, as the reduced lists are).
    std::vector<const CaseA*> cases;
    for (const CaseA& c : m_cases)
        if (caseFitsGpus(c, g))
            cases.push_back(&c);
    std::vector<const PsuA*> psus;
    for (const PsuA& p : m_psus)
        if (psuConnectorsOk(p, g))
            psus.push_back(&p);
    if (cases.empty() || psus.empty() || m_mems.empty() || m_storages.empty() || m_coolers.empty())
        return best;
    const double minMem = m_mems.front().cost;
    const double minStorage = m_storages.front().cost;
    const double minCase = cases.front()->cost;
    const double minCooler = m_coolers.front().cost;
    const double minPsu = psus.front()->cost;
    const bool avoid = m_policy.avoidPlatformWarnings;

    for (const Pair& pair : m_pairs) {
        if (pair.cost + minMem + minStorage + minCase + minCooler + minPsu >= best.cost)
            break;
        const CpuA& cpu = m_cpus[pair.cpu];
        const BoardA& board = m_boards[pair.board];
        ++m_stats.platformNodes;
        if (board.x16 && g.n > *board.x16)
            continue;  // gpu-slots
        if (avoid && g.n >= 2) {
            if (board.x8x8 && !*board.x8x8)
                continue;  // pcie-lanes warning
            if (cpu.lanes && *cpu.lanes < 8 * g.n)
                continue;
        }
        for (const MemA& mem : m_mems) {
            const double c1 = pair.cost + mem.cost;
            if (c1 + minStorage + minCase + minCooler + minPsu >= best.cost)
                break;
            if (!memoryOk(mem, cpu, board, g))
                continue;
            ++m_stats.platformNodes;
            for (const StorageA& st : m_storages) {
                const double c2 = c1 + st.cost;
                if (c2 + minCase + minCooler + minPsu >= best.cost)
                    break;
                if (st.nvme.value_or(false) && board.m2 && st.quantity > *board.m2)
                    continue;  // m2-slots
                if (avoid && st.warnsAlone)
                    continue;  // storage warning
                ++m_stats.platformNodes;
                for (const CaseA* pc : cases) {
                    const double c3 = c2 + pc->cost;
                    if (c3 + minCooler + minPsu >= best.cost)
                        break;
                    if (board.ff >= 0 && !pc->fitsFf[static_cast<size_t>(board.ff)])
                        continue;  // board-form-factor
                    ++m_stats.platformNodes;
                    for (const CoolerA& co : m_coolers) {
                        const double c4 = c3 + co.cost;
                        if (c4 + minPsu >= best.cost)
                            break;
                        if (cpu.socket >= 0 && !co.fitsSocket[static_cast<size_t>(cpu.socket)])
                            continue;  // cooler-socket
                        if (!co.water && co.height && pc->maxCooler && *co.height > *pc->maxCooler)
                            continue;  // cooler-height
                        if (avoid && co.rating && cpu.coolerLoadW && *co.rating < *cpu.coolerLoadW)
                            continue;  // cooler-tdp warning
                        ++m_stats.platformNodes;
                        // Summed in the order computePower adds the build's lines.
                        const auto draw = [&](double gpuW) {
                            double w = cpu.watts;
                            w += power::kMotherboardW;
                            w += mem.watts;
                            w += gpuW;
                            w += co.watts;
                            w += st.watts;
                            return w;
                        };
                        const double sustained = draw(g.sustainedW);
                        const double peak = draw(g.peakW);
                        for (const PsuA* psu : psus) {
                            const double c5 = c4 + psu->cost;
                            if (c5 >= best.cost)
                                break;
                            if (!psuPowerOk(*psu, sustained, peak))
                                continue;
                            best = {true,          c5,       cpu.cand, board.cand, mem.cand, st.cand, pc->cand,
                                    co.cand,       psu->cand};
                            break;
                        }
                    }
                }
            }
        }
    }
    return best;
}

Build platformBuild(const Candidates& cands, const PlatformChoice& platform, BuildItem gpuLine)
{
    Build build;
    auto add = [&](Category c, int index) { build.items.push_back(cands[ix(c)][static_cast<size_t>(index)].item); };
    add(Category::Cpu, platform.cpu);
    add(Category::Motherboard, platform.board);
    add(Category::Memory, platform.mem);
    build.items.push_back(std::move(gpuLine));
    add(Category::Psu, platform.psu);
    add(Category::Case, platform.pcCase);
    add(Category::Cooler, platform.cooler);
    add(Category::Storage, platform.storage);
    return build;
}

}  // namespace mlrig::optimizer
