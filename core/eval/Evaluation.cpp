#include "core/eval/Evaluation.h"

#include <algorithm>
#include <array>
#include <utility>

#include "core/util/EnumNames.h"

namespace mlrig {

namespace {

constexpr EnumName<Severity> kSeverities[] = {
    {Severity::Error, "error"}, {Severity::Warning, "warning"}, {Severity::Note, "note"}};
constexpr EnumName<PriceSource> kPriceSources[] = {
    {PriceSource::User, "user"}, {PriceSource::Market, "market"}, {PriceSource::Catalog, "catalog"},
    {PriceSource::Msrp, "msrp"}};

}  // namespace

std::string_view severityId(Severity severity)
{
    return nameOf(kSeverities, severity, "note");
}

std::string_view priceSourceId(PriceSource source)
{
    return nameOf(kPriceSources, source, "unknown");
}

std::string priceOriginLabel(const PriceOrigin& origin)
{
    switch (origin.kind) {
    case PriceSource::User:
        return "your price";
    case PriceSource::Market: {
        std::string label = origin.condition == Condition::Used ? "used market" : "new market";
        if (!origin.month.empty())
            label += ", " + origin.month;
        if (!origin.source.empty())
            label += ", " + origin.source;
        return label;
    }
    case PriceSource::Catalog:
        return origin.month.empty() ? std::string("retail snapshot") : "retail snapshot " + origin.month;
    case PriceSource::Msrp:
        return "launch MSRP (no market price)";
    case PriceSource::Unknown:
        break;
    }
    return "no price";
}

namespace {

// Why each rule exists, in mlrig's own words. Keep 2-4 sentences per rule.
constexpr std::array<std::pair<std::string_view, std::string_view>, 28> kExplanations = {{
    {"cpu-socket",
     "A processor only seats in a motherboard built for its socket. Different sockets have different pin layouts and "
     "mounting, so a mismatched pair cannot be assembled at all."},
    {"cpu-bios",
     "A CPU that fits the socket still needs firmware that knows it. Boards sold before a CPU generation came out "
     "start with it only after a BIOS update, which usually takes an older CPU or a flashback button, and some "
     "chipsets never get one. A board with a newer chipset avoids the problem."},
    {"memory-type",
     "Each DDR generation has its own notch position and signalling, so a DDR4 module does not fit a DDR5 slot and "
     "the other way round. The processor's memory controller must support the generation as well."},
    {"memory-slots",
     "Every memory module occupies one DIMM slot on the motherboard. A kit with more modules than the board has slots "
     "cannot be installed completely."},
    {"memory-max",
     "Boards and processors are validated up to a maximum amount of RAM. Beyond it the extra capacity is not "
     "recognised or the system fails to train the memory at boot."},
    {"memory-channels",
     "Desktop processors read memory over two channels, and two modules (one per channel) give the full bandwidth at "
     "the rated speed. One module halves the bandwidth, an odd count leaves channels unbalanced, and four modules often "
     "force lower memory clocks, especially with DDR5."},
    {"memory-vs-vram",
     "Loading a model usually passes through system memory, and research code tends to keep extra copies of data and "
     "weights in RAM. With less RAM than GPU memory the machine starts swapping or the process is killed before the "
     "GPUs are even full."},
    {"board-form-factor",
     "The case must have standoffs and an I/O cut-out for the motherboard's size class. A larger board than the case "
     "supports simply does not mount."},
    {"gpu-length",
     "Modern GPUs are long, and the case limits how long a card can be before it hits the drive cages or front fans. "
     "Power cables plugged into the end of a card need room too, so a card that only just fits can still be a "
     "problem."},
    {"gpu-slots",
     "Every card needs a physical x16 slot, and thick coolers cover several expansion slots below them. With two cards "
     "the case needs enough expansion slots for both coolers, and cards pressed together starve the upper one of "
     "air."},
    {"gpu-count",
     "Consumer platforms offer enough PCIe lanes and slot spacing for two GPUs. A third or fourth card normally needs "
     "riser cables, an open frame and a very large power supply, and each card gets fewer lanes."},
    {"pcie-lanes",
     "A consumer CPU gives its graphics lanes to the top slots; a board that can split them x8/x8 gives two GPUs eight "
     "CPU lanes each. Without that split the second card hangs off the chipset at x4, which slows loading and any "
     "traffic between the GPUs."},
    {"cooler-socket",
     "A CPU cooler needs a mounting kit for the socket it is installed on. Without the right bracket it cannot be "
     "fastened with proper contact pressure."},
    {"cooler-height",
     "Tower coolers must fit under the side panel. The case states the tallest cooler it accepts, and a taller one "
     "stops the panel from closing."},
    {"cooler-tdp",
     "A cooler rated below the processor's sustained power cannot remove that heat. Long compiles or data "
     "preprocessing then run at reduced clocks, louder and hotter."},
    {"psu-wattage",
     "The power supply must carry the sustained load with headroom and survive the very short current spikes GPUs "
     "produce. Supplies built to ATX 3.x are specified to ride out such excursions; older units may trip their "
     "over-current protection and switch the machine off mid-run."},
    {"psu-connectors",
     "Each GPU needs its own PCIe power leads, and the supply must provide enough of them. A 16-pin 12VHPWR input can "
     "be fed by an adapter from several 8-pin leads when the supply has no native cable."},
    {"gpu-vendor",
     "Most machine-learning software and its fast kernels target NVIDIA's CUDA first. AMD's ROCm supports only some "
     "cards officially and Intel's stack covers fewer tools, so expect extra setup work and missing features."},
    {"gpu-datacenter",
     "Old datacentre accelerators are cheap because they lack what current software expects: fast FP16 math, tensor "
     "cores and driver support. Some are two GPUs on one board, and all passive ones rely on strong server fans to "
     "avoid overheating in a desktop case."},
    {"gpu-workstation",
     "Workstation cards use the same chips as consumer cards but cost several times more. They trade memory bandwidth "
     "for lower power and add more VRAM, so for the price a consumer card is usually faster unless the extra memory "
     "is what you need."},
    {"gpu-mixed",
     "Splitting one job across different GPUs makes the slowest or smallest card set the pace. Different generations "
     "also support different data types and kernels, so the whole job falls back to what the oldest card can do."},
    {"nvlink",
     "Two GPUs exchange data over PCIe unless they are bridged with NVLink, which only some cards support. Pipeline "
     "and data parallel jobs move little data and run well over PCIe; tensor parallel inference or training talks "
     "constantly and benefits from the faster link."},
    {"m2-slots",
     "Each NVMe drive in the M.2 form factor needs an M.2 slot on the motherboard. Extra drives need an adapter card, "
     "which takes a PCIe slot the GPUs may need."},
    {"storage",
     "Datasets, checkpoints and model weights are large and are read often. A hard disk makes loading painfully slow; "
     "an NVMe SSD loads them several times faster than a SATA SSD."},
    {"cpu-cores",
     "The GPU does the model's math, but the CPU tokenises data, decodes images, compiles kernels and builds "
     "software. Too few cores leave the GPU waiting in those phases."},
    {"missing-part",
     "A working machine needs a processor, motherboard, memory, storage, power supply, case and cooling. The report "
     "lists what is still to pick; checks involving missing parts cannot run yet."},
    {"workload-fit",
     "A model runs only when its weights, cache and working buffers fit in the GPUs' memory, or, for LLMs in "
     "llama.cpp, in GPU memory and system RAM together. A build that cannot hold the workload it was planned for "
     "needs bigger or more GPUs, more RAM, or a smaller model or quantization."},
    {"not-checked",
     "Some checks need a figure the catalog or the custom part does not give. They are listed here instead of being "
     "counted as passed, so you can verify them yourself."},
}};

}  // namespace

std::string_view ruleExplanation(std::string_view ruleId)
{
    const auto it = std::find_if(kExplanations.begin(), kExplanations.end(),
                                 [ruleId](const auto& entry) { return entry.first == ruleId; });
    return it == kExplanations.end() ? std::string_view() : it->second;
}

bool Evaluation::hasErrors() const
{
    return count(Severity::Error) > 0;
}

int Evaluation::count(Severity severity) const
{
    return static_cast<int>(
        std::count_if(findings.begin(), findings.end(), [severity](const Finding& f) { return f.severity == severity; }));
}

}  // namespace mlrig
