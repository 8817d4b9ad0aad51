// The open file's guards, driven through the DocumentController with no window: the lock a
// window holds on its build (a second window is told, a stale lock is taken over, a folder
// without one still opens), the content check before a save replaces a file another window or
// program changed, the watcher that notices such a change while the build sits open, and the
// autosave's record of which file a build belongs to (absolute, canonical, with its identity).

#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QMessageBox>
#include <QSaveFile>
#include <QSettings>
#include <QSignalSpy>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <memory>

#include <sys/wait.h>
#include <unistd.h>

#include "core/io/BuildDocument.h"
#include "tests/ui/SessionTestSupport.h"
#include "ui/session/BuildFileLock.h"
#include "ui/session/BuildSession.h"
#include "ui/session/DocumentController.h"

using namespace mlrig;
using namespace mlrig::ui;
using OpenMode = DocumentController::OpenMode;
using OpenResult = DocumentController::OpenResult;
using SaveResult = DocumentController::SaveResult;

namespace {

QByteArray readBytes(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Replaces the file the way an editor or another program's atomic save does: a new inode.
void replaceFile(const QString& path, const QByteArray& bytes)
{
    QSaveFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
    ASSERT_TRUE(f.commit());
}

// A pid that is certainly not running: a child that has exited and been reaped.
qint64 deadPid()
{
    const pid_t child = ::fork();
    if (child == 0)
        ::_exit(0);
    int status = 0;
    ::waitpid(child, &status, 0);
    return child;
}

class FileGuardTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        QSettings().remove(QStringLiteral("recentFiles"));
        ASSERT_TRUE(dir.isValid());
    }

    std::unique_ptr<DocumentController> makeDocument(const QString& autosave = QStringLiteral("autosave")) const
    {
        auto doc = std::make_unique<DocumentController>(test::sessionCatalog(), dir.filePath(autosave));
        doc->autosave()->setInterval(20);
        return doc;
    }
    QString file(const char* name) const { return dir.filePath(QString::fromLatin1(name)); }

    // A saved build with a CPU and a GPU, both priced: what two windows then edit.
    QString savedBuild(DocumentController& doc, const char* name = "rig.mlrig") const
    {
        doc.choosePart(Category::Cpu, -1, test::catalogPart("cpu-7950x"));
        doc.choosePart(Category::Gpu, -1, test::catalogGpu("GeForce RTX 3090"));
        doc.session()->setPrice(0, 500.0);
        doc.session()->setPrice(1, 700.0);
        const QString path = file(name);
        EXPECT_TRUE(doc.saveTo(path));
        return path;
    }

    QTemporaryDir dir;
};

int gpuItem(const Build& build)
{
    for (size_t i = 0; i < build.items.size(); ++i)
        if (build.items[i].category == Category::Gpu)
            return static_cast<int>(i);
    return -1;
}

int cpuItem(const Build& build)
{
    for (size_t i = 0; i < build.items.size(); ++i)
        if (build.items[i].category == Category::Cpu)
            return static_cast<int>(i);
    return -1;
}

}  // namespace

// ---- lock ----------------------------------------------------------------------------------------

