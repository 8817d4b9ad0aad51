#pragma once

#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QRadioButton;

namespace mlrig::ui {

class BuildWizard;

// Step 2: budget, one or two GPUs, new or used parts, and how loud and hot the GPUs may run.
class WizardBudgetPage : public QWizardPage {
    Q_OBJECT
public:
    explicit WizardBudgetPage(BuildWizard* wizard);

    void initializePage() override;
    bool validatePage() override;
    bool isComplete() const override;
    void cleanupPage() override {}

private:
    void commit();

    BuildWizard* m_wizard;
    QDoubleSpinBox* m_budget;
    QRadioButton* m_oneGpu;
    QRadioButton* m_twoGpus;
    QCheckBox* m_otherVendors = nullptr;
    QCheckBox* m_used;
    QComboBox* m_power;
    QLabel* m_problem;
};

}  // namespace mlrig::ui
