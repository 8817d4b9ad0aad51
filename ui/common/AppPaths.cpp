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

QString fileNameForBuild(const QString& buildName, const QString& fallback)
{
    QString name;
    for (const QChar c : buildName) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            continue;  // also the bidi overrides that would disguise the name
        name += QStringLiteral("/\\:*?\"<>|").contains(c) ? QChar(u'-') : c;
    }
    name = name.simplified();
    while (name.startsWith(QLatin1Char('.')) || name.startsWith(QLatin1Char('-')))
        name.remove(0, 1);  // no hidden file, no name that reads as an option
    while (name.endsWith(QLatin1Char('.')))
        name.chop(1);
    name = name.trimmed().left(120);
    return name.isEmpty() ? fallback : name;
}

void setAppDataDirForTesting(const QString& dir)
{
    overrideDir() = dir;
}

}  // namespace mlrig::ui
