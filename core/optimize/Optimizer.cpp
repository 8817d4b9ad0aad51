#include "core/optimize/Optimizer.h"

// Why the search is exact (under mlrig's model; tests compare it with brute force):
//
// 1. Separation. A build is (GPU option, platform). The figure of merit is a function of the GPU
//    option alone (estimateWorkload on those GPUs; the optimizer sets no power limit), and the
//    cost is GPU cost + platform cost. So the best build is, over GPU options ordered by figure,
//    the first whose GPU cost + cheapest valid platform fits the budget; and the frontier needs,
//    per GPU option, only its cheapest valid platform.
// 2. Mirrored rules. Whether a platform is valid for given GPUs is decided by the same conditions
//    evaluate()'s rules use for errors (and, with avoidPlatformWarnings, for the avoided
//    warnings), written here over precomputed part attributes. Unknown figures pass, as the rules
//    report them as not-checked instead of failing. Every build that is returned is still run
//    through evaluate() and acceptableEvaluation(); a disagreement is counted in
//    stats.verifyRejected and the build is not returned.
// 3. Pareto reduction. Within a category, part A dominates part B when A costs no more and A is
//    at least as good in every attribute any rule reads (more slots, more clearance, more
//    connectors, no more power...), with equal attributes where both directions matter (memory
//    size: RAM >= VRAM wants more, the board maximum wants less). Replacing B by A in any valid
//    build keeps it valid and no dearer, so dropping dominated parts loses no optimum.
// 4. Branch and bound. The platform search visits categories in a fixed order, each candidate
//    list sorted by price, and stops a list as soon as cost so far + the cheapest remaining
//    choices cannot beat the best platform found: later entries only cost more. GPU options are
//    skipped when GPU cost + the cheapest platform for any GPUs of that count (a valid lower
//    bound: every GPU constraint relaxed) exceeds the budget or cannot undercut the builds of
//    higher figure already found.
// 5. Memoisation. The platform search depends on the GPUs only through a small key (count,
//    length, expansion slots, connectors, power, total VRAM), shared by many cards.

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <map>
#include <stdexcept>
#include <tuple>
#include <unordered_map>

#include "core/util/TextUtil.h"
#include "core/eval/Evaluate.h"
#include "core/eval/PowerModel.h"
#include "core/eval/Rules.h"
#include "core/eval/ValueMetrics.h"
#include "core/eval/WorkloadModel.h"

namespace mlrig {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kGpuLengthMarginMm = 10;  // gpu-length warns below this much spare clearance
constexpr double kAdapterFourPinAboveW = 450;  // as psu-connectors: 4 leads per 12VHPWR input above 450 W
constexpr double kBudgetEpsilon = 1e-6;

size_t ix(Category c)
{
    return static_cast<size_t>(c);
}

// ---------------------------------------------------------------------------------------------
// Candidates

struct Exclusion {
    std::string folded;
    const GpuChip* chip = nullptr;
    bool matched = false;
};

bool isExcluded(const AnyPart& part, std::vector<Exclusion>& exclusions, const Catalog& catalog)
{
    if (exclusions.empty())
        return false;
    const PartInfo& info = infoOf(part);
    const std::string id = foldName(info.id);
    const std::string name = foldName(info.name);
    const Gpu* gpu = std::get_if<Gpu>(&part);
    const GpuChip* chip = gpu && !gpu->chipModel.empty() ? catalog.chip(gpu->chipModel) : nullptr;
    bool excluded = false;
    for (Exclusion& e : exclusions) {
        if ((!id.empty() && e.folded == id) || e.folded == name || (chip && e.chip == chip) ||
            (gpu && !gpu->chipModel.empty() && e.folded == foldName(gpu->chipModel))) {
            e.matched = true;
            excluded = true;
        }
    }
    return excluded;
}

bool knownFit(const AnyPart& part)
{
    return std::visit(
        [](const auto& p) -> bool {
            using T = std::decay_t<decltype(p)>;
            if constexpr (std::is_same_v<T, Cpu>)
                return !p.socket.empty() && !p.memoryTypes.empty() && p.pcieLanes && (p.tdpW || p.pptW);
            else if constexpr (std::is_same_v<T, Motherboard>)
                return !p.socket.empty() && !p.formFactor.empty() && !p.memoryType.empty() && p.memorySlots &&
                       p.maxMemoryGb && p.pcieX16Slots && p.x8x8Bifurcation && p.m2Slots;
            else if constexpr (std::is_same_v<T, Memory>)
                return !p.memoryType.empty() && p.modules && p.moduleGb;
            else if constexpr (std::is_same_v<T, Gpu>)
                return p.vramGb && p.lengthMm && p.slotWidth && p.tdpW && (p.pcie8pin || p.pcie6pin || p.pcie12vhpwr);
            else if constexpr (std::is_same_v<T, Psu>)
                return p.wattageW && p.pcie8pin && p.pcie12vhpwr;
            else if constexpr (std::is_same_v<T, Case>)
                return !p.motherboardFormFactors.empty() && p.maxGpuLengthMm && p.maxCoolerHeightMm && p.expansionSlots;
            else if constexpr (std::is_same_v<T, Cooler>)
                return !p.sockets.empty() && (p.heightMm || p.waterCooled.value_or(false));
            else
                return p.nvme.has_value();
        },
        part);
}

bool passesPolicyFilters(const AnyPart& part, const OptimizePolicy& policy)
{
    if (policy.requireKnownFit && !knownFit(part))
        return false;
    if (const Cpu* cpu = std::get_if<Cpu>(&part); cpu && policy.minCpuCores > 0)
        return cpu->cores && *cpu->cores >= policy.minCpuCores;
    if (const Storage* s = std::get_if<Storage>(&part); s && policy.minStorageGb > 0)
        return s->capacityGb && *s->capacityGb >= policy.minStorageGb;
    return true;
}

}  // namespace

