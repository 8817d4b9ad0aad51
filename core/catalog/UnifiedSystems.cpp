#include "core/catalog/UnifiedSystems.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "core/catalog/Catalog.h"
#include "core/catalog/MarketPrices.h"
#include "core/catalog/SqliteRow.h"
#include "core/util/EnumNames.h"
#include "core/util/TextUtil.h"

namespace mlrig {
namespace {

constexpr EnumName<UnifiedFamily> kFamilies[] = {
    {UnifiedFamily::AppleSilicon, "apple-silicon"}, {UnifiedFamily::StrixHalo, "strix-halo"}, {UnifiedFamily::Gb10, "gb10"}};
constexpr EnumName<UnifiedFamily> kFamilyNames[] = {
    {UnifiedFamily::AppleSilicon, "Apple silicon"}, {UnifiedFamily::StrixHalo, "Ryzen AI Max"}, {UnifiedFamily::Gb10, "NVIDIA GB10"}};
constexpr EnumName<FormFactorKind> kFormFactors[] = {
    {FormFactorKind::Desktop, "desktop"}, {FormFactorKind::MiniPc, "mini-pc"}, {FormFactorKind::Laptop, "laptop"}};
constexpr EnumName<FormFactorKind> kFormFactorNames[] = {
    {FormFactorKind::Desktop, "desktop"}, {FormFactorKind::MiniPc, "mini-PC"}, {FormFactorKind::Laptop, "laptop"}};

void refuse(const std::string& message)
{
    throw std::invalid_argument(message);
}

bool positive(const std::optional<double>& value)
{
    return !value || (std::isfinite(*value) && *value > 0);
}

std::vector<double> parseOptions(const std::string& text)
{
    std::vector<double> out;
    size_t start = 0;
    while (start <= text.size()) {
        const size_t end = std::min(text.find(';', start), text.size());
        const std::string one(trim(std::string_view(text).substr(start, end - start)));
        if (!one.empty()) {
            size_t used = 0;
            double value = 0;
            try {
                value = std::stod(one, &used);
            } catch (const std::exception&) {
                used = 0;
            }
            if (used != one.size() || !(value > 0))
                refuse(fmt::format("memory option \"{}\" is not a size in GB", one));
            out.push_back(value);
        }
        start = end + 1;
    }
    return out;
}

}  // namespace

std::string_view unifiedFamilyId(UnifiedFamily family)
{
    return nameOf(kFamilies, family, "apple-silicon");
}

std::optional<UnifiedFamily> unifiedFamilyFromId(std::string_view id)
{
    return valueOf(kFamilies, id);
}

std::string_view unifiedFamilyName(UnifiedFamily family)
{
    return nameOf(kFamilyNames, family, "unified memory");
}

std::string_view formFactorKindId(FormFactorKind kind)
{
    return nameOf(kFormFactors, kind, "desktop");
}

std::string_view formFactorKindName(FormFactorKind kind)
{
    return nameOf(kFormFactorNames, kind, "desktop");
}

UnifiedSystemTable::UnifiedSystemTable(std::vector<UnifiedChip> chips, std::vector<UnifiedSystem> systems)
    : m_chips(std::move(chips)), m_systems(std::move(systems))
{
    for (const UnifiedChip& c : m_chips) {
        if (c.chip.empty())
            refuse("a unified-memory chip has no name");
        if (!(std::isfinite(c.memoryBandwidthGbs) && c.memoryBandwidthGbs > 0))
            refuse(fmt::format("chip \"{}\": memory bandwidth must be positive", c.chip));
        if (!positive(c.fp16Tflops))
            refuse(fmt::format("chip \"{}\": FP16 TFLOPS must be positive or unknown", c.chip));
        if (c.source.empty())
            refuse(fmt::format("chip \"{}\" names no source", c.chip));
    }
    for (const UnifiedSystem& s : m_systems) {
        if (s.system.empty())
            refuse("a unified-memory machine has no name");
        if (!chip(s.chip))
            refuse(fmt::format("machine \"{}\": chip \"{}\" is not in the chip table", s.system, s.chip));
        if (!(std::isfinite(s.memoryGb) && s.memoryGb > 0))
            refuse(fmt::format("machine \"{}\": memory must be positive", s.system));
        if (!positive(s.priceUsd) || !positive(s.idleW) || !positive(s.typicalW) || !positive(s.maxW))
            refuse(fmt::format("machine \"{}\": a price or power figure is not positive", s.system));
        if (s.priceUsd && !isYearMonth(s.priceMonth))
            refuse(fmt::format("machine \"{}\": its price has no YYYY-MM month", s.system));
        if (s.source.empty())
            refuse(fmt::format("machine \"{}\" names no source", s.system));
    }
}

UnifiedSystemTable UnifiedSystemTable::read(SQLite::Database& db, const std::string& what)
{
    if (!db.tableExists("unified_chip") || !db.tableExists("unified_system"))
        return {};
    try {
        std::vector<UnifiedChip> chips;
        SQLite::Statement chipQuery(db, "SELECT * FROM unified_chip ORDER BY rowid");
        const ColumnIndex chipColumns(chipQuery);
        while (chipQuery.executeStep()) {
            const SqliteRow row(chipQuery, chipColumns);
            UnifiedChip c;
            c.chip = row.text("chip");
            c.vendor = row.text("vendor");
            const auto family = unifiedFamilyFromId(row.text("family"));
            if (!family)
                refuse(fmt::format("chip \"{}\": unknown family \"{}\"", c.chip, row.text("family")));
            c.family = *family;
            c.generation = row.text("generation");
            c.launchYear = row.integer("launch_year");
            c.gpuName = row.text("gpu_name");
            c.gpuCores = row.integer("gpu_cores");
            c.cpuCores = row.integer("cpu_cores");
            c.memoryType = row.text("memory_type");
            c.memoryBusBits = row.integer("memory_bus_bits");
            c.memoryBandwidthGbs = row.real("memory_bandwidth_gbs").value_or(0);
            c.fp16Tflops = row.real("fp16_tflops");
            c.memoryOptionsGb = parseOptions(row.text("memory_options_gb"));
            c.source = row.text("source");
            chips.push_back(std::move(c));
        }
        std::vector<UnifiedSystem> systems;
        SQLite::Statement systemQuery(db, "SELECT * FROM unified_system ORDER BY rowid");
        const ColumnIndex systemColumns(systemQuery);
        while (systemQuery.executeStep()) {
            const SqliteRow row(systemQuery, systemColumns);
            UnifiedSystem s;
            s.system = row.text("system");
            s.chip = row.text("chip");
            s.maker = row.text("maker");
            const auto form = valueOf(kFormFactors, row.text("form_factor"));
            if (!form)
                refuse(fmt::format("machine \"{}\": unknown form factor \"{}\"", s.system,
                                   row.text("form_factor")));
            s.formFactor = *form;
            s.memoryGb = row.real("memory_gb").value_or(0);
            s.storageGb = row.real("storage_gb");
            s.priceUsd = row.real("price_usd");
            s.priceKind = row.text("price_kind");
            s.priceMonth = row.text("price_month");
            s.launchMonth = row.text("launch_month");
            s.idleW = row.real("idle_w");
            s.typicalW = row.real("typical_w");
            s.maxW = row.real("max_w");
            s.stack = row.text("stack");
            s.notes = row.text("notes");
            s.source = row.text("source");
            systems.push_back(std::move(s));
        }
        return UnifiedSystemTable(std::move(chips), std::move(systems));
    } catch (const std::invalid_argument& e) {
        throw CatalogError(what + ": " + e.what());
    }
}

const UnifiedChip* UnifiedSystemTable::chip(std::string_view name) const
{
    for (const UnifiedChip& c : m_chips) {
        if (c.chip == name)
            return &c;
    }
    for (const UnifiedChip& c : m_chips) {
        if (equalsFolded(c.chip, name))
            return &c;
    }
    return nullptr;
}

const UnifiedSystem* UnifiedSystemTable::system(std::string_view name) const
{
    for (const UnifiedSystem& s : m_systems) {
        if (s.system == name)
            return &s;
    }
    for (const UnifiedSystem& s : m_systems) {
        if (equalsFolded(s.system, name))
            return &s;
    }
    return nullptr;
}

const UnifiedChip& UnifiedSystemTable::chipOf(const UnifiedSystem& system) const
{
    const UnifiedChip* found = chip(system.chip);
    if (!found)  // the constructor refuses such a table; a default-constructed one has no systems
        throw std::logic_error("unified-memory machine without its chip: " + system.system);
    return *found;
}

}  // namespace mlrig
