#pragma once

// Machines whose GPU shares one memory pool with the CPU: Apple M-series Macs, Ryzen AI Max
// ("Strix Halo") mini-PCs and laptops, NVIDIA GB10 systems. Two hand-curated tables
// (db/source/unified_chips.csv, unified_systems.csv; columns in db/source/unified_memory.md):
// one row per chip variant and one per machine configuration a buyer can order.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace SQLite {
class Database;
}

namespace mlrig {

// How a family's GPU reaches its memory and which software runs models on it. It selects the
// usable-memory rule and the measured efficiency factors (core/eval/UnifiedMemory.cpp).
enum class UnifiedFamily { AppleSilicon, StrixHalo, Gb10 };

std::string_view unifiedFamilyId(UnifiedFamily family);         // "apple-silicon", "strix-halo", "gb10"
std::optional<UnifiedFamily> unifiedFamilyFromId(std::string_view id);
std::string_view unifiedFamilyName(UnifiedFamily family);       // "Apple silicon", "Ryzen AI Max", "NVIDIA GB10"

struct UnifiedChip {
    std::string chip;  // "Apple M2 Ultra (76-core GPU)"
    std::string vendor;  // "apple", "amd", "nvidia"
    UnifiedFamily family = UnifiedFamily::AppleSilicon;
    std::string generation;
    std::optional<int> launchYear;
    std::string gpuName;
    std::optional<int> gpuCores;
    std::optional<int> cpuCores;
    std::string memoryType;
    std::optional<int> memoryBusBits;
    double memoryBandwidthGbs = 0;  // required: decode speed follows it
    std::optional<double> fp16Tflops;
    std::vector<double> memoryOptionsGb;
    std::string source;

    bool operator==(const UnifiedChip&) const = default;
};

enum class FormFactorKind { Desktop, MiniPc, Laptop };
std::string_view formFactorKindId(FormFactorKind kind);    // "desktop", "mini-pc", "laptop"
std::string_view formFactorKindName(FormFactorKind kind);  // "desktop", "mini-PC", "laptop"

struct UnifiedSystem {
    std::string system;  // "Mac Studio (M2 Ultra 76-core, 192 GB)"
    std::string chip;    // UnifiedChip::chip
    std::string maker;
    FormFactorKind formFactor = FormFactorKind::Desktop;
    double memoryGb = 0;
    std::optional<double> storageGb;
    std::optional<double> priceUsd;
    std::string priceKind;   // "launch", "list", "street"; empty when there is no price
    std::string priceMonth;  // "2025-03"
    std::string launchMonth;
    std::optional<double> idleW;
    std::optional<double> typicalW;
    std::optional<double> maxW;
    std::string stack;  // "MLX, Metal (llama.cpp)"
    std::string notes;
    std::string source;

    bool operator==(const UnifiedSystem&) const = default;
};

class UnifiedSystemTable {
public:
    UnifiedSystemTable() = default;
    // Throws std::invalid_argument for a chip without a positive bandwidth or a source, a system
    // whose chip is not in `chips`, without memory or a source, or a price without its month.
    UnifiedSystemTable(std::vector<UnifiedChip> chips, std::vector<UnifiedSystem> systems);

    // Reads the unified_chip and unified_system tables; a catalog without them (schema 2) gives an
    // empty table. Throws CatalogError naming `what` for a row the constructor refuses.
    static UnifiedSystemTable read(SQLite::Database& db, const std::string& what);

    std::span<const UnifiedChip> chips() const { return m_chips; }
    std::span<const UnifiedSystem> systems() const { return m_systems; }
    bool empty() const { return m_systems.empty(); }

    const UnifiedChip* chip(std::string_view name) const;        // exact or case/space-folded
    const UnifiedSystem* system(std::string_view name) const;    // exact or case/space-folded
    const UnifiedChip& chipOf(const UnifiedSystem& system) const;  // always present (checked on load)

private:
    std::vector<UnifiedChip> m_chips;
    std::vector<UnifiedSystem> m_systems;
};

}  // namespace mlrig