TEST_F(FileGuardTest, ASecondWindowIsToldTheBuildIsOpenAndMayOpenItReadOnly)
{
    auto a = makeDocument();
    const QString path = savedBuild(*a);
    const QString lock = dir.filePath(QStringLiteral(".~lock.rig.mlrig#"));
    EXPECT_EQ(BuildFileLock::lockPathFor(path), lock);
    EXPECT_TRUE(QFileInfo::exists(lock));

    auto b = makeDocument();
    b->choosePart(Category::Cpu, -1, test::catalogPart("cpu-7950x"));
    const Build before = b->session()->build();
    QSignalSpy errors(b.get(), &DocumentController::errorOccurred);
    EXPECT_EQ(b->open(path), OpenResult::LockedByOther);
    EXPECT_EQ(errors.count(), 0);  // a question for the window, not an error
    EXPECT_EQ(b->lockOwner().pid, QCoreApplication::applicationPid());
    EXPECT_EQ(b->lockOwner().host, QSysInfo::machineHostName());
    EXPECT_EQ(b->session()->build(), before);  // nothing changed
    EXPECT_TRUE(b->currentFile().isEmpty());

    // Read-only: it opens, and Save to it is refused (Save As elsewhere works).
    ASSERT_EQ(b->open(path, OpenMode::ReadOnly), OpenResult::Opened);
    EXPECT_TRUE(b->isReadOnly());
    EXPECT_EQ(b->session()->build(), a->session()->build());
    b->session()->setPrice(gpuItem(b->session()->build()), 650.0);
    const QByteArray onDisk = readBytes(path);
    EXPECT_EQ(b->save(path), SaveResult::Failed);
    EXPECT_EQ(errors.count(), 1);
    EXPECT_TRUE(errors.back().at(1).toString().contains(QStringLiteral("read-only")));
    EXPECT_EQ(readBytes(path), onDisk);
    EXPECT_EQ(b->save(file("copy.mlrig")), SaveResult::Saved);
    EXPECT_FALSE(b->isReadOnly());
    EXPECT_TRUE(QFileInfo::exists(dir.filePath(QStringLiteral(".~lock.copy.mlrig#"))));

    // Saving over a build another window has open is refused too.
    auto c = makeDocument();
    QSignalSpy cErrors(c.get(), &DocumentController::errorOccurred);
    EXPECT_EQ(c->save(path), SaveResult::Failed);
    ASSERT_EQ(cErrors.count(), 1);
    EXPECT_TRUE(cErrors.at(0).at(1).toString().contains(QStringLiteral("open in another mlrig window")));
    EXPECT_EQ(readBytes(path), onDisk);
    EXPECT_TRUE(c->currentFile().isEmpty());

    // When A lets go (another file, a clean close), the lock goes and B may take it.
    a->closeCleanly();
    EXPECT_FALSE(QFileInfo::exists(lock));
    EXPECT_EQ(b->open(path), OpenResult::Opened);
    EXPECT_FALSE(b->isReadOnly());
    EXPECT_TRUE(QFileInfo::exists(lock));
    b->newBuild();
    EXPECT_FALSE(QFileInfo::exists(lock));
}

TEST_F(FileGuardTest, ALockLeftByADeadProcessIsTakenOver)
{
    auto a = makeDocument();
    const QString path = savedBuild(*a);
    const QString lock = BuildFileLock::lockPathFor(path);
    // The lock as a crashed mlrig leaves it: this process's lock file with a dead pid in it.
    QByteArray content = readBytes(lock);
    ASSERT_FALSE(content.isEmpty());
    a.reset();
    ASSERT_FALSE(QFileInfo::exists(lock));
    content.replace(0, content.indexOf('\n'), QByteArray::number(deadPid()));
    {
        QFile f(lock);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(content);
    }
    auto b = makeDocument();
    EXPECT_EQ(b->open(path), OpenResult::Opened);
    EXPECT_TRUE(b->lockProblem().isEmpty());
    EXPECT_EQ(readBytes(lock).left(readBytes(lock).indexOf('\n')), QByteArray::number(QCoreApplication::applicationPid()));
}

TEST_F(FileGuardTest, AFolderWhereNoLockCanBeMadeStillOpensTheBuildWithANote)
{
    auto a = makeDocument();
    const QString path = savedBuild(*a);
    a.reset();
    // Something that is not a lock file sits where the lock would go (as a read-only folder would,
    // which a test running as root cannot make).
    ASSERT_TRUE(QDir().mkpath(BuildFileLock::lockPathFor(path) + QStringLiteral("/inside")));
    auto b = makeDocument();
    QSignalSpy problems(b.get(), &DocumentController::lockProblemChanged);
    ASSERT_EQ(b->open(path), OpenResult::Opened);
    ASSERT_EQ(problems.count(), 1);
    EXPECT_FALSE(b->lockProblem().isEmpty());
    EXPECT_TRUE(b->lockProblem().contains(QStringLiteral("will not be warned"))) << b->lockProblem().toStdString();
    // It still saves; saved where a lock can be made, the note goes.
    b->session()->setPrice(0, 10.0);
    EXPECT_TRUE(b->saveTo(path));
    EXPECT_FALSE(b->lockProblem().isEmpty());
    EXPECT_TRUE(b->saveTo(file("elsewhere.mlrig")));
    EXPECT_TRUE(b->lockProblem().isEmpty());
    EXPECT_EQ(problems.count(), 2);
}

