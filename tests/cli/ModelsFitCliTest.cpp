// mlrig-cli models and fit (DESIGN.md contract), with model files and saved models.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include "tests/cli/CliRunner.h"
#include "tests/support/Files.h"
#include "tests/support/GgufFiles.h"

using mlrig::test::runCli;

namespace {

std::filesystem::path tempFile(const std::string& name, const std::string& content)
{
    const auto path = mlrig::testsupport::processTempDir() / name;
    mlrig::testsupport::writeFile(path, content);
    return path;
}

void expectOneLineError(const mlrig::test::CliResult& r, const std::string& reason)
{
    EXPECT_EQ(r.exitCode, 2) << r.out;
    EXPECT_TRUE(r.out.empty()) << r.out;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_NE(r.err.find(reason), std::string::npos) << r.err;
}

}  // namespace

TEST(ModelsCli, ListsEveryModelWithItsShapeAndAliases)
{
    const auto r = runCli({"models"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto out = nlohmann::json::parse(r.out);
    std::set<std::string> ids;
    for (const auto& m : out.at("models")) {
        for (const char* key : {"id", "name", "family", "params_b", "active_params_b", "layers", "context", "aliases"})
            EXPECT_TRUE(m.contains(key)) << key << " in " << m.dump();
        ids.insert(m.at("id").get<std::string>());
        if (m.at("id") == "qwen3-30b-a3b") {
            EXPECT_TRUE(m.at("moe").get<bool>());
            EXPECT_DOUBLE_EQ(m.at("active_params_b").get<double>(), 3.3);
            EXPECT_EQ(m.at("layers"), 48);
        }
        if (m.at("id") == "mistral-small-24b") {
            std::set<std::string> aliases;
            for (const auto& a : m.at("aliases"))
                aliases.insert(a.at("id").get<std::string>());
            EXPECT_TRUE(aliases.count("devstral-small") && aliases.count("magistral-small"));
        }
    }
    for (const char* id : {"llama-4-scout", "qwen3-235b-a22b", "gpt-oss-20b", "gpt-oss-120b", "gemma-3-27b",
                           "deepseek-v3", "glm-4.5-air", "llama-3.1-70b", "phi-3-mini"})
        EXPECT_TRUE(ids.count(id)) << id;
    const auto text = runCli({"models", "--format", "text"});
    ASSERT_EQ(text.exitCode, 0);
    EXPECT_NE(text.out.find("30.5B / 3.3B active"), std::string::npos) << text.out.substr(0, 600);
    EXPECT_NE(text.out.find("qwen3-coder-30b-a3b"), std::string::npos);
}

TEST(FitCli, AnswersWithTheWorkloadObjectOfEvaluate)
{
    const auto r = runCli({"fit", "--gpu", "GeForce RTX 3090", "--model", "qwen3-14b", "--context", "8192"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto w = nlohmann::json::parse(r.out);
    for (const char* key : {"fits", "vram_needed_gb", "vram_available_gb", "decode_tokens_per_s", "prefill_tokens_per_s",
                            "placement", "gpu_layers", "ram_gb_needed", "llama_cpp_flags", "assumptions"})
        EXPECT_TRUE(w.contains(key)) << key;
    EXPECT_TRUE(w.at("fits").get<bool>());
    EXPECT_EQ(w.at("placement"), "vram");
    EXPECT_EQ(w.at("gpu_layers"), 40);
    EXPECT_EQ(w.at("llama_cpp_flags"), "-ngl 99");
    EXPECT_GT(w.at("decode_tokens_per_s").get<double>(), 20);
}

TEST(FitCli, SixteenGbCardWithDdr5RunsTheBigMoeWithOffload)
{
    const auto r = runCli({"fit", "--gpu", "GeForce RTX 4060 Ti 16GB", "--model", "gpt-oss-120b", "--quant", "mxfp4",
                           "--ram-gb", "64", "--ram-mts", "6000", "--ram-channels", "2"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto w = nlohmann::json::parse(r.out);
    EXPECT_FALSE(w.at("fits").get<bool>());
    EXPECT_EQ(w.at("placement"), "offload");
    EXPECT_EQ(w.at("llama_cpp_flags"), "-ngl 99 --n-cpu-moe 28");
    EXPECT_GT(w.at("decode_tokens_per_s").get<double>(), 10);
    EXPECT_GT(w.at("ram_gb_needed").get<double>(), 40);
    // Without the memory figures the speed stays unknown.
    const auto unknown = runCli({"fit", "--gpu", "GeForce RTX 4060 Ti 16GB", "--model", "gpt-oss-120b"});
    ASSERT_EQ(unknown.exitCode, 0) << unknown.err;
    const auto u = nlohmann::json::parse(unknown.out);
    EXPECT_EQ(u.at("placement"), "offload");
    EXPECT_TRUE(u.at("decode_tokens_per_s").is_null());
    // Too little RAM: does not fit at all.
    const auto none = runCli({"fit", "--gpu", "GeForce RTX 4060 Ti 16GB", "--model", "gpt-oss-120b", "--ram-gb", "32",
                              "--ram-mts", "6000"});
    EXPECT_EQ(nlohmann::json::parse(none.out).at("placement"), "none");
}

TEST(FitCli, AliasesKvCacheAndTwoCards)
{
    const auto alias = runCli({"fit", "--gpu", "RTX 3090", "--count", "2", "--model", "deepseek-r1-distill-llama-70b",
                               "--kv-cache", "q8_0", "--format", "text"});
    ASSERT_EQ(alias.exitCode, 0) << alias.err;
    EXPECT_NE(alias.out.find("Llama 3.3 70B"), std::string::npos) << alias.out;
    EXPECT_NE(alias.out.find("placement: vram"), std::string::npos) << alias.out;
    EXPECT_NE(alias.out.find("q8_0"), std::string::npos) << alias.out;
}

TEST(FitCli, BadInputIsOneLine)
{
    expectOneLineError(runCli({"fit", "--gpu", "GeForce RTX 9999", "--model", "qwen3-8b"}), "no GPU named");
    expectOneLineError(runCli({"fit", "--gpu", "GeForce RTX 3090", "--model", "qwen9-1t"}), "unknown model");
    expectOneLineError(runCli({"fit", "--gpu", "GeForce RTX 3090", "--model", "qwen3-8b", "--quant", "q9"}),
                       "unknown quantisation");
    expectOneLineError(runCli({"fit", "--gpu", "GeForce RTX 3090"}), "--model");
    const auto notGguf = tempFile("broken.gguf", std::string("GGUF\x03\x00\x00\x00", 8));
    expectOneLineError(runCli({"fit", "--gpu", "GeForce RTX 3090", "--model-file", notGguf.string()}),
                       "ends inside the GGUF header");
    const auto badJson = tempFile("config.json", R"({"num_hidden_layers": 2})");
    expectOneLineError(runCli({"fit", "--gpu", "GeForce RTX 3090", "--model-file", badJson.string()}), "hidden_size");
}

TEST(FitCli, ModelFileAndSavedModel)
{
    const auto gguf = tempFile("tiny.gguf", mlrig::testsupport::tinyMoeGguf());
    std::filesystem::resize_file(gguf, 1'000'000);
    const auto r = runCli({"fit", "--gpu", "GeForce RTX 3060 12GB", "--model-file", gguf.string()});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto w = nlohmann::json::parse(r.out);
    EXPECT_EQ(w.at("model"), "Tiny MoE");
    EXPECT_EQ(w.at("placement"), "vram");

    const auto db = mlrig::testsupport::processTempDir() / "user.sqlite";
    const auto added = runCli({"--user-db", db.string(), "models", "add", gguf.string(), "--name", "My Tiny MoE"});
    ASSERT_EQ(added.exitCode, 0) << added.err;
    const auto record = nlohmann::json::parse(added.out);
    EXPECT_EQ(record.at("id"), "my:my-tiny-moe");
    EXPECT_EQ(record.at("quant"), "q4_k_m");
    EXPECT_EQ(record.at("model").at("experts"), 8);

    const auto listed = runCli({"--user-db", db.string(), "models", "--format", "text"});
    EXPECT_NE(listed.out.find("my:my-tiny-moe"), std::string::npos);
    const auto fit = runCli({"--user-db", db.string(), "fit", "--gpu", "GeForce RTX 3060 12GB", "--model", "my:my-tiny-moe"});
    ASSERT_EQ(fit.exitCode, 0) << fit.err;
    EXPECT_EQ(nlohmann::json::parse(fit.out).at("model"), "My Tiny MoE");

    // A .mlrig file carries the model itself, so it evaluates without the database.
    nlohmann::json build = {{"format", "mlrig-build"},
                            {"version", 1},
                            {"name", "own model"},
                            {"parts", {{{"category", "gpu"}, {"ref", "GeForce RTX 3060 12GB"}}}},
                            {"workload",
                             {{"kind", "llm-inference"},
                              {"model", "My Tiny MoE"},
                              {"quant", "q4_k_m"},
                              {"context", 2048},
                              {"custom_model", record.at("model")}}}};
    const auto file = tempFile("own.mlrig", build.dump());
    const auto evaluated = runCli({"evaluate", file.string()});
    ASSERT_EQ(evaluated.exitCode, 0) << evaluated.err;
    EXPECT_EQ(nlohmann::json::parse(evaluated.out).at("workload").at("placement"), "vram");

    ASSERT_EQ(runCli({"--user-db", db.string(), "models", "remove", "my:my-tiny-moe"}).exitCode, 0);
    expectOneLineError(runCli({"--user-db", db.string(), "fit", "--gpu", "RTX 3090", "--model", "my:my-tiny-moe"}),
                       "unknown model");
}
