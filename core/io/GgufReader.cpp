// The GGUF reader of ModelFile.h (the config.json reader is in ModelFile.cpp). GGUF layout
// (ggml-org/ggml docs/gguf.md, versions 2 and 3, little endian): "GGUF", uint32 version, uint64
// tensor count, uint64 metadata count; metadata as (string key, uint32 type, value); tensor infos
// as (string name, uint32 n_dims, uint64 dims[], uint32 ggml type, uint64 offset); strings are
// uint64 length + bytes. Only this header is read.

#include "core/io/ModelFile.h"
#include "core/io/InputFile.h"

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <optional>

namespace mlrig {
namespace {

[[noreturn]] void fail(const std::string& message)
{
    throw ModelFileError(message);
}

// Thrown when the bytes end before the header does; readGgufHeader then reads further.
struct Truncated : ModelFileError {
    using ModelFileError::ModelFileError;
};

bool validUtf8(std::string_view s)
{
    size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        size_t n = 0;
        uint32_t cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
        }
        if ((c & 0xE0) == 0xC0) {
            n = 1;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            n = 2;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            n = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        for (size_t k = 1; k <= n; ++k) {
            if (i + k >= s.size())
                return false;
            const auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += n + 1;
    }
    return true;
}

class Cursor {
public:
    Cursor(std::string_view bytes) : m_bytes(bytes) {}
    size_t position() const { return m_pos; }

