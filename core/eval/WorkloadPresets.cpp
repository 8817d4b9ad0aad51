// Model and quantisation presets for the workload model, and custom-model parsing.
//
// Architecture numbers are copied from each model's Hugging Face config.json (field names in
// the `source` strings); parameter counts come from the model cards. Where a model card gives
// a longer context than config.json (YaRN / rope scaling), maxContext is the model card's.

#include "core/eval/WorkloadModel.h"

#include <array>
#include <cmath>
#include <stdexcept>

#include "core/util/TextUtil.h"

namespace mlrig {

namespace {

// Dense model: architecture from config.json, parameter count from the model card.
ModelSpec dense(const char* id, const char* name, const char* family, double paramsB, int layers, int hidden, int heads,
                int kvHeads, int headDim, int maxContext, int vocab, bool tied, const char* source)
{
    ModelSpec m;
    m.id = id;
    m.displayName = name;
    m.family = family;
    m.paramsB = paramsB;
    m.activeParamsB = paramsB;
    m.layers = layers;
    m.hiddenSize = hidden;
    m.attentionHeads = heads;
    m.kvHeads = kvHeads;
    m.headDim = headDim;
    m.maxContext = maxContext;
    m.vocabSize = vocab;
    m.tiedEmbeddings = tied;
    m.source = source;
    return m;
}

ModelSpec withMoe(ModelSpec m, double activeParamsB, int experts, int perToken, int shared, int moeLayers, int expertFfn)
{
    m.activeParamsB = activeParamsB;
    m.expertCount = experts;
    m.expertsPerToken = perToken;
    m.sharedExperts = shared;
    m.moeLayers = moeLayers;
    m.expertFfn = expertFfn;
    return m;
}

ModelSpec withWindow(ModelSpec m, int window, int slidingLayers)
{
    m.slidingWindow = window;
    m.slidingLayers = slidingLayers;
    return m;
}

ModelSpec withMla(ModelSpec m, int kvRank, int ropeDim)
{
    m.mlaKvRank = kvRank;
    m.mlaRopeDim = ropeDim;
    return m;
}

// Every figure below is the named repository's config.json (the field names are in the source
// text); total and active parameter counts are the model card's. Where the model card states a
// longer context than max_position_embeddings (YaRN), maxContext is the model card's. Each source
// names where the figures were checked (2026-12-02): a public copy of that config.json, or the
// vendor's own reference code, with its commit; what no copy confirmed is said so.
const std::vector<ModelSpec>& presetTable()
{
    static const std::vector<ModelSpec> table = {
        // --- Llama ---------------------------------------------------------------------------
        dense("llama-3.2-1b", "Llama 3.2 1B", "Llama", 1.24, 16, 2048, 32, 8, 64, 131072, 128256, true,
              "meta-llama/Llama-3.2-1B config.json: num_hidden_layers 16, hidden_size 2048, num_attention_heads 32, "
              "num_key_value_heads 8, head_dim 64, max_position_embeddings 131072, vocab_size 128256, "
              "tie_word_embeddings true; 1.24B parameters (model card). Verified 2026-12-02 against copies of the "
              "config.json in mlc-ai/mlc-llm python/mlc_llm/model/model_preset.py @79d603f (llama3_2_1b) and "
              "kevinstephano/thunder_model_blocks @5c083b0 thunder_model_blocks/llama/llama_config.py "
              "(Llama-3.2-1B-Instruct)"),
        dense("llama-3.2-3b", "Llama 3.2 3B", "Llama", 3.21, 28, 3072, 24, 8, 128, 131072, 128256, true,
              "meta-llama/Llama-3.2-3B config.json: num_hidden_layers 28, hidden_size 3072, num_attention_heads 24, "
              "num_key_value_heads 8, head_dim 128, max_position_embeddings 131072, vocab_size 128256, "
              "tie_word_embeddings true; 3.21B parameters (model card). Verified 2026-12-02 against the config.json "
              "copy in citsjtu2020/LLM-Prof sglang/Model_Config.md @8434c8d (Llama-3.2-3B)"),
        dense("llama-2-7b", "Llama 2 7B", "Llama", 6.74, 32, 4096, 32, 32, 128, 4096, 32000, false,
              "meta-llama/Llama-2-7b-hf config.json: num_hidden_layers 32, hidden_size 4096, num_attention_heads 32, "
              "num_key_value_heads 32 (no GQA), max_position_embeddings 4096, vocab_size 32000; 6.74B parameters "
              "(llama-bench); llama.cpp's reference benchmark model. Verified 2026-12-02: microsoft/Olive "
              "examples/llm/config.py (Llama-2-7b-chat-hf: 32 layers, 4096, 32/32 heads, vocab 32000, 4096 "
              "positions); 4096-token context also in meta-llama/llama-models models/sku_list.py and "
              "models/datatypes.py @8c88b8c (max_seq_length for the Llama 2 family)"),
        dense("llama-3-8b", "Llama 3 8B", "Llama", 8.03, 32, 4096, 32, 8, 128, 8192, 128256, false,
              "meta-llama/Meta-Llama-3-8B config.json: num_hidden_layers 32, hidden_size 4096, num_attention_heads "
              "32, num_key_value_heads 8, max_position_embeddings 8192, vocab_size 128256; 8.03B parameters (model "
              "card). Verified 2026-12-02 against the Meta-Llama-3-8B-Instruct config.json copy in "
              "kevinstephano/thunder_model_blocks @5c083b0 thunder_model_blocks/llama/llama_3_8B_Instruct_config.py"),
        dense("llama-3.1-8b", "Llama 3.1 8B", "Llama", 8.03, 32, 4096, 32, 8, 128, 131072, 128256, false,
              "meta-llama/Llama-3.1-8B config.json: num_hidden_layers 32, hidden_size 4096, num_attention_heads 32, "
              "num_key_value_heads 8, max_position_embeddings 131072, vocab_size 128256; 8.03B parameters (model "
              "card). Verified 2026-12-02 against the config.json copies in citsjtu2020/LLM-Prof "
              "sglang/Model_Config.md @8434c8d (Llama-3.1-8B) and mlc-ai/mlc-llm "
              "python/mlc_llm/model/model_preset.py @79d603f (llama3_1_8b)"),
        dense("llama-3-70b", "Llama 3 70B", "Llama", 70.55, 80, 8192, 64, 8, 128, 8192, 128256, false,
              "meta-llama/Meta-Llama-3-70B config.json: num_hidden_layers 80, hidden_size 8192, num_attention_heads "
              "64, num_key_value_heads 8, vocab_size 128256, 8192-token context; 70.6B parameters (model card). "
              "Verified 2026-12-02 against Meta's meta-llama/llama-models models/sku_list.py and "
              "models/datatypes.py @8c88b8c (llama3_70b arch_args dim 8192, n_layers 80, n_heads 64, n_kv_heads 8; "
              "Llama 3 max_seq_length 8192); "
              "not confirmed from a copy of this repository's own config.json"),
        dense("llama-3.1-70b", "Llama 3.1 70B", "Llama", 70.55, 80, 8192, 64, 8, 128, 131072, 128256, false,
              "meta-llama/Llama-3.1-70B config.json: num_hidden_layers 80, hidden_size 8192, num_attention_heads 64, "
              "num_key_value_heads 8, max_position_embeddings 131072, vocab_size 128256; 70.6B parameters (model "
              "card). Verified 2026-12-02 against the config.json copy in mlc-ai/mlc-llm "
              "python/mlc_llm/model/model_preset.py @79d603f (llama3_1_70b)"),
        dense("llama-3.3-70b", "Llama 3.3 70B", "Llama", 70.55, 80, 8192, 64, 8, 128, 131072, 128256, false,
              "meta-llama/Llama-3.3-70B-Instruct config.json: num_hidden_layers 80, hidden_size 8192, "
              "num_attention_heads 64, num_key_value_heads 8, max_position_embeddings 131072, vocab_size 128256; "
              "70.6B parameters (model card). Verified 2026-12-02 against Meta's meta-llama/llama-models "
              "models/sku_list.py and models/datatypes.py @8c88b8c (llama3_3_70b_instruct: dim 8192, 80 layers, 64/8 "
              "heads; 131072 context) and a verbatim copy of the config.json (eos 128001/128008/128009, transformers "
              "4.47.0.dev0)"),
        withWindow(withMoe(dense("llama-4-scout", "Llama 4 Scout 17B-16E", "Llama", 109, 48, 5120, 40, 8, 128,
                                 10485760, 202048, false,
                                 "meta-llama/Llama-4-Scout-17B-16E config.json text_config: num_hidden_layers 48, "
                                 "hidden_size 5120, num_attention_heads 40, num_key_value_heads 8, head_dim 128, "
                                 "num_local_experts 16, num_experts_per_tok 1, interleave_moe_layer_step 1, "
                                 "intermediate_size 8192 (per expert, plus one shared expert), attention_chunk_size "
                                 "8192 (chunked attention on 3 of every 4 layers; every 4th layer is global, no "
                                 "RoPE), vocab_size 202048; 109B total / 17B active parameters (model card). "
                                 "Context: the base repository's config.json says max_position_embeddings 262144 "
                                 "(quoted in github.com/AMD-AGI/Primus/pull/165, 2025-08-22); maxContext 10485760 is "
                                 "the 10M-token context of the model card, which the Instruct config.json also "
                                 "carries (max_position_embeddings 10485760 in public copies). Verified 2026-12-02 "
                                 "against that PR's copy of the config.json"),
                           17, 16, 1, 1, 48, 8192),
                   8192, 36),
        // --- Qwen ----------------------------------------------------------------------------
        dense("qwen2.5-7b", "Qwen2.5 7B", "Qwen", 7.61, 28, 3584, 28, 4, 128, 131072, 152064, false,
              "Qwen/Qwen2.5-7B config.json: num_hidden_layers 28, hidden_size 3584, num_attention_heads 28, "
              "num_key_value_heads 4, max_position_embeddings 131072, vocab_size 152064, tie_word_embeddings false; "
              "7.61B parameters, 131,072-token context (model card). Verified 2026-12-02 against the config.json "
              "copy in citsjtu2020/LLM-Prof sglang/Model_Config.md @8434c8d"),
        dense("qwen2.5-14b", "Qwen2.5 14B", "Qwen", 14.7, 48, 5120, 40, 8, 128, 131072, 152064, false,
              "Qwen/Qwen2.5-14B config.json: num_hidden_layers 48, hidden_size 5120, num_attention_heads 40, "
              "num_key_value_heads 8, max_position_embeddings 131072, vocab_size 152064; 14.7B parameters, "
              "131,072-token context (model card). Verified 2026-12-02 against the config.json copy in "
              "citsjtu2020/LLM-Prof sglang/Model_Config.md @8434c8d"),
        dense("qwen2.5-32b", "Qwen2.5 32B", "Qwen", 32.5, 64, 5120, 40, 8, 128, 131072, 152064, false,
              "Qwen/Qwen2.5-32B config.json: num_hidden_layers 64, hidden_size 5120, num_attention_heads 40, "
              "num_key_value_heads 8, max_position_embeddings 131072, vocab_size 152064; 32.5B parameters, "
              "131,072-token context (model card). Verified 2026-12-02 against the config.json copy in "
              "citsjtu2020/LLM-Prof sglang/Model_Config.md @8434c8d and the model card copy in "
              "ZHUI/paddlenlp_model_readme Qwen/Qwen2.5-32B/index.md"),
        dense("qwen2.5-72b", "Qwen2.5 72B", "Qwen", 72.7, 80, 8192, 64, 8, 128, 131072, 152064, false,
              "Qwen/Qwen2.5-72B config.json: num_hidden_layers 80, hidden_size 8192, num_attention_heads 64, "
              "num_key_value_heads 8, vocab_size 152064; 72.7B parameters, 131,072-token context (model card; the "
              "copies of the Qwen2.5-72B config.json found say max_position_embeddings 32768, the YaRN-extended "
              "length is the model card's). Layers, width and heads verified 2026-12-02 against public verbatim "
              "copies of the config.json (80 layers, 8192, 64/8 heads, intermediate 29568); the repository holding "
              "them is not named by the search index"),
        dense("qwen3-4b", "Qwen3 4B", "Qwen", 4.02, 36, 2560, 32, 8, 128, 131072, 151936, true,
              "Qwen/Qwen3-4B config.json: num_hidden_layers 36, hidden_size 2560, num_attention_heads 32, "
              "num_key_value_heads 8, head_dim 128, max_position_embeddings 40960, vocab_size 151936, "
              "tie_word_embeddings true; 4.0B parameters, 32,768 tokens native and 131,072 with YaRN (model card). "
              "Verified 2026-12-02 against the config.json copy in citsjtu2020/LLM-Prof sglang/Model_Config.md "
              "@8434c8d"),
        dense("qwen3-8b", "Qwen3 8B", "Qwen", 8.19, 36, 4096, 32, 8, 128, 131072, 151936, false,
              "Qwen/Qwen3-8B config.json: num_hidden_layers 36, hidden_size 4096, num_attention_heads 32, "
              "num_key_value_heads 8, head_dim 128, max_position_embeddings 40960, vocab_size 151936; 8.2B "
              "parameters, 131,072 tokens with YaRN (model card). Verified 2026-12-02 against the config.json copy "
              "in citsjtu2020/LLM-Prof sglang/Model_Config.md @8434c8d"),
        dense("qwen3-14b", "Qwen3 14B", "Qwen", 14.8, 40, 5120, 40, 8, 128, 131072, 151936, false,
              "Qwen/Qwen3-14B config.json: num_hidden_layers 40, hidden_size 5120, num_attention_heads 40, "
              "num_key_value_heads 8, head_dim 128, max_position_embeddings 40960, vocab_size 151936; 14.8B "
              "parameters, 131,072 tokens with YaRN (model card). Verified 2026-12-02 against the config.json copy "
              "in citsjtu2020/LLM-Prof sglang/Model_Config.md @8434c8d"),
        dense("qwen3-32b", "Qwen3 32B", "Qwen", 32.8, 64, 5120, 64, 8, 128, 131072, 151936, false,
              "Qwen/Qwen3-32B config.json: num_hidden_layers 64, hidden_size 5120, num_attention_heads 64, "
              "num_key_value_heads 8, head_dim 128, max_position_embeddings 40960, vocab_size 151936; 32.8B "
              "parameters, 131,072 tokens with YaRN (model card). Verified 2026-12-02 against the config.json copy "
              "in citsjtu2020/LLM-Prof sglang/Model_Config.md @8434c8d"),
        withMoe(dense("qwen3-30b-a3b", "Qwen3 30B-A3B", "Qwen", 30.5, 48, 2048, 32, 4, 128, 131072, 151936, false,
                      "Qwen/Qwen3-30B-A3B config.json: num_hidden_layers 48, hidden_size 2048, num_attention_heads "
                      "32, num_key_value_heads 4, head_dim 128, num_experts 128, num_experts_per_tok 8, "
                      "moe_intermediate_size 768, mlp_only_layers [] (every layer MoE), max_position_embeddings "
                      "40960, vocab_size 151936; 30.5B total / 3.3B active parameters, 131,072 tokens with YaRN "
                      "(model card). Verified 2026-12-02 against the config.json copy in citsjtu2020/LLM-Prof "
                      "sglang/Model_Config.md @8434c8d"),
                3.3, 128, 8, 0, 48, 768),
        withMoe(dense("qwen3-235b-a22b", "Qwen3 235B-A22B", "Qwen", 235, 94, 4096, 64, 4, 128, 131072, 151936, false,
                      "Qwen/Qwen3-235B-A22B config.json: num_hidden_layers 94, hidden_size 4096, num_attention_heads "
                      "64, num_key_value_heads 4, head_dim 128, num_experts 128, num_experts_per_tok 8, "
                      "moe_intermediate_size 1536, mlp_only_layers [], max_position_embeddings 40960, vocab_size "
                      "151936; 235B total / 22B active parameters, 131,072 tokens with YaRN (model card). Verified "
                      "2026-12-02 against a public verbatim copy of the config.json (transformers 4.51.0; the "
                      "repository holding it is not named by the search index) and zyzshishui/slime "
                      "scripts/models/qwen3-235B-A22B.sh (94 layers, 64/4 heads, 128 experts, top-8, expert FFN "
                      "1536)"),
                22, 128, 8, 0, 94, 1536),
        // --- gpt-oss -------------------------------------------------------------------------
        withWindow(withMoe(dense("gpt-oss-20b", "gpt-oss 20B", "gpt-oss", 20.91, 24, 2880, 64, 8, 64, 131072, 201088,
                                 false,
                                 "openai/gpt-oss-20b config.json: num_hidden_layers 24, hidden_size 2880, "
                                 "num_attention_heads 64, num_key_value_heads 8, head_dim 64, num_local_experts 32, "
                                 "num_experts_per_tok 4, intermediate_size 2880, sliding_window 128 with layer_types "
                                 "alternating sliding_attention / full_attention (12 of 24 sliding), "
                                 "max_position_embeddings 131072, vocab_size 201088; 20.91B total parameters "
                                 "(llama-bench on ggml-org/gpt-oss-20b-GGUF), 3.6B active (model card). Verified "
                                 "2026-12-02 against the mirror EchoCog/gpt-oss-20b config.json @52971a1"),
                           3.61, 32, 4, 0, 24, 2880),
                   128, 12),
        withWindow(withMoe(dense("gpt-oss-120b", "gpt-oss 120B", "gpt-oss", 116.83, 36, 2880, 64, 8, 64, 131072,
                                 201088, false,
                                 "openai/gpt-oss-120b config.json: num_hidden_layers 36, hidden_size 2880, "
                                 "num_attention_heads 64, num_key_value_heads 8, head_dim 64, num_local_experts 128, "
                                 "num_experts_per_tok 4, intermediate_size 2880, sliding_window 128 on every other "
                                 "layer (18 of 36), max_position_embeddings 131072, vocab_size 201088; 116.83B total "
                                 "parameters (llama-bench on ggml-org/gpt-oss-120b-GGUF), 5.1B active (model card). "
                                 "Verified 2026-12-02 against OpenAI's reference openai/gpt-oss "
                                 "gpt_oss/torch/model.py @0568dfc (ModelConfig defaults are the 120b: 36 layers, 128 "
                                 "experts, 4 per token, sliding window 128 on even layers, 4096 x YaRN factor 32 = "
                                 "131072 positions)"),
                           5.13, 128, 4, 0, 36, 2880),
                   128, 18),
        // --- Gemma ---------------------------------------------------------------------------
        withWindow(dense("gemma-2-2b", "Gemma 2 2B", "Gemma", 2.61, 26, 2304, 8, 4, 256, 8192, 256000, true,
                         "google/gemma-2-2b config.json: num_hidden_layers 26, hidden_size 2304, num_attention_heads "
                         "8, num_key_value_heads 4, head_dim 256, sliding_window 4096 on every other layer, "
                         "max_position_embeddings 8192, vocab_size 256000, tie_word_embeddings true (Gemma2Config "
                         "default); 2.61B parameters. Verified 2026-12-02 against the config.json copy in "
                         "mlc-ai/mlc-llm python/mlc_llm/model/model_preset.py @79d603f (gemma2_2b)"),
                   4096, 13),
        withWindow(dense("gemma-2-9b", "Gemma 2 9B", "Gemma", 9.24, 42, 3584, 16, 8, 256, 8192, 256000, true,
                         "google/gemma-2-9b config.json: num_hidden_layers 42, hidden_size 3584, num_attention_heads "
                         "16, num_key_value_heads 8, head_dim 256, sliding_window 4096 on every other layer, "
                         "max_position_embeddings 8192, vocab_size 256000, tie_word_embeddings true (Gemma2Config "
                         "default); 9.24B parameters. Verified 2026-12-02 against the config.json copies in "
                         "mlc-ai/mlc-llm python/mlc_llm/model/model_preset.py @79d603f (gemma2_9b) and "
                         "kevinstephano/thunder_model_blocks @5c083b0 thunder_model_blocks/gemma2/gemma2_config.py "
                         "(gemma-2-9b-it)"),
                   4096, 21),
        withWindow(dense("gemma-2-27b", "Gemma 2 27B", "Gemma", 27.2, 46, 4608, 32, 16, 128, 8192, 256000, true,
                         "google/gemma-2-27b config.json: num_hidden_layers 46, hidden_size 4608, "
                         "num_attention_heads 32, num_key_value_heads 16, head_dim 128, sliding_window 4096 on every "
                         "other layer, max_position_embeddings 8192, vocab_size 256000, tie_word_embeddings true "
                         "(Gemma2Config default); 27.2B parameters. Verified 2026-12-02 against the config.json copy "
                         "in mlc-ai/mlc-llm python/mlc_llm/model/model_preset.py @79d603f (gemma2_27b)"),
                   4096, 23),
        withWindow(dense("gemma-3-4b", "Gemma 3 4B", "Gemma", 4.3, 34, 2560, 8, 4, 256, 131072, 262208, true,
                         "google/gemma-3-4b-pt config.json text_config: num_hidden_layers 34, hidden_size 2560, "
                         "num_attention_heads 8, num_key_value_heads 4, head_dim 256, sliding_window 1024 with "
                         "sliding_window_pattern 6 (5 local layers per global one: 29 of 34), vocab_size 262208; "
                         "4.3B parameters including the 0.4B vision encoder, 131,072-token context (model card). "
                         "Verified 2026-12-02 against public copies of the text_config (one commented as matching "
                         "google/gemma-3-4b-pt); the repositories holding them are not named by the search index"),
                   1024, 29),
        withWindow(dense("gemma-3-12b", "Gemma 3 12B", "Gemma", 12.2, 48, 3840, 16, 8, 256, 131072, 262208, true,
                         "google/gemma-3-12b-pt config.json text_config: num_hidden_layers 48, hidden_size 3840, "
                         "num_attention_heads 16, num_key_value_heads 8, head_dim 256, sliding_window 1024 with "
                         "sliding_window_pattern 6 (40 of 48 layers local), vocab_size 262208; 12.2B parameters, "
                         "131,072-token context (model card). Verified 2026-12-02 against a public verbatim copy of "
                         "the Gemma 3 12B config.json (transformers 4.51.0); the repository holding it is not named "
                         "by the search index"),
                   1024, 40),
        withWindow(dense("gemma-3-27b", "Gemma 3 27B", "Gemma", 27.4, 62, 5376, 32, 16, 128, 131072, 262208, true,
                         "google/gemma-3-27b-pt config.json text_config: num_hidden_layers 62, hidden_size 5376, "
                         "num_attention_heads 32, num_key_value_heads 16, head_dim 128, query_pre_attn_scalar 168, "
                         "sliding_window 1024 with sliding_window_pattern 6 (52 of 62 layers local), vocab_size "
                         "262208 (Gemma3TextConfig default; the GGUF vocabulary has 262144 tokens); 27.4B "
                         "parameters, 131,072-token context (model card). Verified 2026-12-02 against public copies "
                         "of the gemma-3-27b-it config.json (TensorRT-LLM's Gemma 3 tests); the search index does "
                         "not name the stored file"),
                   1024, 52),
        // --- Mistral -------------------------------------------------------------------------
        dense("mistral-7b", "Mistral 7B v0.3", "Mistral", 7.25, 32, 4096, 32, 8, 128, 32768, 32768, false,
              "mistralai/Mistral-7B-v0.3 config.json: num_hidden_layers 32, hidden_size 4096, num_attention_heads "
              "32, num_key_value_heads 8, max_position_embeddings 32768, vocab_size 32768, sliding_window null; "
              "7.25B parameters. Verified 2026-12-02 against the config.json copy in mlc-ai/mlc-llm "
              "python/mlc_llm/model/model_preset.py @79d603f (mistral_7b_v03)"),
        dense("mistral-nemo-12b", "Mistral Nemo 12B", "Mistral", 12.2, 40, 5120, 32, 8, 128, 131072, 131072, false,
              "mistralai/Mistral-Nemo-Base-2407 config.json: num_hidden_layers 40, hidden_size 5120, "
              "num_attention_heads 32, num_key_value_heads 8, head_dim 128, max_position_embeddings 128000, "
              "vocab_size 131072, sliding_window null; 12.2B parameters, 128k-token context (model card; Mistral's "
              "API lists open-mistral-nemo with max_context_length 131072, quoted in "
              "github.com/simonw/llm-mistral/issues/23). Verified 2026-12-02 against the config.json copy in "
              "kevinstephano/thunder_model_blocks @5c083b0 thunder_model_blocks/mistral/mistral_config.py"),
        dense("mistral-small-24b", "Mistral Small 3 24B", "Mistral", 23.6, 40, 5120, 32, 8, 128, 32768, 131072, false,
              "mistralai/Mistral-Small-24B-Base-2501 config.json: num_hidden_layers 40, hidden_size 5120, "
              "num_attention_heads 32, num_key_value_heads 8, head_dim 128, max_position_embeddings 32768, "
              "vocab_size 131072, sliding_window null; 23.6B parameters. Verified 2026-12-02 against public copies "
              "of the Mistral Small 3 config.json (40 layers, 5120, 32/8 heads, head_dim 128, 32768 positions, "
              "rope_theta 1e8); the repositories holding them are not named by the search index"),
        withMoe(dense("mixtral-8x7b", "Mixtral 8x7B", "Mistral", 46.7, 32, 4096, 32, 8, 128, 32768, 32000, false,
                      "mistralai/Mixtral-8x7B-v0.1 config.json: num_hidden_layers 32, hidden_size 4096, "
                      "num_attention_heads 32, num_key_value_heads 8, num_local_experts 8, num_experts_per_tok 2, "
                      "intermediate_size 14336, max_position_embeddings 32768, vocab_size 32000; 46.7B total / 12.9B "
                      "active parameters (Mistral AI announcement). Verified 2026-12-02 against the config.json copy "
                      "in mlc-ai/mlc-llm python/mlc_llm/model/model_preset.py @79d603f (Mixtral-8x7B-v0.1)"),
                12.9, 8, 2, 0, 32, 14336),
        // --- Phi -----------------------------------------------------------------------------
        dense("phi-3-mini", "Phi-3 Mini (4k)", "Phi", 3.82, 32, 3072, 32, 32, 96, 4096, 32064, false,
              "microsoft/Phi-3-mini-4k-instruct config.json: num_hidden_layers 32, hidden_size 3072, "
              "num_attention_heads 32, num_key_value_heads 32 (no GQA), max_position_embeddings 4096, vocab_size "
              "32064; 3.8B parameters (model card). The config.json also says sliding_window 2047, which is not "
              "modelled: llama.cpp ignores it (its loader logs that Phi SWA is currently disabled, "
              "ggml-org/llama.cpp PR 13676). Verified 2026-12-02 against the config.json copy in NVIDIA/TensorRT-LLM "
              "tests/unittest/_torch/modeling/test_modeling_phi3.py @43b18bd"),
        dense("phi-3.5-mini", "Phi-3.5 Mini", "Phi", 3.82, 32, 3072, 32, 32, 96, 131072, 32064, false,
              "microsoft/Phi-3.5-mini-instruct config.json: num_hidden_layers 32, hidden_size 3072, "
              "num_attention_heads 32, num_key_value_heads 32 (no GQA), max_position_embeddings 131072, vocab_size "
              "32064; 3.8B parameters (model card). Verified 2026-12-02 against the config.json copy in "
              "mlc-ai/mlc-llm python/mlc_llm/model/model_preset.py @79d603f (phi-3_5)"),
        dense("phi-4", "Phi-4 14B", "Phi", 14.7, 40, 5120, 40, 10, 128, 16384, 100352, false,
              "microsoft/phi-4 config.json: num_hidden_layers 40, hidden_size 5120, num_attention_heads 40, "
              "num_key_value_heads 10, max_position_embeddings 16384, vocab_size 100352, tie_word_embeddings false; "
              "14.7B parameters (model card). Verified 2026-12-02 against a public copy of the config.json "
              "(model_type phi3, transformers 4.47.0); the repository holding it is not named by the search index"),
        // --- DeepSeek / GLM ------------------------------------------------------------------
        withMla(withMoe(dense("deepseek-coder-v2-lite", "DeepSeek-Coder-V2-Lite 16B", "DeepSeek", 15.7, 27, 2048, 16,
                              16, 192, 163840, 102400, false,
                              "deepseek-ai/DeepSeek-Coder-V2-Lite-Base config.json: num_hidden_layers 27, "
                              "hidden_size 2048, num_attention_heads 16, kv_lora_rank 512, qk_nope_head_dim 128, "
                              "qk_rope_head_dim 64, v_head_dim 128, n_routed_experts 64, num_experts_per_tok 6, "
                              "n_shared_experts 2, first_k_dense_replace 1, moe_intermediate_size 1408, "
                              "max_position_embeddings 163840, vocab_size 102400; 15.7B total / 2.4B active "
                              "parameters (model card: 16B / 2.4B, 128K context). Same architecture as "
                              "DeepSeek-V2-Lite: verified 2026-12-02 against deepseek-ai/DeepSeek-V3 "
                              "inference/configs/config_16B.json @9b4e978 and the deepseek_v2_lite config.json copy "
                              "in mlc-ai/mlc-llm python/mlc_llm/model/model_preset.py @79d603f"),
                        2.4, 64, 6, 2, 26, 1408),
                512, 64),
        withMla(withMoe(dense("deepseek-v3", "DeepSeek-V3 671B", "DeepSeek", 671, 61, 7168, 128, 128, 192, 163840,
                              129280, false,
                              "deepseek-ai/DeepSeek-V3 config.json: num_hidden_layers 61, hidden_size 7168, "
                              "num_attention_heads 128, kv_lora_rank 512, qk_nope_head_dim 128, qk_rope_head_dim 64, "
                              "v_head_dim 128, n_routed_experts 256, num_experts_per_tok 8, n_shared_experts 1, "
                              "first_k_dense_replace 3, moe_intermediate_size 2048, max_position_embeddings 163840, "
                              "vocab_size 129280; 671B total / 37B active parameters without the 14B multi-token "
                              "prediction module, 128K context (model card). Verified 2026-12-02 against "
                              "deepseek-ai/DeepSeek-V3 inference/configs/config_671B.json and README.md @9b4e978"),
                        37, 256, 8, 1, 58, 2048),
                512, 64),
        withMoe(dense("glm-4.5-air", "GLM-4.5-Air 106B-A12B", "GLM", 106, 46, 4096, 96, 8, 128, 131072, 151552, false,
                      "zai-org/GLM-4.5-Air config.json: num_hidden_layers 46, hidden_size 4096, num_attention_heads "
                      "96, num_key_value_heads 8, head_dim 128, n_routed_experts 128, num_experts_per_tok 8, "
                      "n_shared_experts 1, first_k_dense_replace 1, moe_intermediate_size 1408, "
                      "max_position_embeddings 131072, vocab_size 151552; 106B total / 12B active parameters "
                      "(zai-org/GLM-4.5 README). Verified 2026-12-02 against a public verbatim copy of the "
                      "config.json (transformers 4.54.0dev; repository not named by the search index) and "
                      "vllm-project/vime scripts/models/glm4.5-106B-A12B.sh @b332ffc (1 dense + 45 MoE layers, 96/8 "
                      "heads, 128 experts, top-8, 1408)"),
                12, 128, 8, 1, 45, 1408),
    };
    return table;
}

ModelAlias alias(const char* id, const char* name, const char* target, const char* source)
{
    return ModelAlias{id, name, target, source};
}

// Fine-tunes and distills whose config.json has the same architecture figures as a preset.
const std::vector<ModelAlias>& aliasTable()
{
    static const std::vector<ModelAlias> table = {
        alias("qwen2.5-coder-7b", "Qwen2.5-Coder 7B", "qwen2.5-7b", "Qwen/Qwen2.5-Coder-7B"),
        alias("qwen2.5-coder-14b", "Qwen2.5-Coder 14B", "qwen2.5-14b", "Qwen/Qwen2.5-Coder-14B"),
        alias("qwen2.5-coder-32b", "Qwen2.5-Coder 32B", "qwen2.5-32b", "Qwen/Qwen2.5-Coder-32B"),
        alias("qwq-32b", "QwQ 32B", "qwen2.5-32b", "Qwen/QwQ-32B"),
        alias("deepseek-r1-distill-qwen-7b", "DeepSeek-R1-Distill-Qwen 7B", "qwen2.5-7b",
              "deepseek-ai/DeepSeek-R1-Distill-Qwen-7B"),
        alias("deepseek-r1-distill-qwen-14b", "DeepSeek-R1-Distill-Qwen 14B", "qwen2.5-14b",
              "deepseek-ai/DeepSeek-R1-Distill-Qwen-14B"),
        alias("deepseek-r1-distill-qwen-32b", "DeepSeek-R1-Distill-Qwen 32B", "qwen2.5-32b",
              "deepseek-ai/DeepSeek-R1-Distill-Qwen-32B"),
        alias("deepseek-r1-distill-llama-8b", "DeepSeek-R1-Distill-Llama 8B", "llama-3.1-8b",
              "deepseek-ai/DeepSeek-R1-Distill-Llama-8B"),
        alias("deepseek-r1-distill-llama-70b", "DeepSeek-R1-Distill-Llama 70B", "llama-3.3-70b",
              "deepseek-ai/DeepSeek-R1-Distill-Llama-70B"),
        alias("qwen3-coder-30b-a3b", "Qwen3-Coder 30B-A3B", "qwen3-30b-a3b",
              "Qwen/Qwen3-Coder-30B-A3B-Instruct (model card: 48 layers, 32/4 heads, 128 experts, 8 active, 30.5B / "
              "3.3B; its native context is 262,144 tokens, longer than the base preset's; copy in ztxz16/fastllm "
              "Qwen3-Coder-30B-A3B-Instruct/README.md)"),
        alias("devstral-small", "Devstral Small 24B", "mistral-small-24b",
              "mistralai/Devstral-Small-2505 (fine-tuned from Mistral Small 3.1: same layers, width and heads as "
              "Mistral Small 3; its context is 131,072 tokens per the lmstudio-community GGUF card, longer than the "
              "base preset's 32,768; its own config.json not confirmed)"),
        alias("magistral-small", "Magistral Small 24B", "mistral-small-24b",
              "mistralai/Magistral-Small-2506 (built on Mistral Small 3.1; same layers, width and heads assumed; its "
              "config.json and context not confirmed)"),
        alias("deepseek-r1", "DeepSeek-R1 671B", "deepseek-v3", "deepseek-ai/DeepSeek-R1"),
    };
    return table;
}

const std::vector<QuantSpec>& quantTable()
{
    // Effective bits per weight of whole GGUF files. Block formats (ggml-common.h block structs):
    // q8_0 = 32 int8 + fp16 scale = 34 bytes / 32 weights = 8.5 bpw; q4_0 = 18 bytes / 32 = 4.5;
    // MXFP4 = 32 4-bit values + one 8-bit shared exponent = 17 bytes / 32 = 4.25. Mixes (_s/_m,
    // IQ4_XS, Q2_K) keep some tensors at higher precision, so their rate is the whole-file figure
    // of the llama.cpp quantize README table for meta-llama/Llama-3.1-8B (tools/quantize/README.md
    // at 311c2c9f: Q2_K 3.1593, IQ4_XS 4.4597, Q4_K_S 4.6672, Q4_K_M 4.8944, Q5_K_S 5.5704, Q5_K_M
    // 5.7036, Q6_K 6.5633, Q8_0 8.5008, F16 16.0005). Q3_K_M is not in that table: 3.91 from the
    // same README's older Llama 2 7B table.
    static const std::vector<QuantSpec> table = {
        {"f16", 16.0, "unquantised 16-bit weights (fp16)", std::nullopt, true},
        {"bf16", 16.0, "unquantised 16-bit weights (bfloat16)", std::nullopt, true},
        {"fp8", 8.0,
         "8-bit float weights (e4m3, block scales add < 0.01 bit) as served by vLLM/SGLang; llama.cpp has no FP8 type",
         std::nullopt, false},
        {"q8_0", 8.5008, "llama.cpp Q8_0: 8.50 bits per weight (quantize README, Llama 3.1 8B)", std::nullopt, true},
        {"q6_k", 6.5633, "llama.cpp Q6_K: 6.56 bits per weight (quantize README, Llama 3.1 8B)", std::nullopt, true},
        {"q5_k_m", 5.7036, "llama.cpp Q5_K_M: 5.70 bits per weight (quantize README, Llama 3.1 8B)", std::nullopt,
         true},
        {"q5_k_s", 5.5704, "llama.cpp Q5_K_S: 5.57 bits per weight (quantize README, Llama 3.1 8B)", std::nullopt,
         true},
        {"q4_k_m", 4.8944, "llama.cpp Q4_K_M: 4.89 bits per weight (quantize README, Llama 3.1 8B)", std::nullopt,
         true},
        {"q4_k_s", 4.6672, "llama.cpp Q4_K_S: 4.67 bits per weight (quantize README, Llama 3.1 8B)", std::nullopt,
         true},
        {"q4_0", 4.5, "llama.cpp Q4_0: 32 4-bit weights + fp16 scale per block = 4.5 bits per weight", std::nullopt,
         true},
        {"iq4_xs", 4.4597, "llama.cpp IQ4_XS: 4.46 bits per weight (quantize README, Llama 3.1 8B)", std::nullopt,
         true},
        {"mxfp4", 4.25,
         "MXFP4: 32 4-bit values + an 8-bit shared exponent = 4.25 bits per weight; in gpt-oss GGUFs only the expert "
         "weights use it and the other tensors are Q8_0 (8.5 bits)",
         8.5, true},
        {"q3_k_m", 3.91, "llama.cpp Q3_K_M: 3.91 bits per weight (quantize README, Llama 2 7B)", std::nullopt, true},
        {"q2_k", 3.1593, "llama.cpp Q2_K: 3.16 bits per weight (quantize README, Llama 3.1 8B)", std::nullopt, true},
    };
    return table;
}

const std::vector<KvCacheType>& kvTable()
{
    // ggml block sizes: f16 2 bytes; q8_0 34 bytes per 32 values; q4_0 18 bytes per 32 values.
    static const std::vector<KvCacheType> table = {
        {"f16", 2.0, "f16 (llama.cpp default): 2 bytes per value"},
        {"q8_0", 34.0 / 32.0, "q8_0: 34 bytes per 32 values = 1.0625 bytes per value"},
        {"q4_0", 18.0 / 32.0, "q4_0: 18 bytes per 32 values = 0.5625 bytes per value"},
    };
    return table;
}

[[noreturn]] void fail(const std::string& message)
{
    throw std::invalid_argument(message);
}

double requireNumber(const nlohmann::json& json, const char* key, double minValue, double maxValue)
{
    const auto it = json.find(key);
    if (it == json.end() || it->is_null())
        fail(std::string("custom model: \"") + key + "\" is required");
    if (!it->is_number())
        fail(std::string("custom model: \"") + key + "\" must be a number, got " + it->dump());
    const double value = it->get<double>();
    if (!std::isfinite(value) || value < minValue || value > maxValue)
        fail(std::string("custom model: \"") + key + "\" = " + it->dump() + " is out of range (" +
             nlohmann::json(minValue).dump() + " to " + nlohmann::json(maxValue).dump() + ")");
    return value;
}

std::optional<double> optionalNumber(const nlohmann::json& json, const char* key, double minValue, double maxValue)
{
    const auto it = json.find(key);
    if (it == json.end() || it->is_null())
        return std::nullopt;
    return requireNumber(json, key, minValue, maxValue);
}

int requireInt(const nlohmann::json& json, const char* key, int minValue, int maxValue)
{
    const double value = requireNumber(json, key, minValue, maxValue);
    if (value != std::floor(value))
        fail(std::string("custom model: \"") + key + "\" must be a whole number, got " + json.at(key).dump());
    return static_cast<int>(value);
}

std::optional<int> optionalInt(const nlohmann::json& json, const char* key, int minValue, int maxValue)
{
    const auto it = json.find(key);
    if (it == json.end() || it->is_null())
        return std::nullopt;
    return requireInt(json, key, minValue, maxValue);
}

}  // namespace

std::span<const ModelSpec> modelPresets()
{
    return presetTable();
}

const ModelSpec* findModelPreset(std::string_view id)
{
    const std::string_view key = trim(id);
    for (const ModelSpec& m : presetTable()) {
        if (equalsIgnoreCase(m.id, key))
            return &m;
    }
    if (const ModelAlias* a = findModelAlias(key)) {
        for (const ModelSpec& m : presetTable()) {
            if (m.id == a->target)
                return &m;
        }
    }
    return nullptr;
}

std::span<const ModelAlias> modelAliases()
{
    return aliasTable();
}

const ModelAlias* findModelAlias(std::string_view id)
{
    const std::string_view key = trim(id);
    for (const ModelAlias& a : aliasTable()) {
        if (equalsIgnoreCase(a.id, key))
            return &a;
    }
    return nullptr;
}

std::vector<const ModelAlias*> aliasesOf(std::string_view presetId)
{
    std::vector<const ModelAlias*> out;
    for (const ModelAlias& a : aliasTable()) {
        if (equalsIgnoreCase(a.target, presetId))
            out.push_back(&a);
    }
    return out;
}

std::span<const KvCacheType> kvCacheTypes()
{
    return kvTable();
}

const KvCacheType* findKvCacheType(std::string_view id)
{
    const std::string_view key = trim(id);
    if (key.empty())
        return &kvTable().front();
    for (const KvCacheType& k : kvTable()) {
        if (equalsIgnoreCase(k.id, key))
            return &k;
    }
    return nullptr;
}

std::span<const QuantSpec> quantPresets()
{
    return quantTable();
}

const QuantSpec* findQuantPreset(std::string_view id)
{
    const std::string_view key = trim(id);
    for (const QuantSpec& q : quantTable()) {
        if (equalsIgnoreCase(q.id, key))
            return &q;
    }
    if (equalsIgnoreCase(key, "fp16"))
        return findQuantPreset("f16");
    return nullptr;
}

ModelSpec modelFromJson(const nlohmann::json& json)
{
    if (!json.is_object())
        fail("custom model must be a JSON object, got " + json.dump());

    ModelSpec m;
    if (const auto it = json.find("name"); it != json.end() && !it->is_null()) {
        if (!it->is_string())
            fail("custom model: \"name\" must be a string, got " + it->dump());
        m.displayName = std::string(trim(it->get<std::string>()));
    }
    if (m.displayName.empty())
        m.displayName = "Custom model";
    m.id = m.displayName;

    m.paramsB = requireNumber(json, "params_b", 1e-6, 100000);
    m.activeParamsB = optionalNumber(json, "active_params_b", 1e-6, 100000).value_or(m.paramsB);
    if (m.activeParamsB > m.paramsB)
        fail("custom model: \"active_params_b\" = " + json.at("active_params_b").dump() +
             " is larger than \"params_b\" = " + json.at("params_b").dump());
    m.layers = requireInt(json, "layers", 1, 1000);
    m.hiddenSize = requireInt(json, "hidden_size", 1, 1 << 20);
    m.attentionHeads = requireInt(json, "attention_heads", 1, 4096);
    m.kvHeads = optionalInt(json, "kv_heads", 1, 4096).value_or(m.attentionHeads);
    if (m.kvHeads > m.attentionHeads)
        fail("custom model: \"kv_heads\" = " + std::to_string(m.kvHeads) + " is larger than \"attention_heads\" = " +
             std::to_string(m.attentionHeads));
    m.headDim = optionalInt(json, "head_dim", 1, 4096).value_or(m.hiddenSize / m.attentionHeads);
    if (m.headDim < 1)
        fail("custom model: \"head_dim\" cannot be derived (hidden_size " + std::to_string(m.hiddenSize) +
             " / attention_heads " + std::to_string(m.attentionHeads) + " < 1)");
    m.maxContext = optionalInt(json, "max_context", 1, 1 << 24).value_or(0);
    m.vocabSize = optionalInt(json, "vocab_size", 1, 1 << 24).value_or(0);
    if (const auto it = json.find("tied_embeddings"); it != json.end() && !it->is_null()) {
        if (!it->is_boolean())
            fail("custom model: \"tied_embeddings\" must be true or false, got " + it->dump());
        m.tiedEmbeddings = it->get<bool>();
    }
    m.expertCount = optionalInt(json, "experts", 0, 4096).value_or(0);
    if (m.expertCount > 0) {
        m.expertsPerToken = requireInt(json, "experts_per_token", 1, m.expertCount);
        m.sharedExperts = optionalInt(json, "shared_experts", 0, 64).value_or(0);
        m.moeLayers = optionalInt(json, "moe_layers", 1, m.layers).value_or(m.layers);
        m.expertFfn = requireInt(json, "expert_ffn", 1, 1 << 20);
        if (m.routedExpertParams() > m.paramsB * 1e9 * 1.02)
            fail("custom model: the experts alone (" + std::to_string(m.moeLayers) + " layers x " +
                 std::to_string(m.expertCount) + " experts x 3 x " + std::to_string(m.hiddenSize) + " x " +
                 std::to_string(m.expertFfn) + ") exceed \"params_b\" = " + json.at("params_b").dump());
        if (!json.contains("active_params_b")) {
            const double routed = m.routedExpertParams();
            m.activeParamsB = (m.paramsB * 1e9 - routed * (1.0 - static_cast<double>(m.expertsPerToken) / m.expertCount)) / 1e9;
        }
    } else if (json.contains("experts_per_token") && !json.at("experts_per_token").is_null()) {
        fail("custom model: \"experts_per_token\" given without \"experts\"");
    }
    m.slidingWindow = optionalInt(json, "sliding_window", 0, 1 << 24).value_or(0);
    m.slidingLayers = optionalInt(json, "sliding_layers", 0, m.layers).value_or(0);
    if (m.slidingWindow == 0)
        m.slidingLayers = 0;
    m.mlaKvRank = optionalInt(json, "mla_kv_rank", 0, 1 << 16).value_or(0);
    m.mlaRopeDim = optionalInt(json, "mla_rope_dim", 0, 1 << 16).value_or(0);
    if (const auto bytes = optionalNumber(json, "file_bytes", 1, 1e15))
        m.fileBytes = std::floor(*bytes);
    if (const auto it = json.find("family"); it != json.end() && it->is_string())
        m.family = std::string(trim(it->get<std::string>()));
    if (const auto it = json.find("source"); it != json.end() && it->is_string() && !it->get<std::string>().empty())
        m.source = it->get<std::string>();
    else
        m.source = "custom model from the build file";
    return m;
}

nlohmann::json modelToJson(const ModelSpec& m)
{
    nlohmann::json o = nlohmann::json::object();
    o["name"] = m.displayName;
    if (!m.family.empty())
        o["family"] = m.family;
    o["params_b"] = m.paramsB;
    if (m.activeParamsB != m.paramsB)
        o["active_params_b"] = m.activeParamsB;
    o["layers"] = m.layers;
    o["hidden_size"] = m.hiddenSize;
    o["attention_heads"] = m.attentionHeads;
    o["kv_heads"] = m.kvHeads;
    o["head_dim"] = m.headDim;
    if (m.maxContext > 0)
        o["max_context"] = m.maxContext;
    if (m.vocabSize > 0)
        o["vocab_size"] = m.vocabSize;
    if (m.tiedEmbeddings)
        o["tied_embeddings"] = true;
    if (m.isMoe()) {
        o["experts"] = m.expertCount;
        o["experts_per_token"] = m.expertsPerToken;
        if (m.sharedExperts > 0)
            o["shared_experts"] = m.sharedExperts;
        o["moe_layers"] = m.moeLayers;
        o["expert_ffn"] = m.expertFfn;
    }
    if (m.slidingWindow > 0) {
        o["sliding_window"] = m.slidingWindow;
        o["sliding_layers"] = m.slidingLayers;
    }
    if (m.mlaKvRank > 0) {
        o["mla_kv_rank"] = m.mlaKvRank;
        o["mla_rope_dim"] = m.mlaRopeDim;
    }
    if (m.fileBytes)
        o["file_bytes"] = *m.fileBytes;
    if (!m.source.empty())
        o["source"] = m.source;
    return o;
}

}  // namespace mlrig
