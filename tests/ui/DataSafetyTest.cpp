// Data safety through the real MainWindow: failed saves keep the file and the unsaved state,
// autosave and restore after a crash (a child process killed with SIGKILL mid-edit), several
// windows do not take each other's autosaves, the user database (damaged file message, your
// prices, custom parts) and hostile part names end to end.
//
// The crash test re-launches this binary with MLRIG_UI_TEST_CHILD=autosave-crash (handled in
// UiTestMain.cpp): the child opens a MainWindow on a temporary data folder, saves a build,
// edits it, waits for the autosave, prints a marker and waits to be killed.
//
// Set MLRIG_UI_SHOT_DIR to a folder to get PNGs of the dialogs these tests open.

#include <gtest/gtest.h>

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include <csignal>
#include <cstdio>
#include <memory>

#include <unistd.h>

#include "ui/common/AppPaths.h"
#include "ui/common/AppSettings.h"
#include "ui/session/AutosaveManager.h"
#include "ui/session/BuildSession.h"
#include "ui/session/BuildTableModel.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/picker/PartPickerDialog.h"
#include "tests/support/Catalogs.h"
#include "tests/support/Files.h"
#include "tests/support/Parts.h"
#include "core/io/BuildDocument.h"
#include "core/catalog/UserDatabase.h"

using namespace mlrig;
using namespace mlrig::ui;
using mlrig::testsupport::itemIndexOf;
using mlrig::testsupport::uiCatalog;

namespace {

const QString kHostile = QString::fromUtf8("GeForce RTX\u2122 4090 \u201cFounders\u201d \u65e5\u672c\u8a9e \U0001F680 "
                                           "\"dq\" 'sq' a\tb\x01" "c\nd <b>&amp;</b> '; DROP TABLE custom_part; --");

AnyPart hostileGpu(const QString& name = kHostile)
{
    Gpu gpu;
    gpu.info.name = name.toStdString();
    gpu.vramGb = 24;
    gpu.tdpW = 450;
    return gpu;
}

void shot(QWidget* widget, const QString& name)
{
    const QString dir = qEnvironmentVariable("MLRIG_UI_SHOT_DIR");
    if (dir.isEmpty() || !widget)
        return;
    QDir().mkpath(dir);
    widget->grab().save(QDir(dir).filePath(name));
}

QString readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

class DataSafetyTest : public ::testing::Test {
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
        return w;
    }
    QString autosaveDir() const { return QDir(dataDir.path()).filePath(QStringLiteral("autosave")); }
    QStringList autosaveFiles(const QString& pattern = QStringLiteral("*.mlrig")) const
    {
        return QDir(autosaveDir()).entryList({pattern}, QDir::Files);
    }

    QTemporaryDir dataDir;
};

}  // namespace

// ---- saves -------------------------------------------------------------------------------------

