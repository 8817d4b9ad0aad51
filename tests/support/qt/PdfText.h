#pragma once

// The text of a PDF as poppler's pdftotext reads it: what a person (or a screen reader) would
// get from the report, not what the painter was asked to draw.

#include <QString>
#include <QStringList>

namespace mlrig::testsupport {

// Text of pdf in reading order (a wrapped table cell stays together), pages separated by '\f'.
// Empty when pdftotext is not installed or fails: each caller decides whether that skips the
// test or fails it. extraArgs go before the file name (e.g. {"-layout"}).
QString pdfText(const QString& pdf, const QStringList& extraArgs = {});

}  // namespace mlrig::testsupport
