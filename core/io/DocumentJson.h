#pragma once

// Checked reading of the JSON values of a .mlrig document: each reader returns the value or throws
// BuildFormatError with one message naming the place ("parts[1].quantity: expected a whole number
// from 1 to 16, got 0"). Internal to core/io.

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "core/io/BuildDocument.h"

namespace mlrig::docjson {

using json = nlohmann::json;
using ojson = nlohmann::ordered_json;

[[noreturn]] void fail(const std::string& place, const std::string& what);
// A short rendering of a JSON value for error messages.
std::string describe(const json& v);

// The value as a whole number (an integral float counts), or nullopt.
std::optional<long long> wholeNumber(const json& v);
int readInt(const json& v, const std::string& place, long long lo, long long hi);
double readNumber(const json& v, const std::string& place, double lo, double hi);
std::string readString(const json& v, const std::string& place);
bool readBool(const json& v, const std::string& place);
std::vector<std::string> readStringList(const json& v, const std::string& place);

// Integral values are written without a fraction (700, not 700.0).
ojson number(double value);

}  // namespace mlrig::docjson
