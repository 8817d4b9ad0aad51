#pragma once

// Where mlrig keeps the user's data: QStandardPaths::AppDataLocation (on Linux
// ~/.local/share/mlrig/mlrig): user.sqlite (prices, custom parts), autosave/ (unsaved builds).
// Tests point it at a temporary folder.

#include <QString>

namespace mlrig::ui {

QString appDataDir();                              // created if missing
void setAppDataDirForTesting(const QString& dir);  // empty = back to the standard location

}  // namespace mlrig::ui
