// The GGUF header and config.json readers (core/io/ModelFile.h), including hostile input: every
// malformed header throws ModelFileError with a message and nothing else happens.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "tests/support/Files.h"
#include "tests/support/GgufFiles.h"
#include "core/io/ModelFile.h"

namespace mlrig {
namespace {

using testsupport::GgufWriter;
using testsupport::tinyMoeGguf;

std::string errorOf(const std::string& bytes, uint64_t fileBytes = 1ull << 30)
{
    try {
        (void)modelFromGguf(parseGgufHeader(bytes, fileBytes));
    } catch (const ModelFileError& e) {
        return e.what();
    }
    return "<no error>";
}

TEST(GgufReader, ReadsTheShapeOfAMoeModel)
{
    const std::string bytes = tinyMoeGguf();
    const GgufHeader h = parseGgufHeader(bytes, 1'000'000);
    EXPECT_EQ(h.version, 3u);
    EXPECT_EQ(h.architecture, "qwen3moe");
    std::string quant;
    const ModelSpec m = modelFromGguf(h, &quant);
    EXPECT_EQ(m.displayName, "Tiny MoE");
    EXPECT_EQ(quant, "q4_k_m");  // general.file_type 15 = LLAMA_FTYPE_MOSTLY_Q4_K_M
    EXPECT_EQ(m.layers, 4);
    EXPECT_EQ(m.hiddenSize, 64);
    EXPECT_EQ(m.attentionHeads, 8);
    EXPECT_EQ(m.kvHeads, 2);
    EXPECT_EQ(m.headDim, 8);  // 64 / 8 (no key_length given)
    EXPECT_EQ(m.maxContext, 4096);
    EXPECT_EQ(m.vocabSize, 100);  // from token_embd's shape (no tokens array, no vocab_size)
    EXPECT_FALSE(m.tiedEmbeddings);
    // Elements: 2 x 6400 + 4 x (64 x 192 + 3 x 64 x 32 x 8) = 12800 + 4 x 61440 = 258560.
    EXPECT_NEAR(m.paramsB * 1e9, 258560, 0.5);
    ASSERT_TRUE(m.isMoe());
    EXPECT_EQ(m.expertCount, 8);
    EXPECT_EQ(m.expertsPerToken, 2);
    EXPECT_EQ(m.moeLayers, 4);
    EXPECT_EQ(m.expertFfn, 32);  // 196608 routed elements / (4 layers x 8 experts x 3 x 64)
    EXPECT_NEAR(m.routedExpertParams(), 196608, 0.5);
    // Active: all but 6 of 8 experts' share = 258560 - 196608 x 0.75.
    EXPECT_NEAR(m.activeParamsB * 1e9, 258560 - 196608 * 0.75, 0.5);
    ASSERT_TRUE(m.fileBytes.has_value());
    EXPECT_EQ(*m.fileBytes, 1'000'000);
    // The custom-model JSON round trip keeps the architecture (what a .mlrig file carries).
    const ModelSpec back = modelFromJson(modelToJson(m));
    EXPECT_EQ(back.expertFfn, 32);
    EXPECT_EQ(back.moeLayers, 4);
    EXPECT_EQ(*back.fileBytes, 1'000'000);
}

TEST(GgufReader, ReadsOnlyTheHeaderOfALargeFile)
{
    // A header followed by 64 MB of "weights": the reader stops at the header.
    const testsupport::TempDir dir("model-file");
    const auto path = dir.file("large.gguf");
    {
        std::ofstream out(path, std::ios::binary);
        const std::string header = tinyMoeGguf();
        out.write(header.data(), static_cast<std::streamsize>(header.size()));
        std::filesystem::resize_file(path, 0);
        out.seekp(0);
        out.write(header.data(), static_cast<std::streamsize>(header.size()));
    }
    std::filesystem::resize_file(path, 64ull << 20);  // sparse: the tail is never read
    const auto start = std::chrono::steady_clock::now();
    std::string quant;
    const ModelSpec m = readModelFile(path, &quant);
    const auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    EXPECT_EQ(m.layers, 4);
    EXPECT_EQ(*m.fileBytes, static_cast<double>(64ull << 20));
    EXPECT_LT(ms, 50.0);
}

TEST(GgufReader, EveryTruncationIsOneClearError)
{
    const std::string bytes = tinyMoeGguf();
    for (size_t n = 0; n < bytes.size(); ++n) {
        const std::string e = errorOf(bytes.substr(0, n));
        EXPECT_TRUE(e.find("ends inside the GGUF header") != std::string::npos || e.find("not a GGUF") != std::string::npos)
            << n << ": " << e;
    }
}

TEST(GgufReader, RejectsHostileHeaders)
{
    EXPECT_NE(errorOf("GGML....").find("not a GGUF file"), std::string::npos);
    {
        GgufWriter w(1);
        w.counts(1, 0);
        EXPECT_NE(errorOf(w.text()).find("version 1 is not supported"), std::string::npos);
    }
    {
        GgufWriter w(4);
        w.counts(1, 0);
        EXPECT_NE(errorOf(w.text()).find("version 4"), std::string::npos);
    }
    {
        GgufWriter w;
        w.counts(1ull << 40, 0);
        EXPECT_NE(errorOf(w.text()).find("tensors is not a plausible count"), std::string::npos);
    }
    {
        GgufWriter w;
        w.counts(1, 1ull << 50);
        EXPECT_NE(errorOf(w.text()).find("metadata keys"), std::string::npos);
    }
    {
        GgufWriter w;  // a string claiming 2^60 bytes
        w.counts(1, 1);
        w.u64(1ull << 60);
        EXPECT_NE(errorOf(w.text()).find("longer than the"), std::string::npos);
    }
    {
        GgufWriter w;  // an array claiming 2^40 elements
        w.counts(1, 1);
        w.str("tokenizer.ggml.tokens");
        w.u32(9);
        w.u32(8);
        w.u64(1ull << 40);
        EXPECT_NE(errorOf(w.text()).find("elements, more than"), std::string::npos);
    }
    {
        GgufWriter w;  // a key that is not UTF-8
        w.counts(1, 1);
        w.str(std::string("gen\xff\xfe", 5));
        w.u32(4);
        w.u32(1);
        EXPECT_NE(errorOf(w.text()).find("not UTF-8"), std::string::npos);
    }
    {
        GgufWriter w;  // an unknown value type
        w.counts(1, 1);
        w.str("general.x");
        w.u32(77);
        EXPECT_NE(errorOf(w.text()).find("unknown value type 77"), std::string::npos);
    }
    {
        GgufWriter w;  // a tensor with five dimensions
        w.counts(1, 1);
        w.kvStr("general.architecture", "llama");
        w.str("t");
        w.u32(5);
        EXPECT_NE(errorOf(w.text()).find("5 dimensions"), std::string::npos);
    }
    {
        GgufWriter w;  // no architecture
        w.counts(1, 0);
        EXPECT_NE(errorOf(w.text()).find("general.architecture is missing"), std::string::npos);
    }
    {
        GgufWriter w;  // more KV heads than heads
        w.counts(1, 5);
        w.kvStr("general.architecture", "llama");
        w.kvU32("llama.block_count", 2);
        w.kvU32("llama.embedding_length", 64);
        w.kvU32("llama.attention.head_count", 4);
        w.kvU32("llama.attention.head_count_kv", 8);
        w.tensor("token_embd.weight", {64, 10}, 0);
        EXPECT_NE(errorOf(w.text()).find("contradictory"), std::string::npos);
    }
    // A file far smaller than its tensors: truncated.
    EXPECT_NE(errorOf(tinyMoeGguf(), 100).find("too small"), std::string::npos);
}

TEST(HfConfigReader, Qwen3MoeConfigGivesTheModelCardSize)
{
    // Qwen/Qwen3-30B-A3B config.json (the fields mlrig reads).
    const ModelSpec m = modelFromHfConfig(R"({"architectures":["Qwen3MoeForCausalLM"],"model_type":"qwen3_moe",
        "num_hidden_layers":48,"hidden_size":2048,"num_attention_heads":32,"num_key_value_heads":4,"head_dim":128,
        "vocab_size":151936,"max_position_embeddings":40960,"num_experts":128,"num_experts_per_tok":8,
        "moe_intermediate_size":768,"intermediate_size":6144,"tie_word_embeddings":false})",
                                          "Qwen3-30B-A3B");
    EXPECT_NEAR(m.paramsB, 30.5, 0.3);       // model card: 30.5B
    EXPECT_NEAR(m.activeParamsB, 3.3, 0.15);  // model card: 3.3B active
    EXPECT_EQ(m.moeLayers, 48);
    EXPECT_EQ(m.expertFfn, 768);
    EXPECT_EQ(m.displayName, "Qwen3-30B-A3B");
}

