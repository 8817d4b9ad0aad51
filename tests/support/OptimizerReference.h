#pragma once

// A brute-force reference for the budget optimizer, shared by tests/core/OptimizerTest.cpp and
// tests/bench/OptimizerBench.cpp. It enumerates every combination of the optimizer's (unreduced)
// candidates, runs evaluate() on each and keeps what acceptableEvaluation() accepts: no reduction,
// no mirrored rules, no bounds. Only usable on small catalogs (smallCatalog()).

#include <cstddef>
#include <optional>
#include <vector>

#include "core/catalog/Catalog.h"
#include "core/optimize/Optimizer.h"

namespace mlrig::testsupport {

struct ReferencePoint {
    double cost = 0;
    double figure = 0;
};

struct ReferenceResult {
    std::optional<ReferencePoint> best;
    std::vector<ReferencePoint> frontier;  // increasing cost and figure
    std::optional<double> cheapestFeasible;
    bool fits = false;
    size_t evaluations = 0;
};

// Every combination, evaluate()d. Objective as the optimizer defines it: the figure among builds
// that fit; if none within the budget fits, total VRAM.
ReferenceResult bruteForce(const Catalog& catalog, const OptimizeRequest& request);

}  // namespace mlrig::testsupport
