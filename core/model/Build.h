#pragma once

// The build document (.mlrig, JSON, version 1; see docs/ARCHITECTURE.md): a value object. The UI keeps
// copies of it on its undo stack; evaluation takes it by const reference.

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "core/catalog/Parts.h"

namespace mlrig {

class Catalog;

struct BuildItem {
    Category category = Category::Cpu;
    std::string ref;                 // catalog id / name / GPU model; empty when custom
    std::optional<AnyPart> custom;   // inline part, its variant index == category
    int quantity = 1;
    std::optional<double> price;     // user's unit price in the build's currency
    Condition condition = Condition::New;
    std::optional<double> powerLimitW;  // GPUs only: per-GPU power limit
    nlohmann::json extra = nlohmann::json::object();  // unknown keys, kept for round trips

    bool operator==(const BuildItem&) const = default;
};

enum class WorkloadKind { LlmInference, LlmFineTune, ImageGeneration, Training, General };

enum class FineTuneMethod { Full, Lora, Qlora };

struct Workload {
    WorkloadKind kind = WorkloadKind::LlmInference;
    std::string model;     // preset id ("llama-3.1-70b") or a custom model name
    std::string quant = "q4_k_m";
    int context = 8192;
    int batch = 1;
    std::string kvCache = "f16";  // KV cache element type for LLM inference: f16, q8_0, q4_0
    // A llama.cpp placement to estimate instead of the best one (mlrig-cli fit --ngl / --n-cpu-moe):
    // layers on the GPUs (-ngl, without the output layer), or MoE layers whose experts stay in RAM.
    // Not stored in .mlrig files.
    std::optional<int> gpuLayers;
    std::optional<int> cpuMoeLayers;
    FineTuneMethod method = FineTuneMethod::Lora;  // for LlmFineTune
    nlohmann::json customModel;  // inline model architecture when `model` is not a preset (may be null)
    nlohmann::json extra = nlohmann::json::object();

    bool operator==(const Workload&) const = default;
};

struct Build {
    std::string name;
    std::string currency = "USD";
    std::vector<BuildItem> items;
    std::optional<Workload> workload;
    nlohmann::json extra = nlohmann::json::object();  // unknown top-level keys

    bool operator==(const Build&) const = default;
};

// The part a build item stands for: its inline custom part, else the catalog part its ref names;
// nullptr when the ref is unknown to the catalog. Every layer looks parts up through this.
const AnyPart* partOf(const BuildItem& item, const Catalog& catalog);

std::string_view workloadKindId(WorkloadKind kind);  // "llm-inference", "llm-finetune", "image-generation", "training", "general"
std::optional<WorkloadKind> workloadKindFromId(std::string_view id);
std::string_view fineTuneMethodId(FineTuneMethod method);  // "full", "lora", "qlora"
std::optional<FineTuneMethod> fineTuneMethodFromId(std::string_view id);
std::string_view conditionId(Condition condition);   // "new", "used"

}  // namespace mlrig