TEST(HfConfigReader, DenseAndWindowedConfigs)
{
    // meta-llama/Llama-3.1-8B: 8.03B parameters.
    const ModelSpec llama = modelFromHfConfig(R"({"num_hidden_layers":32,"hidden_size":4096,"num_attention_heads":32,
        "num_key_value_heads":8,"vocab_size":128256,"intermediate_size":14336,"max_position_embeddings":131072})",
                                              "llama");
    EXPECT_NEAR(llama.paramsB, 8.03, 0.01);
    EXPECT_EQ(llama.headDim, 128);
    // gpt-oss-20b: alternating layer_types with a 128-token window.
    std::string types;
    for (int i = 0; i < 24; ++i)
        types += std::string(i ? "," : "") + (i % 2 == 0 ? "\"sliding_attention\"" : "\"full_attention\"");
    const ModelSpec oss = modelFromHfConfig(
        R"({"num_hidden_layers":24,"hidden_size":2880,"num_attention_heads":64,"num_key_value_heads":8,"head_dim":64,
        "vocab_size":201088,"intermediate_size":2880,"num_local_experts":32,"num_experts_per_tok":4,
        "sliding_window":128,"layer_types":[)" + types + "]}",
        "gpt-oss-20b");
    EXPECT_EQ(oss.slidingWindow, 128);
    EXPECT_EQ(oss.slidingLayers, 12);
    EXPECT_NEAR(oss.paramsB, 20.9, 0.2);  // llama-bench: 20.91B
    // Gemma 3 under text_config with a sliding_window_pattern of 6: 52 of 62 layers windowed.
    const ModelSpec gemma = modelFromHfConfig(R"({"text_config":{"num_hidden_layers":62,"hidden_size":5376,
        "num_attention_heads":32,"num_key_value_heads":16,"head_dim":128,"vocab_size":262208,"intermediate_size":21504,
        "sliding_window":1024,"sliding_window_pattern":6},"tie_word_embeddings":true})",
                                              "gemma-3-27b");
    EXPECT_EQ(gemma.slidingLayers, 52);
    EXPECT_TRUE(gemma.tiedEmbeddings);
}

