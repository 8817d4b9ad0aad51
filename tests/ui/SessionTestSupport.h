#pragma once

// For the tests that drive the session and its models without a window: the UI fixture catalog
// (tests/support) and its parts by id (GPUs by model name, as the catalog keys them).

#include <gtest/gtest.h>

#include "core/catalog/Catalog.h"
#include "tests/support/Catalogs.h"

namespace mlrig::test {

inline const Catalog& sessionCatalog()
{
    return testsupport::uiCatalog();
}

inline const AnyPart& catalogPart(const char* id)
{
    const AnyPart* found = sessionCatalog().findById(id);
    EXPECT_NE(found, nullptr) << "no part " << id;
    return found ? *found : sessionCatalog().parts(Category::Cpu).front();
}

inline const AnyPart& catalogGpu(const char* model)
{
    const AnyPart* found = sessionCatalog().find(Category::Gpu, model);
    EXPECT_NE(found, nullptr) << "no GPU " << model;
    return found ? *found : sessionCatalog().parts(Category::Gpu).front();
}

}  // namespace mlrig::test
