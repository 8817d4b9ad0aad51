#pragma once

// The picker's spec filters for one category (VRAM and length for GPUs, wattage and ATX 3.x for
// power supplies, socket, form factor, memory type, capacity, GPU clearance), as a row of small
// controls. It only collects what the person set into a PartCriteria; core (PartCriteria,
// PartSearch) decides what passes.

#include <QWidget>

#include "core/advise/PartCriteria.h"

class QCheckBox;
class QComboBox;
class QSpinBox;

namespace mlrig::ui {

class SpecFilterBar : public QWidget {
    Q_OBJECT
public:
    SpecFilterBar(const Catalog& catalog, Category category, QWidget* parent = nullptr);

    PartCriteria criteria() const;
    bool isEmpty() const { return m_controls == 0; }  // the category has no filters

    // For tests: the controls, null where the category has none.
    QSpinBox* minVram() const { return m_minVram; }
    QSpinBox* maxLength() const { return m_maxLength; }
    QSpinBox* minWattage() const { return m_minWattage; }
    QCheckBox* atx3() const { return m_atx3; }
    QComboBox* socket() const { return m_socket; }
    QComboBox* formFactor() const { return m_formFactor; }
    QComboBox* memoryType() const { return m_memoryType; }
    QSpinBox* minCapacity() const { return m_minCapacity; }
    QSpinBox* minClearance() const { return m_minClearance; }

signals:
    void changed();

private:
    QSpinBox* addSpin(const QString& label, const QString& suffix, int maximum, int step, const QString& tip);
    QComboBox* addChoice(const QString& label, const QString& any, const std::vector<std::string>& choices);

    int m_controls = 0;
    QSpinBox* m_minVram = nullptr;
    QSpinBox* m_maxLength = nullptr;
    QSpinBox* m_minWattage = nullptr;
    QCheckBox* m_atx3 = nullptr;
    QComboBox* m_socket = nullptr;
    QComboBox* m_formFactor = nullptr;
    QComboBox* m_memoryType = nullptr;
    QSpinBox* m_minCapacity = nullptr;
    QSpinBox* m_minClearance = nullptr;
};

}  // namespace mlrig::ui
