#include "core/catalog/Category.h"

#include "core/util/TextUtil.h"

namespace mlrig {

std::string_view categoryId(Category category)
{
    switch (category) {
    case Category::Cpu: return "cpu";
    case Category::Motherboard: return "motherboard";
    case Category::Memory: return "memory";
    case Category::Gpu: return "gpu";
    case Category::Psu: return "psu";
    case Category::Case: return "case";
    case Category::Cooler: return "cooler";
    case Category::Storage: return "storage";
    }
    return "unknown";
}

std::string_view categoryLabel(Category category)
{
    switch (category) {
    case Category::Cpu: return "CPU";
    case Category::Motherboard: return "Motherboard";
    case Category::Memory: return "Memory";
    case Category::Gpu: return "GPU";
    case Category::Psu: return "Power supply";
    case Category::Case: return "Case";
    case Category::Cooler: return "CPU cooler";
    case Category::Storage: return "Storage";
    }
    return "Unknown";
}

std::optional<Category> categoryFromId(std::string_view id)
{
    const std::string lowered = toLower(trim(id));
    for (Category c : kAllCategories) {
        if (categoryId(c) == lowered)
            return c;
    }
    return std::nullopt;
}

}  // namespace mlrig
