// mlrig-cli fit --gpu NAME [--count N] --model ID [...]: the workload estimate of `evaluate` for a
// GPU-only build (plus, optionally, the system RAM an offloaded model may use).
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <iostream>

#include "app/cli/CliCommands.h"
#include "app/cli/CliContext.h"
#include "app/cli/WorkloadJson.h"
#include "core/eval/ValueMetrics.h"
#include "core/util/TextUtil.h"
#include "core/eval/WorkloadModel.h"

namespace mlrig::cli {
namespace {

struct FitOptions {
    std::string gpu;
    int count = 1;
    std::string model;
    std::string modelFile;
    std::string quant = "q4_k_m";
    std::string kvCache = "f16";
    int context = 8192;
    int batch = 1;
    std::optional<double> ramGb;
    std::optional<int> ramMts;
    std::optional<int> ramChannels;
    std::optional<int> cpuCores;
    std::optional<int> gpuLayers;
    std::optional<int> cpuMoeLayers;
    std::string format = "json";
};

}  // namespace

// Defined in CliContext.cpp: the custom model of a --model-file (GGUF or config.json).
nlohmann::json customModelFromFile(const std::string& path, CliContext& context);

void addFitCommand(CLI::App& app, CliContext& context)
{
    static FitOptions options;
    FitOptions* o = &options;
    CLI::App* fit = app.add_subcommand("fit", "Does a model fit on a GPU (and the RAM beside it), and how fast does it run");
    fit->add_option("--gpu", o->gpu, "GPU model name (as in `catalog show`), e.g. \"GeForce RTX 3090\"")->required();
    fit->add_option("--count", o->count, "Number of these GPUs (1 to 8)")->check(CLI::Range(1, 8));
    auto* modelOption = fit->add_option("--model", o->model, "Model id or alias (see `mlrig-cli models`)");
    auto* fileOption = fit->add_option("--model-file", o->modelFile,
                                       "A model of your own: a .gguf file (only its header is read) or a "
                                       "Hugging Face config.json");
    modelOption->excludes(fileOption);
    fit->add_option("--quant", o->quant, "Quantization (q4_k_m, q8_0, mxfp4, iq4_xs, ...)");
    fit->add_option("--kv-cache", o->kvCache, "KV cache type: f16, q8_0 or q4_0")
        ->check(CLI::IsMember({"f16", "q8_0", "q4_0"}, CLI::ignore_case));
    fit->add_option("--context", o->context, "Context length in tokens")->check(CLI::Range(1, 1048576));
    fit->add_option("--batch", o->batch, "Parallel sequences")->check(CLI::Range(1, 4096));
    fit->add_option("--ram-gb", o->ramGb, "System RAM in GB, for offload")->check(CLI::Range(1.0, 65536.0));
    fit->add_option("--ram-mts", o->ramMts, "Memory speed in MT/s (e.g. 6000 for DDR5-6000)")
        ->check(CLI::Range(100, 20000));
    fit->add_option("--ram-channels", o->ramChannels, "Populated memory channels (2 on desktops)")
        ->check(CLI::Range(1, 24));
    fit->add_option("--cpu-cores", o->cpuCores, "CPU cores (bounds the offload speed)")->check(CLI::Range(1, 1024));
    fit->add_option("--ngl", o->gpuLayers, "Estimate this llama.cpp -ngl instead of the best placement")
        ->check(CLI::Range(0, 100000));
    fit->add_option("--n-cpu-moe", o->cpuMoeLayers, "Estimate this llama.cpp --n-cpu-moe instead of the best placement")
        ->check(CLI::Range(0, 100000));
    fit->add_option("--format", o->format, "json (default) or text")->check(CLI::IsMember({"json", "text"}));
    fit->callback([&context, o] {
        if (o->model.empty() && o->modelFile.empty())
            throw InputError("fit: give --model ID or --model-file PATH");
        const AnyPart* part = context.gpuModels().find(Category::Gpu, o->gpu);
        if (!part)
            throw InputError(fmt::format("fit: no GPU named '{}' in the catalog (try `mlrig-cli catalog search`)",
                                         o->gpu));
        std::vector<GpuForWorkload> gpus;
        appendGpusForWorkload(std::get<Gpu>(*part), o->count, std::nullopt, gpus);

        Workload w;
        w.kind = WorkloadKind::LlmInference;
        w.quant = o->quant;
        w.kvCache = toLower(o->kvCache);
        w.context = o->context;
        w.batch = o->batch;
        w.gpuLayers = o->gpuLayers;
        w.cpuMoeLayers = o->cpuMoeLayers;
        if (!o->modelFile.empty()) {
            w.customModel = customModelFromFile(o->modelFile, context);
            w.model = w.customModel.value("name", std::string("Custom model"));
            if (w.customModel.contains("quant") && o->quant == "q4_k_m")
                w.quant = w.customModel.at("quant").get<std::string>();
            w.customModel.erase("quant");
        } else {
            w.model = o->model;
            if (!findModelPreset(o->model))
                context.resolveSavedModel(w);  // a model saved in the user database by its id
        }

        HostForWorkload host;
        host.ramGb = o->ramGb;
        host.mts = o->ramMts;
        host.channels = o->ramChannels;
        host.cpuCores = o->cpuCores;
        if (host.ramGb && host.mts && !host.channels) {
            host.channels = 2;
            host.notes.push_back("2 memory channels assumed (a desktop platform); give --ram-channels otherwise");
        }
        WorkloadEstimate estimate;
        try {
            estimate = estimateWorkload(w, gpus, host);
        } catch (const std::invalid_argument& e) {
            throw InputError(std::string("fit: ") + e.what());
        }
        if (o->format == "text")
            printWorkloadText(estimate, true);
        else
            std::cout << workloadJson(estimate).dump(2) << '\n';
    });
}

}  // namespace mlrig::cli
