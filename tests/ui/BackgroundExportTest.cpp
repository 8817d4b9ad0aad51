// File > Export > PDF Report of a large build runs off the GUI thread (issue 16): a progress dialog
// appears after a moment, Cancel stops the work promptly and leaves the previous file as it was,
// the window keeps handling events meanwhile, and a completed background export is the same
// report that writeBuildReportPdf() writes directly, of the build as it was when the export began.
#include <gtest/gtest.h>

#include <QAbstractButton>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QPointer>
#include <QProgressDialog>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <memory>

#include "ui/common/BackgroundJob.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/report/BuildReport.h"
#include "ui/session/BuildSession.h"
#include "tests/support/BuiltInCatalog.h"
#include "tests/support/LargeBuild.h"
#include "tests/support/qt/PdfText.h"

using namespace mlrig;
using namespace mlrig::ui;
using mlrig::testsupport::builtInCatalog;
using mlrig::testsupport::largeBuild;
using mlrig::testsupport::pdfText;

namespace {

QByteArray contents(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The report's text without the minute it was made (the title's date and time).
QString withoutTime(QString text)
{
    return text.remove(QRegularExpression(QStringLiteral("\\d{1,2} \\w+ \\d{4}, \\d\\d:\\d\\d")));
}

}  // namespace

TEST(BackgroundExport, CancelStopsAPdfExportOfALargeBuildAndLeavesThePreviousFile)
{
    MainWindow window(builtInCatalog());
    window.setInteractive(false);
    window.session()->reset(largeBuild(builtInCatalog(), 10'000));
    window.show();
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("inventory.pdf"));
    const QByteArray previous = "%PDF-1.4 the previous report, which Cancel must leave alone\n";
    {
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(previous);
    }
    QSignalSpy finished(&window, &MainWindow::exportFinished);

    // The GUI thread keeps turning its event loop: a 20 ms timer keeps firing, with no long gap.
    QElapsedTimer sinceTick;
    qint64 longestGapMs = 0;
    QTimer tick;
    QObject::connect(&tick, &QTimer::timeout, [&] {
        longestGapMs = std::max(longestGapMs, sinceTick.restart());
    });

    QElapsedTimer clock;
    clock.start();
    ASSERT_TRUE(window.exportTo(MainWindow::ExportFormat::Pdf, path));
    BackgroundJob* job = window.runningExport();
    ASSERT_NE(job, nullptr) << "the PDF export runs in the background";
    ASSERT_NE(job->progressDialog(), nullptr);
    EXPECT_FALSE(job->progressDialog()->isVisible()) << "not at once: a quick export shows no dialog";
    sinceTick.start();
    tick.start(20);

    QTRY_VERIFY_WITH_TIMEOUT(job->progressDialog()->isVisible(), 30000);
    const qint64 shownMs = clock.elapsed();
    EXPECT_GE(shownMs, BackgroundJob::kShowAfterMs - 20);
    EXPECT_TRUE(job->isRunning()) << "a 10,000-line report takes seconds";
    // Let it paint some rows, so Cancel stops work in progress, not work not yet begun.
    QTRY_VERIFY_WITH_TIMEOUT(job->progressDialog()->value() > 0, 30000);
    EXPECT_LT(job->progressDialog()->value(), job->progressDialog()->maximum());

    QAbstractButton* cancel = job->progressDialog()->findChild<QAbstractButton*>();
    ASSERT_NE(cancel, nullptr);
    QElapsedTimer cancelClock;
    cancelClock.start();
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
    const qint64 stopMs = cancelClock.elapsed();
    tick.stop();

    EXPECT_LT(stopMs, 1000) << "Cancel stops the report at its next line";
    EXPECT_FALSE(finished.at(0).at(1).toBool()) << "nothing was written";
    EXPECT_EQ(window.runningExport(), nullptr);
    EXPECT_TRUE(contents(path) == previous) << "the previous file is untouched";
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
              QStringList{QStringLiteral("inventory.pdf")})
        << "no temporary file is left";
    RecordProperty("dialog_shown_after_ms", static_cast<int>(shownMs));
    RecordProperty("stopped_after_cancel_ms", static_cast<int>(stopMs));
    RecordProperty("longest_event_loop_gap_ms", static_cast<int>(longestGapMs));
    // Generous for a loaded machine or the sanitizers; painting on the GUI thread stalls it for seconds.
    EXPECT_LT(longestGapMs, 2000) << "the window kept handling events while the report was painted";
}

