// Two windows on one build, through the real MainWindow and its dialogs: the second window is
// told the build is open elsewhere (and opens it anyway), A saves the GPU price, B saves the CPU
// price; B is asked (reload, overwrite, save as) instead of silently dropping A's change. Also the
// banners that stay until their condition is resolved: the file changed on disk, autosave failing,
// no lock on the open file.
//
// The dialogs are modal (exec()); answerNextBox() clicks a button in the next one that opens.
// Set MLRIG_UI_SHOT_DIR to a folder to get PNGs of the dialogs and banners.

#include <gtest/gtest.h>

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include <memory>

#include "core/io/BuildDocument.h"
#include "tests/support/Catalogs.h"
#include "ui/common/AppPaths.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/mainwindow/MessageBanner.h"
#include "ui/session/BuildFileLock.h"
#include "ui/session/BuildSession.h"

using namespace mlrig;
using namespace mlrig::ui;
using mlrig::testsupport::uiCatalog;

namespace {

void shot(QWidget* widget, const QString& name)
{
    const QString dir = qEnvironmentVariable("MLRIG_UI_SHOT_DIR");
    if (dir.isEmpty() || !widget)
        return;
    QDir().mkpath(dir);
    widget->grab().save(QDir(dir).filePath(name));
}

// Clicks the button named `button` in the next modal message box, and keeps its title and text.
struct BoxAnswer {
    QString objectName;
    QString title;
    QString text;
    bool answered = false;
};

std::shared_ptr<BoxAnswer> answerNextBox(const QString& button)
{
    auto answer = std::make_shared<BoxAnswer>();
    auto* poll = new QTimer;
    poll->setInterval(10);
    QObject::connect(poll, &QTimer::timeout, poll, [poll, answer, button] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box)
            return;
        answer->objectName = box->objectName();
        answer->title = box->windowTitle();
        answer->text = box->text();
        shot(box, box->objectName() + QStringLiteral(".png"));
        if (auto* b = box->findChild<QPushButton*>(button)) {
            answer->answered = true;
            b->click();
        }
        poll->deleteLater();
    });
    poll->start();
    return answer;
}

class ConcurrentEditDialogTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        QSettings().clear();
        ASSERT_TRUE(dataDir.isValid());
        setAppDataDirForTesting(dataDir.path());
    }
    void TearDown() override { setAppDataDirForTesting({}); }

    std::unique_ptr<MainWindow> makeWindow()
    {
        auto w = std::make_unique<MainWindow>(uiCatalog());
        w->setInteractive(false);
        w->autosave()->setInterval(30);
        w->resize(1000, 700);
        w->show();
        return w;
    }

    // A saves a build with a priced CPU and GPU; B opens it through the "already open" question
    // (Open Anyway).
    void twoWindowsOnOneBuild()
    {
        a = makeWindow();
        a->choosePart(Category::Cpu, -1, *uiCatalog().findById("cpu-7950x"));
        a->choosePart(Category::Gpu, -1, *uiCatalog().find(Category::Gpu, "GeForce RTX 3090"));
        path = dir.filePath(QStringLiteral("rig.mlrig"));
        ASSERT_TRUE(a->saveTo(path));
        b = makeWindow();
        b->setInteractive(true);
        const auto asked = answerNextBox(QStringLiteral("openAnywayButton"));
        ASSERT_TRUE(b->openFile(path));
        EXPECT_TRUE(asked->answered);
        EXPECT_EQ(asked->objectName, QStringLiteral("lockedBuildBox"));
        EXPECT_TRUE(asked->text.contains(QStringLiteral("open in another mlrig window"))) << asked->text.toStdString();
        EXPECT_EQ(b->session()->build(), a->session()->build());

        // A saves the GPU price...
        a->session()->setPrice(item(*a, Category::Gpu), 650.0);
        ASSERT_TRUE(a->saveTo(path));
        // ...which B's window notices while it sits open.
        auto* banner = b->findChild<MessageBanner*>(QStringLiteral("diskBanner"));
        ASSERT_NE(banner, nullptr);
        ASSERT_TRUE(QTest::qWaitFor([&] { return banner->isVisible(); }, 5000));
        EXPECT_TRUE(banner->text().contains(QStringLiteral("rig.mlrig")));
        auto* reload = banner->findChild<QPushButton*>(QStringLiteral("reloadButton"));
        ASSERT_NE(reload, nullptr);
        EXPECT_TRUE(reload->isVisible());
        shot(b.get(), QStringLiteral("changed-on-disk-banner.png"));
        // B, unaware, saves the CPU price.
        b->session()->setPrice(item(*b, Category::Cpu), 450.0);
        fromA = loadBuildFile(path.toStdString(), &uiCatalog());
        fromB = b->session()->build();
        ASSERT_NE(fromA, fromB);
    }

    static int item(MainWindow& w, Category category)
    {
        const auto& items = w.session()->build().items;
        for (size_t i = 0; i < items.size(); ++i)
            if (items[i].category == category)
                return static_cast<int>(i);
        return -1;
    }

    QTemporaryDir dataDir;
    QTemporaryDir dir;
    std::unique_ptr<MainWindow> a, b;
    QString path;
    Build fromA, fromB;
};

}  // namespace

