#include "core/advise/GpuAdvisor.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>

#include "core/eval/ImageModelPresets.h"
#include "core/eval/Evaluate.h"
#include "core/eval/ResolvedBuild.h"
#include "core/eval/ValueMetrics.h"
#include "core/eval/WorkloadModel.h"
#include "core/model/Build.h"
#include "core/util/Format.h"
#include "core/optimize/Optimizer.h"

namespace mlrig {

// Reading speed is about 5 words (6-7 tokens) per second; below 5 tokens/s an offloaded model is
// not offered as a choice in the GPU ranking (the workload panel still shows its speed).
static constexpr double kMinOffloadTokensPerS = 5.0;


namespace {

bool isGuideFlag(const Finding& f)
{
    return f.rule == "gpu-vendor" || f.rule == "gpu-datacenter" || f.rule == "gpu-workstation";
}

std::string modelLabel(const Workload& workload)
{
    if (workload.kind == WorkloadKind::ImageGeneration) {
        if (const ImageModelSpec* m = findImageModelPreset(workload.model))
            return m->displayName;
    }
    if (const ModelSpec* m = findModelPreset(workload.model))
        return m->displayName;
    return workload.model.empty() ? std::string(workloadKindId(workload.kind)) : workload.model;
}

std::string dollars(double amount)
{
    return "$" + formatWhole(amount);
}

std::string figureText(double value, const std::string& name)
{
    return fmt::format("{:.{}f} {}", value, value < 10 ? 1 : 0, name);
}

}  // namespace

BuildItem GpuSuggestion::item() const
{
    BuildItem line;
    line.category = Category::Gpu;
    line.ref = gpu ? (gpu->info.id.empty() ? gpu->info.name : gpu->info.id) : model;
    line.quantity = count;
    line.condition = condition;
    line.powerLimitW = powerLimitW;
    if (priceSource == PriceSource::User)
        line.price = unitPrice;  // the person's own price travels with the line
    return line;
}

std::string metricExplanation(WorkloadKind kind)
{
    switch (kind) {
    case WorkloadKind::LlmInference:
        return "Generating text is memory-bound: every token reads all the weights, so once the model fits in "
               "VRAM, memory bandwidth sets the tokens per second.";
    case WorkloadKind::LlmFineTune:
        return "Fine-tuning is compute-bound: FP16 tensor throughput sets the speed, and VRAM decides whether the "
               "model, its gradients and optimizer state fit at all.";
    case WorkloadKind::ImageGeneration:
        return "Diffusion steps are compute-bound: FP16 tensor throughput sets images per minute, and the model "
               "has to fit in VRAM.";
    case WorkloadKind::Training:
        return "Training from scratch is compute-bound: FP16 tensor throughput sets the speed, VRAM caps the "
               "model and batch size.";
    case WorkloadKind::General:
        break;
    }
    return "Without a specific model, GPUs are ranked by FP16 tensor throughput; VRAM decides what will fit later.";
}

GpuRanking rankGpus(const Catalog& catalog, const BuildGoal& goal)
{
    if (const std::string problem = validateGoal(goal); !problem.empty())
        throw std::invalid_argument(problem);

    GpuRanking ranking;
    ranking.whyMetric = metricExplanation(goal.workload.kind);

    // One candidate per GPU model: its cheapest priced card (effectivePrice(): market price, else
    // retail snapshot, else the model's MSRP), bought used where the goal allows it and that is cheaper.
    struct Pick {
        const Gpu* gpu;
        double price;
        PriceOrigin origin;
    };
    std::map<std::string, Pick> byModel;
    for (const AnyPart& part : catalog.parts(Category::Gpu)) {
        const Gpu& gpu = std::get<Gpu>(part);
        if (gpu.chipModel.empty() || !gpu.vramGb || !catalog.chip(gpu.chipModel))
            continue;  // only cards linked to a GPU model row: their figures are known
        EffectivePrice price = effectivePrice(part, Condition::New, catalog);
        if (goal.allowUsed) {
            const EffectivePrice used = effectivePrice(part, Condition::Used, catalog);
            if (used.source() == PriceSource::Market && (!price.unitPrice || *used.unitPrice < *price.unitPrice))
                price = used;
        }
        if (!price.unitPrice || *price.unitPrice <= 0)
            continue;
        auto it = byModel.find(gpu.chipModel);
        // A generic model row wins ties: its figures are the reference ones.
        if (it == byModel.end() || *price.unitPrice < it->second.price ||
            (*price.unitPrice == it->second.price && gpu.info.id.starts_with("gpu-model:")))
            byModel[gpu.chipModel] = Pick{&gpu, *price.unitPrice, price.origin};
    }

    // A used card the person found beats any listed price for its model.
    for (const auto& [model, price] : goal.ownGpuPrices) {
        const auto it = byModel.find(model);
        if (it == byModel.end() || !(price > 0))
            continue;
        it->second.price = price;
        it->second.origin = PriceOrigin{};
        it->second.origin.kind = PriceSource::User;
        it->second.origin.condition = Condition::Used;
    }

    std::vector<GpuSuggestion> all;
    std::vector<BuildItem> lines;
    for (const auto& [model, pick] : byModel) {
        GpuSuggestion s;
        s.gpu = pick.gpu;
        s.model = model;
        s.count = goal.gpuCount;
        s.unitPrice = pick.price;
        s.priceSource = pick.origin.kind;
        s.priceOrigin = pick.origin;
        s.condition = pick.origin.kind == PriceSource::Market || pick.origin.kind == PriceSource::User
                          ? pick.origin.condition
                          : Condition::New;
        s.powerLimitW = goalPowerLimitW(goal, pick.gpu->tdpW);
        std::vector<GpuForWorkload> forWorkload;
        appendGpusForWorkload(*pick.gpu, s.count, s.powerLimitW, forWorkload);
        const WorkloadEstimate estimate = estimateWorkload(goal.workload, forWorkload);
        if (ranking.figureName.empty())
            ranking.figureName = estimate.figureOfMerit;
        s.fits = estimate.fits;
        s.placement = estimate.placement;
        s.llamaCppFlags = estimate.llamaCppFlags;
        s.vramGb = estimate.vramAvailableGb;
        s.neededGb = estimate.vramNeededGb;
        s.figure = estimate.figureValue;
        if (s.figure && s.gpuCost() > 0)
            s.figurePerDollar = *s.figure / s.gpuCost();

        Build alone;
        alone.items.push_back(s.item());
        for (const Finding& f : evaluate(alone, catalog).findings)
            if (isGuideFlag(f))
                s.flags.push_back(f);
        lines.push_back(s.item());
        all.push_back(std::move(s));
    }

    OptimizeRequest platformRequest;
    platformRequest.workload = goal.workload;
    platformRequest.maxGpus = goal.gpuCount;
    platformRequest.allowUsed = goal.allowUsed;
    const std::vector<PlatformQuote> quotes = quotePlatforms(catalog, platformRequest, lines);
    for (size_t i = 0; i < all.size(); ++i) {
        if (!quotes[i].feasible)
            continue;
        all[i].buildCost = all[i].gpuCost() + quotes[i].platformCost;
        all[i].withinBudget = *all[i].buildCost <= goal.budget + 1e-6;
        // An LLM that does not fit the VRAM may still run with part of it in system RAM: the offload
        // verdict and speed use the quoted platform's CPU and memory. When its RAM is too small, the
        // estimate assumes the RAM the model needs (rounded up to 16 GB steps) and says so.
        if (!all[i].fits && all[i].placement == "offload") {
            const ResolvedBuild resolved = resolve(quotes[i].build, catalog);
            HostForWorkload host = hostForWorkload(resolved);
            std::vector<GpuForWorkload> forWorkload;
            appendGpusForWorkload(*all[i].gpu, all[i].count, all[i].powerLimitW, forWorkload);
            WorkloadEstimate e = estimateWorkload(goal.workload, forWorkload, host);
            const Motherboard* board = resolved.firstAs<Motherboard>(Category::Motherboard);
            const double wanted = e.ramGbNeeded ? std::ceil((*e.ramGbNeeded + 4.0) / 16.0) * 16.0 : 0.0;
            if (e.placement == "none" && e.ramGbNeeded && host.ramGb && board && board->maxMemoryGb &&
                wanted <= *board->maxMemoryGb) {
                host.ramGb = wanted;  // the board takes that much; the platform step will have to pick it
                e = estimateWorkload(goal.workload, forWorkload, host);
                all[i].needsMoreRam = true;
            }
            all[i].placement = e.placement;
            all[i].llamaCppFlags = e.llamaCppFlags;
            all[i].ramGb = host.ramGb;
            // An offloaded model counts as an option when it decodes at least at reading speed; a dense
            // 70B model crawling from RAM at 1-2 tokens/s runs, but is no answer to "which GPU".
            all[i].fits = e.placement == "offload" && e.decodeTokensPerS && *e.decodeTokensPerS >= kMinOffloadTokensPerS;
            all[i].figure = all[i].fits ? e.figureValue : std::nullopt;
            all[i].figurePerDollar.reset();
            if (all[i].figure && all[i].gpuCost() > 0)
                all[i].figurePerDollar = *all[i].figure / all[i].gpuCost();
        }
    }

    // For compute-bound work the gpu-vendor warning is advice the ranking follows: a card that
    // carries it comes after every NVIDIA card that also runs the workload within the budget.
    const bool cudaFirst = !goal.otherVendorsEqual && (goal.workload.kind == WorkloadKind::LlmFineTune ||
                                                       goal.workload.kind == WorkloadKind::Training ||
                                                       goal.workload.kind == WorkloadKind::ImageGeneration);
    const auto group = [cudaFirst](const GpuSuggestion& s) {
        if (s.recommended()) {
            const bool vendorFlag = std::any_of(s.flags.begin(), s.flags.end(),
                                                [](const Finding& f) { return f.rule == "gpu-vendor"; });
            return cudaFirst && vendorFlag ? 1 : 0;
        }
        if (s.fits && s.buildCost && s.figure)
            return 2;
        return 3;
    };
    std::stable_sort(all.begin(), all.end(), [&](const GpuSuggestion& a, const GpuSuggestion& b) {
        const int ga = group(a), gb = group(b);
        if (ga != gb)
            return ga < gb;
        if (ga <= 1 && *a.figure != *b.figure)
            return *a.figure > *b.figure;
        if (ga == 2 && *a.buildCost != *b.buildCost)
            return *a.buildCost < *b.buildCost;
        if (ga == 3 && a.vramGb != b.vramGb)
            return a.vramGb > b.vramGb;
        const double ca = a.buildCost.value_or(a.gpuCost() + 1e9), cb = b.buildCost.value_or(b.gpuCost() + 1e9);
        return ca != cb ? ca < cb : a.model < b.model;
    });
    ranking.suggestions = std::move(all);

    const auto& list = ranking.suggestions;
    for (size_t i = 0; i < list.size() && list[i].recommended(); ++i) {
        ++ranking.recommendedCount;
        if (list[i].figurePerDollar &&
            (!ranking.bestValue || *list[i].figurePerDollar > *list[*ranking.bestValue].figurePerDollar))
            ranking.bestValue = i;
    }

    const std::string model = modelLabel(goal.workload);
    const std::string cards = goal.gpuCount == 2 ? "two cards" : "one card";
    const std::string budget = dollars(goal.budget);
    if (ranking.recommendedCount > 0) {
        const GpuSuggestion& top = list.front();
        ranking.verdict = fmt::format("{} GPU option{} run{} {} on {} within {}. Fastest: {} (about {}, build {}).",
                                      ranking.recommendedCount, ranking.recommendedCount == 1 ? "" : "s",
                                      ranking.recommendedCount == 1 ? "s" : "", model, cards, budget, top.model,
                                      figureText(*top.figure, ranking.figureName), dollars(*top.buildCost));
    } else {
        std::optional<double> nearest;
        const GpuSuggestion* cheapest = nullptr;
        for (const GpuSuggestion& s : list)
            if (s.fits && s.buildCost && (!nearest || *s.buildCost < *nearest)) {
                nearest = s.buildCost;
                cheapest = &s;
            }
        ranking.nearestBudget = nearest;
        // Two cards are the classic answer for a model that no one card within the budget holds
        // (two used 24 GB cards for a 70B model): look before saying "raise the budget".
        if (goal.gpuCount == 1) {
            BuildGoal two = goal;
            two.gpuCount = 2;
            const GpuRanking pair = rankGpus(catalog, two);
            if (pair.recommendedCount > 0) {
                ranking.twoGpuOptions = pair.recommendedCount;
                ranking.bestTwoGpu = pair.suggestions.front();
                const GpuSuggestion& top = *ranking.bestTwoGpu;
                ranking.verdict = fmt::format(
                    "No single GPU within {} runs {}, but two identical cards do: {} option{}, fastest 2 x {} "
                    "(about {}, build {}). Choose \"Two identical GPUs\" on the budget step.",
                    budget, model, pair.recommendedCount, pair.recommendedCount == 1 ? "" : "s", top.model,
                    figureText(*top.figure, ranking.figureName), dollars(*top.buildCost));
                return ranking;
            }
        }
        if (cheapest)
            ranking.verdict = fmt::format(
                "No build within {} runs {} on {}. The cheapest that does costs {} (with {}): raise the budget to "
                "about {}, or choose a smaller model or quantization.",
                budget, model, cards, dollars(*nearest), cheapest->model,
                dollars(std::ceil(*nearest / 50.0) * 50.0));
        else
            ranking.verdict = fmt::format(
                "No GPU in the catalog runs {} on {}: choose a smaller model, a stronger quantization, a shorter "
                "context{}.",
                model, cards, goal.gpuCount == 1 ? " or two GPUs" : "");
    }
    return ranking;
}

}  // namespace mlrig
