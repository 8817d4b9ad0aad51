#pragma once

// File > New Build Wizard: workload -> budget -> GPU -> platform -> the rest -> review. The
// wizard holds the person's answers (a BuildGoal), the chosen GPU line and the current suggestion;
// every suggestion comes from core (rankGpus, suggestBuild, partChoices). Going Back keeps the
// answers; changing an earlier step makes the later steps suggest again when they are reached.

#include <QWizard>

#include <optional>
#include <vector>

#include "core/advise/BuildGoal.h"
#include "core/advise/BuildSuggester.h"
#include "core/advise/GpuAdvisor.h"
#include "core/catalog/Catalog.h"
#include "core/eval/Evaluate.h"

namespace mlrig::ui {

class BuildWizard : public QWizard {
    Q_OBJECT
public:
    enum PageId { WorkloadPage, BudgetPage, GpuPage, PlatformPage, RestPage, ReviewPage };

    BuildWizard(const Catalog& catalog, const EvaluationOptions& options, QWidget* parent = nullptr);

    const Catalog& catalog() const { return m_catalog; }
    const EvaluationOptions& evaluationOptions() const { return m_options; }

    const BuildGoal& goal() const { return m_goal; }
    void setGoal(const BuildGoal& goal);
    int goalRevision() const { return m_goalRevision; }

    // Step 3: the GPU line chosen from the ranking (with the person's used price, if any).
    const std::optional<BuildItem>& gpuLine() const { return m_gpuLine; }
    void setGpuLine(const std::optional<BuildItem>& line);
    int gpuRevision() const { return m_gpuRevision; }

    // Steps 4 and 5: the build suggested around the GPU line, keeping the `kept` lines.
    const BuildSuggestion& suggestion() const { return m_suggestion; }
    const std::vector<BuildItem>& kept() const { return m_kept; }
    void suggest(const std::vector<BuildItem>& kept);
    // Swaps one line of the suggestion (PSU, case, cooler, storage need nothing re-suggested).
    void replaceLine(const BuildItem& line);
    int suggestionRevision() const { return m_suggestionRevision; }

    // The finished build (after Finish), nullopt before.
    std::optional<Build> result() const;

    // True once the person has answered anything (a goal or GPU chosen, a step passed): then
    // Cancel, Escape or closing the window asks before the answers are thrown away.
    bool hasChanges() const;
    void reject() override;
    // Closes as Cancel does, without asking (scripts, tests, the screenshot run).
    void discard() { QWizard::reject(); }

signals:
    void suggestionChanged();

private:
    const Catalog& m_catalog;
    EvaluationOptions m_options;
    BuildGoal m_goal;
    int m_goalRevision = 0;
    std::optional<BuildItem> m_gpuLine;
    int m_gpuRevision = 0;
    BuildSuggestion m_suggestion;
    std::vector<BuildItem> m_kept;
    int m_suggestionRevision = 0;
};

}  // namespace mlrig::ui
