#include "core/advise/BuildGoal.h"

#include <fmt/format.h>

#include <cmath>

#include "core/eval/WorkloadModel.h"

namespace mlrig {

std::string validateGoal(const BuildGoal& goal)
{
    if (!std::isfinite(goal.budget) || goal.budget <= 0)
        return fmt::format("the budget must be a positive amount (got {})", goal.budget);
    if (goal.gpuCount < 1 || goal.gpuCount > 2)
        return fmt::format("mlrig plans builds with one or two GPUs (got {})", goal.gpuCount);
    if (!std::isfinite(goal.gpuPowerFraction) || goal.gpuPowerFraction < 0.5 || goal.gpuPowerFraction > 1.0)
        return fmt::format("the GPU power preference must be between 50% and 100% (got {:.0f}%)",
                           goal.gpuPowerFraction * 100);
    try {
        (void)estimateWorkload(goal.workload, {});
    } catch (const std::invalid_argument& e) {
        return e.what();
    }
    return {};
}

std::optional<double> goalPowerLimitW(const BuildGoal& goal, std::optional<double> ratedW)
{
    if (!ratedW || goal.gpuPowerFraction >= 0.999)
        return std::nullopt;
    return std::round(*ratedW * goal.gpuPowerFraction);
}

}  // namespace mlrig
