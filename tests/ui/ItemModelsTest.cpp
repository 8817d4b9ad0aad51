// The item models on a session with no MainWindow: QAbstractItemModelTester watches each one
// while the build changes (parts added, replaced, removed, undone and redone), and the tests check
// that what the models say follows the build.

#include <gtest/gtest.h>

#include <QAbstractItemModelTester>
#include <QLoggingCategory>
#include <QSortFilterProxyModel>
#include <QStringList>
#include <QTemporaryDir>
#include <QUndoStack>

#include <functional>
#include <memory>

#include "tests/ui/SessionTestSupport.h"
#include "ui/panels/FindingsModel.h"
#include "ui/picker/PartTableModel.h"
#include "ui/session/BuildSession.h"
#include "ui/session/BuildTableModel.h"
#include "ui/session/DocumentController.h"

using namespace mlrig;
using namespace mlrig::ui;

namespace {

using test::catalogGpu;
using test::catalogPart;

const Catalog& catalog()
{
    return test::sessionCatalog();
}

// What QAbstractItemModelTester reports (category qt.modeltest) is collected instead of aborting,
// so a broken model fails the test that broke it with the tester's own words.
QStringList g_modelTestFailures;
QtMessageHandler g_previousHandler = nullptr;

void collectModelTestFailures(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if (context.category && QLatin1String(context.category) == QLatin1String("qt.modeltest") && type >= QtWarningMsg) {
        g_modelTestFailures << message;
        return;
    }
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

class ItemModelsTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(dir.isValid());
        g_modelTestFailures.clear();
        g_previousHandler = qInstallMessageHandler(collectModelTestFailures);
        doc = std::make_unique<DocumentController>(catalog(), dir.filePath(QStringLiteral("autosave")));
    }
    void TearDown() override
    {
        testers.clear();
        proxies.clear();
        doc.reset();
        qInstallMessageHandler(g_previousHandler);
        EXPECT_TRUE(g_modelTestFailures.isEmpty()) << g_modelTestFailures.join(QLatin1Char('\n')).toStdString();
    }

    // Each model gets a tester and a proxy: a proxy keeps its own row mapping, so a model that
    // changes its rows without telling (no reset, no insert/remove signals) leaves the proxy
    // behind, which expectProxiesInSync() sees.
    void watch(QAbstractItemModel* model)
    {
        testers.push_back(std::make_unique<QAbstractItemModelTester>(model, QAbstractItemModelTester::FailureReportingMode::Warning));
        auto proxy = std::make_unique<QSortFilterProxyModel>();
        proxy->setSourceModel(model);
        testers.push_back(std::make_unique<QAbstractItemModelTester>(proxy.get(), QAbstractItemModelTester::FailureReportingMode::Warning));
        proxies.push_back(std::move(proxy));
    }

    void expectProxiesInSync() const
    {
        for (const auto& proxy : proxies) {
            const QAbstractItemModel* model = proxy->sourceModel();
            ASSERT_EQ(proxy->rowCount(), model->rowCount());
            for (int row = 0; row < model->rowCount(); ++row)
                EXPECT_EQ(proxy->rowCount(proxy->mapFromSource(model->index(row, 0))), model->rowCount(model->index(row, 0)));
        }
    }

    BuildSession* session() const { return doc->session(); }

    int itemOf(Category category) const
    {
        const auto& items = session()->build().items;
        for (size_t i = 0; i < items.size(); ++i)
            if (items[i].category == category)
                return static_cast<int>(i);
        return -1;
    }

    // The walk every test takes: a platform, a GPU, a second GPU, a CPU swapped for one of
    // another socket, a GPU removed; then all of it undone and redone.
    void changeTheBuild()
    {
        const std::vector<std::function<void()>> steps = {
            [&] { doc->choosePart(Category::Cpu, -1, catalogPart("cpu-7950x")); },
            [&] { doc->choosePart(Category::Motherboard, -1, catalogPart("mb-x670e")); },
            [&] { doc->choosePart(Category::Memory, -1, catalogPart("ram-2x32")); },
            [&] { doc->choosePart(Category::Gpu, -1, catalogGpu("GeForce RTX 3090")); },
            [&] { doc->choosePart(Category::Gpu, -1, catalogGpu("GeForce RTX 4090")); },
            [&] { doc->choosePart(Category::Cpu, itemOf(Category::Cpu), catalogPart("cpu-13600k")); },
            [&] { session()->removeItem(itemOf(Category::Gpu)); },
        };
        for (const auto& step : steps) {
            step();
            expectProxiesInSync();
        }
        QUndoStack* undo = session()->undoStack();
        while (undo->canUndo()) {
            undo->undo();
            expectProxiesInSync();
        }
        while (undo->canRedo()) {
            undo->redo();
            expectProxiesInSync();
        }
    }

    QTemporaryDir dir;
    std::unique_ptr<DocumentController> doc;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;
    std::vector<std::unique_ptr<QSortFilterProxyModel>> proxies;
};

QString partText(const BuildTableModel& model, Category category)
{
    return model.index(model.rowOf(category), BuildTableModel::PartColumn).data().toString();
}

