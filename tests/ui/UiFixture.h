#pragma once

// A small in-memory catalog for the GUI tests: an AM5 and an LGA 1700 platform, one GPU model
// with full figures, and one part of every other category.

#include "core/catalog/Catalog.h"

namespace mlrig::test {

Catalog uiFixtureCatalog();

}  // namespace mlrig::test
