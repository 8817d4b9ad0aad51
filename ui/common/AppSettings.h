#pragma once

#include <QByteArray>
#include <QString>

namespace mlrig::ui {

// The user's preferences, stored with QSettings.
struct AppSettings {
    double electricityPerKwh = 0.30;
    double hoursPerDay = 8.0;
    // Keep the previous version of a saved build as "NAME.mlrig~" next to it (core/io/OutputFile.h).
    bool keepBackup = true;
    // The UI language, "en" or "de" (ui/common/Translations); empty: the system's. Read at start.
    QString language;

    static AppSettings load();
    void save() const;

    // The main window's layout (geometry, docks, splitters), remembered across runs under
    // "window/KEY". Kept apart from the preferences above, which the Settings dialog rewrites.
    static QByteArray windowLayout(const QString& key);
    static void saveWindowLayout(const QString& key, const QByteArray& state);
};

}  // namespace mlrig::ui
