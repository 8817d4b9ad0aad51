#pragma once

// Budget optimizer: the best compatible build for a workload within a budget, and the Pareto
// frontier of cost against the workload's figure of merit. Exact under mlrig's own model:
// every returned build has been checked with evaluate() and passes acceptableEvaluation().
//
// How it works (details in Optimizer.cpp):
//  * The figure of merit depends only on the GPUs (model and count; no power limit is set), so
//    each GPU option (card x count) has an exact figure from estimateWorkload() on the GPUs alone.
//  * The rest of the build (CPU, board, memory, case, cooler, PSU, storage) only has to be the
//    cheapest platform that accepts those GPUs. That cheapest platform is found by a memoised
//    branch-and-bound search keyed by what the GPUs ask of the platform (count, length, slot
//    width, connectors, power, VRAM), over candidate lists first reduced to their Pareto-efficient
//    members (a dominated part can always be swapped for its dominator at no extra cost).
//  * GPU options are visited best figure first; an option is skipped when its GPU price plus a
//    lower bound on any platform cannot beat the budget or the cheaper builds already found.

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/model/Build.h"
#include "core/catalog/Catalog.h"
#include "core/eval/Evaluation.h"

namespace mlrig {

// What the optimizer asks of a build beyond "evaluate() finds no error". Every item is a
// per-part filter or a check of evaluate()'s findings, so a brute-force reference can apply the
// very same definition (tests do).
struct OptimizePolicy {
    // Reject builds with a warning from the platform rules (optimizerAvoidedWarnings()):
    // RAM below VRAM, a second GPU without x8/x8 lanes, a PSU without headroom, a GPU with
    // under 10 mm of case clearance, coolers covering every expansion slot, a cooler rated below
    // the CPU, no SSD, a board that needs a BIOS update for the CPU; and the notes of
    // optimizerAvoidedNotes(): fewer memory modules than channels. Warnings about the GPU model itself (vendor, datacentre, workstation) are
    // the figure's business and stay allowed.
    bool avoidPlatformWarnings = true;
    // Use a catalog part only when the figures its fit checks need are known (board slots, case
    // clearances, PSU connectors, GPU length...), so the checks really run. The cooler's heat
    // rating is not required: the catalog has it for no cooler. Pinned parts are always used.
    bool requireKnownFit = true;
    int minCpuCores = 6;          // fewer cores earn a cpu-cores note; 0 = any
    double minStorageGb = 1000;   // model weights and datasets are large; 0 = any
};

struct OptimizeRequest {
    Workload workload;
    double budget = 0;   // USD, the catalog's currency
    int maxGpus = 2;     // 1 or 2 identical cards
    // Allow used GPUs: each GPU model is also a candidate at its used market price (the catalog's
    // market price table, where it is cheaper than new), and offers whose condition is "used" count.
    bool allowUsed = false;
    // Parts the person already owns: each item is put into every build as given (catalog ref or
    // custom part, quantity), at its own price, or 0 when it has none. At most one line per
    // category; a pinned category is not searched.
    std::vector<BuildItem> pinned;
    // Parts on offer at the person's price (e.g. a used card seen for sale): extra candidates,
    // price required. Items marked used count only with allowUsed.
    std::vector<BuildItem> offers;
    // Parts never to use: a catalog id, an exact part name or, for GPUs, a GPU model name
    // (excludes every card of that model); folded comparison as elsewhere.
    std::vector<std::string> excluded;
    OptimizePolicy policy;
    bool computeFrontier = true;
    size_t frontierSize = 12;  // thin the frontier to about this many points (0 = keep all)
};

// One point of the cost/figure frontier: the cheapest valid build reaching its figure.
struct FrontierPoint {
    double cost = 0;
    double figure = 0;  // in OptimizeResult::figureName units
    Build build;
};

struct OptimizeStats {
    size_t gpuCandidates = 0;        // priced, usable GPU parts before reduction
    size_t gpuOptions = 0;           // (reduced card, count) options
    size_t optionsSearched = 0;      // options whose cheapest platform was looked up
    size_t optionsPruned = 0;        // options skipped by the bound
    size_t platformSearches = 0;     // distinct platform searches (memo misses)
    size_t memoHits = 0;
    size_t platformNodes = 0;        // partial platforms expanded by the platform search
    size_t verifyEvaluations = 0;    // evaluate() calls made to verify results
    size_t verifyRejected = 0;       // builds evaluate() rejected although the search accepted them (should be 0)
    std::array<size_t, 8> candidates{};  // per category, after filtering
    std::array<size_t, 8> reduced{};     // per category, after Pareto reduction
    double elapsedMs = 0;
};

struct OptimizeResult {
    std::optional<Build> best;  // carries request.workload
    double bestCost = 0;
    double bestFigure = 0;
    // "decode tokens/s", "training tokens/s", "images/min", "FP16 TFLOPS", or "VRAM GB" when no
    // build within the budget fits the model (the optimizer then maximises total VRAM).
    std::string figureName;
    bool fits = false;  // the best build fits the workload
    std::vector<FrontierPoint> frontier;  // strictly increasing in cost and figure; last = best
    // Cheapest valid build at any price (set when nothing fits the budget, and whenever the best
    // does not fit the model: then it is the cheapest build that fits, if any).
    std::optional<double> cheapestFeasibleCost;
    std::optional<double> cheapestFittingCost;
    std::vector<std::string> unmatchedExclusions;  // excluded names that match no part
    OptimizeStats stats;
};

// Rule ids whose warnings OptimizePolicy::avoidPlatformWarnings rejects.
const std::vector<std::string>& optimizerAvoidedWarnings();
// Rule ids whose notes OptimizePolicy::avoidPlatformWarnings rejects too (one DIMM, a BIOS update).
const std::vector<std::string>& optimizerAvoidedNotes();

// Does an evaluation meet the optimizer's definition of a valid build?
bool acceptableEvaluation(const Evaluation& evaluation, const OptimizePolicy& policy);

// A part the optimizer may use, with the build line that puts it into a build.
struct OptimizeCandidate {
    const AnyPart* part = nullptr;  // into the catalog or the request's custom parts
    BuildItem item;                 // category, ref or custom, quantity, price, condition
    double unitPrice = 0;
    bool pinned = false;
    double cost() const { return unitPrice * item.quantity; }
};

// The filtered candidates per category (pins, offers, exclusions, prices, policy filters), before
// any reduction: what a brute-force search would enumerate. Throws std::invalid_argument for bad
// pins or offers.
std::array<std::vector<OptimizeCandidate>, 8> optimizerCandidates(const Catalog& catalog, const OptimizeRequest& request);

// Throws std::invalid_argument for bad input (unknown model or quantisation, negative budget,
// max GPUs outside 1..2, a pinned part that does not resolve).
OptimizeResult optimize(const Catalog& catalog, const OptimizeRequest& request);

// The cheapest valid platform (CPU, board, memory, PSU, case, cooler, storage) for each of several
// GPU lines, sharing one memoised platform search: what the build wizard needs to price every GPU
// it ranks. request.pinned / offers / excluded / policy apply to the platform; its budget, GPU pins
// and workload are not used (each quote is at any price). Each gpuLines item is a GPU BuildItem
// (ref or custom, quantity, optional price and power limit) and is put into the build as given.
struct PlatformQuote {
    bool feasible = false;
    double platformCost = 0;  // without the GPU line
    Build build;              // GPU line + platform, verified with evaluate() (when feasible)
};
std::vector<PlatformQuote> quotePlatforms(const Catalog& catalog, const OptimizeRequest& request,
                                          const std::vector<BuildItem>& gpuLines);

}  // namespace mlrig
