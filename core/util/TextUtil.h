#pragma once

#include <string>
#include <string_view>

namespace mlrig {

std::string toLower(std::string_view text);
std::string_view trim(std::string_view text);

// Folds a name for tolerant comparison: lower case (ASCII letters; other bytes, UTF-8 included,
// stay as they are, whatever the locale), and spaces, hyphens and underscores
// removed, so "LGA 1700" == "lga1700", "Mini-ITX" == "mini itx", "RTX 3060 12 GB" == "rtx 3060 12gb".
std::string foldName(std::string_view text);

bool equalsFolded(std::string_view a, std::string_view b);
bool equalsIgnoreCase(std::string_view a, std::string_view b);

}  // namespace mlrig
