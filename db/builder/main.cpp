// mlrig-catalog-builder: turns db/source into parts.sqlite. Run by the build.
#include <CLI/CLI.hpp>

#include <iostream>

#include "db/builder/CatalogBuilder.h"

int main(int argc, char** argv)
{
    CLI::App app{"Builds the mlrig parts catalog (SQLite) from its source files"};
    std::string source;
    std::string schema;
    std::string output;
    bool quiet = false;
    app.add_option("--source", source, "Folder with <category>.jsonl and gpu_chips.csv")->required()->check(CLI::ExistingDirectory);
    app.add_option("--schema", schema, "schema.sql")->required()->check(CLI::ExistingFile);
    app.add_option("--output", output, "parts.sqlite to write")->required();
    app.add_flag("--quiet", quiet, "Print nothing on success");
    CLI11_PARSE(app, argc, argv);
    try {
        const mlrig::CatalogBuildReport report = mlrig::buildCatalog(source, schema, output);
        if (!quiet) {
            for (const auto& [table, rows] : report.rowsPerTable)
                std::cout << table << ": " << rows << '\n';
        }
    } catch (const std::exception& e) {
        std::cerr << "mlrig-catalog-builder: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
