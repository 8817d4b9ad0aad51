// mlrig-cli evaluate on the real-shaped build files in tests/cli/builds.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>

#include "tests/cli/CliRunner.h"
#include "tests/support/Files.h"

using mlrig::test::runCli;

namespace {

std::string buildFile(const std::string& name)
{
    return std::string(MLRIG_CLI_TEST_DIR) + "/builds/" + name;
}

bool hasRule(const nlohmann::json& out, const std::string& rule, const std::string& severity)
{
    for (const auto& f : out.at("findings")) {
        if (f.at("rule") == rule && f.at("severity") == severity)
            return true;
    }
    return false;
}

void expectOneLineError(const std::string& file, const std::string& reason)
{
    const auto r = runCli({"evaluate", buildFile(file)});
    EXPECT_EQ(r.exitCode, 2) << r.out;
    EXPECT_TRUE(r.out.empty()) << r.out;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_EQ(r.err.rfind("mlrig-cli: " + buildFile(file) + ": ", 0), 0u) << r.err;
    EXPECT_NE(r.err.find(reason), std::string::npos) << r.err;
}

}  // namespace

TEST(EvaluateCli, TwoRtx3090BuildPrintsTheDesignJsonShape)
{
    const auto r = runCli({"evaluate", buildFile("2x3090-llm.mlrig")});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto out = nlohmann::json::parse(r.out);
    for (const char* key : {"findings", "power", "cost", "workload"})
        EXPECT_TRUE(out.contains(key)) << key;
    for (const auto& f : out.at("findings")) {
        for (const char* key : {"rule", "severity", "message", "parts"})
            EXPECT_TRUE(f.contains(key)) << f.dump();
    }
    const auto& power = out.at("power");
    EXPECT_DOUBLE_EQ(power.at("sustained_w").get<double>(), 872);  // 2x 280 W limit + 312 W rest
    EXPECT_DOUBLE_EQ(power.at("peak_w").get<double>(), 1272);
    EXPECT_DOUBLE_EQ(power.at("recommended_psu_w").get<double>(), 1100);  // 872 / 0.8 = 1090, a 50 W step up
    EXPECT_DOUBLE_EQ(power.at("psu_w").get<double>(), 1600);
    EXPECT_EQ(out.at("cost").at("currency"), "USD");
    EXPECT_EQ(out.at("cost").at("missing_prices"), 0);
    EXPECT_GT(out.at("cost").at("total").get<double>(), 1400);
    const auto& w = out.at("workload");
    for (const char* key : {"fits", "vram_needed_gb", "vram_available_gb", "decode_tokens_per_s", "prefill_tokens_per_s"})
        EXPECT_TRUE(w.contains(key)) << key;
    EXPECT_TRUE(w.at("fits").get<bool>());
    EXPECT_DOUBLE_EQ(w.at("vram_available_gb").get<double>(), 48);
    EXPECT_GT(w.at("decode_tokens_per_s").get<double>(), 0);
    EXPECT_TRUE(hasRule(out, "nvlink", "note"));
    EXPECT_FALSE(hasRule(out, "psu-wattage", "error"));
}

TEST(EvaluateCli, P40TrapIsFlagged)
{
    const auto r = runCli({"evaluate", buildFile("p40-trap.mlrig"), "--format", "json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;  // findings do not change the exit code
    const auto out = nlohmann::json::parse(r.out);
    EXPECT_TRUE(hasRule(out, "gpu-datacenter", "warning"));
    EXPECT_TRUE(hasRule(out, "psu-wattage", "error"));
    EXPECT_TRUE(hasRule(out, "missing-part", "note"));
    EXPECT_EQ(out.at("findings").front().at("severity"), "error");
    EXPECT_EQ(out.at("cost").at("missing_prices"), 3);
}

TEST(EvaluateCli, SingleCardBuildWithoutWorkloadProblems)
{
    const auto r = runCli({"evaluate", buildFile("single-4090.mlrig")});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto out = nlohmann::json::parse(r.out);
    for (const auto& f : out.at("findings"))
        EXPECT_NE(f.at("severity"), "error") << f.dump();
    EXPECT_TRUE(out.at("workload").at("fits").get<bool>());
}

TEST(EvaluateCli, TextFormatIsAReadableReport)
{
    const auto r = runCli({"evaluate", buildFile("p40-trap.mlrig"), "--format", "text"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("Build: Cheap VRAM: two Tesla P40"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("[error] "), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("psu-wattage"), std::string::npos) << "rule ids are for JSON only:\n" << r.out;
    EXPECT_NE(r.out.find("recommended PSU"), std::string::npos);
    EXPECT_NE(r.out.find("Workload: llm-inference"), std::string::npos);
}

TEST(EvaluateCli, WorkloadIsNullWithoutOne)
{
    const mlrig::testsupport::TempDir dir("eval-cli");
    const auto file = dir.file("no-workload.mlrig");
    std::ofstream(file) << R"({"format": "mlrig-build", "version": 1, "name": "n",
        "parts": [{"category": "gpu", "ref": "GeForce RTX 3090", "price": 650}]})";
    const auto r = runCli({"evaluate", file.string()});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto out = nlohmann::json::parse(r.out);
    EXPECT_TRUE(out.at("workload").is_null());
    EXPECT_DOUBLE_EQ(out.at("cost").at("total").get<double>(), 650);
    EXPECT_TRUE(out.at("power").at("psu_w").is_null());
}

TEST(EvaluateCli, InvalidInputExitsTwoWithOneLine)
{
    expectOneLineError("broken-json.mlrig", "line 3 column 28: invalid JSON");
    expectOneLineError("broken-quantity.mlrig", "parts[1].quantity: expected a whole number from 1 to 16, got -2");
    expectOneLineError("broken-ref.mlrig", "parts[0].ref: no gpu named \"RTX 9999\" in the catalog");
    expectOneLineError("broken-version.mlrig", "newer mlrig (format version 2)");
    expectOneLineError("broken-model.mlrig", "no-such-model-9000b");
    expectOneLineError("does-not-exist.mlrig", "no such file");
}
