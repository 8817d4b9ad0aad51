// Build or buy: the ranking every view shares, the budget filter and the best machine.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/advise/SystemComparison.h"
#include "tests/support/BuiltInCatalog.h"

namespace mlrig {
namespace {

SystemRow row(const char* name, bool fits, std::optional<double> figure, std::optional<double> price, bool build = false)
{
    SystemRow r;
    r.name = name;
    r.fits = fits;
    r.figure = figure;
    r.price = price;
    r.isBuild = build;
    return r;
}

TEST(SystemComparison, RanksFitThenFigureThenPrice)
{
    EXPECT_TRUE(ranksBefore(row("a", true, 5, 9000), row("b", false, std::nullopt, 100)));
    EXPECT_TRUE(ranksBefore(row("a", true, 20, 9000), row("b", true, 10, 100)));
    EXPECT_TRUE(ranksBefore(row("a", true, 10, 100), row("b", true, 10, 200)));
    EXPECT_TRUE(ranksBefore(row("a", true, 10, 100), row("b", true, 10, std::nullopt)));
    EXPECT_FALSE(ranksBefore(row("b", true, 10, 100), row("a", true, 10, 100)));  // then by name
}

TEST(SystemComparison, WorkloadOnlyBuildListsEveryMachineAndBudgetKeepsTheBuild)
{
    Build build;
    build.workload = Workload{};
    build.workload->model = "llama-3.3-70b";
    build.workload->quant = "q4_k_m";
    build.workload->context = 8192;
    const Catalog& catalog = testsupport::builtInCatalog();
    const SystemComparison c = compareSystems(build, catalog);
    EXPECT_FALSE(c.hasBuildRow);
    EXPECT_EQ(c.rows.size(), catalog.unifiedSystems().systems().size());
    EXPECT_TRUE(std::is_sorted(c.rows.begin(), c.rows.end(), ranksBefore));
    EXPECT_EQ(c.figureOfMerit, "decode tokens/s");
    const SystemRow* best = bestMachine(c, 3000);
    ASSERT_NE(best, nullptr);
    EXPECT_LE(*best->price, 3000);
    EXPECT_TRUE(best->fits);
    // No fitting machine within the budget ranks above the best one.
    for (const SystemRow* r : withinBudget(c, 3000)) {
        if (r == best)
            break;
        EXPECT_FALSE(r->fits) << r->name;
    }

    BuildItem gpus;
    gpus.category = Category::Gpu;
    gpus.ref = "GeForce RTX 3090";
    gpus.quantity = 2;
    build.items.push_back(gpus);
    const SystemComparison withBuild = compareSystems(build, catalog);
    ASSERT_TRUE(withBuild.hasBuildRow);
    const auto kept = withinBudget(withBuild, 1.0);  // nothing costs a dollar, the build row stays
    ASSERT_EQ(kept.size(), 1u);
    EXPECT_TRUE(kept.front()->isBuild);
    EXPECT_EQ(kept.front()->platform, "2 x GeForce RTX 3090");
}

}  // namespace
}  // namespace mlrig
