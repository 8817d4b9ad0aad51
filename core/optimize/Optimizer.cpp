#include "core/optimize/Optimizer.h"

// Why the search is exact (under mlrig's model; tests compare it with brute force):
//
// 1. Separation. A build is (GPU option, platform). The figure of merit is a function of the GPU
//    option alone (estimateWorkload on those GPUs; the optimizer sets no power limit), and the
//    cost is GPU cost + platform cost. So the best build is, over GPU options ordered by figure,
//    the first whose GPU cost + cheapest valid platform fits the budget; and the frontier needs,
//    per GPU option, only its cheapest valid platform.
// 2. Mirrored rules. Whether a platform is valid for given GPUs is decided by the same conditions
//    evaluate()'s rules use for errors (and, with avoidPlatformWarnings, for the avoided
//    warnings), written here over precomputed part attributes. Unknown figures pass, as the rules
//    report them as not-checked instead of failing. Every build that is returned is still run
//    through evaluate() and acceptableEvaluation(); a disagreement is counted in
//    stats.verifyRejected and the build is not returned.
// 3. Pareto reduction. Within a category, part A dominates part B when A costs no more and A is
//    at least as good in every attribute any rule reads (more slots, more clearance, more
//    connectors, no more power...), with equal attributes where both directions matter (memory
//    size: RAM >= VRAM wants more, the board maximum wants less). Replacing B by A in any valid
//    build keeps it valid and no dearer, so dropping dominated parts loses no optimum.
// 4. Branch and bound. The platform search visits categories in a fixed order, each candidate
//    list sorted by price, and stops a list as soon as cost so far + the cheapest remaining
//    choices cannot beat the best platform found: later entries only cost more. GPU options are
//    skipped when GPU cost + the cheapest platform for any GPUs of that count (a valid lower
//    bound: every GPU constraint relaxed) exceeds the budget or cannot undercut the builds of
//    higher figure already found.
// 5. Memoisation. The platform search depends on the GPUs only through a small key (count,
//    length, expansion slots, connectors, power, total VRAM), shared by many cards.
//
// The engines: OptimizerCandidates.cpp (what may be used), PlatformSearch (points 2-5 for the
// platform), GpuOptions (point 1: each GPU option's figure); this file searches the options.

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <stdexcept>

#include "core/util/TextUtil.h"
#include "core/eval/Evaluate.h"
#include "core/eval/WorkloadModel.h"
#include "core/optimize/GpuOptions.h"
#include "core/optimize/PlatformSearch.h"

namespace mlrig {
namespace optimizer {
namespace {

constexpr double kBudgetEpsilon = 1e-6;

std::string budgetName(const OptimizeRequest& request)
{
    const std::string model = request.workload.model.empty() ? std::string(workloadKindId(request.workload.kind))
                                                             : request.workload.model;
    return fmt::format("{} within ${:.0f}", model, request.budget);
}

class Optimizer {
public:
    Optimizer(const Catalog& catalog, const OptimizeRequest& request, OptimizeResult& result)
        : m_catalog(catalog), m_request(request), m_result(result), m_cands(optimizerCandidates(catalog, request)),
          m_platforms(catalog, m_cands, request.policy, result.stats)
    {
        for (size_t c = 0; c < 8; ++c)
            m_result.stats.candidates[c] = m_cands[c].size();
        m_options = gpuOptions(m_cands[ix(Category::Gpu)], m_request, m_result);
        GpuSpec relaxed;
        for (int n = 1; n <= 2; ++n) {
            relaxed.n = n;
            const PlatformChoice& p = m_platforms.cheapest(relaxed);
            m_platformLb[static_cast<size_t>(n)] = p.feasible ? p.cost : kInf;
        }
        for (GpuOption& o : m_options)
            o.lowerBound = o.gpuCost + m_platformLb[static_cast<size_t>(o.n)];
    }