TEST_F(DataSafetyTest, FailedSaveKeepsThePreviousFileAndTheUnsavedState)
{
    auto window = makeWindow();
    window->choosePart(Category::Cpu, -1, *uiCatalog().findById("cpu-7950x"));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("rig.mlrig"));
    ASSERT_TRUE(window->saveTo(path));
    const QString before = readAll(path);
    window->choosePart(Category::Gpu, -1, *uiCatalog().find(Category::Gpu, "GeForce RTX 4090"));
    ASSERT_TRUE(window->isWindowModified());

    // A full disk (a file-size limit that binds root too): the save cannot complete.
    QSignalSpy errors(window.get(), &MainWindow::errorReported);
    window->setInteractive(true);  // show the real message box
    {
        const testsupport::FileSizeLimit full(64);
        EXPECT_FALSE(window->saveTo(path));
    }
    ASSERT_EQ(errors.count(), 1);
    EXPECT_EQ(errors.at(0).at(0).toString(), QStringLiteral("Could not save rig.mlrig"));
    EXPECT_TRUE(errors.at(0).at(1).toString().contains(path)) << errors.at(0).at(1).toString().toStdString();
    QMessageBox* box = nullptr;
    for (QMessageBox* b : window->findChildren<QMessageBox*>())
        if (b->windowTitle() == QStringLiteral("Could not save rig.mlrig"))
            box = b;
    ASSERT_NE(box, nullptr);
    EXPECT_TRUE(box->isVisible());
    shot(box, QStringLiteral("save-failed.png"));
    box->close();
    window->setInteractive(false);

    EXPECT_EQ(readAll(path), before);  // the previous build, complete
    EXPECT_TRUE(window->isWindowModified());
    EXPECT_FALSE(window->session()->undoStack()->isClean());
    EXPECT_EQ(window->currentFile(), path);

    // A folder that does not exist: same outcome, and the earlier file is still there.
    EXPECT_FALSE(window->saveTo(dir.filePath(QStringLiteral("missing/rig.mlrig"))));
    EXPECT_EQ(window->currentFile(), path);
    EXPECT_TRUE(window->isWindowModified());

    // Once the obstacle is gone the same save works.
    QDir(path + QStringLiteral(".tmp-%1").arg(::getpid())).removeRecursively();
    EXPECT_TRUE(window->saveTo(path));
    EXPECT_FALSE(window->isWindowModified());
    EXPECT_EQ(loadBuildFile(path.toStdString(), &uiCatalog()), window->session()->build());
}

// ---- autosave ----------------------------------------------------------------------------------

TEST_F(DataSafetyTest, AutosaveFollowsChangesAndIsClearedByASaveAnUndoAndAClose)
{
    auto window = makeWindow();
    const QString file = window->autosave()->buildPath();
    EXPECT_TRUE(file.startsWith(autosaveDir()));
    window->choosePart(Category::Cpu, -1, *uiCatalog().findById("cpu-7950x"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return QFileInfo::exists(file); }, 5000));
    EXPECT_EQ(loadBuildFile(file.toStdString(), &uiCatalog()), window->session()->build());

    // Back to the saved state (here: the empty start) by undo: nothing left to protect.
    window->session()->undoStack()->undo();
    EXPECT_FALSE(QFileInfo::exists(file));

    window->session()->undoStack()->redo();
    ASSERT_TRUE(QTest::qWaitFor([&] { return QFileInfo::exists(file); }, 5000));
    QTemporaryDir dir;
    ASSERT_TRUE(window->saveTo(dir.filePath(QStringLiteral("a.mlrig"))));
    EXPECT_FALSE(QFileInfo::exists(file));

    window->choosePart(Category::Gpu, -1, *uiCatalog().find(Category::Gpu, "GeForce RTX 3090"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return QFileInfo::exists(file); }, 5000));
    window->show();
    EXPECT_TRUE(window->close());  // not interactive: closes without asking, a deliberate discard
    EXPECT_FALSE(QFileInfo::exists(file));
    EXPECT_TRUE(autosaveFiles().isEmpty());
}

TEST_F(DataSafetyTest, AutosaveIsDebouncedButNotPostponedForever)
{
    auto window = makeWindow();
    window->autosave()->setInterval(400);
    QSignalSpy saved(window->autosave(), &AutosaveManager::autosaved);
    QElapsedTimer clock;
    clock.start();
    // An edit every 100 ms for two seconds: the debounce restarts, but a write still happens
    // within three intervals of the first change.
    while (clock.elapsed() < 2000) {
        window->choosePart(Category::Gpu, itemIndexOf(window->session()->build(), Category::Gpu),
                           hostileGpu(QStringLiteral("Card %1").arg(clock.elapsed())), true);
        QTest::qWait(100);
    }
    EXPECT_GE(saved.count(), 1);
    EXPECT_LE(saved.count(), 4);
}

