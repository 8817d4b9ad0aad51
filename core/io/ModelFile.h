#pragma once

// A model of the user's own, read from a local file: a GGUF file (only its header: metadata and
// tensor descriptions, never the weights) or a Hugging Face config.json. Pure functions, no Qt.
// Bad input throws ModelFileError with one clear message; nothing else happens.

#include <cstdint>
#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>

#include "core/eval/WorkloadModel.h"

namespace mlrig {

class ModelFileError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// What a GGUF header says, before it is turned into a ModelSpec.
struct GgufHeader {
    uint32_t version = 0;
    uint64_t tensorCount = 0;
    uint64_t fileBytes = 0;  // the exact size of the file
    std::string architecture;
    std::string name;
    std::map<std::string, uint64_t> integers;  // numeric metadata (arrays: their largest element)
    std::map<std::string, double> floats;
    std::map<std::string, uint64_t> arrayLengths;
    double totalParams = 0;        // elements of all tensors
    double routedExpertParams = 0; // elements of the *_exps tensors
    double tokenEmbdParams = 0;
    bool hasOutputTensor = false;
    std::map<uint32_t, double> paramsByType;  // ggml type -> elements
    std::optional<uint32_t> fileType;         // general.file_type (llama_ftype)
};

// Limits of what the reader accepts (a real header is far below every one).
inline constexpr uint64_t kGgufMaxTensors = 1'000'000;
inline constexpr uint64_t kGgufMaxKeys = 100'000;
inline constexpr uint64_t kGgufMaxStringBytes = 64ull << 20;   // one string value
inline constexpr uint64_t kGgufMaxArrayLength = 16ull << 20;   // elements of one array
inline constexpr uint64_t kGgufMaxHeaderBytes = 256ull << 20;  // everything before the tensor data

// Parses a GGUF header from its first bytes (`fileBytes` is the whole file's size). Throws
// ModelFileError for a truncated or malformed header.
GgufHeader parseGgufHeader(std::string_view bytes, uint64_t fileBytes);
// Reads only the header of a GGUF file from disk (bounded; the weights are never read).
GgufHeader readGgufHeader(const std::filesystem::path& path);
// The model a GGUF header describes; `quantId` gets the nearest mlrig quantisation.
ModelSpec modelFromGguf(const GgufHeader& header, std::string* quantId = nullptr);

// The model a Hugging Face config.json describes (text of the file). Parameter counts are
// computed from the architecture; throws ModelFileError for missing or contradictory fields.
ModelSpec modelFromHfConfig(std::string_view jsonText, const std::string& sourceName);

// Reads a model file of either kind (GGUF by its magic, else JSON). `quantId` is set for GGUF.
ModelSpec readModelFile(const std::filesystem::path& path, std::string* quantId = nullptr);

}  // namespace mlrig
