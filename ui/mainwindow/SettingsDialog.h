#pragma once

// Preferences kept in QSettings: currency symbol, electricity price, hours of use per day.

#include <QDialog>
#include <QString>

#include "ui/common/AppSettings.h"

class QDoubleSpinBox;
class QLineEdit;

namespace mlrig::ui {

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(const AppSettings& settings, QWidget* parent = nullptr);
    AppSettings settings() const;

private:
    QLineEdit* m_symbol;
    QDoubleSpinBox* m_price;
    QDoubleSpinBox* m_hours;
};

}  // namespace mlrig::ui
