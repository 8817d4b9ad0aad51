#include "ui/report/ReportFile.h"

#include <QFile>

#include <stdexcept>
#include <string_view>

#include "core/io/OutputFile.h"

namespace mlrig::ui {

bool writeReportBytes(const QByteArray& bytes, const QString& path, QString* error)
{
    try {
        writeFileSafely(std::string_view(bytes.constData(), static_cast<size_t>(bytes.size())),
                        QFile::encodeName(path).toStdString());
        return true;
    } catch (const std::exception& e) {
        if (error)
            *error = QString::fromStdString(e.what());
        return false;
    }
}

}  // namespace mlrig::ui