TEST_F(FileGuardTest, AReadOnlyFolderStillOpensTheBuildWithANote)
{
    auto a = makeDocument();
    QDir().mkpath(file("ro"));
    a->choosePart(Category::Cpu, -1, test::catalogPart("cpu-7950x"));
    const QString path = file("ro/rig.mlrig");
    ASSERT_TRUE(a->saveTo(path));
    a.reset();
    ASSERT_TRUE(QFile::setPermissions(file("ro"), QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    QFile probe(file("ro/probe"));
    if (probe.open(QIODevice::WriteOnly)) {  // root ignores the mode
        probe.remove();
        QFile::setPermissions(file("ro"), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        GTEST_SKIP() << "running with permissions that ignore a read-only folder";
    }
    auto b = makeDocument();
    EXPECT_EQ(b->open(path), OpenResult::Opened);
    EXPECT_FALSE(b->lockProblem().isEmpty());
    QFile::setPermissions(file("ro"), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
}

// ---- changes on disk -----------------------------------------------------------------------------

TEST_F(FileGuardTest, TwoWindowsOnOneBuildDoNotLoseAnUpdateSilently)
{
    auto a = makeDocument();
    const QString path = savedBuild(*a);
    auto b = makeDocument();
    ASSERT_EQ(b->open(path, OpenMode::IgnoreLock), OpenResult::Opened);  // "Open anyway"

    // A saves the GPU price; B then saves the CPU price.
    a->session()->setPrice(gpuItem(a->session()->build()), 650.0);
    ASSERT_EQ(a->save(path), SaveResult::Saved);
    const QByteArray fromA = readBytes(path);
    b->session()->setPrice(cpuItem(b->session()->build()), 450.0);
    QSignalSpy errors(b.get(), &DocumentController::errorOccurred);
    EXPECT_EQ(b->save(path), SaveResult::ChangedOnDisk);
    EXPECT_EQ(errors.count(), 0);
    EXPECT_EQ(readBytes(path), fromA);  // A's change is still there
    EXPECT_TRUE(b->isModified());
    // The caller that cannot ask gets an error, and the file is kept.
    EXPECT_FALSE(b->saveTo(path));
    EXPECT_EQ(errors.count(), 1);
    EXPECT_TRUE(errors.back().at(1).toString().contains(QStringLiteral("changed on disk")));
    EXPECT_EQ(readBytes(path), fromA);

    // Overwrite is an answer: B's build replaces the file, and later saves are plain again.
    const Build fromB = b->session()->build();
    EXPECT_EQ(b->save(path, true), SaveResult::Saved);
    EXPECT_EQ(loadBuildFile(path.toStdString(), &test::sessionCatalog()), fromB);
    b->session()->setPrice(cpuItem(b->session()->build()), 440.0);
    EXPECT_EQ(b->save(path), SaveResult::Saved);

    // Now A is the one behind; Reload gives it B's build and keeps A on the same file.
    a->session()->setPrice(gpuItem(a->session()->build()), 600.0);
    EXPECT_EQ(a->save(path), SaveResult::ChangedOnDisk);
    ASSERT_TRUE(a->reload());
    EXPECT_EQ(a->session()->build(), b->session()->build());
    EXPECT_FALSE(a->isModified());
    EXPECT_EQ(a->currentFile(), path);
    EXPECT_TRUE(QFileInfo::exists(BuildFileLock::lockPathFor(path)));  // A kept its lock
    a->session()->setPrice(gpuItem(a->session()->build()), 600.0);
    EXPECT_EQ(a->save(path), SaveResult::Saved);
}

TEST_F(FileGuardTest, TheSameBytesRewrittenOrAMissingFileAreNoConflict)
{
    auto a = makeDocument();
    const QString path = savedBuild(*a);
    const QByteArray bytes = readBytes(path);
    replaceFile(path, bytes);  // a sync client rewrites it unchanged: a new inode, the same bytes
    a->session()->setPrice(0, 1.0);
    EXPECT_EQ(a->save(path), SaveResult::Saved);
    ASSERT_TRUE(QFile::remove(path));  // gone: saving writes it again, nothing to lose
    a->session()->setPrice(0, 2.0);
    EXPECT_EQ(a->save(path), SaveResult::Saved);
    EXPECT_TRUE(QFileInfo::exists(path));
}

TEST_F(FileGuardTest, AnOutsideChangeIsReportedOnceEvenAfterTheFileWasReplaced)
{
    auto a = makeDocument();
    const QString path = savedBuild(*a);
    QSignalSpy changed(a.get(), &DocumentController::externalChange);
    QSignalSpy cleared(a.get(), &DocumentController::externalChangeCleared);

    // Our own saves are not outside changes.
    a->session()->setPrice(0, 480.0);
    ASSERT_TRUE(a->saveTo(path));
    QTest::qWait(400);
    EXPECT_EQ(changed.count(), 0);

    // Another program replaces the file (a new inode: the old watch ends with it).
    Build other = a->session()->build();
    other.name = "changed elsewhere";
    replaceFile(path, QByteArray::fromStdString(serializeBuild(other)));
    ASSERT_TRUE(QTest::qWaitFor([&] { return changed.count() == 1; }, 5000));
    EXPECT_EQ(changed.at(0).at(0).toString(), path);
    EXPECT_FALSE(changed.at(0).at(1).toBool());
    EXPECT_TRUE(a->hasExternalChange());
    // The same content again is not asked twice...
    replaceFile(path, QByteArray::fromStdString(serializeBuild(other)));
    QTest::qWait(400);
    EXPECT_EQ(changed.count(), 1);
    // ...a new change is: the watch followed the replaced file.
    other.name = "changed again";
    replaceFile(path, QByteArray::fromStdString(serializeBuild(other)));
    ASSERT_TRUE(QTest::qWaitFor([&] { return changed.count() == 2; }, 5000));
    // Written in place (the same inode) is noticed as well.
    {
        other.name = "changed in place";
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QByteArray::fromStdString(serializeBuild(other)));
    }
    ASSERT_TRUE(QTest::qWaitFor([&] { return changed.count() == 3; }, 5000));
    // Removed.
    ASSERT_TRUE(QFile::remove(path));
    ASSERT_TRUE(QTest::qWaitFor([&] { return changed.count() == 4; }, 5000));
    EXPECT_TRUE(changed.at(3).at(1).toBool());
    // Reloading after it is back ends it.
    replaceFile(path, QByteArray::fromStdString(serializeBuild(other)));
    ASSERT_TRUE(QTest::qWaitFor([&] { return changed.count() == 5; }, 5000));
    ASSERT_TRUE(a->reload());
    EXPECT_FALSE(a->hasExternalChange());
    EXPECT_GE(cleared.count(), 1);
    EXPECT_EQ(a->session()->build().name, "changed in place");
}

// ---- autosave records the file ---------------------------------------------------------------

TEST_F(FileGuardTest, TheAutosaveRecordsTheAbsoluteCanonicalPathAndIdentity)
{
    QDir().mkpath(file("real"));
    ASSERT_TRUE(QFile::link(file("real"), file("link")));
    const QString before = QDir::currentPath();
    ASSERT_TRUE(QDir::setCurrent(file("real")));
    auto doc = makeDocument();
    doc->choosePart(Category::Cpu, -1, test::catalogPart("cpu-7950x"));
    ASSERT_TRUE(doc->saveTo(QStringLiteral("build.mlrig")));  // relative
    QDir::setCurrent(before);
    EXPECT_EQ(doc->currentFile(), QFileInfo(file("real/build.mlrig")).absoluteFilePath());  // kept absolute
    // Now through a symlinked folder: the autosave names the real file.
    doc->choosePart(Category::Gpu, -1, test::catalogGpu("GeForce RTX 4090"));
    ASSERT_TRUE(doc->saveTo(file("link/build.mlrig")));
    EXPECT_EQ(doc->currentFile(), file("link/build.mlrig"));
    doc->choosePart(Category::Gpu, -1, test::catalogGpu("GeForce RTX 3090"));
    ASSERT_TRUE(doc->autosave()->writeNow());
    QString meta = doc->autosave()->buildPath();
    meta.replace(QStringLiteral(".mlrig"), QStringLiteral(".json"));
    const QJsonObject json = QJsonDocument::fromJson(readBytes(meta)).object();
    const QString canonical = QFileInfo(file("real/build.mlrig")).canonicalFilePath();
    EXPECT_EQ(json.value(QStringLiteral("original_path")).toString(), canonical);
    EXPECT_FALSE(json.value(QStringLiteral("original_inode")).toString().isEmpty());
    EXPECT_FALSE(json.value(QStringLiteral("original_device")).toString().isEmpty());
    EXPECT_EQ(json.value(QStringLiteral("original_sha256")).toString().toLatin1(),
              FileIdentity::hashOf(file("real/build.mlrig")));
}

TEST_F(FileGuardTest, ARestoreNeverBindsToADifferentFileOfTheSameName)
{
    // The reported case: the build is "build.mlrig" in one folder; at restore, the file at the
    // recorded path has been replaced by another build.
    auto doc = makeDocument();
    const QString path = savedBuild(*doc, "build.mlrig");
    doc->session()->setPrice(0, 123.0);
    ASSERT_TRUE(doc->autosave()->writeNow());
    const Build unsaved = doc->session()->build();
    doc.reset();  // a crash

    Build unrelated;
    unrelated.name = "someone else's build";
    // The old file is moved aside, not deleted: a deleted file's inode can be handed straight to the
    // new file, and then the two are the same file by device and inode (a file edited in place),
    // which made this test fail now and then under parallel runs.
    ASSERT_TRUE(QFile::rename(path, path + QStringLiteral(".old")));
    replaceFile(path, QByteArray::fromStdString(serializeBuild(unrelated)));
    const QByteArray theirs = readBytes(path);

    doc = makeDocument();
    const auto entry = doc->takeRecoveryCandidate();
    ASSERT_TRUE(entry.has_value());
    EXPECT_EQ(entry->originalPath, QFileInfo(path).canonicalFilePath());
    EXPECT_TRUE(entry->hasIdentity);
    QSignalSpy notices(doc.get(), &DocumentController::noticeOccurred);
    ASSERT_TRUE(doc->resolveRecovery(*entry, RecoveryChoice::Restore));
    EXPECT_EQ(doc->session()->build(), unsaved);
    EXPECT_TRUE(doc->currentFile().isEmpty());  // untitled: Save asks where
    EXPECT_TRUE(doc->isModified());
    ASSERT_EQ(notices.count(), 1);
    EXPECT_TRUE(notices.at(0).at(1).toString().contains(QStringLiteral("different file"))) << notices.at(0).at(1).toString().toStdString();
    EXPECT_EQ(readBytes(path), theirs);
}

TEST_F(FileGuardTest, ARestoreBindsToTheSameFileAndOpensUntitledWhenItIsGone)
{
    for (const bool removeIt : {false, true}) {
        auto doc = makeDocument(removeIt ? QStringLiteral("autosave-gone") : QStringLiteral("autosave-same"));
        const QString path = savedBuild(*doc, removeIt ? "gone.mlrig" : "same.mlrig");
        doc->session()->setPrice(0, 321.0);
        ASSERT_TRUE(doc->autosave()->writeNow());
        doc.reset();
        if (removeIt) {
            ASSERT_TRUE(QFile::remove(path));
        }
        doc = makeDocument(removeIt ? QStringLiteral("autosave-gone") : QStringLiteral("autosave-same"));
        const auto entry = doc->takeRecoveryCandidate();
        ASSERT_TRUE(entry.has_value());
        QSignalSpy notices(doc.get(), &DocumentController::noticeOccurred);
        ASSERT_TRUE(doc->resolveRecovery(*entry, RecoveryChoice::Restore));
        if (removeIt) {
            EXPECT_TRUE(doc->currentFile().isEmpty());
            ASSERT_EQ(notices.count(), 1);
            EXPECT_TRUE(notices.at(0).at(1).toString().contains(QStringLiteral("no longer exists")));
        } else {
            EXPECT_EQ(doc->currentFile(), QFileInfo(path).canonicalFilePath());
            EXPECT_EQ(notices.count(), 0);
            EXPECT_TRUE(QFileInfo::exists(BuildFileLock::lockPathFor(path)));
            EXPECT_EQ(doc->save(path), SaveResult::Saved);
        }
    }
}

TEST_F(FileGuardTest, ARestoredBuildStillNoticesAChangeMadeToItsFileSinceTheAutosave)
{
    auto doc = makeDocument();
    const QString path = savedBuild(*doc);
    doc->session()->setPrice(0, 321.0);
    ASSERT_TRUE(doc->autosave()->writeNow());
    doc.reset();
    // Edited in place after the crash: the same file (inode), other content.
    Build edited = loadBuildFile(path.toStdString(), &test::sessionCatalog());
    edited.name = "edited after the crash";
    {
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QByteArray::fromStdString(serializeBuild(edited)));
    }
    doc = makeDocument();
    const auto entry = doc->takeRecoveryCandidate();
    ASSERT_TRUE(entry.has_value());
    ASSERT_TRUE(doc->resolveRecovery(*entry, RecoveryChoice::Restore));
    EXPECT_EQ(doc->currentFile(), path);
    EXPECT_EQ(doc->save(path), SaveResult::ChangedOnDisk);
}

TEST_F(FileGuardTest, AnOldAutosaveWithARelativePathRestoresAsUntitled)
{
    // An autosave written before paths were recorded whole: "build.mlrig" and nothing else.
    const QString autosaveDir = dir.filePath(QStringLiteral("autosave"));
    QDir().mkpath(autosaveDir);
    Build old;
    old.name = "old autosave";
    const QString id = QStringLiteral("999999-abcdefabcdef");
    ASSERT_NO_THROW(saveBuildFile(old, QDir(autosaveDir).filePath(QStringLiteral("session-%1.mlrig").arg(id)).toStdString()));
    {
        QFile meta(QDir(autosaveDir).filePath(QStringLiteral("session-%1.json").arg(id)));
        ASSERT_TRUE(meta.open(QIODevice::WriteOnly));
        meta.write(R"({"format":"mlrig-autosave","version":1,"original_path":"build.mlrig","build_name":"old autosave",)"
                   R"("saved_at":"2026-11-30T10:00:00.000Z","pid":999999})");
    }
    // A build.mlrig in the folder the next session starts in: not necessarily the same one.
    const QString before = QDir::currentPath();
    ASSERT_TRUE(QDir::setCurrent(dir.path()));
    Build unrelated;
    unrelated.name = "unrelated";
    saveBuildFile(unrelated, "build.mlrig");
    const QByteArray theirs = readBytes(file("build.mlrig"));

    auto doc = makeDocument();
    const auto entry = doc->takeRecoveryCandidate();
    ASSERT_TRUE(entry.has_value());
    EXPECT_EQ(entry->originalPath, QStringLiteral("build.mlrig"));
    EXPECT_FALSE(entry->hasIdentity);
    EXPECT_TRUE(entry->originalIsRelative());
    // The prompt says so before the user picks Restore.
    {
        std::unique_ptr<QMessageBox> box(createRecoveryMessageBox(*entry, nullptr));
        EXPECT_TRUE(box->informativeText().contains(QStringLiteral("without a folder"))) << box->informativeText().toStdString();
        EXPECT_TRUE(box->informativeText().contains(QStringLiteral("untitled build")));
    }
    QSignalSpy notices(doc.get(), &DocumentController::noticeOccurred);
    ASSERT_TRUE(doc->resolveRecovery(*entry, RecoveryChoice::Restore));
    QDir::setCurrent(before);
    EXPECT_EQ(doc->session()->build().name, "old autosave");
    EXPECT_TRUE(doc->currentFile().isEmpty());
    ASSERT_EQ(notices.count(), 1);
    EXPECT_TRUE(notices.at(0).at(1).toString().contains(QStringLiteral("without a folder")));
    EXPECT_EQ(readBytes(file("build.mlrig")), theirs);
}

// ---- autosave problems last until resolved ------------------------------------------------------

TEST_F(FileGuardTest, AnAutosaveProblemLastsUntilAWriteSucceeds)
{
    auto doc = makeDocument();
    QSignalSpy problems(doc->autosave(), &AutosaveManager::problemChanged);
    EXPECT_TRUE(doc->autosave()->problem().isEmpty());
    // Something that cannot be replaced by a file sits where the autosave goes.
    const QString target = doc->autosave()->buildPath();
    ASSERT_TRUE(QDir().mkpath(target + QStringLiteral("/inside")));
    doc->choosePart(Category::Cpu, -1, test::catalogPart("cpu-7950x"));
    EXPECT_FALSE(doc->autosave()->writeNow());
    EXPECT_TRUE(doc->autosave()->problem().startsWith(QStringLiteral("Autosave failed")));
    EXPECT_EQ(problems.count(), 1);
    // It is retried on its own; once the obstacle is gone the problem is over.
    ASSERT_TRUE(QDir(target).removeRecursively());
    ASSERT_TRUE(QTest::qWaitFor([&] { return doc->autosave()->problem().isEmpty(); }, 5000));
    EXPECT_TRUE(QFileInfo(target).isFile());
    EXPECT_EQ(problems.count(), 2);
}

TEST_F(FileGuardTest, AnAutosaveFolderThatCannotBeLockedIsAProblemFromTheStart)
{
    // The autosave "folder" is a file: nothing can be locked or written there.
    {
        QFile blocker(file("blocked"));
        ASSERT_TRUE(blocker.open(QIODevice::WriteOnly));
    }
    auto doc = makeDocument(QStringLiteral("blocked/autosave"));
    EXPECT_TRUE(doc->autosave()->problem().contains(QStringLiteral("cannot be locked"))) << doc->autosave()->problem().toStdString();
    // Resolved once the folder can be made.
    ASSERT_TRUE(QFile::remove(file("blocked")));
    doc->autosave()->writeNow();
    EXPECT_TRUE(doc->autosave()->problem().isEmpty()) << doc->autosave()->problem().toStdString();
}
