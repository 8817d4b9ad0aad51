// The PDF report of an inventory-sized build (issue 16): its charts stay within a page, and
// ReportOptions::progress sees every line and can stop the report before anything is written.
#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include "core/eval/Evaluate.h"
#include "tests/support/BuiltInCatalog.h"
#include "tests/support/LargeBuild.h"
#include "tests/support/qt/PdfText.h"
#include "ui/report/BuildReport.h"

using namespace mlrig;
using namespace mlrig::ui;
using mlrig::testsupport::builtInCatalog;
using mlrig::testsupport::largeBuild;
using mlrig::testsupport::pdfText;

TEST(LargeReport, ChartsOfHundredsOfGpusShowTheFirstThatFitOnAPageAndSaySo)
{
    const Build build = largeBuild(builtInCatalog(), 1'600);  // 200 GPU lines
    const Evaluation evaluation = evaluate(build, builtInCatalog());
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("inventory.pdf"));
    QString error;
    ASSERT_TRUE(writeBuildReportPdf(build, evaluation, builtInCatalog(), path, &error)) << error.toStdString();
    const QString text = pdfText(path);
    ASSERT_FALSE(text.isEmpty()) << "pdftotext is needed to read the report";
    const int pages = static_cast<int>(text.count(QChar(u'\f')));
    EXPECT_TRUE(text.contains(QStringLiteral("Page %1 of %1").arg(pages)));
    // The caption counts the priced GPU lines the charts left out.
    EXPECT_TRUE(text.contains(QStringLiteral("The charts show the first 34 of the build's")))
        << text.mid(text.indexOf(QStringLiteral("Bars: figures")), 200).toStdString();
    // Each chart is on one page with its title: the first chart's page starts with the heading.
    const QStringList pageTexts = text.split(QChar(u'\f'));
    int chartPages = 0;
    for (const QString& page : pageTexts)
        chartPages += page.contains(QStringLiteral("TFLOPS per $1,000 of GPU price")) ? 1 : 0;
    EXPECT_EQ(chartPages, 1);
}

TEST(LargeReport, ProgressSeesEveryLineOfBothPassesAndFalseStopsTheReport)
{
    const Build build = largeBuild(builtInCatalog(), 400);
    const Evaluation evaluation = evaluate(build, builtInCatalog());
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    QString error;

    ReportOptions options;
    long long last = 0, total = 0;
    options.progress = [&](long long done, long long all) {
        EXPECT_EQ(done, last + 1);
        last = done;
        total = all;
        return true;
    };
    ASSERT_TRUE(writeBuildReportPdf(build, evaluation, builtInCatalog(), dir.filePath(QStringLiteral("all.pdf")), &error,
                                    options));
    EXPECT_EQ(total, 2 * static_cast<long long>(build.items.size() + evaluation.findings.size()));
    EXPECT_EQ(last, total);

    const QString stopped = dir.filePath(QStringLiteral("stopped.pdf"));
    long long calls = 0;
    options.progress = [&](long long done, long long) {
        calls = done;
        return done < 100;
    };
    EXPECT_FALSE(writeBuildReportPdf(build, evaluation, builtInCatalog(), stopped, &error, options));
    EXPECT_EQ(error, reportCancelledError());
    EXPECT_EQ(calls, 100) << "stops at the step that said so";
    EXPECT_FALSE(QFile::exists(stopped));
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("all.pdf")});
}
