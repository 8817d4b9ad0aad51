#include "core/util/ValueLimits.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <vector>

namespace mlrig {

namespace {

// Active ISO 4217 alphabetic codes (the ISO 4217 maintenance agency's "List One", current
// currency and funds, as published 2025-06; funds codes and precious metals left out because a
// price is never given in them). ANG stays beside its 2025 successor XCG while both circulate.
constexpr std::array<std::string_view, 156> kIsoCurrencies = {
    "AED", "AFN", "ALL", "AMD", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT", "BGN", "BHD", "BIF", "BMD",
    "BND", "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD", "CDF", "CHF", "CLP", "CNY", "COP", "CRC", "CUP",
    "CVE", "CZK", "DJF", "DKK", "DOP", "DZD", "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS", "GIP",
    "GMD", "GNF", "GTQ", "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR", "IQD", "IRR", "ISK", "JMD", "JOD",
    "JPY", "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR", "LRD", "LSL", "LYD",
    "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MYR", "MZN", "NAD", "NGN",
    "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "PYG", "QAR", "RON", "RSD", "RUB",
    "RWF", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL",
    "THB", "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "UYU", "UZS", "VES", "VND",
    "VUV", "WST", "XAF", "XCD", "XOF", "XPF", "YER", "ZAR", "ZMW", "ZWG", "ANG", "XCG"};

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isAsciiLetter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

std::string_view trimSpaces(std::string_view t)
{
    while (!t.empty() && (t.front() == ' ' || t.front() == '\t'))
        t.remove_prefix(1);
    while (!t.empty() && (t.back() == ' ' || t.back() == '\t'))
        t.remove_suffix(1);
    return t;
}

// Currency signs people put around a price; longest first so "US$" wins over "$".
constexpr std::array<std::string_view, 13> kSigns = {"US$", "CA$", "AU$", "NZ$", "HK$", "A$", "C$", "R$", "$",
                                                     "\xE2\x82\xAC" /* € */, "\xC2\xA3" /* £ */,
                                                     "\xC2\xA5" /* ¥ */, "\xE2\x82\xB9" /* ₹ */};

// Strips one currency sign or three-letter code from the front or the back; false if none.
bool stripCurrency(std::string_view& t)
{
    for (std::string_view s : kSigns) {
        if (t.starts_with(s)) {
            t = trimSpaces(t.substr(s.size()));
            return true;
        }
        if (t.ends_with(s)) {
            t = trimSpaces(t.substr(0, t.size() - s.size()));
            return true;
        }
    }
    const auto code = [](std::string_view c) {
        if (c.size() != 3)
            return false;
        std::string upper(c);
        for (char& ch : upper)
            ch = (ch >= 'a' && ch <= 'z') ? static_cast<char>(ch - 'a' + 'A') : ch;
        return isIsoCurrencyCode(upper);
    };
    if (t.size() > 3 && code(t.substr(0, 3)) && !isAsciiLetter(t[3])) {
        t = trimSpaces(t.substr(3));
        return true;
    }
    if (t.size() > 3 && code(t.substr(t.size() - 3)) && !isAsciiLetter(t[t.size() - 4])) {
        t = trimSpaces(t.substr(0, t.size() - 3));
        return true;
    }
    return false;
}

std::string largestPriceText() { return "1,000,000"; }

}  // namespace

std::optional<std::string> priceProblem(double price)
{
    if (std::isnan(price))
        return std::string("is not a number");
    if (price < 0)
        return std::string("is negative (a price is 0 or more)");
    if (!std::isfinite(price) || price > kMaxPrice)
        return "is larger than " + largestPriceText() + ", the largest price mlrig accepts";
    if (price > 0 && price < kMinNonZeroPrice)
        return std::string("is smaller than 0.01 (a price is 0 or at least one cent)");
    return std::nullopt;
}

std::optional<std::string> powerLimitProblem(double watts)
{
    if (!std::isfinite(watts) || watts < kMinPowerLimitW || watts > kMaxPowerLimitW)
        return std::string("is outside 50 to 1,000 W");
    return std::nullopt;
}

bool isIsoCurrencyCode(std::string_view code)
{
    return code.size() == 3 && std::find(kIsoCurrencies.begin(), kIsoCurrencies.end(), code) != kIsoCurrencies.end();
}

std::optional<double> parsePriceText(std::string_view text, std::string* error)
{
    const auto fail = [&](std::string why) -> std::optional<double> {
        if (error)
            *error = std::move(why);
        return std::nullopt;
    };
    std::string_view t = trimSpaces(text);
    if (t.size() > 64)
        return fail("is too long to be a price");
    for (int i = 0; i < 2 && stripCurrency(t); ++i) {
    }
    if (t.empty())
        return fail("has no amount");
    if (t.find('-') != std::string_view::npos || t.find("\xE2\x88\x92") != std::string_view::npos)  // '-' or U+2212
        return fail("is negative (a price is 0 or more)");
    if (t.front() == '+')
        return fail("has a sign; write the amount only");
    if (t.size() > 1 && t[0] == '0' && (t[1] == 'x' || t[1] == 'X'))
        return fail("is hexadecimal, not a price");
    for (size_t i = 0; i < t.size(); ++i) {
        const char c = t[i];
        if (isDigit(c) || c == ',' || c == '.' || c == '\'' || c == ' ')
            continue;
        if ((c == 'e' || c == 'E') && i > 0 && isDigit(t[i - 1]))
            return fail("uses an exponent; write the amount in full");
        return fail("is not a number");
    }
    if (!isDigit(t.front()) || !isDigit(t.back()))
        return fail("is not a number");

    // Split into digit groups and the separators between them.
    std::vector<std::string_view> groups;
    std::vector<char> seps;
    size_t start = 0;
    for (size_t i = 0; i <= t.size(); ++i) {
        if (i == t.size() || !isDigit(t[i])) {
            groups.push_back(t.substr(start, i - start));
            if (i < t.size()) {
                if (i + 1 < t.size() && !isDigit(t[i + 1]))
                    return fail("is not a number (two separators in a row)");
                seps.push_back(t[i]);
            }
            start = i + 1;
        }
    }
    std::string digits(groups.front());
    size_t integerGroups = groups.size();
    std::string decimals;
    // The decimal part: the last '.' or ',' followed by one or two digits.
    if (!seps.empty() && (seps.back() == '.' || seps.back() == ',') && groups.back().size() <= 2) {
        decimals = std::string(groups.back());
        --integerGroups;
    } else if (seps.size() == 1 && (seps.back() == '.' || seps.back() == ',') && groups.back().size() > 3) {
        return fail("has more than two decimal places");
    }
    // Thousands groups: one separator kind, not the decimal one, three digits each after the first.
    if (integerGroups > 1) {
        const char groupSep = seps.front();
        if (groups.front().size() > 3)
            return fail("is not a price (thousands separators in the wrong places)");
        for (size_t g = 1; g < integerGroups; ++g) {
            if (seps[g - 1] != groupSep || groups[g].size() != 3)
                return fail("is not a price (thousands separators in the wrong places)");
            digits += groups[g];
        }
        if (!decimals.empty() && seps.back() == groupSep)
            return fail("is not a price (the same separator for thousands and decimals)");
    }
    if (!decimals.empty() && seps.back() != '.' && seps.back() != ',')
        return fail("is not a number");
    const size_t firstNonZero = digits.find_first_not_of('0');
    if (firstNonZero != std::string::npos && digits.size() - firstNonZero > 7)
        return fail("is larger than " + largestPriceText() + ", the largest price mlrig accepts");
    std::string number = digits + (decimals.empty() ? "" : "." + decimals);
    double value = 0;
    const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), value);
    if (ec != std::errc() || end != number.data() + number.size())
        return fail("is not a number");
    if (const auto problem = priceProblem(value))
        return fail(*problem);
    return value;
}

}  // namespace mlrig
