// .mlrig version 1: round trips, custom parts of every category, and one clear message per bad input.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>

#include <unistd.h>

#include "core/io/BuildDocument.h"
#include "core/catalog/Catalog.h"
#include "tests/support/Files.h"

using namespace mlrig;

namespace {

const char* kFull = R"({
  "format": "mlrig-build", "version": 1, "name": "2x3090 LLM box", "currency": "USD",
  "parts": [
    {"category": "gpu", "ref": "GeForce RTX 3090", "quantity": 2, "price": 700, "condition": "used", "power_limit_w": 280,
     "seller": "forum", "notes": {"checked": true}},
    {"category": "case", "custom": {"name": "My case", "motherboard_form_factors": ["ATX"],
                                    "max_gpu_length_mm": 315, "max_cooler_height_mm": 170, "expansion_slots": 7}}
  ],
  "workload": {"kind": "llm-inference", "model": "llama-3.1-70b", "quant": "q4_k_m", "context": 8192, "batch": 1,
               "temperature": 0.7},
  "author": "me", "future_section": [1, 2, 3]
})";

std::string withPart(const std::string& part)
{
    return R"({"format": "mlrig-build", "version": 1, "name": "x", "parts": [)" + part + "]}";
}

std::string errorOf(const std::string& text, const Catalog* catalog = nullptr)
{
    try {
        parseBuild(text, catalog);
    } catch (const BuildFormatError& e) {
        return e.what();
    }
    return "(no error)";
}

std::filesystem::path tempPath(const std::string& name)
{
    return std::filesystem::temp_directory_path() /
           ("mlrig-builddoc-" + std::to_string(::getpid()) + "-" + name);
}

}  // namespace

TEST(BuildDocument, ParsesTheDesignExample)
{
    const Build b = parseBuild(kFull);
    EXPECT_EQ(b.name, "2x3090 LLM box");
    ASSERT_EQ(b.items.size(), 2u);
    const BuildItem& gpu = b.items[0];
    EXPECT_EQ(gpu.category, Category::Gpu);
    EXPECT_EQ(gpu.ref, "GeForce RTX 3090");
    EXPECT_EQ(gpu.quantity, 2);
    EXPECT_EQ(*gpu.price, 700);
    EXPECT_EQ(gpu.condition, Condition::Used);
    EXPECT_EQ(*gpu.powerLimitW, 280);
    EXPECT_EQ(gpu.extra.at("seller"), "forum");
    const Case& c = std::get<Case>(*b.items[1].custom);
    EXPECT_EQ(c.info.name, "My case");
    EXPECT_EQ(c.motherboardFormFactors, std::vector<std::string>{"ATX"});
    EXPECT_EQ(*c.maxGpuLengthMm, 315);
    EXPECT_EQ(*c.expansionSlots, 7);
    ASSERT_TRUE(b.workload.has_value());
    EXPECT_EQ(b.workload->kind, WorkloadKind::LlmInference);
    EXPECT_EQ(b.workload->model, "llama-3.1-70b");
    EXPECT_EQ(b.workload->extra.at("temperature"), 0.7);
    EXPECT_EQ(b.extra.at("author"), "me");
}

TEST(BuildDocument, RoundTripKeepsUnknownKeys)
{
    const Build b = parseBuild(kFull);
    const std::string text = serializeBuild(b);
    const Build again = parseBuild(text);
    EXPECT_EQ(again, b);
    EXPECT_NE(text.find("\"future_section\""), std::string::npos);
    EXPECT_NE(text.find("\"seller\": \"forum\""), std::string::npos);
    EXPECT_NE(text.find("\"temperature\""), std::string::npos);
    EXPECT_NE(text.find("\"price\": 700,"), std::string::npos) << text;  // no "700.0"
    EXPECT_EQ(text.find("\"format\""), text.find('"'));  // format first
}

