#pragma once

// Power: the gauge, one power-limit control per GPU line (slider + spin box, an undoable
// edit of the build), and a chart of retained performance against the power limit.

#include <QString>
#include <QWidget>

#include <vector>

class QChartView;
class QPointF;
class QLabel;
class QLineSeries;
class QScatterSeries;
class QSlider;
class QSpinBox;
class QVBoxLayout;
class QValueAxis;

namespace mlrig::ui {

class BuildSession;
class PowerGauge;

class PowerPanel : public QWidget {
    Q_OBJECT
public:
    explicit PowerPanel(BuildSession* session, QWidget* parent = nullptr);

    PowerGauge* gauge() const { return m_gauge; }
    // The power-limit spin box of the n-th GPU line (tests); nullptr if none.
    QSpinBox* limitSpin(int gpuLine) const;
    QChartView* chartView() const { return m_chartView; }
    QScatterSeries* currentSeries() const { return m_current; }
    QLineSeries* curveSeries() const { return m_curve; }
    // The tooltip a hovered point of the chart shows (empty when nothing is hovered).
    QString hoverText() const { return m_hoverText; }

protected:
    void changeEvent(QEvent* event) override;

private:
    struct LimitRow {
        int itemIndex;
        QSlider* slider;
        QSpinBox* spin;
    };
    void refresh();
    void rebuildLimitRows();
    void updateChart();
    void restyleChart();
    void hover(const QPointF& point, bool state, bool current);

    BuildSession* m_session;
    PowerGauge* m_gauge;
    QLabel* m_summary;
    QWidget* m_limitsBox;
    QVBoxLayout* m_limitsLayout;
    QLabel* m_limitsEmpty;
    std::vector<LimitRow> m_rows;
    std::vector<std::string> m_rowKeys;
    QChartView* m_chartView;
    QLineSeries* m_curve;
    QScatterSeries* m_current;
    QValueAxis* m_axisX;
    QValueAxis* m_axisY;
    QString m_gpuName;  // the GPU the chart is drawn for
    QString m_hoverText;
};

}  // namespace mlrig::ui