TEST_F(ConcurrentEditDialogTest, OverwriteWritesTheSecondWindowsBuild)
{
    twoWindowsOnOneBuild();
    const auto asked = answerNextBox(QStringLiteral("overwriteButton"));
    EXPECT_TRUE(b->saveTo(path));
    EXPECT_TRUE(asked->answered);
    EXPECT_EQ(asked->objectName, QStringLiteral("changedOnDiskBox"));
    EXPECT_TRUE(asked->text.contains(QStringLiteral("changed by another program or another mlrig window")));
    EXPECT_EQ(loadBuildFile(path.toStdString(), &uiCatalog()), fromB);
    EXPECT_FALSE(b->isWindowModified());
    // B's banner goes with the save; A's window now notices B's change in turn.
    EXPECT_FALSE(b->findChild<MessageBanner*>(QStringLiteral("diskBanner"))->isVisible());
    ASSERT_TRUE(QTest::qWaitFor([&] { return a->findChild<MessageBanner*>(QStringLiteral("diskBanner"))->isVisible(); },
                                5000));
}

TEST_F(ConcurrentEditDialogTest, ReloadShowsTheFirstWindowsBuild)
{
    twoWindowsOnOneBuild();
    const auto asked = answerNextBox(QStringLiteral("reloadButton"));
    EXPECT_FALSE(b->saveTo(path));  // nothing saved: B took A's version instead
    EXPECT_TRUE(asked->answered);
    EXPECT_EQ(b->session()->build(), fromA);
    EXPECT_EQ(loadBuildFile(path.toStdString(), &uiCatalog()), fromA);
    EXPECT_FALSE(b->isWindowModified());
    EXPECT_EQ(b->currentFile(), path);
    EXPECT_FALSE(b->findChild<MessageBanner*>(QStringLiteral("diskBanner"))->isVisible());
}

TEST_F(ConcurrentEditDialogTest, CancelKeepsBothTheFileAndTheUnsavedChanges)
{
    twoWindowsOnOneBuild();
    const auto asked = answerNextBox(QStringLiteral("cancelButton"));
    EXPECT_FALSE(b->saveTo(path));
    EXPECT_TRUE(asked->answered);
    EXPECT_EQ(loadBuildFile(path.toStdString(), &uiCatalog()), fromA);
    EXPECT_EQ(b->session()->build(), fromB);
    EXPECT_TRUE(b->isWindowModified());
}

