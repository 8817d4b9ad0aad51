#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/model/Build.h"
#include "core/catalog/Catalog.h"

namespace mlrig {

// A build item with its part looked up. `part` points into the catalog or into the Build's
// custom part, so a ResolvedBuild must not outlive either.
struct ResolvedItem {
    const BuildItem* item = nullptr;
    const AnyPart* part = nullptr;  // null when the ref did not resolve
};

struct ResolvedBuild {
    std::vector<ResolvedItem> items;
    std::vector<std::string> unresolved;  // "gpu: Foo 9000" for refs that match nothing

    // First part of a category (nullptr if none). Typed helpers for the single-part categories.
    const AnyPart* first(Category category) const;
    template <typename T> const T* firstAs(Category category) const
    {
        const AnyPart* p = first(category);
        return p ? &std::get<T>(*p) : nullptr;
    }
    // All resolved items of a category.
    std::vector<ResolvedItem> all(Category category) const;
    int quantity(Category category) const;  // summed quantity of resolved items
};

ResolvedBuild resolve(const Build& build, const Catalog& catalog);

}  // namespace mlrig
