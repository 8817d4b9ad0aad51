#include "ui/mainwindow/SettingsDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>

#include "ui/common/UiFormat.h"

namespace mlrig::ui {

SettingsDialog::SettingsDialog(const AppSettings& settings, std::string_view currency, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Settings"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_price = new QDoubleSpinBox(this);
    m_price->setRange(0, 10);
    m_price->setDecimals(3);
    m_price->setSingleStep(0.01);
    m_price->setValue(settings.electricityPerKwh);
    // "$0.300 per kWh" or "0.300 CHF per kWh": the price reads with its currency and unit.
    const QString symbol = currencySymbol(currency);
    m_price->setPrefix(symbol);
    m_price->setSuffix(symbol.isEmpty() ? tr(" %1 per kWh").arg(qs(currency)) : tr(" per kWh"));
    m_price->setAccessibleName(tr("Electricity price per kWh in %1").arg(qs(currency.empty() ? "USD" : currency)));
    form->addRow(tr("&Electricity price:"), m_price);
    m_hours = new QDoubleSpinBox(this);
    m_hours->setRange(0, 24);
    m_hours->setDecimals(1);
    m_hours->setValue(settings.hoursPerDay);
    m_hours->setSuffix(tr(" h"));
    m_hours->setAccessibleName(tr("Hours at full load per day"));
    form->addRow(tr("&Hours at full load per day:"), m_hours);
    m_keepBackup = new QCheckBox(tr("&Keep a backup of the previous version when saving (NAME.mlrig~)"), this);
    m_keepBackup->setObjectName(QStringLiteral("settingsKeepBackup"));
    m_keepBackup->setChecked(settings.keepBackup);
    form->addRow(QString(), m_keepBackup);
    // Each language is named in itself, so whoever cannot read the current one still finds theirs.
    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("settingsLanguage"));
    m_language->addItem(tr("System default"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_language->setCurrentIndex(std::max(0, m_language->findData(settings.language)));
    form->addRow(tr("&Language:"), m_language);
    // Open windows keep the texts they were built with, so a new language needs a restart.
    auto* restartNote = new QLabel(tr("A new language takes effect when mlrig is started again."), this);
    restartNote->setWordWrap(true);
    restartNote->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(QString(), restartNote);
    layout->addLayout(form);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

AppSettings SettingsDialog::settings() const
{
    AppSettings a;
    a.electricityPerKwh = m_price->value();
    a.hoursPerDay = m_hours->value();
    a.keepBackup = m_keepBackup->isChecked();
    a.language = m_language->currentData().toString();
    return a;
}

}  // namespace mlrig::ui
