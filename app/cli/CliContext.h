#pragma once

#include <memory>
#include <stdexcept>
#include <string>

#include "core/model/Build.h"
#include "core/catalog/Catalog.h"
#include "core/catalog/UserDatabase.h"

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
    std::string userDbPath;   // empty: the desktop app's user.sqlite (~/.local/share/mlrig/mlrig/)
    int exitCode = 0;
    // The process's own command line, for a subcommand that hands the whole run over to another
    // program (export to PDF, PdfWriterHandOff.h).
    int argc = 0;
    char** argv = nullptr;

    // The user database path in effect (--user-db, else the app's default location).
    std::string userDatabasePath() const;
    // Opens the user database (creating it when `create`); nullptr when it does not exist and
    // !create. A damaged or newer database is an InputError.
    std::unique_ptr<UserDatabase> openUserDatabase(bool create) const;
    // A model saved in the user database: sets the workload's custom model (and its quant when the
    // workload keeps the default). InputError when no saved model has that id.
    void resolveSavedModel(Workload& workload) const;

    // Opens the catalog on first use; a broken --catalog file is an InputError.
    const Catalog& catalog();
    // Only the GPU model rows (fast: mlrig-cli fit answers in a few milliseconds).
    const Catalog& gpuModels();
    // Loads a .mlrig file against the catalog; any problem is an InputError "<path>: <reason>".
    Build loadBuild(const std::string& path);

private:
    std::unique_ptr<Catalog> m_catalog;
    std::unique_ptr<Catalog> m_gpuModels;
};

}  // namespace mlrig::cli
