#pragma once

#include <filesystem>
#include <optional>

namespace mlrig::cli {

class CliContext;

// mlrig-cli links no Qt; its PDF export is the separate program mlrig-pdf-writer. It is looked
// for next to the running mlrig-cli (the build tree) and in ../libexec/mlrig/ (the installed
// package: /usr/bin/mlrig-cli -> /usr/libexec/mlrig/mlrig-pdf-writer). nullopt: not there (a
// build without the desktop app, MLRIG_BUILD_GUI=OFF).
std::optional<std::filesystem::path> findPdfWriter();

// Replaces this process with mlrig-pdf-writer, given the same arguments. Returns only when that
// is impossible, by throwing InputError with the reason.
[[noreturn]] void handOverToPdfWriter(const CliContext& context);

}  // namespace mlrig::cli
