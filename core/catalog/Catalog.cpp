#include "core/catalog/Catalog.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <algorithm>

#include "core/catalog/SearchText.h"
#include "core/util/TextUtil.h"

namespace mlrig {
namespace {

constexpr int kCatalogSchemaVersion = 3;  // 2: gpu_market_price table, catalog_meta price dates; 3: unified_chip, unified_system

// Reads typed columns by name from the current row; NULL becomes std::nullopt.
class Row {
public:
    explicit Row(SQLite::Statement& statement) : m_statement(statement) {}

    std::string text(const char* column) const
    {
        const SQLite::Column c = m_statement.getColumn(column);
        return c.isNull() ? std::string() : c.getString();
    }
    std::optional<double> real(const char* column) const
    {
        const SQLite::Column c = m_statement.getColumn(column);
        if (c.isNull())
            return std::nullopt;
        return c.getDouble();
    }
    std::optional<int> integer(const char* column) const
    {
        const SQLite::Column c = m_statement.getColumn(column);
        if (c.isNull())
            return std::nullopt;
        return c.getInt();
    }
    std::optional<bool> boolean(const char* column) const
    {
        const std::optional<int> v = integer(column);
        if (!v)
            return std::nullopt;
        return *v != 0;
    }
    std::vector<std::string> list(const char* column) const
    {
        std::vector<std::string> out;
        const std::string raw = text(column);
        if (raw.empty())
            return out;
        const nlohmann::json parsed = nlohmann::json::parse(raw, nullptr, false);
        if (!parsed.is_array())
            return out;
        for (const auto& v : parsed) {
            if (v.is_string())
                out.push_back(v.get<std::string>());
        }
        return out;
    }
    PartInfo info() const
    {
        PartInfo info;
        info.id = text("id");
        info.name = text("name");
        info.manufacturer = text("manufacturer");
        info.releaseYear = integer("release_year");
        info.priceUsd = real("price_usd");
        return info;
    }

private:
    SQLite::Statement& m_statement;
};

// `table` is one of the fixed table names below (an identifier cannot be a bound parameter);
// it is quoted all the same.
template <typename Reader>
void readTable(SQLite::Database& db, const std::string& table, std::vector<AnyPart>& out, Reader reader)
{
    SQLite::Statement query(db, "SELECT * FROM \"" + table + "\" ORDER BY name COLLATE NOCASE, id");
    while (query.executeStep())
        out.push_back(reader(Row(query)));
}

std::vector<AnyPart> readParts(SQLite::Database& db)
{
    std::vector<AnyPart> parts;
    readTable(db, "cpu", parts, [](const Row& r) -> AnyPart {
        Cpu p;
        p.info = r.info();
        p.socket = r.text("socket");
        p.microarchitecture = r.text("microarchitecture");
        p.cores = r.integer("cores");
        p.threads = r.integer("threads");
        p.boostGhz = r.real("boost_ghz");
        p.tdpW = r.real("tdp_w");
        p.pptW = r.real("ppt_w");
        p.memoryTypes = r.list("memory_types");
        p.maxMemoryGb = r.integer("max_memory_gb");
        p.memoryChannels = r.integer("memory_channels");
        p.pcieLanes = r.integer("pcie_lanes");
        p.integratedGraphics = r.boolean("integrated_graphics");
        return p;
    });
    readTable(db, "motherboard", parts, [](const Row& r) -> AnyPart {
        Motherboard p;
        p.info = r.info();
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
    });
    readTable(db, "memory", parts, [](const Row& r) -> AnyPart {
        Memory p;
        p.info = r.info();
        p.memoryType = r.text("memory_type");
        p.formFactor = r.text("form_factor");
        p.modules = r.integer("modules");
        p.moduleGb = r.integer("module_gb");
        p.speedMts = r.integer("speed_mts");
        p.casLatency = r.real("cas_latency");
        p.ecc = r.boolean("ecc");
        p.registered = r.boolean("registered");
        return p;
    });
    readTable(db, "gpu", parts, [](const Row& r) -> AnyPart {
        Gpu p;
        p.info = r.info();
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
    });
    readTable(db, "psu", parts, [](const Row& r) -> AnyPart {
        Psu p;
        p.info = r.info();
        p.wattageW = r.real("wattage_w");
        p.formFactor = r.text("form_factor");
        p.efficiency = r.text("efficiency");
        p.modular = r.text("modular");
        p.atx3 = r.boolean("atx3");
        p.pcie8pin = r.integer("pcie_8pin");
        p.pcie12vhpwr = r.integer("pcie_12vhpwr");
        p.eps8pin = r.integer("eps_8pin");
        return p;
    });
    readTable(db, "pc_case", parts, [](const Row& r) -> AnyPart {
        Case p;
        p.info = r.info();
        p.formFactor = r.text("form_factor");
        p.motherboardFormFactors = r.list("motherboard_form_factors");
        p.maxGpuLengthMm = r.real("max_gpu_length_mm");
        p.maxCoolerHeightMm = r.real("max_cooler_height_mm");
        p.expansionSlots = r.integer("expansion_slots");
        p.volumeL = r.real("volume_l");
        return p;
    });
    readTable(db, "cooler", parts, [](const Row& r) -> AnyPart {
        Cooler p;
        p.info = r.info();
        p.sockets = r.list("sockets");
        p.heightMm = r.real("height_mm");
        p.waterCooled = r.boolean("water_cooled");
        p.radiatorMm = r.integer("radiator_mm");
        p.noiseDb = r.real("noise_db");
        p.tdpRatingW = r.real("tdp_rating_w");
        return p;
    });
    readTable(db, "storage", parts, [](const Row& r) -> AnyPart {
        Storage p;
        p.info = r.info();
        p.capacityGb = r.real("capacity_gb");
        p.nvme = r.boolean("nvme");
        p.interface = r.text("interface");
        p.formFactor = r.text("form_factor");
        p.storageType = r.text("storage_type");
        return p;
    });
    return parts;
}

struct ChipRow {
    GpuChip chip;
    std::vector<std::string> opendbChipsets;
};

std::vector<ChipRow> readChips(SQLite::Database& db)
{
    std::vector<ChipRow> chips;
    SQLite::Statement query(db, "SELECT * FROM gpu_chip ORDER BY model");
    while (query.executeStep()) {
        const Row r(query);
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
    static Catalog read(SQLite::Database& db, const std::string& what);
    static Catalog readGpuModels(SQLite::Database& db, const std::string& what);
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

// Opens a SQLite image held in memory (the catalog embedded into the executable) and hands it
// to `read`. READONLY: SQLite reads the image in place and never writes to it.
template <typename Read> Catalog readImage(std::span<const std::byte> sqliteImage, Read read)
{
    const std::string what = "embedded catalog";
    if (sqliteImage.size() < 512)
        throw CatalogError(what + " is empty or truncated");
    try {
        SQLite::Database db(":memory:", SQLite::OPEN_READWRITE);
        auto* data = const_cast<unsigned char*>(reinterpret_cast<const unsigned char*>(sqliteImage.data()));
        const int rc = sqlite3_deserialize(db.getHandle(), "main", data, static_cast<sqlite3_int64>(sqliteImage.size()),
                                           static_cast<sqlite3_int64>(sqliteImage.size()), SQLITE_DESERIALIZE_READONLY);
        if (rc != SQLITE_OK)
            throw CatalogError(what + " cannot be opened (SQLite error " + std::to_string(rc) + ")");
        return read(db, what);
    } catch (const SQLite::Exception& e) {
        throw CatalogError(what + " cannot be read: " + e.what());
    } catch (const nlohmann::json::exception& e) {
        throw CatalogError(what + " holds malformed data: " + e.what());
    }
}

// The same for a catalog file on disk (--catalog, the installed copy).
template <typename Read> Catalog readFile(const std::filesystem::path& sqlitePath, Read read)
{
    const std::string what = "catalog " + sqlitePath.string();
    std::error_code error;
    if (!std::filesystem::is_regular_file(sqlitePath, error))
        throw CatalogError(what + " does not exist");
    try {
        SQLite::Database db(sqlitePath.string(), SQLite::OPEN_READONLY);
        return read(db, what);
    } catch (const SQLite::Exception& e) {
        throw CatalogError(what + " cannot be read: " + e.what());
    } catch (const nlohmann::json::exception& e) {
        throw CatalogError(what + " holds malformed data: " + e.what());
    }
}

}  // namespace

Catalog CatalogReader::read(SQLite::Database& db, const std::string& what)
{
    const int version = checkedSchemaVersion(db, what);
    const std::string check = db.execAndGet("PRAGMA quick_check").getString();
    if (check != "ok")
        throw CatalogError(what + " is damaged (" + check + ")");
    std::vector<AnyPart> parts = readParts(db);
    std::vector<ChipRow> chipRows = readChips(db);
    // OpenDB chipset strings ("GeForce RTX 3080 10 GB") -> chip model ("GeForce RTX 3080 10GB").
    std::unordered_map<std::string, std::string> modelForChipset;
    std::vector<GpuChip> chips;
    for (ChipRow& row : chipRows) {
        for (const std::string& chipset : row.opendbChipsets)
            modelForChipset[foldName(chipset)] = row.chip.model;
        chips.push_back(std::move(row.chip));
    }
    for (AnyPart& part : parts) {
        if (auto* gpu = std::get_if<Gpu>(&part)) {
            const auto it = modelForChipset.find(foldName(gpu->chipModel));
            if (it != modelForChipset.end())
                gpu->chipModel = it->second;
        }
    }
    Catalog catalog = Catalog::fromParts(std::move(parts), std::move(chips));
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
    return catalog;
}

Catalog CatalogReader::readGpuModels(SQLite::Database& db, const std::string& what)
{
    const int version = checkedSchemaVersion(db, what);
    std::vector<GpuChip> chips;
    for (ChipRow& row : readChips(db))
        chips.push_back(std::move(row.chip));
    Catalog catalog = Catalog::fromParts({}, std::move(chips));
    catalog.m_stats.schemaVersion = version;
    catalog.setMarketPrices(MarketPriceTable::read(db, what));
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

namespace {

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

Catalog Catalog::loadFile(const std::filesystem::path& sqlitePath)
{
    return readFile(sqlitePath, &CatalogReader::read);
}

Catalog Catalog::loadBytes(std::span<const std::byte> sqliteImage)
{
    return readImage(sqliteImage, &CatalogReader::read);
}

Catalog Catalog::fromParts(std::vector<AnyPart> parts, std::vector<GpuChip> chips)
{
    Catalog catalog;
    catalog.m_chips = std::move(chips);
    for (size_t i = 0; i < catalog.m_chips.size(); ++i)
        catalog.m_chipByFoldedModel.emplace(chipKey(catalog.m_chips[i].model), i);
    for (const GpuChip& chip : catalog.m_chips)
        catalog.m_parts[static_cast<size_t>(Category::Gpu)].push_back(gpuFromChip(chip));
    for (AnyPart& part : parts)
        catalog.m_parts[part.index()].push_back(std::move(part));
    catalog.index();
    return catalog;
}

void Catalog::index()
{
    m_byId.clear();
    m_stats = {};
    for (size_t c = 0; c < m_parts.size(); ++c) {
        m_byFoldedName[c].clear();
        for (size_t i = 0; i < m_parts[c].size(); ++i) {
            AnyPart& part = m_parts[c][i];
            if (auto* gpu = std::get_if<Gpu>(&part)) {
                if (const GpuChip* linked = chip(gpu->chipModel))
                    completeFromChip(*gpu, *linked);
            }
            const PartInfo& info = infoOf(part);
            if (!info.id.empty())
                m_byId.emplace(toLower(info.id), std::make_pair(static_cast<int>(c), i));
            m_byFoldedName[c].emplace(foldName(info.name), i);  // first of duplicate names wins
            if (info.priceUsd)
                ++m_stats.partsWithPrice;
        }
        m_stats.partsPerCategory[static_cast<Category>(c)] = m_parts[c].size();
    }
    m_stats.gpuModels = m_chips.size();
}

std::span<const AnyPart> Catalog::parts(Category category) const
{
    return m_parts[static_cast<size_t>(category)];
}

size_t Catalog::size() const
{
    size_t total = 0;
    for (const auto& list : m_parts)
        total += list.size();
    return total;
}

const AnyPart* Catalog::findById(std::string_view id) const
{
    const auto it = m_byId.find(toLower(trim(id)));
    if (it == m_byId.end())
        return nullptr;
    return &m_parts[static_cast<size_t>(it->second.first)][it->second.second];
}

const AnyPart* Catalog::find(Category category, std::string_view ref) const
{
    const std::string_view trimmed = trim(ref);
    if (trimmed.empty())
        return nullptr;
    if (const AnyPart* byId = findById(trimmed); byId && categoryOf(*byId) == category)
        return byId;
    const size_t c = static_cast<size_t>(category);
    if (const auto it = m_byFoldedName[c].find(foldName(trimmed)); it != m_byFoldedName[c].end())
        return &m_parts[c][it->second];
    if (category == Category::Gpu) {
        if (const GpuChip* model = chip(trimmed)) {
            const auto it = m_byFoldedName[c].find(foldName(model->model));
            if (it != m_byFoldedName[c].end())
                return &m_parts[c][it->second];
        }
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
    for (const AnyPart& part : m_parts[static_cast<size_t>(category)]) {
        if (out.size() >= limit)
            break;
        if (query.empty() || SearchText::of(part).relevance(query) > 0)
            out.push_back(&part);
    }
    return out;
}

}  // namespace mlrig
