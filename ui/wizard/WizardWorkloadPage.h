#pragma once

#include <QWizardPage>

class QButtonGroup;
class QComboBox;
class QLabel;
class QSpinBox;

namespace mlrig::ui {

class BuildWizard;

// Step 1: what the machine is for, and for LLMs which model, quantization and context.
class WizardWorkloadPage : public QWizardPage {
    Q_OBJECT
public:
    explicit WizardWorkloadPage(BuildWizard* wizard);

    void initializePage() override;
    bool validatePage() override;
    void cleanupPage() override {}  // Back keeps the answers

private:
    void updateVisibility();
    void commit();

    BuildWizard* m_wizard;
    QButtonGroup* m_kind;
    QComboBox* m_model;
    QComboBox* m_quant;
    QSpinBox* m_context;
    QComboBox* m_method;
    QLabel* m_modelLabel;
    QLabel* m_quantLabel;
    QLabel* m_contextLabel;
    QLabel* m_methodLabel;
    QLabel* m_summary;
};

}  // namespace mlrig::ui
