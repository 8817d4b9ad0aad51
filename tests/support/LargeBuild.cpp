#include "tests/support/LargeBuild.h"

#include <array>
#include <string>

#include "tests/support/Parts.h"

namespace mlrig::testsupport {

Build largeBuild(const Catalog& catalog, std::size_t lines)
{
    constexpr std::array categories = {Category::Cpu,  Category::Motherboard, Category::Memory, Category::Gpu,
                                       Category::Psu,  Category::Case,        Category::Cooler, Category::Storage};
    Build build;
    build.name = "Inventory of " + std::to_string(lines) + " parts";
    build.currency = "USD";
    build.items.reserve(lines);
    for (std::size_t i = 0; i < lines; ++i) {
        const Category category = categories[i % categories.size()];
        const auto parts = catalog.parts(category);
        const AnyPart& part = parts[(i / categories.size()) % parts.size()];
        BuildItem item = refItem(category, infoOf(part).id);
        if (i % 3 == 0)
            item.price = 50.0 + static_cast<double>(i % 400);
        build.items.push_back(std::move(item));
    }
    build.workload = workload(WorkloadKind::LlmInference, "llama-3.1-70b");
    return build;
}

}  // namespace mlrig::testsupport