TEST_F(DataSafetyTest, ARunningWindowsAutosaveIsNotOfferedAsACrash)
{
    auto first = makeWindow();
    first->choosePart(Category::Cpu, -1, *uiCatalog().findById("cpu-7950x"));
    ASSERT_TRUE(first->autosave()->writeNow());
    auto second = makeWindow();
    bool asked = false;
    second->setRecoveryPrompt([&](const AutosaveEntry&) {
        asked = true;
        return RecoveryChoice::Discard;
    });
    EXPECT_FALSE(second->offerRecovery());
    EXPECT_FALSE(asked);
    EXPECT_TRUE(QFileInfo::exists(first->autosave()->buildPath()));
}

TEST_F(DataSafetyTest, NotNowKeepsTheAutosaveAndDiscardDeletesIt)
{
    QString orphan;
    {
        auto crashed = makeWindow();
        crashed->choosePart(Category::Cpu, -1, *uiCatalog().findById("cpu-7950x"));
        ASSERT_TRUE(crashed->autosave()->writeNow());
        orphan = crashed->autosave()->buildPath();
        // Destroyed without closing (as in a crash, minus the crash): the lock is released and
        // the autosave stays.
    }
    ASSERT_TRUE(QFileInfo::exists(orphan));
    auto window = makeWindow();
    AutosaveEntry offered;
    window->setRecoveryPrompt([&](const AutosaveEntry& e) {
        offered = e;
        return RecoveryChoice::Later;
    });
    EXPECT_FALSE(window->offerRecovery());
    EXPECT_EQ(offered.buildPath, orphan);
    EXPECT_TRUE(offered.originalPath.isEmpty());
    EXPECT_TRUE(QFileInfo::exists(orphan));

    window->setRecoveryPrompt([](const AutosaveEntry&) { return RecoveryChoice::Discard; });
    EXPECT_FALSE(window->offerRecovery());
    EXPECT_FALSE(QFileInfo::exists(orphan));
    EXPECT_TRUE(window->session()->build().items.empty());
    EXPECT_TRUE(autosaveFiles(QStringLiteral("*")).filter(QStringLiteral("session-")).filter(QFileInfo(orphan).completeBaseName()).isEmpty());
}

TEST_F(DataSafetyTest, RecoveryDialogShowsTheTimeAndTheFileAndAnswersWithoutBlocking)
{
    AutosaveEntry entry;
    entry.originalPath = dataDir.filePath(QStringLiteral("my <i>rig & co.mlrig"));
    entry.buildName = QStringLiteral("2x3090 box");
    entry.savedAt = QDateTime(QDate(2025, 7, 14), QTime(10, 30));
    std::unique_ptr<QMessageBox> box(createRecoveryMessageBox(entry, nullptr));
    EXPECT_TRUE(box->text().contains(QStringLiteral("my <i>rig & co.mlrig")));  // plain text, not markup
    EXPECT_EQ(box->textFormat(), Qt::PlainText);
    EXPECT_TRUE(box->text().contains(QStringLiteral("2x3090 box")));
    EXPECT_TRUE(box->text().contains(QStringLiteral("2025")));
    EXPECT_TRUE(box->informativeText().contains(entry.originalPath.toHtmlEscaped()));
    box->show();
    QApplication::processEvents();
    shot(box.get(), QStringLiteral("restore-dialog.png"));
    box->close();

    // The real modal prompt, answered by clicking its Discard button.
    QTimer::singleShot(0, [] {
        auto* modal = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        ASSERT_NE(modal, nullptr);
        modal->findChild<QPushButton*>(QStringLiteral("discardButton"))->click();
    });
    EXPECT_EQ(askRecovery(entry, nullptr), RecoveryChoice::Discard);
    QTimer::singleShot(0, [] { QTest::keyClick(QApplication::activeModalWidget(), Qt::Key_Escape); });
    EXPECT_EQ(askRecovery(entry, nullptr), RecoveryChoice::Later);  // Escape never deletes anything
}

