// Model and quantisation presets for the workload model, and custom-model parsing.
//
// Architecture numbers are copied from each model's Hugging Face config.json (field names in
// the `source` strings); parameter counts come from the model cards. Where a model card gives
// a longer context than config.json (YaRN / rope scaling), maxContext is the model card's.

#include "eval/WorkloadModel.h"

#include <array>
#include <cmath>
#include <stdexcept>

#include "catalog/TextUtil.h"

namespace mlrig {

namespace {

ModelSpec makeModel(const char* id, const char* name, double paramsB, double activeParamsB, int layers, int hidden,
                    int heads, int kvHeads, int headDim, int maxContext, int vocab, const char* source)
{
    ModelSpec m;
    m.id = id;
    m.displayName = name;
    m.paramsB = paramsB;
    m.activeParamsB = activeParamsB;
    m.layers = layers;
    m.hiddenSize = hidden;
    m.attentionHeads = heads;
    m.kvHeads = kvHeads;
    m.headDim = headDim;
    m.maxContext = maxContext;
    m.vocabSize = vocab;
    m.source = source;
    return m;
}

const std::vector<ModelSpec>& presetTable()
{
    static const std::vector<ModelSpec> table = {
        makeModel("llama-3-8b", "Llama 3 8B", 8.03, 8.03, 32, 4096, 32, 8, 128, 8192, 128256,
                  "meta-llama/Meta-Llama-3-8B config.json: num_hidden_layers 32, hidden_size 4096, "
                  "num_attention_heads 32, num_key_value_heads 8, max_position_embeddings 8192, vocab_size 128256; "
                  "8.03B parameters (model card)"),
        makeModel("llama-3.1-8b", "Llama 3.1 8B", 8.03, 8.03, 32, 4096, 32, 8, 128, 131072, 128256,
                  "meta-llama/Llama-3.1-8B config.json: num_hidden_layers 32, hidden_size 4096, "
                  "num_attention_heads 32, num_key_value_heads 8, max_position_embeddings 131072, vocab_size 128256; "
                  "8.03B parameters (model card)"),
        makeModel("llama-3-70b", "Llama 3 70B", 70.55, 70.55, 80, 8192, 64, 8, 128, 8192, 128256,
                  "meta-llama/Meta-Llama-3-70B config.json: num_hidden_layers 80, hidden_size 8192, "
                  "num_attention_heads 64, num_key_value_heads 8, max_position_embeddings 8192, vocab_size 128256; "
                  "70.6B parameters (model card)"),
        makeModel("llama-3.1-70b", "Llama 3.1 70B", 70.55, 70.55, 80, 8192, 64, 8, 128, 131072, 128256,
                  "meta-llama/Llama-3.1-70B config.json: num_hidden_layers 80, hidden_size 8192, "
                  "num_attention_heads 64, num_key_value_heads 8, max_position_embeddings 131072, vocab_size 128256; "
                  "70.6B parameters (model card)"),
        makeModel("qwen2.5-7b", "Qwen2.5 7B", 7.61, 7.61, 28, 3584, 28, 4, 128, 131072, 152064,
                  "Qwen/Qwen2.5-7B config.json: num_hidden_layers 28, hidden_size 3584, num_attention_heads 28, "
                  "num_key_value_heads 4, vocab_size 152064; 7.61B parameters, 131,072-token context (model card)"),
        makeModel("qwen2.5-14b", "Qwen2.5 14B", 14.7, 14.7, 48, 5120, 40, 8, 128, 131072, 152064,
                  "Qwen/Qwen2.5-14B config.json: num_hidden_layers 48, hidden_size 5120, num_attention_heads 40, "
                  "num_key_value_heads 8, vocab_size 152064; 14.7B parameters, 131,072-token context (model card)"),
        makeModel("qwen2.5-32b", "Qwen2.5 32B", 32.5, 32.5, 64, 5120, 40, 8, 128, 131072, 152064,
                  "Qwen/Qwen2.5-32B config.json: num_hidden_layers 64, hidden_size 5120, num_attention_heads 40, "
                  "num_key_value_heads 8, vocab_size 152064; 32.5B parameters, 131,072-token context (model card)"),
        makeModel("qwen2.5-72b", "Qwen2.5 72B", 72.7, 72.7, 80, 8192, 64, 8, 128, 131072, 152064,
                  "Qwen/Qwen2.5-72B config.json: num_hidden_layers 80, hidden_size 8192, num_attention_heads 64, "
                  "num_key_value_heads 8, vocab_size 152064; 72.7B parameters, 131,072-token context (model card)"),
        makeModel("mistral-7b", "Mistral 7B v0.3", 7.25, 7.25, 32, 4096, 32, 8, 128, 32768, 32768,
                  "mistralai/Mistral-7B-v0.3 config.json: num_hidden_layers 32, hidden_size 4096, "
                  "num_attention_heads 32, num_key_value_heads 8, max_position_embeddings 32768, vocab_size 32768; "
                  "7.25B parameters"),
        makeModel("mixtral-8x7b", "Mixtral 8x7B", 46.7, 12.9, 32, 4096, 32, 8, 128, 32768, 32000,
                  "mistralai/Mixtral-8x7B-v0.1 config.json: num_hidden_layers 32, hidden_size 4096, "
                  "num_attention_heads 32, num_key_value_heads 8, num_local_experts 8, num_experts_per_tok 2, "
                  "max_position_embeddings 32768, vocab_size 32000; 46.7B total / 12.9B active parameters "
                  "(Mistral AI announcement)"),
        makeModel("gemma-2-27b", "Gemma 2 27B", 27.2, 27.2, 46, 4608, 32, 16, 128, 8192, 256000,
                  "google/gemma-2-27b config.json: num_hidden_layers 46, hidden_size 4608, num_attention_heads 32, "
                  "num_key_value_heads 16, head_dim 128, max_position_embeddings 8192, vocab_size 256000; "
                  "27.2B parameters (every other layer uses a 4096-token sliding window; the KV estimate here "
                  "assumes full attention everywhere, an upper bound)"),
        makeModel("phi-3-mini", "Phi-3 Mini (4k)", 3.82, 3.82, 32, 3072, 32, 32, 96, 4096, 32064,
                  "microsoft/Phi-3-mini-4k-instruct config.json: num_hidden_layers 32, hidden_size 3072, "
                  "num_attention_heads 32, num_key_value_heads 32 (no GQA), max_position_embeddings 4096, "
                  "vocab_size 32064; 3.8B parameters (model card)"),
    };
    return table;
}

const std::vector<QuantSpec>& quantTable()
{
    // Effective bits per weight of whole GGUF files. Block formats: q8_0 stores 32 int8 values
    // plus one fp16 scale (34 bytes / 32 weights = 8.5 bpw); q4_0 stores 32 4-bit values plus an
    // fp16 scale (18 bytes / 32 = 4.5 bpw); q6_k uses 210-byte super-blocks of 256 weights
    // (6.5625 bpw). K-quant mixes (_s/_m) keep some tensors at higher precision, so their
    // effective rate is taken from the llama.cpp quantize README table measured on Llama 2 7B
    // (Q3_K_M 3.91, Q4_K_S 4.58, Q4_K_M 4.84, Q5_K_S 5.52, Q5_K_M 5.68, Q6_K 6.56). Models with
    // larger vocabularies come out a little higher (Llama 3 8B Q4_K_M is ~4.9 bpw).
    static const std::vector<QuantSpec> table = {
        {"f16", 16.0, "unquantised 16-bit weights (fp16)"},
        {"bf16", 16.0, "unquantised 16-bit weights (bfloat16)"},
        {"q8_0", 8.5, "llama.cpp Q8_0: 32 int8 weights + fp16 scale per block = 8.5 bits per weight"},
        {"q6_k", 6.5625, "llama.cpp Q6_K: 210 bytes per 256-weight super-block = 6.5625 bits per weight"},
        {"q5_k_m", 5.68, "llama.cpp Q5_K_M: 5.68 bits per weight (llama.cpp quantize README, Llama 2 7B)"},
        {"q5_k_s", 5.52, "llama.cpp Q5_K_S: 5.52 bits per weight (llama.cpp quantize README, Llama 2 7B)"},
        {"q4_k_m", 4.84, "llama.cpp Q4_K_M: 4.84 bits per weight (llama.cpp quantize README, Llama 2 7B)"},
        {"q4_k_s", 4.58, "llama.cpp Q4_K_S: 4.58 bits per weight (llama.cpp quantize README, Llama 2 7B)"},
        {"q4_0", 4.5, "llama.cpp Q4_0: 32 4-bit weights + fp16 scale per block = 4.5 bits per weight"},
        {"q3_k_m", 3.91, "llama.cpp Q3_K_M: 3.91 bits per weight (llama.cpp quantize README, Llama 2 7B)"},
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

    m.paramsB = requireNumber(json, "params_b", 0.001, 100000);
    m.activeParamsB = optionalNumber(json, "active_params_b", 0.001, 100000).value_or(m.paramsB);
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
    m.source = "custom model from the build file";
    return m;
}

}  // namespace mlrig