TEST_F(ConcurrentEditDialogTest, ABuildOpenElsewhereCanBeOpenedReadOnly)
{
    a = makeWindow();
    a->choosePart(Category::Cpu, -1, *uiCatalog().findById("cpu-7950x"));
    path = dir.filePath(QStringLiteral("rig.mlrig"));
    ASSERT_TRUE(a->saveTo(path));
    b = makeWindow();
    b->setInteractive(true);
    auto asked = answerNextBox(QStringLiteral("readOnlyButton"));
    ASSERT_TRUE(b->openFile(path));
    EXPECT_TRUE(asked->answered);
    EXPECT_TRUE(b->windowTitle().contains(QStringLiteral("read-only")));
    auto* banner = b->findChild<MessageBanner*>(QStringLiteral("lockBanner"));
    ASSERT_NE(banner, nullptr);
    EXPECT_TRUE(banner->isVisible());
    EXPECT_TRUE(banner->text().contains(QStringLiteral("read-only")));
    // Cancel leaves the window as it was.
    auto c = makeWindow();
    c->setInteractive(true);
    asked = answerNextBox(QStringLiteral("cancelButton"));
    EXPECT_FALSE(c->openFile(path));
    EXPECT_TRUE(asked->answered);
    EXPECT_TRUE(c->currentFile().isEmpty());
    // Not interactive (scripts, tests): refused with an error, never opened silently.
    c->setInteractive(false);
    QSignalSpy errors(c.get(), &MainWindow::errorReported);
    EXPECT_FALSE(c->openFile(path));
    EXPECT_EQ(errors.count(), 1);
}

TEST_F(ConcurrentEditDialogTest, AFailingAutosaveShowsABannerUntilItWorksAgain)
{
    a = makeWindow();
    auto* banner = a->findChild<MessageBanner*>(QStringLiteral("autosaveBanner"));
    ASSERT_NE(banner, nullptr);
    EXPECT_FALSE(banner->isVisible());
    const QString target = a->autosave()->buildPath();
    ASSERT_TRUE(QDir().mkpath(target + QStringLiteral("/inside")));
    a->choosePart(Category::Cpu, -1, *uiCatalog().findById("cpu-7950x"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return banner->isVisible(); }, 5000));
    EXPECT_TRUE(banner->text().startsWith(QStringLiteral("Autosave failed")));
    shot(a.get(), QStringLiteral("autosave-failed-banner.png"));
    QTest::qWait(300);  // no time-out: it stays while the problem lasts
    EXPECT_TRUE(banner->isVisible());
    ASSERT_TRUE(QDir(target).removeRecursively());
    auto* retry = banner->findChild<QPushButton*>(QStringLiteral("retryButton"));
    ASSERT_NE(retry, nullptr);
    EXPECT_TRUE(retry->isVisible() || !banner->isVisible());  // the retry timer may have won
    retry->click();
    EXPECT_FALSE(banner->isVisible());
    EXPECT_TRUE(QFileInfo(target).isFile());
}

TEST_F(ConcurrentEditDialogTest, AnAutosaveLockFailureAtStartIsShown)
{
    // The autosave folder cannot be made (a file has its name): reported from the first moment.
    QFile blocker(QDir(dataDir.path()).filePath(QStringLiteral("autosave")));
    ASSERT_TRUE(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    a = makeWindow();
    auto* banner = a->findChild<MessageBanner*>(QStringLiteral("autosaveBanner"));
    ASSERT_NE(banner, nullptr);
    EXPECT_TRUE(banner->isVisible());
    EXPECT_TRUE(banner->text().contains(QStringLiteral("cannot be locked")));
    ASSERT_TRUE(blocker.remove());
    banner->findChild<QPushButton*>(QStringLiteral("retryButton"))->click();
    EXPECT_FALSE(banner->isVisible());
}

TEST_F(ConcurrentEditDialogTest, AMissingLockIsShownAsANote)
{
    a = makeWindow();
    a->choosePart(Category::Cpu, -1, *uiCatalog().findById("cpu-7950x"));
    path = dir.filePath(QStringLiteral("rig.mlrig"));
    ASSERT_TRUE(QDir().mkpath(BuildFileLock::lockPathFor(path) + QStringLiteral("/inside")));
    ASSERT_TRUE(a->saveTo(path));
    auto* banner = a->findChild<MessageBanner*>(QStringLiteral("lockBanner"));
    ASSERT_NE(banner, nullptr);
    EXPECT_TRUE(banner->isVisible());
    EXPECT_TRUE(banner->text().contains(QStringLiteral("will not be warned")));
    a->newBuild();
    EXPECT_FALSE(banner->isVisible());
}
