// The GPU market price table: every row of db/source/gpu_market_prices.csv names its source and
// month, the builder refuses rows without them, and current() picks one figure per model and
// condition (median of the latest month).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "core/catalog/Catalog.h"
#include "core/catalog/MarketPrices.h"
#include "core/eval/Evaluate.h"
#include "core/optimize/Optimizer.h"
#include "core/util/Csv.h"
#include "db/builder/CatalogBuilder.h"
#include "tests/support/BuiltInCatalog.h"
#include "tests/support/Files.h"

using namespace mlrig;
using mlrig::testsupport::TempDir;

namespace {

std::filesystem::path sourceDir()
{
    return std::filesystem::path(MLRIG_SCHEMA_SQL).parent_path() / "source";
}

std::vector<CsvRow> readCsv(const std::filesystem::path& path)
{
    return parseCsv(mlrig::testsupport::readFile(path));
}

MarketPrice row(std::string model, Condition condition, double price, std::string month)
{
    MarketPrice r;
    r.model = std::move(model);
    r.condition = condition;
    r.priceUsd = price;
    r.month = std::move(month);
    r.sourceUrl = "https://example.org/";
    r.sourceTitle = "Example (Tracker)";
    return r;
}

}  // namespace

TEST(MarketPriceSource, EveryRowHasASourceAMonthAndAKnownGpuModel)
{
    const std::vector<CsvRow> rows = readCsv(sourceDir() / "gpu_market_prices.csv");
    ASSERT_GT(rows.size(), 200u);
    std::map<std::string, size_t> column;
    for (size_t i = 0; i < rows.front().size(); ++i)
        column[rows.front()[i]] = i;
    for (const char* name : {"model", "condition", "price_usd", "month", "source_url", "source_title", "region"})
        ASSERT_TRUE(column.contains(name)) << name;
    std::set<std::string> models;
    const std::vector<CsvRow> chips = readCsv(sourceDir() / "gpu_chips.csv");
    for (size_t r = 1; r < chips.size(); ++r)
        models.insert(chips[r][0]);
    for (size_t r = 1; r < rows.size(); ++r) {
        const CsvRow& cells = rows[r];
        const std::string where = "gpu_market_prices.csv row " + std::to_string(r + 1);
        ASSERT_EQ(cells.size(), rows.front().size()) << where;
        const auto cell = [&](const char* name) { return cells[column[name]]; };
        EXPECT_TRUE(models.contains(cell("model"))) << where << ": " << cell("model");
        EXPECT_TRUE(cell("condition") == "new" || cell("condition") == "used") << where;
        EXPECT_TRUE(isYearMonth(cell("month"))) << where << ": month \"" << cell("month") << "\"";
        EXPECT_TRUE(cell("source_url").starts_with("https://")) << where << ": " << cell("source_url");
        EXPECT_FALSE(cell("source_title").empty()) << where;
        EXPECT_EQ(cell("region"), "US") << where << ": prices are US dollars";
        EXPECT_GT(std::stod(cell("price_usd")), 0.0) << where;
    }
}

TEST(MarketPriceSource, TheBuilderRefusesARowWithoutMonthOrSourceOrWithAnUnknownModel)
{
    const std::filesystem::path fixture = std::filesystem::path(MLRIG_TEST_DATA_DIR) / "catalog-source";
    const std::vector<std::string> bad = {
        "GeForce RTX 3090,used,700,,,,US,https://example.org/,Example,,RTX 3090",          // no month
        "GeForce RTX 3090,used,700,,,2026-13,US,https://example.org/,Example,,RTX 3090",   // no such month
        "GeForce RTX 3090,used,700,,,2026-05,US,,Example,,RTX 3090",                       // no source URL
        "GeForce RTX 3090,used,700,,,2026-05,US,https://example.org/,,,RTX 3090",          // no source title
        "GeForce RTX 3090,used,,,,2026-05,US,https://example.org/,Example,,RTX 3090",      // no price
        "GeForce RTX 9999,used,700,,,2026-05,US,https://example.org/,Example,,RTX 9999",   // no such GPU model
    };
    for (const std::string& line : bad) {
        const TempDir dir("market-prices");
        const auto src = dir.path() / "src";
        std::filesystem::copy(fixture, src);
        std::ofstream(src / "gpu_market_prices.csv", std::ios::app) << line << "\r\n";
        EXPECT_THROW(buildCatalog(src, MLRIG_SCHEMA_SQL, dir.path() / "parts.sqlite"), CatalogBuildError) << line;
    }
    const TempDir dir("market-prices");
    const auto out = dir.path() / "parts.sqlite";
    const CatalogBuildReport report = buildCatalog(fixture, MLRIG_SCHEMA_SQL, out);
    EXPECT_EQ(report.rowsPerTable.at("gpu_market_price"), 6u);
    const Catalog catalog = Catalog::loadFile(out);
    EXPECT_EQ(catalog.stats().retailPriceMonth, "2025-07");
    EXPECT_EQ(catalog.stats().marketPriceMonth, "2026-09");
    ASSERT_NE(catalog.marketPrices().current("GeForce RTX 3090", Condition::Used), nullptr);
}

