#include "core/optimize/GpuOptions.h"

#include <cmath>
#include <map>
#include <tuple>

#include "core/util/TextUtil.h"
#include "core/eval/PowerModel.h"
#include "core/eval/ValueMetrics.h"
#include "core/eval/WorkloadModel.h"

namespace mlrig::optimizer {
namespace {

constexpr double kAdapterFourPinAboveW = 450;  // as psu-connectors: 4 leads per 12VHPWR input above 450 W

// Everything of a GPU the workload model reads, for memoising estimates.
auto figureKey(const Gpu& g, int n)
{
    return std::make_tuple(n, g.vramGb.value_or(-1), g.memoryBandwidthGbs.value_or(-1), g.fp16TensorTflops.value_or(-1),
                           g.fp32Tflops.value_or(-1), g.nvlink.value_or(false), static_cast<int>(g.vendor), g.gpusPerBoard,
                           g.architecture, static_cast<int>(g.gpuClass), g.chipModel);
}

}  // namespace

GpuSpec gpuSpec(const Gpu& g, int n)
{
    GpuSpec s;
    s.n = n;
    s.length = g.lengthMm;
    if (g.slotWidth)
        s.widthSlots = static_cast<int>(std::ceil(*g.slotWidth - 0.05)) * n;
    s.sustainedW = n * gpuSustainedW(g, std::nullopt);
    s.peakW = n * gpuPeakW(g, std::nullopt);
    s.connectorsKnown = g.pcie8pin || g.pcie6pin || g.pcie12vhpwr;
    if (s.connectorsKnown) {
        s.need8 = (g.pcie8pin.value_or(0) + g.pcie6pin.value_or(0)) * n;
        const int inputs12 = g.pcie12vhpwr.value_or(0);
        s.need12 = inputs12 * n;
        if (inputs12 > 0) {
            const double perInput = g.tdpW ? *g.tdpW / inputs12 : 600;
            s.leadPerAdapter = perInput > kAdapterFourPinAboveW ? 4 : 3;
        }
    }
    if (g.vramGb)
        s.vram = *g.vramGb * n;
    return s;
}

bool gpuHasIntrinsicError(const Gpu& g)
{
    // gpu-datacenter: Kepler datacentre cards are an error whatever the platform.
    return g.gpuClass == GpuClass::Datacenter && foldName(g.architecture) == "kepler";
}

std::vector<GpuOption> gpuOptions(const std::vector<OptimizeCandidate>& gpus, const OptimizeRequest& request,
                                  OptimizeResult& result)
{
    std::vector<GpuOption> options;
    result.stats.gpuCandidates = gpus.size();
    // Reduce cards: same figure inputs, and no worse for the platform at no higher price.
    struct GpuA {
        int cand;
        double cost;
        decltype(figureKey(Gpu{}, 1)) fkey;
        GpuSpec spec;  // for one card
        bool pinned;
    };
    std::vector<GpuA> cards;
    for (int i = 0; i < static_cast<int>(gpus.size()); ++i) {
        const Gpu& g = std::get<Gpu>(*gpus[i].part);
        if (gpuHasIntrinsicError(g))
            continue;
        cards.push_back({i, gpus[i].unitPrice, figureKey(g, 1), gpuSpec(g, 1), gpus[i].pinned});
    }
    cards = paretoReduce(std::move(cards), [](const GpuA& a, const GpuA& b) {
        const GpuSpec& x = a.spec;
        const GpuSpec& y = b.spec;
        return a.cost <= b.cost && a.fkey == b.fkey && optLe(x.length, y.length) &&
               x.widthSlots.has_value() == y.widthSlots.has_value() &&
               (!x.widthSlots || *x.widthSlots <= *y.widthSlots) && x.sustainedW <= y.sustainedW &&
               x.peakW <= y.peakW && x.connectorsKnown == y.connectorsKnown && x.need12 == y.need12 &&
               x.need8 <= y.need8 && x.leadPerAdapter <= y.leadPerAdapter && x.vram == y.vram;
    });
    result.stats.reduced[ix(Category::Gpu)] = cards.size();

    std::map<decltype(figureKey(Gpu{}, 1)), WorkloadEstimate> estimates;
    for (const GpuA& card : cards) {
        const OptimizeCandidate& cand = gpus[static_cast<size_t>(card.cand)];
        const Gpu& g = std::get<Gpu>(*cand.part);
        const int minN = cand.pinned ? cand.item.quantity : 1;
        const int maxN = cand.pinned ? cand.item.quantity : request.maxGpus;
        for (int n = minN; n <= maxN; ++n) {
            GpuOption o;
            o.cand = card.cand;
            o.n = n;
            o.gpuCost = cand.unitPrice * n;
            o.spec = gpuSpec(g, n);
            const auto key = figureKey(g, n);
            auto it = estimates.find(key);
            if (it == estimates.end()) {
                std::vector<GpuForWorkload> forWorkload;
                appendGpusForWorkload(g, n, std::nullopt, forWorkload);
                it = estimates.emplace(key, estimateWorkload(request.workload, forWorkload)).first;
                if (result.figureName.empty())
                    result.figureName = it->second.figureOfMerit;
            }
            o.fits = it->second.fits;
            o.figure = it->second.figureValue;
            o.vram = it->second.vramAvailableGb;
            options.push_back(o);
        }
    }
    result.stats.gpuOptions = options.size();
    return options;
}

}  // namespace mlrig::optimizer
