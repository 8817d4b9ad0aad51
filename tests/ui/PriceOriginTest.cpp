// Every price on screen says where it comes from and how old it is, and keeps its own currency.
#include <gtest/gtest.h>

#include <QLocale>

#include "core/catalog/Catalog.h"
#include "tests/support/BuiltInCatalog.h"
#include "ui/common/UiFormat.h"
#include "ui/picker/PartTableModel.h"
#include "ui/session/BuildSession.h"
#include "ui/session/BuildTableModel.h"

using namespace mlrig;
using namespace mlrig::ui;
using mlrig::testsupport::builtInCatalog;

namespace {

int rowOfId(const PartTableModel& model, const std::string& id)
{
    for (int r = 0; r < model.rowCount(); ++r)
        if (infoOf(*model.partAt(r)).id == id)
            return r;
    return -1;
}

}  // namespace

TEST(PriceOrigin, ThePickerShowsMarketPricesWithMonthAndMsrpOnlyAsLabelledFallback)
{
    const PartTableModel model(builtInCatalog(), Category::Gpu);
    ASSERT_GE(model.priceColumn(), 0);
    const int rtx3090 = rowOfId(model, "gpu-model:geforcertx3090");
    ASSERT_GE(rtx3090, 0);
    const QModelIndex price = model.index(rtx3090, model.priceColumn());
    const QString tip = price.data(Qt::ToolTipRole).toString();
    EXPECT_TRUE(tip.startsWith(QStringLiteral("new market, 20"))) << qPrintable(tip);
    EXPECT_TRUE(tip.contains(QStringLiteral("(USD)"))) << qPrintable(tip);
    EXPECT_FALSE(price.data().toString().contains(QStringLiteral("†")));  // not the MSRP
    // A model nobody sells at a tracked price any more is priced at its launch MSRP, said so.
    const int k80 = rowOfId(model, "gpu-model:teslak80");
    ASSERT_GE(k80, 0);
    const QModelIndex k80Price = model.index(k80, model.priceColumn());
    if (k80Price.data(PartTableModel::SortRole).isValid()) {
        EXPECT_TRUE(k80Price.data().toString().contains(QStringLiteral("†")));
        EXPECT_TRUE(k80Price.data(Qt::ToolTipRole).toString().startsWith(QStringLiteral("launch MSRP")));
    }
}

TEST(PriceOrigin, ThePartsListSaysUsedMarketWithMonthAndNeverRelabelsDollars)
{
    BuildSession session(builtInCatalog());
    BuildItem gpu;
    gpu.category = Category::Gpu;
    gpu.ref = "GeForce RTX 3090";
    gpu.quantity = 2;
    gpu.condition = Condition::Used;
    session.setPart(Category::Gpu, -1, gpu);
    const BuildTableModel model(&session);
    const QModelIndex price = model.index(model.rowOf(Category::Gpu), BuildTableModel::UnitPriceColumn);
    const QString tip = price.data(Qt::ToolTipRole).toString();
    EXPECT_TRUE(tip.contains(QStringLiteral("used market, 20"))) << qPrintable(tip);
    EXPECT_TRUE(price.data().toString().startsWith(QStringLiteral("$"))) << qPrintable(price.data().toString());
    const QString amount = QLocale().toString(1234.0, 'f', 0);
    EXPECT_EQ(moneyIn(1234, "USD"), QStringLiteral("$") + amount);
    EXPECT_EQ(moneyIn(1234, "CHF"), amount + QStringLiteral(" CHF"));
}
