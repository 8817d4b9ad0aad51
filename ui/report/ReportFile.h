#pragma once

// Writing a finished report (PDF bytes painted in memory) to the file the user chose, through
// the one atomic writer every save and export uses (core/io/OutputFile.h).

#include <QByteArray>
#include <QString>

namespace mlrig::ui {

// Returns false and sets *error ("cannot save PATH: reason") when it cannot; the previous file
// at `path` is then untouched.
bool writeReportBytes(const QByteArray& bytes, const QString& path, QString* error);

}  // namespace mlrig::ui