    void run()
    {
        // Mode A: builds that fit the workload, best figure. Mode B: nothing within the budget
        // fits, so the most VRAM.
        std::vector<GpuOption> fitting;
        for (const GpuOption& o : m_options)
            if (o.fits && o.figure) {
                fitting.push_back(o);
                fitting.back().value = *o.figure;
            }
        if (search(fitting, m_request.budget)) {
            m_result.fits = true;
            return;
        }
        std::vector<GpuOption> all = m_options;
        for (GpuOption& o : all)
            o.value = o.vram;
        m_result.cheapestFittingCost = cheapest(fitting);
        if (search(all, m_request.budget)) {
            m_result.fits = false;
            m_result.figureName = "VRAM GB";
            return;
        }
        m_result.cheapestFeasibleCost = cheapest(all);
    }

private:
    // The build of an option and its platform.
    Build assemble(const GpuOption& o, const PlatformChoice& p) const
    {
        BuildItem gpuLine = m_cands[ix(Category::Gpu)][static_cast<size_t>(o.cand)].item;
        gpuLine.quantity = o.n;
        Build build = platformBuild(m_cands, p, std::move(gpuLine));
        build.name = "Optimised: " + budgetName(m_request);
        build.workload = m_request.workload;
        return build;
    }

    // Looks up the option's cheapest platform; on success, the verified build.
    std::optional<std::pair<double, Build>> price(const GpuOption& o)
    {
        ++m_result.stats.optionsSearched;
        const PlatformChoice& p = m_platforms.cheapest(o.spec);
        if (!p.feasible)
            return std::nullopt;
        Build build = assemble(o, p);
        ++m_result.stats.verifyEvaluations;
        const Evaluation e = evaluate(build, m_catalog);
        if (!acceptableEvaluation(e, m_request.policy)) {
            ++m_result.stats.verifyRejected;
            return std::nullopt;
        }
        return std::make_pair(o.gpuCost + p.cost, std::move(build));
    }

    // Best-first over the options; fills best and frontier. False when nothing is within budget.
    bool search(std::vector<GpuOption> options, double budget)
    {
        std::stable_sort(options.begin(), options.end(), [](const GpuOption& a, const GpuOption& b) {
            return a.value != b.value ? a.value > b.value : a.lowerBound < b.lowerBound;
        });
        std::vector<double> suffixLb(options.size() + 1, kInf);
        for (size_t i = options.size(); i-- > 0;)
            suffixLb[i] = std::min(suffixLb[i + 1], options[i].lowerBound);

        std::vector<FrontierPoint> points;  // best first
        double minAbove = kInf;
        const double limit = budget + kBudgetEpsilon;
        size_t i = 0;
        while (i < options.size()) {
            if (suffixLb[i] >= minAbove || suffixLb[i] > limit) {
                m_result.stats.optionsPruned += options.size() - i;
                break;
            }
            size_t end = i;
            while (end < options.size() && options[end].value == options[i].value)
                ++end;
            double groupBest = kInf;
            std::optional<Build> groupBuild;
            for (size_t k = i; k < end; ++k) {
                const GpuOption& o = options[k];
                if (o.lowerBound > limit || o.lowerBound >= minAbove || o.lowerBound >= groupBest) {
                    ++m_result.stats.optionsPruned;
                    continue;
                }
                auto priced = price(o);
                if (!priced || priced->first > limit || priced->first >= groupBest || priced->first >= minAbove)
                    continue;
                groupBest = priced->first;
                groupBuild = std::move(priced->second);
            }
            if (groupBuild) {
                points.push_back({groupBest, options[i].value, std::move(*groupBuild)});
                minAbove = groupBest;
                if (!m_request.computeFrontier) {
                    m_result.stats.optionsPruned += options.size() - end;
                    break;
                }
            }
            i = end;
        }
        if (points.empty())
            return false;
        m_result.best = points.front().build;
        m_result.bestCost = points.front().cost;
        m_result.bestFigure = points.front().figure;
        std::reverse(points.begin(), points.end());
        const size_t want = m_request.frontierSize;
        if (m_request.computeFrontier) {
            if (want == 0 || points.size() <= want) {
                m_result.frontier = std::move(points);
            } else {
                size_t last = SIZE_MAX;
                for (size_t k = 0; k < want; ++k) {
                    const size_t idx = want == 1 ? points.size() - 1
                                                 : static_cast<size_t>(std::llround(
                                                       static_cast<double>(k) * static_cast<double>(points.size() - 1) /
                                                       static_cast<double>(want - 1)));
                    if (idx != last)
                        m_result.frontier.push_back(points[idx]);
                    last = idx;
                }
            }
        } else {
            m_result.frontier.push_back(std::move(points.back()));
        }
        return true;
    }

