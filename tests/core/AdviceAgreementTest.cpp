// The wizard's suggestion and the optimizer follow the product's own rules: over a grid of
// workloads and budgets, neither proposes a build with a finding it could have avoided within the
// budget (one DIMM, a board that needs a BIOS update for its CPU, a PSU below its own
// recommendation, RAM below VRAM, ...), the wizard's first choice for compute-bound work is a CUDA
// card when one qualifies, and its suggestion stays within the budget it was ranked for.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/advise/BuildSuggester.h"
#include "core/advise/GpuAdvisor.h"
#include "core/eval/Evaluate.h"
#include "core/optimize/Optimizer.h"
#include "tests/support/BuiltInCatalog.h"
#include "tests/support/Parts.h"

namespace mlrig {
namespace {

using testsupport::builtInCatalog;
using testsupport::workload;

// Findings the wizard and the optimizer promise to avoid (errors other than the workload's own
// fit, the avoided platform warnings, the avoided notes).
std::vector<std::string> avoidableFindings(const Evaluation& e)
{
    std::vector<std::string> out;
    const auto& warnings = optimizerAvoidedWarnings();
    const auto& notes = optimizerAvoidedNotes();
    for (const Finding& f : e.findings) {
        const bool avoidable =
            (f.severity == Severity::Error && f.rule != "workload-fit") ||
            (f.severity == Severity::Warning && std::find(warnings.begin(), warnings.end(), f.rule) != warnings.end()) ||
            (f.severity == Severity::Note && std::find(notes.begin(), notes.end(), f.rule) != notes.end());
        if (avoidable)
            out.push_back(f.rule + ": " + f.message);
    }
    return out;
}

std::string joined(const std::vector<std::string>& lines)
{
    std::string out;
    for (const std::string& l : lines)
        out += l + "\n";
    return out;
}

struct Case {
    const char* label;
    Workload workload;
};

std::vector<Case> grid()
{
    return {
        {"llama 8B", workload(WorkloadKind::LlmInference, "llama-3.1-8b")},
        {"qwen3 30B-A3B", workload(WorkloadKind::LlmInference, "qwen3-30b-a3b")},
        {"llama 70B", workload(WorkloadKind::LlmInference, "llama-3.1-70b")},
        {"QLoRA 8B", workload(WorkloadKind::LlmFineTune, "llama-3.1-8b", "q4_k_m", 2048)},
        {"SDXL", workload(WorkloadKind::ImageGeneration, "sdxl")},
    };
}

const std::vector<double> kBudgets = {1200, 2000, 3500};

TEST(AdviceAgreement, TheWizardsSuggestionAvoidsWhatItCan)
{
    const Catalog& catalog = builtInCatalog();
    int suggested = 0;
    for (const Case& c : grid()) {
        for (double budget : kBudgets) {
            SCOPED_TRACE(std::string(c.label) + " at $" + std::to_string(static_cast<int>(budget)));
            BuildGoal goal;
            goal.workload = c.workload;
            goal.budget = budget;
            const GpuRanking ranking = rankGpus(catalog, goal);
            if (ranking.recommendedCount == 0)
                continue;
            const GpuSuggestion& top = ranking.suggestions.front();
            const bool computeBound = c.workload.kind != WorkloadKind::LlmInference;
            if (computeBound) {
                const bool anyCuda = std::any_of(
                    ranking.suggestions.begin(), ranking.suggestions.begin() + ranking.recommendedCount,
                    [](const GpuSuggestion& s) { return s.gpu && s.gpu->vendor == Vendor::Nvidia; });
                if (anyCuda) {
                    EXPECT_EQ(top.gpu->vendor, Vendor::Nvidia) << top.model;
                }
            }
            const BuildSuggestion s = suggestBuild(catalog, goal, top.item());
            ASSERT_TRUE(s.build.has_value()) << s.message;
            ++suggested;
            EXPECT_TRUE(s.withinBudget) << s.message;
            const Evaluation e = evaluate(*s.build, catalog);
            EXPECT_EQ(avoidableFindings(e), std::vector<std::string>{}) << joined(avoidableFindings(e));
            EXPECT_GE(*e.power.psuW, e.power.recommendedPsuW) << "PSU below its own recommendation";
        }
    }
    EXPECT_GE(suggested, 10);  // the grid exercises real suggestions, not only "nothing fits"
}

TEST(AdviceAgreement, TheOptimizerAvoidsWhatItCan)
{
    const Catalog& catalog = builtInCatalog();
    int built = 0;
    for (const Case& c : grid()) {
        for (double budget : kBudgets) {
            SCOPED_TRACE(std::string(c.label) + " at $" + std::to_string(static_cast<int>(budget)));
            OptimizeRequest request;
            request.workload = c.workload;
            request.budget = budget;
            request.computeFrontier = false;
            const OptimizeResult r = optimize(catalog, request);
            if (!r.best)
                continue;
            ++built;
            EXPECT_LE(r.bestCost, budget + 1e-6);
            const Evaluation e = evaluate(*r.best, catalog);
            EXPECT_EQ(avoidableFindings(e), std::vector<std::string>{}) << joined(avoidableFindings(e));
            // The workload-fit error is the optimizer's own verdict: a build it says fits, runs.
            if (r.fits) {
                EXPECT_FALSE(std::any_of(e.findings.begin(), e.findings.end(),
                                         [](const Finding& f) { return f.rule == "workload-fit"; }));
            }
        }
    }
    EXPECT_GE(built, 12);
}

}  // namespace
}  // namespace mlrig