// The child side of the crash test (see UiTestMain.cpp).
int runAutosaveCrashChild()
{
    setAppDataDirForTesting(qEnvironmentVariable("MLRIG_UI_TEST_DATA_DIR"));
    MainWindow window(uiCatalog());
    window.setInteractive(false);
    window.autosave()->setInterval(100);
    window.show();
    window.choosePart(Category::Cpu, -1, *uiCatalog().findById("cpu-7950x"));
    const QString saved = QDir(qEnvironmentVariable("MLRIG_UI_TEST_DATA_DIR")).filePath(QStringLiteral("rig.mlrig"));
    if (!window.saveTo(saved))
        return 3;
    // The edit to lose: a GPU with an awkward name and a price typed into the table.
    window.choosePart(Category::Gpu, -1, hostileGpu(), true);
    BuildTableModel* model = window.buildModel();
    if (!model->setData(model->index(model->rowOf(Category::Gpu), BuildTableModel::UnitPriceColumn), 777.0))
        return 4;
    QObject::connect(window.autosave(), &AutosaveManager::autosaved, [](const QString& path) {
        std::printf("AUTOSAVED %s\n", qPrintable(path));
        std::fflush(stdout);
    });
    return QApplication::exec();  // until killed
}

TEST_F(DataSafetyTest, BuildEditedInAKilledProcessIsRestored)
{
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("MLRIG_UI_TEST_CHILD"), QStringLiteral("autosave-crash"));
    env.insert(QStringLiteral("MLRIG_UI_TEST_DATA_DIR"), dataDir.path());
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(), {});
    ASSERT_TRUE(child.waitForStarted(10000));
    QByteArray out;
    while (!out.contains("AUTOSAVED") && child.state() == QProcess::Running && child.waitForReadyRead(30000))
        out += child.readAllStandardOutput();
    ASSERT_TRUE(out.contains("AUTOSAVED")) << "child said: " << out.constData() << " exit " << child.exitCode();

    const QString original = dataDir.filePath(QStringLiteral("rig.mlrig"));
    const QString originalBytes = readAll(original);
    ASSERT_FALSE(originalBytes.isEmpty());

    // While the child runs, its autosave belongs to a live window and is not offered.
    {
        auto bystander = makeWindow();
        bystander->setRecoveryPrompt([](const AutosaveEntry&) { return RecoveryChoice::Discard; });
        EXPECT_FALSE(bystander->offerRecovery());
        EXPECT_EQ(autosaveFiles().size(), 1);
    }

    ::kill(static_cast<pid_t>(child.processId()), SIGKILL);
    ASSERT_TRUE(child.waitForFinished(10000));
    EXPECT_EQ(child.exitStatus(), QProcess::CrashExit);

    auto window = makeWindow();
    int prompts = 0;
    AutosaveEntry offered;
    window->setRecoveryPrompt([&](const AutosaveEntry& e) {
        ++prompts;
        offered = e;
        return RecoveryChoice::Restore;
    });
    ASSERT_TRUE(window->offerRecovery());
    EXPECT_EQ(prompts, 1);
    EXPECT_EQ(offered.originalPath, original);
    EXPECT_LT(offered.savedAt.secsTo(QDateTime::currentDateTime()), 120);

    const Build& build = window->session()->build();
    const int gpu = itemIndexOf(build, Category::Gpu);
    ASSERT_GE(gpu, 0);
    ASSERT_TRUE(build.items[static_cast<size_t>(gpu)].custom.has_value());
    EXPECT_EQ(QString::fromStdString(infoOf(*build.items[static_cast<size_t>(gpu)].custom).name), kHostile);
    EXPECT_EQ(build.items[static_cast<size_t>(gpu)].price, std::optional<double>(777.0));
    // Opens as unsaved changes to the original file, which was not touched.
    EXPECT_TRUE(window->isWindowModified());
    EXPECT_EQ(window->currentFile(), original);
    EXPECT_TRUE(window->windowTitle().contains(QStringLiteral("rig.mlrig")));
    EXPECT_EQ(readAll(original), originalBytes);
    // The child's autosave was handed over to this window's own.
    const QStringList left = autosaveFiles();
    ASSERT_EQ(left.size(), 1);
    EXPECT_EQ(QDir(autosaveDir()).filePath(left.front()), window->autosave()->buildPath());
    // Not offered twice.
    auto another = makeWindow();
    another->setRecoveryPrompt([](const AutosaveEntry&) { return RecoveryChoice::Discard; });
    EXPECT_FALSE(another->offerRecovery());

    // Saving writes the restored build to the original file and ends the autosave.
    ASSERT_TRUE(window->saveTo(window->currentFile()));
    EXPECT_EQ(loadBuildFile(original.toStdString(), &uiCatalog()), window->session()->build());
    EXPECT_TRUE(autosaveFiles().isEmpty());
}

