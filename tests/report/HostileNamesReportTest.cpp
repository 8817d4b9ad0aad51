// The PDF report with hostile part names: quotes, markup-looking text, Unicode, control
// characters and 10,000-character names are painted as text, wrap inside their cell and never
// push the layout off the page.
#include <gtest/gtest.h>

#include <QFile>
#include <QFontDatabase>
#include <QRegularExpression>
#include <QTemporaryDir>

#include "ui/report/BuildReport.h"
#include "tests/support/Catalogs.h"
#include "tests/support/qt/PdfText.h"

using namespace mlrig;
using namespace mlrig::ui;
using mlrig::testsupport::pdfText;

namespace {

const std::string kHostile = "GeForce RTX\u2122 4090 \u201cFounders\u201d \u65e5\u672c\u8a9e \"dq\" 'sq' a\tb\x01" "c\nd "
                             "<b>bold</b> &amp; <script>x</script>";

bool hasJapaneseFont()
{
    return !QFontDatabase::families(QFontDatabase::Japanese).isEmpty();
}

int pageCount(const QString& text)
{
    return static_cast<int>(text.count(QLatin1Char('\f')));
}

}  // namespace

TEST(ReportHostileNames, NamesArePaintedAsTextAndLongOnesWrapWithinThePage)
{
    const Catalog& catalog = testsupport::ioCatalog();
    Build build;
    build.name = kHostile;
    const std::string longWord(10000, 'W');
    std::string longWords;
    while (longWords.size() < 10000)
        longWords += "Long name ";
    Evaluation evaluation;
    for (const std::string& name : {kHostile, longWord, longWords}) {
        BuildItem item;
        item.category = Category::Case;
        Case c;
        c.info.name = name;
        item.custom = c;
        item.price = 99;
        build.items.push_back(item);
        evaluation.cost.lines.push_back({Category::Case, name, 1, 99.0, PriceSource::User, 99.0});
    }
    evaluation.cost.total = 297;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("hostile.pdf"));
    QString error;
    QString warning;
    ASSERT_TRUE(writeBuildReportPdf(build, evaluation, catalog, path, &error, {}, &warning)) << error.toStdString();
    if (const QString keep = qEnvironmentVariable("MLRIG_UI_SHOT_DIR"); !keep.isEmpty())
        QFile::copy(path, keep + QStringLiteral("/hostile-report.pdf"));
    const QString text = pdfText(path);
    ASSERT_FALSE(text.isEmpty()) << "pdftotext (poppler-utils, installed by scripts/install-deps.sh) is missing";
    // Markup is shown as typed; control characters are shown as escapes (<U+0001>). Line wraps
    // may fall anywhere in the long name, so the comparison ignores spaces. The Japanese characters
    // print where a font has them (scripts/install-deps.sh installs fonts-noto-cjk); on a
    // machine without one the report says which characters it could not draw instead of
    // dropping them silently.
    const QString folded = text.simplified();
    // Noto Sans CJK draws U+65E5 and the Kangxi radical U+2F47 with one glyph, so the PDF's
    // text layer (Qt maps each glyph back to one code point) reads the radical: compare in
    // compatibility form (NFKC), which folds the radical to the ideograph.
    const QString compatible = QString(folded.normalized(QString::NormalizationForm_KC)).remove(QLatin1Char(' '));
    const auto unspaced = [](QString s) { return s.remove(QLatin1Char(' ')); };
    const QString japanese = QString::fromUtf8("\u65e5\u672c\u8a9e");
    if (hasJapaneseFont()) {
        EXPECT_TRUE(warning.isEmpty()) << warning.toStdString();
        EXPECT_TRUE(compatible.contains(unspaced(QString::fromUtf8("GeForce RTX\u2122 4090 \u201cFounders\u201d ").normalized(QString::NormalizationForm_KC) +
                                        japanese + QString::fromUtf8(" \"dq\" 'sq' a b<U+0001>c<U+000A>d <b>bold</b> &amp; <script>x</script>"))))
            << folded.left(600).toStdString();
    } else {
        EXPECT_TRUE(warning.contains(QStringLiteral("U+65E5, U+672C, U+8A9E"))) << warning.toStdString();
        EXPECT_TRUE(folded.contains(QStringLiteral("could not be drawn"))) << folded.left(600).toStdString();
        EXPECT_TRUE(folded.contains(QStringLiteral("U+65E5, U+672C, U+8A9E")));
        EXPECT_TRUE(folded.contains(QString::fromUtf8("GeForce RTX\u2122 4090 \u201cFounders\u201d")));
        EXPECT_TRUE(unspaced(folded).contains(unspaced(QStringLiteral("\"dq\" 'sq' a b<U+0001>c<U+000A>d <b>bold</b> &amp; <script>x</script>"))));
    }
    // Three names of 10,000 characters fit on a couple of pages: cut with an ellipsis.
    EXPECT_LE(pageCount(text), 3);
    EXPECT_TRUE(folded.contains(QStringLiteral("\u2026")));
    // The unbroken 10,000-character word wraps inside its cell instead of running off the page:
    // no line of the laid-out text holds more than a cell's width of it.
    const QString layout = pdfText(path, {QStringLiteral("-layout")});
    int longestRun = 0;
    for (const QRegularExpressionMatch& m : QRegularExpression(QStringLiteral("W+")).globalMatch(layout))
        longestRun = std::max(longestRun, static_cast<int>(m.capturedLength()));
    EXPECT_GT(longestRun, 10);
    EXPECT_LT(longestRun, 90) << "the long name did not wrap";
    EXPECT_TRUE(folded.contains(QStringLiteral("$297.00")));
}

// A character that no font has (a private-use code point of plane 16) is never dropped
// silently, on any machine: the export says so, and so does the report itself.
TEST(ReportHostileNames, CharactersNoFontHasAreNamedInTheReportAndTheWarning)
{
    const Catalog& catalog = testsupport::ioCatalog();
    Build build;
    build.name = "Rig \U0010FFFD one";
    BuildItem item;
    item.category = Category::Case;
    Case c;
    c.info.name = "Case \U0010FFFD\U0010FFFC";
    item.custom = c;
    item.price = 50;
    build.items.push_back(item);
    Evaluation evaluation;
    evaluation.cost.lines.push_back({Category::Case, c.info.name, 1, 50.0, PriceSource::User, 50.0});
    evaluation.cost.total = 50;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("undrawable.pdf"));
    QString error;
    QString warning = QStringLiteral("stale");
    ASSERT_TRUE(writeBuildReportPdf(build, evaluation, catalog, path, &error, {}, &warning)) << error.toStdString();
    EXPECT_TRUE(warning.contains(QStringLiteral("U+10FFFC, U+10FFFD"))) << warning.toStdString();
    const QString text = pdfText(path).simplified();
    ASSERT_FALSE(text.isEmpty());
    EXPECT_TRUE(text.contains(QStringLiteral("could not be drawn"))) << text.left(600).toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("U+10FFFC, U+10FFFD")));

    // A report whose characters all print carries no notice and clears a stale warning.
    build.name = "Plain rig";
    build.items.front().custom = Case{};
    std::get<Case>(*build.items.front().custom).info.name = "Plain case";
    evaluation.cost.lines.front().name = "Plain case";
    ASSERT_TRUE(writeBuildReportPdf(build, evaluation, catalog, path, &error, {}, &warning)) << error.toStdString();
    EXPECT_TRUE(warning.isEmpty()) << warning.toStdString();
    EXPECT_FALSE(pdfText(path).contains(QStringLiteral("could not be drawn")));
}
