#pragma once

// A painted gauge: sustained draw and transient peak as bars against the PSU rating (solid
// line) and the recommended PSU size (dashed). Shows figures only; it computes nothing.

#include <QWidget>

#include <optional>

namespace mlrig::ui {

class PowerGauge : public QWidget {
    Q_OBJECT
public:
    explicit PowerGauge(QWidget* parent = nullptr);

    void setFigures(double sustainedW, double peakW, std::optional<double> psuW, double recommendedPsuW);
    double sustainedW() const { return m_sustained; }
    double peakW() const { return m_peak; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    double m_sustained = 0;
    double m_peak = 0;
    std::optional<double> m_psu;
    double m_recommended = 0;
};

}  // namespace mlrig::ui
