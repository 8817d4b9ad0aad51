#include "ui/common/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QTranslator>

#include <vector>

#include "ui/common/AppSettings.h"

namespace mlrig::ui {

namespace {

// What the last installTranslations() put on the application, to be taken off by the next.
std::vector<QPointer<QTranslator>>& installed()
{
    static std::vector<QPointer<QTranslator>> translators;
    return translators;
}

QString& currentLanguage()
{
    static QString language = QStringLiteral("en");
    return language;
}

QTranslator* loaded(QCoreApplication& app, const QString& file, const QString& directory)
{
    // Owned by the application: a translator must live as long as any tr() may run.
    auto* translator = new QTranslator(&app);
    if (!translator->load(file, directory)) {
        delete translator;
        return nullptr;
    }
    return translator;
}

}  // namespace

QStringList availableLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("de")};
}

QString resolveLanguage(const QString& choice, const QStringList& systemUiLanguages)
{
    const QStringList available = availableLanguages();
    if (available.contains(choice))
        return choice;
    for (const QString& tag : systemUiLanguages) {
        // "de-AT", "de_DE", "de": the language is what comes before the region.
        const QString language = tag.section(QLatin1Char('-'), 0, 0).section(QLatin1Char('_'), 0, 0).toLower();
        if (available.contains(language))
            return language;
    }
    return QStringLiteral("en");
}

bool installTranslations(QCoreApplication& app, const QString& language)
{
    for (const QPointer<QTranslator>& old : installed()) {
        if (old) {
            QCoreApplication::removeTranslator(old);
            delete old;
        }
    }
    installed().clear();

    // Installed first, so searched last: a translation's own entries win.
    QTranslator* plurals = loaded(app, QStringLiteral("mlrig_en.qm"), QStringLiteral(":/mlrig/translations"));
    if (plurals) {
        QCoreApplication::installTranslator(plurals);
        installed().push_back(plurals);
    }
    bool ok = plurals != nullptr;
    if (language != QStringLiteral("en")) {
        // Qt's standard buttons and dialogs; not every system has Qt's translations installed,
        // and without them those few texts stay English.
        if (QTranslator* qt = loaded(app, QStringLiteral("qtbase_") + language,
                                     QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            QCoreApplication::installTranslator(qt);
            installed().push_back(qt);
        }
        QTranslator* own = loaded(app, QStringLiteral("mlrig_%1.qm").arg(language), QStringLiteral(":/mlrig/translations"));
        if (own) {
            QCoreApplication::installTranslator(own);
            installed().push_back(own);
        }
        ok = ok && own != nullptr;
    }
    currentLanguage() = ok ? language : QStringLiteral("en");
    return ok;
}

bool installTranslations(QCoreApplication& app)
{
    return installTranslations(app, resolveLanguage(AppSettings::load().language, QLocale::system().uiLanguages()));
}

QString installedLanguage()
{
    return currentLanguage();
}

}  // namespace mlrig::ui