TEST(MarketPriceTable, CurrentIsTheMedianOfTheLatestMonth)
{
    const MarketPriceTable table({row("A", Condition::Used, 500, "2026-01"), row("A", Condition::Used, 900, "2026-03"),
                                  row("A", Condition::Used, 700, "2026-03"), row("A", Condition::New, 1000, "2025-08"),
                                  row("B", Condition::Used, 100, "2026-02")});
    ASSERT_NE(table.current("A", Condition::Used), nullptr);
    EXPECT_DOUBLE_EQ(table.current("A", Condition::Used)->priceUsd, 700);  // lower middle of {700, 900}
    EXPECT_EQ(table.current("A", Condition::Used)->month, "2026-03");
    EXPECT_DOUBLE_EQ(table.current("A", Condition::New)->priceUsd, 1000);
    EXPECT_EQ(table.current("B", Condition::New), nullptr);
    EXPECT_EQ(table.current("C", Condition::Used), nullptr);
    EXPECT_EQ(table.rowsFor("A").size(), 4u);
    EXPECT_EQ(table.latestMonth(), "2026-03");
    const MarketPriceTable copy = table;  // the picks survive a copy
    EXPECT_DOUBLE_EQ(copy.current("A", Condition::Used)->priceUsd, 700);
    EXPECT_EQ(shortSourceName("April 2026 GPU rankings (GPU Poet)"), "GPU Poet");
    EXPECT_EQ(shortSourceName("Best budget GPU for local AI (RunLocalAI, last reviewed 2026-05-08)"), "RunLocalAI");
    EXPECT_EQ(shortSourceName("docyx/pc-part-dataset: PCPartPicker scrape"), "docyx/pc-part-dataset");
    EXPECT_EQ(shortSourceName("United-Compute/gpu-price-tracker: Amazon.com Buy Box price history via Keepa (one "
                              "tracked listing per GPU)"),
              "United-Compute/gpu-price-tracker");
}

TEST(MarketPriceTable, RowsWithoutSourceOrMonthAreRefused)
{
    MarketPrice noMonth = row("A", Condition::Used, 500, "");
    EXPECT_THROW(MarketPriceTable({noMonth}), std::invalid_argument);
    MarketPrice badMonth = row("A", Condition::Used, 500, "2026-7");
    EXPECT_THROW(MarketPriceTable({badMonth}), std::invalid_argument);
    MarketPrice noSource = row("A", Condition::Used, 500, "2026-07");
    noSource.sourceUrl.clear();
    EXPECT_THROW(MarketPriceTable({noSource}), std::invalid_argument);
    MarketPrice free = row("A", Condition::Used, 0, "2026-07");
    EXPECT_THROW(MarketPriceTable({free}), std::invalid_argument);
}

TEST(MarketPriceTable, TheEmbeddedCatalogPricesUsedGpusAtTheMarketNotAtMsrp)
{
    const Catalog& catalog = mlrig::testsupport::builtInCatalog();
    EXPECT_GT(catalog.stats().marketPriceRows, 200u);
    EXPECT_EQ(catalog.stats().retailPriceMonth, "2025-07");
    for (const char* model : {"GeForce RTX 3090", "Tesla P40"}) {
        const MarketPrice* used = catalog.marketPrices().current(model, Condition::Used);
        ASSERT_NE(used, nullptr) << model;
        const GpuChip* chip = catalog.chip(model);
        ASSERT_NE(chip, nullptr) << model;
        if (chip->msrpUsd) {
            EXPECT_LT(used->priceUsd, *chip->msrpUsd) << model;  // used sells below launch price
        }
        EXPECT_TRUE(isYearMonth(used->month)) << model;
    }
}

// Issue 15 acceptance, in core: a 70B model at $2,000 with used GPUs at used market prices is a
// two-GPU build within the budget that runs the model. At launch MSRPs (the old prices) nothing
// within $2,000 ran it and the closest answer was one RTX A6000 at $5,088.
TEST(MarketPriceOptimize, UsedMarketPricesGiveTwoGpusForA70bModelAtTwoThousandDollars)
{
    const Catalog& catalog = mlrig::testsupport::builtInCatalog();
    OptimizeRequest request;
    request.workload.kind = WorkloadKind::LlmInference;
    request.workload.model = "llama-3.1-70b";
    request.workload.quant = "q4_k_m";
    request.budget = 2000;
    request.allowUsed = true;
    request.computeFrontier = false;
    const OptimizeResult result = optimize(catalog, request);
    ASSERT_TRUE(result.best.has_value());
    EXPECT_TRUE(result.fits);
    EXPECT_LE(result.bestCost, 2000.0);
    int gpus = 0;
    for (const BuildItem& item : result.best->items) {
        if (item.category != Category::Gpu)
            continue;
        gpus += item.quantity;
        EXPECT_EQ(item.condition, Condition::Used);
        EXPECT_FALSE(item.price.has_value()) << "priced by the market table, not a typed price";
    }
    EXPECT_EQ(gpus, 2);
    const Evaluation evaluation = evaluate(*result.best, catalog);
    EXPECT_NEAR(evaluation.cost.total, result.bestCost, 0.01) << "the optimizer and the evaluation agree on prices";
    for (const CostLine& line : evaluation.cost.lines) {
        if (line.category == Category::Gpu) {
            EXPECT_EQ(line.source, PriceSource::Market);
            EXPECT_EQ(line.origin.condition, Condition::Used);
            EXPECT_TRUE(isYearMonth(line.origin.month)) << line.origin.month;
        }
    }
}
