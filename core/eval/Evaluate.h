#pragma once

#include "core/model/Build.h"
#include "core/catalog/Catalog.h"
#include "core/eval/Evaluation.h"

namespace mlrig {

struct EvaluationOptions {
    double electricityPricePerKwh = 0.30;  // in the build's currency
    double hoursPerDay = 8.0;              // hours at sustained load
};

// The whole verdict on a build: findings, power, cost, workload estimate and value metrics.
// Pure and fast (docs/ARCHITECTURE.md, "Performance budgets"); never throws for a
// build that loaded, unresolvable refs become missing-part / not-checked findings.
Evaluation evaluate(const Build& build, const Catalog& catalog, const EvaluationOptions& options = {});

struct HostForWorkload;
struct ResolvedBuild;
// The build's CPU and system memory for the offload estimate: RAM size, populated channels
// (modules, at most the CPU's channel count), transfer rate (the slowest module) and CPU cores.
// Fields stay unknown when the build does not give them.
HostForWorkload hostForWorkload(const ResolvedBuild& resolved);

}  // namespace mlrig
