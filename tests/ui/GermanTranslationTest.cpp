// The German translation, loaded as a German user gets it (ui/common/Translations): the main
// window's menus, panel titles and table read German, counted texts use German plural forms,
// and no two entries of one menu share an accelerator. The language follows the system unless
// the Settings dialog chooses one.

#include <gtest/gtest.h>

#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QTableView>

#include <map>
#include <memory>

#include "ui/common/AppSettings.h"
#include "ui/common/Translations.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/mainwindow/SettingsDialog.h"
#include "ui/session/BuildSession.h"
#include "ui/session/BuildTableModel.h"
#include "tests/support/Catalogs.h"
#include "tests/support/Parts.h"
#include "tests/support/qt/TranslatedText.h"

using namespace mlrig;
using namespace mlrig::ui;
using mlrig::testsupport::itemIndexOf;
using mlrig::testsupport::countedText;
using mlrig::testsupport::uiCatalog;

namespace {

QStringList menuTitles(QMenuBar* bar)
{
    QStringList titles;
    for (QAction* action : bar->actions())
        titles << action->text();
    return titles;
}

// The letter after a single '&' ("&Datei" -> 'd'), or 0.
QChar accelerator(const QString& text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text[i] != QLatin1Char('&'))
            continue;
        if (text[i + 1] == QLatin1Char('&')) {
            ++i;
            continue;
        }
        return text[i + 1].toLower();
    }
    return {};
}

// Every menu (and the menu bar) with two entries on one accelerator, as "menu: 'x' a / b".
QStringList acceleratorClashes(const QString& where, const QList<QAction*>& actions)
{
    QStringList clashes;
    std::map<QChar, QString> seen;
    for (QAction* action : actions) {
        if (action->isSeparator() || !action->isVisible())
            continue;
        const QChar key = accelerator(action->text());
        if (!key.isNull()) {
            const auto [it, fresh] = seen.emplace(key, action->text());
            if (!fresh)
                clashes << QStringLiteral("%1: '%2' %3 / %4").arg(where, key, it->second, action->text());
        }
        if (QMenu* menu = action->menu())
            clashes << acceleratorClashes(action->text(), menu->actions());
    }
    return clashes;
}

class GermanUi : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(installTranslations(*QCoreApplication::instance(), QStringLiteral("de")));
        window = std::make_unique<MainWindow>(uiCatalog());
        window->setInteractive(false);
        window->resize(1366, 720);
        window->show();
        QApplication::processEvents();
    }
    void TearDown() override
    {
        window.reset();
        // Back to what the other tests expect (UiTestMain).
        installTranslations(*QCoreApplication::instance(), QStringLiteral("en"));
    }

    void pick(Category category, const char* id)
    {
        const AnyPart* p = uiCatalog().findById(id);
        ASSERT_NE(p, nullptr) << id;
        window->choosePart(category, itemIndexOf(window->session()->build(), category), *p);
    }

    std::unique_ptr<MainWindow> window;
};

}  // namespace

TEST_F(GermanUi, MainWindowMenusTitlesAndTableAreGerman)
{
    EXPECT_EQ(installedLanguage(), QStringLiteral("de"));
    EXPECT_EQ(menuTitles(window->menuBar()),
              (QStringList{QStringLiteral("&Datei"), QStringLiteral("&Bearbeiten"), QStringLiteral("E&xtras"),
                           QStringLiteral("&Ansicht"), QStringLiteral("&Hilfe")}));
    QStringList fileMenu;
    for (QAction* action : window->menuBar()->actions().constFirst()->menu()->actions())
        if (!action->isSeparator())
            fileMenu << action->text();
    EXPECT_TRUE(fileMenu.contains(QStringLiteral("&Speichern"))) << fileMenu.join(QLatin1Char('|')).toStdString();
    EXPECT_TRUE(fileMenu.contains(QStringLiteral("Neuer Build mit &Assistent…")));

    QStringList docks;
    for (QDockWidget* dock : window->findChildren<QDockWidget*>())
        docks << dock->windowTitle();
    docks.sort();
    EXPECT_EQ(docks, (QStringList{QStringLiteral("Befunde"), QStringLiteral("Einsatzzweck"), QStringLiteral("Stromverbrauch")}));
    EXPECT_TRUE(window->windowTitle().contains(QStringLiteral("Unbenannter Build"))) << window->windowTitle().toStdString();

    // The parts table: German column titles and category names (core's labels are English).
    auto* table = window->findChild<QTableView*>();
    ASSERT_NE(table, nullptr);
    QAbstractItemModel* model = table->model();
    EXPECT_EQ(model->headerData(BuildTableModel::CategoryColumn, Qt::Horizontal).toString(), QStringLiteral("Kategorie"));
    QStringList categories;
    for (int row = 0; row < model->rowCount(); ++row)
        categories << model->index(row, BuildTableModel::CategoryColumn).data().toString();
    for (const char* german : {"Grafikkarte", "Netzteil", "Arbeitsspeicher", "Mainboard", "Gehäuse", "CPU-Kühler"})
        EXPECT_TRUE(categories.contains(QString::fromUtf8(german))) << german << " in " << categories.join(QLatin1Char('|')).toStdString();
}

