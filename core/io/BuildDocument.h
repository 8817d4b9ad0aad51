#pragma once

// Reading and writing .mlrig files (JSON, DESIGN.md "Build document", version 1).

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

#include "core/model/Build.h"

namespace mlrig {

class Catalog;

// One clear message naming the place ("parts[1].quantity: must be a whole number >= 1").
class BuildFormatError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

inline constexpr int kBuildFormatVersion = 1;
// parts[].quantity is a whole number from 1 to this; a build with more does not load.
inline constexpr int kMaxItemQuantity = 16;

// Parses a document. With a catalog, every `ref` must resolve (else BuildFormatError naming it).
Build parseBuild(std::string_view jsonText, const Catalog* catalog = nullptr);
Build loadBuildFile(const std::filesystem::path& path, const Catalog* catalog = nullptr);
std::string serializeBuild(const Build& build);  // pretty JSON, unknown keys written back
// Atomic save: writes a temporary file next to `path` and renames it over; throws
// std::runtime_error with the reason when it cannot (the previous file stays intact).
void saveBuildFile(const Build& build, const std::filesystem::path& path);

// One custom part's fields as compact JSON (the "custom" object of a .mlrig part), and back.
// Used to keep the user's custom parts in the user database.
std::string serializeCustomPart(const AnyPart& part);
AnyPart parseCustomPart(Category category, std::string_view jsonText);  // throws BuildFormatError

}  // namespace mlrig
