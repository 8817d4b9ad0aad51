#include "core/advise/BuildSuggester.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "core/eval/Evaluate.h"
#include "core/util/TextUtil.h"
#include "core/eval/ValueMetrics.h"
#include "core/eval/WorkloadModel.h"
#include "core/model/Build.h"
#include "core/util/Format.h"
#include "core/optimize/Optimizer.h"

namespace mlrig {

namespace {

std::string dollars(double amount)
{
    return "$" + formatWhole(amount);
}

template <typename T>
const T* lineOf(const Catalog& catalog, const Build& build, Category category)
{
    const AnyPart* part = firstPartOf(catalog, build, category);
    return part ? std::get_if<T>(part) : nullptr;
}

double totalVramGb(const Catalog& catalog, const Build& build)
{
    double total = 0;
    for (const BuildItem& item : build.items)
        if (item.category == Category::Gpu)
            if (const AnyPart* part = partOf(item, catalog))
                total += std::get<Gpu>(*part).vramGb.value_or(0) * item.quantity;
    return total;
}

int gpuCount(const Build& build)
{
    int n = 0;
    for (const BuildItem& item : build.items)
        if (item.category == Category::Gpu)
            n += item.quantity;
    return n;
}

}  // namespace

const AnyPart* firstPartOf(const Catalog& catalog, const Build& build, Category category)
{
    for (const BuildItem& item : build.items)
        if (item.category == category)
            return partOf(item, catalog);
    return nullptr;
}

BuildItem PartChoice::item() const
{
    BuildItem line;
    line.category = categoryOf(*part);
    const PartInfo& info = infoOf(*part);
    line.ref = info.id.empty() ? info.name : info.id;
    return line;
}

BuildSuggestion suggestBuild(const Catalog& catalog, const BuildGoal& goal, const BuildItem& gpuLine,
                             const std::vector<BuildItem>& kept)
{
    if (const std::string problem = validateGoal(goal); !problem.empty())
        throw std::invalid_argument(problem);
    OptimizeRequest request;
    request.workload = goal.workload;
    request.maxGpus = std::max(goal.gpuCount, gpuLine.quantity);
    request.allowUsed = goal.allowUsed;
    // Kept parts enter the platform search at their real price, so the budget sees them.
    for (BuildItem item : kept) {
        if (item.category == Category::Gpu)
            continue;
        const AnyPart* part = partOf(item, catalog);
        if (!part)
            throw std::invalid_argument(fmt::format("{} \"{}\" is not in the catalog", categoryId(item.category), item.ref));
        if (!item.price)
            item.price = effectivePrice(item, part, catalog).unitPrice.value_or(0);
        request.pinned.push_back(std::move(item));
    }
    if (request.maxGpus > 2)
        throw std::invalid_argument("mlrig plans builds with one or two GPUs");

    BuildSuggestion out;
    const std::vector<PlatformQuote> quotes = quotePlatforms(catalog, request, {gpuLine});
    if (!quotes.front().feasible) {
        out.message = kept.empty()
                          ? "No compatible platform in the catalog takes these GPUs (length, slots, power or lanes)."
                          : "No compatible build keeps the parts you chose: change them back to the suggestion.";
        return out;
    }
    Build build = quotes.front().build;
    // Put the kept lines back as the person gave them (their own price, or none).
    for (BuildItem& item : build.items)
        for (const BuildItem& k : kept)
            if (k.category == item.category && item.category != Category::Gpu)
                item = k;
    const std::string model = [&] {
        for (const BuildItem& item : build.items)
            if (item.category == Category::Gpu)
                if (const AnyPart* part = partOf(item, catalog))
                    return infoOf(*part).name;
        return std::string("GPU");
    }();
    const ModelSpec* preset = findModelPreset(goal.workload.model);
    build.name = fmt::format("{}{} for {}", gpuLine.quantity == 2 ? "2× " : "", model,
                             preset                       ? preset->displayName
                             : goal.workload.model.empty() ? std::string(workloadKindId(goal.workload.kind))
                                                           : goal.workload.model);
    build.currency = "USD";
    const Evaluation evaluation = evaluate(build, catalog);
    out.cost = evaluation.cost.total;
    out.withinBudget = out.cost <= goal.budget + 1e-6;
    if (!out.withinBudget)
        out.message = fmt::format("This build costs {}, {} over the {} budget: raise the budget to about {} or pick "
                                  "a cheaper GPU.",
                                  dollars(out.cost), dollars(out.cost - goal.budget), dollars(goal.budget),
                                  dollars(std::ceil(out.cost / 50.0) * 50.0));
    out.build = std::move(build);
    return out;
}

std::vector<PartChoice> partChoices(const Catalog& catalog, const BuildGoal& goal, const Build& build,
                                    Category category, size_t limit)
{
    OptimizeRequest request;
    request.workload = goal.workload;
    request.maxGpus = 2;
    request.allowUsed = goal.allowUsed;
    const auto cands = optimizerCandidates(catalog, request);
    const auto& pool = cands[static_cast<size_t>(category)];

    const Cpu* cpu = lineOf<Cpu>(catalog, build, Category::Cpu);
    const Motherboard* board = lineOf<Motherboard>(catalog, build, Category::Motherboard);
    const double vram = totalVramGb(catalog, build);
    const int gpus = gpuCount(build);

    // A CPU is offered only when some usable board takes it (with x8/x8 for two GPUs).
    std::vector<std::string> boardSockets;
    for (const OptimizeCandidate& c : cands[static_cast<size_t>(Category::Motherboard)]) {
        const auto& b = std::get<Motherboard>(*c.part);
        if (gpus < 2 || b.x8x8Bifurcation.value_or(false))
            boardSockets.push_back(foldName(b.socket));
    }
    std::sort(boardSockets.begin(), boardSockets.end());
    boardSockets.erase(std::unique(boardSockets.begin(), boardSockets.end()), boardSockets.end());

    const auto accept = [&](const AnyPart& part) {
        switch (category) {
        case Category::Cpu:
            return std::binary_search(boardSockets.begin(), boardSockets.end(), foldName(std::get<Cpu>(part).socket));
        case Category::Gpu:
            return true;
        case Category::Motherboard: {
            const auto& b = std::get<Motherboard>(part);
            if (cpu && foldName(b.socket) != foldName(cpu->socket))
                return false;
            return gpus < 2 || b.x8x8Bifurcation.value_or(false);
        }
        case Category::Memory: {
            const auto& m = std::get<Memory>(part);
            if (board && foldName(m.memoryType) != foldName(board->memoryType))
                return false;
            if (board && board->memorySlots && m.modules && *m.modules > *board->memorySlots)
                return false;
            if (m.formFactor.find("SO-DIMM") != std::string::npos)
                return false;
            // One module per channel (two matched DIMMs on a desktop), as memory-channels advises.
            if (!m.modules || !modulesFillChannels(*m.modules, cpu && cpu->memoryChannels ? *cpu->memoryChannels : 2))
                return false;
            return m.totalGb() && *m.totalGb() >= vram;
        }
        default:
            break;
        }
        Build swapped = build;
        bool replaced = false;
        for (BuildItem& item : swapped.items)
            if (item.category == category && !replaced) {
                item = PartChoice{&part, 0}.item();
                replaced = true;
            }
        if (!replaced)
            swapped.items.push_back(PartChoice{&part, 0}.item());
        return acceptableEvaluation(evaluate(swapped, catalog), request.policy);
    };

    std::vector<const OptimizeCandidate*> sorted;
    sorted.reserve(pool.size());
    for (const OptimizeCandidate& c : pool)
        sorted.push_back(&c);
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const OptimizeCandidate* a, const OptimizeCandidate* b) { return a->unitPrice < b->unitPrice; });
    std::vector<PartChoice> out;
    for (const OptimizeCandidate* c : sorted) {
        if (out.size() >= limit)
            break;
        if (accept(*c->part))
            out.push_back(PartChoice{c->part, c->unitPrice});
    }
    return out;
}

}  // namespace mlrig
