// The real part picker dialog, offscreen, on the built-in catalog: typing the issue 18 examples
// finds their parts in core's order, the spec filters and "Sort by" drive core, incompatible parts
// carry their reason when shown, a product listed twice shows once, and a screenshot is written
// for a person to look at (MLRIG_SCREENSHOT_DIR, when set).
#include <gtest/gtest.h>

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTableView>
#include <QTest>

#include "core/advise/PartFilter.h"
#include "tests/support/BuiltInCatalog.h"
#include "tests/support/Parts.h"
#include "ui/picker/PartFilterProxy.h"
#include "ui/picker/PartPickerDialog.h"
#include "ui/picker/PartTableModel.h"
#include "ui/picker/SpecFilterBar.h"

using namespace mlrig;
using namespace mlrig::ui;
using mlrig::testsupport::builtInCatalog;
using mlrig::testsupport::refItem;

namespace {

const AnyPart& shownPart(const PartPickerDialog& dialog, int row)
{
    const QModelIndex source = dialog.proxy()->mapToSource(dialog.proxy()->index(row, 0));
    return *dialog.model()->partAt(source.row());
}

void type(PartPickerDialog& dialog, const QString& text)
{
    dialog.searchField()->clear();
    QTest::keyClicks(dialog.searchField(), text);
}

void saveScreenshot(QWidget& widget, const QString& name)
{
    const QByteArray dir = qgetenv("MLRIG_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    widget.show();
    QApplication::processEvents();
    ASSERT_TRUE(widget.grab().save(QDir(QString::fromLocal8Bit(dir)).filePath(name)));
}

}  // namespace

TEST(PartPicker, TypedAsPeopleTypeTheExamplesFindTheirPartsBestFirst)
{
    Build empty;
    PartPickerDialog dialog(builtInCatalog(), Category::Gpu, empty, -1, EvaluationOptions{});
    QAbstractItemModelTester sourceTester(dialog.model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester proxyTester(dialog.proxy(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    for (const QString& typed : {QStringLiteral("rtx3090"), QStringLiteral("RTX-3090"), QStringLiteral("rtx 3090")}) {
        type(dialog, typed);
        ASSERT_GE(dialog.proxy()->rowCount(), 10) << typed.toStdString();
        for (int row = 0; row < 10; ++row)
            EXPECT_EQ(std::get<Gpu>(shownPart(dialog, row)).chipModel, "GeForce RTX 3090") << typed.toStdString();
        // The dialog's order is core's: the same rows as PartFilter ranks them.
        PartQuery q;
        q.text = typed.toStdString();
        q.onlyCompatible = true;
        const PartSearchResult core = dialog.filter().run(q);
        ASSERT_EQ(static_cast<size_t>(dialog.proxy()->rowCount()), core.rows.size());
        for (int row = 0; row < dialog.proxy()->rowCount(); row += 7)
            EXPECT_EQ(dialog.proxy()->mapToSource(dialog.proxy()->index(row, 0)).row(),
                      static_cast<int>(core.rows[static_cast<size_t>(row)]));
    }
    type(dialog, QStringLiteral("4060ti 16gb"));
    ASSERT_GE(dialog.proxy()->rowCount(), 5);
    EXPECT_EQ(std::get<Gpu>(shownPart(dialog, 0)).chipModel, "GeForce RTX 4060 Ti 16GB");
    EXPECT_EQ(dialog.view()->currentIndex().row(), 0);  // Enter picks the best match

    // The spec filter and the sort go through core.
    type(dialog, QString());
    dialog.specFilters()->minVram()->setValue(24);
    ASSERT_GT(dialog.proxy()->rowCount(), 10);
    for (int row = 0; row < dialog.proxy()->rowCount(); ++row)
        EXPECT_GE(std::get<Gpu>(shownPart(dialog, row)).vramGb.value_or(0), 24);
    const int vramSort = dialog.sortCombo()->findData(static_cast<int>(PartSort::Vram));
    ASSERT_GE(vramSort, 0);
    dialog.sortCombo()->setCurrentIndex(vramSort);
    EXPECT_TRUE(dialog.proxy()->isRanked());
    EXPECT_GE(std::get<Gpu>(shownPart(dialog, 0)).vramGb.value_or(0), 48);
    dialog.specFilters()->minVram()->setValue(0);
    // A header click sorts by its column, "Sort by" returns to the ranked order.
    dialog.proxy()->sort(dialog.model()->priceColumn(), Qt::AscendingOrder);
    EXPECT_FALSE(dialog.proxy()->isRanked());
    dialog.sortCombo()->setCurrentIndex(0);
    EXPECT_TRUE(dialog.proxy()->isRanked());
}

TEST(PartPicker, IncompatiblePartsAreMarkedWithTheirReasonWhenShown)
{
    Build build;
    build.items.push_back(refItem(Category::Cpu, "Intel Core i7 13700K"));
    PartPickerDialog dialog(builtInCatalog(), Category::Motherboard, build, -1, EvaluationOptions{});
    QAbstractItemModelTester sourceTester(dialog.model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester proxyTester(dialog.proxy(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_GE(dialog.model()->fitColumn(), 0);
    type(dialog, QStringLiteral("x370"));
    EXPECT_EQ(dialog.proxy()->rowCount(), 0);  // every X370 board is AM4
    EXPECT_TRUE(dialog.countLabel()->text().contains(QStringLiteral("untick"))) << dialog.countLabel()->text().toStdString();
    dialog.compatibleCheck()->setChecked(false);
    ASSERT_GE(dialog.proxy()->rowCount(), 30);
    for (int row = 0; row < dialog.proxy()->rowCount(); ++row) {
        const QString fit = dialog.proxy()->index(row, dialog.model()->fitColumn()).data().toString();
        EXPECT_TRUE(fit.startsWith(QStringLiteral("no: ")) && fit.contains(QStringLiteral("socket AM4")))
            << fit.toStdString();
    }
    const QString tip = dialog.proxy()->index(0, 0).data(Qt::ToolTipRole).toString();
    EXPECT_TRUE(tip.contains(QStringLiteral("LGA 1700"))) << tip.toStdString();

    // A matching board says so; the socket filter narrows to it.
    type(dialog, QString());
    QComboBox* socket = dialog.specFilters()->socket();
    ASSERT_NE(socket, nullptr);
    const int lga1700 = socket->findData(QStringLiteral("LGA 1700"));
    ASSERT_GT(lga1700, 0);
    socket->setCurrentIndex(lga1700);
    dialog.compatibleCheck()->setChecked(true);
    ASSERT_GT(dialog.proxy()->rowCount(), 20);
    for (int row = 0; row < 20; ++row) {
        EXPECT_EQ(std::get<Motherboard>(shownPart(dialog, row)).socket, "LGA 1700");
        EXPECT_EQ(dialog.proxy()->index(row, dialog.model()->fitColumn()).data().toString(), QStringLiteral("yes"));
    }
    dialog.resize(1200, 620);
    saveScreenshot(dialog, QStringLiteral("picker-motherboard.png"));
}

TEST(PartPicker, OneProductListedTwiceShowsOnceAndPricedPartsComeFirst)
{
    Build empty;
    PartPickerDialog dialog(builtInCatalog(), Category::Cpu, empty, -1, EvaluationOptions{});
    type(dialog, QStringLiteral("7600x3d"));
    ASSERT_EQ(dialog.proxy()->rowCount(), 1);
    EXPECT_EQ(infoOf(shownPart(dialog, 0)).name, "AMD Ryzen 5 7600X3D");
    EXPECT_TRUE(dialog.countLabel()->text().contains(QStringLiteral("1 duplicate listings merged")))
        << dialog.countLabel()->text().toStdString();

    PartPickerDialog gpus(builtInCatalog(), Category::Gpu, empty, -1, EvaluationOptions{});
    ASSERT_GT(gpus.proxy()->rowCount(), 100);
    const int price = gpus.model()->priceColumn();
    for (int row = 0; row < 30; ++row) {
        EXPECT_TRUE(gpus.proxy()->index(row, price).data(PartTableModel::SortRole).isValid());
        EXPECT_FALSE(gpus.proxy()->index(row, 0).data().toString().contains(QStringLiteral("GT 710")));
    }
    gpus.pricedFirstCheck()->setChecked(false);
    EXPECT_GT(gpus.proxy()->rowCount(), 100);
    gpus.resize(1200, 620);
    type(gpus, QStringLiteral("rtx3090"));
    saveScreenshot(gpus, QStringLiteral("picker-gpu.png"));
}
