// Checks the training and image-generation speed estimates against published measurements:
// tests/data/training-measured.csv (Lambda's PyTorch BERT-large fine-tune on one and two NVIDIA cards;
// a LLaMA-Factory TinyLlama LoRA/QLoRA run on a Radeon RX 7900 XTX beside an RTX 3090 and 4090) and
// tests/data/image-generation-measured.csv (SD 1.5 and SDXL sampling speed, NVIDIA, AMD and Intel).
// Rows marked "excluded: <reason>" stay in the tables for the record but out of the error figures.
// Per kind the mean absolute percentage error must stay within 25% and the Spearman rank correlation
// of estimate against measurement must reach 0.9; both are printed.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <numeric>
#include <set>
#include <string>
#include <vector>

#include "tests/support/BuiltInCatalog.h"
#include "tests/support/Files.h"
#include "tests/support/MeasuredTable.h"
#include "core/catalog/Catalog.h"
#include "core/eval/ImageModelPresets.h"
#include "core/eval/ValueMetrics.h"
#include "core/eval/WorkloadModel.h"
#include "core/model/Build.h"
#include "core/util/Csv.h"

namespace mlrig {
namespace {

using testsupport::builtInCatalog;
using testsupport::readFile;

using Row = testsupport::MeasuredRow;

std::vector<Row> loadTable(const std::string& name)
{
    return testsupport::loadMeasuredTable(name);
}

std::vector<GpuForWorkload> gpusOf(const std::string& name, int count)
{
    const AnyPart* part = builtInCatalog().find(Category::Gpu, name);
    EXPECT_NE(part, nullptr) << name;
    std::vector<GpuForWorkload> gpus;
    if (part)
        appendGpusForWorkload(std::get<Gpu>(*part), count, std::nullopt, gpus);
    return gpus;
}

// BERT-large (google-bert/bert-large-uncased config.json: 24 layers, hidden 1024, 16 heads, 335M
// parameters). The SQuAD head reads no vocabulary logits, so the vocabulary is left out.
nlohmann::json bertLarge()
{
    return {{"name", "BERT-large"}, {"params_b", 0.335}, {"layers", 24},      {"hidden_size", 1024},
            {"attention_heads", 16}, {"kv_heads", 16},    {"head_dim", 64}, {"max_context", 512}};
}

// TinyLlama 1.1B (TinyLlama/TinyLlama-1.1B-Chat-v1.0: 1.1B parameters; its LlamaConfig as printed in the
// measured runs' logs: 22 layers, hidden 2048, 32 heads, 4 KV heads, vocabulary 32000, untied embeddings).
nlohmann::json tinyLlama()
{
    return {{"name", "TinyLlama 1.1B"}, {"params_b", 1.1},  {"layers", 22},       {"hidden_size", 2048},
            {"attention_heads", 32},    {"kv_heads", 4},    {"head_dim", 64},     {"max_context", 2048},
            {"vocab_size", 32000},      {"tied_embeddings", false}};
}

// The architecture of a training-measured.csv model id; an unknown id fails the test.
nlohmann::json trainingModel(const std::string& id)
{
    if (id == "bert-large")
        return bertLarge();
    if (id == "tinyllama-1.1b")
        return tinyLlama();
    ADD_FAILURE() << "training-measured.csv: unknown model \"" << id << "\"";
    return nullptr;
}

struct Point {
    std::string label;
    double measured = 0;
    double estimate = 0;
};

// Measured training tokens/s and the estimate for one row of training-measured.csv.
Point trainingPoint(const Row& r)
{
    const std::optional<FineTuneMethod> method = fineTuneMethodFromId(r["method"]);
    EXPECT_TRUE(method.has_value()) << "training-measured.csv: unknown method \"" << r["method"] << "\"";
    Workload w;
    w.kind = WorkloadKind::LlmFineTune;
    w.method = method.value_or(FineTuneMethod::Full);
    w.model = r["model"];
    w.customModel = trainingModel(r["model"]);
    w.context = std::stoi(r["context"]);
    w.batch = std::stoi(r["batch_per_gpu"]);
    const int count = std::stoi(r["gpu_count"]);
    const WorkloadEstimate e = estimateWorkload(w, gpusOf(r["gpu"], count));
    EXPECT_TRUE(e.fits) << e.reason;
    EXPECT_TRUE(e.trainTokensPerS.has_value()) << e.reason;
    return {std::to_string(count) + "x " + r["gpu"] + " " + r["model"] + " " + r["method"],
            std::stod(r["measured_sequences_per_s"]) * w.context,
            e.trainTokensPerS.value_or(0)};
}

// Measured sampling steps per second (image-steps/s for a batch) and the estimate's, recovered from
// its images per minute and the preset's steps plus text-encoding/VAE step-equivalents.
Point imagePoint(const Row& r)
{
    const ImageModelSpec* model = findImageModelPreset(r["model"]);
    EXPECT_NE(model, nullptr) << r["model"];
    Workload w;
    w.kind = WorkloadKind::ImageGeneration;
    w.model = r["model"];
    w.batch = std::stoi(r["batch"]);
    const WorkloadEstimate e = estimateWorkload(w, gpusOf(r["gpu"], 1));
    EXPECT_TRUE(e.fits) << r["gpu"] << ": " << e.reason;
    const double perImageSteps = model ? model->steps + model->extraStepEquivalents : 1;
    return {r["model"] + " " + r["gpu"], std::stod(r["measured_its"]),
            e.imagesPerMinute.value_or(0) / 60.0 * perImageSteps};
}

std::vector<double> ranks(const std::vector<double>& v)
{
    std::vector<size_t> order(v.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return v[a] < v[b]; });
    std::vector<double> r(v.size());
    for (size_t i = 0; i < order.size();) {
        size_t j = i;
        while (j + 1 < order.size() && v[order[j + 1]] == v[order[i]])
            ++j;
        for (size_t k = i; k <= j; ++k)
            r[order[k]] = (static_cast<double>(i) + static_cast<double>(j)) / 2.0;
        i = j + 1;
    }
    return r;
}

double spearman(const std::vector<Point>& points)
{
    std::vector<double> m, e;
    for (const Point& p : points) {
        m.push_back(p.measured);
        e.push_back(p.estimate);
    }
    const std::vector<double> rm = ranks(m), re = ranks(e);
    const double n = static_cast<double>(points.size());
    const double mean = (n - 1) / 2.0;
    double cov = 0, vm = 0, ve = 0;
    for (size_t i = 0; i < points.size(); ++i) {
        cov += (rm[i] - mean) * (re[i] - mean);
        vm += (rm[i] - mean) * (rm[i] - mean);
        ve += (re[i] - mean) * (re[i] - mean);
    }
    return cov / std::sqrt(vm * ve);
}

double mape(const std::vector<Point>& points, const char* kind)
{
    double sum = 0;
    for (const Point& p : points) {
        std::printf("  %-8s %-46s measured %9.2f  estimate %9.2f  %+5.0f%%\n", kind, p.label.c_str(), p.measured,
                    p.estimate, 100 * (p.estimate - p.measured) / p.measured);
        sum += std::abs(p.estimate - p.measured) / p.measured;
    }
    return points.empty() ? 1.0 : sum / static_cast<double>(points.size());
}

TEST(TrainingImageValidation, TablesAreSourcedAndCoverArchitecturesAndVendors)
{
    std::set<std::string> trainingArchs, trainingVendors, imageArchs, imageVendors, imageModels;
    int training = 0;
    for (const Row& r : loadTable("training-measured.csv")) {
        EXPECT_TRUE(r["source_url"].starts_with("https://"));
        EXPECT_FALSE(r["source_date"].empty());
        EXPECT_TRUE(r["use"] == "validate" || r["use"].starts_with("excluded: "));
        if (r["use"] != "validate")
            continue;
        ++training;
        if (const AnyPart* p = builtInCatalog().find(Category::Gpu, r["gpu"])) {
            trainingArchs.insert(std::get<Gpu>(*p).architecture);
            trainingVendors.insert(std::string(vendorId(std::get<Gpu>(*p).vendor)));
        }
    }
    int image = 0;
    for (const Row& r : loadTable("image-generation-measured.csv")) {
        EXPECT_TRUE(r["source_url"].starts_with("https://"));
        EXPECT_FALSE(r["source_date"].empty());
        EXPECT_TRUE(r["use"] == "validate" || r["use"].starts_with("excluded: "));
        if (r["use"] != "validate")
            continue;
        ++image;
        imageModels.insert(r["model"]);
        if (const AnyPart* p = builtInCatalog().find(Category::Gpu, r["gpu"])) {
            imageArchs.insert(std::get<Gpu>(*p).architecture);
            imageVendors.insert(std::string(vendorId(std::get<Gpu>(*p).vendor)));
        }
    }
    EXPECT_GE(training, 10);
    EXPECT_GE(trainingArchs.size(), 3u);
    EXPECT_GE(trainingVendors.size(), 2u);
    EXPECT_GE(image, 15);
    EXPECT_GE(imageArchs.size(), 3u);
    EXPECT_GE(imageVendors.size(), 2u);
    EXPECT_TRUE(imageModels.contains("sd-1.5") && imageModels.contains("sdxl"));
}

TEST(TrainingImageValidation, TrainingWithinTwentyFivePercentAndRankedRight)
{
    std::vector<Point> points;
    for (const Row& r : loadTable("training-measured.csv"))
        if (r["use"] == "validate")
            points.push_back(trainingPoint(r));
    const double error = mape(points, "training");
    const double rho = spearman(points);
    std::printf("training: MAPE %.1f%%, Spearman %.3f over %zu runs\n", 100 * error, rho, points.size());
    EXPECT_LE(error, 0.25);
    EXPECT_GE(rho, 0.9);
}

TEST(TrainingImageValidation, ImageWithinTwentyFivePercentAndRankedRight)
{
    std::vector<Point> points;
    std::vector<Point> sd15;
    for (const Row& r : loadTable("image-generation-measured.csv")) {
        if (r["use"] != "validate")
            continue;
        points.push_back(imagePoint(r));
        if (r["model"] == "sd-1.5")
            sd15.push_back(points.back());
    }
    const double error = mape(points, "image");
    const double rho = spearman(points);
    const double rhoSd15 = spearman(sd15);
    std::printf("image: MAPE %.1f%%, Spearman %.3f over %zu runs (SD 1.5 alone: %.3f over %zu)\n", 100 * error, rho,
                points.size(), rhoSd15, sd15.size());
    EXPECT_LE(error, 0.25);
    EXPECT_GE(rho, 0.9);
    EXPECT_GE(rhoSd15, 0.9);
}

}  // namespace
}  // namespace mlrig
