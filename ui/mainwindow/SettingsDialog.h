#pragma once

// Preferences kept in QSettings: electricity price, hours of use per day, backups, the UI
// language. (Prices are shown in their own
// currency; there is no currency setting that could relabel them.)

#include <QDialog>
#include <QString>

#include <string_view>

#include "ui/common/AppSettings.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;

namespace mlrig::ui {

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    // `currency` is the open build's: the electricity price is counted in it (EvaluationOptions).
    SettingsDialog(const AppSettings& settings, std::string_view currency, QWidget* parent = nullptr);
    AppSettings settings() const;
    QDoubleSpinBox* priceSpin() const { return m_price; }
    QComboBox* languageBox() const { return m_language; }

private:
    QDoubleSpinBox* m_price;
    QDoubleSpinBox* m_hours;
    QCheckBox* m_keepBackup;
    QComboBox* m_language;
};

}  // namespace mlrig::ui
