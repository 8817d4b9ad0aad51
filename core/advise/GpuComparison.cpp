#include "core/advise/GpuComparison.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "core/eval/ImageModelPresets.h"
#include "core/eval/PowerModel.h"
#include "core/eval/UnifiedMemory.h"
#include "core/eval/ValueMetrics.h"
#include "core/eval/WorkloadModel.h"
#include "core/model/Build.h"
#include "core/util/Format.h"

namespace mlrig {

namespace {

constexpr double kPerThousand = 1000.0;

std::string number(double value, const std::string& unit)
{
    const bool whole = std::fabs(value - std::round(value)) < 1e-9;
    const int decimals = whole || std::fabs(value) >= 100 ? 0 : (std::fabs(value) >= 10 ? 1 : 2);
    std::string text = std::fabs(value) >= 1000 ? formatWhole(value) : fmt::format("{:.{}f}", value, decimals);
    return unit.empty() ? text : text + " " + unit;
}

std::string classLabel(GpuClass c)
{
    switch (c) {
    case GpuClass::Consumer: return "Consumer";
    case GpuClass::Workstation: return "Workstation";
    case GpuClass::Datacenter: return "Datacentre";
    case GpuClass::Unknown: break;
    }
    return "—";
}

std::string connectorText(const Gpu& g)
{
    std::vector<std::string> parts;
    if (g.pcie12vhpwr && *g.pcie12vhpwr > 0)
        parts.push_back(fmt::format("{} × 16-pin", *g.pcie12vhpwr));
    if (g.pcie8pin && *g.pcie8pin > 0)
        parts.push_back(fmt::format("{} × 8-pin", *g.pcie8pin));
    if (g.pcie6pin && *g.pcie6pin > 0)
        parts.push_back(fmt::format("{} × 6-pin", *g.pcie6pin));
    if (parts.empty())
        return g.pcie8pin || g.pcie12vhpwr || g.pcie6pin ? "slot power only" : "—";
    std::string out = parts.front();
    for (size_t i = 1; i < parts.size(); ++i)
        out += " + " + parts[i];
    return out;
}

void finishRow(ComparisonRow& row)
{
    const size_t n = row.values.size();
    row.deltaPercent.assign(n, std::nullopt);
    if (row.values[0] && *row.values[0] != 0)
        for (size_t i = 1; i < n; ++i)
            if (row.values[i])
                row.deltaPercent[i] = (*row.values[i] - *row.values[0]) / std::fabs(*row.values[0]) * 100.0;
    if (row.better == Better::None)
        return;
    std::optional<double> best, worst;
    size_t known = 0;
    for (const auto& v : row.values) {
        if (!v)
            continue;
        ++known;
        const bool better = !best || (row.better == Better::Higher ? *v > *best : *v < *best);
        if (better)
            best = v;
        if (!worst || (row.better == Better::Higher ? *v < *worst : *v > *worst))
            worst = v;
    }
    if (known < 2 || std::fabs(*best - *worst) <= 1e-9 * std::max(1.0, std::fabs(*best)))
        return;  // nothing to compare, or all equal: no winner
    for (size_t i = 0; i < n; ++i)
        if (row.values[i] && std::fabs(*row.values[i] - *best) <= 1e-9 * std::max(1.0, std::fabs(*best)))
            row.winners.push_back(i);
}

// A column's figures, whichever kind it is. A machine's come from its chip and its SystemRow.
std::optional<double> memoryOf(const ComparedGpu& c)
{
    return c.machine ? c.machine->memoryGb : c.gpu->vramGb;
}

std::optional<double> bandwidthOf(const ComparedGpu& c)
{
    return c.chip ? std::optional<double>(c.chip->memoryBandwidthGbs) : c.gpu->memoryBandwidthGbs;
}

std::optional<double> fp16Of(const ComparedGpu& c)
{
    return c.chip ? c.chip->fp16Tflops : c.gpu->fp16TensorTflops;
}

ComparedGpu gpuColumn(const Catalog& catalog, const BuildItem& item)
{
    if (item.category != Category::Gpu)
        throw std::invalid_argument(fmt::format("\"{}\" is a {}, not a GPU", item.ref, categoryId(item.category)));
    const AnyPart* part = partOf(item, catalog);
    if (!part)
        throw std::invalid_argument(fmt::format("GPU \"{}\" is not in the catalog", item.ref));
    if (!std::holds_alternative<Gpu>(*part))
        throw std::invalid_argument(fmt::format("\"{}\" is not a GPU", infoOf(*part).name));
    ComparedGpu column;
    if (item.custom) {
        column.ownGpu = std::make_shared<const Gpu>(std::get<Gpu>(*part));
        column.gpu = column.ownGpu.get();
    } else {
        column.gpu = &std::get<Gpu>(*part);
    }
    column.item = item;
    column.item.quantity = 1;
    const EffectivePrice price = effectivePrice(column.item, part, catalog);
    column.price = price.unitPrice;
    column.priceSource = price.source();
    column.priceOrigin = price.origin;
    return column;
}

ComparedGpu machineColumn(const Catalog& catalog, const std::string& name, const std::optional<Workload>& workload)
{
    const UnifiedSystemTable& table = catalog.unifiedSystems();
    const UnifiedSystem* system = table.system(name);
    if (!system)
        throw std::invalid_argument(fmt::format("machine \"{}\" is not in the catalog", name));
    ComparedGpu column;
    column.kind = ColumnKind::System;
    column.system = system;
    column.chip = &table.chipOf(*system);
    // The row compareSystems() lists for this machine: one source for its price, power and estimate.
    column.machine = machineRow(*system, *column.chip, workload);
    if (workload && !column.machine->estimate)
        (void)estimateOnSystem(*workload, *system, *column.chip);  // rethrows why the workload is refused
    column.price = column.machine->price;
    if (column.price) {
        column.priceSource = PriceSource::Catalog;
        column.priceOrigin.currency = column.machine->currency;
        column.priceOrigin.month = system->priceMonth;
    }
    return column;
}

}  // namespace

const std::string& ComparedGpu::name() const
{
    return system ? system->system : gpu->info.name;
}

const ComparisonRow* GpuComparison::row(std::string_view id) const
{
    for (const ComparisonRow& r : rows)
        if (r.id == id)
            return &r;
    return nullptr;
}

std::string describeWorkload(const Workload& workload)
{
    const ModelSpec* preset = findModelPreset(workload.model);
    const std::string model = preset ? preset->displayName
                                     : (workload.model.empty() ? std::string() : workload.model);
    switch (workload.kind) {
    case WorkloadKind::LlmInference:
        return fmt::format("{}, {}, {}k context", model, workload.quant, workload.context / 1024);
    case WorkloadKind::LlmFineTune: {
        const char* method = workload.method == FineTuneMethod::Full   ? "full fine-tune"
                             : workload.method == FineTuneMethod::Lora ? "LoRA"
                                                                       : "QLoRA";
        return fmt::format("{} fine-tuning ({})", model, method);
    }
    case WorkloadKind::ImageGeneration:
        if (const ImageModelSpec* image = findImageModelPreset(workload.model))
            return fmt::format("Image generation: {}", image->displayName);
        return model.empty() ? "Image generation" : fmt::format("Image generation: {}", model);
    case WorkloadKind::Training:
        return model.empty() ? "Training from scratch" : fmt::format("Training {} from scratch", model);
    case WorkloadKind::General:
        break;
    }
    return "General ML use";
}

GpuComparison compareGpus(const Catalog& catalog, const std::vector<BuildItem>& gpus,
                          const std::optional<Workload>& workload, int cardCount)
{
    std::vector<ComparisonColumn> columns;
    for (const BuildItem& item : gpus)
        columns.push_back(ComparisonColumn::ofGpu(item));
    return compareGpus(catalog, columns, workload, cardCount);
}

GpuComparison compareGpus(const Catalog& catalog, const std::vector<ComparisonColumn>& columns,
                          const std::optional<Workload>& workload, int cardCount)
{
    if (columns.size() < kMinComparedGpus || columns.size() > kMaxComparedGpus)
        throw std::invalid_argument(
            fmt::format("compare {} to {} GPUs (got {})", kMinComparedGpus, kMaxComparedGpus, columns.size()));
    if (cardCount < 1 || cardCount > 8)
        throw std::invalid_argument(fmt::format("compare with 1 to 8 cards of each GPU (got {})", cardCount));
    GpuComparison out;
    out.workload = workload;
    for (const ComparisonColumn& column : columns)
        out.gpus.push_back(column.kind == ColumnKind::System ? machineColumn(catalog, column.system, workload)
                                                             : gpuColumn(catalog, column.gpu));
    const size_t n = out.gpus.size();

    const auto numeric = [&](std::string id, std::string group, std::string label, std::string unit, Better better,
                             auto value) {
        ComparisonRow row{std::move(id), std::move(group), std::move(label), std::move(unit), better, {}, {}, {}, {}};
        for (const ComparedGpu& c : out.gpus) {
            const std::optional<double> v = value(c);
            row.values.push_back(v);
            row.text.push_back(v ? number(*v, row.unit) : "—");
        }
        finishRow(row);
        out.rows.push_back(std::move(row));
    };
    const auto textual = [&](std::string id, std::string group, std::string label, Better better, auto value) {
        ComparisonRow row{std::move(id), std::move(group), std::move(label), {}, better, {}, {}, {}, {}};
        for (const ComparedGpu& c : out.gpus) {
            const auto [v, text] = value(c);
            row.values.push_back(v);
            row.text.push_back(text);
        }
        finishRow(row);
        row.deltaPercent.assign(n, std::nullopt);  // percentages of yes/no or years say nothing
        out.rows.push_back(std::move(row));
    };
    using Opt = std::optional<double>;
    const auto chipOf = [&](const ComparedGpu& c) { return catalog.chip(c.gpu->chipModel); };
    const bool anyMachine = std::any_of(out.gpus.begin(), out.gpus.end(), [](const ComparedGpu& c) { return c.machine; });
    // A row only a card has: a machine column gets no value (so it never wins) and says "n/a".
    const auto card = [](auto value) {
        return [value](const ComparedGpu& c) -> decltype(value(c)) {
            if (!c.gpu)
                return {};
            return value(c);
        };
    };
    const auto notForMachines = [&] {
        ComparisonRow& row = out.rows.back();
        for (size_t i = 0; i < n; ++i)
            if (out.gpus[i].machine)
                row.text[i] = "n/a";
    };

    const std::string specs = "Specifications";
    numeric("vram", specs, anyMachine ? "VRAM / GPU memory share" : "VRAM", "GB", Better::Higher, memoryOf);
    for (size_t i = 0; i < n; ++i)  // a machine's GPU uses a share of one pool: say of how much ("118 of 128 GB")
        if (const ComparedGpu& c = out.gpus[i]; c.machine && c.machine->totalMemoryGb && out.rows.back().values[i])
            out.rows.back().text[i] =
                fmt::format("{} of {}", number(*out.rows.back().values[i], ""), number(*c.machine->totalMemoryGb, "GB"));
    numeric("bandwidth", specs, "Memory bandwidth", "GB/s", Better::Higher, bandwidthOf);
    numeric("fp16-tensor", specs, anyMachine ? "FP16 (dense)" : "FP16 tensor (dense)",
            "TFLOPS", Better::Higher, fp16Of);
    numeric("fp32", specs, "FP32", "TFLOPS", Better::Higher,
            [](const ComparedGpu& c) { return c.gpu ? c.gpu->fp32Tflops : std::nullopt; });
    numeric("tdp", specs, anyMachine ? "Board / machine power" : "Board power", "W", Better::Lower,
            [](const ComparedGpu& c) -> Opt {
                if (c.machine)
                    return c.machine->powerW;
                return c.item.powerLimitW ? c.item.powerLimitW : c.gpu->tdpW;
            });
    for (size_t i = 0; i < n; ++i) {
        const ComparedGpu& c = out.gpus[i];
        if (!out.rows.back().values[i])
            continue;
        if (c.machine)  // the whole machine at the wall, not a card: say which figure it is (see machineRow)
            out.rows.back().text[i] += c.system->typicalW ? " (machine)" : " (machine, max)";
        else if (c.item.powerLimitW)
            out.rows.back().text[i] += " (limit)";
    }
    numeric("transient-peak", specs, "Transient peak", "W", Better::Lower, card([](const ComparedGpu& c) -> Opt {
        if (!c.gpu->tdpW && !c.gpu->transientPeakW)
            return std::nullopt;
        return gpuPeakW(*c.gpu, c.item.powerLimitW);
    }));
    notForMachines();
    numeric("length", specs, "Length", "mm", Better::Lower, card([](const ComparedGpu& c) { return c.gpu->lengthMm; }));
    notForMachines();
    numeric("slots", specs, "Slot width", "slots", Better::Lower,
            card([](const ComparedGpu& c) { return c.gpu->slotWidth; }));
    notForMachines();
    textual("connectors", specs, "Power connectors", Better::None, card([](const ComparedGpu& c) {
                return std::pair<Opt, std::string>{std::nullopt, connectorText(*c.gpu)};
            }));
    notForMachines();
    textual("nvlink", specs, "NVLink", Better::Higher, card([](const ComparedGpu& c) {
                if (!c.gpu->nvlink)
                    return std::pair<Opt, std::string>{std::nullopt, "—"};
                return std::pair<Opt, std::string>{*c.gpu->nvlink ? 1.0 : 0.0, *c.gpu->nvlink ? "Yes" : "No"};
            }));
    notForMachines();
    textual("launch-year", specs, "Launch year", Better::Higher, [&](const ComparedGpu& c) {
        std::optional<int> year;
        if (c.chip) {
            year = c.chip->launchYear;
        } else {
            year = c.gpu->info.releaseYear;
            if (const GpuChip* chip = chipOf(c); chip && chip->launchYear)
                year = chip->launchYear;
        }
        if (!year)
            return std::pair<Opt, std::string>{std::nullopt, "—"};
        return std::pair<Opt, std::string>{double(*year), std::to_string(*year)};
    });
    textual("class", specs, "Class", Better::None, [](const ComparedGpu& c) {
        if (c.machine)
            return std::pair<Opt, std::string>{std::nullopt, c.machine->platform + " " + c.machine->formFactor};
        return std::pair<Opt, std::string>{std::nullopt, classLabel(c.gpu->gpuClass)};
    });
    numeric("price", specs, "Price", "USD", Better::Lower, [](const ComparedGpu& c) { return c.price; });
    // Prices read better as money, in their own currency; the next row says where each comes from.
    ComparisonRow& priceRow = out.rows.back();
    for (size_t i = 0; i < n; ++i) {
        const ComparedGpu& c = out.gpus[i];
        if (!c.price)
            continue;
        const std::string& currency = c.priceOrigin.currency;
        priceRow.text[i] = currency == "USD" ? "$" + formatWhole(*c.price) : formatWhole(*c.price) + " " + currency;
    }
    // Where each price comes from and how old it is, as a row of its own (the CSV keeps the price a number).
    // A machine's price buys the whole machine, a card's only the card: the row says which.
    textual("price-origin", specs, "Price source", Better::None, [](const ComparedGpu& c) {
        if (c.machine)
            return std::pair<Opt, std::string>{
                std::nullopt, c.price ? "whole machine, " + c.machine->priceNote + " (" + c.machine->currency + ")"
                                      : c.machine->priceNote};
        return std::pair<Opt, std::string>{std::nullopt, c.price ? priceOriginLabel(c.priceOrigin) + " (" +
                                                                       c.priceOrigin.currency + ")"
                                                                 : std::string("no price")};
    });

    const std::string perDollar = "Per $1,000";
    const auto per = [](Opt figure, Opt price) -> Opt {
        if (!figure || !price || *price <= 0)
            return std::nullopt;
        return *figure / *price * kPerThousand;
    };
    numeric("vram-per-dollar", perDollar, "VRAM per $1,000", "GB", Better::Higher,
            [&](const ComparedGpu& c) { return per(memoryOf(c), c.price); });
    numeric("bandwidth-per-dollar", perDollar, "Bandwidth per $1,000", "GB/s", Better::Higher,
            [&](const ComparedGpu& c) { return per(bandwidthOf(c), c.price); });
    numeric("tflops-per-dollar", perDollar, "FP16 tensor per $1,000", "TFLOPS", Better::Higher,
            [&](const ComparedGpu& c) { return per(fp16Of(c), c.price); });

    if (workload) {
        out.workloadLabel = describeWorkload(*workload);
        std::vector<WorkloadEstimate> estimates;
        for (const ComparedGpu& c : out.gpus) {
            if (c.machine) {  // the machine's own estimate (estimateOnSystem), as compareSystems() has it
                estimates.push_back(*c.machine->estimate);
                continue;
            }
            std::vector<GpuForWorkload> forWorkload;
            appendGpusForWorkload(*c.gpu, 1, c.item.powerLimitW, forWorkload);
            estimates.push_back(estimateWorkload(*workload, forWorkload));  // throws for a bad workload
        }
        const std::string group = "Workload: " + out.workloadLabel;
        size_t i = 0;
        textual("fits", group, anyMachine ? "Fits on one card / the machine" : "Fits on one card", Better::Higher,
                [&](const ComparedGpu& c) {
                    const WorkloadEstimate& e = estimates[i++];
                    const bool raise = c.machine && c.machine->needsRaisedLimit;
                    const std::string text =
                        fmt::format("{} ({:.1f} of {:.0f} GB)", e.fits ? (raise ? "Yes, with the limit raised" : "Yes") : "No",
                                    e.vramNeededGb, e.vramAvailableGb);
                    return std::pair<Opt, std::string>{e.fits ? 1.0 : 0.0, text};
                });
        const std::string figureName = estimates.front().figureOfMerit;
        i = 0;
        numeric("figure", group, figureName.empty() ? "Speed" : figureName, figureName.empty() ? "" : figureName,
                Better::Higher, [&](const ComparedGpu&) -> Opt {
                    const WorkloadEstimate& e = estimates[i++];
                    return e.fits ? e.figureValue : std::nullopt;
                });
        // The unit is the figure itself; the label says which figure it is.
        out.rows.back().label = figureName.empty() ? "Speed" : figureName;
        for (size_t k = 0; k < n; ++k)
            if (out.rows.back().values[k])
                out.rows.back().text[k] = number(*out.rows.back().values[k], "");
        i = 0;
        numeric("figure-per-dollar", group, (figureName.empty() ? std::string("Speed") : figureName) + " per $1,000",
                figureName.empty() ? "" : figureName, Better::Higher, [&](const ComparedGpu& c) -> Opt {
                    const WorkloadEstimate& e = estimates[i++];
                    return e.fits ? per(e.figureValue, c.price) : std::nullopt;
                });
        for (size_t k = 0; k < n; ++k)
            if (out.rows.back().values[k])
                out.rows.back().text[k] = number(*out.rows.back().values[k], "");

        if (cardCount > 1) {
            out.cardCount = cardCount;
            std::vector<WorkloadEstimate> multi;  // a machine column has no second card: its entry is unused
            for (const ComparedGpu& c : out.gpus) {
                if (c.machine) {
                    multi.emplace_back();
                    continue;
                }
                std::vector<GpuForWorkload> forWorkload;
                appendGpusForWorkload(*c.gpu, cardCount, c.item.powerLimitW, forWorkload);
                multi.push_back(estimateWorkload(*workload, forWorkload));
            }
            const std::string cards = fmt::format("{} cards", cardCount);
            i = 0;
            textual("fits-multi", group, "Fits on " + cards, Better::Higher, [&](const ComparedGpu& c) {
                const WorkloadEstimate& e = multi[i++];
                if (c.machine)
                    return std::pair<Opt, std::string>{};
                const std::string text = fmt::format("{} ({:.1f} of {:.0f} GB)", e.fits ? "Yes" : "No", e.vramNeededGb,
                                                     e.vramAvailableGb);
                return std::pair<Opt, std::string>{e.fits ? 1.0 : 0.0, text};
            });
            notForMachines();
            i = 0;
            numeric("figure-multi", group, "", figureName, Better::Higher, [&](const ComparedGpu& c) -> Opt {
                const WorkloadEstimate& e = multi[i++];
                return e.fits && !c.machine ? e.figureValue : std::nullopt;
            });
            out.rows.back().label = (figureName.empty() ? std::string("Speed") : figureName) + " on " + cards;
            for (size_t k = 0; k < n; ++k)
                if (out.rows.back().values[k])
                    out.rows.back().text[k] = number(*out.rows.back().values[k], "");
            notForMachines();
            i = 0;
            numeric("figure-multi-per-dollar", group, "", figureName, Better::Higher,
                    [&](const ComparedGpu& c) -> Opt {
                        const WorkloadEstimate& e = multi[i++];
                        if (!e.fits || !c.price || c.machine)
                            return std::nullopt;
                        return per(e.figureValue, *c.price * cardCount);
                    });
            out.rows.back().label =
                (figureName.empty() ? std::string("Speed") : figureName) + " on " + cards + " per $1,000";
            for (size_t k = 0; k < n; ++k)
                if (out.rows.back().values[k])
                    out.rows.back().text[k] = number(*out.rows.back().values[k], "");
            notForMachines();
        }
    }
    return out;
}

}  // namespace mlrig