// ---- user database -----------------------------------------------------------------------------

TEST_F(DataSafetyTest, DamagedUserDatabaseIsMovedAsideWithAMessage)
{
    const QString path = dataDir.filePath(QStringLiteral("user.sqlite"));
    {
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(8192, '\x42'));
    }
    auto window = makeWindow();
    window->setInteractive(true);
    window->resize(900, 600);
    window->show();
    QSignalSpy notices(window.get(), &MainWindow::noticeShown);
    window->openUserData(path);
    ASSERT_EQ(notices.count(), 1);
    EXPECT_EQ(notices.at(0).at(0).toString(), QStringLiteral("Your prices and custom parts"));
    const QString text = notices.at(0).at(1).toString();
    EXPECT_TRUE(text.contains(QStringLiteral("user.sqlite.corrupt-1"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("not deleted"))) << text.toStdString();
    EXPECT_EQ(window->statusBar()->currentMessage(), text);
    QMessageBox* box = nullptr;
    for (QMessageBox* b : window->findChildren<QMessageBox*>())
        if (b->text() == text)
            box = b;
    ASSERT_NE(box, nullptr);
    EXPECT_TRUE(box->isVisible());
    shot(box, QStringLiteral("user-database-damaged.png"));
    box->close();
    window->setInteractive(false);
    EXPECT_EQ(QFile(path + QStringLiteral(".corrupt-1")).size(), 8192);
    ASSERT_NE(window->userDatabase(), nullptr);
    EXPECT_EQ(window->userDatabase()->schemaVersion(), UserDatabase::kSchemaVersion);

    // A healthy database opens without a word.
    auto next = makeWindow();
    QSignalSpy none(next.get(), &MainWindow::noticeShown);
    next->openUserData(path);
    EXPECT_EQ(none.count(), 0);
}

TEST_F(DataSafetyTest, YourPricesAreRememberedAcrossBuilds)
{
    auto window = makeWindow();
    window->openUserData(dataDir.filePath(QStringLiteral("user.sqlite")));
    const AnyPart& card = *uiCatalog().find(Category::Gpu, "GeForce RTX 3090");
    window->choosePart(Category::Gpu, -1, card);
    BuildTableModel* model = window->buildModel();
    ASSERT_TRUE(model->setData(model->index(model->rowOf(Category::Gpu), BuildTableModel::UnitPriceColumn), 649.0));
    window->newBuild();
    window->choosePart(Category::Gpu, -1, card);
    EXPECT_EQ(window->session()->build().items[0].price, std::optional<double>(649.0));

    // The next start (a new window on the same file) remembers it too.
    auto later = makeWindow();
    later->openUserData(dataDir.filePath(QStringLiteral("user.sqlite")));
    later->choosePart(Category::Gpu, -1, card);
    EXPECT_EQ(later->session()->build().items[0].price, std::optional<double>(649.0));
    // "Use the catalog price" forgets it.
    later->session()->setPrice(0, std::nullopt);
    later->newBuild();
    later->choosePart(Category::Gpu, -1, card);
    EXPECT_FALSE(later->session()->build().items[0].price.has_value());
}

