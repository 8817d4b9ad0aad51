// mlrig-cli optimize end to end: the printed build evaluates cleanly and carries its workload;
// --frontier shape; exit codes 2 (bad input) and 3 (nothing within the budget).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

#include "tests/cli/CliRunner.h"
#include "tests/support/Files.h"

using mlrig::test::runCli;
using nlohmann::json;

namespace {

std::filesystem::path tempFile(const std::string& name)
{
    return mlrig::testsupport::processTempDir() / name;
}

}  // namespace

TEST(OptimizeCli, BestBuildEvaluatesWithoutErrorsAndKeepsTheWorkload)
{
    const auto r = runCli({"optimize", "--model", "llama-3.1-70b", "--quant", "q4_k_m", "--context", "8192",
                           "--budget", "3000"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const json build = json::parse(r.out);
    EXPECT_EQ(build["format"], "mlrig-build");
    EXPECT_EQ(build["parts"].size(), 8u);
    EXPECT_EQ(build["workload"]["model"], "llama-3.1-70b");
    const auto file = tempFile("best.mlrig");
    std::ofstream(file) << r.out;
    const auto e = runCli({"evaluate", file.string()});
    ASSERT_EQ(e.exitCode, 0) << e.err;
    const json evaluation = json::parse(e.out);
    for (const auto& f : evaluation["findings"])
        EXPECT_NE(f["severity"], "error") << f["message"];
    ASSERT_FALSE(evaluation["workload"].is_null());
    EXPECT_TRUE(evaluation["workload"]["fits"].get<bool>());
    EXPECT_LE(evaluation["cost"]["total"].get<double>(), 3000.0);
}

TEST(OptimizeCli, FrontierIsIncreasingAndEndsAtTheBest)
{
    const auto r = runCli({"optimize", "--model", "llama-3.1-8b", "--budget", "2500", "--frontier"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const json out = json::parse(r.out);
    EXPECT_EQ(out["figure_of_merit"], "decode tokens/s");
    const json& frontier = out["frontier"];
    ASSERT_GE(frontier.size(), 2u);
    EXPECT_LE(frontier.size(), 12u);
    for (size_t i = 1; i < frontier.size(); ++i) {
        EXPECT_GT(frontier[i]["cost"].get<double>(), frontier[i - 1]["cost"].get<double>());
        EXPECT_GT(frontier[i]["figure"].get<double>(), frontier[i - 1]["figure"].get<double>());
    }
    EXPECT_EQ(frontier.back()["build"], out["best"]);
    EXPECT_LE(frontier.back()["cost"].get<double>(), 2500.0);
}

TEST(OptimizeCli, PinnedAndExcludedParts)
{
    const auto pin = tempFile("pin.mlrig");
    std::ofstream(pin) << R"({"format":"mlrig-build","version":1,"parts":[
        {"category":"gpu","ref":"GeForce RTX 3090","quantity":1,"condition":"used"}]})";
    const auto r = runCli({"optimize", "--model", "llama-3.1-8b", "--budget", "1500", "--pin", pin.string(),
                           "--exclude", "GeForce RTX 4090"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const json build = json::parse(r.out);
    bool found = false;
    for (const auto& part : build["parts"]) {
        if (part["category"] == "gpu") {
            EXPECT_EQ(part["ref"], "GeForce RTX 3090");
            EXPECT_EQ(part["price"], 0);
            found = true;
        }
    }
    EXPECT_TRUE(found);
    const auto bad = runCli({"optimize", "--model", "llama-3.1-8b", "--budget", "1500", "--exclude", "Nonexistent Part 9000"});
    EXPECT_EQ(bad.exitCode, 2);
}

TEST(OptimizeCli, ExitCodes)
{
    const auto tooSmall = runCli({"optimize", "--model", "llama-3.1-8b", "--budget", "100"});
    EXPECT_EQ(tooSmall.exitCode, 3);
    EXPECT_TRUE(tooSmall.out.empty());
    EXPECT_NE(tooSmall.err.find("no compatible build fits a budget of $100; the cheapest is $"), std::string::npos)
        << tooSmall.err;
    EXPECT_EQ(std::count(tooSmall.err.begin(), tooSmall.err.end(), '\n'), 1);

    // Builds exist within $900, but none runs a 70B model: exit 3 with the reason, and the
    // closest build (the most GPU memory) still printed.
    const auto cannotRun = runCli({"optimize", "--model", "llama-3.1-70b", "--budget", "900"});
    EXPECT_EQ(cannotRun.exitCode, 3) << cannotRun.err;
    EXPECT_NE(cannotRun.err.find("no build within $900 runs the model"), std::string::npos) << cannotRun.err;
    EXPECT_NE(cannotRun.err.find("the cheapest that runs it costs $"), std::string::npos) << cannotRun.err;
    EXPECT_EQ(json::parse(cannotRun.out)["format"], "mlrig-build");

    const auto unknownModel = runCli({"optimize", "--model", "no-such-model", "--budget", "2000"});
    EXPECT_EQ(unknownModel.exitCode, 2);
    EXPECT_NE(unknownModel.err.find("no-such-model"), std::string::npos);
    const auto negative = runCli({"optimize", "--model", "llama-3.1-8b", "--budget", "-5"});
    EXPECT_EQ(negative.exitCode, 2);
    const auto threeGpus = runCli({"optimize", "--model", "llama-3.1-8b", "--budget", "2000", "--max-gpus", "3"});
    EXPECT_EQ(threeGpus.exitCode, 2);
}

// Issue 15 acceptance: a 70B model at $2,000 with used GPUs priced at the used market price is a
// two-GPU build within the budget (before the market price table, GPUs were priced at launch MSRP
// and the answer was one RTX A6000 at $5,088 with exit 3).
TEST(OptimizeCli, UsedMarketPricesGiveTwoGpusForA70bModelAtTwoThousandDollars)
{
    const auto r = runCli({"optimize", "--model", "llama-3.1-70b", "--quant", "q4_k_m", "--budget", "2000", "--used"});
    ASSERT_EQ(r.exitCode, 0) << r.err << r.out;
    const json build = json::parse(r.out);
    int gpus = 0;
    for (const auto& part : build["parts"]) {
        if (part["category"] != "gpu")
            continue;
        gpus += part.value("quantity", 1);
        EXPECT_EQ(part.value("condition", "new"), "used") << part.dump();
        EXPECT_FALSE(part.contains("price")) << "priced by the catalog's market table, not a typed price";
    }
    EXPECT_EQ(gpus, 2) << r.out;
    const auto file = tempFile("used-70b.mlrig");
    std::ofstream(file) << r.out;
    const auto e = runCli({"evaluate", file.string()});
    ASSERT_EQ(e.exitCode, 0) << e.err;
    const json evaluation = json::parse(e.out);
    EXPECT_LE(evaluation["cost"]["total"].get<double>(), 2000.0);
    EXPECT_TRUE(evaluation["workload"]["fits"].get<bool>());
    for (const auto& line : evaluation["cost"]["lines"]) {
        if (line["category"] != "gpu")
            continue;
        EXPECT_EQ(line["price_source"], "market") << line.dump();
        EXPECT_TRUE(line["price_month"].is_string()) << line.dump();
        EXPECT_NE(line["price_origin"].get<std::string>().find("used market, 20"), std::string::npos) << line.dump();
    }
}
