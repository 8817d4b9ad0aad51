#pragma once

// A painted stacked bar: what the workload needs in GPU memory (weights, KV cache,
// activations, optimizer states, overhead) against the VRAM the build has.

#include <QWidget>

#include "core/eval/Evaluation.h"

namespace mlrig::ui {

class MemoryBar : public QWidget {
    Q_OBJECT
public:
    explicit MemoryBar(QWidget* parent = nullptr);

    void setBreakdown(const MemoryBreakdown& memory, double availableGb);
    void clear();

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    MemoryBreakdown m_memory;
    double m_available = 0;
    bool m_empty = true;
};

}  // namespace mlrig::ui
