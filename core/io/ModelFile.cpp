// The config.json reader, and readModelFile(), which tells a GGUF file (GgufReader.cpp) from a
// config.json by its first bytes.

#include "core/io/ModelFile.h"

#include "core/io/InputFile.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace mlrig {
namespace {

[[noreturn]] void fail(const std::string& message)
{
    throw ModelFileError(message);
}

const nlohmann::json* field(const nlohmann::json& cfg, std::initializer_list<const char*> names)
{
    for (const char* n : names) {
        const auto it = cfg.find(n);
        if (it != cfg.end() && !it->is_null())
            return &*it;
    }
    return nullptr;
}

std::optional<long long> intField(const nlohmann::json& cfg, std::initializer_list<const char*> names, long long lo,
                                  long long hi)
{
    const nlohmann::json* v = field(cfg, names);
    if (!v)
        return std::nullopt;
    if (!v->is_number_integer() && !(v->is_number_float() && std::floor(v->get<double>()) == v->get<double>()))
        fail(fmt::format("config.json: \"{}\" must be a whole number, got {}", *names.begin(), v->dump()));
    const double d = v->get<double>();
    if (!std::isfinite(d) || d < static_cast<double>(lo) || d > static_cast<double>(hi))
        fail(fmt::format("config.json: \"{}\" = {} is out of range ({} to {})", *names.begin(), v->dump(), lo, hi));
    return static_cast<long long>(d);
}

long long requireInt(const nlohmann::json& cfg, std::initializer_list<const char*> names, long long lo, long long hi)
{
    const auto v = intField(cfg, names, lo, hi);
    if (!v)
        fail(fmt::format("config.json: \"{}\" is missing", *names.begin()));
    return *v;
}

}  // namespace