const std::vector<std::string>& optimizerAvoidedWarnings()
{
    static const std::vector<std::string> rules = {"memory-vs-vram", "pcie-lanes", "psu-wattage", "gpu-length",
                                                   "gpu-slots",      "cooler-tdp", "storage"};
    return rules;
}

bool acceptableEvaluation(const Evaluation& evaluation, const OptimizePolicy& policy)
{
    for (const Finding& f : evaluation.findings) {
        // Whether the build runs the workload is the optimizer's figure of merit and fallback
        // ("most VRAM" when nothing within the budget runs it), judged from the same estimate;
        // so that error alone does not make a build invalid here.
        if (f.severity == Severity::Error && f.rule != "workload-fit")
            return false;
        if (policy.avoidPlatformWarnings && f.severity == Severity::Warning) {
            const auto& avoided = optimizerAvoidedWarnings();
            if (std::find(avoided.begin(), avoided.end(), f.rule) != avoided.end())
                return false;
        }
    }
    return true;
}

std::array<std::vector<OptimizeCandidate>, 8> optimizerCandidates(const Catalog& catalog, const OptimizeRequest& request)
{
    std::array<std::vector<OptimizeCandidate>, 8> out;
    std::array<bool, 8> pinnedCategory{};
    for (const BuildItem& item : request.pinned) {
        const size_t c = ix(item.category);
        if (pinnedCategory[c])
            throw std::invalid_argument(fmt::format("pinned parts: more than one {} line; pin at most one per category",
                                                    categoryId(item.category)));
        if (item.quantity < 1)
            throw std::invalid_argument("pinned parts: quantity must be at least 1");
        const AnyPart* part = partOf(item, catalog);
        if (!part)
            throw std::invalid_argument(
                fmt::format("pinned {} \"{}\" is not in the catalog", categoryId(item.category), item.ref));
        if (item.category == Category::Gpu && item.quantity > request.maxGpus)
            throw std::invalid_argument(fmt::format("pinned GPU quantity {} exceeds --max-gpus {}", item.quantity,
                                                    request.maxGpus));
        pinnedCategory[c] = true;
        OptimizeCandidate cand;
        cand.part = part;
        cand.item = item;
        cand.item.price = item.price.value_or(0.0);
        cand.unitPrice = *cand.item.price;
        cand.pinned = true;
        out[c].push_back(std::move(cand));
    }

    std::vector<Exclusion> exclusions;
    for (const std::string& e : request.excluded)
        exclusions.push_back({foldName(e), catalog.chip(e), false});

    for (Category category : kAllCategories) {
        const size_t c = ix(category);
        if (pinnedCategory[c])
            continue;
        for (const AnyPart& part : catalog.parts(category)) {
            if (isExcluded(part, exclusions, catalog) || !passesPolicyFilters(part, request.policy))
                continue;
            BuildItem item;
            item.category = category;
            item.ref = infoOf(part).id.empty() ? infoOf(part).name : infoOf(part).id;
            const PriceChoice price = priceOf(item, &part, catalog);
            if (!price.unitPrice || *price.unitPrice < 0)
                continue;  // only priced parts can be chosen
            OptimizeCandidate cand;
            cand.part = &part;
            cand.item = std::move(item);
            cand.unitPrice = *price.unitPrice;
            out[c].push_back(std::move(cand));
        }
    }
    for (const BuildItem& offer : request.offers) {
        const size_t c = ix(offer.category);
        if (pinnedCategory[c])
            continue;
        if (!offer.price || *offer.price < 0)
            throw std::invalid_argument(fmt::format("offered {} \"{}\" has no price", categoryId(offer.category),
                                                    offer.custom ? infoOf(*offer.custom).name : offer.ref));
        if (offer.condition == Condition::Used && !request.allowUsed)
            continue;
        const AnyPart* part = partOf(offer, catalog);
        if (!part)
            throw std::invalid_argument(
                fmt::format("offered {} \"{}\" is not in the catalog", categoryId(offer.category), offer.ref));
        if (isExcluded(*part, exclusions, catalog) || !passesPolicyFilters(*part, request.policy))
            continue;
        OptimizeCandidate cand;
        cand.part = part;
        cand.item = offer;
        cand.item.quantity = offer.category == Category::Gpu ? 1 : offer.quantity;
        cand.unitPrice = *offer.price;
        out[c].push_back(std::move(cand));
    }
    return out;
}

