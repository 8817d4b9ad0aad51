#include "ui/common/AppPaths.h"

#include <QDir>
#include <QStandardPaths>

namespace mlrig::ui {

namespace {
QString& overrideDir()
{
    static QString dir;
    return dir;
}
}  // namespace

QString appDataDir()
{
    const QString dir = overrideDir().isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                                                : overrideDir();
    QDir().mkpath(dir);
    return dir;
}

void setAppDataDirForTesting(const QString& dir)
{
    overrideDir() = dir;
}

}  // namespace mlrig::ui
