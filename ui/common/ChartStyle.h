#pragma once

// Chart colours from the widget palette, so that every chart follows light and dark themes:
// background, plot area, title, legend, axis labels, titles, lines and grid. A widget that owns a
// chart calls styleChart() when it builds the chart and again on QEvent::PaletteChange (the
// system switching to dark mode), and takes its series colours from the palette too.

#include <QPalette>
#include <QString>

class QChart;
class QWidget;

namespace mlrig::ui {

void styleChart(QChart* chart, const QPalette& palette);

// Shows a chart's hover text as a tooltip at the mouse, or hides it (empty text). The widgets keep
// the text they showed (hoverText()) so that tests can read it without a real mouse.
void showChartToolTip(QWidget* owner, const QString& text);

}  // namespace mlrig::ui
