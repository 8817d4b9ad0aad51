#pragma once

#include <cstddef>
#include <span>

namespace mlrig {

// The parts.sqlite image built from db/source at build time and linked into the binary, so
// the app and CLI always have a working catalog even when the installed file is lost.
std::span<const std::byte> embeddedCatalogImage();

}  // namespace mlrig
