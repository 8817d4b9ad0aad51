#pragma once

// The translations mlrig loads at start. The source texts are English; resources/translations/
// holds mlrig_en.ts (the English plural forms, without which tr("%n error(s)", nullptr, n) would
// print "1 error(s)") and one file per translation (mlrig_de.ts). Qt's own texts (standard
// buttons such as "Cancel") come from Qt's qtbase_LANG.qm when the system has it installed.
// Texts made by the Qt-free core (findings, advice) are English in every language.

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace mlrig::ui {

// The languages the UI can be shown in, as the Settings dialog offers them: "en", "de".
QStringList availableLanguages();

// The language to use: `choice` when it is one of availableLanguages(), otherwise ("" = follow
// the system) the first of the system's UI languages ("de-AT", "en-GB", ...) that mlrig has,
// otherwise English.
QString resolveLanguage(const QString& choice, const QStringList& systemUiLanguages);

// Installs the translations for `language` on the application, replacing those an earlier call
// installed (widgets created before keep their texts: a language change takes effect for new
// windows, in practice after a restart). The English plural forms always load, under the
// translation, so a counted text reads "1 error" even if a translation lacked it. False if
// mlrig's own compiled file for `language` is missing from the resources. Call after the
// QApplication exists.
bool installTranslations(QCoreApplication& app, const QString& language);

// The language the settings choose (AppSettings::language), else the system's.
bool installTranslations(QCoreApplication& app);

// The language installTranslations() last installed ("en" before any call).
QString installedLanguage();

}  // namespace mlrig::ui
