// mlrig-cli optimize --model ID --quant Q --context N --budget X [--kind K] [--used] [--max-gpus 1|2]
//                    [--pin FILE] [--offers FILE] [--exclude NAME]... [--frontier | --include-systems]
//
// Prints the best valid build within the budget as a .mlrig document (with the workload it was
// optimised for), or with --frontier one JSON object:
//   {"figure_of_merit": "decode tokens/s", "fits": true,
//    "best": <build>,
//    "frontier": [{"cost": 1234.5, "figure": 17.2, "build": <build>}, ...],   // cost and figure strictly increasing
//    "stats": {"elapsed_ms", "gpu_options", "options_searched", "options_pruned", "platform_searches",
//              "platform_nodes", "verify_evaluations"}}
// When no build within the budget runs the model, the most VRAM is maximised instead
// ("figure_of_merit": "VRAM GB", "fits": false), that build is printed, a line on stderr names
// the cheapest build that runs it, and the exit code is 3.
// With --include-systems: one JSON object {"answer": "build"|"machine"|null, "reason", "build", "build_cost",
// "build_figure", "machine": {...}} from the same ranking as compare-systems; exit 3 when neither runs it.
// Exit codes: 0 a build that runs the workload was found; 2 bad input (one line on stderr); 3 no
// valid build within the budget ("no compatible build fits a budget of $X; the cheapest is $Y"),
// or none within it runs the workload.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <iostream>
#include <optional>
#include <stdexcept>

#include "core/io/BuildDocument.h"
#include "app/cli/CliCommands.h"
#include "app/cli/CliContext.h"
#include "core/eval/WorkloadModel.h"
#include "core/optimize/Optimizer.h"
#include "core/advise/SystemComparison.h"
#include "app/cli/WorkloadJson.h"

