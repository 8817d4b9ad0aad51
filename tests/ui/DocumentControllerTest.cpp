// The document behind the main window, driven with no window at all: open / save / new, the
// recent-files list, autosave and crash recovery, export, and remembered prices and custom parts.

#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUndoStack>

#include <memory>

#include "core/catalog/UserDatabase.h"
#include "core/io/BuildDocument.h"
#include "tests/ui/SessionTestSupport.h"
#include "ui/session/BuildSession.h"
#include "ui/session/DocumentController.h"

using namespace mlrig;
using namespace mlrig::ui;

namespace {

const Catalog& catalog()
{
    return test::sessionCatalog();
}

const AnyPart& cpu()
{
    return test::catalogPart("cpu-7950x");
}

const AnyPart& gpu()
{
    return test::catalogGpu("GeForce RTX 3090");
}

class DocumentControllerTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        QSettings().remove(QStringLiteral("recentFiles"));
        ASSERT_TRUE(dir.isValid());
        doc = makeDocument();
    }

    std::unique_ptr<DocumentController> makeDocument() const
    {
        return std::make_unique<DocumentController>(catalog(), dir.filePath(QStringLiteral("autosave")));
    }

    QString file(const char* name) const { return dir.filePath(QString::fromLatin1(name)); }

    QTemporaryDir dir;
    std::unique_ptr<DocumentController> doc;
};

TEST_F(DocumentControllerTest, SaveNewAndOpenRoundTrip)
{
    QSignalSpy fileChanged(doc.get(), &DocumentController::currentFileChanged);
    EXPECT_FALSE(doc->isModified());
    EXPECT_TRUE(doc->isBlank());
    doc->choosePart(Category::Cpu, -1, cpu());
    EXPECT_TRUE(doc->isModified());
    EXPECT_FALSE(doc->isBlank());
    const Build saved = doc->session()->build();

    const QString path = file("rig.mlrig");
    ASSERT_TRUE(doc->saveTo(path));
    EXPECT_FALSE(doc->isModified());
    EXPECT_EQ(doc->currentFile(), path);
    ASSERT_EQ(fileChanged.count(), 1);
    EXPECT_EQ(fileChanged.at(0).at(0).toString(), path);
    EXPECT_EQ(loadBuildFile(path.toStdString(), &catalog()), saved);

    doc->newBuild();
    EXPECT_TRUE(doc->session()->build().items.empty());
    EXPECT_TRUE(doc->currentFile().isEmpty());
    EXPECT_TRUE(doc->isBlank());

    ASSERT_TRUE(doc->openFile(path));
    EXPECT_EQ(doc->session()->build(), saved);
    EXPECT_EQ(doc->currentFile(), path);
    EXPECT_FALSE(doc->isModified());
    EXPECT_FALSE(doc->session()->undoStack()->canUndo());  // a fresh start, not an edit
}

TEST_F(DocumentControllerTest, AFileThatDoesNotLoadLeavesTheBuildAsItWas)
{
    // A build file cut in half (a copy that did not finish) and one that is not there.
    const QString cut = file("cut.mlrig");
    doc->choosePart(Category::Gpu, -1, gpu());
    ASSERT_TRUE(doc->saveTo(cut));
    ASSERT_TRUE(QFile::resize(cut, QFileInfo(cut).size() / 2));
    doc->choosePart(Category::Cpu, -1, cpu());
    const Build before = doc->session()->build();

    for (const QString& path : {cut, file("missing.mlrig")}) {
        QSignalSpy errors(doc.get(), &DocumentController::errorOccurred);
        EXPECT_FALSE(doc->openFile(path));
        ASSERT_EQ(errors.count(), 1);
        EXPECT_TRUE(errors.at(0).at(0).toString().contains(QFileInfo(path).fileName()));
        EXPECT_EQ(doc->session()->build(), before);
        EXPECT_EQ(doc->currentFile(), cut);
        EXPECT_TRUE(doc->isModified());
    }
}

TEST_F(DocumentControllerTest, AFailedSaveKeepsTheChangesAndTheFileName)
{
    const QString good = file("good.mlrig");
    ASSERT_TRUE(doc->saveTo(good));
    doc->choosePart(Category::Cpu, -1, cpu());
    QSignalSpy errors(doc.get(), &DocumentController::errorOccurred);
    EXPECT_FALSE(doc->saveTo(file("no/such/folder/x.mlrig")));
    EXPECT_EQ(errors.count(), 1);
    EXPECT_TRUE(doc->isModified());
    EXPECT_EQ(doc->currentFile(), good);
    EXPECT_EQ(doc->recentFiles().size(), 1);
}

TEST_F(DocumentControllerTest, RecentFilesAreNewestFirstWithoutRepeatsAndCapped)
{
    QSignalSpy changed(doc.get(), &DocumentController::recentFilesChanged);
    QStringList paths;
    for (int i = 0; i < DocumentController::kMaxRecent + 2; ++i) {
        paths << file(qPrintable(QStringLiteral("b%1.mlrig").arg(i)));
        ASSERT_TRUE(doc->saveTo(paths.back()));
    }
    EXPECT_EQ(changed.count(), paths.size());
    QStringList recent = doc->recentFiles();
    ASSERT_EQ(recent.size(), DocumentController::kMaxRecent);
    EXPECT_EQ(recent.front(), QFileInfo(paths.back()).absoluteFilePath());
    EXPECT_FALSE(recent.contains(QFileInfo(paths.front()).absoluteFilePath()));  // the oldest fell off

    ASSERT_TRUE(doc->openFile(paths[5]));
    recent = doc->recentFiles();
    EXPECT_EQ(recent.size(), DocumentController::kMaxRecent);
    EXPECT_EQ(recent.front(), QFileInfo(paths[5]).absoluteFilePath());
    EXPECT_EQ(recent.count(QFileInfo(paths[5]).absoluteFilePath()), 1);
}

