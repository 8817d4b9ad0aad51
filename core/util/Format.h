#pragma once

// Number and money formatting shared by every layer: exports, reports, advice texts and the UI
// all print amounts the same way ("$1,299.99", "1,250 W").

#include <string>
#include <string_view>

namespace mlrig {

// "1,299.99" (grouped thousands, two decimals).
std::string formatAmount(double amount);
// "$1,299.99", "€499.00", "£89.99", otherwise "1,299.99 CHF".
std::string formatMoney(double amount, std::string_view currency);
// "1,250 W": whole numbers with grouped thousands.
std::string formatWhole(double value);

}  // namespace mlrig
