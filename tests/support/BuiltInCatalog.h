#pragma once

// The catalog a person gets: the SQLite image embedded in the binary (db/embedded).

#include "core/catalog/Catalog.h"

namespace mlrig::testsupport {

// Loaded on first use and kept for the whole process: loading takes a good fraction of a second,
// and a test binary asks for it from dozens of tests (and a fuzzer from every input).
const Catalog& builtInCatalog();

}  // namespace mlrig::testsupport
