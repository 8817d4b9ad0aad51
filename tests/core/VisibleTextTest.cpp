// Control and bidi characters become visible escapes in every output (core/util/VisibleText.h).
#include <gtest/gtest.h>

#include <string>

#include "core/util/VisibleText.h"

namespace mlrig {
namespace {

TEST(VisibleText, OrdinaryTextOfAnyScriptIsUnchanged)
{
    for (const std::string text : {"NVIDIA GeForce RTX 3090", "Radeon™ RX 7900 XTX — 24 GB", "显卡 グラフィック 그래픽",
                                   "Καλημέρα", "עברית ومرحبا", "tab\tinside", ""})
        EXPECT_EQ(visibleText(text), text);
    EXPECT_FALSE(hasInvisibleCharacters("plain"));
}

TEST(VisibleText, ControlAndBidiCharactersBecomeEscapes)
{
    EXPECT_EQ(visibleText("GPU\xE2\x80\xAE" "0909 XTR"), "GPU<U+202E>0909 XTR");
    EXPECT_EQ(visibleText("\x1b[31mred\x07"), "<U+001B>[31mred<U+0007>");
    EXPECT_EQ(visibleText(std::string("a\0b", 3)), "a<U+0000>b");
    EXPECT_EQ(visibleText("\x7f"), "<U+007F>");
    EXPECT_EQ(visibleText("\xC2\x85"), "<U+0085>");                             // C1 NEL
    EXPECT_EQ(visibleText("\xE2\x81\xA6x\xE2\x81\xA9"), "<U+2066>x<U+2069>");  // isolates
    EXPECT_EQ(visibleText("\xE2\x80\x8F"), "<U+200F>");                         // RLM
    EXPECT_EQ(visibleText("\xD8\x9C"), "<U+061C>");                             // ALM
    EXPECT_EQ(visibleText("bad\xFF"), "bad<0xFF>");
    EXPECT_EQ(visibleText("\xED\xA0\x80"), "<0xED><0xA0><0x80>");  // a surrogate is not UTF-8
}

TEST(VisibleText, LineBreaksAreKeptOnlyWhereAsked)
{
    EXPECT_EQ(visibleText("a\nb"), "a<U+000A>b");
    EXPECT_EQ(visibleText("a\nb\r\nc", LineBreaks::Keep), "a\nb\r\nc");
    EXPECT_EQ(visibleText("over\rwrite", LineBreaks::Keep), "over<U+000D>write");  // a lone CR rewrites a line
}

}  // namespace
}  // namespace mlrig
