#pragma once

// Steps 4 and 5 of the build wizard: the rest of the build around the chosen GPUs. The
// suggestion is the cheapest valid platform under the optimizer's rules (sockets and memory
// generations match, x8/x8 lanes for two GPUs, system RAM at least the VRAM, a PSU sized by the
// power model with headroom for transient peaks, a case the cards fit, an SSD); parts the
// person picked on an earlier step are kept and everything after them is suggested again.

#include <optional>
#include <string>
#include <vector>

#include "core/advise/BuildGoal.h"
#include "core/catalog/Catalog.h"

namespace mlrig {

struct BuildSuggestion {
    std::optional<Build> build;  // verified with evaluate(); nullopt when nothing is compatible
    double cost = 0;             // whole build, known prices
    bool withinBudget = false;
    std::string message;  // one line: over budget (with the nearest budget), or why there is no build
};

// The whole build around `gpuLine` (a GPU BuildItem), keeping the `kept` lines (at most one per
// category, e.g. the CPU the person chose) exactly as given. Throws std::invalid_argument for an
// unusable goal or a kept line that does not resolve.
BuildSuggestion suggestBuild(const Catalog& catalog, const BuildGoal& goal, const BuildItem& gpuLine,
                             const std::vector<BuildItem>& kept = {});

// The part of the first line of `category` in `build` (catalog or custom), nullptr when none.
const AnyPart* firstPartOf(const Catalog& catalog, const Build& build, Category category);

struct PartChoice {
    const AnyPart* part = nullptr;
    double price = 0;
    BuildItem item() const;  // a build line for the part (catalog ref, quantity 1)
};

// Parts the person may pick for `category` in `build` (the current suggestion), cheapest first,
// at most `limit`. CPUs: any priced CPU (the board and memory are re-suggested after a change).
// Boards: the CPU's socket, with x8/x8 for two GPUs. Memory: the board's generation, at least the
// GPUs' VRAM, no more modules than slots. PSU, case, cooler, storage: swapping the part in keeps
// the build free of errors and of the platform warnings the optimizer avoids.
std::vector<PartChoice> partChoices(const Catalog& catalog, const BuildGoal& goal, const Build& build,
                                    Category category, size_t limit = 60);

}  // namespace mlrig
