#pragma once

#include <cstddef>
#include <filesystem>
#include <span>
#include <string>

#include "core/catalog/Catalog.h"

namespace mlrig {

struct OpenedCatalog {
    Catalog catalog;
    std::filesystem::path path;  // the file in use; empty when running on the embedded image
    std::string notice;          // what went wrong and what was done about it; empty when all was well
};

enum class CatalogLoading {
    Whole,      // every part is in memory when openCatalog returns
    GpusFirst,  // GPU models, prices and counts at once, the parts later (the app's fast start; see
                // Catalog::loadFileGpusFirst and readRestInBackground). `embeddedImage` must
                // then live as long as the program, as the embedded catalog does.
};

// Opens the catalog file at `path`, falling back to the embedded image. A missing, corrupt or
// out-of-date file is moved aside ("<name>.corrupt-N"; the newest three such copies are kept,
// older ones pruned) and rewritten from the embedded image; when even that fails the embedded
// image is used in memory. A file with a newer schema than this mlrig reads is left untouched
// and the embedded image used in memory. The notice says
// which of these happened, in words fit for a message box. Throws CatalogError only when the
// embedded image itself is unusable (a broken build, not bad input).
// With GpusFirst, damage that only the later integrity check finds is handled the same way
// (set aside, restored, the other categories read from the embedded image) and reported by
// Catalog::completionNotice().
OpenedCatalog openCatalog(const std::filesystem::path& path, std::span<const std::byte> embeddedImage,
                          CatalogLoading loading = CatalogLoading::Whole);

}  // namespace mlrig
