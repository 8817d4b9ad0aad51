// mlrig-cli catalog stats | show NAME | search TEXT
#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <optional>

#include "core/advise/PartSearch.h"
#include "core/eval/EffectivePrice.h"
#include "core/util/TextUtil.h"
#include "app/cli/CliCommands.h"
#include "app/cli/CliContext.h"

namespace mlrig::cli {
namespace {

std::string orUnknown(const std::optional<double>& value, std::string_view unit)
{
    if (!value)
        return "unknown";
    return fmt::format("{:g}{}{}", *value, unit.empty() ? "" : " ", unit);
}

std::string orUnknown(const std::optional<int>& value, std::string_view unit = {})
{
    if (!value)
        return "unknown";
    return fmt::format("{}{}{}", *value, unit.empty() ? "" : " ", unit);
}

std::string orUnknown(const std::optional<bool>& value)
{
    if (!value)
        return "unknown";
    return *value ? "yes" : "no";
}

// The market price rows of a GPU model, oldest first, and the one mlrig uses per condition.
void printMarketPrices(const GpuChip& c, const Catalog& catalog)
{
    const std::vector<const MarketPrice*> rows = catalog.marketPrices().rowsFor(c.model);
    if (rows.empty()) {
        std::cout << "market prices:    none known (priced at launch MSRP where one exists)\n";
        return;
    }
    for (Condition condition : {Condition::New, Condition::Used}) {
        const MarketPrice* used = catalog.marketPrices().current(c.model, condition);
        std::cout << fmt::format("{:<18}{}\n", fmt::format("{} price:", conditionId(condition)),
                                 used ? fmt::format("{:.2f} USD ({}, {}) {}", used->priceUsd, used->month,
                                                    shortSourceName(used->sourceTitle), used->sourceUrl)
                                      : std::string("no market price"));
    }
    std::cout << "market prices (month, condition, USD, source):\n";
    for (const MarketPrice* r : rows) {
        std::cout << fmt::format("  {}  {:<4}  {:>9.2f}", r->month, conditionId(r->condition), r->priceUsd);
        if (r->lowUsd && r->highUsd)
            std::cout << fmt::format(" ({:.0f}-{:.0f})", *r->lowUsd, *r->highUsd);
        std::cout << "  " << shortSourceName(r->sourceTitle) << "  " << r->sourceUrl << '\n';
    }
}

void printChip(const GpuChip& c)
{
    std::cout << "GPU model:        " << c.model << '\n'
              << "vendor:           " << vendorId(c.vendor) << '\n'
              << "class:            " << gpuClassId(c.gpuClass) << '\n'
              << "architecture:     " << c.architecture << '\n'
              << "launch year:      " << orUnknown(c.launchYear) << '\n'
              << "VRAM:             " << orUnknown(c.vramGb, "GB") << '\n'
              << "memory bandwidth: " << orUnknown(c.memoryBandwidthGbs, "GB/s") << '\n'
              << "FP16 tensor:      " << orUnknown(c.fp16TensorTflops, "TFLOPS (dense, FP32 accumulate)") << '\n';
    if (c.fp16TensorTflopsFp16Acc)
        std::cout << "FP16 tensor (FP16 accumulate): " << orUnknown(c.fp16TensorTflopsFp16Acc, "TFLOPS") << '\n';
    if (!c.tensorNote.empty())
        std::cout << "tensor note:      " << c.tensorNote << '\n';
    std::cout << "FP32:             " << orUnknown(c.fp32Tflops, "TFLOPS") << '\n'
              << "TDP:              " << orUnknown(c.tdpW, "W") << '\n'
              << "transient peak:   " << orUnknown(c.transientPeakW, "W") << '\n'
              << "length:           " << orUnknown(c.lengthMm, "mm") << '\n'
              << "slot width:       " << orUnknown(c.slotWidth, "slots") << '\n'
              << "PCIe 8-pin:       " << orUnknown(c.pcie8pin) << '\n'
              << "12VHPWR:          " << orUnknown(c.pcie12vhpwr) << '\n'
              << "NVLink:           " << orUnknown(c.nvlink) << '\n'
              << "cooling:          " << (c.cooling == Cooling::Unknown ? "unknown" : coolingId(c.cooling)) << '\n'
              << "GPUs per board:   " << c.gpusPerBoard << '\n'
              << "launch MSRP:      " << orUnknown(c.msrpUsd, "USD") << '\n'
              << "source:           " << c.source << '\n';
}

void printPart(const AnyPart& part, const Catalog& catalog)
{
    const PartInfo& info = infoOf(part);
    std::cout << categoryLabel(categoryOf(part)) << ": " << info.name << '\n'
              << "id:               " << info.id << '\n';
    if (!info.manufacturer.empty())
        std::cout << "manufacturer:     " << info.manufacturer << '\n';
    const EffectivePrice price = effectivePrice(part, Condition::New, catalog);
    std::cout << "price:            "
              << (price.unitPrice ? fmt::format("{:.2f} {} ({})", *price.unitPrice, price.origin.currency,
                                                priceOriginLabel(price.origin))
                                  : std::string("unknown"))
              << '\n';
    std::visit(
        [](const auto& p) {
            using T = std::decay_t<decltype(p)>;
            if constexpr (std::is_same_v<T, Cpu>) {
                std::cout << "socket: " << p.socket << ", cores: " << orUnknown(p.cores) << ", TDP: " << orUnknown(p.tdpW, "W")
                          << '\n';
            } else if constexpr (std::is_same_v<T, Motherboard>) {
                std::cout << "socket: " << p.socket << ", form factor: " << p.formFactor << ", memory: " << p.memoryType
                          << " x" << orUnknown(p.memorySlots) << ", x16 slots: " << orUnknown(p.pcieX16Slots)
                          << ", x8/x8: " << orUnknown(p.x8x8Bifurcation) << ", M.2: " << orUnknown(p.m2Slots) << '\n';
            } else if constexpr (std::is_same_v<T, Memory>) {
                std::cout << p.memoryType << ", " << orUnknown(p.modules) << " x " << orUnknown(p.moduleGb, "GB") << ", "
                          << orUnknown(p.speedMts, "MT/s") << '\n';
            } else if constexpr (std::is_same_v<T, Gpu>) {
                std::cout << "GPU model: " << (p.chipModel.empty() ? "unknown" : p.chipModel)
                          << ", VRAM: " << orUnknown(p.vramGb, "GB") << ", TDP: " << orUnknown(p.tdpW, "W")
                          << ", length: " << orUnknown(p.lengthMm, "mm") << ", slots: " << orUnknown(p.slotWidth, "")
                          << '\n';
            } else if constexpr (std::is_same_v<T, Psu>) {
                std::cout << orUnknown(p.wattageW, "W") << ", ATX 3.x: " << orUnknown(p.atx3)
                          << ", PCIe 8-pin: " << orUnknown(p.pcie8pin) << ", 12VHPWR: " << orUnknown(p.pcie12vhpwr) << '\n';
            } else if constexpr (std::is_same_v<T, Case>) {
                std::cout << p.formFactor << ", GPU clearance: " << orUnknown(p.maxGpuLengthMm, "mm")
                          << ", cooler clearance: " << orUnknown(p.maxCoolerHeightMm, "mm")
                          << ", expansion slots: " << orUnknown(p.expansionSlots) << '\n';
            } else if constexpr (std::is_same_v<T, Cooler>) {
                std::cout << "height: " << orUnknown(p.heightMm, "mm") << ", liquid: " << orUnknown(p.waterCooled) << '\n';
            } else if constexpr (std::is_same_v<T, Storage>) {
                std::cout << orUnknown(p.capacityGb, "GB") << ", " << p.interface << ", NVMe: " << orUnknown(p.nvme) << '\n';
            }
        },
        part);
}

}  // namespace

void addCatalogCommand(CLI::App& app, CliContext& context)
{
    CLI::App* catalog = app.add_subcommand("catalog", "Inspect the parts catalog");
    catalog->require_subcommand(1);

    CLI::App* stats = catalog->add_subcommand("stats", "Part counts per category");
    stats->callback([&context] {
        const CatalogStats s = context.catalog().stats();
        for (const auto& [category, count] : s.partsPerCategory)
            std::cout << fmt::format("{:<12} {:>6}\n", categoryId(category), count);
        std::cout << fmt::format("{:<12} {:>6}\n", "gpu-models", s.gpuModels);
        std::cout << fmt::format("{:<12} {:>6}\n", "priced", s.partsWithPrice);
        std::cout << "schema version " << s.schemaVersion << '\n';
        std::cout << "retail prices: " << (s.retailPriceMonth.empty() ? "undated" : s.retailPriceMonth)
                  << (s.retailPriceSource.empty() ? "" : " (" + s.retailPriceSource + ")") << '\n';
        std::cout << "GPU market prices: " << s.marketPriceRows << " rows, newest "
                  << (s.marketPriceMonth.empty() ? "none" : s.marketPriceMonth) << '\n';
        if (!s.builtFrom.empty())
            std::cout << "source: " << s.builtFrom << (s.builtFrom.ends_with('\n') ? "" : "\n");
    });

    // Option storage must outlive parsing; one CLI run registers the command once.
    static std::string showName;
    static std::string showCategory;
    auto* name = &showName;
    auto* categoryName = &showCategory;
    CLI::App* show = catalog->add_subcommand("show", "Show a GPU model row (with its sources) or a part");
    show->add_option("name", *name, "GPU model, part name or catalog id")->required();
    show->add_option("--category", *categoryName, "Limit the lookup to one category (cpu, gpu, ...)");
    show->callback([&context, name, categoryName] {
        const Catalog& cat = context.catalog();
        std::optional<Category> only;
        if (!categoryName->empty()) {
            only = categoryFromId(*categoryName);
            if (!only)
                throw InputError("unknown category \"" + *categoryName + "\"");
        }
        if ((!only || *only == Category::Gpu)) {
            if (const GpuChip* chip = cat.chip(*name)) {
                printChip(*chip);
                printMarketPrices(*chip, cat);
                return;
            }
        }
        for (Category c : kAllCategories) {
            if (only && c != *only)
                continue;
            if (const AnyPart* part = cat.find(c, *name)) {
                printPart(*part, cat);
                return;
            }
        }
        throw InputError("no part or GPU model named \"" + *name + "\" in the catalog");
    });

    // Option storage must outlive parsing; one CLI run registers the command once.
    struct SearchOptions {
        std::string text;
        std::string category = "gpu";
        size_t limit = 20;
        std::string sort;
        std::optional<double> minVram, maxLength, minWatts, minCapacity, minGpuClearance;
        bool atx3 = false;
        std::string socket, formFactor, memoryType;
    };
    static SearchOptions searchOptions;
    auto* o = &searchOptions;
    CLI::App* search = catalog->add_subcommand(
        "search", "Search one category as the part picker does: spaces, case and punctuation between letters and "
                  "digits ignored (\"rtx3090\" finds \"RTX 3090\"), best match first, one line per product");
    search->add_option("text", o->text, "Words that must all appear in the name, manufacturer or GPU model")->required();
    search->add_option("--category", o->category, "cpu, motherboard, memory, gpu, psu, case, cooler, storage");
    search->add_option("--limit", o->limit, "At most this many results")->check(CLI::Range(1, 100000));
    search->add_option("--sort", o->sort,
                       "Order of equally relevant parts: price, value, vram (gpu), wattage (psu), speed (memory), capacity "
                       "(memory, storage); default value for gpu and storage, speed for memory, else price");
    search->add_option("--min-vram", o->minVram, "GPU: at least this many GB of VRAM");
    search->add_option("--max-length", o->maxLength, "GPU: at most this long, in mm");
    search->add_option("--min-watts", o->minWatts, "PSU: at least this wattage");
    search->add_flag("--atx3", o->atx3, "PSU: states ATX 3.x");
    search->add_option("--socket", o->socket, "CPU, motherboard, cooler: this socket (AM5, \"LGA 1700\")");
    search->add_option("--form-factor", o->formFactor, "Motherboard: this form factor; case: takes a board of it");
    search->add_option("--memory-type", o->memoryType, "Memory, motherboard: DDR4, DDR5");
    search->add_option("--min-capacity", o->minCapacity, "Memory (kit total) or storage: at least this many GB");
    search->add_option("--min-gpu-clearance", o->minGpuClearance, "Case: takes a card at least this long, in mm");
    search->callback([&context, o] {
        const std::optional<Category> c = categoryFromId(o->category);
        if (!c)
            throw InputError("unknown category \"" + o->category + "\"");
        PartQuery query;
        query.text = o->text;
        if (!o->sort.empty()) {
            const std::optional<PartSort> sort = partSortFromId(o->sort);
            const std::vector<PartSort> sorts = sortsFor(*c);
            if (!sort || std::find(sorts.begin(), sorts.end(), *sort) == sorts.end()) {
                std::string names;
                for (PartSort s : sorts)
                    names += (names.empty() ? "" : ", ") + std::string(partSortId(s));
                throw InputError("--sort " + o->sort + " is not a sort for " + o->category + " (use " + names + ")");
            }
            query.sort = sort;
        }
        PartCriteria& k = query.criteria;
        k.minVramGb = o->minVram;
        k.maxLengthMm = o->maxLength;
        k.minWattageW = o->minWatts;
        k.atx3Only = o->atx3;
        k.socket = o->socket;
        k.formFactor = o->formFactor;
        k.memoryType = o->memoryType;
        k.minCapacityGb = o->minCapacity;
        k.minGpuClearanceMm = o->minGpuClearance;
        if (const std::string bad = k.invalidReason(); !bad.empty())
            throw InputError(bad);
        if (const std::vector<std::string> unused = k.unusedFor(*c); !unused.empty()) {
            std::string names;
            for (const std::string& u : unused)
                names += (names.empty() ? "" : ", ") + u;
            throw InputError("a " + o->category + " has no " + names + " to filter on");
        }
        const PartSearch finder(context.catalog(), *c);
        const PartSearchResult result = finder.run(query);
        const auto parts = context.catalog().parts(*c);
        for (size_t rank = 0; rank < result.rows.size() && rank < o->limit; ++rank) {
            const AnyPart& part = parts[result.rows[rank]];
            const PartInfo& info = infoOf(part);
            const EffectivePrice& price = finder.priceOf(result.rows[rank]);
            std::cout << info.id << '\t' << info.name << '\t'
                      << (price.unitPrice ? fmt::format("{:.2f}", *price.unitPrice) : std::string("-")) << '\t'
                      << priceOriginLabel(price.origin) << '\n';
        }
    });
}

}  // namespace mlrig::cli
