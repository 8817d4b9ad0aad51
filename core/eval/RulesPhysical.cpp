// Physical fit of the platform: socket, memory, board size, CPU cooler, drives, core count.
#include <fmt/format.h>

#include <algorithm>

#include "core/util/TextUtil.h"
#include "core/eval/Rules.h"

#include "core/catalog/ChipsetSupport.h"
#include "core/catalog/FormFactor.h"

namespace mlrig::rules {
namespace {

std::string joined(const std::vector<std::string>& values)
{
    std::string out;
    for (const std::string& v : values)
        out += (out.empty() ? "" : ", ") + v;
    return out;
}

bool listHasFolded(const std::vector<std::string>& values, std::string_view wanted)
{
    return std::any_of(values.begin(), values.end(), [wanted](const std::string& v) { return equalsFolded(v, wanted); });
}

void cpuSocket(Context& c)
{
    if (!c.cpu || !c.board)
        return;
    if (c.cpu->socket.empty() || c.board->socket.empty()) {
        c.unchecked(fmt::format("socket of {} unknown: CPU socket not checked",
                                c.cpu->socket.empty() ? c.cpu->info.name : c.board->info.name));
        return;
    }
    if (!equalsFolded(c.cpu->socket, c.board->socket))
        c.add("cpu-socket", Severity::Error,
              fmt::format("CPU {} uses socket {}, but motherboard {} has socket {}: they cannot be combined.",
                          c.cpu->info.name, c.cpu->socket, c.board->info.name, c.board->socket),
              {Category::Cpu, Category::Motherboard});
}

// A CPU that fits the socket but not the chipset's firmware: the board may not start with it.
void cpuBios(Context& c)
{
    if (!c.cpu || !c.board || !equalsFolded(c.cpu->socket, c.board->socket))
        return;  // cpu-socket reports the mismatch
    const ChipsetCpuVerdict v = chipsetCpuSupport(c.board->chipset, c.cpu->microarchitecture);
    switch (v.support) {
    case ChipsetCpuSupport::Unknown:
    case ChipsetCpuSupport::Native:
        return;
    case ChipsetCpuSupport::Unsupported:
        c.add("cpu-bios", Severity::Error,
              fmt::format("{} boards do not support {} CPUs such as the {}: the board will not start with it, "
                          "whatever its BIOS. Pick a board with a newer chipset.",
                          v.chipsetSeries, v.cpuGeneration, c.cpu->info.name),
              {Category::Cpu, Category::Motherboard});
        return;
    case ChipsetCpuSupport::NeedsBios:
        c.add("cpu-bios", Severity::Warning,
              fmt::format("{} boards run {} CPUs such as the {} only after a BIOS update, and flashing it usually needs "
                          "an older CPU or a board with BIOS flashback. A board with a newer chipset starts out of the box.",
                          v.chipsetSeries, v.cpuGeneration, c.cpu->info.name),
              {Category::Cpu, Category::Motherboard});
        return;
    case ChipsetCpuSupport::MayNeedBios:
        c.add("cpu-bios", Severity::Note,
              fmt::format("{} boards made before {} CPUs came out need a BIOS update to start with the {}; check "
                          "that the board ships with a recent BIOS or has BIOS flashback.",
                          v.chipsetSeries, v.cpuGeneration, c.cpu->info.name),
              {Category::Cpu, Category::Motherboard});
        return;
    }
}

void memoryType(Context& c)
{
    if (c.board && c.cpu && !c.board->memoryType.empty() && !c.cpu->memoryTypes.empty() &&
        !listHasFolded(c.cpu->memoryTypes, c.board->memoryType))
        c.add("memory-type", Severity::Error,
              fmt::format("Motherboard {} takes {} memory, but CPU {} supports only {}.", c.board->info.name,
                          c.board->memoryType, c.cpu->info.name, joined(c.cpu->memoryTypes)),
              {Category::Cpu, Category::Motherboard});
    for (const auto& line : c.memory) {
        const Memory& m = *line.part;
        if (m.memoryType.empty()) {
            c.unchecked(fmt::format("memory type of {} unknown: RAM generation not checked", m.info.name));
            continue;
        }
        if (c.board) {
            if (c.board->memoryType.empty())
                c.unchecked(fmt::format("memory type of {} unknown: RAM generation not checked", c.board->info.name));
            else if (!equalsFolded(m.memoryType, c.board->memoryType))
                c.add("memory-type", Severity::Error,
                      fmt::format("Memory {} is {}, but motherboard {} takes {}: the modules do not fit its slots.",
                                  m.info.name, m.memoryType, c.board->info.name, c.board->memoryType),
                      {Category::Memory, Category::Motherboard});
        }
        if (c.cpu && !c.cpu->memoryTypes.empty() && !listHasFolded(c.cpu->memoryTypes, m.memoryType))
            c.add("memory-type", Severity::Error,
                  fmt::format("Memory {} is {}, but CPU {} supports only {}.", m.info.name, m.memoryType,
                              c.cpu->info.name, joined(c.cpu->memoryTypes)),
                  {Category::Memory, Category::Cpu});
    }
}

void memorySlots(Context& c)
{
    if (!c.board || c.memory.empty())
        return;
    const std::optional<int> modules = c.totalModules();
    if (!modules) {
        c.unchecked("number of memory modules unknown: DIMM slots not checked");
        return;
    }
    if (!c.board->memorySlots) {
        c.unchecked(fmt::format("DIMM slot count of {} unknown: memory slots not checked", c.board->info.name));
        return;
    }
    if (*modules > *c.board->memorySlots)
        c.add("memory-slots", Severity::Error,
              fmt::format("{} memory modules need {} DIMM slots, but motherboard {} has {}.", *modules, *modules,
                          c.board->info.name, *c.board->memorySlots),
              {Category::Memory, Category::Motherboard});
}

void memoryMax(Context& c)
{
    if (c.memory.empty())
        return;
    const std::optional<int> total = c.totalRamGb();
    if (!total) {
        if (c.board || c.cpu)
            c.unchecked("memory size unknown: maximum RAM not checked");
        return;
    }
    if (c.board) {
        if (!c.board->maxMemoryGb)
            c.unchecked(fmt::format("maximum RAM of {} unknown: board memory limit not checked", c.board->info.name));
        else if (*total > *c.board->maxMemoryGb)
            c.add("memory-max", Severity::Error,
                  fmt::format("{} GB of RAM exceeds the {} GB that motherboard {} supports.", *total,
                              *c.board->maxMemoryGb, c.board->info.name),
                  {Category::Memory, Category::Motherboard});
    }
    if (c.cpu && c.cpu->maxMemoryGb && *total > *c.cpu->maxMemoryGb)
        c.add("memory-max", Severity::Error,
              fmt::format("{} GB of RAM exceeds the {} GB that CPU {} supports.", *total, *c.cpu->maxMemoryGb,
                          c.cpu->info.name),
              {Category::Memory, Category::Cpu});
}

void memoryChannels(Context& c)
{
    if (c.memory.empty())
        return;
    const std::optional<int> modules = c.totalModules();
    if (!modules)
        return;  // reported by memory-slots
    const int channels = c.cpu && c.cpu->memoryChannels && *c.cpu->memoryChannels > 0 ? *c.cpu->memoryChannels : 2;
    if (modulesFillChannels(*modules, channels))
        return;
    if (*modules < channels) {
        c.add("memory-channels", Severity::Note,
              fmt::format("{} memory module{} on a {}-channel platform leave{} channels empty and cut memory bandwidth "
                          "to {} of its full value; {} modules of the same total size would be faster.",
                          *modules, *modules == 1 ? "" : "s", channels, *modules == 1 ? "s" : "",
                          *modules == 1 && channels == 2 ? "half" : fmt::format("{}/{}", *modules, channels), channels),
              {Category::Memory});
    } else if (*modules % channels != 0) {
        c.add("memory-channels", Severity::Note,
              fmt::format("{} memory modules do not split evenly over {} channels, so part of the memory runs with "
                          "less bandwidth; use {} or {} modules.",
                          *modules, channels, *modules - *modules % channels, *modules + channels - *modules % channels),
              {Category::Memory});
    } else if (channels == 2 && *modules >= 4) {
        c.add("memory-channels", Severity::Note,
              fmt::format("{} memory modules put two per channel, which usually forces lower memory speeds (DDR5 "
                          "especially); two larger modules give the same capacity at full speed.",
                          *modules),
              {Category::Memory});
    }
}

void memoryVsVram(Context& c)
{
    if (c.memory.empty() || c.gpus.empty())
        return;
    const std::optional<int> ram = c.totalRamGb();
    const std::optional<double> vram = c.totalVramGb();
    if (!ram || !vram) {
        c.unchecked(!ram ? "memory size unknown: RAM versus VRAM not checked"
                         : "GPU memory unknown: RAM versus VRAM not checked");
        return;
    }
    // An LLM that does not fit the VRAM runs from system RAM too: the estimate's verdict decides.
    // (Notes, not warnings: the workload verdict already says the model does not run, and the
    // optimizer's mirrored platform rules stay those of RAM versus VRAM below.)
    if (c.workload && c.workload->ramGbNeeded && c.workload->placement == "none") {
        c.add("memory-vs-vram", Severity::Note,
              fmt::format("{} does not fit: beyond the VRAM it needs {:.1f} GB of system RAM plus room for the "
                          "operating system, and the build has {} GB. More RAM (or more VRAM) makes it run.",
                          c.workload->modelName, *c.workload->ramGbNeeded, *ram),
              {Category::Memory, Category::Gpu});
    }
    if (c.workload && c.workload->placement == "offload" && c.workload->ramGbNeeded) {
        c.add("memory-vs-vram", Severity::Note,
              fmt::format("{} runs with {:.1f} GB of it in system RAM ({}){}. More VRAM would keep it all on the GPU "
                          "and decode several times faster.",
                          c.workload->modelName, *c.workload->ramGbNeeded, c.workload->llamaCppFlags,
                          c.workload->decodeTokensPerS
                              ? fmt::format(", about {:.0f} tokens/s", *c.workload->decodeTokensPerS)
                              : std::string()),
              {Category::Memory, Category::Gpu});
    }
    if (*ram < *vram)
        c.add("memory-vs-vram", Severity::Warning,
              fmt::format("{} GB of system RAM is less than the {} GB of GPU memory. Loading models and typical "
                          "research code need more RAM than VRAM; aim for at least {} GB.",
                          *ram, num(*vram), num(*vram)),
              {Category::Memory, Category::Gpu});
}

void boardFormFactor(Context& c)
{
    if (!c.board || !c.pcCase)
        return;
    if (c.board->formFactor.empty()) {
        c.unchecked(fmt::format("form factor of {} unknown: board size versus case not checked", c.board->info.name));
        return;
    }
    if (c.pcCase->motherboardFormFactors.empty()) {
        c.unchecked(fmt::format("supported board sizes of {} unknown: board size versus case not checked",
                                c.pcCase->info.name));
        return;
    }
    if (!caseFitsBoard(c.pcCase->motherboardFormFactors, c.board->formFactor))
        c.add("board-form-factor", Severity::Error,
              fmt::format("Motherboard {} is {}, but case {} takes only {}.", c.board->info.name, c.board->formFactor,
                          c.pcCase->info.name, joined(c.pcCase->motherboardFormFactors)),
              {Category::Motherboard, Category::Case});
}

void coolerSocket(Context& c)
{
    if (!c.cooler || !c.cpu)
        return;
    if (c.cpu->socket.empty() || c.cooler->sockets.empty()) {
        c.unchecked(fmt::format("{} unknown: cooler mounting not checked",
                                c.cpu->socket.empty() ? "socket of " + c.cpu->info.name
                                                      : "supported sockets of " + c.cooler->info.name));
        return;
    }
    if (!listHasFolded(c.cooler->sockets, c.cpu->socket))
        c.add("cooler-socket", Severity::Error,
              fmt::format("Cooler {} has no mount for socket {} of CPU {} (it fits {}).", c.cooler->info.name,
                          c.cpu->socket, c.cpu->info.name, joined(c.cooler->sockets)),
              {Category::Cooler, Category::Cpu});
}

void coolerHeight(Context& c)
{
    if (!c.cooler || !c.pcCase)
        return;
    if (c.cooler->waterCooled.value_or(false))
        return;  // the pump block is low; radiator mounting is a separate question
    if (!c.cooler->heightMm || !c.pcCase->maxCoolerHeightMm) {
        c.unchecked(fmt::format("{} unknown: cooler height not checked",
                                !c.cooler->heightMm ? "height of " + c.cooler->info.name
                                                    : "CPU cooler clearance of " + c.pcCase->info.name));
        return;
    }
    if (*c.cooler->heightMm > *c.pcCase->maxCoolerHeightMm)
        c.add("cooler-height", Severity::Error,
              fmt::format("Cooler {} is {} mm tall, but case {} fits coolers up to {} mm.", c.cooler->info.name,
                          num(*c.cooler->heightMm), c.pcCase->info.name, num(*c.pcCase->maxCoolerHeightMm)),
              {Category::Cooler, Category::Case});
}

void coolerTdp(Context& c)
{
    if (!c.cooler || !c.cpu)
        return;
    const std::optional<double> cpuW = c.cpu->pptW ? c.cpu->pptW : c.cpu->tdpW;
    if (!cpuW || !c.cooler->tdpRatingW) {
        c.unchecked(fmt::format("{} unknown: cooler capacity not checked",
                                !cpuW ? "power of " + c.cpu->info.name : "heat rating of " + c.cooler->info.name));
        return;
    }
    if (*c.cooler->tdpRatingW < *cpuW)
        c.add("cooler-tdp", Severity::Warning,
              fmt::format("Cooler {} is rated for {} W, but CPU {} draws up to {} W{}: expect throttling under long "
                          "all-core loads.",
                          c.cooler->info.name, num(*c.cooler->tdpRatingW), c.cpu->info.name, num(*cpuW),
                          c.cpu->pptW ? " (package power limit)" : " (TDP)"),
              {Category::Cooler, Category::Cpu});
}

void m2Slots(Context& c)
{
    if (!c.board || c.storage.empty())
        return;
    int nvme = 0;
    for (const auto& line : c.storage) {
        if (!line.part->nvme) {
            c.unchecked(fmt::format("interface of {} unknown: M.2 slots not checked", line.part->info.name));
            return;
        }
        if (*line.part->nvme)
            nvme += line.quantity;
    }
    if (nvme == 0)
        return;
    if (!c.board->m2Slots) {
        c.unchecked(fmt::format("M.2 slot count of {} unknown: NVMe drives not checked", c.board->info.name));
        return;
    }
    if (nvme > *c.board->m2Slots)
        c.add("m2-slots", Severity::Error,
              fmt::format("{} NVMe drive{} need{} M.2 slots, but motherboard {} has {}; the rest need a PCIe adapter "
                          "card.",
                          nvme, nvme == 1 ? "" : "s", nvme == 1 ? "s" : "", c.board->info.name, *c.board->m2Slots),
              {Category::Storage, Category::Motherboard});
}

void storage(Context& c)
{
    if (c.storage.empty())
        return;
    bool anySsd = false;
    bool anyNvme = false;
    bool unknown = false;
    for (const auto& line : c.storage) {
        const Storage& s = *line.part;
        if (s.nvme.value_or(false))
            anyNvme = true;
        else if (equalsFolded(s.storageType, "HDD") || equalsFolded(s.storageType, "SSHD"))
            continue;
        else if (equalsFolded(s.storageType, "SSD") && s.nvme.has_value())
            anySsd = true;
        else
            unknown = true;
    }
    if (anyNvme)
        return;
    if (unknown) {
        c.unchecked("drive type unknown: SSD and NVMe not checked");
        return;
    }
    if (!anySsd)
        c.add("storage", Severity::Warning,
              "The build has no SSD: loading datasets, checkpoints and model weights from a hard disk is very slow. "
              "Add an NVMe SSD for the system and working data.",
              {Category::Storage});
    else
        c.add("storage", Severity::Note,
              "The build has a SATA SSD but no NVMe drive; an NVMe SSD loads large models several times faster.",
              {Category::Storage});
}

void cpuCores(Context& c)
{
    if (!c.cpu)
        return;
    if (!c.cpu->cores) {
        c.unchecked(fmt::format("core count of {} unknown: CPU cores not checked", c.cpu->info.name));
        return;
    }
    if (*c.cpu->cores < 6)
        c.add("cpu-cores", Severity::Note,
              fmt::format("CPU {} has {} cores. That drives a GPU fine, but data preprocessing, tokenising and "
                          "compiling will be slow; 6 or more cores help.",
                          c.cpu->info.name, *c.cpu->cores),
              {Category::Cpu});
}

}  // namespace

void checkPhysical(Context& context)
{
    cpuSocket(context);
    cpuBios(context);
    memoryType(context);
    memorySlots(context);
    memoryMax(context);
    memoryChannels(context);
    memoryVsVram(context);
    boardFormFactor(context);
    coolerSocket(context);
    coolerHeight(context);
    coolerTdp(context);
    m2Slots(context);
    storage(context);
    cpuCores(context);
}

}  // namespace mlrig::rules
