#include "core/eval/Rules.h"

#include <fmt/format.h>

#include <cmath>

#include "core/util/TextUtil.h"

namespace mlrig::rules {

Context::Context(const Build& b, const Catalog& c, const ResolvedBuild& r, const PowerSummary& p, const CostSummary& cost)
    : build(b), catalog(c), resolved(r), power(p)
{
    for (size_t i = 0; i < resolved.items.size(); ++i) {
        const ResolvedItem& item = resolved.items[i];
        if (!item.part)
            continue;
        const int quantity = item.item->quantity;
        switch (item.item->category) {
        case Category::Cpu:
            if (!cpu)
                cpu = &std::get<Cpu>(*item.part);
            break;
        case Category::Motherboard:
            if (!board)
                board = &std::get<Motherboard>(*item.part);
            break;
        case Category::Case:
            if (!pcCase)
                pcCase = &std::get<Case>(*item.part);
            break;
        case Category::Cooler:
            if (!cooler)
                cooler = &std::get<Cooler>(*item.part);
            break;
        case Category::Psu:
            if (!psu)
                psu = &std::get<Psu>(*item.part);
            break;
        case Category::Gpu: {
            GpuLine line;
            line.gpu = &std::get<Gpu>(*item.part);
            line.item = item.item;
            if (i < cost.lines.size()) {
                line.unitPrice = cost.lines[i].unitPrice;
                line.priceSource = cost.lines[i].source;
            }
            gpus.push_back(line);
            gpuCards += quantity;
            break;
        }
        case Category::Memory: memory.push_back({&std::get<Memory>(*item.part), quantity}); break;
        case Category::Storage: storage.push_back({&std::get<Storage>(*item.part), quantity}); break;
        }
    }
    findings.reserve(16);
}

void Context::add(std::string_view rule, Severity severity, std::string message, std::vector<Category> parts)
{
    findings.push_back(Finding{std::string(rule), severity, std::move(message), std::move(parts)});
}

std::optional<int> Context::totalModules() const
{
    if (memory.empty())
        return std::nullopt;
    int total = 0;
    for (const auto& line : memory) {
        if (!line.part->modules)
            return std::nullopt;
        total += *line.part->modules * line.quantity;
    }
    return total;
}

std::optional<int> Context::totalRamGb() const
{
    if (memory.empty())
        return std::nullopt;
    int total = 0;
    for (const auto& line : memory) {
        const std::optional<int> gb = line.part->totalGb();
        if (!gb)
            return std::nullopt;
        total += *gb * line.quantity;
    }
    return total;
}

std::optional<double> Context::totalVramGb() const
{
    if (gpus.empty())
        return std::nullopt;
    double total = 0;
    for (const GpuLine& line : gpus) {
        if (!line.gpu->vramGb)
            return std::nullopt;
        total += *line.gpu->vramGb * line.item->quantity;
    }
    return total;
}

std::string num(double value)
{
    if (!std::isfinite(value))
        return "?";
    if (std::fabs(value - std::round(value)) < 0.05)
        return fmt::format("{:.0f}", value);
    return fmt::format("{:.1f}", value);
}

std::string gpuLabel(const GpuLine& line)
{
    if (line.item->quantity > 1)
        return fmt::format("{}x {}", line.item->quantity, line.gpu->info.name);
    return line.gpu->info.name;
}

void checkCompleteness(Context& c)
{
    // Parts the build still needs. An incomplete build is normal while picking, so this is a note;
    // a machine-learning box without a GPU is a warning.
    std::string missing;
    std::vector<Category> missingCategories;
    for (Category category : {Category::Cpu, Category::Motherboard, Category::Memory, Category::Storage, Category::Psu,
                              Category::Case, Category::Cooler}) {
        if (!c.resolved.first(category)) {
            missing += (missing.empty() ? "" : ", ") + std::string(categoryLabel(category));
            missingCategories.push_back(category);
        }
    }
    if (!missing.empty())
        c.add("missing-part", Severity::Note, "The build still needs: " + missing + ".", std::move(missingCategories));
    if (c.gpus.empty())
        c.add("missing-part", Severity::Warning,
              "No GPU yet: the models will run on the CPU, many times slower. Add a GPU for machine-learning work.",
              {Category::Gpu});
    for (const std::string& ref : c.resolved.unresolved) {
        const size_t colon = ref.find(": ");
        const std::optional<Category> category =
            colon == std::string::npos ? std::nullopt : categoryFromId(std::string_view(ref).substr(0, colon));
        c.add("missing-part", Severity::Warning,
              fmt::format("\"{}\" is not in the catalog, so it is treated as missing; choose a catalog part or enter "
                          "it as a custom part.",
                          colon == std::string::npos ? ref : ref.substr(colon + 2)),
              {category.value_or(Category::Cpu)});
    }
    if (!c.notChecked.empty()) {
        std::string message = "Not checked because a figure is unknown: ";
        for (size_t i = 0; i < c.notChecked.size(); ++i)
            message += (i ? "; " : "") + c.notChecked[i];
        message += ". Verify these yourself.";
        c.add("not-checked", Severity::Note, std::move(message), {});
    }
}

}  // namespace mlrig::rules
