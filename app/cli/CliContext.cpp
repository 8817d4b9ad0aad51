#include "cli/CliContext.h"

#include "EmbeddedCatalog.h"

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

}  // namespace mlrig::cli
