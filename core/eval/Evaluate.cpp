#include "eval/Evaluate.h"

#include <algorithm>
#include <exception>

#include "eval/PowerModel.h"
#include "eval/ResolvedBuild.h"
#include "eval/Rules.h"
#include "eval/ValueMetrics.h"
#include "eval/WorkloadModel.h"

namespace mlrig {
namespace {

std::optional<WorkloadEstimate> estimate(const Workload& workload, const ResolvedBuild& resolved)
{
    std::vector<GpuForWorkload> gpus;
    for (const ResolvedItem& r : resolved.items) {
        if (r.part && r.item->category == Category::Gpu)
            appendGpusForWorkload(std::get<Gpu>(*r.part), r.item->quantity, r.item->powerLimitW, gpus);
    }
    try {
        return estimateWorkload(workload, gpus);
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
    rules::checkPhysical(context);
    rules::checkGpus(context);
    rules::checkPower(context);
    rules::checkCompleteness(context);
    std::stable_sort(context.findings.begin(), context.findings.end(),
                     [](const Finding& a, const Finding& b) { return a.severity < b.severity; });
    evaluation.findings = std::move(context.findings);
    return evaluation;
}

}  // namespace mlrig
