#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/catalog/MarketPrices.h"
#include "core/catalog/UnifiedSystems.h"
#include "core/catalog/Parts.h"

namespace mlrig {

// Raised for a catalog that cannot be opened or read (missing, corrupt, wrong schema).
class CatalogError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct CatalogStats {
    std::map<Category, size_t> partsPerCategory;
    size_t gpuModels = 0;
    size_t partsWithPrice = 0;
    int schemaVersion = 0;
    std::string builtFrom;  // provenance recorded by the builder
    // When the shop prices (PartInfo::priceUsd that is not an MSRP) were taken, and from where:
    // catalog_meta "retail_price_month" / "retail_price_source"; empty when the catalog does not say.
    std::string retailPriceMonth;   // "2025-07"
    std::string retailPriceSource;  // "PC Part Dataset (PCPartPicker US prices, 2025-07-23)"
    std::string marketPriceMonth;   // newest month in the market price table, "" when it is empty
    size_t marketPriceRows = 0;
};

// The read-only parts catalog, loaded whole into memory from parts.sqlite so that lookups,
// search-as-you-type and evaluation never touch the disk.
class Catalog {
public:
    Catalog() = default;

    static Catalog loadFile(const std::filesystem::path& sqlitePath);   // throws CatalogError
    static Catalog loadBytes(std::span<const std::byte> sqliteImage);   // throws CatalogError
    // Only the GPU model rows (each offered as a part of its own): a fast load for commands that
    // need nothing else (mlrig-cli fit). Throws CatalogError.
    static Catalog loadGpuModels(std::span<const std::byte> sqliteImage);
    static Catalog loadGpuModelsFromFile(const std::filesystem::path& sqlitePath);
    // Assembles a catalog directly (tests, fixtures). GPU cards are linked to their chip rows.
    static Catalog fromParts(std::vector<AnyPart> parts, std::vector<GpuChip> chips);

    std::span<const AnyPart> parts(Category category) const;
    std::span<const GpuChip> chips() const { return m_chips; }
    size_t size() const;

    const AnyPart* findById(std::string_view id) const;
    // Resolves a .mlrig "ref": catalog id, exact part name, or for GPUs a GPU model name
    // ("GeForce RTX 3090"), all case-insensitive; names also match with spaces/hyphens folded.
    const AnyPart* find(Category category, std::string_view ref) const;
    const GpuChip* chip(std::string_view model) const;  // tolerant of case, spaces, "NVIDIA " prefix

    // Parts of one category that `text` matches (SearchText: every word found in the name,
    // manufacturer or GPU model, ignoring case, spaces and punctuation, so "rtx3090" finds
    // "RTX 3090"), in catalog order, at most `limit` results. An empty text matches everything.
    // The picker and `mlrig-cli catalog search` rank the same matches (core/advise/PartSearch).
    std::vector<const AnyPart*> search(Category category, std::string_view text, size_t limit = SIZE_MAX) const;

    const CatalogStats& stats() const { return m_stats; }

    // What GPUs sell for, new and used, by month and source (db/source/gpu_market_prices.csv).
    const MarketPriceTable& marketPrices() const { return m_market; }
    // Replaces the market price table (fixtures; the loader fills it from the catalog file).
    void setMarketPrices(MarketPriceTable table);
    // Machines with one memory pool for CPU and GPU (db/source/unified_*.csv): the "buy" side of
    // build or buy.
    const UnifiedSystemTable& unifiedSystems() const { return m_unified; }
    void setUnifiedSystems(UnifiedSystemTable table);  // fixtures; the loader fills it from the file
    // Sets when and where the shop prices were taken (fixtures; the loader reads catalog_meta).
    void setRetailPriceDate(std::string month, std::string source);

private:
    friend class CatalogReader;
    void index();

    std::array<std::vector<AnyPart>, 8> m_parts;
    std::vector<GpuChip> m_chips;
    MarketPriceTable m_market;
    UnifiedSystemTable m_unified;
    std::unordered_map<std::string, std::pair<int, size_t>> m_byId;  // id -> (category, index)
    std::array<std::unordered_map<std::string, size_t>, 8> m_byFoldedName;
    std::unordered_map<std::string, size_t> m_chipByFoldedModel;
    CatalogStats m_stats;
};

}  // namespace mlrig
