#pragma once

// The GPU comparison as a PDF: the table with winners marked and differences against the first
// GPU, then bars per metric normalised to the best card. Needs a QGuiApplication.

#include <QString>

#include "core/advise/GpuComparison.h"

namespace mlrig::ui {

// Returns false and sets *error (one line) when the file cannot be written. *warning (when
// given) says which characters of the GPU names no installed font could draw, else is cleared.
bool writeComparisonPdf(const GpuComparison& comparison, const QString& path, QString* error,
                        QString* warning = nullptr);

// The document's sentence about characters no installed font can draw; empty when all print.
QString missingGlyphsNotice(const GpuComparison& comparison);

// The same document as HTML (what the PDF is laid out from; also used by tests).
QString comparisonHtml(const GpuComparison& comparison);

// A chartable row's values as a percentage of the best column (longer is better for both
// directions: for lower-is-better rows the best is the smallest value). Unknown values are 0.
std::vector<double> normalisedScores(const ComparisonRow& row);

}  // namespace mlrig::ui
