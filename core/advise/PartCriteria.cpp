#include "core/advise/PartCriteria.h"

#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "core/catalog/FormFactor.h"
#include "core/util/TextUtil.h"

namespace mlrig {

namespace {

bool atLeast(const std::optional<double>& value, const std::optional<double>& minimum)
{
    return !minimum || (value && *value >= *minimum);
}

bool atMost(const std::optional<double>& value, const std::optional<double>& maximum)
{
    return !maximum || (value && *value <= *maximum);
}

bool sameFolded(const std::string& value, const std::string& wanted)
{
    return wanted.empty() || equalsFolded(value, wanted);
}

std::optional<double> asDouble(const std::optional<int>& v)
{
    return v ? std::optional<double>(*v) : std::nullopt;
}

// Which filters a category has a figure for.
struct Applies {
    bool vram = false, length = false, wattage = false, atx3 = false, socket = false, formFactor = false,
         clearance = false, capacity = false, memoryType = false;
};

Applies appliesTo(Category category)
{
    Applies a;
    switch (category) {
    case Category::Gpu:
        a.vram = a.length = true;
        break;
    case Category::Psu:
        a.wattage = a.atx3 = true;
        break;
    case Category::Cpu:
    case Category::Cooler:
        a.socket = true;
        break;
    case Category::Motherboard:
        a.socket = a.formFactor = a.memoryType = true;
        break;
    case Category::Case:
        a.formFactor = a.clearance = true;
        break;
    case Category::Memory:
        a.capacity = a.memoryType = true;
        break;
    case Category::Storage:
        a.capacity = true;
        break;
    }
    return a;
}

// Distinct values, spellings with the same key together, most common first; each shown in its
// most common spelling.
std::vector<std::string> choices(const std::vector<std::string>& values, std::string (*key)(std::string_view) = foldName)
{
    std::map<std::string, std::map<std::string, int>> spellings;  // folded -> spelling -> count
    for (const std::string& v : values)
        if (!trim(v).empty())
            ++spellings[key(v)][std::string(trim(v))];
    std::vector<std::pair<int, std::string>> ranked;
    for (const auto& [folded, bySpelling] : spellings) {
        int total = 0;
        const std::pair<const std::string, int>* best = nullptr;
        for (const auto& entry : bySpelling) {
            total += entry.second;
            if (!best || entry.second > best->second)
                best = &entry;
        }
        ranked.emplace_back(total, best->first);
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<std::string> out;
    out.reserve(ranked.size());
    for (auto& r : ranked)
        out.push_back(std::move(r.second));
    return out;
}

}  // namespace

bool PartCriteria::accepts(const AnyPart& part) const
{
    return std::visit(
        [this](const auto& p) -> bool {
            using T = std::decay_t<decltype(p)>;
            if constexpr (std::is_same_v<T, Gpu>) {
                return atLeast(p.vramGb, minVramGb) && atMost(p.lengthMm, maxLengthMm);
            } else if constexpr (std::is_same_v<T, Psu>) {
                return atLeast(p.wattageW, minWattageW) && (!atx3Only || p.atx3.value_or(false));
            } else if constexpr (std::is_same_v<T, Cpu>) {
                return sameFolded(p.socket, socket);
            } else if constexpr (std::is_same_v<T, Motherboard>) {
                return sameFolded(p.socket, socket) && sameFolded(p.memoryType, memoryType) &&
                       (formFactor.empty() ||
                        (!p.formFactor.empty() && canonicalFormFactor(p.formFactor) == canonicalFormFactor(formFactor)));
            } else if constexpr (std::is_same_v<T, Cooler>) {
                return socket.empty() || std::any_of(p.sockets.begin(), p.sockets.end(),
                                                     [this](const std::string& s) { return equalsFolded(s, socket); });
            } else if constexpr (std::is_same_v<T, Case>) {
                return atLeast(p.maxGpuLengthMm, minGpuClearanceMm) &&
                       (formFactor.empty() || caseFitsBoard(p.motherboardFormFactors, formFactor));
            } else if constexpr (std::is_same_v<T, Memory>) {
                return atLeast(asDouble(p.totalGb()), minCapacityGb) && sameFolded(p.memoryType, memoryType);
            } else {
                static_assert(std::is_same_v<T, Storage>);
                return atLeast(p.capacityGb, minCapacityGb);
            }
        },
        part);
}

bool PartCriteria::empty() const
{
    return *this == PartCriteria{};
}

std::vector<std::string> PartCriteria::unusedFor(Category category) const
{
    const Applies a = appliesTo(category);
    std::vector<std::string> out;
    const auto check = [&out](bool set, bool applies, const char* name) {
        if (set && !applies)
            out.emplace_back(name);
    };
    check(minVramGb.has_value(), a.vram, "minimum VRAM");
    check(maxLengthMm.has_value(), a.length, "maximum length");
    check(minWattageW.has_value(), a.wattage, "minimum wattage");
    check(atx3Only, a.atx3, "ATX 3.x");
    check(!socket.empty(), a.socket, "socket");
    check(!formFactor.empty(), a.formFactor, "form factor");
    check(minGpuClearanceMm.has_value(), a.clearance, "GPU clearance");
    check(minCapacityGb.has_value(), a.capacity, "minimum capacity");
    check(!memoryType.empty(), a.memoryType, "memory type");
    return out;
}

std::string PartCriteria::invalidReason() const
{
    const auto bad = [](const std::optional<double>& v) { return v && (!std::isfinite(*v) || *v <= 0); };
    if (bad(minVramGb))
        return fmt::format("minimum VRAM must be a positive number of GB, not {:g}", *minVramGb);
    if (bad(maxLengthMm))
        return fmt::format("maximum length must be a positive number of mm, not {:g}", *maxLengthMm);
    if (bad(minWattageW))
        return fmt::format("minimum wattage must be a positive number of W, not {:g}", *minWattageW);
    if (bad(minGpuClearanceMm))
        return fmt::format("GPU clearance must be a positive number of mm, not {:g}", *minGpuClearanceMm);
    if (bad(minCapacityGb))
        return fmt::format("minimum capacity must be a positive number of GB, not {:g}", *minCapacityGb);
    return {};
}

std::vector<std::string> socketChoices(const Catalog& catalog, Category category)
{
    std::vector<std::string> values;
    for (const AnyPart& part : catalog.parts(category)) {
        if (const auto* cpu = std::get_if<Cpu>(&part))
            values.push_back(cpu->socket);
        else if (const auto* board = std::get_if<Motherboard>(&part))
            values.push_back(board->socket);
        else if (const auto* cooler = std::get_if<Cooler>(&part))
            values.insert(values.end(), cooler->sockets.begin(), cooler->sockets.end());
    }
    return choices(values);
}

std::vector<std::string> formFactorChoices(const Catalog& catalog, Category category)
{
    std::vector<std::string> values;
    for (const AnyPart& part : catalog.parts(category)) {
        if (const auto* board = std::get_if<Motherboard>(&part))
            values.push_back(board->formFactor);
        else if (const auto* pcCase = std::get_if<Case>(&part))
            values.insert(values.end(), pcCase->motherboardFormFactors.begin(), pcCase->motherboardFormFactors.end());
    }
    return choices(values, canonicalFormFactor);
}

std::vector<std::string> memoryTypeChoices(const Catalog& catalog, Category category)
{
    std::vector<std::string> values;
    for (const AnyPart& part : catalog.parts(category)) {
        if (const auto* board = std::get_if<Motherboard>(&part))
            values.push_back(board->memoryType);
        else if (const auto* memory = std::get_if<Memory>(&part))
            values.push_back(memory->memoryType);
    }
    return choices(values);
}

}  // namespace mlrig
