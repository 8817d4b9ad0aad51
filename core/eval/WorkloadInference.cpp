// The LLM inference estimate (llama.cpp-style runtime): the model's bytes in llama.cpp's layout,
// whether they fit the cards, where an offloaded model's layers or experts go, and the decode and
// prefill speeds. Units and the reading of each constant as in WorkloadModel.cpp.

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "core/util/TextUtil.h"
#include "core/eval/WorkloadInternal.h"

namespace mlrig::workloadmodel {
namespace {

// ---------------------------------------------------------------------------------------------
// LLM inference (llama.cpp-style runtime, CUDA backend)

// What a card really offers. A process on a GPU first pays for its driver context: the CUDA
// context with lazy module loading (the default since CUDA 12.2), cuBLAS handles and the small
// fixed buffers llama.cpp allocates come to 0.3-0.5 GB per card in nvidia-smi before any model
// tensor is loaded; ROCm's HIP context is of the same order. 0.45 GB per card is kept back.
constexpr double kDriverReserveGb = 0.45;
// llama.cpp's compute buffer with flash attention (llama.cpp's default "-fa auto" turns it on for
// CUDA, ROCm, Metal and Vulkan): the output logits of one micro-batch (n_ubatch x vocabulary x f32)
// on the card holding the output layer, plus the f16 attention mask (n_ubatch x cached tokens x 2
// bytes) on each card. Llama 3 8B at n_ctx 8192: 512 x 128256 x 4 + 512 x 8192 x 2 bytes = 258.5
// MiB, the "CUDA0 compute buffer size" llama.cpp logs for it. Micro-batch: llama.cpp's default
// n_ubatch of 512 tokens.
constexpr int kMicroBatch = 512;
constexpr double kLogitsBytesPerElement = 4.0;
constexpr double kMaskBytesPerElement = 2.0;
// Sliding-window layers keep only n_swa x sequences + n_ubatch tokens, padded to 256 (llama.cpp
// llama_kv_cache_iswa: size_swa = min(n_ctx, GGML_PAD(n_swa * n_seq + n_ubatch, 256))).
constexpr int kKvPad = 256;
// A MoE layer launches more kernels (router, top-k, gathers, one matrix product per expert group):
// extra fixed time per MoE layer and token, fitted on the gpt-oss-20b tg128 runs of the same
// cards in discussion #15396.
constexpr double kDecodeMoeLayerOverheadS = 50e-6;
// System RAM: theoretical bandwidth = populated channels x MT/s x 8 bytes. llama.cpp's CPU matrix-
// vector kernels reach about 60% of it while the GPU holds the rest of the model (measured: an RX
// 7900 XT with all gpt-oss-20b experts on a Ryzen 9 5900X with dual-channel DDR4-3200, ~20 tokens/s
// = 1.27 GB of experts per token at ~28 GB/s of 51.2 GB/s, discussion #15396; STREAM triad on
// desktop DDR4/DDR5 reaches 65-80% of peak).
constexpr double kRamBandwidthEfficiency = 0.60;
// The CPU bounds that: a core's dequantise-and-dot loop streams about 10 GB/s of quantised weights
// (llama.cpp decode stops scaling at 4-6 threads on dual-channel DDR5 at 60-70 GB/s).
constexpr double kCpuCoreDecodeGbs = 10.0;
// RAM the operating system, desktop and llama.cpp's own process need besides the model.
constexpr double kOsReserveGb = 4.0;
// Prefill with weights in RAM: for micro-batches of 32 tokens or more llama.cpp copies RAM-resident
// weights to the GPU (ggml backend scheduler "offload_op"), so each micro-batch moves them over
// PCIe once: PCIe 4.0 x16 moves ~25 GB/s of its 31.5 GB/s theoretical.
constexpr double kPcieGbs = 25.0;
// Hand-off of the hidden state between two GPUs per decoded token when layers are split:
// a synchronised device-to-device copy of a few kilobytes, latency bound.
constexpr double kHopPcieS = 0.15e-3;
constexpr double kHopNvlinkS = 0.05e-3;

std::string quantList()
{
    std::string list;
    for (const QuantSpec& q : quantPresets())
        list += (list.empty() ? "" : ", ") + q.id;
    return list;
}

// Splits `layers` over the GPUs in proportion to their VRAM (largest remainder), as llama.cpp's
// default layer split does.
std::vector<int> splitLayers(int layers, std::span<const GpuForWorkload> gpus)
{
    std::vector<int> out(gpus.size(), 0);
    const double total = totalVram(gpus);
    if (gpus.empty() || total <= 0)
        return out;
    std::vector<std::pair<double, size_t>> remainders;
    int assigned = 0;
    for (size_t i = 0; i < gpus.size(); ++i) {
        const double exact = layers * gpus[i].vramGb / total;
        out[i] = static_cast<int>(std::floor(exact));
        assigned += out[i];
        remainders.emplace_back(exact - out[i], i);
    }
    std::stable_sort(remainders.begin(), remainders.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    for (size_t k = 0; assigned < layers && k < remainders.size(); ++k, ++assigned)
        ++out[remainders[k].second];
    return out;
}


// Bytes of one LLM in llama.cpp's layout, for a quantisation, KV cache type and context.
struct LlmBytes {
    double weights = 0;          // the whole model file's tensors
    double tokenEmbd = 0;        // input embedding: always in system RAM (llama.cpp keeps it on the CPU)
    double output = 0;           // output head on the GPU (a copy of the embedding when tied)
    double layerWeights = 0;     // all repeating layers (attention, dense FFN, shared and routed experts)
    double routedExperts = 0;    // the routed experts among them
    double kv = 0;               // whole KV cache
    double kvTokensFull = 0;     // cached tokens per full-attention layer (all sequences)
    double kvTokensWindow = 0;   // cached tokens per sliding-window layer
    double kvPerTokenLayer = 0;  // bytes per cached token and layer
    double decodeRead = 0;       // bytes read per decoded token when everything is on the GPU
    double mask = 0;             // per-card attention mask buffer
    double logits = 0;           // output logits buffer (card with the output layer)
    double microBatch = 0;
    double bitsNonExpert = 0;
    double bitsExpert = 0;
    double fileScale = 1.0;      // measured file size / computed size (user GGUF files)
};

LlmBytes llmBytes(const ModelSpec& model, const QuantSpec& quant, const KvCacheType& kvType, double context,
                  double batch)
{
    LlmBytes b;
    const double params = model.paramsB * 1e9;
    const double routed = std::min(model.routedExpertParams(), params);
    b.bitsExpert = quant.bitsPerWeight;
    b.bitsNonExpert = model.isMoe() ? quant.nonExpertBitsPerWeight.value_or(quant.bitsPerWeight) : quant.bitsPerWeight;
    const double embedParams = std::min(model.embeddingParams(), params - routed);
    double computed = (params - routed) * b.bitsNonExpert / 8.0 + routed * b.bitsExpert / 8.0;
    if (model.fileBytes && *model.fileBytes > 0 && computed > 0)
        b.fileScale = *model.fileBytes / computed;  // the file says exactly how large the tensors are
    computed *= b.fileScale;
    b.weights = computed;
    b.routedExperts = routed * b.bitsExpert / 8.0 * b.fileScale;
    b.tokenEmbd = embedParams * b.bitsNonExpert / 8.0 * b.fileScale;
    b.output = b.tokenEmbd;  // untied: its own tensor of the same shape; tied: a copy on the GPU
    const double untiedOutput = model.tiedEmbeddings ? 0.0 : b.output;
    b.layerWeights = std::max(0.0, b.weights - b.tokenEmbd - untiedOutput);

    const double kvElements = model.mlaKvRank > 0 ? static_cast<double>(model.mlaKvRank + model.mlaRopeDim)
                                                  : 2.0 * model.kvHeads * model.headDim;
    b.kvPerTokenLayer = kvElements * kvType.bytesPerElement;
    b.microBatch = std::min<double>(kMicroBatch, context * batch);
    b.kvTokensFull = context * batch;
    const int windowLayers = model.slidingWindow > 0 ? std::min(model.slidingLayers, model.layers) : 0;
    if (windowLayers > 0) {
        const double padded = std::ceil((model.slidingWindow * batch + b.microBatch) / kKvPad) * kKvPad;
        b.kvTokensWindow = std::min(b.kvTokensFull, padded);
    }
    b.kv = b.kvPerTokenLayer *
           ((model.layers - windowLayers) * b.kvTokensFull + windowLayers * b.kvTokensWindow);
    b.mask = b.microBatch * b.kvTokensFull * kMaskBytesPerElement;
    b.logits = b.microBatch * model.vocabSize * kLogitsBytesPerElement;

    const double activeExperts =
        model.isMoe() ? b.routedExperts * model.expertsPerToken / static_cast<double>(model.expertCount) : 0.0;
    b.decodeRead = (b.layerWeights - b.routedExperts) + activeExperts + b.output + b.kv;
    return b;
}

std::string kvText(const ModelSpec& model, const KvCacheType& kvType, const LlmBytes& b, const Workload& workload)
{
    std::string perToken = model.mlaKvRank > 0
                               ? fmt::format("{} compressed latent values (MLA: kv_lora_rank {} + rope {}; K and V are "
                                             "rebuilt from it)",
                                             model.mlaKvRank + model.mlaRopeDim, model.mlaKvRank, model.mlaRopeDim)
                               : fmt::format("2 (K and V) x {} KV heads x {} head dim", model.kvHeads, model.headDim);
    std::string layout;
    const int windowLayers = model.slidingWindow > 0 ? std::min(model.slidingLayers, model.layers) : 0;
    if (windowLayers > 0)
        layout = fmt::format("{} full-attention layers x {} tokens + {} sliding-window layers x {} tokens (window {} "
                             "+ one micro-batch)",
                             model.layers - windowLayers, b.kvTokensFull, windowLayers, b.kvTokensWindow,
                             model.slidingWindow);
    else
        layout = fmt::format("{} layers x {} tokens", model.layers, b.kvTokensFull);
    return fmt::format("KV cache: {} per token and layer x {} x {:g} bytes ({}){} = {}", perToken, layout,
                       kvType.bytesPerElement, kvType.id,
                       workload.batch > 1 ? fmt::format(", {} sequences", workload.batch) : std::string(),
                       gb(b.kv / kBytesPerGb));
}

// Usable RAM bandwidth for decode, GB/s, or nullopt when the build does not say.
std::optional<double> hostDecodeBandwidth(const HostForWorkload& host, std::string* note)
{
    const std::optional<double> peak = host.peakBandwidthGbs();
    if (!peak)
        return std::nullopt;
    double bw = *peak * kRamBandwidthEfficiency;
    std::string text = fmt::format("{} channel{} x {} MT/s x 8 bytes = {:.1f} GB/s peak, {:.0f}% reached = {:.1f} GB/s",
                                   *host.channels, *host.channels == 1 ? "" : "s", *host.mts, *peak,
                                   100 * kRamBandwidthEfficiency, bw);
    if (host.cpuCores && *host.cpuCores > 0) {
        const double cpu = *host.cpuCores * kCpuCoreDecodeGbs;
        if (cpu < bw) {
            bw = cpu;
            text += fmt::format(", limited by the CPU's {} cores to {:.0f} GB/s ({:g} GB/s per core)", *host.cpuCores,
                                cpu, kCpuCoreDecodeGbs);
        }
    }
    if (note)
        *note = text;
    return bw;
}

// Places a model that does not fit the VRAM the way llama.cpp would run it best, and estimates
// its speed with the build's system RAM: for MoE models the attention, shared weights and KV cache
// on the GPUs and the routed experts of the first N MoE layers in RAM (--n-cpu-moe N), else as many
// whole layers on the GPUs as fit (-ngl N) and the rest in RAM.
void planOffload(const ModelSpec& model, const QuantSpec& quant, const LlmBytes& b, const Workload& workload,
                 std::span<const GpuForWorkload> gpus, const HostForWorkload& host, WorkloadEstimate& est,
                 bool& usedFp32, double prefillFlopsPerToken, double layerOverhead)
{
    (void)quant;
    const std::string shortfall =
        est.fits ? std::string("fits in VRAM, but runs with the placement given") : est.reason;  // "needs X but ..."
    est.fits = false;
    const double layers = model.layers;
    double avail = -b.logits;  // the logits buffer sits on the card with the output layer
    for (const GpuForWorkload& g : gpus)
        avail += g.vramGb * kBytesPerGb - kDriverReserveGb * kBytesPerGb - b.mask;
    avail = std::max(avail, 0.0);

    double ramResident = 0;      // model bytes in system RAM (weights + KV of RAM layers)
    double ramWeights = 0;       // weights among them (moved over PCIe for prefill)
    double ramRead = 0;          // bytes read from RAM per token
    double gpuRead = 0;          // bytes read from VRAM per token
    int transfers = 1;           // GPU <-> CPU hand-offs per token
    double gpuResident = 0;
    bool placed = false;

    if (model.isMoe() && !workload.gpuLayers) {
        const double perLayerExperts = b.routedExperts / model.moeLayers;
        const double gpuFixed = (b.layerWeights - b.routedExperts) + b.output + b.kv;
        if (gpuFixed <= avail || workload.cpuMoeLayers) {
            const double over = gpuFixed + b.routedExperts - avail;
            int n = static_cast<int>(std::ceil(over / perLayerExperts - 1e-9));
            n = std::clamp(n, 1, model.moeLayers);
            if (workload.cpuMoeLayers)
                n = std::clamp(*workload.cpuMoeLayers, 0, model.moeLayers);
            const double readShare = static_cast<double>(model.expertsPerToken) / model.expertCount;
            ramWeights = n * perLayerExperts;
            ramResident = ramWeights;
            ramRead = ramWeights * readShare;
            gpuRead = b.decodeRead - ramRead;
            gpuResident = gpuFixed + (model.moeLayers - n) * perLayerExperts;
            transfers = n;
            est.cpuMoeLayers = n;
            est.gpuLayers = model.layers;
            est.llamaCppFlags = n == model.moeLayers ? "-ngl 99 --cpu-moe" : fmt::format("-ngl 99 --n-cpu-moe {}", n);
            est.placementText = fmt::format(
                "GPU: attention, shared weights and KV cache of all {} layers{}; system RAM: the experts of {} "
                "layer{} ({})",
                model.layers,
                n < model.moeLayers ? fmt::format(" plus the experts of {} layers", model.moeLayers - n) : std::string(),
                n, n == 1 ? "" : "s", gb(ramResident / kBytesPerGb));
            placed = true;
        }
    }
    if (!placed) {
        const double perLayer = (b.layerWeights + b.kv) / layers;
        const double perLayerRead = (b.decodeRead - b.output) / layers;
        // llama.cpp's -ngl N puts the last N repeating layers on the GPU; the output layer follows
        // only when N exceeds the layer count (llama-model.cpp load_tensors: i_gpu_start =
        // n_layer - N, and the output layer is "layer n_layer"). So with layers in RAM the output
        // head is in RAM too, and -ngl N means exactly N layers on the GPU.
        int onGpu = std::clamp(static_cast<int>(std::floor(std::max(avail, 0.0) / perLayer)), 0, model.layers - 1);
        if (workload.gpuLayers)
            onGpu = std::clamp(*workload.gpuLayers, 0, model.layers);
        const bool outputOnGpu = workload.gpuLayers && *workload.gpuLayers > model.layers;
        const int inRam = model.layers - onGpu;
        ramResident = inRam * perLayer + (outputOnGpu ? 0.0 : b.output);
        ramWeights = inRam * b.layerWeights / layers + (outputOnGpu ? 0.0 : b.output);
        ramRead = inRam * perLayerRead + (outputOnGpu ? 0.0 : b.output);
        gpuRead = onGpu * perLayerRead + (outputOnGpu ? b.output : 0.0);
        gpuResident = onGpu * perLayer + (outputOnGpu ? b.output : 0.0);
        est.gpuLayers = onGpu;
        est.llamaCppFlags = fmt::format("-ngl {}", onGpu + (outputOnGpu ? 1 : 0));
        est.placementText = fmt::format("GPU: {} of {} layers, system RAM: {} layer{} ({})", onGpu, model.layers, inRam,
                                        inRam == 1 ? "" : "s", gb(ramResident / kBytesPerGb));
    }

    est.ramResidentGb = ramResident / kBytesPerGb;
    est.ramGbNeeded = (ramResident + b.tokenEmbd) / kBytesPerGb;
    est.placement = "offload";
    if (workload.gpuLayers || workload.cpuMoeLayers) {
        est.assumptions.push_back("Placement as given (" + est.llamaCppFlags + "), not the best one mlrig would pick");
        if (gpuResident > avail) {
            est.placement = "none";
            est.reason = fmt::format("the given placement ({}) needs {} on the GPUs, {} more than they offer",
                                     est.llamaCppFlags, gb(gpuResident / kBytesPerGb),
                                     gb((gpuResident - avail) / kBytesPerGb));
            return;
        }
    }
    est.assumptions.push_back(fmt::format(
        "Offload: {} in VRAM (of {} usable after the driver reserve and compute buffers), {} in system RAM plus the "
        "input embedding; llama.cpp {}",
        gb(gpuResident / kBytesPerGb), gb(avail / kBytesPerGb), gb(ramResident / kBytesPerGb), est.llamaCppFlags));

    if (!host.ramGb) {
        est.reason = shortfall + "; with " + gb(*est.ramGbNeeded) +
                     " in system RAM it runs with offload, but checking that and its speed needs the build's memory";
        lower(est.confidence, Confidence::Low);
        return;
    }
    const double ramUsable = *host.ramGb - kOsReserveGb;
    if (*est.ramGbNeeded > ramUsable) {
        est.placement = "none";
        est.reason = fmt::format("needs {} of VRAM and {} of system RAM besides it; the build has {} GB of RAM, {} after "
                                 "{} for the system ({} short)",
                                 gb(gpuResident / kBytesPerGb + est.memory.overheadGb), gb(*est.ramGbNeeded),
                                 plainNumber(*host.ramGb), gb(ramUsable), gb(kOsReserveGb),
                                 gb(*est.ramGbNeeded - ramUsable));
        return;
    }
    est.assumptions.push_back(fmt::format("System RAM: {} GB installed, {} kept for the operating system", 
                                          plainNumber(*host.ramGb), gb(kOsReserveGb)));
    for (const std::string& note : host.notes)
        est.assumptions.push_back(note);

    std::string bwNote;
    const std::optional<double> ramBw = hostDecodeBandwidth(host, &bwNote);
    if (!ramBw) {
        est.reason = shortfall + "; runs with offload (" + est.placementText +
                     "), but its speed needs the build's memory speed and channel count";
        lower(est.confidence, Confidence::Low);
        return;
    }
    est.ramBandwidthGbs = *ramBw;
    est.placementText = fmt::format("{} at {:.0f} GB/s)", est.placementText.substr(0, est.placementText.size() - 1),
                                    *ramBw);

    // GPU share of the per-token bytes: spread over the cards in proportion to VRAM, one after another.
    double gpuTime = 0;
    bool gpuKnown = true;
    double tflopsSum = 0;
    bool tflopsKnown = true;
    const double vramSum = std::max(totalVram(gpus), 1e-9);
    for (const GpuForWorkload& g : gpus) {
        const std::optional<double> bw = effectiveBandwidth(g);
        if (!bw)
            gpuKnown = false;
        else
            gpuTime += gpuRead * (g.vramGb / vramSum) / (*bw * 1e9);
        if (const auto t = effectiveTflops(g, kPrefillTensorUtilisation, usedFp32))
            tflopsSum += *t;
        else
            tflopsKnown = false;
    }
    const bool nvlinkPair = gpus.size() == 2 && gpus[0].nvlink && gpus[1].nvlink;
    const double hops = std::max<double>(0, static_cast<double>(gpus.size()) - 1) * (nvlinkPair ? kHopNvlinkS : kHopPcieS) +
                        transfers * kHopPcieS;
    const double ramTime = ramRead / (*ramBw * 1e9);
    const double batch = workload.batch;
    if (gpuKnown) {
        const double step = gpuTime + ramTime + layerOverhead + hops;
        est.decodeTokensPerS = batch / step;
        est.figureValue = est.decodeTokensPerS;
    } else {
        est.reason = "no decode speed: a GPU's memory bandwidth is unknown";
        lower(est.confidence, Confidence::Low);
    }
    if (tflopsKnown && tflopsSum > 0) {
        const double micro = b.microBatch;
        const double perMicroBatch = micro * prefillFlopsPerToken / (tflopsSum * 1e12) + ramWeights / (kPcieGbs * 1e9);
        est.prefillTokensPerS = micro / perMicroBatch;
    }
    est.assumptions.push_back(fmt::format(
        "Decode with offload: {} per token from VRAM and {} from system RAM ({}), plus {:.2f} ms of per-layer work and "
        "{} GPU-CPU hand-off{} of {:.2f} ms",
        gb(gpuRead / kBytesPerGb), gb(ramRead / kBytesPerGb), bwNote, layerOverhead * 1e3, transfers,
        transfers == 1 ? "" : "s", kHopPcieS * 1e3));
    est.assumptions.push_back(fmt::format(
        "Prefill with offload: each {:g}-token micro-batch copies the {} of weights in RAM to the GPU over PCIe at "
        "~{:g} GB/s (PCIe 4.0 x16), then runs on the GPU",
        b.microBatch, gb(ramWeights / kBytesPerGb), kPcieGbs));
    est.reason = shortfall + "; runs with offload: " + est.placementText;
    lower(est.confidence, Confidence::Medium);
}

}  // namespace

WorkloadEstimate estimateInference(const Workload& workload, std::span<const GpuForWorkload> gpus,
                                   const HostForWorkload& host)
{
    bool custom = false;
    const ModelSpec model = resolveModel(workload, custom);
    const QuantSpec* quant = findQuantPreset(workload.quant);
    if (!quant)
        fail(fmt::format("unknown quantisation '{}' (known: {})", workload.quant, quantList()));
    const KvCacheType* kvType = findKvCacheType(workload.kvCache);
    if (!kvType)
        fail(fmt::format("unknown KV cache type '{}' (known: f16, q8_0, q4_0)", workload.kvCache));
    validateContextAndBatch(workload, true);

    WorkloadEstimate est;
    est.kind = std::string(workloadKindId(workload.kind));
    est.modelName = model.displayName;
    est.figureOfMerit = "decode tokens/s";
    est.confidence = Confidence::High;
    est.vramAvailableGb = totalVram(gpus);
    est.totalLayers = model.layers;

    const double context = workload.context;
    const double batch = workload.batch;
    const double layers = model.layers;
    const LlmBytes b = llmBytes(model, *quant, *kvType, context, batch);

    est.memory.weightsGb = (b.weights - b.tokenEmbd + (model.tiedEmbeddings ? b.output : 0.0)) / kBytesPerGb;
    est.memory.kvCacheGb = b.kv / kBytesPerGb;

    if (model.isMoe())
        est.assumptions.push_back(fmt::format(
            "Weights: {}B parameters, of which {:.1f}B in {} routed experts per layer x {} layers at {:g} bits ({}) and "
            "the rest at {:g} bits = {}; the input embedding ({}) stays in system RAM{}",
            model.paramsB, model.routedExpertParams() / 1e9, model.expertCount, model.moeLayers, b.bitsExpert,
            quant->id, b.bitsNonExpert, gb(b.weights / kBytesPerGb), gb(b.tokenEmbd / kBytesPerGb),
            model.tiedEmbeddings ? ", its tied copy serves as the output head on the GPU" : ""));
    else
        est.assumptions.push_back(fmt::format(
            "Weights: {}B parameters x {:g} bits ({}) / 8 = {}; the input embedding ({}) stays in system RAM{}",
            model.paramsB, quant->bitsPerWeight * b.fileScale, quant->id, gb(b.weights / kBytesPerGb),
            gb(b.tokenEmbd / kBytesPerGb),
            model.tiedEmbeddings ? ", its tied copy serves as the output head on the GPU" : ""));
    if (model.fileBytes)
        est.assumptions.push_back(fmt::format("Weight sizes scaled to the model file's exact size ({:.2f} GB)",
                                              *model.fileBytes / kBytesPerGb));
    est.assumptions.push_back(kvText(model, *kvType, b, workload));
    est.assumptions.push_back(fmt::format(
        "Per GPU: {} kept back for the driver context, plus llama.cpp's compute buffer with flash attention: a {} "
        "attention mask ({:g} tokens x {:g} cached x 2 bytes){}",
        gb(kDriverReserveGb), gb(b.mask / kBytesPerGb), b.microBatch, b.kvTokensFull,
        model.vocabSize > 0 ? fmt::format("; the card with the output layer also holds {} of logits ({:g} x {} x 4 "
                                          "bytes)",
                                          gb(b.logits / kBytesPerGb), b.microBatch, model.vocabSize)
                            : std::string()));
    est.assumptions.push_back(kUnitNote);
    if (!quant->llamaCpp) {
        est.assumptions.push_back(fmt::format("{}: {}", quant->id, quant->note));
        lower(est.confidence, Confidence::Medium);
    }
    if (kvType->id != "f16")
        est.assumptions.push_back(fmt::format("KV cache quantised to {} (llama.cpp -ctk {} -ctv {}; needs flash "
                                              "attention)",
                                              kvType->id, kvType->id, kvType->id));
    if (model.isMoe()) {
        est.assumptions.push_back(fmt::format("Mixture of experts: all {}B parameters are held in memory; {} of {} "
                                              "routed experts ({}B active parameters) are read per token",
                                              model.paramsB, model.expertsPerToken, model.expertCount,
                                              model.activeParamsB));
        lower(est.confidence, Confidence::Medium);
    }
    if (model.maxContext > 0 && workload.context > model.maxContext)
        est.assumptions.push_back(fmt::format("Context {} exceeds the model's trained maximum of {} tokens",
                                              workload.context, model.maxContext));
    if (custom) {
        est.assumptions.push_back(fmt::format("Custom model: {}", model.source));
        lower(est.confidence, Confidence::Low);
    }

    // --- 1. Everything on the GPUs: whole layers per GPU in proportion to VRAM (llama.cpp's layer
    // split); each card carries its layers' weights and KV cache, its reserve and mask; the last card
    // with layers holds the output head and the logits.
    const double gpuModelBytes = b.layerWeights + b.kv;
    const std::vector<int> split = splitLayers(model.layers, gpus);
    size_t lastCard = 0;
    for (size_t i = 0; i < split.size(); ++i) {
        if (split[i] > 0)
            lastCard = i;
    }
    double overheadBytes = 0;
    est.perGpuNeededGb.assign(gpus.size(), 0.0);
    for (size_t i = 0; i < gpus.size(); ++i) {
        double cardOverhead = kDriverReserveGb * kBytesPerGb;
        double cardBytes = split[i] / layers * gpuModelBytes;
        if (split[i] > 0)
            cardOverhead += b.mask;
        if (i == lastCard && split[i] > 0) {
            cardOverhead += b.logits;
            cardBytes += b.output;
        }
        overheadBytes += cardOverhead;
        est.perGpuNeededGb[i] = (cardBytes + cardOverhead) / kBytesPerGb;
    }
    if (std::all_of(split.begin(), split.end(), [](int n) { return n == 0; })) {
        overheadBytes = kDriverReserveGb * kBytesPerGb + b.mask + b.logits;
        if (!est.perGpuNeededGb.empty())
            est.perGpuNeededGb[0] = (gpuModelBytes + b.output + overheadBytes) / kBytesPerGb;
    }
    est.memory.overheadGb = overheadBytes / kBytesPerGb;
    est.vramNeededGb = est.memory.totalGb();
    if (gpus.size() > 1) {
        std::string layout;
        for (size_t i = 0; i < split.size(); ++i)
            layout += fmt::format("{}{}", i == 0 ? "" : " + ", split[i]);
        est.assumptions.push_back(fmt::format(
            "Layers split across the GPUs in proportion to VRAM (llama.cpp layer split): {} of {} layers", layout,
            model.layers));
    }
    checkPerCardFit(gpus, est);
    addVendorNotes(gpus, est);

    bool usedFp32 = false;
    const double attentionFlopsPerToken = 4.0 * layers * model.attentionHeads * model.headDim;  // x context
    const double prefillFlopsPerToken = 2.0 * model.activeParamsB * 1e9 + attentionFlopsPerToken * context / 2.0;
    const double layerOverhead =
        layers * kDecodeLayerOverheadS +
        (model.isMoe() ? model.moeLayers * kDecodeMoeLayerOverheadS * moeLayerOverheadFactor(gpus) : 0.0);

    const bool forced = workload.gpuLayers.has_value() || workload.cpuMoeLayers.has_value();
    if (forced && workload.cpuMoeLayers && !model.isMoe())
        fail(fmt::format("--n-cpu-moe needs a mixture-of-experts model; {} is dense", model.displayName));
    if (est.fits && !forced) {
        est.placement = "vram";
        est.gpuLayers = model.layers;
        est.llamaCppFlags = "-ngl 99";
        est.placementText = gpus.size() == 1 ? fmt::format("all {} layers on the GPU", model.layers)
                                             : fmt::format("all {} layers on the {} GPUs", model.layers, gpus.size());
        est.ramGbNeeded = b.tokenEmbd / kBytesPerGb;

        // Decode: per step every card reads its layers' share of the bytes read per token; at large
        // batch the matrix work can dominate instead. Cards run one after the other, with a hand-off.
        const double decodeFlopsPerStep = (2.0 * model.activeParamsB * 1e9 + attentionFlopsPerToken * context) * batch;
        double decodeTime = layerOverhead;
        double prefillTime = 0;
        bool decodeKnown = true;
        bool prefillKnown = true;
        int cardsUsed = 0;
        for (size_t i = 0; i < gpus.size(); ++i) {
            if (split[i] == 0)
                continue;
            ++cardsUsed;
            const double share = split[i] / layers;
            const std::optional<double> bandwidth = effectiveBandwidth(gpus[i]);
            const std::optional<double> tflops = effectiveTflops(gpus[i], kPrefillTensorUtilisation, usedFp32);
            if (!tflops)
                prefillKnown = false;
            else
                prefillTime += share * prefillFlopsPerToken / (*tflops * 1e12);
            if (!bandwidth) {
                decodeKnown = false;
                continue;
            }
            const double bytes = share * (b.decodeRead - b.output) + (i == lastCard ? b.output : 0.0);
            const double memoryTime = bytes / (*bandwidth * 1e9);
            const double computeTime = tflops ? share * decodeFlopsPerStep / (*tflops * 1e12) : 0.0;
            decodeTime += std::max(memoryTime, computeTime);
        }
        const bool nvlinkPair = gpus.size() == 2 && gpus[0].nvlink && gpus[1].nvlink;
        const double hop = nvlinkPair ? kHopNvlinkS : kHopPcieS;
        decodeTime += std::max(0, cardsUsed - 1) * hop;
        if (decodeKnown && decodeTime > 0)
            est.decodeTokensPerS = batch / decodeTime;
        if (prefillKnown && prefillTime > 0)
            est.prefillTokensPerS = 1.0 / prefillTime;
        est.figureValue = est.decodeTokensPerS;

        est.assumptions.push_back(fmt::format(
            "Decode: each step reads {} (the dense weights, {}the output head and the KV cache at {} tokens) at {:.0f}% "
            "of the memory bandwidth, plus {:.2f} ms of fixed per-layer work; fitted on llama-bench tg128 results{}",
            gb(b.decodeRead / kBytesPerGb), model.isMoe() ? "the active experts, " : "", workload.context,
            100 * kDecodeBandwidthEfficiency, layerOverhead * 1e3,
            workload.batch > 1 ? fmt::format("; tokens/s counts all {} sequences together", workload.batch)
                               : std::string()));
        if (cardsUsed > 1)
            est.assumptions.push_back(fmt::format(
                "Split layers run one card after another; each hand-off costs {:.2f} ms per token ({})", hop * 1e3,
                nvlinkPair ? "NVLink" : "PCIe"));
        est.assumptions.push_back(fmt::format(
            "Prefill: 2 x {}B active parameters plus attention FLOPs per prompt token, at {:.0f}% of the dense FP16 "
            "tensor peak",
            model.activeParamsB, 100 * kPrefillTensorUtilisation));
        if (!decodeKnown) {
            est.reason = "no decode speed: a GPU's memory bandwidth is unknown";
            lower(est.confidence, Confidence::Low);
        } else if (!prefillKnown) {
            est.reason = "no prefill speed: a GPU's compute throughput is unknown";
            lower(est.confidence, Confidence::Low);
        }
    } else {
        planOffload(model, *quant, b, workload, gpus, host, est, usedFp32, prefillFlopsPerToken, layerOverhead);
    }
    if (usedFp32) {
        est.assumptions.push_back(fmt::format(
            "A GPU without a known FP16 tensor figure is counted from its FP32 TFLOPS at {:.0f}% of that utilisation",
            100 * kFp32FallbackFactor));
        lower(est.confidence, Confidence::Low);
    }
    addPowerNote(gpus, est, true);
    return est;
}

}  // namespace mlrig::workloadmodel
