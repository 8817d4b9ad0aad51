#include "core/eval/Evaluate.h"

#include <algorithm>
#include <exception>

#include <fmt/format.h>

#include "core/eval/PowerModel.h"
#include "core/eval/ResolvedBuild.h"
#include "core/eval/Rules.h"
#include "core/eval/ValueMetrics.h"
#include "core/eval/WorkloadModel.h"

namespace mlrig {

HostForWorkload hostForWorkload(const ResolvedBuild& resolved)
{
    HostForWorkload host;
    const Cpu* cpu = resolved.firstAs<Cpu>(Category::Cpu);
    if (cpu) {
        host.cpuCores = cpu->cores;
        host.cpuName = cpu->info.name;
    }
    int modules = 0;
    double ramGb = 0;
    bool sizeKnown = true;
    std::optional<int> mts;
    for (const ResolvedItem& r : resolved.all(Category::Memory)) {
        const Memory& m = std::get<Memory>(*r.part);
        const int count = r.item->quantity * m.modules.value_or(0);
        modules += count;
        if (const auto total = m.totalGb())
            ramGb += *total * r.item->quantity;
        else
            sizeKnown = false;
        if (m.speedMts && *m.speedMts > 0)
            mts = mts ? std::min(*mts, *m.speedMts) : *m.speedMts;
        if (host.memoryType.empty())
            host.memoryType = m.memoryType;
    }
    if (modules == 0)
        return host;  // no memory in the build (or its module count is unknown): assume nothing
    if (sizeKnown && ramGb > 0)
        host.ramGb = ramGb;
    host.mts = mts;
    if (cpu && cpu->memoryChannels && *cpu->memoryChannels > 0) {
        host.channels = std::min(modules, *cpu->memoryChannels);
        host.notes.push_back(fmt::format("{} populated memory channel{}: {} module{} on the {}'s {} channels",
                                         *host.channels, *host.channels == 1 ? "" : "s", modules,
                                         modules == 1 ? "" : "s", cpu->info.name, *cpu->memoryChannels));
    } else if (cpu) {
        // Desktop platforms have two channels; the CPU's own figure is unknown.
        host.channels = std::min(modules, 2);
        host.notes.push_back(fmt::format("{} memory channel{} assumed ({} module{}; the CPU's channel count is unknown, "
                                         "desktop platforms have two)",
                                         *host.channels, *host.channels == 1 ? "" : "s", modules, modules == 1 ? "" : "s"));
    }
    return host;
}

namespace {

std::optional<WorkloadEstimate> estimate(const Workload& workload, const ResolvedBuild& resolved)
{
    std::vector<GpuForWorkload> gpus;
    for (const ResolvedItem& r : resolved.items) {
        if (r.part && r.item->category == Category::Gpu)
            appendGpusForWorkload(std::get<Gpu>(*r.part), r.item->quantity, r.item->powerLimitW, gpus);
    }
    // Lanes per card for data-parallel training (the same reading as the pcie-lanes rule): a CPU with
    // 16 lanes per card gives each x16; otherwise consumer boards split the CPU's x16 link x8/x8, or
    // run the second card at x4 through the chipset when they cannot.
    if (gpus.size() >= 2) {
        const Cpu* cpu = resolved.firstAs<Cpu>(Category::Cpu);
        const Motherboard* board = resolved.firstAs<Motherboard>(Category::Motherboard);
        std::optional<int> lanes;
        if (cpu && cpu->pcieLanes && *cpu->pcieLanes >= 16 * static_cast<int>(gpus.size()))
            lanes = 16;
        else if (board && board->x8x8Bifurcation && !*board->x8x8Bifurcation)
            lanes = 4;
        else if (cpu || board)
            lanes = 8;
        for (GpuForWorkload& g : gpus)
            g.pcieLanes = lanes;
    }
    try {
        return estimateWorkload(workload, gpus, hostForWorkload(resolved));
    } catch (const std::exception& e) {
        // An unknown model or quant, or a value out of range: report it instead of failing the evaluation.
        WorkloadEstimate failed;
        failed.kind = std::string(workloadKindId(workload.kind));
        failed.modelName = workload.model;
        failed.fits = false;
        for (const GpuForWorkload& g : gpus)
            failed.vramAvailableGb += g.vramGb;
        failed.confidence = Confidence::Low;
        failed.reason = e.what();
        return failed;
    }
}

}  // namespace

Evaluation evaluate(const Build& build, const Catalog& catalog, const EvaluationOptions& options)
{
    Evaluation evaluation;
    const ResolvedBuild resolved = resolve(build, catalog);
    evaluation.power = computePower(resolved);
    evaluation.power.yearlyEnergyCost =
        yearlyEnergyCost(evaluation.power.sustainedW, options.hoursPerDay, options.electricityPricePerKwh);
    evaluation.cost = computeCost(build, resolved, catalog);
    if (build.workload)
        evaluation.workload = estimate(*build.workload, resolved);
    evaluation.value = computeValue(resolved, evaluation.cost, evaluation.workload);

    rules::Context context(build, catalog, resolved, evaluation.power, evaluation.cost);
    context.workload = evaluation.workload ? &*evaluation.workload : nullptr;
    rules::checkPhysical(context);
    rules::checkGpus(context);
    rules::checkPower(context);
    rules::checkWorkload(context);
    rules::checkCompleteness(context);
    std::stable_sort(context.findings.begin(), context.findings.end(),
                     [](const Finding& a, const Finding& b) { return a.severity < b.severity; });
    evaluation.findings = std::move(context.findings);
    return evaluation;
}

}  // namespace mlrig
