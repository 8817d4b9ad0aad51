#pragma once

// Build or buy: the open build beside every unified-memory machine (Mac Studio, Ryzen AI Max
// mini-PCs, DGX Spark...) on the build's workload. One ranking serves the table, the chart, the
// exports, `mlrig-cli compare-systems` and the optimizer's "or buy" answer, so they cannot disagree.

#include <optional>
#include <string>
#include <vector>

#include "core/catalog/Catalog.h"
#include "core/catalog/UnifiedSystems.h"
#include "core/eval/Evaluate.h"
#include "core/eval/Evaluation.h"
#include "core/model/Build.h"

namespace mlrig {

struct SystemRow {
    bool isBuild = false;        // the open build (its own price, power and estimate)
    std::string name;            // "Your build" / "Mac Studio (M3 Ultra 80-core, 256 GB)"
    std::string platform;        // "2 x GeForce RTX 3090" / "Apple silicon" / "Ryzen AI Max" / "NVIDIA GB10"
    std::string chip;            // the machine's chip; the build's GPUs
    std::string formFactor;      // "desktop", "mini-PC", "laptop"; "tower" for the build
    std::optional<double> memoryGb;        // memory the workload may use: the build's VRAM, a machine's GPU share
    std::optional<double> totalMemoryGb;   // a machine's whole pool; the build's VRAM
    std::optional<double> price;           // in `currency`; unknown when the source gave none
    std::string currency = "USD";
    std::string priceNote;                 // "launch price, 2025-03", "build total (2 lines unpriced)"
    bool fits = false;
    bool needsRaisedLimit = false;         // fits only after raising the GPU's share (see notes)
    std::optional<double> figure;          // the workload's figure of merit (decode tokens/s for LLMs)
    std::optional<double> decodeTokensPerS;
    std::optional<double> prefillTokensPerS;
    std::optional<double> powerW;          // under a sustained load
    std::string powerNote;                 // what the power figure is ("measured during Llama 3.1 70B", "PSU rating")
    std::optional<double> yearlyEnergyCost;  // at the evaluation options, in the build's currency
    std::string stack;                     // software that runs models on it
    std::string notes;                     // noise, size, caveats; how to raise the GPU's share
    std::string source;
    std::optional<WorkloadEstimate> estimate;
};

struct SystemComparison {
    std::vector<SystemRow> rows;  // ranked: see ranksBefore()
    std::string workloadLabel;    // "Llama 3.1 70B, q4_k_m, 8k context"; empty without a workload
    std::string figureOfMerit;    // "decode tokens/s"
    std::string currency = "USD";  // the build's; machine prices are US dollars
    bool hasBuildRow = false;
};

// True when `a` is the better answer for the workload: a row that fits before one that does not,
// then the higher figure of merit, then the lower known price, then the name.
bool ranksBefore(const SystemRow& a, const SystemRow& b);

// The build (when it has any part) and every machine of the catalog's unified-memory table on the
// build's workload, ranked. A build without a workload gets rows without estimates. Never throws
// for a build that evaluates; a workload the model refuses leaves the estimates empty.
SystemComparison compareSystems(const Build& build, const Catalog& catalog, const EvaluationOptions& options = {});
// The same, with the build's evaluation already made (at `options`): the PDF report passes the one
// it prints elsewhere, so its "Build or buy" build row cannot differ from its parts and power.
SystemComparison compareSystems(const Build& build, const Catalog& catalog, const Evaluation& evaluation,
                                const EvaluationOptions& options);

// One machine's row on `workload` (unranked): what compareSystems() lists for it. The GPU comparison
// builds a machine column from it, so a figure there is the figure here.
SystemRow machineRow(const UnifiedSystem& system, const UnifiedChip& chip, const std::optional<Workload>& workload,
                     const EvaluationOptions& options = {});

// The rows whose price is known and at most `budget`, in US dollars as the machine prices are (the
// build row is always kept).
std::vector<const SystemRow*> withinBudget(const SystemComparison& comparison, double budget);

// The best machine (not the build) that fits within `budget` (no limit when unset); nullptr if none.
const SystemRow* bestMachine(const SystemComparison& comparison, std::optional<double> budget = std::nullopt);

}  // namespace mlrig
