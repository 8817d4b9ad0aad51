#pragma once

// A custom part as the "custom" object of a .mlrig part line: its name, manufacturer and the
// fields core/model/CustomPartFields.h lists for its category. Internal to core/io.

#include <string>

#include "core/catalog/Parts.h"
#include "core/io/DocumentJson.h"

namespace mlrig::docjson {

// Throws BuildFormatError naming the place for a missing name, an unknown field or a value out
// of the field's range.
AnyPart parseCustom(const json& obj, const std::string& place, Category category);
ojson writeCustom(const AnyPart& part);

}  // namespace mlrig::docjson
