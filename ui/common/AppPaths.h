#pragma once

// Where mlrig keeps the user's data: QStandardPaths::AppDataLocation (on Linux
// ~/.local/share/mlrig/mlrig): user.sqlite (prices, custom parts), autosave/ (unsaved builds).
// Tests point it at a temporary folder.

#include <QString>

namespace mlrig::ui {

QString appDataDir();                              // created if missing
void setAppDataDirForTesting(const QString& dir);  // empty = back to the standard location

// A file name (without folder or suffix) made from a build's name, for the save and export
// dialogs to propose: "2x3090 LLM box" stays as it is; characters no file system takes (/ \ : * ?
// " < > |), control characters and leading dots become "-" or go; empty gives `fallback`.
QString fileNameForBuild(const QString& buildName, const QString& fallback);

}  // namespace mlrig::ui