TEST(BuildDocument, CustomPartsOfEveryCategoryRoundTrip)
{
    const std::string text = R"({"format": "mlrig-build", "version": 1, "name": "all custom", "currency": "EUR", "parts": [
      {"category": "cpu", "custom": {"name": "C", "socket": "AM5", "cores": 16, "tdp_w": 170, "memory_types": ["DDR5"], "pcie_lanes": 24}},
      {"category": "motherboard", "custom": {"name": "M", "socket": "AM5", "form_factor": "ATX", "memory_type": "DDR5",
        "memory_slots": 4, "max_memory_gb": 192, "pcie_x16_slots": 2, "x8x8_bifurcation": true, "m2_slots": 3}},
      {"category": "memory", "custom": {"name": "R", "memory_type": "DDR5", "modules": 2, "module_gb": 48}},
      {"category": "gpu", "custom": {"name": "G", "vendor": "nvidia", "class": "datacenter", "architecture": "Pascal",
        "vram_gb": 24, "memory_bandwidth_gbs": 346, "fp16_tensor_tflops": 0.18, "fp32_tflops": 11.76, "tdp_w": 250,
        "transient_peak_w": 300, "length_mm": 267, "slot_width": 2, "pcie_8pin": 1, "pcie_12vhpwr": 0, "nvlink": false,
        "cooling": "passive", "gpus_per_board": 2}, "power_limit_w": 200},
      {"category": "psu", "custom": {"name": "P", "wattage_w": 1200, "atx3": true, "pcie_8pin": 6, "pcie_12vhpwr": 1}},
      {"category": "case", "custom": {"name": "K", "motherboard_form_factors": ["ATX", "Micro ATX"], "max_gpu_length_mm": 400,
        "max_cooler_height_mm": 170, "expansion_slots": 8}},
      {"category": "cooler", "custom": {"name": "O", "height_mm": 158, "sockets": ["AM5", "LGA 1700"], "water_cooled": false,
        "tdp_rating_w": 250}},
      {"category": "storage", "custom": {"name": "S", "capacity_gb": 2000, "nvme": true}}
    ]})";
    const Build b = parseBuild(text);
    ASSERT_EQ(b.items.size(), 8u);
    for (size_t i = 0; i < b.items.size(); ++i) {
        ASSERT_TRUE(b.items[i].custom.has_value());
        EXPECT_EQ(categoryOf(*b.items[i].custom), b.items[i].category);
        EXPECT_EQ(static_cast<size_t>(b.items[i].category), i);
    }
    const Gpu& g = std::get<Gpu>(*b.items[3].custom);
    EXPECT_EQ(g.gpuClass, GpuClass::Datacenter);
    EXPECT_EQ(g.cooling, Cooling::Passive);
    EXPECT_EQ(g.gpusPerBoard, 2);
    EXPECT_DOUBLE_EQ(*g.fp16TensorTflops, 0.18);
    EXPECT_EQ(*g.nvlink, false);
    EXPECT_EQ(std::get<Motherboard>(*b.items[1].custom).x8x8Bifurcation, true);
    EXPECT_EQ(std::get<Cooler>(*b.items[6].custom).sockets.size(), 2u);
    const Build again = parseBuild(serializeBuild(b));
    EXPECT_EQ(again, b);
}

