#include "core/catalog/Category.h"

#include "core/util/EnumNames.h"

namespace mlrig {

namespace {

constexpr EnumName<Category> kCategoryIds[] = {
    {Category::Cpu, "cpu"}, {Category::Motherboard, "motherboard"}, {Category::Memory, "memory"},
    {Category::Gpu, "gpu"}, {Category::Psu, "psu"}, {Category::Case, "case"}, {Category::Cooler, "cooler"},
    {Category::Storage, "storage"}};
constexpr EnumName<Category> kCategoryLabels[] = {
    {Category::Cpu, "CPU"}, {Category::Motherboard, "Motherboard"}, {Category::Memory, "Memory"},
    {Category::Gpu, "GPU"}, {Category::Psu, "Power supply"}, {Category::Case, "Case"},
    {Category::Cooler, "CPU cooler"}, {Category::Storage, "Storage"}};

}  // namespace

std::string_view categoryId(Category category)
{
    return nameOf(kCategoryIds, category, "unknown");
}

std::string_view categoryLabel(Category category)
{
    return nameOf(kCategoryLabels, category, "Unknown");
}

std::optional<Category> categoryFromId(std::string_view id)
{
    return valueOf(kCategoryIds, id);
}

}  // namespace mlrig
