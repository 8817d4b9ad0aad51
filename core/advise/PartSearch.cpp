#include "core/advise/PartSearch.h"

#include <algorithm>
#include <cstdint>
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
    std::unordered_map<std::string_view, size_t> groups;
    m_group.reserve(m_parts.size());
    for (const std::string& key : m_duplicateKeys)
        m_group.push_back(groups.emplace(key, groups.size()).first->second);
    m_groups = groups.size();

    m_orders.resize(2 * std::size(m_figures));
    for (PartSort sort : sorts) {
        auto& figures = m_figures[static_cast<size_t>(sort)];
        figures.reserve(m_parts.size());
        for (size_t i = 0; i < m_parts.size(); ++i)
            figures.push_back(figureOf(m_parts[i], m_prices[i], sort));
        for (const bool pricedFirst : {false, true}) {
            std::vector<size_t>& order = m_orders[2 * static_cast<size_t>(sort) + (pricedFirst ? 1 : 0)];
            order.resize(m_parts.size());
            for (size_t i = 0; i < order.size(); ++i)
                order[i] = i;
            // Priced first (when asked), the sort's figure (known first; price cheapest first,
            // the others most first), then price, name and catalog order.
            const auto key = [&figures, sort](size_t i) -> std::optional<double> {
                if (figures[i] && sort == PartSort::Price)
                    return -*figures[i];
                return figures[i];
            };
            std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
                const std::optional<double>& pa = m_prices[a].unitPrice;
                const std::optional<double>& pb = m_prices[b].unitPrice;
                if (pricedFirst && pa.has_value() != pb.has_value())
                    return pa.has_value();
                const std::optional<double> ka = key(a), kb = key(b);
                if (ka.has_value() != kb.has_value())
                    return ka.has_value();
                if (ka && *ka != *kb)
                    return *ka > *kb;
                if (pa.has_value() != pb.has_value())
                    return pa.has_value();
                if (pa && *pa != *pb)
                    return *pa < *pb;
                if (m_duplicateKeys[a] != m_duplicateKeys[b])
                    return m_duplicateKeys[a] < m_duplicateKeys[b];
                return a < b;
            });
        }
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
    const bool haveFits = fits.size() == m_parts.size();
    const bool criteria = !query.criteria.empty();

    // One pass: the relevance of every part that is listed (0 = not listed).
    PartSearchResult result;
    std::vector<int> relevance(m_parts.size(), 0);
    for (size_t i = 0; i < m_parts.size(); ++i) {
        const int r = m_texts[i].relevance(text);
        if (r == 0 || (criteria && !query.criteria.accepts(m_parts[i])))
            continue;
        ++result.matched;
        if (query.onlyCompatible && haveFits && fits[i].fit == Fit::Incompatible) {
            ++result.hiddenIncompatible;
            continue;
        }
        relevance[i] = r;
    }

    if (query.mergeDuplicates) {
        // One product listed twice (two OpenDB ids for one name): keep the record that fits
        // best, has a price, is the most completely described, is cheaper, comes first.
        const auto better = [&](size_t a, size_t b) {
            const int fa = haveFits ? fitRank(fits[a].fit) : 0;
            const int fb = haveFits ? fitRank(fits[b].fit) : 0;
            if (fa != fb)
                return fa < fb;
            const std::optional<double>& pa = m_prices[a].unitPrice;
            const std::optional<double>& pb = m_prices[b].unitPrice;
            if (pa.has_value() != pb.has_value())
                return pa.has_value();
            if (m_knownFields[a] != m_knownFields[b])
                return m_knownFields[a] > m_knownFields[b];
            if (pa && pb && *pa != *pb)
                return *pa < *pb;
            return a < b;
        };
        std::vector<size_t> best(m_groups, SIZE_MAX);
        for (size_t i = 0; i < m_parts.size(); ++i) {
            if (relevance[i] == 0)
                continue;
            size_t& kept = best[m_group[i]];
            if (kept == SIZE_MAX) {
                kept = i;
                continue;
            }
            ++result.merged;
            const size_t loser = better(i, kept) ? kept : i;
            kept = better(i, kept) ? i : kept;
            relevance[loser] = 0;
        }
    }

    // The precomputed order of the chosen sort, most relevant first: a stable bucket by relevance.
    const std::vector<size_t>& order = m_orders[2 * static_cast<size_t>(sort) + (query.pricedFirst ? 1 : 0)];
    int top = 0;
    for (const int r : relevance)
        top = std::max(top, r);
    std::vector<size_t> count(static_cast<size_t>(top) + 2, 0);  // count[top - r + 1]: rows of relevance r
    for (const int r : relevance)
        if (r > 0)
            ++count[static_cast<size_t>(top - r + 1)];
    for (size_t k = 1; k < count.size(); ++k)
        count[k] += count[k - 1];  // count[top - r]: where relevance r starts
    result.rows.resize(count.back());
    for (const size_t i : order) {
        const int r = relevance[i];
        if (r > 0)
            result.rows[count[static_cast<size_t>(top - r)]++] = i;
    }
    return result;
}

}  // namespace mlrig
