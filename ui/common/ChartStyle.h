#pragma once

#include <QPalette>

class QChart;

namespace mlrig::ui {

// Colours a chart from the widget palette so that charts follow light and dark themes.
void styleChart(QChart* chart, const QPalette& palette);

}  // namespace mlrig::ui
