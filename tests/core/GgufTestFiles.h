#pragma once

// Builds small GGUF headers for tests and the fuzz seed corpus (little endian, version 3).

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace mlrig::test {

class GgufWriter {
public:
    explicit GgufWriter(uint32_t version = 3) { raw("GGUF"); u32(version); }
    void counts(uint64_t tensors, uint64_t keys) { u64(tensors); u64(keys); }
    void raw(const std::string& s) { bytes.insert(bytes.end(), s.begin(), s.end()); }
    void u32(uint32_t v) { put(&v, 4); }
    void u64(uint64_t v) { put(&v, 8); }
    void str(const std::string& s) { u64(s.size()); raw(s); }
    void kvU32(const std::string& key, uint32_t v) { str(key); u32(4); u32(v); }
    void kvStr(const std::string& key, const std::string& v) { str(key); u32(8); str(v); }
    void kvStrArray(const std::string& key, uint64_t n)
    {
        str(key);
        u32(9);
        u32(8);
        u64(n);
        for (uint64_t i = 0; i < n; ++i)
            str("t" + std::to_string(i));
    }
    void tensor(const std::string& name, std::vector<uint64_t> dims, uint32_t type)
    {
        str(name);
        u32(static_cast<uint32_t>(dims.size()));
        for (uint64_t d : dims)
            u64(d);
        u32(type);
        u64(0);
    }
    std::string text() const { return std::string(bytes.begin(), bytes.end()); }
    std::vector<char> bytes;

private:
    void put(const void* p, size_t n)
    {
        const char* c = static_cast<const char*>(p);
        bytes.insert(bytes.end(), c, c + n);
    }
};

// A small MoE model in the shape of Qwen3-30B-A3B, scaled down: 4 layers, hidden 64, 8 heads of
// 16 (2 KV heads), 8 experts of which 2 per token, expert FFN 32, vocabulary 100 (tokens array).
inline std::string tinyMoeGguf()
{
    GgufWriter w;
    const uint64_t layers = 4, hidden = 64, experts = 8, ffn = 32, vocab = 100;
    const uint64_t tensors = 2 + layers * 4;
    w.counts(tensors, 10);
    w.kvStr("general.architecture", "qwen3moe");
    w.kvStr("general.name", "Tiny MoE");
    w.kvU32("general.file_type", 15);
    w.kvU32("qwen3moe.block_count", layers);
    w.kvU32("qwen3moe.embedding_length", hidden);
    w.kvU32("qwen3moe.attention.head_count", 8);
    w.kvU32("qwen3moe.attention.head_count_kv", 2);
    w.kvU32("qwen3moe.context_length", 4096);
    w.kvU32("qwen3moe.expert_count", experts);
    w.kvU32("qwen3moe.expert_used_count", 2);
    (void)vocab;
    w.tensor("token_embd.weight", {hidden, 100}, 12);
    w.tensor("output.weight", {hidden, 100}, 14);
    for (uint64_t l = 0; l < layers; ++l) {
        const std::string p = "blk." + std::to_string(l) + ".";
        w.tensor(p + "attn_qkv.weight", {hidden, 8 * 16 + 2 * 2 * 16}, 12);
        w.tensor(p + "ffn_gate_exps.weight", {hidden, ffn, experts}, 12);
        w.tensor(p + "ffn_up_exps.weight", {hidden, ffn, experts}, 12);
        w.tensor(p + "ffn_down_exps.weight", {ffn, hidden, experts}, 14);
    }
    return w.text();
}

}  // namespace mlrig::test
