#pragma once

// Reading and writing .mlrig files (JSON, DESIGN.md "Build document", version 1).

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

#include "core/io/OutputFile.h"
#include "core/model/Build.h"
#include "core/util/ValueLimits.h"

namespace mlrig {

class Catalog;

// One clear message naming the place ("parts[1].quantity: must be a whole number >= 1").
class BuildFormatError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

inline constexpr int kBuildFormatVersion = 1;
// parts[].quantity is a whole number from 1 to this; a build with more does not load.
inline constexpr int kMaxItemQuantity = kMaxQuantity;
// Limits on what a build file may hold (README "Your data is safe"). A workstation build has a
// dozen part lines; 10,000 leaves room for inventories and generated files, and keeps opening,
// evaluating and exporting the largest allowed build within a second or a few (tests/bench).
inline constexpr std::uintmax_t kMaxBuildFileBytes = 8u * 1024u * 1024u;
inline constexpr size_t kMaxBuildItems = 10'000;

// Parses a document. With a catalog, every `ref` must resolve (else BuildFormatError naming it).
Build parseBuild(std::string_view jsonText, const Catalog* catalog = nullptr);
Build loadBuildFile(const std::filesystem::path& path, const Catalog* catalog = nullptr);
std::string serializeBuild(const Build& build);  // pretty JSON, unknown keys written back
// Refuses (BuildFormatError, with both sizes) a document larger than kMaxBuildFileBytes: mlrig
// would write a file that it then refuses to open.
void checkBuildDocumentSize(std::string_view document);
// Saves through writeFileSafely() (OutputFile.h): atomic, the file's identity kept (symlinks,
// mode, hard links), optionally one backup. Throws std::runtime_error with the reason when it
// cannot (a write error, or a build larger than a build file may be); the previous file then
// stays intact.
void saveBuildFile(const Build& build, const std::filesystem::path& path, const SaveOptions& options = {});

// One custom part's fields as compact JSON (the "custom" object of a .mlrig part), and back.
// Used to keep the user's custom parts in the user database.
std::string serializeCustomPart(const AnyPart& part);
AnyPart parseCustomPart(Category category, std::string_view jsonText);  // throws BuildFormatError

}  // namespace mlrig
