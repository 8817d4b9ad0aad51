// GPU rules: physical fit in board and case, lanes, multi-GPU, and which cards suit ML work.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/util/TextUtil.h"
#include "core/eval/EffectivePrice.h"
#include "core/eval/Rules.h"

namespace mlrig::rules {
namespace {

constexpr double kGpuLengthMarginMm = 10;  // room wanted beyond the card for its power cables
constexpr int kConsumerMaxGpus = 2;
constexpr int kHedtCpuLanes = 48;  // CPUs with this many lanes (Threadripper, Xeon W, EPYC) are not consumer platforms

std::string dollars(double value)
{
    return "$" + num(value);
}

void gpuLength(Context& c)
{
    if (!c.pcCase)
        return;
    for (const GpuLine& line : c.gpus) {
        const Gpu& g = *line.gpu;
        if (!g.lengthMm || !c.pcCase->maxGpuLengthMm) {
            c.unchecked(fmt::format("{} unknown: GPU length not checked",
                                    !g.lengthMm ? "length of " + g.info.name
                                                : "GPU clearance of " + c.pcCase->info.name));
            continue;
        }
        const double spare = *c.pcCase->maxGpuLengthMm - *g.lengthMm;
        if (spare < 0)
            c.add("gpu-length", Severity::Error,
                  fmt::format("GPU {} is {} mm long, but case {} fits cards up to {} mm ({} mm too long).", g.info.name,
                              num(*g.lengthMm), c.pcCase->info.name, num(*c.pcCase->maxGpuLengthMm), num(-spare)),
                  {Category::Gpu, Category::Case});
        else if (spare < kGpuLengthMarginMm)
            c.add("gpu-length", Severity::Warning,
                  fmt::format("GPU {} ({} mm) fits case {} ({} mm clearance) with only {} mm to spare; power cables "
                              "plugged into the end of the card may not fit.",
                              g.info.name, num(*g.lengthMm), c.pcCase->info.name, num(*c.pcCase->maxGpuLengthMm),
                              num(spare)),
                  {Category::Gpu, Category::Case});
    }
}

void gpuSlots(Context& c)
{
    if (c.gpus.empty())
        return;
    if (c.board) {
        if (!c.board->pcieX16Slots)
            c.unchecked(fmt::format("x16 slot count of {} unknown: GPU slots on the board not checked",
                                    c.board->info.name));
        else if (c.gpuCards > *c.board->pcieX16Slots)
            c.add("gpu-slots", Severity::Error,
                  fmt::format("{} GPUs need {} x16 slots, but motherboard {} has {}.", c.gpuCards, c.gpuCards,
                              c.board->info.name, *c.board->pcieX16Slots),
                  {Category::Gpu, Category::Motherboard});
    }
    if (!c.pcCase)
        return;
    int widthSlots = 0;
    for (const GpuLine& line : c.gpus) {
        if (!line.gpu->slotWidth) {
            c.unchecked(fmt::format("slot width of {} unknown: expansion slots not checked", line.gpu->info.name));
            return;
        }
        widthSlots += static_cast<int>(std::ceil(*line.gpu->slotWidth - 0.05)) * line.item->quantity;
    }
    if (!c.pcCase->expansionSlots) {
        c.unchecked(fmt::format("expansion slot count of {} unknown: GPU width not checked", c.pcCase->info.name));
        return;
    }
    const int slots = *c.pcCase->expansionSlots;
    std::string widths;
    for (const GpuLine& line : c.gpus) {
        for (int i = 0; i < line.item->quantity; ++i)
            widths += (widths.empty() ? "" : " + ") + num(*line.gpu->slotWidth);
    }
    if (widthSlots > slots)
        c.add("gpu-slots", Severity::Error,
              fmt::format("The GPU coolers cover {} expansion slots ({}), but case {} has {}.", widthSlots, widths,
                          c.pcCase->info.name, slots),
              {Category::Gpu, Category::Case});
    else if (c.gpuCards >= 2 && widthSlots == slots)
        c.add("gpu-slots", Severity::Warning,
              fmt::format("The GPU coolers take all {} expansion slots of case {} ({}): the cards sit with no gap, the "
                          "upper one draws hot air from the lower one, and the board's x16 slots must be spaced "
                          "exactly right.",
                          slots, c.pcCase->info.name, widths),
              {Category::Gpu, Category::Case, Category::Motherboard});
}

void gpuCount(Context& c)
{
    if (c.gpuCards <= kConsumerMaxGpus)
        return;
    if (c.cpu && c.cpu->pcieLanes && *c.cpu->pcieLanes >= kHedtCpuLanes)
        return;  // workstation platform with lanes for more cards
    c.add("gpu-count", Severity::Warning,
          fmt::format("{} GPUs on a consumer platform: there is slot room and CPU lanes for two. More cards usually "
                      "need PCIe riser cables and an open frame, and each card gets x4 or fewer lanes; a "
                      "workstation platform (Threadripper, Xeon W) suits {} GPUs better.",
                      c.gpuCards, c.gpuCards),
          {Category::Gpu, Category::Motherboard, Category::Cpu});
}

void pcieLanes(Context& c)
{
    if (c.gpus.empty())
        return;
    if (c.gpuCards >= 2 && c.board) {
        if (!c.board->x8x8Bifurcation)
            c.unchecked(fmt::format("x8/x8 support of {} unknown: lanes for the second GPU not checked",
                                    c.board->info.name));
        else if (!*c.board->x8x8Bifurcation)
            c.add("pcie-lanes", Severity::Warning,
                  fmt::format("Motherboard {} cannot split the CPU's x16 link into x8/x8, so the second GPU runs at x4 "
                              "through the chipset: model loading and GPU-to-GPU traffic slow down. A board with x8/x8 "
                              "bifurcation avoids this.",
                              c.board->info.name),
                  {Category::Motherboard, Category::Gpu});
    }
    if (!c.cpu)
        return;
    if (!c.cpu->pcieLanes) {
        c.unchecked(fmt::format("PCIe lanes of {} unknown: CPU lanes not checked", c.cpu->info.name));
        return;
    }
    const int needed = c.gpuCards == 1 ? 16 : 8 * c.gpuCards;
    if (*c.cpu->pcieLanes < needed)
        c.add("pcie-lanes", c.gpuCards == 1 ? Severity::Note : Severity::Warning,
              fmt::format("CPU {} provides {} PCIe lanes; {} GPU{} at full x{} need {}, so the cards run with fewer "
                          "lanes.",
                          c.cpu->info.name, *c.cpu->pcieLanes, c.gpuCards, c.gpuCards == 1 ? "" : "s",
                          c.gpuCards == 1 ? 16 : 8, needed),
              {Category::Cpu, Category::Gpu});
}

// Boards with two GPUs that are not datacentre cards (dual Arc Pro B60 boards) carry no PCIe switch:
// they split their x16 slot into x8 + x8, one link per GPU, which the motherboard's BIOS must offer
// for that slot. Without it only one GPU shows up. The datacentre rule covers the K80, which has a switch.
void multiGpuBoard(Context& c)
{
    for (const GpuLine& line : c.gpus) {
        const Gpu& g = *line.gpu;
        if (g.gpusPerBoard < 2 || g.gpuClass == GpuClass::Datacenter)
            continue;
        const std::string each = g.vramGb ? fmt::format(" with {} GB each", num(*g.vramGb / g.gpusPerBoard)) : "";
        std::string board = c.board ? "motherboard " + c.board->info.name : std::string("the motherboard");
        c.add("pcie-lanes", Severity::Note,
              fmt::format("{} is {} GPUs on one card{}: it splits its x16 slot into one x8 link per GPU, so {} must "
                          "support bifurcating that slot (x8/x8 in the BIOS), or only one GPU is seen. The system "
                          "sees separate GPUs; a model larger than one GPU's memory is split across them.",
                          g.info.name, g.gpusPerBoard, each, board),
              {Category::Gpu, Category::Motherboard});
    }
}

void gpuVendor(Context& c)
{
    for (const GpuLine& line : c.gpus) {
        const Gpu& g = *line.gpu;
        if (g.vendor == Vendor::Amd)
            c.add("gpu-vendor", Severity::Warning,
                  fmt::format("{} is an AMD card. ML frameworks reach it through ROCm, which officially covers only "
                              "some Radeon models, and many fast kernels and tools are written for CUDA only; expect "
                              "setup work and lower real-world speed than its specifications suggest.",
                              g.info.name),
                  {Category::Gpu});
        else if (g.vendor == Vendor::Intel)
            c.add("gpu-vendor", Severity::Warning,
                  fmt::format("{} is an Intel card. PyTorch and Triton have Intel backends, but many ML tools support "
                              "only CUDA, and large single allocations have been a known problem; expect gaps.",
                              g.info.name),
                  {Category::Gpu});
    }
}

void gpuDatacenter(Context& c)
{
    for (const GpuLine& line : c.gpus) {
        const Gpu& g = *line.gpu;
        if (g.gpuClass != GpuClass::Datacenter)
            continue;
        std::vector<std::string> reasons;
        Severity severity = Severity::Warning;
        const std::string arch = foldName(g.architecture);
        if (arch == "kepler") {
            severity = Severity::Error;
            reasons.push_back("its Kepler generation is no longer supported by current CUDA releases or PyTorch "
                              "builds and has no FP16 arithmetic");
        } else if (!g.fp16TensorTflops) {
            std::string reason = "its FP16 matrix maths runs at a small fraction of a modern card's speed";
            if (const GpuChip* chip = c.catalog.chip(g.chipModel); chip && !chip->tensorNote.empty())
                reason += " (" + chip->tensorNote + ")";
            else
                reason += " (no tensor cores)";
            reasons.push_back(std::move(reason));
        }
        if (g.gpusPerBoard > 1)
            reasons.push_back(fmt::format("it is {} GPUs on one board{}, so anything larger than one half must be "
                                          "split across them",
                                          g.gpusPerBoard,
                                          g.vramGb ? fmt::format(" with {} GB each", num(*g.vramGb / g.gpusPerBoard))
                                                   : std::string()));
        if (g.cooling == Cooling::Passive)
            reasons.push_back("it is passively cooled and relies on server fans pushing air through it; in a desktop "
                              "case it overheats unless you fit a ducted blower");
        if (reasons.empty())
            continue;
        std::string message = fmt::format("{} is a datacentre card: ", g.info.name);
        for (size_t i = 0; i < reasons.size(); ++i)
            message += (i == 0 ? "" : (i + 1 == reasons.size() ? "; and " : "; ")) + reasons[i];
        message += ". A recent consumer NVIDIA card is usually the better buy unless only the VRAM matters.";
        c.add("gpu-datacenter", severity, std::move(message), {Category::Gpu});
    }
}

double peakTensor(const GpuChip& chip)
{
    return std::max(chip.fp16TensorTflops.value_or(0), chip.fp16TensorTflopsFp16Acc.value_or(0));
}

// The consumer card of the same vendor and generation whose tensor throughput is closest. Consumer
// cards halve FP16 tensor speed with FP32 accumulate, workstation cards do not, so the chips are
// compared at their full rate (the larger of the two figures).
const GpuChip* consumerTwin(const Catalog& catalog, const Gpu& gpu)
{
    const std::string arch = foldName(gpu.architecture);
    if (arch.empty())
        return nullptr;
    double own = gpu.fp16TensorTflops.value_or(0);
    if (const GpuChip* chip = catalog.chip(gpu.chipModel))
        own = std::max(own, peakTensor(*chip));
    const GpuChip* best = nullptr;
    double bestDistance = std::numeric_limits<double>::infinity();
    for (const GpuChip& chip : catalog.chips()) {
        if (chip.gpuClass != GpuClass::Consumer || chip.vendor != gpu.vendor || foldName(chip.architecture) != arch)
            continue;
        double distance = 1e6;
        if (own > 0 && peakTensor(chip) > 0)
            distance = std::fabs(peakTensor(chip) - own);
        else if (gpu.vramGb && chip.vramGb)
            distance = 1000 + std::fabs(*chip.vramGb - *gpu.vramGb);
        if (distance < bestDistance) {
            best = &chip;
            bestDistance = distance;
        }
    }
    return best;
}

std::string figure(std::optional<double> value, std::string_view unit)
{
    return value ? num(*value) + " " + std::string(unit) : "unknown " + std::string(unit);
}

void gpuWorkstation(Context& c)
{
    for (const GpuLine& line : c.gpus) {
        const Gpu& g = *line.gpu;
        if (g.gpuClass != GpuClass::Workstation)
            continue;
        const GpuChip* twin = consumerTwin(c.catalog, g);
        if (!twin) {
            c.add("gpu-workstation", Severity::Note,
                  fmt::format("{} is a workstation card: it usually costs several times more than a consumer card of "
                              "the same generation and has less memory bandwidth; it pays off only when you need its "
                              "VRAM.",
                              g.info.name),
                  {Category::Gpu});
            continue;
        }
        const std::string price = line.unitPrice
                                      ? dollars(*line.unitPrice) +
                                            (line.priceSource == PriceSource::Msrp ? " (MSRP)" : std::string())
                                      : std::string("an unknown price");
        // The twin at the price a new one goes for (effectivePrice(): market, else MSRP), said which.
        const AnyPart* twinPart = c.catalog.find(Category::Gpu, twin->model);
        const EffectivePrice twinEffective =
            twinPart ? effectivePrice(*twinPart, Condition::New, c.catalog) : EffectivePrice{};
        const std::string twinPrice =
            !twinEffective.unitPrice ? std::string("an unknown price")
            : twinEffective.source() == PriceSource::Msrp
                ? dollars(*twinEffective.unitPrice) + " (MSRP)"
                : dollars(*twinEffective.unitPrice) + " (" + priceOriginLabel(twinEffective.origin) + ")";
        const bool muchDearer =
            line.unitPrice && twinEffective.unitPrice && *line.unitPrice >= 2 * *twinEffective.unitPrice;
        c.add("gpu-workstation", muchDearer ? Severity::Warning : Severity::Note,
              fmt::format("{} is a workstation card at {} with {} and {}. Its consumer counterpart {} ({} generation, "
                          "{} vs {} FP16 tensor) costs {} with {} and {}. Pay the premium only if you need the "
                          "extra VRAM or the compact blower design.",
                          g.info.name, price, figure(g.memoryBandwidthGbs, "GB/s"), figure(g.vramGb, "GB"), twin->model,
                          twin->architecture, figure(g.fp16TensorTflops, "TFLOPS"),
                          figure(twin->fp16TensorTflops, "TFLOPS"), twinPrice, figure(twin->memoryBandwidthGbs, "GB/s"),
                          figure(twin->vramGb, "GB")),
              {Category::Gpu});
    }
}

std::string modelKey(const Gpu& g)
{
    return foldName(g.chipModel.empty() ? g.info.name : g.chipModel);
}

void gpuMixed(Context& c)
{
    if (c.gpus.size() < 2)
        return;
    const std::string first = modelKey(*c.gpus.front().gpu);
    bool mixed = false;
    bool mixedArch = false;
    for (const GpuLine& line : c.gpus) {
        if (modelKey(*line.gpu) != first)
            mixed = true;
        const std::string& a = line.gpu->architecture;
        const std::string& b = c.gpus.front().gpu->architecture;
        if (!a.empty() && !b.empty() && !equalsFolded(a, b))
            mixedArch = true;
    }
    if (!mixed)
        return;
    std::string list;
    for (const GpuLine& line : c.gpus) {
        const Gpu& g = *line.gpu;
        list += (list.empty() ? "" : ", ") +
                fmt::format("{}{}{}", gpuLabel(line), g.vramGb ? " (" + num(*g.vramGb) + " GB" : std::string(),
                            g.vramGb ? (g.architecture.empty() ? ")" : ", " + g.architecture + ")") : std::string());
    }
    c.add("gpu-mixed", mixedArch ? Severity::Warning : Severity::Note,
          fmt::format("The build mixes GPU models: {}. A job split across them runs at the pace of the slowest card "
                      "and the smallest memory{}.",
                      list, mixedArch ? ", and features missing on the older generation are off for all" : ""),
          {Category::Gpu});
}

void nvlink(Context& c)
{
    if (c.gpuCards < 2)
        return;
    bool allNvlink = true;
    for (const GpuLine& line : c.gpus) {
        if (!line.gpu->nvlink) {
            c.unchecked(fmt::format("NVLink support of {} unknown: GPU interconnect assumed to be PCIe",
                                    line.gpu->info.name));
            allNvlink = false;
        } else if (!*line.gpu->nvlink) {
            allNvlink = false;
        }
    }
    const bool sameModel = std::all_of(c.gpus.begin(), c.gpus.end(), [&](const GpuLine& l) {
        return modelKey(*l.gpu) == modelKey(*c.gpus.front().gpu);
    });
    if (allNvlink && sameModel) {
        c.add("nvlink", Severity::Note,
              fmt::format("These {} cards support NVLink: a bridge links {} at roughly 56 GB/s each way, which "
                          "helps tensor-parallel inference and training. Buy the bridge that matches the distance "
                          "between the board's slots (3- or 4-slot).",
                          c.gpus.front().gpu->info.name, c.gpuCards == 2 ? "the pair" : "cards in pairs"),
              {Category::Gpu, Category::Motherboard});
        return;
    }
    c.add("nvlink", Severity::Note,
          fmt::format("The {} GPUs talk over PCIe (no NVLink), about 12 GB/s each way at PCIe 4.0 x8. Splitting a "
                      "model by layers (pipeline) or training data-parallel works well over that; tensor-parallel "
                      "serving and training exchange far more data and lose speed.",
                      c.gpuCards),
          {Category::Gpu});
}

}  // namespace

void checkGpus(Context& context)
{
    gpuLength(context);
    gpuSlots(context);
    gpuCount(context);
    pcieLanes(context);
    multiGpuBoard(context);
    gpuVendor(context);
    gpuDatacenter(context);
    gpuWorkstation(context);
    gpuMixed(context);
    nvlink(context);
}

}  // namespace mlrig::rules