TEST_F(DataSafetyTest, CustomPartsWithHostileNamesAreKeptAndOfferedInThePicker)
{
    QString longName;
    while (longName.size() < 10000)
        longName += QStringLiteral("Long name \u65e5\u672c ");
    longName += QStringLiteral("end");  // names are trimmed on load
    auto window = makeWindow();
    window->openUserData(dataDir.filePath(QStringLiteral("user.sqlite")));
    window->choosePart(Category::Gpu, -1, hostileGpu(), true);
    window->choosePart(Category::Storage, -1, [&] {
        Storage s;
        s.info.name = longName.toStdString();
        return AnyPart(s);
    }(), true);
    ASSERT_EQ(window->userDatabase()->customParts().size(), 2u);

    // .mlrig round trip through the window.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("hostile.mlrig"));
    ASSERT_TRUE(window->saveTo(path));
    const Build saved = window->session()->build();
    window->newBuild();
    ASSERT_TRUE(window->openFile(path));
    EXPECT_EQ(window->session()->build(), saved);

    // A new build, the picker on the GPU row: "My parts" offers the saved card.
    window->newBuild();
    const int row = window->buildModel()->rowOf(Category::Gpu);
    bool sawButton = false;
    QTimer::singleShot(0, window.get(), [&] {
        auto* picker = qobject_cast<PartPickerDialog*>(QApplication::activeModalWidget());
        ASSERT_NE(picker, nullptr);
        QPushButton* mine = picker->savedPartsButton();
        sawButton = mine->isVisible();
        ASSERT_EQ(mine->menu()->actions().size(), 1);
        EXPECT_TRUE(mine->menu()->actions().front()->text().startsWith(QStringLiteral("GeForce RTX\u2122 4090")));
        shot(picker, QStringLiteral("picker-my-parts.png"));
        mine->menu()->actions().front()->trigger();
    });
    window->chooseForRow(row);
    EXPECT_TRUE(sawButton);
    const Build& build = window->session()->build();
    ASSERT_EQ(build.items.size(), 1u);
    ASSERT_TRUE(build.items[0].custom.has_value());
    EXPECT_EQ(QString::fromStdString(infoOf(*build.items[0].custom).name), kHostile);
    EXPECT_EQ(window->userDatabase()->customParts().size(), 2u);  // picked again, not stored twice
}

TEST_F(DataSafetyTest, SaveKeepsTheBackupTheSettingAsksFor)
{
    auto window = makeWindow();
    window->choosePart(Category::Cpu, -1, *uiCatalog().findById("cpu-7950x"));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("rig.mlrig"));
    ASSERT_TRUE(window->saveTo(path));
    EXPECT_FALSE(QFileInfo::exists(path + QLatin1Char('~')));  // nothing to keep yet
    const QString first = readAll(path);
    window->choosePart(Category::Gpu, -1, *uiCatalog().find(Category::Gpu, "GeForce RTX 4090"));
    ASSERT_TRUE(window->saveTo(path));
    EXPECT_EQ(readAll(path + QLatin1Char('~')), first);  // on by default
    EXPECT_NE(readAll(path), first);

    window.reset();  // closes the build (and its lock)
    AppSettings settings = AppSettings::load();
    settings.keepBackup = false;
    settings.save();
    auto other = makeWindow();
    ASSERT_TRUE(other->openFile(path));
    QFile::remove(path + QLatin1Char('~'));
    other->choosePart(Category::Cpu, -1, *uiCatalog().findById("cpu-7950x"));
    ASSERT_TRUE(other->saveTo(path));
    EXPECT_FALSE(QFileInfo::exists(path + QLatin1Char('~')));
    settings.keepBackup = true;
    settings.save();
}
