#include "tests/support/OptimizerReference.h"

#include <algorithm>
#include <limits>
#include <map>

#include "core/eval/Evaluate.h"

namespace mlrig::testsupport {

ReferenceResult bruteForce(const Catalog& catalog, const OptimizeRequest& request)
{
    const auto cands = optimizerCandidates(catalog, request);
    struct Valid {
        double cost;
        bool fits;
        std::optional<double> figure;
        double vram;
    };
    std::vector<Valid> valid;
    ReferenceResult out;
    auto at = [&](Category c) -> const std::vector<OptimizeCandidate>& { return cands[static_cast<size_t>(c)]; };
    for (const auto& gpu : at(Category::Gpu)) {
        const int minN = gpu.pinned ? gpu.item.quantity : 1;
        const int maxN = gpu.pinned ? gpu.item.quantity : request.maxGpus;
        for (int n = minN; n <= maxN; ++n)
            for (const auto& cpu : at(Category::Cpu))
                for (const auto& board : at(Category::Motherboard))
                    for (const auto& mem : at(Category::Memory))
                        for (const auto& psu : at(Category::Psu))
                            for (const auto& pcCase : at(Category::Case))
                                for (const auto& cooler : at(Category::Cooler))
                                    for (const auto& drive : at(Category::Storage)) {
                                        Build b;
                                        b.workload = request.workload;
                                        b.items = {cpu.item, board.item, mem.item, gpu.item,
                                                   psu.item, pcCase.item, cooler.item, drive.item};
                                        b.items[3].quantity = n;
                                        const Evaluation e = evaluate(b, catalog);
                                        ++out.evaluations;
                                        if (!acceptableEvaluation(e, request.policy))
                                            continue;
                                        valid.push_back({e.cost.total, e.workload->fits, e.workload->figureValue,
                                                         e.workload->vramAvailableGb});
                                    }
    }
    for (const Valid& v : valid)
        out.cheapestFeasible = std::min(out.cheapestFeasible.value_or(std::numeric_limits<double>::infinity()), v.cost);
    const double limit = request.budget + 1e-6;
    auto collect = [&](bool fitsMode) {
        std::map<double, double> minCostByValue;  // value -> min cost
        for (const Valid& v : valid) {
            if (v.cost > limit || (fitsMode && !(v.fits && v.figure)))
                continue;
            const double value = fitsMode ? *v.figure : v.vram;
            auto [it, added] = minCostByValue.emplace(value, v.cost);
            if (!added)
                it->second = std::min(it->second, v.cost);
        }
        std::vector<ReferencePoint> frontier;
        double minAbove = std::numeric_limits<double>::infinity();
        for (auto it = minCostByValue.rbegin(); it != minCostByValue.rend(); ++it) {
            if (it->second < minAbove) {
                frontier.push_back({it->second, it->first});
                minAbove = it->second;
            }
        }
        std::reverse(frontier.begin(), frontier.end());
        return frontier;
    };
    out.frontier = collect(true);
    out.fits = !out.frontier.empty();
    if (out.frontier.empty())
        out.frontier = collect(false);
    if (!out.frontier.empty())
        out.best = out.frontier.back();
    return out;
}

}  // namespace mlrig::testsupport