TEST(BackgroundExport, ACompletedExportIsTheReportOfTheBuildAsItWasWhenItStarted)
{
    MainWindow window(builtInCatalog());
    window.setInteractive(false);
    const Build build = largeBuild(builtInCatalog(), 2'000);
    window.session()->reset(build);
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());

    // The same report written directly, on this thread, before anything changes.
    const QString direct = dir.filePath(QStringLiteral("direct.pdf"));
    QString error;
    ReportOptions options;
    options.evaluation = window.session()->options();
    ASSERT_TRUE(writeBuildReportPdf(build, window.session()->evaluation(), builtInCatalog(), direct, &error, options))
        << error.toStdString();

    const QString background = dir.filePath(QStringLiteral("background.pdf"));
    QSignalSpy finished(&window, &MainWindow::exportFinished);
    ASSERT_TRUE(window.exportTo(MainWindow::ExportFormat::Pdf, background));
    // An edit while the report is painted: the export reads its own copy of the build.
    window.session()->removeItem(0);
    Build renamed = window.session()->build();
    renamed.name = "Renamed while exporting";
    window.session()->edit(renamed, QStringLiteral("Rename"));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);
    ASSERT_TRUE(finished.at(0).at(1).toBool());
    EXPECT_EQ(finished.at(0).at(0).toString(), background);

    const QString expected = pdfText(direct);
    ASSERT_FALSE(expected.isEmpty()) << "pdftotext is needed to read the reports";
    const QString got = pdfText(background);
    EXPECT_TRUE(expected.contains(QStringLiteral("Inventory of 2000 parts")));
    EXPECT_FALSE(got.contains(QStringLiteral("Renamed while exporting")));
    EXPECT_EQ(got.count(QLatin1Char('\f')), expected.count(QLatin1Char('\f'))) << "the same number of pages";
    EXPECT_TRUE(withoutTime(got) == withoutTime(expected)) << "the same text, page by page";
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
              (QStringList{QStringLiteral("background.pdf"), QStringLiteral("direct.pdf")}));
}

TEST(BackgroundExport, ClosingTheWindowWhileItsChartsArePaintedDoesNotHang)
{
    // The worker paints the report's charts through the GUI thread (Qt Charts live there): a
    // window destroyed at that moment must still let the worker finish, not wait on it forever.
    auto window = std::make_unique<MainWindow>(builtInCatalog());
    window->setInteractive(false);
    window->session()->reset(largeBuild(builtInCatalog(), 2'000));
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("closing.pdf"));
    ASSERT_TRUE(window->exportTo(MainWindow::ExportFormat::Pdf, path));
    QPointer<BackgroundJob> job = window->runningExport();
    ASSERT_TRUE(job);
    // Every line and finding of the real pass painted: the charts come next.
    QTRY_VERIFY_WITH_TIMEOUT(job->progressDialog()->maximum() > 0 &&
                                 job->progressDialog()->value() == job->progressDialog()->maximum(),
                             60000);
    QElapsedTimer clock;
    clock.start();
    window.reset();
    EXPECT_TRUE(job.isNull());
    EXPECT_LT(clock.elapsed(), 10000);
    // Too late to cancel: the report is complete, or (cancelled earlier) not there at all.
    const QStringList left = QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    EXPECT_TRUE(left.isEmpty() || (left == QStringList{QStringLiteral("closing.pdf")} &&
                                   contents(path).startsWith("%PDF-") && contents(path).trimmed().endsWith("%%EOF")))
        << left.join(QLatin1Char(' ')).toStdString();
}
