#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace mlrig {

// The eight part categories of a build, in the order the UI and reports list them.
enum class Category { Cpu, Motherboard, Memory, Gpu, Psu, Case, Cooler, Storage };

inline constexpr std::array<Category, 8> kAllCategories = {
    Category::Cpu, Category::Motherboard, Category::Memory, Category::Gpu,
    Category::Psu, Category::Case,        Category::Cooler, Category::Storage};

// Stable ids used in .mlrig files, the CLI and the database ("cpu", "motherboard", ...).
std::string_view categoryId(Category category);
// Human label ("CPU", "Motherboard", "Memory", "GPU", "Power supply", "Case", "CPU cooler", "Storage").
std::string_view categoryLabel(Category category);
std::optional<Category> categoryFromId(std::string_view id);

}  // namespace mlrig
