#include "core/advise/SystemComparison.h"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

#include "core/advise/GpuComparison.h"
#include "core/eval/PowerModel.h"
#include "core/eval/UnifiedMemory.h"
#include "core/util/TextUtil.h"

namespace mlrig {
namespace {

// The build's GPUs as one platform label: "2 x GeForce RTX 3090 + RTX A4000".
std::string gpuLabel(const Build& build, const Catalog& catalog)
{
    std::vector<std::pair<std::string, int>> gpus;
    for (const BuildItem& item : build.items) {
        if (item.category != Category::Gpu)
            continue;
        const AnyPart* part = partOf(item, catalog);
        const std::string name = part ? infoOf(*part).name : item.ref;
        const auto it = std::find_if(gpus.begin(), gpus.end(), [&](const auto& g) { return g.first == name; });
        if (it != gpus.end())
            it->second += item.quantity;
        else
            gpus.emplace_back(name, item.quantity);
    }
    std::string label;
    for (const auto& [name, count] : gpus)
        label += (label.empty() ? "" : " + ") + (count > 1 ? fmt::format("{} x {}", count, name) : name);
    return label.empty() ? std::string("no GPU") : label;
}

SystemRow buildRow(const Build& build, const Catalog& catalog, const Evaluation& evaluation)
{
    SystemRow row;
    row.isBuild = true;
    row.name = build.name.empty() ? std::string("Your build") : "Your build: " + build.name;
    row.platform = gpuLabel(build, catalog);
    row.chip = row.platform;
    row.formFactor = "tower";
    row.currency = evaluation.cost.currency;
    if (evaluation.cost.total > 0)
        row.price = evaluation.cost.total;
    const size_t unpriced = static_cast<size_t>(std::count_if(evaluation.cost.lines.begin(), evaluation.cost.lines.end(),
                                                              [](const CostLine& l) { return !l.unitPrice; }));
    row.priceNote = unpriced == 0 ? std::string("build total")
                                  : fmt::format("build total; {} {} without a price", unpriced,
                                                unpriced == 1 ? "line" : "lines");
    if (evaluation.power.sustainedW > 0) {
        row.powerW = evaluation.power.sustainedW;
        row.powerNote = "sustained draw of the parts (power model)";
        row.yearlyEnergyCost = evaluation.power.yearlyEnergyCost;
    }
    row.stack = "CUDA / ROCm / oneAPI as the GPUs need (llama.cpp, vLLM, PyTorch)";
    row.source = "the build's parts and prices";
    if (evaluation.workload) {
        const WorkloadEstimate& est = *evaluation.workload;
        row.estimate = est;
        row.fits = est.runs();
        row.memoryGb = est.vramAvailableGb;
        row.totalMemoryGb = est.vramAvailableGb;
        row.figure = est.runs() ? est.figureValue : std::nullopt;
        row.decodeTokensPerS = est.decodeTokensPerS;
        row.prefillTokensPerS = est.prefillTokensPerS;
        if (est.placement == "offload")
            row.notes = "Runs with part of the model in system RAM (" + est.llamaCppFlags + ").";
    }
    return row;
}

}  // namespace

SystemRow machineRow(const UnifiedSystem& system, const UnifiedChip& chip, const std::optional<Workload>& workload,
                     const EvaluationOptions& options)
{
    SystemRow row;
    row.name = system.system;
    row.platform = std::string(unifiedFamilyName(chip.family));
    row.chip = chip.chip;
    row.formFactor = std::string(formFactorKindName(system.formFactor));
    row.totalMemoryGb = system.memoryGb;
    row.price = system.priceUsd;
    row.currency = "USD";
    if (system.priceUsd)
        row.priceNote = fmt::format("{} price, {}", system.priceKind.empty() ? "listed" : system.priceKind,
                                    system.priceMonth);
    else
        row.priceNote = "no price found";
    // Power under a sustained load: the measured figure where one exists, else the maximum rating
    // (an upper bound, and said so).
    if (system.typicalW) {
        row.powerW = system.typicalW;
        row.powerNote = "measured under an LLM load";
    } else if (system.maxW) {
        row.powerW = system.maxW;
        row.powerNote = "maximum rating (upper bound; no load measurement)";
    }
    if (row.powerW)
        row.yearlyEnergyCost = yearlyEnergyCost(*row.powerW, options.hoursPerDay, options.electricityPricePerKwh);
    row.stack = system.stack;
    row.notes = system.notes;
    row.source = system.source;
    const UsableMemory usable = usableGpuMemory(chip.family, system.memoryGb);
    row.memoryGb = usable.tunedGb;
    if (workload) {
        try {
            SystemEstimate est = estimateOnSystem(*workload, system, chip);
            row.fits = est.estimate.runs();
            row.needsRaisedLimit = est.needsRaisedLimit;
            row.figure = row.fits ? est.estimate.figureValue : std::nullopt;
            row.decodeTokensPerS = est.estimate.decodeTokensPerS;
            row.prefillTokensPerS = est.estimate.prefillTokensPerS;
            if (est.needsRaisedLimit)
                row.notes = "Needs the GPU's memory share raised: " + usable.howToRaise + ". " + row.notes;
            row.estimate = std::move(est.estimate);
        } catch (const std::invalid_argument&) {
            // The same workload already failed for the build; its evaluation says why.
        }
    }
    return row;
}

bool ranksBefore(const SystemRow& a, const SystemRow& b)
{
    if (a.fits != b.fits)
        return a.fits;
    const double fa = a.figure.value_or(-1);
    const double fb = b.figure.value_or(-1);
    if (fa != fb)
        return fa > fb;
    if (a.price.has_value() != b.price.has_value())
        return a.price.has_value();
    if (a.price && *a.price != *b.price)
        return *a.price < *b.price;
    return a.name < b.name;
}

SystemComparison compareSystems(const Build& build, const Catalog& catalog, const EvaluationOptions& options)
{
    return compareSystems(build, catalog, evaluate(build, catalog, options), options);
}

SystemComparison compareSystems(const Build& build, const Catalog& catalog, const Evaluation& evaluation,
                                const EvaluationOptions& options)
{
    SystemComparison out;
    out.currency = build.currency;
    if (build.workload) {
        out.workloadLabel = describeWorkload(*build.workload);
        if (evaluation.workload)
            out.figureOfMerit = evaluation.workload->figureOfMerit;
    }
    if (!build.items.empty()) {
        out.rows.push_back(buildRow(build, catalog, evaluation));
        out.hasBuildRow = true;
    }
    const UnifiedSystemTable& table = catalog.unifiedSystems();
    for (const UnifiedSystem& system : table.systems()) {
        SystemRow row = machineRow(system, table.chipOf(system), build.workload, options);
        if (out.figureOfMerit.empty() && row.estimate)
            out.figureOfMerit = row.estimate->figureOfMerit;
        out.rows.push_back(std::move(row));
    }
    std::stable_sort(out.rows.begin(), out.rows.end(), ranksBefore);
    return out;
}

std::vector<const SystemRow*> withinBudget(const SystemComparison& comparison, double budget)
{
    std::vector<const SystemRow*> out;
    for (const SystemRow& row : comparison.rows) {
        if (row.isBuild || (row.price && *row.price <= budget))
            out.push_back(&row);
    }
    return out;
}

const SystemRow* bestMachine(const SystemComparison& comparison, std::optional<double> budget)
{
    for (const SystemRow& row : comparison.rows) {  // ranked: the first that qualifies wins
        if (row.isBuild || !row.fits)
            continue;
        if (budget && (!row.price || *row.price > *budget))
            continue;
        return &row;
    }
    return nullptr;
}

}  // namespace mlrig
