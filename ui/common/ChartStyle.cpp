#include "ui/common/ChartStyle.h"

#include <QAbstractAxis>
#include <QChart>
#include <QCursor>
#include <QLegend>
#include <QToolTip>
#include <QWidget>

namespace mlrig::ui {

void styleChart(QChart* chart, const QPalette& palette)
{
    const QColor text = palette.color(QPalette::WindowText);
    QColor grid = palette.color(QPalette::Mid);
    grid.setAlphaF(0.5f);
    // The whole chart on the palette's base colour (QChart's own light theme would stay white
    // under a dark palette), no separate plot-area fill.
    chart->setBackgroundBrush(palette.color(QPalette::Base));
    chart->setBackgroundPen(Qt::NoPen);
    chart->setBackgroundRoundness(0);
    chart->setPlotAreaBackgroundVisible(false);
    chart->setTitleBrush(text);
    chart->setMargins(QMargins(2, 2, 2, 2));
    QFont title = chart->titleFont();
    title.setBold(true);
    chart->setTitleFont(title);
    chart->legend()->setLabelColor(text);
    chart->legend()->setBrush(Qt::NoBrush);
    chart->legend()->setPen(Qt::NoPen);
    for (QAbstractAxis* axis : chart->axes()) {
        axis->setLabelsColor(text);
        axis->setTitleBrush(text);
        axis->setGridLineColor(grid);
        axis->setMinorGridLineColor(grid);
        axis->setLinePenColor(palette.color(QPalette::Mid));
        axis->setShadesVisible(false);
        QFont f = axis->titleFont();
        f.setBold(false);
        axis->setTitleFont(f);
    }
}

void showChartToolTip(QWidget* owner, const QString& text)
{
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(QCursor::pos(), text, owner);
}

}  // namespace mlrig::ui
