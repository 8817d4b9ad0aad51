// The PDF report with hostile part names: quotes, markup-looking text, Unicode, control
// characters and 10,000-character names are painted as text, wrap inside their cell and never
// push the layout off the page.
#include <gtest/gtest.h>

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>

#include "BuildReport.h"
#include "IoTestCatalog.h"

using namespace mlrig;

namespace {

const std::string kHostile = "GeForce RTX\u2122 4090 \u201cFounders\u201d \u65e5\u672c\u8a9e \"dq\" 'sq' a\tb\x01" "c\nd "
                             "<b>bold</b> &amp; <script>x</script>";

QString pdfText(const QString& pdf, const QStringList& extra = {})
{
    const QString tool = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    if (tool.isEmpty())
        return {};
    QProcess p;
    p.start(tool, extra + QStringList{pdf, QStringLiteral("-")});
    if (!p.waitForFinished(60000))
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

int pageCount(const QString& text)
{
    return static_cast<int>(text.count(QLatin1Char('\f')));
}

}  // namespace

TEST(ReportHostileNames, NamesArePaintedAsTextAndLongOnesWrapWithinThePage)
{
    const Catalog catalog = test::ioTestCatalog();
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
    ASSERT_TRUE(writeBuildReportPdf(build, evaluation, catalog, path, &error)) << error.toStdString();
    if (const QString keep = qEnvironmentVariable("MLRIG_UI_SHOT_DIR"); !keep.isEmpty())
        QFile::copy(path, keep + QStringLiteral("/hostile-report.pdf"));
    const QString text = pdfText(path);
    if (text.isEmpty())
        GTEST_SKIP() << "pdftotext (poppler-utils) not available";
    // Markup is shown as typed; control characters became spaces.
    const QString folded = text.simplified();
    EXPECT_TRUE(folded.contains(QString::fromUtf8("GeForce RTX\u2122 4090 \u201cFounders\u201d \u65e5\u672c\u8a9e \"dq\" 'sq' a b c d "
                                                  "<b>bold</b> &amp; <script>x</script>")))
        << folded.left(600).toStdString();
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
