#pragma once

#include <QWizardPage>

#include "core/advise/GpuAdvisor.h"

class QDoubleSpinBox;
class QLabel;
class QTableWidget;

namespace mlrig::ui {

class BuildWizard;

// Step 3: every GPU model ranked for the goal, with fits / does not fit, speed, value per
// dollar, the price of the cheapest build around it and the guide's warnings.
class WizardGpuPage : public QWizardPage {
    Q_OBJECT
public:
    enum Column { ModelColumn, FitsColumn, FigureColumn, ValueColumn, GpuCostColumn, BuildCostColumn, NotesColumn };

    explicit WizardGpuPage(BuildWizard* wizard);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;
    void cleanupPage() override {}

    const GpuRanking& ranking() const { return m_ranking; }
    // "Or buy: ..." the best unified-memory machine within the budget, linking to Build or Buy.
    QLabel* orBuyLabel() const { return m_orBuy; }
    QTableWidget* table() const { return m_table; }
    // Selects the suggestion of a GPU model (tests, and keeping the choice on a new ranking).
    bool selectModel(const QString& model);

private:
    void rank();
    void fill();
    void showDetails();
    void showOrBuy();
    void openBuildOrBuy();
    int selectedIndex() const;

    BuildWizard* m_wizard;
    GpuRanking m_ranking;
    int m_rankedRevision = -1;
    QLabel* m_verdict;
    QLabel* m_why;
    QLabel* m_orBuy;
    QTableWidget* m_table;
    QLabel* m_details;
    QLabel* m_usedLabel;
    QDoubleSpinBox* m_usedPrice;
};

}  // namespace mlrig::ui
