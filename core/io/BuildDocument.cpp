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

namespace mlrig {
namespace {

using json = nlohmann::json;
using ojson = nlohmann::ordered_json;

constexpr int kMaxQuantity = kMaxItemQuantity;
constexpr int kMaxNesting = 64;
constexpr std::uintmax_t kMaxFileBytes = 8u * 1024u * 1024u;

[[noreturn]] void fail(const std::string& place, const std::string& what)
{
    throw BuildFormatError(place.empty() ? what : place + ": " + what);
}

// A short rendering of a JSON value for error messages.
std::string describe(const json& v)
{
    switch (v.type()) {
    case json::value_t::null: return "null";
    case json::value_t::object: return "an object";
    case json::value_t::array: return "a list";
    case json::value_t::boolean: return v.get<bool>() ? "true" : "false";
    default: break;
    }
    std::string text = v.dump();
    if (text.size() > 40)
        text = text.substr(0, 37) + "...";
    return text;
}

std::string fmtBound(double value)
{
    std::ostringstream out;
    out << value;
    return out.str();
}

std::optional<long long> wholeNumber(const json& v)
{
    if (v.is_number_integer()) {
        if (v.is_number_unsigned()) {
            const auto u = v.get<unsigned long long>();
            if (u > static_cast<unsigned long long>(std::numeric_limits<long long>::max()))
                return std::nullopt;
            return static_cast<long long>(u);
        }
        return v.get<long long>();
    }
    if (v.is_number_float()) {
        const double d = v.get<double>();
        if (std::isfinite(d) && std::floor(d) == d && std::fabs(d) < 9e15)
            return static_cast<long long>(d);
    }
    return std::nullopt;
}

int readInt(const json& v, const std::string& place, long long lo, long long hi)
{
    const std::optional<long long> n = wholeNumber(v);
    if (!n || *n < lo || *n > hi)
        fail(place, "expected a whole number from " + std::to_string(lo) + " to " + std::to_string(hi) + ", got " +
                        describe(v));
    return static_cast<int>(*n);
}

double readNumber(const json& v, const std::string& place, double lo, double hi)
{
    if (!v.is_number() || !std::isfinite(v.get<double>()) || v.get<double>() < lo || v.get<double>() > hi)
        fail(place, "expected a number from " + fmtBound(lo) + " to " + fmtBound(hi) + ", got " + describe(v));
    return v.get<double>();
}

std::string readString(const json& v, const std::string& place)
{
    if (!v.is_string())
        fail(place, "expected text, got " + describe(v));
    return v.get<std::string>();
}

bool readBool(const json& v, const std::string& place)
{
    if (!v.is_boolean())
        fail(place, "expected true or false, got " + describe(v));
    return v.get<bool>();
}

std::vector<std::string> readStringList(const json& v, const std::string& place)
{
    if (!v.is_array())
        fail(place, "expected a list of text, got " + describe(v));
    std::vector<std::string> out;
    for (size_t i = 0; i < v.size(); ++i)
        out.push_back(readString(v[i], place + "[" + std::to_string(i) + "]"));
    return out;
}

// Integral values are written without a fraction (700, not 700.0).
ojson number(double value)
{
    if (std::floor(value) == value && std::fabs(value) < 9e15)
        return static_cast<long long>(value);
    return value;
}

// ---- custom part fields -------------------------------------------------------------------

template <typename T>
struct Field {
    std::string_view key;
    std::function<void(T&, const json&, const std::string&)> read;
    std::function<void(const T&, ojson&)> write;
};

template <typename T>
Field<T> num(std::string_view key, std::optional<double> T::*member, double lo, double hi)
{
    return {key, [=](T& p, const json& v, const std::string& place) { p.*member = readNumber(v, place, lo, hi); },
            [=](const T& p, ojson& o) {
                if (p.*member)
                    o[std::string(key)] = number(*(p.*member));
            }};
}

template <typename T>
Field<T> integer(std::string_view key, std::optional<int> T::*member, int lo, int hi)
{
    return {key, [=](T& p, const json& v, const std::string& place) { p.*member = readInt(v, place, lo, hi); },
            [=](const T& p, ojson& o) {
                if (p.*member)
                    o[std::string(key)] = *(p.*member);
            }};
}

template <typename T>
Field<T> flag(std::string_view key, std::optional<bool> T::*member)
{
    return {key, [=](T& p, const json& v, const std::string& place) { p.*member = readBool(v, place); },
            [=](const T& p, ojson& o) {
                if (p.*member)
                    o[std::string(key)] = *(p.*member);
            }};
}

template <typename T>
Field<T> text(std::string_view key, std::string T::*member)
{
    return {key, [=](T& p, const json& v, const std::string& place) { p.*member = readString(v, place); },
            [=](const T& p, ojson& o) {
                if (!(p.*member).empty())
                    o[std::string(key)] = p.*member;
            }};
}

template <typename T>
Field<T> list(std::string_view key, std::vector<std::string> T::*member)
{
    return {key, [=](T& p, const json& v, const std::string& place) { p.*member = readStringList(v, place); },
            [=](const T& p, ojson& o) {
                if (!(p.*member).empty())
                    o[std::string(key)] = p.*member;
            }};
}

// An enum spelled as one of a fixed set of ids.
template <typename T, typename E>
Field<T> choice(std::string_view key, E T::*member, std::vector<E> values, std::string_view (*toId)(E))
{
    return {key,
            [=](T& p, const json& v, const std::string& place) {
                std::string allowed;
                if (v.is_string()) {
                    const std::string given = toLower(trim(v.get<std::string>()));
                    for (E e : values) {
                        if (given == toId(e)) {
                            p.*member = e;
                            return;
                        }
                    }
                }
                for (E e : values)
                    allowed += (allowed.empty() ? "" : ", ") + std::string(toId(e));
                fail(place, "expected one of " + allowed + ", got " + describe(v));
            },
            [=](const T& p, ojson& o) {
                if (!toId(p.*member).empty())
                    o[std::string(key)] = std::string(toId(p.*member));
            }};
}

const std::vector<Field<Gpu>>& gpuFields()
{
    static const std::vector<Field<Gpu>> fields = {
        choice<Gpu, Vendor>("vendor", &Gpu::vendor, {Vendor::Nvidia, Vendor::Amd, Vendor::Intel}, vendorId),
        choice<Gpu, GpuClass>("class", &Gpu::gpuClass, {GpuClass::Consumer, GpuClass::Workstation, GpuClass::Datacenter},
                              gpuClassId),
        text<Gpu>("architecture", &Gpu::architecture),
        num<Gpu>("vram_gb", &Gpu::vramGb, 0, 4096),
        num<Gpu>("memory_bandwidth_gbs", &Gpu::memoryBandwidthGbs, 0, 100000),
        num<Gpu>("fp16_tensor_tflops", &Gpu::fp16TensorTflops, 0, 100000),
        num<Gpu>("fp32_tflops", &Gpu::fp32Tflops, 0, 100000),
        num<Gpu>("tdp_w", &Gpu::tdpW, 1, 5000),
        num<Gpu>("transient_peak_w", &Gpu::transientPeakW, 1, 10000),
        num<Gpu>("length_mm", &Gpu::lengthMm, 1, 1000),
        num<Gpu>("slot_width", &Gpu::slotWidth, 1, 8),
        integer<Gpu>("pcie_8pin", &Gpu::pcie8pin, 0, 8),
        integer<Gpu>("pcie_12vhpwr", &Gpu::pcie12vhpwr, 0, 4),
        flag<Gpu>("nvlink", &Gpu::nvlink),
        choice<Gpu, Cooling>("cooling", &Gpu::cooling, {Cooling::Open, Cooling::Blower, Cooling::Passive, Cooling::Water},
                             coolingId),
        {"gpus_per_board",
         [](Gpu& p, const json& v, const std::string& place) { p.gpusPerBoard = readInt(v, place, 1, 8); },
         [](const Gpu& p, ojson& o) {
             if (p.gpusPerBoard != 1)
                 o["gpus_per_board"] = p.gpusPerBoard;
         }},
    };
    return fields;
}

const std::vector<Field<Cpu>>& cpuFields()
{
    static const std::vector<Field<Cpu>> fields = {
        text<Cpu>("socket", &Cpu::socket),
        integer<Cpu>("cores", &Cpu::cores, 1, 1024),
        num<Cpu>("tdp_w", &Cpu::tdpW, 1, 2000),
        list<Cpu>("memory_types", &Cpu::memoryTypes),
        integer<Cpu>("pcie_lanes", &Cpu::pcieLanes, 0, 512),
    };
    return fields;
}

const std::vector<Field<Motherboard>>& motherboardFields()
{
    static const std::vector<Field<Motherboard>> fields = {
        text<Motherboard>("socket", &Motherboard::socket),
        text<Motherboard>("form_factor", &Motherboard::formFactor),
        text<Motherboard>("memory_type", &Motherboard::memoryType),
        integer<Motherboard>("memory_slots", &Motherboard::memorySlots, 0, 64),
        integer<Motherboard>("max_memory_gb", &Motherboard::maxMemoryGb, 0, 65536),
        integer<Motherboard>("pcie_x16_slots", &Motherboard::pcieX16Slots, 0, 16),
        flag<Motherboard>("x8x8_bifurcation", &Motherboard::x8x8Bifurcation),
        integer<Motherboard>("m2_slots", &Motherboard::m2Slots, 0, 16),
    };
    return fields;
}

const std::vector<Field<Memory>>& memoryFields()
{
    static const std::vector<Field<Memory>> fields = {
        text<Memory>("memory_type", &Memory::memoryType),
        integer<Memory>("modules", &Memory::modules, 1, 64),
        integer<Memory>("module_gb", &Memory::moduleGb, 1, 4096),
    };
    return fields;
}

const std::vector<Field<Psu>>& psuFields()
{
    static const std::vector<Field<Psu>> fields = {
        num<Psu>("wattage_w", &Psu::wattageW, 1, 10000),
        flag<Psu>("atx3", &Psu::atx3),
        integer<Psu>("pcie_8pin", &Psu::pcie8pin, 0, 32),
        integer<Psu>("pcie_12vhpwr", &Psu::pcie12vhpwr, 0, 16),
    };
    return fields;
}

const std::vector<Field<Case>>& caseFields()
{
    static const std::vector<Field<Case>> fields = {
        list<Case>("motherboard_form_factors", &Case::motherboardFormFactors),
        num<Case>("max_gpu_length_mm", &Case::maxGpuLengthMm, 1, 2000),
        num<Case>("max_cooler_height_mm", &Case::maxCoolerHeightMm, 1, 1000),
        integer<Case>("expansion_slots", &Case::expansionSlots, 0, 32),
    };
    return fields;
}

const std::vector<Field<Cooler>>& coolerFields()
{
    static const std::vector<Field<Cooler>> fields = {
        num<Cooler>("height_mm", &Cooler::heightMm, 1, 1000),
        list<Cooler>("sockets", &Cooler::sockets),
        flag<Cooler>("water_cooled", &Cooler::waterCooled),
        num<Cooler>("tdp_rating_w", &Cooler::tdpRatingW, 1, 5000),
    };
    return fields;
}

const std::vector<Field<Storage>>& storageFields()
{
    static const std::vector<Field<Storage>> fields = {
        num<Storage>("capacity_gb", &Storage::capacityGb, 0, 10000000),
        flag<Storage>("nvme", &Storage::nvme),
    };
    return fields;
}

template <typename T>
const std::vector<Field<T>>& fieldsOf()
{
    if constexpr (std::is_same_v<T, Gpu>) return gpuFields();
    else if constexpr (std::is_same_v<T, Cpu>) return cpuFields();
    else if constexpr (std::is_same_v<T, Motherboard>) return motherboardFields();
    else if constexpr (std::is_same_v<T, Memory>) return memoryFields();
    else if constexpr (std::is_same_v<T, Psu>) return psuFields();
    else if constexpr (std::is_same_v<T, Case>) return caseFields();
    else if constexpr (std::is_same_v<T, Cooler>) return coolerFields();
    else return storageFields();
}

template <typename T>
AnyPart parseCustomAs(const json& obj, const std::string& place, Category category)
{
    T part;
    const auto& fields = fieldsOf<T>();
    if (!obj.contains("name"))
        fail(place + ".name", "missing; a custom part needs a name");
    for (const auto& [key, value] : obj.items()) {
        const std::string where = place + "." + key;
        if (key == "name") {
            part.info.name = std::string(trim(readString(value, where)));
            if (part.info.name.empty())
                fail(where, "must not be empty");
            continue;
        }
        if (key == "manufacturer") {
            part.info.manufacturer = readString(value, where);
            continue;
        }
        // Init-capture: clang before 16 cannot capture a structured binding (the fuzz preset uses clang).
        const auto it = std::find_if(fields.begin(), fields.end(),
                                     [&wanted = key](const Field<T>& f) { return f.key == wanted; });
        if (it == fields.end()) {
            std::string known = "name, manufacturer";
            for (const Field<T>& f : fields)
                known += ", " + std::string(f.key);
            fail(where, "not a field of a custom " + std::string(categoryId(category)) + " (known fields: " + known + ")");
        }
        it->read(part, value, where);
    }
    return part;
}

AnyPart parseCustom(const json& obj, const std::string& place, Category category)
{
    if (!obj.is_object())
        fail(place, "expected an object with the part's fields, got " + describe(obj));
    switch (category) {
    case Category::Cpu: return parseCustomAs<Cpu>(obj, place, category);
    case Category::Motherboard: return parseCustomAs<Motherboard>(obj, place, category);
    case Category::Memory: return parseCustomAs<Memory>(obj, place, category);
    case Category::Gpu: return parseCustomAs<Gpu>(obj, place, category);
    case Category::Psu: return parseCustomAs<Psu>(obj, place, category);
    case Category::Case: return parseCustomAs<Case>(obj, place, category);
    case Category::Cooler: return parseCustomAs<Cooler>(obj, place, category);
    case Category::Storage: return parseCustomAs<Storage>(obj, place, category);
    }
    fail(place, "unknown category");
}

ojson writeCustom(const AnyPart& part)
{
    ojson o = ojson::object();
    std::visit(
        [&o](const auto& p) {
            using T = std::decay_t<decltype(p)>;
            o["name"] = p.info.name;
            if (!p.info.manufacturer.empty())
                o["manufacturer"] = p.info.manufacturer;
            for (const Field<T>& f : fieldsOf<T>())
                f.write(p, o);
        },
        part);
    return o;
}

// ---- items, workload, document --------------------------------------------------------------

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
            if (!value.is_number() || !std::isfinite(value.get<double>()) || value.get<double>() < 0)
                fail(where, "expected a price of 0 or more, got " + describe(value));
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
            item.powerLimitW = readNumber(value, where, 50, 1000);
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
            const std::string m = value.is_string() ? toLower(trim(value.get<std::string>())) : std::string();
            if (m == "full")
                w.method = FineTuneMethod::Full;
            else if (m == "lora")
                w.method = FineTuneMethod::Lora;
            else if (m == "qlora")
                w.method = FineTuneMethod::Qlora;
            else
                fail(where, "expected \"full\", \"lora\" or \"qlora\", got " + describe(value));
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

std::string_view methodId(FineTuneMethod m)
{
    switch (m) {
    case FineTuneMethod::Full: return "full";
    case FineTuneMethod::Lora: return "lora";
    case FineTuneMethod::Qlora: return "qlora";
    }
    return "lora";
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
            if (build.currency.empty() || build.currency.size() > 8)
                fail(key, "expected a currency code such as \"USD\", got " + describe(value));
        } else if (key == "parts") {
            if (!value.is_array())
                fail(key, "expected a list of parts, got " + describe(value));
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
    std::error_code error;
    const auto status = std::filesystem::status(path, error);
    if (!std::filesystem::exists(status))
        throw BuildFormatError("cannot be read: no such file");
    if (std::filesystem::is_directory(status))
        throw BuildFormatError("is a directory, not a build file");
    const std::uintmax_t size = std::filesystem::file_size(path, error);
    if (!error && size > kMaxFileBytes)
        throw BuildFormatError("is too large for a build file (" + std::to_string(size) + " bytes)");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw BuildFormatError(std::string("cannot be read: ") + std::strerror(errno));
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad())
        throw BuildFormatError("cannot be read: I/O error");
    return parseBuild(text.str(), catalog);
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
            o["method"] = std::string(methodId(w.method));
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

void saveBuildFile(const Build& build, const std::filesystem::path& path)
{
    const std::string text = serializeBuild(build);
    const std::filesystem::path temp = path.string() + ".tmp-" + std::to_string(::getpid());
    const auto failWith = [&](const std::string& reason) {
        std::error_code ignored;
        std::filesystem::remove(temp, ignored);
        throw std::runtime_error("cannot save " + path.string() + ": " + reason);
    };
    std::FILE* file = std::fopen(temp.c_str(), "wb");
    if (!file)
        failWith(std::strerror(errno));
    const bool written = std::fwrite(text.data(), 1, text.size(), file) == text.size() && std::fflush(file) == 0 &&
                         ::fsync(::fileno(file)) == 0;
    const int writeErrno = errno;
    const bool closed = std::fclose(file) == 0;
    if (!written || !closed)
        failWith(std::strerror(written ? errno : writeErrno));
    std::error_code error;
    std::filesystem::rename(temp, path, error);
    if (error)
        failWith(error.message());
}

}  // namespace mlrig
