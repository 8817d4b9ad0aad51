#pragma once

#include <QWizardPage>

#include <vector>

#include "core/advise/BuildSuggester.h"
#include "core/eval/Evaluation.h"

class QComboBox;
class QLabel;

namespace mlrig::ui {

class BuildWizard;

// Steps 4 and 5: the suggested parts of a few categories, each changeable from a list of
// compatible choices (cheapest first). On the platform step (CPU, board, memory) a change keeps
// the choices above it and suggests the rest again; on the last parts step (PSU, case, cooler,
// storage) a change only swaps that part, since every offered choice already fits the build.
class WizardPartsPage : public QWizardPage {
    Q_OBJECT
public:
    enum class Step { Platform, Rest };

    WizardPartsPage(Step step, BuildWizard* wizard);

    void initializePage() override;
    bool isComplete() const override;
    void cleanupPage() override {}

    QComboBox* combo(Category category) const;
    // Picks the choice at `index` of a category's list, as the person would (tests).
    void choose(Category category, int index);

private:
    struct Row {
        Category category;
        QComboBox* combo = nullptr;
        QLabel* reason = nullptr;
        std::vector<PartChoice> choices;
    };
    void fill();
    void onChosen(size_t row, int index);
    QString reasonFor(Category category, const Evaluation& evaluation) const;

    Step m_step;
    BuildWizard* m_wizard;
    std::vector<Row> m_rows;
    QLabel* m_summary;
    int m_seenGoal = -1;
    int m_seenGpu = -1;
    int m_filledSuggestion = -1;
};

}  // namespace mlrig::ui
