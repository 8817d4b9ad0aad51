// Fuzzes the GGUF header reader and the config.json reader (core/io/ModelFile.h). Properties
// checked for every input:
//   - the only exception either reader throws is ModelFileError, with a message;
//   - a header that parses gives a model whose shape is plausible and that the workload model
//     accepts as a custom model (modelFromJson of modelToJson), so a .mlrig carrying it loads;
//   - its estimate on a 24 GB card never throws anything but std::invalid_argument.

#include <cmath>
#include <string>

#include "tests/fuzz/FuzzSupport.h"
#include "core/eval/WorkloadModel.h"
#include "core/io/ModelFile.h"

using namespace mlrig;

namespace {

void checkModel(const ModelSpec& m)
{
    FUZZ_CHECK(m.layers > 0 && m.hiddenSize > 0 && m.attentionHeads > 0, "shape");
    FUZZ_CHECK(m.kvHeads > 0 && m.kvHeads <= m.attentionHeads, "KV heads");
    FUZZ_CHECK(std::isfinite(m.paramsB) && m.paramsB >= 0, "parameters");
    FUZZ_CHECK(std::isfinite(m.activeParamsB) && m.activeParamsB <= m.paramsB + 1e-9, "active parameters");
    FUZZ_CHECK(!m.isMoe() || m.expertsPerToken <= m.expertCount, "experts per token");
    ModelSpec back;
    try {
        back = modelFromJson(modelToJson(m));
    } catch (const std::invalid_argument& e) {
        FUZZ_CHECK(*e.what() != '\0', "a custom-model rejection says why");
        return;
    }
    Workload w;
    w.kind = WorkloadKind::LlmInference;
    w.model = back.displayName;
    w.customModel = modelToJson(m);
    w.context = 4096;
    GpuForWorkload gpu;
    gpu.name = "test";
    gpu.vramGb = 24;
    gpu.memoryBandwidthGbs = 936;
    gpu.fp16TensorTflops = 71;
    HostForWorkload host;
    host.ramGb = 64;
    host.channels = 2;
    host.mts = 6000;
    try {
        const WorkloadEstimate e = estimateWorkload(w, std::vector<GpuForWorkload>{gpu}, host);
        FUZZ_CHECK(e.placement == "vram" || e.placement == "offload" || e.placement == "none", "placement");
        FUZZ_CHECK(!e.decodeTokensPerS || std::isfinite(*e.decodeTokensPerS), "finite decode");
    } catch (const std::invalid_argument& e) {
        FUZZ_CHECK(*e.what() != '\0', "an estimate rejection says why");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view bytes = fuzz::asText(data, size);
    try {
        std::string quant;
        const ModelSpec m = modelFromGguf(parseGgufHeader(bytes, 1ull << 34), &quant);
        FUZZ_CHECK(findQuantPreset(quant) != nullptr, "the nearest quantisation is one mlrig knows");
        checkModel(m);
    } catch (const ModelFileError& e) {
        FUZZ_CHECK(*e.what() != '\0', "a GGUF rejection says why");
    }
    try {
        checkModel(modelFromHfConfig(bytes, "fuzz"));
    } catch (const ModelFileError& e) {
        FUZZ_CHECK(*e.what() != '\0', "a config.json rejection says why");
    }
    return 0;
}
