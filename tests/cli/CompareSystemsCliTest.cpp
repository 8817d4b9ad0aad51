// mlrig-cli compare-systems and optimize --include-systems: the build beside the unified-memory
// machines, ranked by the one ranking (core/advise/SystemComparison ranksBefore).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <string>

#include "tests/cli/CliRunner.h"

using mlrig::test::runCli;

namespace {

std::string build(const char* name)
{
    return std::string(MLRIG_CLI_TEST_DIR) + "/builds/" + name;
}

}  // namespace

TEST(CompareSystemsCli, WorkloadOnlyBuildListsEveryMachineWithTheContractFields)
{
    const auto r = runCli({"compare-systems", build("workload-only-gpt-oss-120b.mlrig")});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto json = nlohmann::json::parse(r.out);
    const auto& rows = json.at("rows");
    ASSERT_GE(rows.size(), 20u);
    for (const auto& row : rows) {
        for (const char* key : {"name", "platform", "memory_gb", "price", "fits", "decode_tokens_per_s",
                                "prefill_tokens_per_s", "power_w"})
            EXPECT_TRUE(row.contains(key)) << key;
        EXPECT_FALSE(row.at("is_build").get<bool>());  // no parts: no build row
    }
    // Ranked: every machine that fits comes before every one that does not, fastest first.
    bool seenNoFit = false;
    double lastDecode = 1e9;
    for (const auto& row : rows) {
        if (!row.at("fits").get<bool>()) {
            seenNoFit = true;
            continue;
        }
        EXPECT_FALSE(seenNoFit) << row.at("name");
        const double decode = row.at("decode_tokens_per_s").get<double>();
        EXPECT_LE(decode, lastDecode + 1e-9) << row.at("name");
        lastDecode = decode;
    }
    // gpt-oss-120b (~61 GB) does not fit a 32 GB Framework Desktop, and says so without a speed.
    bool found = false;
    for (const auto& row : rows) {
        if (row.at("name").get<std::string>().find("Ryzen AI Max 385, 32 GB") != std::string::npos) {
            found = true;
            EXPECT_FALSE(row.at("fits").get<bool>());
            EXPECT_TRUE(row.at("decode_tokens_per_s").is_null());
        }
    }
    EXPECT_TRUE(found);
}

TEST(CompareSystemsCli, BuildRowUsesTheBuildsOwnEvaluationAndTheBudgetFilters)
{
    const auto all = runCli({"compare-systems", build("2x3090-llm.mlrig")});
    ASSERT_EQ(all.exitCode, 0) << all.err;
    const auto full = nlohmann::json::parse(all.out);
    const auto evaluated = nlohmann::json::parse(runCli({"evaluate", build("2x3090-llm.mlrig")}).out);
    int builds = 0;
    for (const auto& row : full.at("rows")) {
        if (!row.at("is_build").get<bool>())
            continue;
        ++builds;
        // The same numbers the evaluation shows: one source for every figure.
        EXPECT_NEAR(row.at("price").get<double>(), evaluated.at("cost").at("total").get<double>(), 0.01);
        EXPECT_NEAR(row.at("power_w").get<double>(), evaluated.at("power").at("sustained_w").get<double>(), 0.5);
        EXPECT_NEAR(row.at("decode_tokens_per_s").get<double>(),
                    evaluated.at("workload").at("decode_tokens_per_s").get<double>(), 0.01);
    }
    EXPECT_EQ(builds, 1);
    const auto cheap = runCli({"compare-systems", build("2x3090-llm.mlrig"), "--budget", "2500"});
    ASSERT_EQ(cheap.exitCode, 0) << cheap.err;
    const auto limited = nlohmann::json::parse(cheap.out);
    EXPECT_LT(limited.at("rows").size(), full.at("rows").size());
    for (const auto& row : limited.at("rows")) {
        if (!row.at("is_build").get<bool>()) {
            EXPECT_LE(row.at("price").get<double>(), 2500.0) << row.at("name");
        }
    }
    const auto text = runCli({"compare-systems", build("2x3090-llm.mlrig"), "--format", "text"});
    ASSERT_EQ(text.exitCode, 0);
    EXPECT_NE(text.out.find("Build or buy"), std::string::npos);
    EXPECT_NE(text.out.find("Your build"), std::string::npos);
}

TEST(CompareSystemsCli, BadInputExitsTwo)
{
    EXPECT_EQ(runCli({"compare-systems", build("broken-json.mlrig")}).exitCode, 2);
    EXPECT_EQ(runCli({"compare-systems", build("broken-model.mlrig")}).exitCode, 2);
    EXPECT_EQ(runCli({"compare-systems", build("2x3090-llm.mlrig"), "--budget", "-5"}).exitCode, 2);
}

TEST(CompareSystemsCli, OptimizerAnswerAgreesWithTheTableRanking)
{
    // gpt-oss-120b within $2,500: the optimizer's best build against every machine at that price.
    const auto r = runCli({"optimize", "--model", "gpt-oss-120b", "--quant", "mxfp4", "--context", "8192", "--budget",
                           "2500", "--include-systems"});
    ASSERT_TRUE(r.exitCode == 0 || r.exitCode == 3) << r.err;
    const auto answer = nlohmann::json::parse(r.out);
    ASSERT_TRUE(answer.contains("answer"));
    ASSERT_FALSE(answer.at("reason").get<std::string>().empty());
    // The table for the same workload and budget ranks the same winner first.
    std::string expectedName;
    if (answer.at("answer") == "machine") {
        expectedName = answer.at("machine").at("name").get<std::string>();
        const auto table = nlohmann::json::parse(
            runCli({"compare-systems", build("workload-only-gpt-oss-120b.mlrig"), "--budget", "2500"}).out);
        std::string firstFitting;
        for (const auto& row : table.at("rows")) {
            if (row.at("fits").get<bool>()) {
                firstFitting = row.at("name").get<std::string>();
                break;
            }
        }
        EXPECT_EQ(firstFitting, expectedName);
    } else if (answer.at("answer") == "build") {
        EXPECT_FALSE(answer.at("build").is_null());
        if (!answer.at("machine").is_null()) {
            EXPECT_GE(answer.at("build_figure").get<double>(), answer.at("machine").at("figure").get<double>());
        }
    }
}
