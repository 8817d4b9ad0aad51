#include "core/catalog/Catalog.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <algorithm>

#include "core/catalog/SearchText.h"
#include "core/catalog/SqliteRow.h"
#include "core/util/TextUtil.h"

namespace mlrig {
namespace {

constexpr int kCatalogSchemaVersion = 3;  // 2: gpu_market_price table, catalog_meta price dates; 3: unified_chip, unified_system

// The identity and price every part row carries.
PartInfo partInfo(const SqliteRow& row)
{
    PartInfo info;
    info.id = row.text("id");
    info.name = row.text("name");
    info.manufacturer = row.text("manufacturer");
    info.releaseYear = row.integer("release_year");
    info.priceUsd = row.real("price_usd");
    return info;
}

// The catalog table that holds a category (fixed names: an identifier cannot be a bound
// parameter, so they are quoted all the same where used).
const char* tableOf(Category category)
{
    switch (category) {
    case Category::Cpu: return "cpu";
    case Category::Motherboard: return "motherboard";
    case Category::Memory: return "memory";
    case Category::Gpu: return "gpu";
    case Category::Psu: return "psu";
    case Category::Case: return "pc_case";
    case Category::Cooler: return "cooler";
    case Category::Storage: return "storage";
    }
    return "";
}

AnyPart readPart(Category category, const SqliteRow& r)
{
    switch (category) {
    case Category::Cpu: {
        Cpu p;
        p.info = partInfo(r);
        p.socket = r.text("socket");
        p.microarchitecture = r.text("microarchitecture");
        p.cores = r.integer("cores");
        p.threads = r.integer("threads");
        p.boostGhz = r.real("boost_ghz");
        p.tdpW = r.real("tdp_w");
        p.pptW = r.real("ppt_w");
        p.memoryTypes = r.stringList("memory_types");
        p.maxMemoryGb = r.integer("max_memory_gb");
        p.memoryChannels = r.integer("memory_channels");
        p.pcieLanes = r.integer("pcie_lanes");
        p.integratedGraphics = r.boolean("integrated_graphics");
        return p;
    }
    case Category::Motherboard: {
        Motherboard p;
        p.info = partInfo(r);
        p.socket = r.text("socket");
        p.formFactor = r.text("form_factor");
        p.chipset = r.text("chipset");
        p.memoryType = r.text("memory_type");
        p.memorySlots = r.integer("memory_slots");
        p.maxMemoryGb = r.integer("max_memory_gb");
        p.pcieX16Slots = r.integer("pcie_x16_slots");
        p.x8x8Bifurcation = r.boolean("x8x8_bifurcation");
        p.m2Slots = r.integer("m2_slots");
        return p;
    }
    case Category::Memory: {
        Memory p;
        p.info = partInfo(r);
        p.memoryType = r.text("memory_type");
        p.formFactor = r.text("form_factor");
        p.modules = r.integer("modules");
        p.moduleGb = r.integer("module_gb");
        p.speedMts = r.integer("speed_mts");
        p.casLatency = r.real("cas_latency");
        p.ecc = r.boolean("ecc");
        p.registered = r.boolean("registered");
        return p;
    }
    case Category::Gpu: {
        Gpu p;
        p.info = partInfo(r);
        p.chipModel = r.text("chipset");  // OpenDB chipset; linked to a GpuChip model in index()
        p.vendor = vendorFromId(r.text("vendor"));
        p.vramGb = r.real("vram_gb");
        p.memoryType = r.text("memory_type");
        p.tdpW = r.real("tdp_w");
        p.lengthMm = r.real("length_mm");
        p.slotWidth = r.real("slot_width");
        p.pcie6pin = r.integer("pcie_6pin");
        p.pcie8pin = r.integer("pcie_8pin");
        p.pcie12vhpwr = r.integer("pcie_12vhpwr");
        p.cooling = coolingFromId(r.text("cooling"));
        p.interface = r.text("interface");
        return p;
    }
    case Category::Psu: {
        Psu p;
        p.info = partInfo(r);
        p.wattageW = r.real("wattage_w");
        p.formFactor = r.text("form_factor");
        p.efficiency = r.text("efficiency");
        p.modular = r.text("modular");
        p.atx3 = r.boolean("atx3");
        p.pcie8pin = r.integer("pcie_8pin");
        p.pcie12vhpwr = r.integer("pcie_12vhpwr");
        p.eps8pin = r.integer("eps_8pin");
        return p;
    }
    case Category::Case: {
        Case p;
        p.info = partInfo(r);
        p.formFactor = r.text("form_factor");
        p.motherboardFormFactors = r.stringList("motherboard_form_factors");
        p.maxGpuLengthMm = r.real("max_gpu_length_mm");
        p.maxCoolerHeightMm = r.real("max_cooler_height_mm");
        p.expansionSlots = r.integer("expansion_slots");
        p.volumeL = r.real("volume_l");
        return p;
    }
    case Category::Cooler: {
        Cooler p;
        p.info = partInfo(r);
        p.sockets = r.stringList("sockets");
        p.heightMm = r.real("height_mm");
        p.waterCooled = r.boolean("water_cooled");
        p.radiatorMm = r.integer("radiator_mm");
        p.noiseDb = r.real("noise_db");
        p.tdpRatingW = r.real("tdp_rating_w");
        return p;
    }
    case Category::Storage: {
        Storage p;
        p.info = partInfo(r);
        p.capacityGb = r.real("capacity_gb");
        p.nvme = r.boolean("nvme");
        p.interface = r.text("interface");
        p.formFactor = r.text("form_factor");
        p.storageType = r.text("storage_type");
        return p;
    }
    }
    throw CatalogError("unknown part category");
}

struct CategoryCount {
    size_t rows = 0;
    size_t priced = 0;
};

CategoryCount countRows(SQLite::Database& db, Category category)
{
    SQLite::Statement query(db, std::string("SELECT count(*), count(price_usd) FROM \"") + tableOf(category) + "\"");
    if (!query.executeStep())
        return {};
    return {static_cast<size_t>(query.getColumn(0).getInt64()), static_cast<size_t>(query.getColumn(1).getInt64())};
}

// Appends a category's rows in name order. The vector is sized first: growing it row by row
// copied the variants over and over and was a third of the whole catalog's load time.
void readCategory(SQLite::Database& db, Category category, std::vector<AnyPart>& out)
{
    out.reserve(out.size() + countRows(db, category).rows);
    SQLite::Statement query(db, std::string("SELECT * FROM \"") + tableOf(category) + "\" ORDER BY name COLLATE NOCASE, id");
    const ColumnIndex columns(query);
    while (query.executeStep())
        out.push_back(readPart(category, SqliteRow(query, columns)));
}

struct ChipRow {
    GpuChip chip;
    std::vector<std::string> opendbChipsets;
};

std::vector<ChipRow> readChips(SQLite::Database& db)
{
    std::vector<ChipRow> chips;
    SQLite::Statement query(db, "SELECT * FROM gpu_chip ORDER BY model");
    const ColumnIndex columns(query);
    while (query.executeStep()) {
        const SqliteRow r(query, columns);
        ChipRow row;
        GpuChip& c = row.chip;
        c.model = r.text("model");
        c.vendor = vendorFromId(r.text("vendor"));
        c.gpuClass = gpuClassFromId(r.text("class"));
        c.architecture = r.text("architecture");
        c.launchYear = r.integer("launch_year");
        c.vramGb = r.real("vram_gb");
        c.memoryBandwidthGbs = r.real("memory_bandwidth_gbs");
        c.fp16TensorTflops = r.real("fp16_tensor_tflops");
        c.fp16TensorTflopsFp16Acc = r.real("fp16_tensor_tflops_fp16acc");
        c.fp32Tflops = r.real("fp32_tflops");
        c.tdpW = r.real("tdp_w");
        c.transientPeakW = r.real("transient_peak_w");
        c.lengthMm = r.real("length_mm");
        c.slotWidth = r.real("slot_width");
        c.pcie8pin = r.integer("pcie_8pin");
        c.pcie12vhpwr = r.integer("pcie_12vhpwr");
        c.nvlink = r.boolean("nvlink");
        c.cooling = coolingFromId(r.text("cooling"));
        c.gpusPerBoard = r.integer("gpus_per_board").value_or(1);
        c.msrpUsd = r.real("msrp_usd");
        c.tensorNote = r.text("tensor_note");
        c.source = r.text("source");
        const std::string chipsets = r.text("opendb_chipsets");
        size_t start = 0;
        while (start <= chipsets.size()) {
            const size_t end = std::min(chipsets.find(';', start), chipsets.size());
            const std::string_view one = trim(std::string_view(chipsets).substr(start, end - start));
            if (!one.empty())
                row.opendbChipsets.emplace_back(one);
            start = end + 1;
        }
        chips.push_back(std::move(row));
    }
    return chips;
}

}  // namespace

class CatalogReader {
public:
    // Everything, before returning.
    static Catalog read(SQLite::Database& db, const std::string& what);
    // The GPU side, prices, machines and the counts of the other categories; the rest is left to
    // readRest().
    static Catalog readFirst(SQLite::Database& db, const std::string& what);
    static void readRest(SQLite::Database& db, Catalog::Deferred& deferred);
    static Catalog readGpuModels(SQLite::Database& db, const std::string& what);
    // Starts the background thread that reads what readFirst() left, on `db`.
    static void readRestInBackground(Catalog& catalog, std::unique_ptr<SQLite::Database> db, std::string what,
                                     CatalogRecovery recovery);

private:
    // The GPU models as parts and, with `withCards`, the board-partner cards after them.
    static void readChipsAndGpus(Catalog& catalog, SQLite::Database& db, bool withCards);
    static void readMeta(Catalog& catalog, SQLite::Database& db, const std::string& what, int version);
};

namespace {

// The schema version a catalog file carries (PRAGMA user_version); a mismatch is refused with
// both numbers, because reading another version's columns would give wrong parts silently.
int checkedSchemaVersion(SQLite::Database& db, const std::string& what)
{
    const int version = db.execAndGet("PRAGMA user_version").getInt();
    if (version != kCatalogSchemaVersion) {
        throw CatalogError(what + " has catalog schema version " + std::to_string(version) + "; this mlrig needs " +
                           std::to_string(kCatalogSchemaVersion));
    }
    return version;
}

// Every page of the file is sound (PRAGMA quick_check: about 20 ms for the 6 MB catalog).
void checkIntegrity(SQLite::Database& db, const std::string& what)
{
    const std::string check = db.execAndGet("PRAGMA quick_check").getString();
    if (check != "ok")
        throw CatalogError(what + " is damaged (" + check + ")");
}

// Opens a SQLite image held in memory. READONLY: SQLite reads the image in place and never
// writes to it, so the image must outlive the connection.
std::unique_ptr<SQLite::Database> openImage(std::span<const std::byte> sqliteImage, const std::string& what)
{
    if (sqliteImage.size() < 512)
        throw CatalogError(what + " is empty or truncated");
    // NOMUTEX: a catalog connection is used by one thread at a time (the loader, then the
    // background reader), so SQLite's per-call locking (two mutex operations for every column
    // read) buys nothing.
    auto db = std::make_unique<SQLite::Database>(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX);
    auto* data = const_cast<unsigned char*>(reinterpret_cast<const unsigned char*>(sqliteImage.data()));
    const int rc = sqlite3_deserialize(db->getHandle(), "main", data, static_cast<sqlite3_int64>(sqliteImage.size()),
                                       static_cast<sqlite3_int64>(sqliteImage.size()), SQLITE_DESERIALIZE_READONLY);
    if (rc != SQLITE_OK)
        throw CatalogError(what + " cannot be opened (SQLite error " + std::to_string(rc) + ")");
    return db;
}

std::unique_ptr<SQLite::Database> openFile(const std::filesystem::path& sqlitePath, const std::string& what)
{
    std::error_code error;
    if (!std::filesystem::is_regular_file(sqlitePath, error))
        throw CatalogError(what + " does not exist");
    auto db = std::make_unique<SQLite::Database>(sqlitePath.string(), SQLite::OPEN_READONLY | SQLite::OPEN_NOMUTEX);
    // Read the file through a memory map rather than a read() per 4 KB page; the catalog is a
    // few MB and read-only.
    db->exec("PRAGMA mmap_size = 67108864");
    return db;
}

// Runs `read` and turns the reader's exceptions into CatalogError with `what` in front.
template <typename Read> auto guarded(const std::string& what, Read read)
{
    try {
        return read();
    } catch (const SQLite::Exception& e) {
        throw CatalogError(what + " cannot be read: " + e.what());
    } catch (const nlohmann::json::exception& e) {
        throw CatalogError(what + " holds malformed data: " + e.what());
    }
}

template <typename Read> Catalog readImage(std::span<const std::byte> sqliteImage, Read read)
{
    const std::string what = "embedded catalog";
    return guarded(what, [&] {
        const auto db = openImage(sqliteImage, what);
        return read(*db, what);
    });
}

template <typename Read> Catalog readFile(const std::filesystem::path& sqlitePath, Read read)
{
    const std::string what = "catalog " + sqlitePath.string();
    return guarded(what, [&] {
        const auto db = openFile(sqlitePath, what);
        return read(*db, what);
    });
}


// Vendor and brand words are optional when naming a GPU model: "NVIDIA GeForce RTX 3090",
// "GeForce RTX 3090" and "RTX 3090" are the same key, as are "Tesla P40" and "P40".
std::string chipKey(std::string_view model)
{
    std::string folded = foldName(model);
    bool stripped = true;
    while (stripped) {
        stripped = false;
        for (std::string_view prefix : {"nvidia", "amd", "intel", "geforce", "tesla", "radeon"}) {
            if (folded.starts_with(prefix) && folded.size() > prefix.size() + 2) {
                folded.erase(0, prefix.size());
                stripped = true;
            }
        }
    }
    return folded;
}

// A GPU model row offered as a part of its own ("GeForce RTX 3090"), priced at its MSRP.
Gpu gpuFromChip(const GpuChip& chip)
{
    Gpu gpu;
    gpu.info.id = "gpu-model:" + foldName(chip.model);
    gpu.info.name = chip.model;
    gpu.info.manufacturer = std::string(vendorId(chip.vendor));
    gpu.info.releaseYear = chip.launchYear;
    gpu.info.priceUsd = chip.msrpUsd;
    gpu.info.priceIsMsrp = chip.msrpUsd.has_value();
    gpu.chipModel = chip.model;
    gpu.lengthMm = chip.lengthMm;
    gpu.slotWidth = chip.slotWidth;
    gpu.pcie8pin = chip.pcie8pin;
    gpu.pcie12vhpwr = chip.pcie12vhpwr;
    gpu.cooling = chip.cooling;
    gpu.tdpW = chip.tdpW;
    gpu.vramGb = chip.vramGb;
    return gpu;
}

// Fills what a board-partner card does not state from its GPU model row.
void completeFromChip(Gpu& gpu, const GpuChip& chip)
{
    gpu.chipModel = chip.model;
    if (gpu.vendor == Vendor::Unknown)
        gpu.vendor = chip.vendor;
    gpu.gpuClass = chip.gpuClass;
    gpu.architecture = chip.architecture;
    if (!gpu.vramGb)
        gpu.vramGb = chip.vramGb;
    gpu.memoryBandwidthGbs = chip.memoryBandwidthGbs;
    gpu.fp16TensorTflops = chip.fp16TensorTflops;
    gpu.fp32Tflops = chip.fp32Tflops;
    if (!gpu.tdpW)
        gpu.tdpW = chip.tdpW;
    // A partner card's transient peak scales with its own board power.
    if (chip.transientPeakW && chip.tdpW && gpu.tdpW && *chip.tdpW > 0)
        gpu.transientPeakW = *chip.transientPeakW * (*gpu.tdpW / *chip.tdpW);
    else
        gpu.transientPeakW = chip.transientPeakW;
    if (!gpu.lengthMm)
        gpu.lengthMm = chip.lengthMm;
    if (!gpu.slotWidth)
        gpu.slotWidth = chip.slotWidth;
    if (!gpu.pcie8pin && !gpu.pcie12vhpwr && !gpu.pcie6pin) {
        gpu.pcie8pin = chip.pcie8pin;
        gpu.pcie12vhpwr = chip.pcie12vhpwr;
    }
    gpu.nvlink = chip.nvlink;
    if (gpu.cooling == Cooling::Unknown)
        gpu.cooling = chip.cooling;
    gpu.gpusPerBoard = chip.gpusPerBoard;
}

}  // namespace


void CatalogReader::readChipsAndGpus(Catalog& catalog, SQLite::Database& db, bool withCards)
{
    std::vector<ChipRow> chipRows = readChips(db);
    // OpenDB chipset strings ("GeForce RTX 3080 10 GB") -> chip model ("GeForce RTX 3080 10GB").
    std::unordered_map<std::string, std::string> modelForChipset;
    std::vector<GpuChip> chips;
    chips.reserve(chipRows.size());
    for (ChipRow& row : chipRows) {
        for (const std::string& chipset : row.opendbChipsets)
            modelForChipset[foldName(chipset)] = row.chip.model;
        chips.push_back(std::move(row.chip));
    }
    // The model rows first, then the cards read straight into place behind them: moving each
    // card once more (as fromParts does) cost a quarter of the GPU load.
    catalog = Catalog::fromParts({}, std::move(chips));
    if (!withCards)
        return;
    std::vector<AnyPart>& gpus = catalog.m_shelves[static_cast<size_t>(Category::Gpu)].parts;
    const size_t firstCard = gpus.size();
    readCategory(db, Category::Gpu, gpus);
    for (size_t i = firstCard; i < gpus.size(); ++i) {
        auto& gpu = std::get<Gpu>(gpus[i]);
        const auto it = modelForChipset.find(foldName(gpu.chipModel));
        if (it != modelForChipset.end())
            gpu.chipModel = it->second;
    }
}

void CatalogReader::readMeta(Catalog& catalog, SQLite::Database& db, const std::string& what, int version)
{
    catalog.m_stats.schemaVersion = version;
    const bool hasMeta = db.tableExists("catalog_meta");
    const auto meta = [&db, hasMeta](const char* key) {
        if (!hasMeta)
            return std::string();
        SQLite::Statement query(db, "SELECT value FROM catalog_meta WHERE key = ?");
        query.bind(1, key);
        return query.executeStep() ? query.getColumn(0).getString() : std::string();
    };
    catalog.m_stats.builtFrom = meta("provenance");
    catalog.setRetailPriceDate(meta("retail_price_month"), meta("retail_price_source"));
    catalog.setMarketPrices(MarketPriceTable::read(db, what));
    catalog.setUnifiedSystems(UnifiedSystemTable::read(db, what));
}

Catalog CatalogReader::read(SQLite::Database& db, const std::string& what)
{
    const int version = checkedSchemaVersion(db, what);
    checkIntegrity(db, what);
    Catalog catalog;
    readChipsAndGpus(catalog, db, true);
    for (Category category : kAllCategories) {
        if (category != Category::Gpu)
            readCategory(db, category, catalog.m_shelves[static_cast<size_t>(category)].parts);
    }
    catalog.index();
    readMeta(catalog, db, what, version);
    return catalog;
}

Catalog CatalogReader::readFirst(SQLite::Database& db, const std::string& what)
{
    const int version = checkedSchemaVersion(db, what);
    Catalog catalog;
    // Only the GPU models (one row per chip): an empty build's charts need nothing more. The
    // 3,800 cards were two thirds of this step and come with the rest.
    readChipsAndGpus(catalog, db, false);  // fromParts() has indexed the models and counted them
    // The counts the app shows at once ("26,088 parts") come from SQLite, not from the parts.
    for (Category category : kAllCategories) {
        const CategoryCount count = countRows(db, category);
        catalog.m_stats.partsPerCategory[category] += count.rows;  // GPUs: the models are counted already
        catalog.m_stats.partsWithPrice += count.priced;
    }
    readMeta(catalog, db, what, version);
    return catalog;
}

void CatalogReader::readRest(SQLite::Database& db, Catalog::Deferred& deferred)
{
    checkIntegrity(db, "the catalog");
    // The GPU shelf whole, models and cards, as a whole load builds it.
    Catalog gpuSide;
    readChipsAndGpus(gpuSide, db, true);
    gpuSide.index();
    deferred.shelves[static_cast<size_t>(Category::Gpu)] = std::move(gpuSide.m_shelves[static_cast<size_t>(Category::Gpu)]);
    for (Category category : kAllCategories) {
        if (category == Category::Gpu)
            continue;
        Catalog::Shelf& shelf = deferred.shelves[static_cast<size_t>(category)];
        readCategory(db, category, shelf.parts);
        shelf.index();
    }
}

void CatalogReader::readRestInBackground(Catalog& catalog, std::unique_ptr<SQLite::Database> db, std::string what,
                                         CatalogRecovery recovery)
{
    auto task = [db = std::move(db), what = std::move(what), recovery = std::move(recovery)]() mutable {
        auto deferred = std::make_shared<Catalog::Deferred>();
        std::string problem;
        // Nothing may escape: the future would rethrow it into whichever call waits first.
        try {
            readRest(*db, *deferred);
        } catch (const std::exception& e) {
            problem = e.what();
        } catch (...) {
            problem = "unknown error";
        }
        db.reset();  // closed before `whenDamaged` moves the file
        if (problem.empty())
            return std::shared_ptr<const Catalog::Deferred>(std::move(deferred));
        deferred = std::make_shared<Catalog::Deferred>();
        std::string notice = "The parts " + what + " is damaged (" + problem + ").";
        if (recovery.whenDamaged) {
            if (const std::string done = recovery.whenDamaged(problem); !done.empty())
                notice += " " + done;
        }
        bool fellBack = false;
        if (!recovery.staticFallbackImage.empty()) {
            try {
                const auto image = openImage(recovery.staticFallbackImage, "embedded catalog");
                readRest(*image, *deferred);
                fellBack = true;
            } catch (const std::exception&) {
                deferred = std::make_shared<Catalog::Deferred>();
            }
        }
        notice += fellBack ? " The parts come from the built-in catalog this time."
                           : " Only the GPU models could be read this time.";
        deferred->notice = std::move(notice);
        return std::shared_ptr<const Catalog::Deferred>(std::move(deferred));
    };
    // Deferred: run by readRestInBackground()'s thread, or by the first call that needs it.
    catalog.m_deferred = std::async(std::launch::deferred, std::move(task)).share();
}

Catalog CatalogReader::readGpuModels(SQLite::Database& db, const std::string& what)
{
    const int version = checkedSchemaVersion(db, what);
    std::vector<GpuChip> chips;
    for (ChipRow& row : readChips(db))
        chips.push_back(std::move(row.chip));
    Catalog catalog = Catalog::fromParts({}, std::move(chips));
    catalog.m_stats.schemaVersion = version;
    // No market prices: `fit` answers what runs and how fast, not what it costs, and the 259
    // price rows with their sources were a fifth of its heap (issue 14: fit within 10 ms).
    // `fit` compares a model's needs against every GPU model and every unified-memory machine.
    catalog.setUnifiedSystems(UnifiedSystemTable::read(db, what));
    return catalog;
}

void Catalog::setUnifiedSystems(UnifiedSystemTable table)
{
    m_unified = std::move(table);
}

void Catalog::setMarketPrices(MarketPriceTable table)
{
    m_market = std::move(table);
    m_stats.marketPriceMonth = m_market.latestMonth();
    m_stats.marketPriceRows = m_market.rows().size();
}

void Catalog::setRetailPriceDate(std::string month, std::string source)
{
    m_stats.retailPriceMonth = std::move(month);
    m_stats.retailPriceSource = std::move(source);
}

Catalog Catalog::loadGpuModels(std::span<const std::byte> sqliteImage)
{
    return readImage(sqliteImage, &CatalogReader::readGpuModels);
}

Catalog Catalog::loadGpuModelsFromFile(const std::filesystem::path& sqlitePath)
{
    return readFile(sqlitePath, &CatalogReader::readGpuModels);
}

Catalog Catalog::loadFile(const std::filesystem::path& sqlitePath)
{
    return readFile(sqlitePath, &CatalogReader::read);
}

Catalog Catalog::loadBytes(std::span<const std::byte> sqliteImage)
{
    return readImage(sqliteImage, &CatalogReader::read);
}

Catalog Catalog::loadFileGpusFirst(const std::filesystem::path& sqlitePath, CatalogRecovery recovery)
{
    const std::string what = "catalog " + sqlitePath.string();
    return guarded(what, [&] {
        auto db = openFile(sqlitePath, what);
        Catalog catalog = CatalogReader::readFirst(*db, what);
        CatalogReader::readRestInBackground(catalog, std::move(db), what, std::move(recovery));
        return catalog;
    });
}

Catalog Catalog::loadStaticBytesGpusFirst(std::span<const std::byte> staticImage)
{
    const std::string what = "embedded catalog";
    return guarded(what, [&] {
        auto db = openImage(staticImage, what);
        Catalog catalog = CatalogReader::readFirst(*db, what);
        CatalogReader::readRestInBackground(catalog, std::move(db), what, {});
        return catalog;
    });
}

Catalog Catalog::fromParts(std::vector<AnyPart> parts, std::vector<GpuChip> chips)
{
    Catalog catalog;
    catalog.m_chips = std::move(chips);
    for (size_t i = 0; i < catalog.m_chips.size(); ++i)
        catalog.m_chipByFoldedModel.emplace(chipKey(catalog.m_chips[i].model), i);
    Shelf& gpus = catalog.m_shelves[static_cast<size_t>(Category::Gpu)];
    gpus.parts.reserve(catalog.m_chips.size() + parts.size());
    for (const GpuChip& chip : catalog.m_chips)
        gpus.parts.push_back(gpuFromChip(chip));
    for (AnyPart& part : parts)
        catalog.m_shelves[part.index()].parts.push_back(std::move(part));
    catalog.index();
    return catalog;
}

void Catalog::Shelf::index()
{
    byId.clear();
    byFoldedName.clear();
    priced = 0;
    byId.reserve(parts.size());
    byFoldedName.reserve(parts.size());
    for (size_t i = 0; i < parts.size(); ++i) {
        const PartInfo& info = infoOf(parts[i]);
        if (!info.id.empty())
            byId.emplace(toLower(info.id), i);
        byFoldedName.emplace(foldName(info.name), i);  // first of duplicate names wins
        if (info.priceUsd)
            ++priced;
    }
}

void Catalog::index()
{
    m_stats = {};
    for (AnyPart& part : m_shelves[static_cast<size_t>(Category::Gpu)].parts) {
        auto& gpu = std::get<Gpu>(part);
        if (const GpuChip* linked = chip(gpu.chipModel))
            completeFromChip(gpu, *linked);
    }
    for (Category category : kAllCategories) {
        Shelf& shelf = m_shelves[static_cast<size_t>(category)];
        shelf.index();
        m_stats.partsPerCategory[category] = shelf.parts.size();
        m_stats.partsWithPrice += shelf.priced;
    }
    m_stats.gpuModels = m_chips.size();
}

const Catalog::Shelf& Catalog::shelf(Category category) const
{
    if (!m_deferred.valid())
        return m_shelves[static_cast<size_t>(category)];
    const Shelf& read = m_deferred.get()->shelves[static_cast<size_t>(category)];
    // When the rest could not be read at all, the GPU models read first are still offered.
    if (category == Category::Gpu && read.parts.empty())
        return m_shelves[static_cast<size_t>(category)];
    return read;
}

const Catalog::Shelf* Catalog::eagerGpuModels() const
{
    if (m_deferred.valid() && m_deferred.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
        return &m_shelves[static_cast<size_t>(Category::Gpu)];
    return nullptr;
}

std::span<const AnyPart> Catalog::gpuModelParts() const
{
    if (const Shelf* models = eagerGpuModels())
        return models->parts;
    const std::span<const AnyPart> all = shelf(Category::Gpu).parts;
    return all.first(std::min(m_chips.size(), all.size()));
}

void Catalog::readRestInBackground() const
{
    if (!m_deferred.valid() || m_restReader)
        return;
    // The thread only waits on the deferred read, which runs it there; a caller that needs the
    // parts meanwhile waits for the same run (a deferred state runs its function once).
    m_restReader = std::make_shared<std::future<void>>(
        std::async(std::launch::async, [rest = m_deferred] { rest.wait(); }));
}

bool Catalog::loadedCompletely() const
{
    return !m_deferred.valid() || m_deferred.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
}

std::string Catalog::completionNotice() const
{
    return m_deferred.valid() ? m_deferred.get()->notice : std::string();
}

std::span<const AnyPart> Catalog::parts(Category category) const
{
    return shelf(category).parts;
}

size_t Catalog::size() const
{
    size_t total = 0;
    for (const auto& [category, count] : m_stats.partsPerCategory)
        total += count;
    return total;
}

const AnyPart* Catalog::findById(std::string_view id) const
{
    const std::string key = toLower(trim(id));
    // A GPU model is found among the rows read first, without waiting for the rest.
    if (const Shelf* models = eagerGpuModels()) {
        if (const auto it = models->byId.find(key); it != models->byId.end())
            return &models->parts[it->second];
    }
    const auto lookIn = [&](Category category) -> const AnyPart* {
        const Shelf& s = shelf(category);
        const auto it = s.byId.find(key);
        return it == s.byId.end() ? nullptr : &s.parts[it->second];
    };
    if (const AnyPart* gpu = lookIn(Category::Gpu))
        return gpu;
    for (Category category : kAllCategories) {
        if (category == Category::Gpu)
            continue;
        if (const AnyPart* part = lookIn(category))
            return part;
    }
    return nullptr;
}

const AnyPart* Catalog::find(Category category, std::string_view ref) const
{
    const std::string_view trimmed = trim(ref);
    if (trimmed.empty())
        return nullptr;
    if (category == Category::Gpu) {
        if (const Shelf* models = eagerGpuModels()) {
            if (const AnyPart* model = findGpu(*models, trimmed))
                return model;
        }
        return findGpu(shelf(Category::Gpu), trimmed);
    }
    const Shelf& s = shelf(category);
    if (const auto it = s.byId.find(toLower(trimmed)); it != s.byId.end())
        return &s.parts[it->second];
    if (const auto it = s.byFoldedName.find(foldName(trimmed)); it != s.byFoldedName.end())
        return &s.parts[it->second];
    return nullptr;
}

const AnyPart* Catalog::findGpu(const Shelf& gpus, std::string_view ref) const
{
    if (const auto it = gpus.byId.find(toLower(ref)); it != gpus.byId.end())
        return &gpus.parts[it->second];
    if (const auto it = gpus.byFoldedName.find(foldName(ref)); it != gpus.byFoldedName.end())
        return &gpus.parts[it->second];
    if (const GpuChip* model = chip(ref)) {
        const auto it = gpus.byFoldedName.find(foldName(model->model));
        if (it != gpus.byFoldedName.end())
            return &gpus.parts[it->second];
    }
    return nullptr;
}

const GpuChip* Catalog::chip(std::string_view model) const
{
    if (model.empty())
        return nullptr;
    const std::string key = chipKey(model);
    if (const auto it = m_chipByFoldedModel.find(key); it != m_chipByFoldedModel.end())
        return &m_chips[it->second];
    // "Tesla M40" names the one model "Tesla M40 24GB"; "GeForce RTX 3080" is ambiguous.
    const GpuChip* unique = nullptr;
    for (const auto& [folded, index] : m_chipByFoldedModel) {
        if (folded.starts_with(key)) {
            if (unique)
                return nullptr;
            unique = &m_chips[index];
        }
    }
    return unique;
}

std::vector<const AnyPart*> Catalog::search(Category category, std::string_view text, size_t limit) const
{
    const SearchQuery query(text);
    std::vector<const AnyPart*> out;
    for (const AnyPart& part : shelf(category).parts) {
        if (out.size() >= limit)
            break;
        if (query.empty() || SearchText::of(part).relevance(query) > 0)
            out.push_back(&part);
    }
    return out;
}

}  // namespace mlrig