TEST_F(ItemModelsTest, BuildTableFollowsEveryEdit)
{
    BuildTableModel model(session());
    watch(&model);
    const int emptyRows = model.rowCount();
    EXPECT_EQ(emptyRows, 9);  // eight categories to pick + the total
    EXPECT_TRUE(model.index(emptyRows - 1, 0).data(BuildTableModel::IsTotalRole).toBool());
    EXPECT_EQ(model.index(model.rowOf(Category::Cpu), 0).data(BuildTableModel::ItemIndexRole).toInt(), -1);

    doc->choosePart(Category::Cpu, -1, catalogPart("cpu-7950x"));
    EXPECT_TRUE(partText(model, Category::Cpu).contains(QStringLiteral("7950X")));
    EXPECT_EQ(model.index(model.rowOf(Category::Cpu), 0).data(BuildTableModel::ItemIndexRole).toInt(), 0);

    doc->choosePart(Category::Gpu, -1, catalogGpu("GeForce RTX 3090"));
    doc->choosePart(Category::Gpu, -1, catalogGpu("GeForce RTX 4090"));
    EXPECT_EQ(model.rowCount(), emptyRows + 1);  // the second GPU has its own line
    expectProxiesInSync();

    doc->choosePart(Category::Cpu, itemOf(Category::Cpu), catalogPart("cpu-13600k"));  // replaced, not added
    EXPECT_EQ(model.rowCount(), emptyRows + 1);
    EXPECT_TRUE(partText(model, Category::Cpu).contains(QStringLiteral("13600K")));

    // A price typed in the table is an undoable edit of the session.
    const QModelIndex price = model.index(model.rowOf(Category::Cpu), BuildTableModel::UnitPriceColumn);
    ASSERT_TRUE(model.setData(price, 250.0));
    EXPECT_EQ(session()->build().items[static_cast<size_t>(itemOf(Category::Cpu))].price, std::optional<double>(250.0));

    session()->removeItem(itemOf(Category::Gpu));
    EXPECT_EQ(model.rowCount(), emptyRows);
    session()->undoStack()->undo();
    EXPECT_EQ(model.rowCount(), emptyRows + 1);
    session()->undoStack()->redo();
    EXPECT_EQ(model.rowCount(), emptyRows);
    expectProxiesInSync();

    changeTheBuild();
    doc->newBuild();
    EXPECT_EQ(model.rowCount(), emptyRows);
    expectProxiesInSync();
    EXPECT_TRUE(model.index(model.rowOf(Category::Gpu), 0).data(BuildTableModel::IsEmptyRole).toBool());
}

TEST_F(ItemModelsTest, FindingsFollowEveryEdit)
{
    FindingsModel model(session());
    watch(&model);
    const auto shownFindings = [&] {
        int n = 0;
        for (int g = 0; g < model.rowCount(); ++g)
            n += model.rowCount(model.index(g, 0));
        return n;
    };

    doc->choosePart(Category::Cpu, -1, catalogPart("cpu-7950x"));
    doc->choosePart(Category::Motherboard, -1, catalogPart("mb-x670e"));
    EXPECT_FALSE(model.hasRule(QStringLiteral("cpu-socket")));

    doc->choosePart(Category::Cpu, itemOf(Category::Cpu), catalogPart("cpu-13600k"));  // LGA 1700 on AM5
    EXPECT_TRUE(model.hasRule(QStringLiteral("cpu-socket")));
    expectProxiesInSync();
    EXPECT_EQ(model.findingCount(), static_cast<int>(session()->evaluation().findings.size()));
    EXPECT_EQ(shownFindings(), model.findingCount());

    session()->undoStack()->undo();
    EXPECT_FALSE(model.hasRule(QStringLiteral("cpu-socket")));
    session()->undoStack()->redo();
    EXPECT_TRUE(model.hasRule(QStringLiteral("cpu-socket")));

    changeTheBuild();
    EXPECT_EQ(model.findingCount(), static_cast<int>(session()->evaluation().findings.size()));
    EXPECT_EQ(shownFindings(), model.findingCount());
}

TEST_F(ItemModelsTest, PartTablesHoldEveryCatalogPartOfTheirCategory)
{
    std::vector<std::unique_ptr<PartTableModel>> models;
    for (Category category : {Category::Cpu, Category::Motherboard, Category::Memory, Category::Gpu, Category::Psu,
                              Category::Case, Category::Cooler, Category::Storage}) {
        models.push_back(std::make_unique<PartTableModel>(catalog(), category));
        PartTableModel& model = *models.back();
        watch(&model);
        const auto parts = catalog().parts(category);
        ASSERT_EQ(model.rowCount(), static_cast<int>(parts.size())) << categoryId(category);
        for (int row = 0; row < model.rowCount(); ++row) {
            const AnyPart* p = model.partAt(row);
            ASSERT_NE(p, nullptr);
            EXPECT_EQ(model.rowOf(p), row);
            EXPECT_FALSE(model.index(row, 0).data().toString().isEmpty()) << categoryId(category);
        }
    }
    // The catalog models do not depend on the build: changing it leaves them whole.
    changeTheBuild();
    for (const auto& model : models)
        EXPECT_EQ(model->rowCount(), static_cast<int>(catalog().parts(model->category()).size()));
}

}  // namespace
