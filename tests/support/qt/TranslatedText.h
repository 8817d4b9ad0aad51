#pragma once

#include <QString>

namespace mlrig::testsupport {

// A counted text ("%n warning(s)") as the installed translators give it for `n`, looked up in
// `context` (the class name tr() uses at run time, "mlrig::ui::MainWindow").
QString countedText(const char* context, const char* text, int n);

}  // namespace mlrig::testsupport