TEST_F(DocumentControllerTest, AnAutosaveLeftByACrashIsRestoredWithItsFileName)
{
    const QString original = file("rig.mlrig");
    ASSERT_TRUE(doc->saveTo(original));
    doc->choosePart(Category::Gpu, -1, gpu());
    ASSERT_TRUE(doc->autosave()->writeNow());
    const QString autosaved = doc->autosave()->buildPath();
    ASSERT_TRUE(QFile::exists(autosaved));
    const Build unsaved = doc->session()->build();
    doc.reset();  // no closeCleanly(): a crash as far as the next start can tell
    ASSERT_TRUE(QFile::exists(autosaved));

    doc = makeDocument();
    const std::optional<AutosaveEntry> entry = doc->takeRecoveryCandidate();
    ASSERT_TRUE(entry.has_value());
    EXPECT_EQ(entry->originalPath, original);
    QSignalSpy fileChanged(doc.get(), &DocumentController::currentFileChanged);
    ASSERT_TRUE(doc->resolveRecovery(*entry, RecoveryChoice::Restore));
    EXPECT_EQ(doc->session()->build(), unsaved);
    EXPECT_EQ(doc->currentFile(), original);
    EXPECT_EQ(fileChanged.count(), 1);
    EXPECT_TRUE(doc->isModified());  // still unsaved, as it was
    EXPECT_FALSE(QFile::exists(autosaved));  // the new session's own autosave took over
    EXPECT_TRUE(QFile::exists(doc->autosave()->buildPath()));

    // A clean end removes it; the next start has nothing to offer.
    doc->closeCleanly();
    EXPECT_FALSE(QFile::exists(doc->autosave()->buildPath()));
    doc.reset();
    doc = makeDocument();
    EXPECT_FALSE(doc->takeRecoveryCandidate().has_value());
}

TEST_F(DocumentControllerTest, RecoveryCanWaitOrBeDiscarded)
{
    doc->choosePart(Category::Cpu, -1, cpu());
    ASSERT_TRUE(doc->autosave()->writeNow());
    doc.reset();

    doc = makeDocument();
    std::optional<AutosaveEntry> entry = doc->takeRecoveryCandidate();
    ASSERT_TRUE(entry.has_value());
    EXPECT_FALSE(doc->resolveRecovery(*entry, RecoveryChoice::Later));
    EXPECT_TRUE(doc->session()->build().items.empty());
    EXPECT_TRUE(QFile::exists(entry->buildPath));
    doc.reset();

    doc = makeDocument();
    entry = doc->takeRecoveryCandidate();
    ASSERT_TRUE(entry.has_value());  // offered again at the next start
    EXPECT_FALSE(doc->resolveRecovery(*entry, RecoveryChoice::Discard));
    EXPECT_FALSE(QFile::exists(entry->buildPath));
    doc.reset();

    doc = makeDocument();
    EXPECT_FALSE(doc->takeRecoveryCandidate().has_value());
}

TEST_F(DocumentControllerTest, YourPricesAndCustomPartsAreRemembered)
{
    // Without a user database nothing is remembered, and nothing fails.
    doc->choosePart(Category::Gpu, -1, gpu());
    doc->session()->setPrice(0, 649.0);
    EXPECT_TRUE(doc->savedCustomParts(Category::Gpu).empty());

    EXPECT_TRUE(doc->openUserData(file("user.sqlite")).isEmpty());  // a new file: nothing to say
    ASSERT_NE(doc->userDatabase(), nullptr);
    doc->newBuild();
    doc->choosePart(Category::Gpu, -1, gpu());
    EXPECT_FALSE(doc->session()->build().items[0].price.has_value());
    doc->session()->setPrice(0, 649.0);  // the user types a price
    doc->newBuild();
    doc->choosePart(Category::Gpu, -1, gpu());
    EXPECT_EQ(doc->session()->build().items[0].price, std::optional<double>(649.0));
    doc->session()->setPrice(0, std::nullopt);  // "Use the catalog price" forgets it
    doc->newBuild();
    doc->choosePart(Category::Gpu, -1, gpu());
    EXPECT_FALSE(doc->session()->build().items[0].price.has_value());

    Storage disk;
    disk.info.name = "My old SATA disk";
    doc->choosePart(Category::Storage, -1, AnyPart(disk), true);
    const std::vector<AnyPart> saved = doc->savedCustomParts(Category::Storage);
    ASSERT_EQ(saved.size(), 1u);
    EXPECT_EQ(infoOf(saved.front()).name, "My old SATA disk");
    EXPECT_TRUE(doc->savedCustomParts(Category::Gpu).empty());
}

}  // namespace