namespace {

// ---------------------------------------------------------------------------------------------
// Part attributes the mirrored rules read

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

struct CpuA {
    int cand = 0;
    double cost = 0;
    int socket = -1;
    std::vector<int> memTypes;  // empty = unknown
    std::optional<int> maxMem, lanes;
    double watts = 0;                 // cpuSustainedW
    std::optional<double> coolerLoadW;  // ppt, else tdp (cooler-tdp)
};

struct BoardA {
    int cand = 0;
    double cost = 0;
    int socket = -1;
    int ff = -1;  // index into the distinct board form factors; -1 unknown
    int memType = -1;
    std::optional<int> slots, maxMem, x16, m2;
    std::optional<bool> x8x8;
};

struct MemA {
    int cand = 0;
    double cost = 0;
    int type = -1;
    std::optional<int> modules, totalGb;
    double watts = 0;
};

struct StorageA {
    int cand = 0;
    double cost = 0;
    std::optional<bool> nvme;
    int quantity = 1;
    bool warnsAlone = false;  // storage rule warning: a hard disk only
    double watts = 0;
};

struct CaseA {
    int cand = 0;
    double cost = 0;
    std::vector<char> fitsFf;  // per board form factor index
    bool ffKnown = false;
    std::optional<double> maxGpuLen, maxCooler;
    std::optional<int> slots;
};

struct CoolerA {
    int cand = 0;
    double cost = 0;
    std::vector<char> fitsSocket;  // per socket id
    bool socketsKnown = false;
    bool water = false;
    std::optional<double> height, rating;
    double watts = 0;
};

struct PsuA {
    int cand = 0;
    double cost = 0;
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

bool optLe(const std::optional<double>& a, const std::optional<double>& b)  // a <= b, same known-ness
{
    return a.has_value() == b.has_value() && (!a || *a <= *b);
}
template <typename T>
bool optGe(const std::optional<T>& a, const std::optional<T>& b)
{
    return a.has_value() == b.has_value() && (!a || *a >= *b);
}
template <typename T>
bool optEq(const std::optional<T>& a, const std::optional<T>& b)
{
    return a == b;
}
bool superset(const std::vector<char>& a, const std::vector<char>& b)
{
    for (size_t i = 0; i < a.size(); ++i) {
        if (b[i] && !a[i])
            return false;
    }
    return true;
}

// Keeps the non-dominated members, sorted by cost. `dominates(a, b)` must imply a.cost <= b.cost.
template <typename T, typename Dom>
std::vector<T> paretoReduce(std::vector<T> items, Dom dominates)
{
    std::stable_sort(items.begin(), items.end(), [](const T& a, const T& b) { return a.cost < b.cost; });
    std::vector<T> kept;
    for (T& item : items) {
        bool dominated = false;
        for (const T& k : kept) {
            if (dominates(k, item)) {
                dominated = true;
                break;
            }
        }
        if (!dominated)
            kept.push_back(std::move(item));
    }
    // An earlier-kept item may be dominated by a later one only at equal cost; the order above
    // keeps the first of equals, so a second pass removes the rest.
    std::vector<T> out;
    for (size_t i = 0; i < kept.size(); ++i) {
        bool dominated = false;
        for (size_t j = 0; j < kept.size() && !dominated; ++j)
            dominated = j != i && kept[j].cost <= kept[i].cost && dominates(kept[j], kept[i]) &&
                        !(dominates(kept[i], kept[j]) && i < j);
        if (!dominated)
            out.push_back(std::move(kept[i]));
    }
    return out;
}

struct PlatformChoice {
    bool feasible = false;
    double cost = kInf;
    int cpu = -1, board = -1, mem = -1, storage = -1, pcCase = -1, cooler = -1, psu = -1;  // candidate indices
};

class PlatformSearch {
public:
    PlatformSearch(const Catalog& catalog, const std::array<std::vector<OptimizeCandidate>, 8>& cands,
                   const OptimizePolicy& policy, OptimizeStats& stats)
        : m_cands(cands), m_policy(policy), m_stats(stats)
    {
        (void)catalog;
        Interner sockets, memTypes;
        // Distinct board form factors, for the case masks.
        std::vector<std::string> boardFfs;
        for (const auto& c : cands[ix(Category::Motherboard)]) {
            const auto& b = std::get<Motherboard>(*c.part);
            if (!b.formFactor.empty() &&
                std::find(boardFfs.begin(), boardFfs.end(), rules::canonicalFormFactor(b.formFactor)) == boardFfs.end())
                boardFfs.push_back(rules::canonicalFormFactor(b.formFactor));
        }
        for (int i = 0; i < static_cast<int>(cands[ix(Category::Cpu)].size()); ++i) {
            const auto& c = cands[ix(Category::Cpu)][i];
            const Cpu& p = std::get<Cpu>(*c.part);
            CpuA a;
            a.cand = i;
            a.cost = c.cost();
            a.socket = sockets(p.socket);
            for (const auto& t : p.memoryTypes)
                a.memTypes.push_back(memTypes(t));
            std::sort(a.memTypes.begin(), a.memTypes.end());
            a.maxMem = p.maxMemoryGb;
            a.lanes = p.pcieLanes;
            a.watts = c.item.quantity * cpuSustainedW(p);
            a.coolerLoadW = p.pptW ? p.pptW : p.tdpW;
            m_cpus.push_back(std::move(a));
        }
        for (int i = 0; i < static_cast<int>(cands[ix(Category::Motherboard)].size()); ++i) {
            const auto& c = cands[ix(Category::Motherboard)][i];
            const Motherboard& p = std::get<Motherboard>(*c.part);
            BoardA a;
            a.cand = i;
            a.cost = c.cost();
            a.socket = sockets(p.socket);
            if (!p.formFactor.empty())
                a.ff = static_cast<int>(std::find(boardFfs.begin(), boardFfs.end(),
                                                  rules::canonicalFormFactor(p.formFactor)) -
                                        boardFfs.begin());
            a.memType = memTypes(p.memoryType);
            a.slots = p.memorySlots;
            a.maxMem = p.maxMemoryGb;
            a.x16 = p.pcieX16Slots;
            a.m2 = p.m2Slots;
            a.x8x8 = p.x8x8Bifurcation;
            m_boards.push_back(a);
        }
        for (int i = 0; i < static_cast<int>(cands[ix(Category::Memory)].size()); ++i) {
            const auto& c = cands[ix(Category::Memory)][i];
            const Memory& p = std::get<Memory>(*c.part);
            MemA a;
            a.cand = i;
            a.cost = c.cost();
            a.type = memTypes(p.memoryType);
            const int q = c.item.quantity;
            if (p.modules)
                a.modules = *p.modules * q;
            if (p.totalGb())
                a.totalGb = *p.totalGb() * q;
            a.watts = q * p.modules.value_or(2) * (equalsFolded(p.memoryType, "DDR5") ? power::kDdr5ModuleW
                                                                                       : power::kDdr4ModuleW);
            m_mems.push_back(a);
        }
        for (int i = 0; i < static_cast<int>(cands[ix(Category::Storage)].size()); ++i) {
            const auto& c = cands[ix(Category::Storage)][i];
            const Storage& p = std::get<Storage>(*c.part);
            StorageA a;
            a.cand = i;
            a.cost = c.cost();
            a.nvme = p.nvme;
            a.quantity = c.item.quantity;
            const bool hdd = equalsFolded(p.storageType, "HDD") || equalsFolded(p.storageType, "SSHD");
            a.warnsAlone = !p.nvme.value_or(false) && hdd;
            a.watts = a.quantity * storageW(p);
            m_storages.push_back(a);
        }
        const int socketCount = static_cast<int>(sockets.ids.size());
        for (int i = 0; i < static_cast<int>(cands[ix(Category::Case)].size()); ++i) {
            const auto& c = cands[ix(Category::Case)][i];
            const Case& p = std::get<Case>(*c.part);
            CaseA a;
            a.cand = i;
            a.cost = c.cost();
            a.ffKnown = !p.motherboardFormFactors.empty();
            for (const std::string& ff : boardFfs)
                a.fitsFf.push_back(!a.ffKnown || rules::caseFitsBoard(p.motherboardFormFactors, ff));
            a.maxGpuLen = p.maxGpuLengthMm;
            a.maxCooler = p.maxCoolerHeightMm;
            a.slots = p.expansionSlots;
            m_cases.push_back(std::move(a));
        }
        for (int i = 0; i < static_cast<int>(cands[ix(Category::Cooler)].size()); ++i) {
            const auto& c = cands[ix(Category::Cooler)][i];
            const Cooler& p = std::get<Cooler>(*c.part);
            CoolerA a;
            a.cand = i;
            a.cost = c.cost();
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
            m_coolers.push_back(std::move(a));
        }
        for (int i = 0; i < static_cast<int>(cands[ix(Category::Psu)].size()); ++i) {
            const auto& c = cands[ix(Category::Psu)][i];
            const Psu& p = std::get<Psu>(*c.part);
            PsuA a;
            a.cand = i;
            a.cost = c.cost();
            a.watts = p.wattageW;
            a.atx3 = p.atx3.value_or(false);
            a.p8 = p.pcie8pin;
            a.p12 = p.pcie12vhpwr;
            m_psus.push_back(a);
        }
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
                m_pairs.push_back({c, b, cpu.cost + board.cost});
            }
        }
        std::stable_sort(m_pairs.begin(), m_pairs.end(), [](const Pair& a, const Pair& b) { return a.cost < b.cost; });
    }

