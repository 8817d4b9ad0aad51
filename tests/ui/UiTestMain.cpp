// main() of the GUI test binary: a QApplication must exist before any widget, which
// gtest_main would not create. Runs offscreen (CTest sets QT_QPA_PLATFORM=offscreen).

#include <gtest/gtest.h>

#include <QApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>

#include "tests/support/qt/OffscreenApp.h"
#include "ui/common/Translations.h"

int runAutosaveCrashChild();  // DataSafetyTest.cpp

int main(int argc, char** argv)
{
    mlrig::testsupport::preferOffscreenPlatform();
    QStandardPaths::setTestModeEnabled(true);
    // CTest runs every case as its own process, in parallel. With one shared settings file a test
    // that resets the settings could wipe what another process's test had just written (the
    // recent-files list flaked that way), so each process gets its own settings folder; a child
    // this binary launches inherits its parent's through the environment.
    QTemporaryDir settingsDir;
    if (!qEnvironmentVariableIsSet("MLRIG_UI_TEST_SETTINGS_DIR"))
        qputenv("MLRIG_UI_TEST_SETTINGS_DIR", settingsDir.path().toLocal8Bit());
    const QString settingsPath = qEnvironmentVariable("MLRIG_UI_TEST_SETTINGS_DIR");
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsPath);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsPath);
    QApplication app(argc, argv);
    Q_INIT_RESOURCE(mlrig);
    QApplication::setOrganizationName(QStringLiteral("mlrig-tests"));
    QApplication::setApplicationName(QStringLiteral("mlrig-ui-tests"));
    // English whatever the system's language (the tests read English texts), with its plural
    // forms as the app loads them (app/gui/main.cpp); a test checks they load.
    mlrig::ui::installTranslations(app, QStringLiteral("en"));
    // The crash test re-launches this binary as a child that is killed mid-edit.
    if (qEnvironmentVariable("MLRIG_UI_TEST_CHILD") == QStringLiteral("autosave-crash"))
        return runAutosaveCrashChild();
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