TEST_F(GermanUi, CountedTextsUseGermanPluralForms)
{
    EXPECT_EQ(countedText("mlrig::ui::FindingsPanel", "%n error(s)", 1), QStringLiteral("1 Fehler"));
    EXPECT_EQ(countedText("mlrig::ui::FindingsPanel", "%n error(s)", 2), QStringLiteral("2 Fehler"));
    EXPECT_EQ(countedText("mlrig::ui::MainWindow", "%n warning(s)", 1), QStringLiteral("1 Warnung"));
    EXPECT_EQ(countedText("mlrig::ui::MainWindow", "%n warning(s)", 2), QStringLiteral("2 Warnungen"));
    EXPECT_EQ(countedText("mlrig::ui::BuildTableModel", "%n part(s) without a price", 3), QStringLiteral("3 Teile ohne Preis"));

    // Where a person reads them: the status bar, with a CPU on the wrong board (one error).
    pick(Category::Cpu, "cpu-7950x");
    pick(Category::Motherboard, "mb-z790");
    const Evaluation& eval = window->session()->evaluation();
    ASSERT_GE(eval.count(Severity::Error), 1);
    auto* status = window->findChild<QLabel*>(QStringLiteral("statusFindings"));
    ASSERT_NE(status, nullptr);
    const int warnings = eval.count(Severity::Warning);
    const QString expected = QStringLiteral("%1 Fehler · %2 %3")
                                 .arg(eval.count(Severity::Error))
                                 .arg(warnings)
                                 .arg(warnings == 1 ? QStringLiteral("Warnung") : QStringLiteral("Warnungen"));
    EXPECT_TRUE(status->text().startsWith(expected)) << status->text().toStdString() << " / " << expected.toStdString();
}

TEST_F(GermanUi, NoMenuHasTwoEntriesOnOneAccelerator)
{
    // A row's context menu is built on demand; the menu bar's menus are all there.
    EXPECT_EQ(acceleratorClashes(QStringLiteral("menu bar"), window->menuBar()->actions()), QStringList());
    installTranslations(*QCoreApplication::instance(), QStringLiteral("en"));
    MainWindow english(uiCatalog());
    EXPECT_EQ(menuTitles(english.menuBar()).constFirst(), QStringLiteral("&File"));
    EXPECT_EQ(acceleratorClashes(QStringLiteral("menu bar"), english.menuBar()->actions()), QStringList());
}

TEST(Language, FollowsTheSystemUnlessTheSettingsChoose)
{
    EXPECT_EQ(resolveLanguage(QString(), {QStringLiteral("de-AT"), QStringLiteral("en-US")}), QStringLiteral("de"));
    EXPECT_EQ(resolveLanguage(QString(), {QStringLiteral("fr-FR"), QStringLiteral("de_CH")}), QStringLiteral("de"));
    EXPECT_EQ(resolveLanguage(QString(), {QStringLiteral("fr-FR"), QStringLiteral("en-GB")}), QStringLiteral("en"));
    EXPECT_EQ(resolveLanguage(QString(), {QStringLiteral("ja-JP")}), QStringLiteral("en"));
    EXPECT_EQ(resolveLanguage(QStringLiteral("en"), {QStringLiteral("de-DE")}), QStringLiteral("en"));
    EXPECT_EQ(resolveLanguage(QStringLiteral("de"), {QStringLiteral("en-US")}), QStringLiteral("de"));
    EXPECT_EQ(resolveLanguage(QStringLiteral("xx"), {QStringLiteral("de-DE")}), QStringLiteral("de"));
}

TEST(Language, SettingsDialogStoresTheChoice)
{
    AppSettings settings = AppSettings::load();
    settings.language.clear();
    SettingsDialog dialog(settings, "USD");
    QComboBox* box = dialog.languageBox();
    EXPECT_EQ(box->currentData().toString(), QString());
    box->setCurrentIndex(box->findData(QStringLiteral("de")));
    EXPECT_EQ(box->currentText(), QStringLiteral("Deutsch"));
    dialog.settings().save();
    EXPECT_EQ(AppSettings::load().language, QStringLiteral("de"));
    SettingsDialog again(AppSettings::load(), "USD");
    EXPECT_EQ(again.languageBox()->currentData().toString(), QStringLiteral("de"));
    settings.save();  // back to the system's language
    EXPECT_EQ(AppSettings::load().language, QString());
}
