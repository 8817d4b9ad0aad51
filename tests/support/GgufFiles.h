#pragma once

// Small GGUF files for the model-file tests, the CLI's "fit --model-file" and the fuzz seeds:
// written byte by byte (little endian, version 3) so a test can also write a broken one.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace mlrig::testsupport {

class GgufWriter {
public:
    explicit GgufWriter(uint32_t version = 3);
    void counts(uint64_t tensors, uint64_t keys);
    void raw(const std::string& s);
    void u32(uint32_t v);
    void u64(uint64_t v);
    void str(const std::string& s);
    void kvU32(const std::string& key, uint32_t v);
    void kvStr(const std::string& key, const std::string& v);
    // An array of n strings ("t0", "t1", ...), the shape of tokenizer.ggml.tokens.
    void kvStrArray(const std::string& key, uint64_t n);
    void tensor(const std::string& name, const std::vector<uint64_t>& dims, uint32_t type);
    std::string text() const;

    std::vector<char> bytes;

private:
    void put(const void* p, std::size_t n);
};

// A small MoE model in the shape of Qwen3-30B-A3B, scaled down: 4 layers, hidden 64, 8 heads of
// 16 (2 KV heads), 8 experts of which 2 per token, expert FFN 32, vocabulary 100.
std::string tinyMoeGguf();

}  // namespace mlrig::testsupport
