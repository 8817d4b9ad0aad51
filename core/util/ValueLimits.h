#pragma once

// The one place that says which numbers mlrig accepts: prices, quantities, GPU power limits and
// currency codes. The build file reader, the importers, the custom-part dialog and the price
// editor all ask here, so a value is never accepted by one entry point and refused (or silently
// changed) by another. Out-of-range values are errors naming the value; nothing is clamped.
//
// Bounds (README "Your data is safe"):
// - a price is 0 (free, e.g. a part you already own) or from 0.01 to 1,000,000 in the build's
//   currency. The dearest part people put in a workstation is a datacentre GPU at about
//   30,000 USD; 1,000,000 leaves room for currencies with small units (JPY, INR) without letting
//   overflow-sized numbers (1e308, inf) into sums and formatting.
// - a quantity is a whole number from 1 to kMaxQuantity (16: eight dual-slot GPUs is the most a
//   workstation chassis holds; 16 DIMMs fill an 8-channel board twice).
// - a GPU power limit is from 50 W to 1,000 W (below 50 W no desktop card runs its memory; the
//   highest board power in the catalog is 600 W, a 12V-2x6 connector's limit).
// - a currency is an active ISO 4217 alphabetic code ("USD", "EUR").

#include <optional>
#include <string>
#include <string_view>

namespace mlrig {

inline constexpr double kMinNonZeroPrice = 0.01;
inline constexpr double kMaxPrice = 1'000'000.0;
inline constexpr int kMaxQuantity = 16;
inline constexpr double kMinPowerLimitW = 50.0;
inline constexpr double kMaxPowerLimitW = 1000.0;

// Why `price` is not acceptable ("is negative", "is larger than 1,000,000"), or nothing.
std::optional<std::string> priceProblem(double price);
// Why `watts` is not an acceptable GPU power limit, or nothing.
std::optional<std::string> powerLimitProblem(double watts);
// An active ISO 4217 alphabetic code, exactly three upper-case letters ("USD"; not "usd").
bool isIsoCurrencyCode(std::string_view code);

// Reads a price as people type it in a list or a spreadsheet cell: digits with optional
// thousands separators (',', '.', ' ', '\'') and a decimal part of one or two digits, with an
// optional currency sign or code around it ("$1,299.99", "1.299,00 €", "749 EUR"). Refuses what
// is not plainly a price rather than guessing: a sign ("-749"), an exponent ("1e400"), hex
// ("0x1F"), more than two decimals ("0.00000000001"), letters inside the number. The result is
// then checked with priceProblem(). Returns the amount, or sets `error` and returns nothing.
std::optional<double> parsePriceText(std::string_view text, std::string* error = nullptr);

}  // namespace mlrig
