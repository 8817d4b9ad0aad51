#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <future>
#include <map>
#include <memory>
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

// How a background load recovers when the rest of a catalog file turns out damaged (see
// Catalog::loadFileInBackground).
struct CatalogRecovery {
    // A catalog image that lives as long as the program (the embedded one): the categories still
    // to read come from it when the file fails its integrity check or a read. Empty: none.
    std::span<const std::byte> staticFallbackImage;
    // Called on the background thread, after the file was closed, with what was wrong; does what
    // the caller decided for damaged files (openCatalog moves it aside and restores it) and
    // returns a sentence saying so, for the notice. May be empty.
    std::function<std::string(const std::string& problem)> whenDamaged;
};

// The read-only parts catalog, held in memory (read from parts.sqlite) so that lookups,
// search-as-you-type and evaluation never touch the disk.
//
// A catalog is read whole before the load returns, or, for the desktop app's first paint, in two
// steps (loadFileGpusFirst): the GPU models, market prices, machines and the counts per
// category at once (what an empty build's findings, power and charts need: a few hundred rows
// of 26,000), and the parts later: on a background thread once
// readRestInBackground() is called (the app calls it after its first paint, so the two do not
// compete for memory and cores), or by the first call that needs them (parts(), search(),
// find() and findById() of anything but a GPU model), which waits for them. Callers never see a
// partial catalog.
class Catalog {
public:
    Catalog() = default;

    static Catalog loadFile(const std::filesystem::path& sqlitePath);   // throws CatalogError
    static Catalog loadBytes(std::span<const std::byte> sqliteImage);   // throws CatalogError
    // Reads the GPU models, prices, machines and counts now and leaves the parts for later.
    // Throws CatalogError when the file cannot be opened or its schema or those tables cannot be read;
    // damage found later (the integrity check runs with the rest) is handled as `recovery` says
    // and reported by completionNotice().
    static Catalog loadFileGpusFirst(const std::filesystem::path& sqlitePath, CatalogRecovery recovery = {});
    // The same for an image that lives as long as the program (the embedded catalog).
    static Catalog loadStaticBytesGpusFirst(std::span<const std::byte> staticImage);
    // Starts reading the parts a GpusFirst load left, on a thread of its own; does nothing
    // for a whole load or when already started. The last copy of the catalog to go joins it.
    void readRestInBackground() const;
    // Only the GPU model rows (each offered as a part of its own) and the unified-memory
    // machines, without parts or market prices: a fast load for commands that need nothing else
    // (mlrig-cli fit). Throws CatalogError.
    static Catalog loadGpuModels(std::span<const std::byte> sqliteImage);
    static Catalog loadGpuModelsFromFile(const std::filesystem::path& sqlitePath);
    // Assembles a catalog directly (tests, fixtures). GPU cards are linked to their chip rows.
    static Catalog fromParts(std::vector<AnyPart> parts, std::vector<GpuChip> chips);

    std::span<const AnyPart> parts(Category category) const;
    // The GPU models offered as parts ("GeForce RTX 3090", id "gpu-model:..."), one per chip
    // row: the first chips().size() GPU parts. Never waits: a GpusFirst load reads them first.
    std::span<const AnyPart> gpuModelParts() const;
    std::span<const GpuChip> chips() const { return m_chips; }
    size_t size() const;  // parts in all categories, from the counts (never waits)

    // False while a GpusFirst load has not read everything yet; never waits.
    bool loadedCompletely() const;
    // Waits until every category is in memory; returns what went wrong on the way and what was
    // done about it ("" when nothing did). A whole load returns "" at once.
    std::string completionNotice() const;

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

    // One category's parts and the lookups into them.
    struct Shelf {
        std::vector<AnyPart> parts;
        std::unordered_map<std::string, size_t> byId;          // lower-case id -> index
        std::unordered_map<std::string, size_t> byFoldedName;  // foldName(name) -> index; first of equal names wins
        size_t priced = 0;                                     // parts with a price
        void index();
    };
    using Shelves = std::array<Shelf, kAllCategories.size()>;
    // What a background load read: every category but GPUs, and what went wrong on the way.
    struct Deferred {
        Shelves shelves;
        std::string notice;
    };

    void index();
    const Shelf& shelf(Category category) const;  // waits for a background load when it must
    // The GPU model rows read first, while the rest of a GpusFirst load is not in yet; else null.
    const Shelf* eagerGpuModels() const;
    const AnyPart* findGpu(const Shelf& gpus, std::string_view ref) const;  // id, name or model name

    Shelves m_shelves;
    // Valid while or after a background load reads the categories other than GPUs; copies of a
    // catalog share it (it is never written once ready).
    std::shared_future<std::shared_ptr<const Deferred>> m_deferred;
    mutable std::shared_ptr<std::future<void>> m_restReader;  // the thread readRestInBackground() started
    std::vector<GpuChip> m_chips;
    MarketPriceTable m_market;
    UnifiedSystemTable m_unified;
    std::unordered_map<std::string, size_t> m_chipByFoldedModel;
    CatalogStats m_stats;
};

}  // namespace mlrig