    void need(uint64_t n, const char* what)
    {
        if (n > m_bytes.size() - m_pos)
            throw Truncated(fmt::format("the file ends inside the GGUF header ({} at byte {})", what, m_pos));
    }
    template <typename T> T read(const char* what)
    {
        need(sizeof(T), what);
        T value;
        std::memcpy(&value, m_bytes.data() + m_pos, sizeof(T));
        m_pos += sizeof(T);
        if constexpr (std::endian::native == std::endian::big)
            value = byteswap(value);
        return value;
    }
    std::string_view string(const char* what, uint64_t maxBytes)
    {
        const uint64_t n = read<uint64_t>(what);
        if (n > maxBytes)
            fail(fmt::format("GGUF header: {} of {} bytes is longer than the {} allowed", what, n, maxBytes));
        need(n, what);
        const std::string_view s = m_bytes.substr(m_pos, static_cast<size_t>(n));
        m_pos += static_cast<size_t>(n);
        return s;
    }
    void skip(uint64_t n, const char* what)
    {
        need(n, what);
        m_pos += static_cast<size_t>(n);
    }

private:
    template <typename T> static T byteswap(T v)
    {
        T out;
        auto* src = reinterpret_cast<unsigned char*>(&v);
        auto* dst = reinterpret_cast<unsigned char*>(&out);
        for (size_t i = 0; i < sizeof(T); ++i)
            dst[i] = src[sizeof(T) - 1 - i];
        return out;
    }
    std::string_view m_bytes;
    size_t m_pos = 0;
};

enum GgufType : uint32_t {
    U8 = 0, I8 = 1, U16 = 2, I16 = 3, U32 = 4, I32 = 5, F32 = 6, BOOL = 7, STRING = 8, ARRAY = 9, U64 = 10,
    I64 = 11, F64 = 12
};

uint64_t scalarSize(uint32_t type)
{
    switch (type) {
    case U8: case I8: case BOOL: return 1;
    case U16: case I16: return 2;
    case U32: case I32: case F32: return 4;
    case U64: case I64: case F64: return 8;
    default: return 0;
    }
}

// Reads one scalar as a number; nullopt for a negative integer (never a valid count).
std::optional<double> readScalar(Cursor& c, uint32_t type, const char* what)
{
    switch (type) {
    case U8: return c.read<uint8_t>(what);
    case I8: { const auto v = c.read<int8_t>(what); return v < 0 ? std::nullopt : std::optional<double>(v); }
    case U16: return c.read<uint16_t>(what);
    case I16: { const auto v = c.read<int16_t>(what); return v < 0 ? std::nullopt : std::optional<double>(v); }
    case U32: return c.read<uint32_t>(what);
    case I32: { const auto v = c.read<int32_t>(what); return v < 0 ? std::nullopt : std::optional<double>(v); }
    case F32: return c.read<float>(what);
    case BOOL: return c.read<uint8_t>(what) ? 1.0 : 0.0;
    case U64: return static_cast<double>(c.read<uint64_t>(what));
    case I64: { const auto v = c.read<int64_t>(what); return v < 0 ? std::nullopt : std::optional<double>(static_cast<double>(v)); }
    case F64: return c.read<double>(what);
    default: break;
    }
    fail(fmt::format("GGUF header: {} has unknown value type {}", what, type));
}

bool isIntegerType(uint32_t type)
{
    return type != F32 && type != F64;
}

}  // namespace

GgufHeader parseGgufHeader(std::string_view bytes, uint64_t fileBytes)
{
    GgufHeader h;
    h.fileBytes = fileBytes;
    Cursor c(bytes);
    c.need(4, "magic");
    if (bytes.substr(0, 4) != "GGUF")
        fail("not a GGUF file (it does not start with \"GGUF\")");
    c.skip(4, "magic");
    h.version = c.read<uint32_t>("version");
    if (h.version < 2 || h.version > 3)
        fail(fmt::format("GGUF version {} is not supported (mlrig reads versions 2 and 3)", h.version));
    h.tensorCount = c.read<uint64_t>("tensor count");
    const uint64_t keyCount = c.read<uint64_t>("metadata count");
    if (h.tensorCount == 0 || h.tensorCount > kGgufMaxTensors)
        fail(fmt::format("GGUF header: {} tensors is not a plausible count (1 to {})", h.tensorCount, kGgufMaxTensors));
    if (keyCount > kGgufMaxKeys)
        fail(fmt::format("GGUF header: {} metadata keys is more than the {} allowed", keyCount, kGgufMaxKeys));

    for (uint64_t k = 0; k < keyCount; ++k) {
        const std::string_view keyView = c.string("a metadata key", 65536);
        if (keyView.empty() || !validUtf8(keyView))
            fail(fmt::format("GGUF header: metadata key {} is {}", k + 1, keyView.empty() ? "empty" : "not UTF-8"));
        const std::string key(keyView);
        const uint32_t type = c.read<uint32_t>("a value type");
        if (type == STRING) {
            const std::string_view value = c.string("a string value", kGgufMaxStringBytes);
            if (key == "general.architecture" || key == "general.name") {
                if (!validUtf8(value))
                    fail(fmt::format("GGUF header: {} is not UTF-8", key));
                (key == "general.architecture" ? h.architecture : h.name) = std::string(value.substr(0, 200));
            }
        } else if (type == ARRAY) {
            const uint32_t itemType = c.read<uint32_t>("an array type");
            const uint64_t length = c.read<uint64_t>("an array length");
            if (length > kGgufMaxArrayLength)
                fail(fmt::format("GGUF header: array {} has {} elements, more than the {} allowed", key, length,
                                 kGgufMaxArrayLength));
            h.arrayLengths[key] = length;
            if (itemType == STRING) {
                for (uint64_t i = 0; i < length; ++i)
                    (void)c.string("an array string", kGgufMaxStringBytes);
            } else if (const uint64_t size = scalarSize(itemType)) {
                // Per-layer arrays (head counts, sliding-window flags): keep the largest element.
                if (length <= 65536 && isIntegerType(itemType)) {
                    uint64_t largest = 0;
                    for (uint64_t i = 0; i < length; ++i)
                        if (const auto v = readScalar(c, itemType, key.c_str()))
                            largest = std::max(largest, static_cast<uint64_t>(*v));
                    h.integers[key] = largest;
                } else {
                    if (length > kGgufMaxHeaderBytes / size)
                        fail(fmt::format("GGUF header: array {} is larger than a header can be", key));
                    c.skip(length * size, "an array");
                }
            } else {
                fail(fmt::format("GGUF header: array {} has element type {}, which GGUF does not define", key,
                                 itemType));
            }
        } else {
            const std::optional<double> v = readScalar(c, type, key.c_str());
            if (!v)
                continue;  // a negative integer: not a count mlrig uses
            if (isIntegerType(type))
                h.integers[key] = static_cast<uint64_t>(*v);
            else if (std::isfinite(*v))
                h.floats[key] = *v;
        }
        if (c.position() > kGgufMaxHeaderBytes)
            fail("GGUF header: the metadata is larger than a header can be");
    }
    if (h.architecture.empty())
        fail("GGUF header: general.architecture is missing");
    if (const auto it = h.integers.find("general.file_type"); it != h.integers.end())
        h.fileType = static_cast<uint32_t>(it->second);

    for (uint64_t t = 0; t < h.tensorCount; ++t) {
        const std::string_view name = c.string("a tensor name", 65536);
        if (!validUtf8(name))
            fail(fmt::format("GGUF header: tensor {} has a name that is not UTF-8", t + 1));
        const uint32_t dims = c.read<uint32_t>("a tensor's dimension count");
        if (dims == 0 || dims > 4)
            fail(fmt::format("GGUF header: tensor {} has {} dimensions (1 to 4 allowed)", name, dims));
        double elements = 1;
        std::vector<uint64_t> shape;
        for (uint32_t d = 0; d < dims; ++d) {
            const uint64_t n = c.read<uint64_t>("a tensor dimension");
            if (n == 0 || n > (1ull << 40))
                fail(fmt::format("GGUF header: tensor {} has a dimension of {}", name, n));
            elements *= static_cast<double>(n);
            shape.push_back(n);
        }
        if (elements > 1e15)
            fail(fmt::format("GGUF header: tensor {} has {:g} elements, more than any model", name, elements));
        const uint32_t ggmlType = c.read<uint32_t>("a tensor type");
        if (ggmlType > 255)
            fail(fmt::format("GGUF header: tensor {} has type {}, which ggml does not define", name, ggmlType));
        (void)c.read<uint64_t>("a tensor offset");
        h.totalParams += elements;
        h.paramsByType[ggmlType] += elements;
        if (name.find("_exps") != std::string_view::npos)
            h.routedExpertParams += elements;
        if (name == "token_embd.weight")
            h.tokenEmbdParams = elements;
        if (name == "output.weight")
            h.hasOutputTensor = true;
        if (c.position() > kGgufMaxHeaderBytes)
            fail("GGUF header: the tensor list is larger than a header can be");
    }
    if (h.totalParams > 0 && fileBytes > 0 && static_cast<double>(fileBytes) < h.totalParams / 8.0)
        fail(fmt::format("GGUF file is {} bytes, too small for the {:.3g} weights its header lists (truncated?)",
                         fileBytes, h.totalParams));
    return h;
}

GgufHeader readGgufHeader(const std::filesystem::path& path)
{
    std::optional<InputFile> opened;
    try {
        opened.emplace(path);
    } catch (const InputFileError& e) {
        fail(fmt::format("{} {}", path.filename().string(), e.what()));
    }
    InputFile& in = *opened;
    const uint64_t size = in.size();
    std::string buffer;
    uint64_t want = std::min<uint64_t>(size, 1ull << 20);  // most headers; tokenizer arrays need a few MB more
    while (true) {
        const size_t have = buffer.size();
        buffer.resize(static_cast<size_t>(want));
        buffer.resize(have + in.read(buffer.data() + have, static_cast<size_t>(want - have)));
        try {
            return parseGgufHeader(buffer, size);
        } catch (const Truncated& e) {
            if (buffer.size() >= size || buffer.size() >= kGgufMaxHeaderBytes || buffer.size() < want)
                throw ModelFileError(e.what());
            want = std::min<uint64_t>({size, kGgufMaxHeaderBytes, want * 4});
        }
    }
}

namespace {

uint64_t archInt(const GgufHeader& h, const std::string& suffix, uint64_t fallback = 0)
{
    const auto it = h.integers.find(h.architecture + "." + suffix);
    return it == h.integers.end() ? fallback : it->second;
}

std::string nearestQuant(const GgufHeader& h, double bitsPerWeight)
{
    // llama_ftype values (llama.h) mlrig has a preset for.
    if (h.fileType) {
        switch (*h.fileType) {
        case 1: return "f16";
        case 2: return "q4_0";
        case 7: return "q8_0";
        case 10: return "q2_k";
        case 12: return "q3_k_m";
        case 14: return "q4_k_s";
        case 15: return "q4_k_m";
        case 16: return "q5_k_s";
        case 17: return "q5_k_m";
        case 18: return "q6_k";
        case 30: return "iq4_xs";
        case 32: return "bf16";
        case 38: return "mxfp4";
        default: break;
        }
    }
    std::string best = "q4_k_m";
    double bestDiff = 1e9;
    for (const QuantSpec& q : quantPresets()) {
        if (!q.llamaCpp)
            continue;
        const double d = std::abs(q.bitsPerWeight - bitsPerWeight);
        if (d < bestDiff) {
            bestDiff = d;
            best = q.id;
        }
    }
    return best;
}

}  // namespace

ModelSpec modelFromGguf(const GgufHeader& h, std::string* quantId)
{
    ModelSpec m;
    const std::string& a = h.architecture;
    m.displayName = h.name.empty() ? a + " model" : h.name;
    m.id = m.displayName;
    m.family = "My models";
    const auto require = [&](const std::string& suffix) {
        const uint64_t v = archInt(h, suffix);
        if (v == 0)
            fail(fmt::format("GGUF header: {}.{} is missing, so the model's shape is unknown", a, suffix));
        return v;
    };
    const uint64_t layers = require("block_count");
    const uint64_t hidden = require("embedding_length");
    const uint64_t heads = require("attention.head_count");
    if (layers > 10000 || hidden > (1u << 20) || heads > 65536)
        fail(fmt::format("GGUF header: {} layers, hidden size {}, {} heads is not a plausible shape", layers, hidden,
                         heads));
    m.layers = static_cast<int>(layers);
    m.hiddenSize = static_cast<int>(hidden);
    m.attentionHeads = static_cast<int>(heads);
    m.kvHeads = static_cast<int>(archInt(h, "attention.head_count_kv", heads));
    if (m.kvHeads <= 0 || m.kvHeads > m.attentionHeads)
        fail(fmt::format("GGUF header: {} KV heads for {} attention heads is contradictory", m.kvHeads,
                         m.attentionHeads));
    m.headDim = static_cast<int>(archInt(h, "attention.key_length", hidden / heads));
    if (m.headDim <= 0 || m.headDim > 65536)
        fail("GGUF header: the attention head size is not plausible");
    m.maxContext = static_cast<int>(std::min<uint64_t>(archInt(h, "context_length"), 1u << 30));
    uint64_t vocab = archInt(h, "vocab_size");
    if (vocab == 0) {
        const auto it = h.arrayLengths.find("tokenizer.ggml.tokens");
        if (it != h.arrayLengths.end())
            vocab = it->second;
    }
    if (vocab == 0 && h.tokenEmbdParams > 0)
        vocab = static_cast<uint64_t>(h.tokenEmbdParams / static_cast<double>(hidden));
    m.vocabSize = static_cast<int>(std::min<uint64_t>(vocab, 1u << 24));
    m.tiedEmbeddings = !h.hasOutputTensor;
    m.paramsB = h.totalParams / 1e9;
    m.activeParamsB = m.paramsB;
    m.fileBytes = static_cast<double>(h.fileBytes);

    const uint64_t experts = archInt(h, "expert_count");
    const uint64_t used = archInt(h, "expert_used_count");
    if (experts > 0 && used > 0 && h.routedExpertParams > 0) {
        if (used > experts || experts > 4096)
            fail(fmt::format("GGUF header: {} of {} experts per token is contradictory", used, experts));
        m.expertCount = static_cast<int>(experts);
        m.expertsPerToken = static_cast<int>(used);
        m.sharedExperts = static_cast<int>(std::min<uint64_t>(archInt(h, "expert_shared_count"), 64));
        const uint64_t dense = archInt(h, "leading_dense_block_count");
        m.moeLayers = static_cast<int>(layers > dense ? layers - dense : layers);
        // The expert size follows from the tensors themselves: routed elements / (layers x experts x 3 x hidden).
        m.expertFfn = std::max(1, static_cast<int>(std::llround(
                                      h.routedExpertParams / (static_cast<double>(m.moeLayers) * experts * 3.0 * hidden))));
        m.activeParamsB = (h.totalParams - h.routedExpertParams * (1.0 - static_cast<double>(used) / experts)) / 1e9;
    }
    if (const uint64_t rank = archInt(h, "attention.kv_lora_rank")) {
        m.mlaKvRank = static_cast<int>(std::min<uint64_t>(rank, 65536));
        m.mlaRopeDim = static_cast<int>(std::min<uint64_t>(archInt(h, "rope.dimension_count"), 65536));
    }
    if (const uint64_t window = archInt(h, "attention.sliding_window"); window > 0 && window < (1u << 30)) {
        // Which layers use the window is known per architecture (llama.cpp's llama-model.cpp).
        int sliding = -1;
        if (a == "gemma2" || a == "gpt-oss")
            sliding = m.layers / 2;
        else if (a == "gemma3")
            sliding = m.layers - m.layers / 6;
        else if (a == "llama4")
            sliding = m.layers - m.layers / 4;
        if (sliding >= 0) {
            m.slidingWindow = static_cast<int>(window);
            m.slidingLayers = sliding;
        }
    }
    if (const uint64_t chunk = archInt(h, "attention.chunk_size"); chunk > 0 && a == "llama4") {
        m.slidingWindow = static_cast<int>(std::min<uint64_t>(chunk, 1u << 30));
        m.slidingLayers = m.layers - m.layers / 4;
    }
    const double bits = m.paramsB > 0 ? static_cast<double>(h.fileBytes) * 8.0 / (m.paramsB * 1e9) : 16.0;
    if (quantId)
        *quantId = nearestQuant(h, bits);
    m.source = fmt::format("GGUF file header: architecture {}, {} layers, hidden {}, {} heads ({} KV), {:.2f}B "
                           "parameters in {} tensors, {} bytes ({:.2f} bits per weight)",
                           a, m.layers, m.hiddenSize, m.attentionHeads, m.kvHeads, m.paramsB, h.tensorCount,
                           h.fileBytes, bits);
    return m;
}

}  // namespace mlrig
