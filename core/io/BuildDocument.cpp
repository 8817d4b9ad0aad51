#include "core/io/BuildDocument.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <limits>
#include <sstream>

#include "core/catalog/Catalog.h"
#include "core/util/TextUtil.h"
#include "core/io/CustomPartJson.h"
#include "core/io/DocumentJson.h"
#include "core/io/InputFile.h"

namespace mlrig {
namespace {

using namespace docjson;

constexpr int kMaxQuantity = kMaxItemQuantity;
constexpr int kMaxNesting = 64;


std::string categoryChoices()
{
    std::string out;
    for (Category c : kAllCategories)
        out += (out.empty() ? "" : ", ") + std::string(categoryId(c));
    return out;
}

BuildItem parseItem(const json& v, const std::string& place, const Catalog* catalog)
{
    if (!v.is_object())
        fail(place, "expected an object describing a part, got " + describe(v));
    BuildItem item;
    if (!v.contains("category"))
        fail(place + ".category", "missing (one of " + categoryChoices() + ")");
    const json& cat = v.at("category");
    const std::optional<Category> category = cat.is_string() ? categoryFromId(cat.get<std::string>()) : std::nullopt;
    if (!category)
        fail(place + ".category", "expected one of " + categoryChoices() + ", got " + describe(cat));
    item.category = *category;
    const bool hasRef = v.contains("ref");
    const bool hasCustom = v.contains("custom");
    if (hasRef && hasCustom)
        fail(place, "give either \"ref\" or \"custom\", not both");
    if (!hasRef && !hasCustom)
        fail(place, "needs a \"ref\" (a catalog part) or a \"custom\" object (the part's own fields)");

    for (const auto& [key, value] : v.items()) {
        const std::string where = place + "." + key;
        if (key == "category") {
            continue;
        } else if (key == "ref") {
            item.ref = std::string(trim(readString(value, where)));
            if (item.ref.empty())
                fail(where, "must name a catalog part");
            if (catalog && !catalog->find(item.category, item.ref))
                fail(where, "no " + std::string(categoryId(item.category)) + " named \"" + item.ref + "\" in the catalog");
        } else if (key == "custom") {
            item.custom = parseCustom(value, where, item.category);
        } else if (key == "quantity") {
            item.quantity = readInt(value, where, 1, kMaxQuantity);
        } else if (key == "price") {
            if (!value.is_number())
                fail(where, "expected a price of 0 or more, got " + describe(value));
            if (const auto problem = priceProblem(value.get<double>()))
                fail(where, "the price " + describe(value) + " " + *problem);
            item.price = value.get<double>();
        } else if (key == "condition") {
            const std::string c = value.is_string() ? toLower(trim(value.get<std::string>())) : std::string();
            if (c == "new")
                item.condition = Condition::New;
            else if (c == "used")
                item.condition = Condition::Used;
            else
                fail(where, "expected \"new\" or \"used\", got " + describe(value));
        } else if (key == "power_limit_w") {
            if (item.category != Category::Gpu)
                fail(where, "only a GPU takes a power limit");
            item.powerLimitW = readNumber(value, where, kMinPowerLimitW, kMaxPowerLimitW);
        } else {
            item.extra[key] = value;
        }
    }
    return item;
}

Workload parseWorkload(const json& v, const std::string& place)
{
    if (!v.is_object())
        fail(place, "expected an object such as {\"kind\": \"llm-inference\", \"model\": \"llama-3.1-8b\"}, got " +
                        describe(v));
    Workload w;
    if (!v.contains("kind"))
        fail(place + ".kind", "missing (llm-inference, llm-finetune, image-generation, training or general)");
    const json& kind = v.at("kind");
    const std::optional<WorkloadKind> k = kind.is_string() ? workloadKindFromId(kind.get<std::string>()) : std::nullopt;
    if (!k)
        fail(place + ".kind", "expected one of llm-inference, llm-finetune, image-generation, training, general, got " +
                                  describe(kind));
    w.kind = *k;
    for (const auto& [key, value] : v.items()) {
        const std::string where = place + "." + key;
        if (key == "kind") {
            continue;
        } else if (key == "model") {
            w.model = std::string(trim(readString(value, where)));
        } else if (key == "quant") {
            w.quant = std::string(trim(readString(value, where)));
            if (w.quant.empty())
                fail(where, "must not be empty");
        } else if (key == "context") {
            w.context = readInt(value, where, 1, 10'000'000);
        } else if (key == "batch") {
            w.batch = readInt(value, where, 1, 4096);
        } else if (key == "kv_cache") {
            w.kvCache = toLower(trim(readString(value, where)));
            if (w.kvCache != "f16" && w.kvCache != "q8_0" && w.kvCache != "q4_0")
                fail(where, "expected \"f16\", \"q8_0\" or \"q4_0\", got " + describe(value));
        } else if (key == "method") {
            if (w.kind != WorkloadKind::LlmFineTune)
                fail(where, "only used with kind \"llm-finetune\"");
            const auto method = value.is_string() ? fineTuneMethodFromId(value.get<std::string>()) : std::nullopt;
            if (!method)
                fail(where, "expected \"full\", \"lora\" or \"qlora\", got " + describe(value));
            w.method = *method;
        } else if (key == "custom_model") {
            if (!value.is_object() && !value.is_null())
                fail(where, "expected an object describing the model, got " + describe(value));
            w.customModel = value;
        } else {
            w.extra[key] = value;
        }
    }
    return w;
}

// Line and column (1-based) of a byte offset.
std::pair<size_t, size_t> lineColumn(std::string_view text, size_t offset)
{
    size_t line = 1;
    size_t column = 1;
    for (size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return {line, column};
}

std::string at(std::string_view text, size_t offset)
{
    const auto [line, column] = lineColumn(text, offset);
    return "line " + std::to_string(line) + " column " + std::to_string(column);
}

// Rejects absurd nesting before the parser sees it (keeps every later recursion shallow).
void checkNesting(std::string_view text)
{
    int depth = 0;
    bool inString = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            if (++depth > kMaxNesting)
                fail(at(text, i), "nested more than " + std::to_string(kMaxNesting) + " levels deep");
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
}

// nlohmann's reason without its "[json.exception...] parse error at line x, column y: " prefix.
std::string parseReason(const std::string& what)
{
    std::string reason = what;
    const size_t col = reason.find("column ");
    if (col != std::string::npos) {
        const size_t colon = reason.find(": ", col);
        if (colon != std::string::npos)
            reason = reason.substr(colon + 2);
    }
    const size_t lastRead = reason.find("; last read:");
    if (lastRead != std::string::npos)
        reason = reason.substr(0, lastRead);
    return "invalid JSON (" + reason + ")";
}

}  // namespace

Build parseBuild(std::string_view jsonText, const Catalog* catalog)
{
    if (jsonText.starts_with("\xEF\xBB\xBF"))
        jsonText.remove_prefix(3);
    if (trim(jsonText).empty())
        fail("", "the file is empty (expected an mlrig build, a JSON object)");
    checkNesting(jsonText);
    json root;
    try {
        root = json::parse(jsonText.begin(), jsonText.end());
    } catch (const json::parse_error& e) {
        const size_t offset = e.byte > 0 ? e.byte - 1 : 0;
        fail(at(jsonText, offset), parseReason(e.what()));
    } catch (const json::exception& e) {
        // e.g. a number too large for a double ("number overflow parsing '1e400'")
        std::string reason = e.what();
        if (const size_t bracket = reason.find("] "); bracket != std::string::npos)
            reason = reason.substr(bracket + 2);
        fail("", "invalid JSON (" + reason + ")");
    }
    if (!root.is_object())
        fail("", "expected a JSON object at the top level (an mlrig build), got " + describe(root));

    const auto format = root.find("format");
    if (format == root.end())
        fail("format", "missing; an mlrig build file has \"format\": \"mlrig-build\"");
    if (!format->is_string() || *format != "mlrig-build")
        fail("format", "expected \"mlrig-build\", got " + describe(*format));
    if (const auto version = root.find("version"); version != root.end()) {
        const std::optional<long long> n = wholeNumber(*version);
        if (!n || *n < 1)
            fail("version", "expected " + std::to_string(kBuildFormatVersion) + ", got " + describe(*version));
        if (*n > kBuildFormatVersion)
            fail("", "this file was written by a newer mlrig (format version " + std::to_string(*n) +
                         "); this version reads version " + std::to_string(kBuildFormatVersion));
    }

    Build build;
    for (const auto& [key, value] : root.items()) {
        if (key == "format" || key == "version") {
            continue;
        } else if (key == "name") {
            build.name = readString(value, key);
        } else if (key == "currency") {
            build.currency = std::string(trim(readString(value, key)));
            if (!isIsoCurrencyCode(build.currency))
                fail(key, "expected an ISO 4217 currency code such as \"USD\" or \"EUR\", got " + describe(value));
        } else if (key == "parts") {
            if (!value.is_array())
                fail(key, "expected a list of parts, got " + describe(value));
            if (value.size() > kMaxBuildItems)
                fail(key, "holds " + std::to_string(value.size()) + " part lines, more than the " +
                              std::to_string(kMaxBuildItems) + " a build may have");
            for (size_t i = 0; i < value.size(); ++i)
                build.items.push_back(parseItem(value[i], "parts[" + std::to_string(i) + "]", catalog));
        } else if (key == "workload") {
            if (!value.is_null())
                build.workload = parseWorkload(value, key);
        } else {
            build.extra[key] = value;
        }
    }
    return build;
}

Build loadBuildFile(const std::filesystem::path& path, const Catalog* catalog)
{
    std::string text;
    try {
        text = readInputFile(path, kMaxBuildFileBytes, "a build file");
    } catch (const InputFileError& e) {
        throw BuildFormatError(e.what());
    }
    return parseBuild(text, catalog);
}

std::string serializeBuild(const Build& build)
{
    ojson root = ojson::object();
    root["format"] = "mlrig-build";
    root["version"] = kBuildFormatVersion;
    root["name"] = build.name;
    root["currency"] = build.currency;
    ojson parts = ojson::array();
    for (const BuildItem& item : build.items) {
        ojson p = ojson::object();
        p["category"] = std::string(categoryId(item.category));
        if (item.custom)
            p["custom"] = writeCustom(*item.custom);
        else
            p["ref"] = item.ref;
        p["quantity"] = item.quantity;
        if (item.price)
            p["price"] = number(*item.price);
        p["condition"] = std::string(conditionId(item.condition));
        if (item.powerLimitW)
            p["power_limit_w"] = number(*item.powerLimitW);
        if (item.extra.is_object()) {
            for (const auto& [key, value] : item.extra.items()) {
                if (!p.contains(key))
                    p[key] = ojson(value);
            }
        }
        parts.push_back(std::move(p));
    }
    root["parts"] = std::move(parts);
    if (build.workload) {
        const Workload& w = *build.workload;
        ojson o = ojson::object();
        o["kind"] = std::string(workloadKindId(w.kind));
        o["model"] = w.model;
        o["quant"] = w.quant;
        o["context"] = w.context;
        o["batch"] = w.batch;
        if (w.kvCache != "f16")
            o["kv_cache"] = w.kvCache;
        if (w.kind == WorkloadKind::LlmFineTune)
            o["method"] = std::string(fineTuneMethodId(w.method));
        if (!w.customModel.is_null())
            o["custom_model"] = ojson(w.customModel);
        if (w.extra.is_object()) {
            for (const auto& [key, value] : w.extra.items()) {
                if (!o.contains(key))
                    o[key] = ojson(value);
            }
        }
        root["workload"] = std::move(o);
    }
    if (build.extra.is_object()) {
        for (const auto& [key, value] : build.extra.items()) {
            if (!root.contains(key))
                root[key] = ojson(value);
        }
    }
    return root.dump(2) + "\n";
}

std::string serializeCustomPart(const AnyPart& part)
{
    return writeCustom(part).dump();
}

AnyPart parseCustomPart(Category category, std::string_view jsonText)
{
    const json value = json::parse(jsonText.begin(), jsonText.end(), nullptr, false);
    if (value.is_discarded())
        throw BuildFormatError("custom part: not valid JSON");
    return parseCustom(value, "custom", category);
}

void checkBuildDocumentSize(std::string_view document)
{
    if (document.size() <= kMaxBuildFileBytes)
        return;
    throw BuildFormatError("the build would take " + describeMegabytes(document.size()) + ", more than the " +
                           describeMegabytes(kMaxBuildFileBytes) +
                           " a build file may hold, so mlrig could not open it again; use fewer part lines or "
                           "shorter custom part names");
}

void saveBuildFile(const Build& build, const std::filesystem::path& path, const SaveOptions& options)
{
    const std::string document = serializeBuild(build);
    try {
        checkBuildDocumentSize(document);
    } catch (const BuildFormatError& e) {
        throw std::runtime_error("cannot save " + path.string() + ": " + e.what());
    }
    writeFileSafely(document, path, options);
}

}  // namespace mlrig