#pragma once

// The translations mlrig loads at start: today the English plural forms (resources/translations/
// mlrig_en.ts), without which tr("%n error(s)", nullptr, n) would print "1 error(s)".

class QCoreApplication;

namespace mlrig::ui {

// Installs the English plural forms on the application; false (and the bare "(s)" texts) if the
// compiled file is missing from the resources. Call once, after the QApplication exists.
bool installTranslations(QCoreApplication& app);

}  // namespace mlrig::ui
