#include "core/io/DocumentJson.h"

#include <cmath>
#include <limits>
#include <optional>
#include <sstream>

namespace mlrig::docjson {
namespace {

std::string fmtBound(double value)
{
    std::ostringstream out;
    out << value;
    return out.str();
}

}  // namespace

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

[[noreturn]] void fail(const std::string& place, const std::string& what)
{
    throw BuildFormatError(place.empty() ? what : place + ": " + what);
}

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

ojson number(double value)
{
    if (std::floor(value) == value && std::fabs(value) < 9e15)
        return static_cast<long long>(value);
    return value;
}

}  // namespace mlrig::docjson
