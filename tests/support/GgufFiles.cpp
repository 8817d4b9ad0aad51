#include "tests/support/GgufFiles.h"

namespace mlrig::testsupport {

GgufWriter::GgufWriter(uint32_t version)
{
    raw("GGUF");
    u32(version);
}

void GgufWriter::counts(uint64_t tensors, uint64_t keys)
{
    u64(tensors);
    u64(keys);
}

void GgufWriter::raw(const std::string& s)
{
    bytes.insert(bytes.end(), s.begin(), s.end());
}

void GgufWriter::u32(uint32_t v)
{
    put(&v, 4);
}

void GgufWriter::u64(uint64_t v)
{
    put(&v, 8);
}

void GgufWriter::str(const std::string& s)
{
    u64(s.size());
    raw(s);
}

void GgufWriter::kvU32(const std::string& key, uint32_t v)
{
    str(key);
    u32(4);  // GGUF value type UINT32
    u32(v);
}

void GgufWriter::kvStr(const std::string& key, const std::string& v)
{
    str(key);
    u32(8);  // STRING
    str(v);
}

void GgufWriter::kvStrArray(const std::string& key, uint64_t n)
{
    str(key);
    u32(9);  // ARRAY
    u32(8);  // of STRING
    u64(n);
    for (uint64_t i = 0; i < n; ++i)
        str("t" + std::to_string(i));
}

void GgufWriter::tensor(const std::string& name, const std::vector<uint64_t>& dims, uint32_t type)
{
    str(name);
    u32(static_cast<uint32_t>(dims.size()));
    for (uint64_t d : dims)
        u64(d);
    u32(type);
    u64(0);  // data offset: the readers under test never follow it
}

std::string GgufWriter::text() const
{
    return std::string(bytes.begin(), bytes.end());
}

void GgufWriter::put(const void* p, std::size_t n)
{
    const char* c = static_cast<const char*>(p);
    bytes.insert(bytes.end(), c, c + n);
}

std::string tinyMoeGguf()
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
    w.tensor("token_embd.weight", {hidden, vocab}, 12);
    w.tensor("output.weight", {hidden, vocab}, 14);
    for (uint64_t l = 0; l < layers; ++l) {
        const std::string p = "blk." + std::to_string(l) + ".";
        w.tensor(p + "attn_qkv.weight", {hidden, 8 * 16 + 2 * 2 * 16}, 12);
        w.tensor(p + "ffn_gate_exps.weight", {hidden, ffn, experts}, 12);
        w.tensor(p + "ffn_up_exps.weight", {hidden, ffn, experts}, 12);
        w.tensor(p + "ffn_down_exps.weight", {ffn, hidden, experts}, 14);
    }
    return w.text();
}

}  // namespace mlrig::testsupport
