// The optimizer's candidates: every part it may use per category, after pins, offers,
// exclusions, prices and the policy's per-part filters; and its definition of a valid build.

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

#include "core/util/TextUtil.h"
#include "core/eval/ValueMetrics.h"
#include "core/optimize/Optimizer.h"
#include "core/optimize/OptimizerInternal.h"

namespace mlrig {
namespace {

using optimizer::ix;

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
                                                   "gpu-slots",      "cooler-tdp", "storage",
                                                   "cpu-bios"};
    return rules;
}

const std::vector<std::string>& optimizerAvoidedNotes()
{
    // Advice a suggested build can always follow at no or little cost: two matched modules rather
    // than one, and a board that starts with the CPU without a BIOS update. (cpu-bios warnings
    // are avoided too; they are in the list above.)
    static const std::vector<std::string> rules = {"memory-channels", "cpu-bios"};
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
        if (policy.avoidPlatformWarnings && f.severity == Severity::Note) {
            const auto& avoided = optimizerAvoidedNotes();
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
            const EffectivePrice price = effectivePrice(item, &part, catalog);
            const bool priced = price.unitPrice && *price.unitPrice >= 0;  // only priced parts can be chosen
            // With used parts allowed, a GPU is also a candidate bought used at its model's used
            // market price, where that is cheaper: the line says "used", so evaluate() prices it
            // the same way.
            if (request.allowUsed && category == Category::Gpu) {
                BuildItem used = item;
                used.condition = Condition::Used;
                const EffectivePrice usedPrice = effectivePrice(used, &part, catalog);
                if (usedPrice.source() == PriceSource::Market && (!priced || *usedPrice.unitPrice < *price.unitPrice)) {
                    OptimizeCandidate cand;
                    cand.part = &part;
                    cand.item = std::move(used);
                    cand.unitPrice = *usedPrice.unitPrice;
                    out[c].push_back(std::move(cand));
                }
            }
            if (!priced)
                continue;
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

}  // namespace mlrig