TEST(HfConfigReader, MissingOrContradictoryFieldsAreOneError)
{
    const auto error = [](const std::string& text) {
        try {
            (void)modelFromHfConfig(text, "x");
        } catch (const ModelFileError& e) {
            return std::string(e.what());
        }
        return std::string("<no error>");
    };
    EXPECT_NE(error("{nope").find("not valid JSON"), std::string::npos);
    EXPECT_NE(error("[]").find("JSON object"), std::string::npos);
    EXPECT_NE(error(R"({"hidden_size":64})").find("num_hidden_layers"), std::string::npos);
    EXPECT_NE(error(R"({"num_hidden_layers":2,"hidden_size":64,"num_attention_heads":4,"num_key_value_heads":8,
        "vocab_size":10,"intermediate_size":10})")
                  .find("larger than num_attention_heads"),
              std::string::npos);
    EXPECT_NE(error(R"({"num_hidden_layers":2,"hidden_size":64,"num_attention_heads":4,"vocab_size":10,
        "intermediate_size":10,"num_experts":4,"num_experts_per_tok":8})")
                  .find("larger than the 4 experts"),
              std::string::npos);
    EXPECT_NE(error(R"({"num_hidden_layers":-2,"hidden_size":64,"num_attention_heads":4,"vocab_size":10})")
                  .find("out of range"),
              std::string::npos);
    EXPECT_NE(error(R"({"num_hidden_layers":2,"hidden_size":64,"num_attention_heads":4,"vocab_size":10})")
                  .find("intermediate_size"),
              std::string::npos);
}

TEST(ModelFile, NeitherGgufNorJsonIsRefused)
{
    const testsupport::TempDir dir("model-file");
    const auto path = dir.file("notamodel.bin");
    std::ofstream(path, std::ios::binary) << "PK\x03\x04 zip file";
    EXPECT_THROW((void)readModelFile(path), ModelFileError);
    EXPECT_THROW((void)readModelFile("/nonexistent/model.gguf"), ModelFileError);
}

}  // namespace
}  // namespace mlrig
