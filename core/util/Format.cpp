#include "core/util/Format.h"

#include <cmath>

#include <fmt/format.h>

namespace mlrig {

namespace {

std::string groupThousands(std::string digits)
{
    const bool negative = !digits.empty() && digits.front() == '-';
    if (negative)
        digits.erase(0, 1);
    std::string out;
    const size_t n = digits.size();
    for (size_t i = 0; i < n; ++i) {
        out.push_back(digits[i]);
        if ((n - i - 1) % 3 == 0 && i + 1 < n)
            out.push_back(',');
    }
    return negative ? "-" + out : out;
}

}  // namespace

std::string formatAmount(double amount)
{
    const double rounded = std::round(amount * 100.0) / 100.0;
    const std::string text = fmt::format("{:.2f}", rounded);
    const size_t dot = text.find('.');
    return groupThousands(text.substr(0, dot)) + text.substr(dot);
}

std::string formatWhole(double value)
{
    return groupThousands(fmt::format("{:.0f}", std::round(value)));
}

std::string formatMoney(double amount, std::string_view currency)
{
    const std::string a = formatAmount(amount);
    if (currency == "USD")
        return "$" + a;
    if (currency == "EUR")
        return "\xE2\x82\xAC" + a;
    if (currency == "GBP")
        return "\xC2\xA3" + a;
    return a + " " + std::string(currency);
}

}  // namespace mlrig
