#include "ui/common/AppSettings.h"

#include <QSettings>

namespace mlrig::ui {

AppSettings AppSettings::load()
{
    QSettings s;
    AppSettings a;
    a.electricityPerKwh = s.value(QStringLiteral("electricityPerKwh"), a.electricityPerKwh).toDouble();
    a.hoursPerDay = s.value(QStringLiteral("hoursPerDay"), a.hoursPerDay).toDouble();
    a.keepBackup = s.value(QStringLiteral("keepBackup"), a.keepBackup).toBool();
    a.language = s.value(QStringLiteral("language")).toString();
    return a;
}

void AppSettings::save() const
{
    QSettings s;
    s.setValue(QStringLiteral("electricityPerKwh"), electricityPerKwh);
    s.setValue(QStringLiteral("hoursPerDay"), hoursPerDay);
    s.setValue(QStringLiteral("keepBackup"), keepBackup);
    s.setValue(QStringLiteral("language"), language);
}

QByteArray AppSettings::windowLayout(const QString& key)
{
    return QSettings().value(QStringLiteral("window/") + key).toByteArray();
}

void AppSettings::saveWindowLayout(const QString& key, const QByteArray& state)
{
    QSettings().setValue(QStringLiteral("window/") + key, state);
}

}  // namespace mlrig::ui
