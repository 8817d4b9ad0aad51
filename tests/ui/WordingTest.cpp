// Issue 18, "words": counted texts in proper English (tr() with %n and the English plural
// forms), no rule ids in what a person reads, currency on the electricity price, the finding's
// own words in its tooltip, a file name from the build's name, a wizard that asks before it
// throws answers away, and both redo shortcuts.

#include <gtest/gtest.h>

#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <QUndoStack>

#include <memory>

#include "ui/mainwindow/MainWindow.h"
#include "ui/mainwindow/SettingsDialog.h"
#include "ui/panels/FindingsModel.h"
#include "ui/panels/FindingsPanel.h"
#include "ui/session/BuildSession.h"
#include "ui/wizard/BuildWizard.h"
#include "tests/support/Catalogs.h"
#include "tests/support/Parts.h"
#include "tests/support/qt/TranslatedText.h"

using namespace mlrig;
using namespace mlrig::ui;
using mlrig::testsupport::itemIndexOf;
using mlrig::testsupport::countedText;
using mlrig::testsupport::uiCatalog;

namespace {

class Wording : public ::testing::Test {
protected:
    void SetUp() override
    {
        window = std::make_unique<MainWindow>(uiCatalog());
        window->setInteractive(false);
        window->show();
    }
    void TearDown() override { window.reset(); }

    void pick(Category category, const char* id)
    {
        const AnyPart* p = uiCatalog().findById(id);
        if (!p)
            p = uiCatalog().find(Category::Gpu, id);
        ASSERT_NE(p, nullptr) << id;
        window->choosePart(category, itemIndexOf(window->session()->build(), category), *p);
    }

    std::unique_ptr<MainWindow> window;
};

// "1 error" and "2 errors", never "1 error(s)".
QString expectedCount(int n, const char* one, const char* other)
{
    return QStringLiteral("%1 %2").arg(n).arg(QLatin1String(n == 1 ? one : other));
}

}  // namespace

TEST_F(Wording, CountsAreSingularOrPluralForZeroOneAndTwo)
{
    // The English plural forms are loaded and keyed by the contexts tr() uses at run time.
    for (const char* context : {"mlrig::ui::MainWindow", "mlrig::ui::FindingsPanel"}) {
        EXPECT_EQ(countedText(context, "%n error(s)", 0), QStringLiteral("0 errors")) << context;
        EXPECT_EQ(countedText(context, "%n error(s)", 1), QStringLiteral("1 error")) << context;
        EXPECT_EQ(countedText(context, "%n error(s)", 2), QStringLiteral("2 errors")) << context;
        EXPECT_EQ(countedText(context, "%n warning(s)", 1), QStringLiteral("1 warning")) << context;
        EXPECT_EQ(countedText(context, "%n warning(s)", 2), QStringLiteral("2 warnings")) << context;
    }
    EXPECT_EQ(countedText("mlrig::ui::BuildTableModel", "%n part(s) without a price", 1),
              QStringLiteral("1 part without a price"));
    EXPECT_EQ(countedText("mlrig::ui::PowerPanel", "%n figure(s) estimated: a part gave no power rating.", 2),
              QStringLiteral("2 figures estimated: some parts gave no power rating."));
    EXPECT_EQ(countedText("mlrig::ui::ValueChartPanel", "%n GPU model(s) at their new market price (dated), else launch MSRP.", 1),
              QStringLiteral("1 GPU model at its new market price (dated), else launch MSRP."));

    // And where a person reads them: the status bar and the findings summary, for the build's
    // own counts, empty and with a wrong socket.
    auto* status = window->findChild<QLabel*>(QStringLiteral("statusFindings"));
    ASSERT_NE(status, nullptr);
    for (int step = 0; step < 2; ++step) {
        if (step == 1) {
            pick(Category::Cpu, "cpu-7950x");
            pick(Category::Motherboard, "mb-z790");
        }
        const Evaluation& eval = window->session()->evaluation();
        const int errors = eval.count(Severity::Error);
        const int warnings = eval.count(Severity::Warning);
        const QString text = status->text();
        EXPECT_TRUE(text.startsWith(expectedCount(errors, "error", "errors") + QStringLiteral(" · ") +
                                    expectedCount(warnings, "warning", "warnings")))
            << text.toStdString();
        EXPECT_FALSE(text.contains(QStringLiteral("(s)"))) << text.toStdString();
        EXPECT_FALSE(window->findingsPanel()->findChild<QLabel*>()->text().contains(QStringLiteral("(s)")));
    }
}

TEST_F(Wording, FindingsShowTheirOwnMessageAndNoRuleIdInTheText)
{
    pick(Category::Cpu, "cpu-7950x");
    pick(Category::Motherboard, "mb-z790");
    FindingsModel* model = window->findingsPanel()->model();
    QModelIndex found;
    for (int g = 0; g < model->rowCount(); ++g)
        for (int r = 0; r < model->rowCount(model->index(g, 0)); ++r)
            if (model->index(r, 0, model->index(g, 0)).data(FindingsModel::RuleRole).toString() == QStringLiteral("cpu-socket"))
                found = model->index(r, 0, model->index(g, 0));
    ASSERT_TRUE(found.isValid());
    const QString message = found.data(Qt::DisplayRole).toString();
    const QString tip = found.data(Qt::ToolTipRole).toString();
    // The tooltip is this finding's message (the row may be cut off), not the rule's general text.
    EXPECT_TRUE(tip.contains(message.toHtmlEscaped())) << tip.toStdString();
    EXPECT_FALSE(tip.contains(QString::fromUtf8(ruleExplanation("cpu-socket").data()).left(30).toHtmlEscaped()))
        << tip.toStdString();
    // The details: message and why it matters, the rule id only as the tooltip.
    window->findingsPanel()->view()->setCurrentIndex(found);
    QLabel* details = window->findingsPanel()->explanation();
    EXPECT_FALSE(details->text().contains(QStringLiteral("cpu-socket"))) << details->text().toStdString();
    EXPECT_TRUE(details->text().contains(QStringLiteral("Why it matters")));
    EXPECT_TRUE(details->toolTip().contains(QStringLiteral("cpu-socket")));
}

