#pragma once

// Preferences kept in QSettings: electricity price, hours of use per day. (Prices are shown in their own
// currency; there is no currency setting that could relabel them.)

#include <QDialog>
#include <QString>

#include "ui/common/AppSettings.h"

class QCheckBox;
class QDoubleSpinBox;

namespace mlrig::ui {

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(const AppSettings& settings, QWidget* parent = nullptr);
    AppSettings settings() const;

private:
    QDoubleSpinBox* m_price;
    QDoubleSpinBox* m_hours;
    QCheckBox* m_keepBackup;
};

}  // namespace mlrig::ui
