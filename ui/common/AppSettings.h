#pragma once

#include <QString>

namespace mlrig::ui {

// The user's preferences, stored with QSettings.
struct AppSettings {
    double electricityPerKwh = 0.30;
    double hoursPerDay = 8.0;

    static AppSettings load();
    void save() const;
};

}  // namespace mlrig::ui
