#include "tests/support/BuiltInCatalog.h"

#include "db/embedded/EmbeddedCatalog.h"

namespace mlrig::testsupport {

const Catalog& builtInCatalog()
{
    static const Catalog catalog = Catalog::loadBytes(embeddedCatalogImage());
    return catalog;
}

}  // namespace mlrig::testsupport
