#include "cli/CliContext.h"

#include "EmbeddedCatalog.h"
#include "build/BuildDocument.h"

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

Build CliContext::loadBuild(const std::string& path)
{
    const Catalog& cat = catalog();
    try {
        return loadBuildFile(path, &cat);
    } catch (const std::exception& e) {
        throw InputError(path + ": " + e.what());
    }
}

}  // namespace mlrig::cli
