#include "core/io/ExportLines.h"

#include "core/eval/EffectivePrice.h"

#include <cmath>

#include <fmt/format.h>

#include "core/util/Format.h"
#include "core/util/TextUtil.h"

namespace mlrig {

namespace {

template <typename T> void add(std::vector<std::string>& out, const std::optional<T>& value, std::string_view format)
{
    if (value)
        out.push_back(fmt::format(fmt::runtime(format), *value));
}

void addText(std::vector<std::string>& out, std::string_view text)
{
    if (!text.empty())
        out.emplace_back(text);
}

}  // namespace

std::string keySpecs(const AnyPart& part)
{
    std::vector<std::string> s;
    std::visit(
        [&s](const auto& p) {
            using T = std::decay_t<decltype(p)>;
            if constexpr (std::is_same_v<T, Cpu>) {
                add(s, p.cores, "{} cores");
                addText(s, p.socket);
                add(s, p.tdpW, "{:g} W");
            } else if constexpr (std::is_same_v<T, Motherboard>) {
                addText(s, p.socket);
                addText(s, p.formFactor);
                addText(s, p.memoryType);
                add(s, p.pcieX16Slots, "{} x16 slots");
            } else if constexpr (std::is_same_v<T, Memory>) {
                if (p.modules && p.moduleGb)
                    s.push_back(fmt::format("{} GB ({} x {} GB)", *p.totalGb(), *p.modules, *p.moduleGb));
                addText(s, p.memoryType);
                add(s, p.speedMts, "{} MT/s");
            } else if constexpr (std::is_same_v<T, Gpu>) {
                add(s, p.vramGb, "{:g} GB");
                add(s, p.tdpW, "{:g} W");
                add(s, p.lengthMm, "{:g} mm");
            } else if constexpr (std::is_same_v<T, Psu>) {
                add(s, p.wattageW, "{:g} W");
                addText(s, p.efficiency);
                if (p.atx3 && *p.atx3)
                    s.emplace_back("ATX 3.x");
            } else if constexpr (std::is_same_v<T, Case>) {
                addText(s, p.formFactor);
                add(s, p.maxGpuLengthMm, "GPU up to {:g} mm");
            } else if constexpr (std::is_same_v<T, Cooler>) {
                if (p.waterCooled)
                    s.emplace_back(*p.waterCooled ? "liquid" : "air");
                add(s, p.heightMm, "{:g} mm");
            } else if constexpr (std::is_same_v<T, Storage>) {
                if (p.capacityGb)
                    s.push_back(*p.capacityGb >= 1000 ? fmt::format("{:g} TB", *p.capacityGb / 1000)
                                                      : fmt::format("{:g} GB", *p.capacityGb));
                if (p.nvme)
                    s.emplace_back(*p.nvme ? "NVMe" : p.storageType.empty() ? "SATA" : p.storageType);
            }
        },
        part);
    std::string out;
    for (const std::string& piece : s) {
        if (!out.empty())
            out += ", ";
        out += piece;
    }
    return out;
}

std::vector<ExportLine> exportLines(const Build& build, const Evaluation& evaluation, const Catalog& catalog)
{
    std::vector<ExportLine> lines;
    const auto& cost = evaluation.cost.lines;
    const bool pairwise = cost.size() == build.items.size() &&
                          std::equal(cost.begin(), cost.end(), build.items.begin(),
                                     [](const CostLine& c, const BuildItem& i) { return c.category == i.category; });
    std::vector<bool> used(cost.size(), false);
    for (size_t i = 0; i < build.items.size(); ++i) {
        const BuildItem& item = build.items[i];
        const AnyPart* part = partOf(item, catalog);
        ExportLine line;
        line.category = item.category;
        line.name = part ? infoOf(*part).name : item.ref;
        line.quantity = item.quantity;
        line.condition = item.condition;
        line.custom = item.custom.has_value();
        if (part)
            line.specs = keySpecs(*part);
        const CostLine* c = nullptr;
        if (pairwise) {
            c = &cost[i];
        } else {
            for (size_t k = 0; k < cost.size(); ++k) {
                if (!used[k] && cost[k].category == item.category && equalsFolded(cost[k].name, line.name)) {
                    c = &cost[k];
                    used[k] = true;
                    break;
                }
            }
        }
        if (c) {
            line.name = c->name.empty() ? line.name : c->name;
            line.quantity = c->quantity;
            line.unitPrice = c->unitPrice;
            line.source = c->source;
            line.origin = c->origin;
            line.lineTotal = c->lineTotal;
        } else if (cost.empty()) {
            // Not evaluated: the same effective price evaluate() would use.
            const EffectivePrice price = effectivePrice(item, part, catalog, build.currency);
            line.unitPrice = price.unitPrice;
            line.source = price.source();
            line.origin = price.origin;
            line.lineTotal = line.unitPrice ? *line.unitPrice * line.quantity : 0;
        }
        line.origin.kind = line.source;  // one truth for the kind, also for lines an evaluation filled by hand
        lines.push_back(std::move(line));
    }
    return lines;
}

ExportTotals exportTotals(const std::vector<ExportLine>& lines, const Build& build, const Evaluation& evaluation)
{
    ExportTotals t;
    t.currency = build.currency.empty() ? evaluation.cost.currency : build.currency;
    if (!evaluation.cost.lines.empty()) {
        t.total = evaluation.cost.total;
        t.missingPrices = evaluation.cost.missingPrices;
        t.otherCurrencyLines = evaluation.cost.otherCurrencyLines;
        if (!evaluation.cost.currency.empty())
            t.currency = evaluation.cost.currency;
        return t;
    }
    for (const ExportLine& l : lines) {
        if (!l.unitPrice)
            ++t.missingPrices;
        else if (l.origin.currency != t.currency)
            ++t.otherCurrencyLines;
        else
            t.total += l.lineTotal;
    }
    return t;
}

}  // namespace mlrig
