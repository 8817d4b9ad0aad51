#include "app/cli/CliContext.h"

#include "db/embedded/EmbeddedCatalog.h"
#include "core/io/BuildDocument.h"
#include "core/io/InputFile.h"
#include "core/eval/WorkloadModel.h"
#include "core/io/ModelFile.h"

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>

namespace mlrig::cli {

const Catalog& CliContext::catalog()
{
    if (!m_catalog) {
        try {
            m_catalog = std::make_unique<Catalog>(catalogPath.empty() ? Catalog::loadBytes(embeddedCatalogImage())
                                                                      : Catalog::loadFile(catalogPath));
        } catch (const CatalogError& e) {
            throw InputError(e.what());
        }
    }
    return *m_catalog;
}

const Catalog& CliContext::gpuModels()
{
    if (m_catalog)
        return *m_catalog;
    if (!m_gpuModels) {
        try {
            m_gpuModels = std::make_unique<Catalog>(catalogPath.empty()
                                                        ? Catalog::loadGpuModels(embeddedCatalogImage())
                                                        : Catalog::loadGpuModelsFromFile(catalogPath));
        } catch (const CatalogError& e) {
            throw InputError(e.what());
        }
    }
    return *m_gpuModels;
}

Build CliContext::loadBuild(const std::string& path)
{
    // The file first, the catalog after: a path that is no build file at all (a FIFO, a device,
    // a folder, a missing or oversized file) is reported at once, before the catalog is loaded.
    std::string text;
    try {
        text = readInputFile(path, kMaxBuildFileBytes, "a build file");
    } catch (const std::exception& e) {
        throw InputError(path + ": " + e.what());
    }
    const Catalog& cat = catalog();
    try {
        return parseBuild(text, &cat);
    } catch (const std::exception& e) {
        throw InputError(path + ": " + e.what());
    }
}

std::string CliContext::userDatabasePath() const
{
    if (!userDbPath.empty())
        return userDbPath;
    std::filesystem::path base;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
        base = xdg;
    else if (const char* home = std::getenv("HOME"); home && *home)
        base = std::filesystem::path(home) / ".local" / "share";
    else
        base = std::filesystem::current_path();
    return (base / "mlrig" / "mlrig" / "user.sqlite").string();
}

std::unique_ptr<UserDatabase> CliContext::openUserDatabase(bool create) const
{
    const std::string path = userDatabasePath();
    if (!create && !std::filesystem::exists(path))
        return nullptr;
    if (create)
        std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    try {
        return std::make_unique<UserDatabase>(path);
    } catch (const UserDatabaseError& e) {
        throw InputError(e.what());
    }
}

void CliContext::resolveSavedModel(Workload& workload) const
{
    const std::unique_ptr<UserDatabase> db = openUserDatabase(false);
    const std::optional<UserModelRecord> record = db ? db->model(workload.model) : std::nullopt;
    if (!record)
        throw InputError("unknown model '" + workload.model +
                         "': not a preset or alias (see `mlrig-cli models`) nor a saved model (`mlrig-cli models add FILE`)");
    workload.customModel = nlohmann::json::parse(record->json);
    workload.model = record->name;
    if (!record->quant.empty() && workload.quant == "q4_k_m")
        workload.quant = record->quant;
}

nlohmann::json customModelFromFile(const std::string& path, CliContext& /*context*/)
{
    try {
        std::string quant;
        const ModelSpec m = readModelFile(path, &quant);
        nlohmann::json json = modelToJson(m);
        (void)modelFromJson(json);  // the same checks a .mlrig file gets
        if (!quant.empty())
            json["quant"] = quant;
        return json;
    } catch (const std::exception& e) {
        throw InputError(path + ": " + e.what());
    }
}

}  // namespace mlrig::cli
