// mlrig-cli compare-systems BUILD.mlrig [--format json|text] [--budget N]
// Build or buy: the build beside every unified-memory machine on the build's workload, ranked as the
// app's "Build or buy" view ranks them (core/advise/SystemComparison).
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <iostream>

#include "app/cli/CliCommands.h"
#include "app/cli/CliContext.h"
#include "app/cli/WorkloadJson.h"
#include "core/advise/SystemComparison.h"
#include "core/eval/WorkloadModel.h"
#include "core/util/Format.h"

namespace mlrig::cli {
namespace {

using ojson = nlohmann::ordered_json;

ojson rowJson(const SystemRow& row, int rank)
{
    return ojson{{"rank", rank},
                 {"name", row.name},
                 {"is_build", row.isBuild},
                 {"platform", row.platform},
                 {"chip", row.chip},
                 {"form_factor", row.formFactor},
                 {"memory_gb", optionalNumber(row.memoryGb, 1)},
                 {"total_memory_gb", optionalNumber(row.totalMemoryGb, 1)},
                 {"price", optionalNumber(row.price, 2)},
                 {"currency", row.currency},
                 {"price_note", row.priceNote},
                 {"fits", row.fits},
                 {"needs_raised_memory_limit", row.needsRaisedLimit},
                 {"figure", optionalNumber(row.figure, 1)},
                 {"decode_tokens_per_s", optionalNumber(row.decodeTokensPerS, 1)},
                 {"prefill_tokens_per_s", optionalNumber(row.prefillTokensPerS, 1)},
                 {"power_w", optionalNumber(row.powerW, 0)},
                 {"power_note", row.powerNote},
                 {"yearly_energy_cost", optionalNumber(row.yearlyEnergyCost, 2)},
                 {"stack", row.stack},
                 {"notes", row.notes},
                 {"source", row.source}};
}

std::string cell(const std::optional<double>& value, const char* format)
{
    return value ? fmt::format(fmt::runtime(format), *value) : std::string("—");
}

void printText(const SystemComparison& comparison, const std::vector<const SystemRow*>& rows)
{
    std::cout << "Build or buy"
              << (comparison.workloadLabel.empty() ? std::string(" (no workload: add one for fit and speed)")
                                                   : ": " + comparison.workloadLabel)
              << "\n\n";
    std::cout << fmt::format("{:>3}  {:<52} {:<15} {:>8} {:>11} {:<5} {:>9} {:>9} {:>7}\n", "#", "machine", "platform",
                             "memory", "price", "fits", "decode/s", "prefill/s", "power");
    int rank = 1;
    for (const SystemRow* row : rows) {
        const std::string price = row->price ? formatMoney(*row->price, row->currency) : std::string("—");
        std::cout << fmt::format("{:>3}  {:<52} {:<15} {:>8} {:>11} {:<5} {:>9} {:>9} {:>7}\n", rank++,
                                 row->name.substr(0, 52), row->platform.substr(0, 15),
                                 cell(row->memoryGb, "{:.0f} GB"), price,
                                 row->fits ? (row->needsRaisedLimit ? "yes*" : "yes") : "no",
                                 cell(row->decodeTokensPerS, "{:.1f}"), cell(row->prefillTokensPerS, "{:.0f}"),
                                 cell(row->powerW, "{:.0f} W"));
    }
    if (std::any_of(rows.begin(), rows.end(), [](const SystemRow* r) { return r->needsRaisedLimit; }))
        std::cout << "\n* fits after raising the GPU's share of memory (see notes in --format json)\n";
    std::cout << "\nMemory: what the GPU may use (a machine's share of its unified memory, raised as its notes say; "
                 "the build's VRAM). Machine prices are US dollars, with the month they were seen.\n";
}

}  // namespace

void addCompareSystemsCommand(CLI::App& app, CliContext& context)
{
    static std::string file;
    static std::string format = "json";
    static double budget = 0;
    CLI::App* cmd = app.add_subcommand(
        "compare-systems", "Build or buy: the build beside Mac Studio, Ryzen AI Max and DGX Spark machines on its workload");
    cmd->add_option("file", file, "The .mlrig build file (a workload alone lists every machine)")->required();
    cmd->add_option("--format", format, "json (default) or text")->check(CLI::IsMember({"json", "text"}));
    cmd->add_option("--budget", budget, "Only machines at most this price (US dollars)")->check(CLI::Range(1.0, 1e7));
    cmd->callback([&context] {
        const Build build = context.loadBuild(file);  // before the catalog: a bad path fails at once
        if (build.workload) {
            try {
                (void)estimateWorkload(*build.workload, {});
            } catch (const std::invalid_argument& e) {
                throw InputError(file + ": workload: " + e.what());
            }
        }
        const SystemComparison comparison = compareSystems(build, context.catalog());
        std::vector<const SystemRow*> rows;
        if (budget > 0) {
            rows = withinBudget(comparison, budget);
        } else {
            for (const SystemRow& row : comparison.rows)
                rows.push_back(&row);
        }
        if (format == "text") {
            printText(comparison, rows);
            return;
        }
        ojson out = ojson::object();
        out["workload"] = comparison.workloadLabel.empty() ? ojson(nullptr) : ojson(comparison.workloadLabel);
        out["figure_of_merit"] = comparison.figureOfMerit;
        out["budget"] = budget > 0 ? ojson(budget) : ojson(nullptr);
        ojson list = ojson::array();
        int rank = 1;
        for (const SystemRow* row : rows)
            list.push_back(rowJson(*row, rank++));
        out["rows"] = std::move(list);
        const SystemRow* best = bestMachine(comparison, budget > 0 ? std::optional<double>(budget) : std::nullopt);
        out["best_machine"] = best ? ojson(best->name) : ojson(nullptr);
        std::cout << out.dump(2) << '\n';
    });
}

}  // namespace mlrig::cli
