#pragma once

// The one result object every screen, report and CLI command reads. Produced by
// evaluate(build, catalog), a pure function cheap enough to rerun on every edit.

#include <optional>
#include <string>
#include <vector>

#include "core/catalog/Parts.h"

namespace mlrig {

enum class Severity { Error, Warning, Note };
std::string_view severityId(Severity severity);  // "error", "warning", "note"

struct Finding {
    std::string rule;  // stable rule id (docs/ARCHITECTURE.md) ("cpu-socket", ...)
    Severity severity = Severity::Note;
    std::string message;      // names the parts and the numbers
    std::vector<Category> parts;  // categories involved, for highlighting
    bool operator==(const Finding&) const = default;
};

// Why a rule matters, in mlrig's own words (for the findings panel, help and reports).
std::string_view ruleExplanation(std::string_view ruleId);

struct PowerLine {
    Category category = Category::Cpu;
    std::string label;       // part name
    int quantity = 1;
    double sustainedW = 0;   // for all units of the line
    double peakW = 0;        // transient peak for all units of the line
    bool estimated = false;  // a default was used because the part gave no figure
};

struct PowerSummary {
    double sustainedW = 0;
    double peakW = 0;  // sum of transient peaks (GPUs spike together under a synchronised load)
    double recommendedPsuW = 0;
    std::optional<double> psuW;
    std::optional<bool> psuAtx3;
    std::vector<PowerLine> lines;
    double yearlyEnergyCost = 0;  // at EvaluationOptions' hours per day and price per kWh, build currency
};

// Where a price comes from, in the order effectivePrice() (core/eval/EffectivePrice.h) prefers
// them: the person's own price, the GPU market price for the line's condition, the catalog's
// retail snapshot, the GPU model's launch MSRP.
enum class PriceSource { User, Market, Catalog, Msrp, Unknown };
std::string_view priceSourceId(PriceSource source);  // "user", "market", "catalog", "msrp", "unknown"

// Where a price comes from and how old it is.
struct PriceOrigin {
    PriceSource kind = PriceSource::Unknown;
    Condition condition = Condition::New;  // a market price's condition
    std::string source{};     // "GPU Poet", "PC Part Dataset (...)", "launch MSRP"; empty for your own price
    std::string sourceUrl{};  // a market price's page
    std::string month{};      // "2026-09" when the price was seen; empty for your own price and an MSRP
    std::string currency = "USD";  // of the amount: catalog and market prices are US dollars

    bool operator==(const PriceOrigin&) const = default;
};
// One line for a person: "used market, 2026-09, GPU Poet", "new market, 2026-03, Silicon Value
// Index", "retail snapshot 2025-07", "launch MSRP (no market price)", "your price", "no price".
std::string priceOriginLabel(const PriceOrigin& origin);

struct CostLine {
    Category category = Category::Cpu;
    std::string name;
    int quantity = 1;
    std::optional<double> unitPrice;  // in origin.currency
    PriceSource source = PriceSource::Unknown;  // == origin.kind
    double lineTotal = 0;  // 0 when the price is unknown
    PriceOrigin origin{};  // where the price comes from, its month and currency
};

struct CostSummary {
    double total = 0;  // over the lines priced in `currency`
    std::string currency = "USD";
    int missingPrices = 0;  // lines without any price
    // Lines priced in another currency (catalog dollars in a euro build): shown in their own
    // currency, never added to the total, never relabelled.
    int otherCurrencyLines = 0;
    std::vector<CostLine> lines;
};

struct MemoryBreakdown {
    double weightsGb = 0;
    double kvCacheGb = 0;
    double activationsGb = 0;  // training: activations; inference: 0
    double optimizerGb = 0;    // training: gradients + optimizer states
    double overheadGb = 0;     // runtime / CUDA context, per GPU summed
    double totalGb() const { return weightsGb + kvCacheGb + activationsGb + optimizerGb + overheadGb; }
};

enum class Confidence { High, Medium, Low };
std::string_view confidenceId(Confidence confidence);

struct WorkloadEstimate {
    std::string kind;        // workloadKindId
    std::string modelName;   // display name of the model
    bool fits = false;
    double vramNeededGb = 0;
    double vramAvailableGb = 0;
    MemoryBreakdown memory;
    std::vector<double> perGpuNeededGb;  // how the need is split across GPUs (layers per card)
    std::optional<double> decodeTokensPerS;   // LLM inference
    std::optional<double> prefillTokensPerS;  // LLM inference
    std::optional<double> trainTokensPerS;    // fine-tuning / training
    std::optional<double> imagesPerMinute;    // image generation
    std::string figureOfMerit;  // "decode tokens/s", "training tokens/s", "images/min", "FP16 TFLOPS"
    std::optional<double> figureValue;
    Confidence confidence = Confidence::Medium;
    std::vector<std::string> assumptions;
    std::string reason;  // why it does not fit / why no speed figure

    // LLM inference: where the model lives (the three-state verdict).
    //   "vram"    every layer on the GPUs (fits == true)
    //   "offload" runs with part of the weights in system RAM (llama.cpp -ngl N or --n-cpu-moe N)
    //   "none"    does not fit in VRAM and system RAM together (or no offload is possible)
    // Empty for other workload kinds.
    std::string placement;
    std::optional<int> gpuLayers;       // layers with their weights on the GPUs
    int totalLayers = 0;
    std::optional<int> cpuMoeLayers;    // MoE layers whose experts stay in RAM (--n-cpu-moe)
    std::optional<double> ramGbNeeded;  // system RAM the weights and cache in RAM need (without the OS)
    std::optional<double> ramResidentGb;      // model bytes read from RAM (weights + cache of RAM layers)
    std::optional<double> ramBandwidthGbs;    // effective RAM bandwidth the decode estimate used
    std::string llamaCppFlags;          // "-ngl 99", "-ngl 30", "-ngl 99 --n-cpu-moe 20"
    std::string placementText;          // "all 48 layers on the GPU" / "GPU: 30 of 48 layers, system RAM: ..."
    bool runs() const { return placement == "vram" || placement == "offload" || (placement.empty() && fits); }
};

struct GpuValue {
    std::string name;
    std::optional<double> price;
    PriceSource priceSource = PriceSource::Unknown;
    PriceOrigin priceOrigin{};
    std::optional<double> tflopsPerDollar;
    std::optional<double> bandwidthGbsPerDollar;
    std::optional<double> vramGbPerDollar;
    std::optional<double> tokensPerSPerDollar;
};

struct ValueSummary {
    std::vector<GpuValue> gpus;  // one per GPU line of the build
    // The build's GPUs together, per dollar spent on them (every GPU line priced).
    std::optional<double> gpusTflopsPerDollar;
    std::optional<double> gpusTokensPerSPerDollar;
    std::optional<double> gpusVramGbPerDollar;
    // The same figures per dollar of the whole build (every line priced): what the money buys.
    std::optional<double> wholeBuildTflopsPerDollar;
    std::optional<double> wholeBuildTokensPerSPerDollar;
    std::optional<double> wholeBuildVramGbPerDollar;
};

struct Evaluation {
    std::vector<Finding> findings;  // sorted: errors, warnings, notes
    PowerSummary power;
    CostSummary cost;
    std::optional<WorkloadEstimate> workload;
    ValueSummary value;

    bool hasErrors() const;
    int count(Severity severity) const;
};

}  // namespace mlrig
