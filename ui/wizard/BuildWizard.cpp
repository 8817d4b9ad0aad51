#include "ui/wizard/BuildWizard.h"

#include <QApplication>
#include <QMessageBox>

#include "ui/wizard/WizardBudgetPage.h"
#include "ui/wizard/WizardGpuPage.h"
#include "ui/wizard/WizardPartsPage.h"
#include "ui/wizard/WizardReviewPage.h"
#include "ui/wizard/WizardWorkloadPage.h"

namespace mlrig::ui {

BuildWizard::BuildWizard(const Catalog& catalog, const EvaluationOptions& options, QWidget* parent)
    : QWizard(parent), m_catalog(catalog), m_options(options)
{
    setObjectName(QStringLiteral("buildWizard"));
    setWindowTitle(tr("New Build Wizard"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setOption(QWizard::HaveHelpButton, false);
    m_goal.workload.model = "llama-3.1-8b";
    setPage(WorkloadPage, new WizardWorkloadPage(this));
    setPage(BudgetPage, new WizardBudgetPage(this));
    setPage(GpuPage, new WizardGpuPage(this));
    setPage(PlatformPage, new WizardPartsPage(WizardPartsPage::Step::Platform, this));
    setPage(RestPage, new WizardPartsPage(WizardPartsPage::Step::Rest, this));
    setPage(ReviewPage, new WizardReviewPage(this));
    setStartId(WorkloadPage);
    resize(1040, 720);
}

void BuildWizard::setGoal(const BuildGoal& goal)
{
    const bool same = goal.workload == m_goal.workload && goal.budget == m_goal.budget &&
                      goal.gpuCount == m_goal.gpuCount && goal.allowUsed == m_goal.allowUsed &&
                      goal.otherVendorsEqual == m_goal.otherVendorsEqual && goal.ownGpuPrices == m_goal.ownGpuPrices &&
                      goal.gpuPowerFraction == m_goal.gpuPowerFraction;
    if (same)
        return;
    m_goal = goal;
    ++m_goalRevision;
}

void BuildWizard::setGpuLine(const std::optional<BuildItem>& line)
{
    if (line == m_gpuLine)
        return;
    m_gpuLine = line;
    ++m_gpuRevision;
}

void BuildWizard::suggest(const std::vector<BuildItem>& kept)
{
    m_kept = kept;
    m_suggestion = {};
    if (m_gpuLine) {
        QApplication::setOverrideCursor(Qt::WaitCursor);
        try {
            m_suggestion = suggestBuild(m_catalog, m_goal, *m_gpuLine, kept);
        } catch (const std::exception& e) {
            m_suggestion.message = e.what();
        }
        QApplication::restoreOverrideCursor();
    }
    ++m_suggestionRevision;
    emit suggestionChanged();
}

void BuildWizard::replaceLine(const BuildItem& line)
{
    if (!m_suggestion.build)
        return;
    for (BuildItem& item : m_suggestion.build->items)
        if (item.category == line.category) {
            item = line;
            break;
        }
    const Evaluation e = evaluate(*m_suggestion.build, m_catalog, m_options);
    m_suggestion.cost = e.cost.total;
    m_suggestion.withinBudget = m_suggestion.cost <= m_goal.budget + 1e-6;
    m_suggestion.message.clear();
    ++m_suggestionRevision;
    emit suggestionChanged();
}

bool BuildWizard::hasChanges() const
{
    return m_goalRevision > 0 || m_gpuRevision > 0 || (currentId() != -1 && currentId() != startId());
}

void BuildWizard::reject()
{
    if (isVisible() && hasChanges()) {
        QMessageBox box(QMessageBox::Question, tr("Discard the Planned Build?"),
                        tr("Close the wizard and discard your answers and the build it suggested?"),
                        QMessageBox::Discard | QMessageBox::Cancel, this);
        box.setObjectName(QStringLiteral("discardWizardBox"));
        box.setDefaultButton(QMessageBox::Cancel);  // the answer that loses nothing
        box.setEscapeButton(QMessageBox::Cancel);
        if (box.exec() != QMessageBox::Discard)
            return;
    }
    QWizard::reject();
}

std::optional<Build> BuildWizard::result() const
{
    if (!m_suggestion.build)
        return std::nullopt;
    Build build = *m_suggestion.build;
    build.workload = m_goal.workload;
    return build;
}

}  // namespace mlrig::ui
