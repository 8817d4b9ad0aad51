#include "core/eval/ResolvedBuild.h"

namespace mlrig {

const AnyPart* ResolvedBuild::first(Category category) const
{
    for (const ResolvedItem& r : items) {
        if (r.part && r.item->category == category)
            return r.part;
    }
    return nullptr;
}

std::vector<ResolvedItem> ResolvedBuild::all(Category category) const
{
    std::vector<ResolvedItem> out;
    for (const ResolvedItem& r : items) {
        if (r.part && r.item->category == category)
            out.push_back(r);
    }
    return out;
}

int ResolvedBuild::quantity(Category category) const
{
    int total = 0;
    for (const ResolvedItem& r : items) {
        if (r.part && r.item->category == category)
            total += r.item->quantity;
    }
    return total;
}

ResolvedBuild resolve(const Build& build, const Catalog& catalog)
{
    ResolvedBuild resolved;
    resolved.items.reserve(build.items.size());
    for (const BuildItem& item : build.items) {
        ResolvedItem r;
        r.item = &item;
        if (item.custom) {
            // A custom part must be of the item's category; a mismatched variant counts as unresolved.
            if (categoryOf(*item.custom) == item.category)
                r.part = &*item.custom;
        } else if (!item.ref.empty()) {
            r.part = catalog.find(item.category, item.ref);
        }
        if (!r.part) {
            const std::string what = item.custom ? "custom part of the wrong category"
                                                 : (item.ref.empty() ? std::string("(no part chosen)") : item.ref);
            resolved.unresolved.push_back(std::string(categoryId(item.category)) + ": " + what);
        }
        resolved.items.push_back(r);
    }
    return resolved;
}

}  // namespace mlrig
