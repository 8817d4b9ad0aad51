#include "db/embedded/EmbeddedCatalog.h"

// The assembler pulls the freshly built catalog into read-only data; the build re-assembles
// this file whenever parts.sqlite changes (OBJECT_DEPENDS in db/CMakeLists.txt).
asm(".section .rodata\n"
    ".balign 64\n"
    ".global mlrig_embedded_catalog_begin\n"
    "mlrig_embedded_catalog_begin:\n"
    ".incbin \"" MLRIG_CATALOG_FILE "\"\n"
    ".global mlrig_embedded_catalog_end\n"
    "mlrig_embedded_catalog_end:\n"
    ".byte 0\n"
    ".previous\n");

extern "C" const char mlrig_embedded_catalog_begin[];
extern "C" const char mlrig_embedded_catalog_end[];

namespace mlrig {

std::span<const std::byte> embeddedCatalogImage()
{
    return {reinterpret_cast<const std::byte*>(mlrig_embedded_catalog_begin),
            static_cast<size_t>(mlrig_embedded_catalog_end - mlrig_embedded_catalog_begin)};
}

}  // namespace mlrig