namespace mlrig::cli {
namespace {

using ojson = nlohmann::ordered_json;

struct OptimizeOptions {
    std::string kind = "llm-inference";
    std::string model;
    std::string quant = "q4_k_m";
    int context = 8192;
    int batch = 1;
    std::string method = "lora";
    double budget = -1;
    bool used = false;
    int maxGpus = 2;
    std::string pinFile;
    std::string offersFile;
    std::vector<std::string> excluded;
    bool frontier = false;
    bool includeSystems = false;
};

std::string dollars(double value)
{
    if (std::fabs(value - std::round(value)) < 0.005)
        return fmt::format("${:.0f}", value);
    return fmt::format("${:.2f}", value);
}

// --include-systems: the optimised build against every unified-memory machine within the budget,
// ranked by the one ranking the "Build or buy" view and compare-systems use (ranksBefore): the first
// row within the budget is the answer. Prints one JSON object and returns whether anything runs it.
bool printBuildOrBuy(const OptimizeOptions& o, const OptimizeRequest& request, const OptimizeResult& result,
                     const Catalog& catalog)
{
    Build candidate;
    candidate.workload = request.workload;
    const bool buildRuns = result.best && (result.fits || request.workload.kind == WorkloadKind::General);
    if (buildRuns) {
        candidate = *result.best;
        candidate.workload = request.workload;
    }
    const SystemComparison comparison = compareSystems(candidate, catalog);
    const std::vector<const SystemRow*> rows = withinBudget(comparison, o.budget);
    const SystemRow* answer = nullptr;
    for (const SystemRow* row : rows) {
        if (row->fits) {
            answer = row;
            break;
        }
    }
    const SystemRow* machine = bestMachine(comparison, o.budget);
    const SystemRow* buildRow = nullptr;
    for (const SystemRow& row : comparison.rows)
        buildRow = row.isBuild ? &row : buildRow;
    const auto figureText = [&](const SystemRow* row) {
        return row && row->figure ? fmt::format("{:.1f} {}", *row->figure, comparison.figureOfMerit) : std::string("—");
    };
    ojson out = ojson::object();
    out["figure_of_merit"] = comparison.figureOfMerit;
    out["budget"] = o.budget;
    out["answer"] = !answer ? ojson(nullptr) : answer->isBuild ? ojson("build") : ojson("machine");
    std::string reason;
    if (!answer)
        reason = fmt::format("neither a build nor a machine within {} runs the workload", dollars(o.budget));
    else if (answer->isBuild)
        reason = machine ? fmt::format("the build ({}, {}) beats the best machine within the budget, {} ({}, {})",
                                       figureText(answer), dollars(answer->price.value_or(0)), machine->name,
                                       figureText(machine), dollars(machine->price.value_or(0)))
                         : fmt::format("the build ({}) runs it; no machine within {} does", figureText(answer),
                                       dollars(o.budget));
    else
        reason = buildRow && buildRow->fits
                     ? fmt::format("{} ({}, {}) beats the best build ({}, {})", answer->name, figureText(answer),
                                   dollars(answer->price.value_or(0)), figureText(buildRow),
                                   dollars(buildRow->price.value_or(0)))
                     : fmt::format("{} ({}, {}) runs it; no build within {} does", answer->name, figureText(answer),
                                   dollars(answer->price.value_or(0)), dollars(o.budget));
    out["reason"] = reason;
    out["build"] = buildRuns ? ojson::parse(serializeBuild(*result.best)) : ojson(nullptr);
    out["build_cost"] = buildRow ? optionalNumber(buildRow->price, 2) : ojson(nullptr);
    out["build_figure"] = buildRow ? optionalNumber(buildRow->figure, 1) : ojson(nullptr);
    if (machine)
        out["machine"] = {{"name", machine->name},
                          {"platform", machine->platform},
                          {"price", optionalNumber(machine->price, 2)},
                          {"price_note", machine->priceNote},
                          {"figure", optionalNumber(machine->figure, 1)},
                          {"memory_gb", optionalNumber(machine->memoryGb, 1)},
                          {"notes", machine->notes}};
    else
        out["machine"] = nullptr;
    std::cout << out.dump(2) << '\n';
    return answer != nullptr;
}

void run(const OptimizeOptions& o, CliContext& context)
{
    const std::optional<WorkloadKind> kind = workloadKindFromId(o.kind);
    if (!kind)
        throw InputError(fmt::format("--kind: unknown workload kind '{}'", o.kind));
    if (!std::isfinite(o.budget) || o.budget < 0)
        throw InputError("--budget: must be a number of dollars >= 0");
    if (o.model.empty() && (*kind == WorkloadKind::LlmInference || *kind == WorkloadKind::LlmFineTune))
        throw InputError("--model is required for " + o.kind);

    OptimizeRequest request;
    request.workload.kind = *kind;
    request.workload.model = o.model;
    request.workload.quant = o.quant;
    request.workload.context = o.context;
    request.workload.batch = o.batch;
    if (const auto method = fineTuneMethodFromId(o.method))
        request.workload.method = *method;
    try {
        (void)estimateWorkload(request.workload, {});
    } catch (const std::invalid_argument& e) {
        throw InputError(std::string("workload: ") + e.what());
    }
    request.budget = o.budget;
    request.allowUsed = o.used;
    request.maxGpus = o.maxGpus;
    request.excluded = o.excluded;
    request.computeFrontier = o.frontier;

    const Catalog& catalog = context.catalog();
    if (!o.pinFile.empty())
        request.pinned = context.loadBuild(o.pinFile).items;
    if (!o.offersFile.empty())
        request.offers = context.loadBuild(o.offersFile).items;

    OptimizeResult result;
    try {
        result = optimize(catalog, request);
    } catch (const std::invalid_argument& e) {
        throw InputError(e.what());
    }
    if (!result.unmatchedExclusions.empty())
        throw InputError(fmt::format("--exclude: \"{}\" matches no part", result.unmatchedExclusions.front()));
    if (o.includeSystems) {
        if (!printBuildOrBuy(o, request, result, catalog))
            context.exitCode = 3;
        return;
    }

    if (!result.best) {
        if (result.cheapestFeasibleCost)
            std::cerr << fmt::format("mlrig-cli: no compatible build fits a budget of {}; the cheapest is {}\n",
                                     dollars(o.budget), dollars(*result.cheapestFeasibleCost));
        else
            std::cerr << fmt::format("mlrig-cli: no compatible build fits a budget of {}; none can be made from the "
                                     "catalog with these pins and exclusions\n",
                                     dollars(o.budget));
        context.exitCode = 3;
        return;
    }
    // A build that cannot run the workload is no answer to "what should I buy for it": exit 3,
    // as for no build at all, but still print the closest one (the most GPU memory) to look at.
    if (!result.fits && request.workload.kind != WorkloadKind::General) {
        std::cerr << fmt::format("mlrig-cli: no build within {} runs the model; printed is the one with the most GPU "
                                 "memory{}\n",
                                 dollars(o.budget),
                                 result.cheapestFittingCost
                                     ? fmt::format("; the cheapest that runs it costs {}", dollars(*result.cheapestFittingCost))
                                     : std::string("; none in the catalog runs it"));
        context.exitCode = 3;
    }

    if (!o.frontier) {
        std::cout << serializeBuild(*result.best) << '\n';
        return;
    }
    ojson out = ojson::object();
    out["figure_of_merit"] = result.figureName;
    out["fits"] = result.fits;
    out["best"] = ojson::parse(serializeBuild(*result.best));
    ojson frontier = ojson::array();
    for (const FrontierPoint& p : result.frontier)
        frontier.push_back(
            {{"cost", rounded(p.cost, 2)}, {"figure", rounded(p.figure, 2)}, {"build", ojson::parse(serializeBuild(p.build))}});
    out["frontier"] = std::move(frontier);
    const OptimizeStats& s = result.stats;
    out["stats"] = {{"elapsed_ms", rounded(s.elapsedMs, 2)},
                    {"gpu_options", s.gpuOptions},
                    {"options_searched", s.optionsSearched},
                    {"options_pruned", s.optionsPruned},
                    {"platform_searches", s.platformSearches},
                    {"platform_nodes", s.platformNodes},
                    {"verify_evaluations", s.verifyEvaluations}};
    std::cout << out.dump(2) << '\n';
}

}  // namespace

void addOptimizeCommand(CLI::App& app, CliContext& context)
{
    static OptimizeOptions options;
    auto* o = &options;
    CLI::App* cmd = app.add_subcommand("optimize", "The best compatible build for a workload within a budget");
    cmd->add_option("--kind", o->kind, "llm-inference (default), llm-finetune, image-generation, training, general");
    cmd->add_option("--model", o->model, "Model preset id, e.g. llama-3.1-70b");
    cmd->add_option("--quant", o->quant, "Quantisation, e.g. q4_k_m (default)");
    cmd->add_option("--context", o->context, "Context length in tokens (default 8192)");
    cmd->add_option("--batch", o->batch, "Batch size (default 1)");
    cmd->add_option("--method", o->method, "Fine-tuning method: lora (default), qlora, full")
        ->check(CLI::IsMember({"lora", "qlora", "full"}));
    cmd->add_option("--budget", o->budget, "Budget in USD")->required();
    cmd->add_flag("--used", o->used,
                  "Also buy GPUs used, at their model's used market price (catalog market table, with month and "
                  "source), and use offers marked \"used\"");
    cmd->add_option("--max-gpus", o->maxGpus, "1 or 2 identical GPUs (default 2)")->check(CLI::Range(1, 2));
    cmd->add_option("--pin", o->pinFile, ".mlrig file of parts you own: always used, at their price or 0");
    cmd->add_option("--offers", o->offersFile, ".mlrig file of parts on offer at the given price (e.g. used cards)");
    cmd->add_option("--exclude", o->excluded, "Never use this part (id, exact name, or GPU model); repeatable");
    cmd->add_flag("--frontier", o->frontier, "Print the best build and the cost/figure frontier as one JSON object");
    cmd->add_flag("--include-systems", o->includeSystems,
                  "Also consider buying a unified-memory machine (Mac Studio, Ryzen AI Max, DGX Spark...): prints one "
                  "JSON object saying whether the build or a machine wins, and why")
        ->excludes("--frontier");
    cmd->callback([o, &context] { run(*o, context); });
}

}  // namespace mlrig::cli