    // Cheapest valid build over the options at any price.
    std::optional<double> cheapest(std::vector<GpuOption> options)
    {
        std::stable_sort(options.begin(), options.end(),
                         [](const GpuOption& a, const GpuOption& b) { return a.lowerBound < b.lowerBound; });
        double best = kInf;
        for (const GpuOption& o : options) {
            if (o.lowerBound >= best)
                break;
            if (auto priced = price(o); priced && priced->first < best)
                best = priced->first;
        }
        return best < kInf ? std::optional<double>(best) : std::nullopt;
    }

    const Catalog& m_catalog;
    const OptimizeRequest& m_request;
    OptimizeResult& m_result;
    Candidates m_cands;
    PlatformSearch m_platforms;
    std::vector<GpuOption> m_options;
    std::array<double, 3> m_platformLb{kInf, kInf, kInf};
};

}  // namespace
}  // namespace optimizer

std::vector<PlatformQuote> quotePlatforms(const Catalog& catalog, const OptimizeRequest& request,
                                          const std::vector<BuildItem>& gpuLines)
{
    using namespace optimizer;
    for (const BuildItem& item : request.pinned)
        if (item.category == Category::Gpu)
            throw std::invalid_argument("quotePlatforms: GPUs are quoted, not pinned");
    OptimizeStats stats;
    const auto cands = optimizerCandidates(catalog, request);
    PlatformSearch platforms(catalog, cands, request.policy, stats);
    std::vector<PlatformQuote> quotes;
    quotes.reserve(gpuLines.size());
    for (const BuildItem& line : gpuLines) {
        PlatformQuote& quote = quotes.emplace_back();
        const AnyPart* part = line.custom ? &*line.custom : catalog.find(Category::Gpu, line.ref);
        const Gpu* gpu = part ? std::get_if<Gpu>(part) : nullptr;
        if (!gpu || line.quantity < 1 || line.quantity > 2 || gpuHasIntrinsicError(*gpu))
            continue;
        const PlatformChoice& p = platforms.cheapest(gpuSpec(*gpu, line.quantity));
        if (!p.feasible)
            continue;
        Build build = platformBuild(cands, p, line);
        build.workload = request.workload;
        if (!acceptableEvaluation(evaluate(build, catalog), request.policy))
            continue;
        quote.feasible = true;
        quote.platformCost = p.cost;
        quote.build = std::move(build);
    }
    return quotes;
}

OptimizeResult optimize(const Catalog& catalog, const OptimizeRequest& request)
{
    const auto start = std::chrono::steady_clock::now();
    if (!std::isfinite(request.budget) || request.budget < 0)
        throw std::invalid_argument(fmt::format("budget must be a number >= 0 (got {})", request.budget));
    if (request.maxGpus < 1 || request.maxGpus > 2)
        throw std::invalid_argument(fmt::format("max GPUs must be 1 or 2 (got {})", request.maxGpus));
    (void)estimateWorkload(request.workload, {});  // throws std::invalid_argument for an unknown model/quant

    OptimizeResult result;
    {
        optimizer::Optimizer optimizer(catalog, request, result);
        optimizer.run();
    }
    // Exclusions that matched nothing (typos) are reported, not silently ignored.
    for (const std::string& e : request.excluded) {
        const std::string folded = foldName(e);
        const GpuChip* chip = catalog.chip(e);
        bool matched = chip != nullptr;
        for (Category c : kAllCategories) {
            if (matched)
                break;
            matched = catalog.find(c, e) != nullptr;
        }
        if (!matched)
            for (const BuildItem& offer : request.offers)
                if (offer.custom && foldName(infoOf(*offer.custom).name) == folded)
                    matched = true;
        if (!matched)
            result.unmatchedExclusions.push_back(e);
    }
    result.stats.elapsedMs =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return result;
}

}  // namespace mlrig