// main() of the GUI test binary: a QApplication must exist before any widget, which
// gtest_main would not create. Runs offscreen (CTest sets QT_QPA_PLATFORM=offscreen).

#include <gtest/gtest.h>

#include <QApplication>
#include <QStandardPaths>

#include "tests/support/qt/OffscreenApp.h"
#include "ui/common/Translations.h"

int runAutosaveCrashChild();  // DataSafetyTest.cpp

int main(int argc, char** argv)
{
    mlrig::testsupport::preferOffscreenPlatform();
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    Q_INIT_RESOURCE(mlrig);
    QApplication::setOrganizationName(QStringLiteral("mlrig-tests"));
    QApplication::setApplicationName(QStringLiteral("mlrig-ui-tests"));
    // As the app does (app/gui/main.cpp): the English plural forms; a test checks they load.
    mlrig::ui::installTranslations(app);
    // The crash test re-launches this binary as a child that is killed mid-edit.
    if (qEnvironmentVariable("MLRIG_UI_TEST_CHILD") == QStringLiteral("autosave-crash"))
        return runAutosaveCrashChild();
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