ModelSpec modelFromHfConfig(std::string_view jsonText, const std::string& sourceName)
{
    nlohmann::json root;
    try {
        root = nlohmann::json::parse(jsonText);
    } catch (const nlohmann::json::exception& e) {
        fail(std::string("config.json is not valid JSON: ") + e.what());
    }
    if (!root.is_object())
        fail("config.json must be a JSON object");
    // Multimodal configs keep the language model under text_config.
    const nlohmann::json& cfg = root.contains("text_config") && root["text_config"].is_object() ? root["text_config"] : root;

    ModelSpec m;
    m.family = "My models";
    const long long layers = requireInt(cfg, {"num_hidden_layers", "n_layer", "num_layers"}, 1, 10000);
    const long long hidden = requireInt(cfg, {"hidden_size", "n_embd", "d_model"}, 1, 1 << 20);
    const long long heads = requireInt(cfg, {"num_attention_heads", "n_head"}, 1, 65536);
    const long long kvHeads = intField(cfg, {"num_key_value_heads"}, 1, 65536).value_or(heads);
    if (kvHeads > heads)
        fail(fmt::format("config.json: num_key_value_heads {} is larger than num_attention_heads {}", kvHeads, heads));
    if (heads % kvHeads != 0)
        fail(fmt::format("config.json: num_attention_heads {} is not a multiple of num_key_value_heads {}", heads,
                         kvHeads));
    const long long headDim = intField(cfg, {"head_dim"}, 1, 65536).value_or(hidden / heads);
    if (headDim < 1)
        fail("config.json: hidden_size / num_attention_heads is below 1");
    const long long vocab = requireInt(cfg, {"vocab_size"}, 1, 1 << 24);
    const long long intermediate = intField(cfg, {"intermediate_size", "ffn_dim"}, 1, 1 << 22).value_or(0);
    m.layers = static_cast<int>(layers);
    m.hiddenSize = static_cast<int>(hidden);
    m.attentionHeads = static_cast<int>(heads);
    m.kvHeads = static_cast<int>(kvHeads);
    m.headDim = static_cast<int>(headDim);
    m.vocabSize = static_cast<int>(vocab);
    m.maxContext = static_cast<int>(intField(cfg, {"max_position_embeddings", "n_positions"}, 1, 1ll << 30).value_or(0));
    const nlohmann::json* tie = field(root, {"tie_word_embeddings"});
    if (!tie)
        tie = field(cfg, {"tie_word_embeddings"});
    m.tiedEmbeddings = tie && tie->is_boolean() && tie->get<bool>();

    // Experts.
    const long long experts = intField(cfg, {"num_local_experts", "num_experts", "n_routed_experts"}, 0, 4096).value_or(0);
    const long long perToken = intField(cfg, {"num_experts_per_tok", "experts_per_token", "moe_topk"}, 0, 4096).value_or(0);
    long long expertFfn = 0;
    long long sharedExperts = intField(cfg, {"n_shared_experts", "num_shared_experts"}, 0, 64).value_or(0);
    long long denseLayers = intField(cfg, {"first_k_dense_replace"}, 0, layers).value_or(0);
    if (experts > 0) {
        if (perToken <= 0)
            fail("config.json: the model has experts but no num_experts_per_tok");
        if (perToken > experts)
            fail(fmt::format("config.json: num_experts_per_tok {} is larger than the {} experts", perToken, experts));
        expertFfn = intField(cfg, {"moe_intermediate_size"}, 1, 1 << 22).value_or(intermediate);
        if (expertFfn <= 0)
            fail("config.json: the expert size (moe_intermediate_size or intermediate_size) is missing");
        m.expertCount = static_cast<int>(experts);
        m.expertsPerToken = static_cast<int>(perToken);
        m.sharedExperts = static_cast<int>(sharedExperts);
        m.moeLayers = static_cast<int>(layers - denseLayers);
        m.expertFfn = static_cast<int>(expertFfn);
    } else if (intermediate <= 0) {
        fail("config.json: \"intermediate_size\" is missing, so the parameter count cannot be computed");
    }

    // Multi-head latent attention (DeepSeek V2/V3).
    const long long kvRank = intField(cfg, {"kv_lora_rank"}, 0, 65536).value_or(0);
    double attention = 0;
    if (kvRank > 0) {
        const long long rope = requireInt(cfg, {"qk_rope_head_dim"}, 1, 65536);
        const long long nope = requireInt(cfg, {"qk_nope_head_dim"}, 1, 65536);
        const long long vDim = requireInt(cfg, {"v_head_dim"}, 1, 65536);
        const long long qRank = intField(cfg, {"q_lora_rank"}, 0, 65536).value_or(0);
        m.mlaKvRank = static_cast<int>(kvRank);
        m.mlaRopeDim = static_cast<int>(rope);
        m.headDim = static_cast<int>(nope + rope);
        const double qk = static_cast<double>(heads) * (nope + rope);
        attention = (qRank > 0 ? hidden * static_cast<double>(qRank) + qRank * qk : hidden * qk) +
                    hidden * static_cast<double>(kvRank + rope) + kvRank * static_cast<double>(heads) * (nope + vDim) +
                    static_cast<double>(heads) * vDim * hidden;
    } else {
        attention = 2.0 * hidden * (heads * headDim) + 2.0 * hidden * (kvHeads * headDim);
    }

    // Sliding window: which layers use it.
    const long long window = intField(cfg, {"sliding_window", "attention_chunk_size"}, 0, 1ll << 30).value_or(0);
    const nlohmann::json* useWindow = field(cfg, {"use_sliding_window"});
    if (window > 0 && !(useWindow && useWindow->is_boolean() && !useWindow->get<bool>())) {
        int sliding = -1;
        if (const nlohmann::json* types = field(cfg, {"layer_types"}); types && types->is_array()) {
            if (static_cast<long long>(types->size()) != layers)
                fail(fmt::format("config.json: layer_types lists {} layers, num_hidden_layers says {}", types->size(),
                                 layers));
            sliding = 0;
            for (const auto& t : *types)
                sliding += t.is_string() && t.get<std::string>() != "full_attention";
        } else if (const auto pattern = intField(cfg, {"sliding_window_pattern"}, 1, 1 << 20)) {
            sliding = static_cast<int>(layers - layers / *pattern);
        } else if (field(root, {"model_type"}) && root["model_type"].is_string() &&
                   (root["model_type"] == "gemma2" || cfg.value("model_type", "") == "gemma2")) {
            sliding = static_cast<int>(layers / 2);
        } else if (window < m.maxContext || m.maxContext == 0) {
            sliding = static_cast<int>(layers);  // every layer windowed (Mistral 7B v0.1 style)
        }
        if (sliding > 0) {
            m.slidingWindow = static_cast<int>(window);
            m.slidingLayers = sliding;
        }
    }

    // Parameters from the shapes: embeddings, attention, dense MLPs, experts (+ shared, router).
    const double embedding = static_cast<double>(vocab) * hidden * (m.tiedEmbeddings ? 1.0 : 2.0);
    const double denseMlp = 3.0 * hidden * static_cast<double>(intermediate);
    double params = embedding + layers * attention;
    if (experts > 0) {
        const long long sharedFfn = intField(cfg, {"shared_expert_intermediate_size"}, 0, 1 << 22).value_or(expertFfn);
        params += denseLayers * denseMlp;
        params += (layers - denseLayers) * (3.0 * hidden * static_cast<double>(expertFfn) * experts +
                                            3.0 * hidden * static_cast<double>(sharedFfn) * sharedExperts +
                                            static_cast<double>(hidden) * experts);
    } else {
        params += layers * denseMlp;
    }
    m.paramsB = params / 1e9;
    m.activeParamsB = (params - m.routedExpertParams() * (experts > 0 ? 1.0 - static_cast<double>(perToken) / experts : 0.0)) / 1e9;
    std::string name;
    if (const nlohmann::json* n = field(root, {"_name_or_path"}); n && n->is_string())
        name = n->get<std::string>();
    if (name.empty())
        name = sourceName;
    m.displayName = name.substr(0, 200);
    m.id = m.displayName;
    m.source = fmt::format("config.json ({}): {} layers, hidden {}, {} heads ({} KV), parameters computed from the "
                           "shapes: {:.2f}B{}",
                           sourceName, layers, hidden, heads, kvHeads, m.paramsB,
                           experts > 0 ? fmt::format(", {} experts, {} per token", experts, perToken) : std::string());
    return m;
}

// Real config.json files are a few kilobytes; 16 MB leaves room for ones with embedded tables.
constexpr std::uintmax_t kMaxConfigJsonBytes = 16u << 20;

ModelSpec readModelFile(const std::filesystem::path& path, std::string* quantId)
{
    std::string text;
    try {
        InputFile in(path);
        char magic[4] = {};
        const size_t got = in.read(magic, 4);
        if (got == 4 && std::string_view(magic, 4) == "GGUF")
            return modelFromGguf(readGgufHeader(path), quantId);
        text = std::string(magic, got) +
               in.readAll(kMaxConfigJsonBytes, "a config.json (and it is not a GGUF file)");
    } catch (const InputFileError& e) {
        fail(fmt::format("{} {}", path.filename().string(), e.what()));
    }
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos || text[first] != '{')
        fail(fmt::format("{} is neither a GGUF file (no \"GGUF\" magic) nor a config.json", path.filename().string()));
    return modelFromHfConfig(text, path.parent_path().filename().string().empty() ? path.filename().string()
                                                                                  : path.parent_path().filename().string());
}

}  // namespace mlrig