    const PlatformChoice& cheapest(const GpuSpec& spec)
    {
        auto key = spec.key();
        if (auto it = m_memo.find(key); it != m_memo.end()) {
            ++m_stats.memoHits;
            return it->second;
        }
        ++m_stats.platformSearches;
        return m_memo.emplace(key, search(spec)).first->second;
    }

private:
    struct Pair {
        int cpu, board;
        double cost;
    };

    void reduce()
    {
        // Only parts with the same attributes where both directions matter are compared; otherwise
        // "A is at least as good as B" for every rule that reads them.
        m_cpus = paretoReduce(std::move(m_cpus), [](const CpuA& a, const CpuA& b) {
            return a.cost <= b.cost && a.socket == b.socket && a.memTypes == b.memTypes && optGe(a.maxMem, b.maxMem) &&
                   optGe(a.lanes, b.lanes) && a.watts <= b.watts && optLe(a.coolerLoadW, b.coolerLoadW);
        });
        m_boards = paretoReduce(std::move(m_boards), [](const BoardA& a, const BoardA& b) {
            return a.cost <= b.cost && a.socket == b.socket && a.ff == b.ff && a.memType == b.memType &&
                   optGe(a.slots, b.slots) && optGe(a.maxMem, b.maxMem) && optGe(a.x16, b.x16) && optGe(a.m2, b.m2) &&
                   optGe(a.x8x8, b.x8x8);
        });
        m_mems = paretoReduce(std::move(m_mems), [](const MemA& a, const MemA& b) {
            return a.cost <= b.cost && a.type == b.type && optEq(a.totalGb, b.totalGb) &&
                   a.modules.has_value() == b.modules.has_value() && (!a.modules || *a.modules <= *b.modules) &&
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

    bool caseFitsGpus(const CaseA& c, const GpuSpec& g) const
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

    bool psuConnectorsOk(const PsuA& p, const GpuSpec& g) const
    {
        if (!g.connectorsKnown)
            return true;
        if ((g.need12 > 0 && !p.p12) || (!p.p8 && (g.need8 > 0 || g.need12 > p.p12.value_or(0))))
            return true;  // not checked
        const int adapted = std::max(g.need12 - p.p12.value_or(0), 0);
        return g.need8 + adapted * g.leadPerAdapter <= p.p8.value_or(0);
    }

    bool psuPowerOk(const PsuA& p, double sustained, double peak) const
    {
        if (!p.watts)
            return true;
        // The power model's verdict, the same one the psu-wattage rule gives.
        const PsuVerdict verdict = psuVerdict(sustained, peak, *p.watts, p.atx3);
        if (verdict == PsuVerdict::Overloaded)
            return false;
        return !(m_policy.avoidPlatformWarnings && verdict == PsuVerdict::BelowAdvice);
    }

    bool memoryOk(const MemA& m, const CpuA& cpu, const BoardA& board, const GpuSpec& g) const
    {
        if (m.type >= 0) {
            if (board.memType >= 0 && m.type != board.memType)
                return false;
            if (!cpu.memTypes.empty() && !std::binary_search(cpu.memTypes.begin(), cpu.memTypes.end(), m.type))
                return false;
        }
        if (m.modules && board.slots && *m.modules > *board.slots)
            return false;
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

    PlatformChoice search(const GpuSpec& g)
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
                            double sustained = cpu.watts;
                            sustained += power::kMotherboardW;
                            sustained += mem.watts;
                            sustained += g.sustainedW;
                            sustained += co.watts;
                            sustained += st.watts;
                            double peak = cpu.watts;
                            peak += power::kMotherboardW;
                            peak += mem.watts;
                            peak += g.peakW;
                            peak += co.watts;
                            peak += st.watts;
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

    const std::array<std::vector<OptimizeCandidate>, 8>& m_cands;
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

// ---------------------------------------------------------------------------------------------
// GPU options

struct GpuOption {
    int cand = 0;  // GPU candidate index
    int n = 1;
    double gpuCost = 0;
    GpuSpec spec;
    bool fits = false;
    std::optional<double> figure;
    double vram = 0;  // available, as the workload model counts it
    double value = 0;  // objective in the current mode
    double lowerBound = 0;
};

GpuSpec gpuSpec(const Gpu& g, int n)
{
    GpuSpec s;
    s.n = n;
    s.length = g.lengthMm;
    if (g.slotWidth)
        s.widthSlots = static_cast<int>(std::ceil(*g.slotWidth - 0.05)) * n;
    s.sustainedW = n * gpuSustainedW(g, std::nullopt);
    s.peakW = n * gpuPeakW(g, std::nullopt);
    s.connectorsKnown = g.pcie8pin || g.pcie6pin || g.pcie12vhpwr;
    if (s.connectorsKnown) {
        s.need8 = (g.pcie8pin.value_or(0) + g.pcie6pin.value_or(0)) * n;
        const int inputs12 = g.pcie12vhpwr.value_or(0);
        s.need12 = inputs12 * n;
        if (inputs12 > 0) {
            const double perInput = g.tdpW ? *g.tdpW / inputs12 : 600;
            s.leadPerAdapter = perInput > kAdapterFourPinAboveW ? 4 : 3;
        }
    }
    if (g.vramGb)
        s.vram = *g.vramGb * n;
    return s;
}

// Everything of a GPU the workload model reads, for memoising estimates.
auto figureKey(const Gpu& g, int n)
{
    return std::make_tuple(n, g.vramGb.value_or(-1), g.memoryBandwidthGbs.value_or(-1), g.fp16TensorTflops.value_or(-1),
                           g.fp32Tflops.value_or(-1), g.nvlink.value_or(false), static_cast<int>(g.vendor), g.gpusPerBoard);
}

bool gpuHasIntrinsicError(const Gpu& g)
{
    // gpu-datacenter: Kepler datacentre cards are an error whatever the platform.
    return g.gpuClass == GpuClass::Datacenter && foldName(g.architecture) == "kepler";
}

std::string budgetName(const OptimizeRequest& request)
{
    const std::string model = request.workload.model.empty() ? std::string(workloadKindId(request.workload.kind))
                                                             : request.workload.model;
    return fmt::format("{} within ${:.0f}", model, request.budget);
}

class Optimizer {
public:
    Optimizer(const Catalog& catalog, const OptimizeRequest& request, OptimizeResult& result)
        : m_catalog(catalog), m_request(request), m_result(result), m_cands(optimizerCandidates(catalog, request)),
          m_platforms(catalog, m_cands, request.policy, result.stats)
    {
        for (size_t c = 0; c < 8; ++c)
            m_result.stats.candidates[c] = m_cands[c].size();
        buildOptions();
        GpuSpec relaxed;
        for (int n = 1; n <= 2; ++n) {
            relaxed.n = n;
            const PlatformChoice& p = m_platforms.cheapest(relaxed);
            m_platformLb[static_cast<size_t>(n)] = p.feasible ? p.cost : kInf;
        }
        for (GpuOption& o : m_options)
            o.lowerBound = o.gpuCost + m_platformLb[static_cast<size_t>(o.n)];
    }

    void run()
    {
        // Mode A: builds that fit the workload, best figure. Mode B: nothing within the budget
        // fits, so the most VRAM.
        std::vector<GpuOption> fitting;
        for (const GpuOption& o : m_options)
            if (o.fits && o.figure) {
                fitting.push_back(o);
                fitting.back().value = *o.figure;
            }
        if (search(fitting, m_request.budget)) {
            m_result.fits = true;
            return;
        }
        std::vector<GpuOption> all = m_options;
        for (GpuOption& o : all)
            o.value = o.vram;
        m_result.cheapestFittingCost = cheapest(fitting);
        if (search(all, m_request.budget)) {
            m_result.fits = false;
            m_result.figureName = "VRAM GB";
            return;
        }
        m_result.cheapestFeasibleCost = cheapest(all);
    }

private:
    void buildOptions()
    {
        const auto& gpus = m_cands[ix(Category::Gpu)];
        m_result.stats.gpuCandidates = gpus.size();
        // Reduce cards: same figure inputs, and no worse for the platform at no higher price.
        struct GpuA {
            int cand;
            double cost;
            decltype(figureKey(Gpu{}, 1)) fkey;
            GpuSpec spec;  // for one card
            bool pinned;
        };
        std::vector<GpuA> cards;
        for (int i = 0; i < static_cast<int>(gpus.size()); ++i) {
            const Gpu& g = std::get<Gpu>(*gpus[i].part);
            if (gpuHasIntrinsicError(g))
                continue;
            cards.push_back({i, gpus[i].unitPrice, figureKey(g, 1), gpuSpec(g, 1), gpus[i].pinned});
        }
        cards = paretoReduce(std::move(cards), [](const GpuA& a, const GpuA& b) {
            const GpuSpec& x = a.spec;
            const GpuSpec& y = b.spec;
            return a.cost <= b.cost && a.fkey == b.fkey && optLe(x.length, y.length) &&
                   x.widthSlots.has_value() == y.widthSlots.has_value() &&
                   (!x.widthSlots || *x.widthSlots <= *y.widthSlots) && x.sustainedW <= y.sustainedW &&
                   x.peakW <= y.peakW && x.connectorsKnown == y.connectorsKnown && x.need12 == y.need12 &&
                   x.need8 <= y.need8 && x.leadPerAdapter <= y.leadPerAdapter && x.vram == y.vram;
        });
        m_result.stats.reduced[ix(Category::Gpu)] = cards.size();

        std::map<decltype(figureKey(Gpu{}, 1)), WorkloadEstimate> estimates;
        for (const GpuA& card : cards) {
            const OptimizeCandidate& cand = gpus[static_cast<size_t>(card.cand)];
            const Gpu& g = std::get<Gpu>(*cand.part);
            const int minN = cand.pinned ? cand.item.quantity : 1;
            const int maxN = cand.pinned ? cand.item.quantity : m_request.maxGpus;
            for (int n = minN; n <= maxN; ++n) {
                GpuOption o;
                o.cand = card.cand;
                o.n = n;
                o.gpuCost = cand.unitPrice * n;
                o.spec = gpuSpec(g, n);
                const auto key = figureKey(g, n);
                auto it = estimates.find(key);
                if (it == estimates.end()) {
                    std::vector<GpuForWorkload> forWorkload;
                    appendGpusForWorkload(g, n, std::nullopt, forWorkload);
                    it = estimates.emplace(key, estimateWorkload(m_request.workload, forWorkload)).first;
                    if (m_result.figureName.empty())
                        m_result.figureName = it->second.figureOfMerit;
                }
                o.fits = it->second.fits;
                o.figure = it->second.figureValue;
                o.vram = it->second.vramAvailableGb;
                m_options.push_back(o);
            }
        }
        m_result.stats.gpuOptions = m_options.size();
    }

    // The build of an option and its platform.
    Build assemble(const GpuOption& o, const PlatformChoice& p) const
    {
        Build build;
        build.name = "Optimised: " + budgetName(m_request);
        build.workload = m_request.workload;
        auto add = [&](Category c, int index, int quantity) {
            BuildItem item = m_cands[ix(c)][static_cast<size_t>(index)].item;
            if (quantity > 0)
                item.quantity = quantity;
            build.items.push_back(std::move(item));
        };
        add(Category::Cpu, p.cpu, 0);
        add(Category::Motherboard, p.board, 0);
        add(Category::Memory, p.mem, 0);
        add(Category::Gpu, o.cand, o.n);
        add(Category::Psu, p.psu, 0);
        add(Category::Case, p.pcCase, 0);
        add(Category::Cooler, p.cooler, 0);
        add(Category::Storage, p.storage, 0);
        return build;
    }

    // Looks up the option's cheapest platform; on success, the verified build.
    std::optional<std::pair<double, Build>> price(const GpuOption& o)
    {
        ++m_result.stats.optionsSearched;
        const PlatformChoice& p = m_platforms.cheapest(o.spec);
        if (!p.feasible)
            return std::nullopt;
        Build build = assemble(o, p);
        ++m_result.stats.verifyEvaluations;
        const Evaluation e = evaluate(build, m_catalog);
        if (!acceptableEvaluation(e, m_request.policy)) {
            ++m_result.stats.verifyRejected;
            return std::nullopt;
        }
        return std::make_pair(o.gpuCost + p.cost, std::move(build));
    }

    // Best-first over the options; fills best and frontier. False when nothing is within budget.
    bool search(std::vector<GpuOption> options, double budget)
    {
        std::stable_sort(options.begin(), options.end(), [](const GpuOption& a, const GpuOption& b) {
            return a.value != b.value ? a.value > b.value : a.lowerBound < b.lowerBound;
        });
        std::vector<double> suffixLb(options.size() + 1, kInf);
        for (size_t i = options.size(); i-- > 0;)
            suffixLb[i] = std::min(suffixLb[i + 1], options[i].lowerBound);

        std::vector<FrontierPoint> points;  // best first
        double minAbove = kInf;
        const double limit = budget + kBudgetEpsilon;
        size_t i = 0;
        while (i < options.size()) {
            if (suffixLb[i] >= minAbove || suffixLb[i] > limit) {
                m_result.stats.optionsPruned += options.size() - i;
                break;
            }
            size_t end = i;
            while (end < options.size() && options[end].value == options[i].value)
                ++end;
            double groupBest = kInf;
            std::optional<Build> groupBuild;
            for (size_t k = i; k < end; ++k) {
                const GpuOption& o = options[k];
                if (o.lowerBound > limit || o.lowerBound >= minAbove || o.lowerBound >= groupBest) {
                    ++m_result.stats.optionsPruned;
                    continue;
                }
                auto priced = price(o);
                if (!priced || priced->first > limit || priced->first >= groupBest || priced->first >= minAbove)
                    continue;
                groupBest = priced->first;
                groupBuild = std::move(priced->second);
            }
            if (groupBuild) {
                points.push_back({groupBest, options[i].value, std::move(*groupBuild)});
                minAbove = groupBest;
                if (!m_request.computeFrontier) {
                    m_result.stats.optionsPruned += options.size() - end;
                    break;
                }
            }
            i = end;
        }
        if (points.empty())
            return false;
        m_result.best = points.front().build;
        m_result.bestCost = points.front().cost;
        m_result.bestFigure = points.front().figure;
        std::reverse(points.begin(), points.end());
        const size_t want = m_request.frontierSize;
        if (m_request.computeFrontier) {
            if (want == 0 || points.size() <= want) {
                m_result.frontier = std::move(points);
            } else {
                size_t last = SIZE_MAX;
                for (size_t k = 0; k < want; ++k) {
                    const size_t idx = want == 1 ? points.size() - 1
                                                 : static_cast<size_t>(std::llround(
                                                       static_cast<double>(k) * static_cast<double>(points.size() - 1) /
                                                       static_cast<double>(want - 1)));
                    if (idx != last)
                        m_result.frontier.push_back(points[idx]);
                    last = idx;
                }
            }
        } else {
            m_result.frontier.push_back(std::move(points.back()));
        }
        return true;
    }

    // Cheapest valid build over the options at any price.
    std::optional<double> cheapest(std::vector<GpuOption> options)
    {
        std::stable_sort(options.begin(), options.end(),
                         [](const GpuOption& a, const GpuOption& b) { return a.lowerBound < b.lowerBound; });
        double best = kInf;
        for (const GpuOption& o : options) {
            if (o.lowerBound >= best)
                break;
            if (auto priced = price(o); priced && priced->first < best)
                best = priced->first;
        }
        return best < kInf ? std::optional<double>(best) : std::nullopt;
    }

    const Catalog& m_catalog;
    const OptimizeRequest& m_request;
    OptimizeResult& m_result;
    std::array<std::vector<OptimizeCandidate>, 8> m_cands;
    PlatformSearch m_platforms;
    std::vector<GpuOption> m_options;
    std::array<double, 3> m_platformLb{kInf, kInf, kInf};
};

}  // namespace

std::vector<PlatformQuote> quotePlatforms(const Catalog& catalog, const OptimizeRequest& request,
                                          const std::vector<BuildItem>& gpuLines)
{
    for (const BuildItem& item : request.pinned)
        if (item.category == Category::Gpu)
            throw std::invalid_argument("quotePlatforms: GPUs are quoted, not pinned");
    OptimizeStats stats;
    const auto cands = optimizerCandidates(catalog, request);
    PlatformSearch platforms(catalog, cands, request.policy, stats);
    std::vector<PlatformQuote> quotes;
    quotes.reserve(gpuLines.size());
    for (const BuildItem& line : gpuLines) {
        PlatformQuote& quote = quotes.emplace_back();
        const AnyPart* part = line.custom ? &*line.custom : catalog.find(Category::Gpu, line.ref);
        const Gpu* gpu = part ? std::get_if<Gpu>(part) : nullptr;
        if (!gpu || line.quantity < 1 || line.quantity > 2 || gpuHasIntrinsicError(*gpu))
            continue;
        const PlatformChoice& p = platforms.cheapest(gpuSpec(*gpu, line.quantity));
        if (!p.feasible)
            continue;
        Build build;
        build.workload = request.workload;
        auto add = [&](Category c, int index) {
            build.items.push_back(cands[ix(c)][static_cast<size_t>(index)].item);
        };
        add(Category::Cpu, p.cpu);
        add(Category::Motherboard, p.board);
        add(Category::Memory, p.mem);
        build.items.push_back(line);
        add(Category::Psu, p.psu);
        add(Category::Case, p.pcCase);
        add(Category::Cooler, p.cooler);
        add(Category::Storage, p.storage);
        if (!acceptableEvaluation(evaluate(build, catalog), request.policy))
            continue;
        quote.feasible = true;
        quote.platformCost = p.cost;
        quote.build = std::move(build);
    }
    return quotes;
}

OptimizeResult optimize(const Catalog& catalog, const OptimizeRequest& request)
{
    const auto start = std::chrono::steady_clock::now();
    if (!std::isfinite(request.budget) || request.budget < 0)
        throw std::invalid_argument(fmt::format("budget must be a number >= 0 (got {})", request.budget));
    if (request.maxGpus < 1 || request.maxGpus > 2)
        throw std::invalid_argument(fmt::format("max GPUs must be 1 or 2 (got {})", request.maxGpus));
    (void)estimateWorkload(request.workload, {});  // throws std::invalid_argument for an unknown model/quant

    OptimizeResult result;
    {
        Optimizer optimizer(catalog, request, result);
        optimizer.run();
    }
    // Exclusions that matched nothing (typos) are reported, not silently ignored.
    for (const std::string& e : request.excluded) {
        const std::string folded = foldName(e);
        const GpuChip* chip = catalog.chip(e);
        bool matched = chip != nullptr;
        for (Category c : kAllCategories) {
            if (matched)
                break;
            matched = catalog.find(c, e) != nullptr;
        }
        if (!matched)
            for (const BuildItem& offer : request.offers)
                if (offer.custom && foldName(infoOf(*offer.custom).name) == folded)
                    matched = true;
        if (!matched)
            result.unmatchedExclusions.push_back(e);
    }
    result.stats.elapsedMs =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return result;
}

}  // namespace mlrig