TEST_F(Wording, ElectricityPriceCarriesItsCurrencyAndUnit)
{
    AppSettings settings;
    settings.electricityPerKwh = 0.3;
    SettingsDialog dollars(settings, "USD");
    EXPECT_EQ(dollars.priceSpin()->text(), QStringLiteral("$0.300 per kWh"));
    SettingsDialog euros(settings, "EUR");
    EXPECT_EQ(euros.priceSpin()->text(), QStringLiteral("\u20ac0.300 per kWh"));
    SettingsDialog francs(settings, "CHF");
    EXPECT_EQ(francs.priceSpin()->text(), QStringLiteral("0.300 CHF per kWh"));
    EXPECT_DOUBLE_EQ(francs.settings().electricityPerKwh, 0.3);  // prefix and suffix are not part of the value
}

TEST_F(Wording, SaveDialogProposesTheBuildsName)
{
    // Before: the Documents folder itself, which the dialog showed as the file name "Documents".
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    EXPECT_EQ(window->suggestedSavePath(), QDir(documents).filePath(QStringLiteral("Untitled build.mlrig")));
    Build named = window->session()->build();
    named.name = "2x3090 LLM box";
    window->session()->reset(named);
    EXPECT_EQ(window->suggestedSavePath(), QDir(documents).filePath(QStringLiteral("2x3090 LLM box.mlrig")));
    EXPECT_EQ(window->exportBaseName(), QStringLiteral("2x3090 LLM box"));
    // Characters a file system refuses, control and bidi characters, a leading dot: made safe.
    named.name = "../A/B: \"best\"?\xE2\x80\xAE box.";
    window->session()->reset(named);
    EXPECT_EQ(QFileInfo(window->suggestedSavePath()).fileName(), QStringLiteral("A-B- -best-- box.mlrig"));
    EXPECT_EQ(QFileInfo(window->suggestedSavePath()).absolutePath(), QDir(documents).absolutePath());
    named.name = "///";
    window->session()->reset(named);
    EXPECT_EQ(QFileInfo(window->suggestedSavePath()).fileName(), QStringLiteral("Untitled build.mlrig"));
}

TEST_F(Wording, EscapeOnAChangedWizardAsksBeforeDiscarding)
{
    // An untouched wizard closes at once.
    BuildWizard* untouched = window->createBuildWizard();
    untouched->show();
    ASSERT_FALSE(untouched->hasChanges());
    bool asked = false;
    QTimer::singleShot(0, [&] {
        if (qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
            asked = true;
            QApplication::activeModalWidget()->close();
        }
    });
    QTest::keyClick(untouched, Qt::Key_Escape);
    QApplication::processEvents();
    EXPECT_FALSE(asked);

    // A changed one asks; Cancel (also the default) keeps it open with its answers.
    BuildWizard* wizard = window->createBuildWizard();
    wizard->show();
    wizard->findChild<QRadioButton*>(QStringLiteral("kind-image-generation"))->click();
    wizard->next();
    ASSERT_TRUE(wizard->hasChanges());
    const auto answer = [&](QMessageBox::StandardButton button) {
        QTimer::singleShot(0, [&asked, button] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            if (!box)
                return;
            asked = box->objectName() == QStringLiteral("discardWizardBox");
            EXPECT_EQ(box->defaultButton(), box->button(QMessageBox::Cancel));
            box->button(button)->click();
        });
    };
    asked = false;
    answer(QMessageBox::Cancel);
    QTest::keyClick(wizard, Qt::Key_Escape);
    EXPECT_TRUE(asked);
    EXPECT_TRUE(wizard->isVisible());
    EXPECT_EQ(wizard->currentId(), static_cast<int>(BuildWizard::BudgetPage));
    // Discard closes it.
    asked = false;
    answer(QMessageBox::Discard);
    QTest::keyClick(wizard, Qt::Key_Escape);
    EXPECT_TRUE(asked);
    EXPECT_FALSE(wizard->isVisible());
}

TEST_F(Wording, CtrlYAndCtrlShiftZRedo)
{
    window->activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(window.get()));
    QUndoStack* stack = window->session()->undoStack();
    pick(Category::Gpu, "GeForce RTX 3090");
    ASSERT_EQ(stack->index(), 1);
    for (const QKeyCombination redo : {QKeyCombination(Qt::ControlModifier, Qt::Key_Y),
                                       QKeyCombination(Qt::ControlModifier | Qt::ShiftModifier, Qt::Key_Z)}) {
        QTest::keyClick(window.get(), Qt::Key_Z, Qt::ControlModifier);
        EXPECT_EQ(stack->index(), 0) << "Ctrl+Z undoes";
        QTest::keyClick(window.get(), redo.key(), redo.keyboardModifiers());
        EXPECT_EQ(stack->index(), 1) << QKeySequence(redo).toString().toStdString() << " redoes";
    }
}
