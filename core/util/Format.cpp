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

// Amounts past this are not money any more (ValueLimits caps one price at 1e6, a build at 10,000
// lines of 16): they are printed in scientific notation instead of as 300-digit strings.
constexpr double kLargestPlainAmount = 1e15;

std::string formatAmount(double amount)
{
    // Never throws, whatever arrives: a NaN or an infinity from an old file or a bug elsewhere must
    // not take down an export (issue 16: an "inf" price aborted the app in Markdown export).
    if (std::isnan(amount))
        return "not a number";
    if (std::isinf(amount))
        return amount < 0 ? "-infinite" : "infinite";
    if (std::fabs(amount) >= kLargestPlainAmount)
        return fmt::format("{:.3e}", amount);
    const double rounded = std::round(amount * 100.0) / 100.0;
    const std::string text = fmt::format("{:.2f}", rounded);
    const size_t dot = text.find('.');
    return groupThousands(text.substr(0, dot)) + text.substr(dot);
}

std::string formatWhole(double value)
{
    if (!std::isfinite(value) || std::fabs(value) >= kLargestPlainAmount)
        return formatAmount(value);
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
