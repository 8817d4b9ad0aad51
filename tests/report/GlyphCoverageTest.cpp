// GlyphCoverage: which characters no installed font can draw. The answers that depend on the
// machine's fonts are checked against Qt's own font database, so the test holds on any machine.
#include <gtest/gtest.h>

#include <QFont>
#include <QFontDatabase>
#include <QTemporaryDir>

#include <memory>

#include "ui/report/ComparisonReport.h"
#include "ui/report/GlyphCoverage.h"

using namespace mlrig;
using namespace mlrig::ui;

namespace {

QFont reportFont()
{
    QFont f;
    f.setFamilies({QStringLiteral("DejaVu Sans"), QStringLiteral("Noto Sans CJK JP")});
    f.setPixelSize(9);
    return f;
}

}  // namespace

TEST(GlyphCoverage, LatinTextIsComplete)
{
    GlyphCoverage coverage(reportFont());
    coverage.check(QStringLiteral("GeForce RTX 4090 \u201cFounders\u201d \u00e9\u00e8 \u2014 $1,599.00"));
    EXPECT_TRUE(coverage.complete()) << coverage.missingCodePoints().toStdString();
    EXPECT_TRUE(coverage.missingCodePoints().isEmpty());
}

TEST(GlyphCoverage, ControlsJoinersAndCombiningMarksNeedNoGlyph)
{
    GlyphCoverage coverage(reportFont());
    coverage.check(QStringLiteral("a\tb\u200d\u202e\u0301\ufe0f\u2028"));
    EXPECT_TRUE(coverage.complete()) << coverage.missingCodePoints().toStdString();
}

TEST(GlyphCoverage, CharactersNoFontHasAreListedOnceInOrder)
{
    GlyphCoverage coverage(reportFont());
    coverage.check(QString::fromUcs4(U"x\U0010FFFD y \U0010FFFC\U0010FFFD"));
    EXPECT_FALSE(coverage.complete());
    EXPECT_EQ(coverage.missing().size(), 2U);
    EXPECT_EQ(coverage.missingCodePoints(), QStringLiteral("U+10FFFC, U+10FFFD"));
}

TEST(GlyphCoverage, LongListsAreCut)
{
    GlyphCoverage coverage(reportFont());
    for (char32_t c = 0x10FF00; c < 0x10FF14; ++c)
        coverage.check(QString::fromUcs4(&c, 1));
    ASSERT_EQ(coverage.missing().size(), 20U);
    EXPECT_TRUE(coverage.missingCodePoints(3).endsWith(QStringLiteral("U+10FF02 and 17 more")))
        << coverage.missingCodePoints(3).toStdString();
}

// Japanese prints exactly when the font database has a font for it (fonts-noto-cjk on Debian):
// the fallback chain reaches it, and without one the characters are reported.
TEST(GlyphCoverage, JapaneseFollowsTheInstalledFonts)
{
    GlyphCoverage coverage(reportFont());
    coverage.check(QString::fromUtf8("\u65e5\u672c\u8a9e"));
    const bool installed = !QFontDatabase::families(QFontDatabase::Japanese).isEmpty();
    EXPECT_EQ(coverage.complete(), installed) << coverage.missingCodePoints().toStdString();
}

// The GPU comparison PDF says so too when a custom GPU's name has characters no font has.
TEST(GlyphCoverage, ComparisonPdfNamesCharactersNoFontHas)
{
    auto plain = std::make_shared<Gpu>();
    plain->info.name = "GeForce RTX 3090";
    auto odd = std::make_shared<Gpu>();
    odd->info.name = "My card \U0010FFFD";
    GpuComparison comparison;
    comparison.gpus.push_back({plain.get(), plain, {}, {}, PriceSource::Unknown});
    EXPECT_TRUE(missingGlyphsNotice(comparison).isEmpty());
    comparison.gpus.push_back({odd.get(), odd, {}, {}, PriceSource::Unknown});
    EXPECT_TRUE(missingGlyphsNotice(comparison).contains(QStringLiteral("U+10FFFD")));
    const QString html = comparisonHtml(comparison);
    EXPECT_TRUE(html.contains(QStringLiteral("could not be drawn")) && html.contains(QStringLiteral("(U+10FFFD)")));

    QTemporaryDir dir;
    QString error;
    QString warning;
    ASSERT_TRUE(writeComparisonPdf(comparison, dir.filePath(QStringLiteral("c.pdf")), &error, &warning))
        << error.toStdString();
    EXPECT_TRUE(warning.contains(QStringLiteral("U+10FFFD"))) << warning.toStdString();
}
