// mlrig-cli evaluate BUILD.mlrig [--format json|text]
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <iostream>

#include "core/io/BuildDocument.h"
#include "app/cli/CliCommands.h"
#include "app/cli/CliContext.h"
#include "app/cli/WorkloadJson.h"
#include "core/eval/Evaluate.h"
#include "core/eval/WorkloadModel.h"
#include "core/util/Plural.h"

namespace mlrig::cli {
namespace {

using ojson = nlohmann::ordered_json;

// A workload that cannot be estimated at all (unknown model or quantisation, bad custom model)
// is bad input for the command line; the workload model validates it without any GPU.
void validateWorkload(const Workload& workload)
{
    try {
        (void)estimateWorkload(workload, {});
    } catch (const std::invalid_argument& e) {
        throw InputError(std::string("workload: ") + e.what());
    }
}

ojson toJson(const Build& build, const Evaluation& e)
{
    ojson out = ojson::object();
    out["name"] = build.name;
    ojson findings = ojson::array();
    for (const Finding& f : e.findings) {
        ojson parts = ojson::array();
        for (Category c : f.parts)
            parts.push_back(std::string(categoryId(c)));
        findings.push_back({{"rule", f.rule},
                            {"severity", std::string(severityId(f.severity))},
                            {"message", f.message},
                            {"parts", std::move(parts)}});
    }
    out["findings"] = std::move(findings);
    out["power"] = {{"sustained_w", rounded(e.power.sustainedW, 1)},
                    {"peak_w", rounded(e.power.peakW, 1)},
                    {"recommended_psu_w", rounded(e.power.recommendedPsuW, 0)},
                    {"psu_w", optionalNumber(e.power.psuW, 0)},
                    {"psu_atx3", e.power.psuAtx3 ? ojson(*e.power.psuAtx3) : ojson(nullptr)},
                    {"yearly_energy_cost", rounded(e.power.yearlyEnergyCost, 2)}};
    ojson costLines = ojson::array();
    for (const CostLine& line : e.cost.lines)
        costLines.push_back({{"category", std::string(categoryId(line.category))},
                             {"name", line.name},
                             {"quantity", line.quantity},
                             {"unit_price", optionalNumber(line.unitPrice, 2)},
                             {"price_source", std::string(priceSourceId(line.source))},
                             {"price_currency", line.origin.currency},
                             {"price_month", line.origin.month.empty() ? ojson(nullptr) : ojson(line.origin.month)},
                             {"price_origin", priceOriginLabel(line.origin)}});
    out["cost"] = {{"total", rounded(e.cost.total, 2)},
                   {"currency", e.cost.currency},
                   {"missing_prices", e.cost.missingPrices},
                   {"other_currency_lines", e.cost.otherCurrencyLines},
                   {"lines", std::move(costLines)}};
    if (e.workload) {
        const WorkloadEstimate& w = *e.workload;
        out["workload"] = workloadJson(w);
    } else {
        out["workload"] = nullptr;
    }
    return out;
}

std::string money(double value, const std::string& currency)
{
    return fmt::format("{:.2f} {}", value, currency);
}

void printText(const Build& build, const Evaluation& e)
{
    std::cout << "Build: " << (build.name.empty() ? "(unnamed)" : build.name) << "\n\n";
    std::cout << fmt::format("Findings: {}, {}, {}\n", countOf(e.count(Severity::Error), "error", "errors"),
                             countOf(e.count(Severity::Warning), "warning", "warnings"),
                             countOf(e.count(Severity::Note), "note", "notes"));
    // The rule ids are for scripts (JSON output), not for a report a person reads.
    for (const Finding& f : e.findings)
        std::cout << fmt::format("  [{}] {}\n", severityId(f.severity), f.message);
    std::cout << "\nPower\n";
    for (const PowerLine& line : e.power.lines)
        std::cout << fmt::format("  {:<13} {:>2}x {:<44} {:>7.0f} W sustained {:>7.0f} W peak{}\n",
                                 categoryLabel(line.category), line.quantity, line.label.substr(0, 44), line.sustainedW,
                                 line.peakW, line.estimated ? "  (estimated)" : "");
    std::cout << fmt::format("  total: {:.0f} W sustained, {:.0f} W transient peak; recommended PSU {:.0f} W", e.power.sustainedW,
                             e.power.peakW, e.power.recommendedPsuW);
    if (e.power.psuW)
        std::cout << fmt::format(" (chosen: {:.0f} W{})", *e.power.psuW,
                                 e.power.psuAtx3.value_or(false) ? ", ATX 3.x" : "");
    std::cout << fmt::format("\n  running cost: about {} per year\n", money(e.power.yearlyEnergyCost, e.cost.currency));
    std::cout << "\nCost\n";
    for (const CostLine& line : e.cost.lines)
        std::cout << fmt::format("  {:<13} {:>2}x {:<44} {:>12} {} ({})\n", categoryLabel(line.category), line.quantity,
                                 line.name.substr(0, 44), line.unitPrice ? fmt::format("{:.2f}", *line.unitPrice) : "?",
                                 line.unitPrice ? line.origin.currency : std::string(), priceOriginLabel(line.origin));
    std::cout << "  total: " << money(e.cost.total, e.cost.currency);
    if (e.cost.missingPrices > 0)
        std::cout << fmt::format(" ({} without a price)", countOf(e.cost.missingPrices, "part", "parts"));
    if (e.cost.otherCurrencyLines > 0)
        std::cout << fmt::format(" ({} priced in another currency, not counted)",
                                 countOf(e.cost.otherCurrencyLines, "part", "parts"));
    std::cout << '\n';
    if (e.workload) {
        const WorkloadEstimate& w = *e.workload;
        printWorkloadText(w, false);
    }
}

}  // namespace

void addEvaluateCommand(CLI::App& app, CliContext& context)
{
    static std::string file;
    static std::string format = "json";
    auto* path = &file;
    auto* outputFormat = &format;
    CLI::App* evaluate = app.add_subcommand("evaluate", "Check a build: findings, power, cost and workload estimate");
    evaluate->add_option("file", *path, "The .mlrig build file")->required();
    evaluate->add_option("--format", *outputFormat, "json (default) or text")->check(CLI::IsMember({"json", "text"}));
    evaluate->callback([&context, path, outputFormat] {
        const Build build = context.loadBuild(*path);  // before the catalog: a bad path fails at once
        const Catalog& catalog = context.catalog();
        if (build.workload) {
            try {
                validateWorkload(*build.workload);
            } catch (const InputError& e) {
                throw InputError(*path + ": " + e.what());
            }
        }
        const Evaluation evaluation = mlrig::evaluate(build, catalog);
        if (*outputFormat == "text")
            printText(build, evaluation);
        else
            std::cout << toJson(build, evaluation).dump(2) << '\n';
    });
}

}  // namespace mlrig::cli
