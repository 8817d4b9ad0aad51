#pragma once

// Qt-free entry point to the PDF report for headless callers (mlrig-cli). It creates an
// offscreen QApplication when none exists, so it works without a display; the desktop app
// calls writeBuildReportPdf() from BuildReport.h directly.

#include <string>

#include "core/model/Build.h"
#include "core/catalog/Catalog.h"
#include "core/eval/Evaluation.h"

namespace mlrig::ui {

// Returns false and sets *error (one line) when the file cannot be written. *warning (when
// given) says which characters no installed font could draw, else is cleared.
bool exportBuildReportPdfHeadless(const Build& build, const Evaluation& evaluation, const Catalog& catalog,
                                  const std::string& path, std::string* error, std::string* warning = nullptr);

}  // namespace mlrig::ui
