#include "core/eval/ValueMetrics.h"

#include "core/eval/Evaluate.h"

#include <algorithm>
#include <exception>

#include "core/eval/PowerModel.h"
#include "core/eval/ResolvedBuild.h"
#include "core/eval/WorkloadModel.h"

namespace mlrig {
namespace {

std::optional<double> perDollar(std::optional<double> figure, std::optional<double> price)
{
    if (!figure || !price || *price <= 0)
        return std::nullopt;
    return *figure / *price;
}

}  // namespace

CostSummary computeCost(const Build& build, const ResolvedBuild& resolved, const Catalog& catalog)
{
    CostSummary cost;
    cost.currency = build.currency;
    cost.lines.reserve(resolved.items.size());
    for (const ResolvedItem& r : resolved.items) {
        CostLine line;
        line.category = r.item->category;
        line.name = r.part ? infoOf(*r.part).name : r.item->ref;
        line.quantity = r.item->quantity;
        const EffectivePrice price = effectivePrice(*r.item, r.part, catalog, build.currency);
        line.unitPrice = price.unitPrice;
        line.source = price.source();
        line.origin = price.origin;
        if (price.unitPrice) {
            line.lineTotal = *price.unitPrice * line.quantity;
            if (price.origin.currency == cost.currency)
                cost.total += line.lineTotal;
            else
                ++cost.otherCurrencyLines;  // shown in its own currency, never added as if it were ours
        } else {
            ++cost.missingPrices;
        }
        cost.lines.push_back(std::move(line));
    }
    return cost;
}

GpuValue gpuValueAt(const Gpu& gpu, std::optional<double> unitPrice, const PriceOrigin& origin)
{
    GpuValue v;
    v.name = gpu.info.name;
    v.price = unitPrice;
    v.priceSource = unitPrice ? origin.kind : PriceSource::Unknown;
    v.priceOrigin = origin;
    v.tflopsPerDollar = perDollar(gpu.fp16TensorTflops, unitPrice);
    v.bandwidthGbsPerDollar = perDollar(gpu.memoryBandwidthGbs, unitPrice);
    v.vramGbPerDollar = perDollar(gpu.vramGb, unitPrice);
    return v;
}

ValueSummary computeValue(const ResolvedBuild& resolved, const CostSummary& cost,
                          const std::optional<WorkloadEstimate>& workload)
{
    ValueSummary value;
    double gpuCost = 0;
    double tflops = 0;
    double vram = 0;
    bool allPriced = true;
    bool allTflops = true;
    bool allVram = true;
    for (size_t i = 0; i < resolved.items.size(); ++i) {
        const ResolvedItem& r = resolved.items[i];
        if (r.item->category != Category::Gpu || !r.part)
            continue;
        const Gpu& gpu = std::get<Gpu>(*r.part);
        const CostLine& line = cost.lines[i];
        value.gpus.push_back(gpuValueAt(gpu, line.unitPrice, line.origin));
        const int q = r.item->quantity;
        if (line.unitPrice && line.origin.currency == cost.currency)
            gpuCost += *line.unitPrice * q;
        else
            allPriced = false;
        if (gpu.fp16TensorTflops)
            tflops += *gpu.fp16TensorTflops * q;
        else
            allTflops = false;
        if (gpu.vramGb)
            vram += *gpu.vramGb * q;
        else
            allVram = false;
    }
    if (value.gpus.empty() || !allPriced || gpuCost <= 0)
        return value;
    const bool decode = workload && workload->decodeTokensPerS;
    if (allTflops)
        value.gpusTflopsPerDollar = tflops / gpuCost;
    if (allVram)
        value.gpusVramGbPerDollar = vram / gpuCost;
    if (decode) {
        value.gpusTokensPerSPerDollar = *workload->decodeTokensPerS / gpuCost;
        if (value.gpus.size() == 1)
            value.gpus.front().tokensPerSPerDollar = value.gpusTokensPerSPerDollar;
    }
    // Per dollar of the whole build only when every line has a price: a partial total would
    // flatter the figure.
    if (cost.missingPrices > 0 || cost.total <= 0)
        return value;
    if (allTflops)
        value.wholeBuildTflopsPerDollar = tflops / cost.total;
    if (allVram)
        value.wholeBuildVramGbPerDollar = vram / cost.total;
    if (decode)
        value.wholeBuildTokensPerSPerDollar = *workload->decodeTokensPerS / cost.total;
    return value;
}

void appendGpusForWorkload(const Gpu& gpu, int quantity, std::optional<double> powerLimitW,
                           std::vector<GpuForWorkload>& out)
{
    const int perBoard = std::max(gpu.gpusPerBoard, 1);
    const double share = 1.0 / perBoard;
    const auto scaled = [share](std::optional<double> v) -> std::optional<double> {
        if (!v || !(*v > 0))  // a 0 figure from a custom part means "none"; the workload model wants > 0
            return std::nullopt;
        return *v * share;
    };
    GpuForWorkload one;
    one.name = gpu.info.name;
    one.vramGb = gpu.vramGb.value_or(0) * share;
    one.memoryBandwidthGbs = scaled(gpu.memoryBandwidthGbs);
    one.fp16TensorTflops = scaled(gpu.fp16TensorTflops);
    one.fp32Tflops = scaled(gpu.fp32Tflops);
    one.performanceScale = powerLimitW ? std::max(retainedPerformance(gpu, *powerLimitW), 0.05) : 1.0;
    one.nvlink = gpu.nvlink.value_or(false);
    one.vendor = gpu.vendor;
    one.chipModel = gpu.chipModel;
    one.architecture = gpu.architecture;
    one.gpuClass = gpu.gpuClass;
    for (int i = 0; i < quantity * perBoard; ++i)
        out.push_back(one);
}

std::vector<GpuValueRow> gpuValueTable(const Catalog& catalog, const std::optional<Workload>& workload,
                                       Condition condition)
{
    std::vector<GpuValueRow> rows;
    // The model rows only: they are in memory from the app's first moment (Catalog::gpuModelParts).
    for (const AnyPart& part : catalog.gpuModelParts()) {
        const Gpu& gpu = std::get<Gpu>(part);
        if (!gpu.info.id.starts_with("gpu-model:"))
            continue;
        GpuValueRow row;
        row.gpu = &gpu;
        row.model = gpu.chipModel.empty() ? gpu.info.name : gpu.chipModel;
        row.fp16TensorTflops = gpu.fp16TensorTflops;
        row.memoryBandwidthGbs = gpu.memoryBandwidthGbs;
        row.vramGb = gpu.vramGb;
        const EffectivePrice price = effectivePrice(part, condition, catalog);
        row.value = gpuValueAt(gpu, price.unitPrice, price.origin);
        if (workload && gpu.vramGb) {
            std::vector<GpuForWorkload> one;
            appendGpusForWorkload(gpu, 1, std::nullopt, one);
            try {
                const WorkloadEstimate estimate = estimateWorkload(*workload, one);
                row.fits = estimate.fits;
                row.decodeTokensPerS = estimate.decodeTokensPerS;
                row.figureName = estimate.figureOfMerit;
                if (estimate.fits) {
                    row.value.tokensPerSPerDollar = perDollar(estimate.decodeTokensPerS, price.unitPrice);
                    row.figure = estimate.figureValue;
                    row.figurePerDollar = perDollar(estimate.figureValue, price.unitPrice);
                }
            } catch (const std::exception&) {
                row.fits = false;  // an unknown model or quant: no speed figure for any row
            }
        }
        // The card alone in a build: the rules' verdict on the GPU model itself.
        Build alone;
        BuildItem line;
        line.category = Category::Gpu;
        line.ref = gpu.info.id;
        alone.items.push_back(std::move(line));
        for (Finding& f : evaluate(alone, catalog).findings)
            if (f.severity == Severity::Warning &&
                (f.rule == "gpu-vendor" || f.rule == "gpu-datacenter" || f.rule == "gpu-workstation"))
                row.warnings.push_back(std::move(f));
        rows.push_back(std::move(row));
    }
    return rows;
}

}  // namespace mlrig
