#include "core/advise/PartSearch.h"

#include <algorithm>
#include <unordered_map>

#include "core/eval/ValueMetrics.h"
#include "core/util/EnumNames.h"
#include "core/util/TextUtil.h"

namespace mlrig {

namespace {

constexpr EnumName<PartSort> kPartSortIds[] = {
    {PartSort::Price, "price"}, {PartSort::Value, "value"}, {PartSort::Vram, "vram"},
    {PartSort::Wattage, "wattage"}, {PartSort::Capacity, "capacity"}, {PartSort::Speed, "speed"},
};

template <typename T> int known(const std::optional<T>& v)
{
    return v ? 1 : 0;
}
int known(const std::string& s)
{
    return s.empty() ? 0 : 1;
}
int known(const std::vector<std::string>& v)
{
    return v.empty() ? 0 : 1;
}

// How many of a part's figures are known: of two records of one product, the fuller one is kept.
int knownFields(const AnyPart& part)
{
    const PartInfo& info = infoOf(part);
    const int common = known(info.manufacturer) + known(info.releaseYear) + known(info.priceUsd);
    return common + std::visit(
                        [](const auto& p) -> int {
                            using T = std::decay_t<decltype(p)>;
                            if constexpr (std::is_same_v<T, Cpu>)
                                return known(p.socket) + known(p.microarchitecture) + known(p.cores) + known(p.threads) +
                                       known(p.boostGhz) + known(p.tdpW) + known(p.pptW) + known(p.memoryTypes) +
                                       known(p.maxMemoryGb) + known(p.memoryChannels) + known(p.pcieLanes) +
                                       known(p.integratedGraphics);
                            else if constexpr (std::is_same_v<T, Motherboard>)
                                return known(p.socket) + known(p.formFactor) + known(p.chipset) + known(p.memoryType) +
                                       known(p.memorySlots) + known(p.maxMemoryGb) + known(p.pcieX16Slots) +
                                       known(p.x8x8Bifurcation) + known(p.m2Slots);
                            else if constexpr (std::is_same_v<T, Memory>)
                                return known(p.memoryType) + known(p.formFactor) + known(p.modules) + known(p.moduleGb) +
                                       known(p.speedMts) + known(p.casLatency) + known(p.ecc) + known(p.registered);
                            else if constexpr (std::is_same_v<T, Gpu>)
                                return known(p.chipModel) + known(p.vramGb) + known(p.memoryType) +
                                       known(p.memoryBandwidthGbs) + known(p.fp16TensorTflops) + known(p.tdpW) +
                                       known(p.lengthMm) + known(p.slotWidth) + known(p.pcie6pin) + known(p.pcie8pin) +
                                       known(p.pcie12vhpwr) + known(p.interface);
                            else if constexpr (std::is_same_v<T, Psu>)
                                return known(p.wattageW) + known(p.formFactor) + known(p.efficiency) + known(p.modular) +
                                       known(p.atx3) + known(p.pcie8pin) + known(p.pcie12vhpwr) + known(p.eps8pin);
                            else if constexpr (std::is_same_v<T, Case>)
                                return known(p.formFactor) + known(p.motherboardFormFactors) + known(p.maxGpuLengthMm) +
                                       known(p.maxCoolerHeightMm) + known(p.expansionSlots) + known(p.volumeL);
                            else if constexpr (std::is_same_v<T, Cooler>)
                                return known(p.sockets) + known(p.heightMm) + known(p.waterCooled) +
                                       known(p.radiatorMm) + known(p.tdpRatingW) + known(p.noiseDb);
                            else
                                return known(p.capacityGb) + known(p.nvme) + known(p.interface) + known(p.formFactor) +
                                       known(p.storageType);
                        },
                        part);
}

std::optional<double> perDollar(const std::optional<double>& amount, const std::optional<double>& price)
{
    if (!amount || !price || *price <= 0)
        return std::nullopt;
    return *amount / *price;
}

std::optional<double> figureOf(const AnyPart& part, const EffectivePrice& price, PartSort sort)
{
    switch (sort) {
    case PartSort::Price:
        return price.unitPrice;
    case PartSort::Value:
        if (const auto* gpu = std::get_if<Gpu>(&part))
            return gpuValueAt(*gpu, price.unitPrice, price.origin).tflopsPerDollar;
        if (const auto* memory = std::get_if<Memory>(&part)) {
            const std::optional<int> gb = memory->totalGb();
            return perDollar(gb ? std::optional<double>(*gb) : std::nullopt, price.unitPrice);
        }
        if (const auto* storage = std::get_if<Storage>(&part))
            return perDollar(storage->capacityGb, price.unitPrice);
        return std::nullopt;
    case PartSort::Vram:
        if (const auto* gpu = std::get_if<Gpu>(&part))
            return gpu->vramGb;
        return std::nullopt;
    case PartSort::Wattage:
        if (const auto* psu = std::get_if<Psu>(&part))
            return psu->wattageW;
        return std::nullopt;
    case PartSort::Capacity:
        if (const auto* memory = std::get_if<Memory>(&part)) {
            const std::optional<int> gb = memory->totalGb();
            return gb ? std::optional<double>(*gb) : std::nullopt;
        }
        if (const auto* storage = std::get_if<Storage>(&part))
            return storage->capacityGb;
        return std::nullopt;
    case PartSort::Speed:
        if (const auto* memory = std::get_if<Memory>(&part))
            return memory->speedMts ? std::optional<double>(*memory->speedMts) : std::nullopt;
        return std::nullopt;
    }
    return std::nullopt;
}

int fitRank(Fit fit)
{
    switch (fit) {
    case Fit::Compatible:
        return 0;
    case Fit::NotChecked:
        return 1;
    case Fit::Incompatible:
        return 2;
    }
    return 2;
}

struct Candidate {
    size_t index = 0;
    int relevance = 0;
    int fit = 0;  // fitRank
    bool priced = false;
    std::optional<double> key;    // the chosen sort's figure, larger = earlier (price negated)
    std::optional<double> price;  // the tie-break after it
};

}  // namespace

std::string_view partSortId(PartSort sort)
{
    return nameOf(kPartSortIds, sort);
}

std::optional<PartSort> partSortFromId(std::string_view id)
{
    return valueOf(kPartSortIds, id);
}

std::vector<PartSort> sortsFor(Category category)
{
    switch (category) {
    case Category::Gpu:
        return {PartSort::Value, PartSort::Price, PartSort::Vram};
    case Category::Memory:
        return {PartSort::Speed, PartSort::Value, PartSort::Price, PartSort::Capacity};
    case Category::Storage:
        return {PartSort::Value, PartSort::Price, PartSort::Capacity};
    case Category::Psu:
        return {PartSort::Price, PartSort::Wattage};
    default:
        return {PartSort::Price};
    }
}

PartSearch::PartSearch(const Catalog& catalog, Category category)
    : m_category(category), m_parts(catalog.parts(category))
{
    const std::vector<PartSort> sorts = sortsFor(category);
    m_texts.reserve(m_parts.size());
    m_prices.reserve(m_parts.size());
    m_duplicateKeys.reserve(m_parts.size());
    m_knownFields.reserve(m_parts.size());
    for (const AnyPart& part : m_parts) {
        m_texts.push_back(SearchText::of(part));
        m_prices.push_back(effectivePrice(part, Condition::New, catalog));
        m_duplicateKeys.push_back(foldName(infoOf(part).name));
        m_knownFields.push_back(knownFields(part));
    }
    for (PartSort sort : sorts) {
        auto& figures = m_figures[static_cast<size_t>(sort)];
        figures.reserve(m_parts.size());
        for (size_t i = 0; i < m_parts.size(); ++i)
            figures.push_back(figureOf(m_parts[i], m_prices[i], sort));
    }
}

std::optional<double> PartSearch::sortFigure(size_t index, PartSort sort) const
{
    const auto& figures = m_figures[static_cast<size_t>(sort)];
    if (index >= m_parts.size())
        return std::nullopt;
    if (figures.empty())
        return figureOf(m_parts[index], m_prices[index], sort);
    return figures[index];
}

PartSearchResult PartSearch::run(const PartQuery& query, std::span<const PartFit> fits) const
{
    const SearchQuery text(query.text);
    const std::vector<PartSort> sorts = sortsFor(m_category);
    const PartSort sort = query.sort && std::find(sorts.begin(), sorts.end(), *query.sort) != sorts.end()
                              ? *query.sort
                              : sorts.front();
    const auto& figures = m_figures[static_cast<size_t>(sort)];
    const bool haveFits = fits.size() == m_parts.size();
    const bool criteria = !query.criteria.empty();

    PartSearchResult result;
    std::vector<Candidate> candidates;
    for (size_t i = 0; i < m_parts.size(); ++i) {
        const int relevance = m_texts[i].relevance(text);
        if (relevance == 0 || (criteria && !query.criteria.accepts(m_parts[i])))
            continue;
        ++result.matched;
        const int fit = haveFits ? fitRank(fits[i].fit) : 0;
        if (query.onlyCompatible && haveFits && fits[i].fit == Fit::Incompatible) {
            ++result.hiddenIncompatible;
            continue;
        }
        Candidate c;
        c.index = i;
        c.relevance = relevance;
        c.fit = fit;
        c.price = m_prices[i].unitPrice;
        c.priced = c.price.has_value();
        c.key = figures[i];
        if (c.key && sort == PartSort::Price)
            c.key = -*c.key;  // cheapest first
        candidates.push_back(c);
    }

    if (query.mergeDuplicates) {
        // One product listed twice (two OpenDB ids for one name): keep the record that fits
        // best, has a price, is the most completely described, is cheaper, comes first.
        const auto better = [this](const Candidate& a, const Candidate& b) {
            if (a.fit != b.fit)
                return a.fit < b.fit;
            if (a.priced != b.priced)
                return a.priced;
            if (m_knownFields[a.index] != m_knownFields[b.index])
                return m_knownFields[a.index] > m_knownFields[b.index];
            if (a.price && b.price && *a.price != *b.price)
                return *a.price < *b.price;
            return a.index < b.index;
        };
        std::unordered_map<std::string_view, size_t> byName;  // duplicate key -> position in kept
        byName.reserve(candidates.size());
        std::vector<Candidate> kept;
        kept.reserve(candidates.size());
        for (const Candidate& c : candidates) {
            const auto [it, inserted] = byName.emplace(m_duplicateKeys[c.index], kept.size());
            if (inserted) {
                kept.push_back(c);
                continue;
            }
            ++result.merged;
            if (better(c, kept[it->second]))
                kept[it->second] = c;
        }
        candidates = std::move(kept);
    }

    const bool pricedFirst = query.pricedFirst;
    std::sort(candidates.begin(), candidates.end(), [this, pricedFirst](const Candidate& a, const Candidate& b) {
        if (a.relevance != b.relevance)
            return a.relevance > b.relevance;
        if (pricedFirst && a.priced != b.priced)
            return a.priced;
        if (a.key.has_value() != b.key.has_value())
            return a.key.has_value();
        if (a.key && *a.key != *b.key)
            return *a.key > *b.key;
        if (a.price.has_value() != b.price.has_value())
            return a.price.has_value();
        if (a.price && *a.price != *b.price)
            return *a.price < *b.price;
        if (m_duplicateKeys[a.index] != m_duplicateKeys[b.index])
            return m_duplicateKeys[a.index] < m_duplicateKeys[b.index];
        return a.index < b.index;
    });
    result.rows.reserve(candidates.size());
    for (const Candidate& c : candidates)
        result.rows.push_back(c.index);
    return result;
}

}  // namespace mlrig
