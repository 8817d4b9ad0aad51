#pragma once

#include <memory>
#include <stdexcept>
#include <string>

#include "build/Build.h"
#include "catalog/Catalog.h"

namespace mlrig::cli {

// Bad input from the user: main() prints "mlrig-cli: <message>" and exits with 2.
class InputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Shared state of one CLI run: the --catalog option and the lazily opened catalog.
class CliContext {
public:
    std::string catalogPath;  // empty: the embedded catalog
    int exitCode = 0;

    // Opens the catalog on first use; a broken --catalog file is an InputError.
    const Catalog& catalog();
    // Loads a .mlrig file against the catalog; any problem is an InputError "<path>: <reason>".
    Build loadBuild(const std::string& path);

private:
    std::unique_ptr<Catalog> m_catalog;
};

}  // namespace mlrig::cli
