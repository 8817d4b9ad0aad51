#pragma once

// The `workload` object of `mlrig-cli evaluate` (README; docs/ARCHITECTURE.md "Command line"), shared with `mlrig-cli fit`.

#include <nlohmann/json.hpp>

#include <optional>

#include "core/eval/Evaluation.h"

namespace mlrig::cli {

double rounded(double value, int decimals);
nlohmann::ordered_json optionalNumber(const std::optional<double>& value, int decimals);
nlohmann::ordered_json workloadJson(const WorkloadEstimate& w);
// The workload lines of the text format ("Workload: ...", fits, placement, speeds, flags).
void printWorkloadText(const WorkloadEstimate& w, bool withAssumptions);

}  // namespace mlrig::cli
