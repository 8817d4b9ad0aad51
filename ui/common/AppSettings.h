#pragma once

#include <QString>

namespace mlrig::ui {

// The user's preferences, stored with QSettings.
struct AppSettings {
    double electricityPerKwh = 0.30;
    double hoursPerDay = 8.0;
    // Keep the previous version of a saved build as "NAME.mlrig~" next to it (core/io/OutputFile.h).
    bool keepBackup = true;

    static AppSettings load();
    void save() const;
};

}  // namespace mlrig::ui
