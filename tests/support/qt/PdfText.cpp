#include "tests/support/qt/PdfText.h"

#include <QProcess>
#include <QStandardPaths>

namespace mlrig::testsupport {

QString pdfText(const QString& pdf, const QStringList& extraArgs)
{
    const QString tool = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    if (tool.isEmpty())
        return {};
    QProcess p;
    p.start(tool, extraArgs + QStringList{pdf, QStringLiteral("-")});
    // Generous: a many-page report on a loaded CI machine, with the sanitizers.
    if (!p.waitForFinished(60000))
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

}  // namespace mlrig::testsupport