TEST(BuildDocument, EveryInvalidInputNamesThePlace)
{
    const std::vector<std::pair<std::string, std::string>> cases = {
        {withPart(R"({"category": "gpu", "ref": "X", "quantity": -2})"),
         "parts[0].quantity: expected a whole number from 1 to 16, got -2"},
        {withPart(R"({"category": "gpu", "ref": "X", "quantity": 17})"), "parts[0].quantity: expected a whole number"},
        {withPart(R"({"category": "gpu", "ref": "X", "quantity": 1.5})"), "parts[0].quantity"},
        {withPart(R"({"category": "gpu", "ref": "X", "quantity": "2"})"), "parts[0].quantity"},
        {withPart(R"({"category": "gpu", "ref": "X", "price": -1})"), "parts[0].price: the price -1 is negative"},
        {withPart(R"({"category": "gpu", "ref": "X", "price": "cheap"})"), "parts[0].price"},
        {withPart(R"({"category": "gpu", "ref": "X", "price": 1e400})"), "1e400"},
        {withPart(R"({"category": "gpu", "ref": "X", "condition": "refurbished"})"),
         "parts[0].condition: expected \"new\" or \"used\""},
        {withPart(R"({"category": "gpu", "ref": "X", "power_limit_w": 20})"),
         "parts[0].power_limit_w: expected a number from 50 to 1000, got 20"},
        {withPart(R"({"category": "cpu", "ref": "X", "power_limit_w": 100})"), "parts[0].power_limit_w: only a GPU"},
        {withPart(R"({"category": "ram", "ref": "X"})"), "parts[0].category: expected one of cpu, motherboard"},
        {withPart(R"({"ref": "X"})"), "parts[0].category: missing"},
        {withPart(R"({"category": "gpu"})"), "parts[0]: needs a \"ref\""},
        {withPart(R"({"category": "gpu", "ref": "X", "custom": {"name": "Y"}})"), "parts[0]: give either"},
        {withPart(R"({"category": "gpu", "ref": ""})"), "parts[0].ref: must name a catalog part"},
        {withPart(R"({"category": "gpu", "custom": {"vram_gb": 24}})"), "parts[0].custom.name: missing"},
        {withPart(R"({"category": "gpu", "custom": {"name": "G", "vram": 24}})"),
         "parts[0].custom.vram: not a field of a custom gpu"},
        {withPart(R"({"category": "gpu", "custom": {"name": "G", "vram_gb": -1}})"), "parts[0].custom.vram_gb"},
        {withPart(R"({"category": "gpu", "custom": {"name": "G", "cooling": "liquid nitrogen"}})"),
         "parts[0].custom.cooling: expected one of open, blower, passive"},
        {withPart(R"({"category": "gpu", "custom": {"name": "G", "nvlink": "yes"}})"),
         "parts[0].custom.nvlink: expected true or false"},
        {withPart(R"({"category": "case", "custom": {"name": "K", "motherboard_form_factors": "ATX"}})"),
         "parts[0].custom.motherboard_form_factors: expected a list of text"},
        {withPart(R"({"category": "cpu", "ref": "ok"}, 5)"), "parts[1]: expected an object"},
        {R"({"format": "mlrig-build", "version": 1, "parts": {}})", "parts: expected a list of parts"},
        {R"({"format": "mlrig-build", "version": 1, "name": 5})", "name: expected text, got 5"},
        {R"({"format": "mlrig-build", "version": 2})",
         "this file was written by a newer mlrig (format version 2); this version reads version 1"},
        {R"({"format": "mlrig-build", "version": 0})", "version: expected 1, got 0"},
        {R"({"format": "something-else", "version": 1})", "format: expected \"mlrig-build\""},
        {R"({"version": 1})", "format: missing"},
        {R"([1, 2])", "expected a JSON object at the top level"},
        {"", "the file is empty"},
        {"{\n  \"format\": \"mlrig-build\",\n    x\n}", "line 3 column 5: invalid JSON"},
        {R"({"format": "mlrig-build", "version": 1, "workload": {"model": "x"}})", "workload.kind: missing"},
        {R"({"format": "mlrig-build", "version": 1, "workload": {"kind": "chatting"}})",
         "workload.kind: expected one of llm-inference"},
        {R"({"format": "mlrig-build", "version": 1, "workload": {"kind": "llm-inference", "context": 0}})",
         "workload.context: expected a whole number"},
        {R"({"format": "mlrig-build", "version": 1, "workload": {"kind": "llm-inference", "batch": 100000}})",
         "workload.batch"},
        {R"({"format": "mlrig-build", "version": 1, "workload": {"kind": "llm-inference", "method": "lora"}})",
         "workload.method: only used with kind \"llm-finetune\""},
        {R"({"format": "mlrig-build", "version": 1, "workload": {"kind": "llm-finetune", "method": "dpo"}})",
         "workload.method: expected \"full\", \"lora\" or \"qlora\""},
        {R"({"format": "mlrig-build", "version": 1, "workload": {"kind": "llm-inference", "custom_model": 3}})",
         "workload.custom_model: expected an object"},
        {R"({"format": "mlrig-build", "version": 1, "workload": 5})", "workload: expected an object"},
        {std::string(200, '[') + std::string(200, ']'), "nested more than 64 levels deep"},
    };
    for (const auto& [text, expected] : cases) {
        const std::string message = errorOf(text);
        EXPECT_NE(message.find(expected), std::string::npos) << "input: " << text << "\nmessage: " << message;
        EXPECT_EQ(message.find('\n'), std::string::npos) << message;  // one line
    }
}

TEST(BuildDocument, RefsAreCheckedAgainstTheCatalog)
{
    GpuChip c;
    c.model = "GeForce RTX 3090";
    const Catalog catalog = Catalog::fromParts({}, {c});
    EXPECT_EQ(errorOf(withPart(R"({"category": "gpu", "ref": "RTX 9999"})"), &catalog),
              "parts[0].ref: no gpu named \"RTX 9999\" in the catalog");
    EXPECT_NO_THROW(parseBuild(withPart(R"({"category": "gpu", "ref": "geforce rtx 3090"})"), &catalog));
    EXPECT_NO_THROW(parseBuild(withPart(R"({"category": "gpu", "ref": "RTX 9999"})")));  // no catalog: not checked
}

TEST(BuildDocument, FineTuneMethodAndNullWorkload)
{
    const Build b = parseBuild(
        R"({"format": "mlrig-build", "version": 1, "workload": {"kind": "llm-finetune", "model": "llama-3.1-8b", "method": "qlora"}})");
    ASSERT_TRUE(b.workload);
    EXPECT_EQ(b.workload->method, FineTuneMethod::Qlora);
    EXPECT_EQ(parseBuild(serializeBuild(b)), b);
    EXPECT_FALSE(parseBuild(R"({"format": "mlrig-build", "version": 1, "workload": null})").workload.has_value());
    EXPECT_EQ(workloadKindId(WorkloadKind::ImageGeneration), "image-generation");
    EXPECT_EQ(workloadKindFromId("LLM-Finetune"), WorkloadKind::LlmFineTune);
    EXPECT_FALSE(workloadKindFromId("chat").has_value());
    EXPECT_EQ(conditionId(Condition::Used), "used");
}

