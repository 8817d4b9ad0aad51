// The one set of bounds for prices, power limits and currencies (core/util/ValueLimits.h), and the
// strict price reader every importer uses: what people type is read, anything else is refused
// with a reason rather than silently turned into another number (issue 16, item 8).

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "core/util/ValueLimits.h"

namespace mlrig {
namespace {

double parsed(std::string_view text)
{
    std::string error;
    const auto value = parsePriceText(text, &error);
    EXPECT_TRUE(value.has_value()) << "\"" << text << "\": " << error;
    return value.value_or(-1);
}

std::string refusal(std::string_view text)
{
    std::string error;
    const auto value = parsePriceText(text, &error);
    EXPECT_FALSE(value.has_value()) << "\"" << text << "\" was read as " << value.value_or(0);
    EXPECT_FALSE(error.empty()) << text;
    return error;
}

TEST(ValueLimitsTest, ReadsPricesAsPeopleWriteThem)
{
    EXPECT_DOUBLE_EQ(parsed("749"), 749);
    EXPECT_DOUBLE_EQ(parsed("$1,299.99"), 1299.99);
    EXPECT_DOUBLE_EQ(parsed("1.299,00 \xE2\x82\xAC"), 1299.0);
    EXPECT_DOUBLE_EQ(parsed("1 299,50"), 1299.5);
    EXPECT_DOUBLE_EQ(parsed("749 EUR"), 749);
    EXPECT_DOUBLE_EQ(parsed("USD 89.9"), 89.9);
    EXPECT_DOUBLE_EQ(parsed("CHF 1'299.00"), 1299.0);
    EXPECT_DOUBLE_EQ(parsed("US$ 0.99"), 0.99);
    EXPECT_DOUBLE_EQ(parsed("0"), 0);
    EXPECT_DOUBLE_EQ(parsed("1,000,000"), 1'000'000);
}

TEST(ValueLimitsTest, RefusesWhatIsNotPlainlyAPrice)
{
    EXPECT_NE(refusal("-749").find("negative"), std::string::npos);
    EXPECT_NE(refusal("$-749.00").find("negative"), std::string::npos);
    EXPECT_NE(refusal("1e400").find("exponent"), std::string::npos);
    EXPECT_NE(refusal("1e308").find("exponent"), std::string::npos);
    EXPECT_NE(refusal("0.00000000001").find("decimal"), std::string::npos);
    EXPECT_NE(refusal("0x1F").find("hexadecimal"), std::string::npos);
    EXPECT_NE(refusal("100000000000000000000000000000000000000000000").find("larger"), std::string::npos);
    EXPECT_NE(refusal("1,000,000.01").find("larger"), std::string::npos);
    refusal("");
    refusal("$");
    refusal("12abc");
    refusal("1,2,3");
    refusal("1.2.3,45,6");
    refusal("+5");
    refusal("nan");
    refusal("inf");
}

TEST(ValueLimitsTest, PriceBounds)
{
    EXPECT_FALSE(priceProblem(0));
    EXPECT_FALSE(priceProblem(0.01));
    EXPECT_FALSE(priceProblem(kMaxPrice));
    EXPECT_TRUE(priceProblem(-0.01));
    EXPECT_TRUE(priceProblem(0.001));
    EXPECT_TRUE(priceProblem(kMaxPrice * 1.0001));
    EXPECT_TRUE(priceProblem(1e44));
    EXPECT_TRUE(priceProblem(std::numeric_limits<double>::infinity()));
    EXPECT_TRUE(priceProblem(std::nan("")));
}

TEST(ValueLimitsTest, PowerLimitBounds)
{
    EXPECT_FALSE(powerLimitProblem(50));
    EXPECT_FALSE(powerLimitProblem(1000));
    EXPECT_TRUE(powerLimitProblem(49.9));
    EXPECT_TRUE(powerLimitProblem(1e9));
    EXPECT_TRUE(powerLimitProblem(std::nan("")));
}

TEST(ValueLimitsTest, CurrencyCodesAreIso4217)
{
    for (const char* code : {"USD", "EUR", "GBP", "CHF", "JPY", "CNY", "INR", "CAD", "AUD", "SEK", "PLN"})
        EXPECT_TRUE(isIsoCurrencyCode(code)) << code;
    for (const char* code : {"usd", "US", "USDX", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "XXX", "BTC", "", "EU R"})
        EXPECT_FALSE(isIsoCurrencyCode(code)) << code;
}

}  // namespace
}  // namespace mlrig