TEST(BuildDocument, TruncatedAndGarbageInputNeverCrashes)
{
    const std::string full = kFull;
    for (size_t n = 0; n < full.size(); ++n) {
        try {
            parseBuild(full.substr(0, n));
        } catch (const BuildFormatError& e) {
            EXPECT_GT(std::string(e.what()).size(), 5u);
        }
    }
    std::mt19937 rng(42);
    for (int round = 0; round < 300; ++round) {
        std::string text = full;
        for (int k = 0; k < 4; ++k)
            text[rng() % text.size()] = static_cast<char>(rng() % 256);
        try {
            const Build b = parseBuild(text);
            (void)serializeBuild(b);
        } catch (const BuildFormatError&) {
        }
    }
}

TEST(BuildDocument, SaveIsAtomicAndLoadReportsProblems)
{
    const auto path = tempPath("save.mlrig");
    const Build b = parseBuild(kFull);
    saveBuildFile(b, path);
    EXPECT_EQ(loadBuildFile(path), b);
    for (const auto& entry : std::filesystem::directory_iterator(path.parent_path()))
        EXPECT_EQ(entry.path().filename().string().find(path.filename().string() + ".tmp"), std::string::npos);

    // A target that cannot be replaced (a non-empty directory): the old content stays, the error says why.
    const auto dir = tempPath("dir.mlrig");
    std::filesystem::create_directories(dir / "inside");
    EXPECT_THROW(saveBuildFile(b, dir), std::runtime_error);
    EXPECT_TRUE(std::filesystem::is_directory(dir / "inside"));
    // A folder that does not exist.
    try {
        saveBuildFile(b, tempPath("missing-dir") / "x.mlrig");
        FAIL() << "expected an error";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("cannot save"), std::string::npos);
    }
    std::filesystem::remove_all(dir);

    try {
        loadBuildFile(tempPath("does-not-exist.mlrig"));
        FAIL() << "expected an error";
    } catch (const BuildFormatError& e) {
        EXPECT_NE(std::string(e.what()).find("no such file"), std::string::npos);
    }
    EXPECT_THROW(loadBuildFile(std::filesystem::temp_directory_path()), BuildFormatError);
    std::ofstream(path) << "{\"format\": \"mlrig-build\", \"version\": 1, \"parts\": [";
    EXPECT_THROW(loadBuildFile(path), BuildFormatError);
    std::filesystem::remove(path);
}

TEST(BuildDocument, FailedSaveKeepsThePreviousFileByteForByte)
{
    const auto path = tempPath("keep.mlrig");
    const Build first = parseBuild(kFull);
    saveBuildFile(first, path);
    const std::string before = serializeBuild(first);
    Build second = first;
    second.name = "changed";
    second.name = std::string(4096, 'x');
    // A full disk, simulated with a file-size limit (it binds root too): the write fails part-way,
    // the save reports it and the file on disk is still the previous, complete build, with no
    // temporary file left behind.
    {
        const testsupport::FileSizeLimit full(64);
        try {
            saveBuildFile(second, path);
            ADD_FAILURE() << "expected an error";
        } catch (const std::runtime_error& e) {
            EXPECT_NE(std::string(e.what()).find(path.string()), std::string::npos) << e.what();
        }
    }
    std::ifstream in(path, std::ios::binary);
    const std::string after((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(after, before);
    EXPECT_EQ(loadBuildFile(path), first);
    for (const auto& entry : std::filesystem::directory_iterator(path.parent_path()))
        EXPECT_EQ(entry.path().filename().string().find(path.filename().string() + ".tmp-"), std::string::npos)
            << entry.path();
    std::filesystem::remove(path);
}

TEST(BuildDocument, SaveIntoAReadOnlyFolderFailsAndKeepsTheFile)
{
    if (::geteuid() == 0)
        GTEST_SKIP() << "running as root: permissions do not stop writes (the blocked-temporary test covers the failure)";
    const auto dir = tempPath("readonly");
    std::filesystem::create_directories(dir);
    const auto path = dir / "rig.mlrig";
    const Build first = parseBuild(kFull);
    saveBuildFile(first, path);
    std::filesystem::permissions(dir, std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
    Build second = first;
    second.name = "changed";
    EXPECT_THROW(saveBuildFile(second, path), std::runtime_error);
    std::filesystem::permissions(dir, std::filesystem::perms::owner_all);
    EXPECT_EQ(loadBuildFile(path), first);
    std::filesystem::remove_all(dir);
}
