#include "ui/wizard/WizardReviewPage.h"

#include <QTextBrowser>
#include <QVBoxLayout>

#include "ui/wizard/BuildWizard.h"
#include "ui/common/UiFormat.h"
#include "core/eval/Evaluate.h"
#include "core/eval/ValueMetrics.h"

namespace mlrig::ui {

namespace {

QString esc(std::string_view text)
{
    return qs(text).toHtmlEscaped();
}

}  // namespace

WizardReviewPage::WizardReviewPage(BuildWizard* wizard) : QWizardPage(wizard), m_wizard(wizard)
{
    setObjectName(QStringLiteral("wizardReviewPage"));
    setTitle(tr("Review"));
    setSubTitle(tr("The whole build with every check mlrig makes. Finish opens it in the main window, where you can "
                   "change anything (Edit > Undo brings back what was there before)."));
    setFinalPage(true);
    auto* layout = new QVBoxLayout(this);
    m_text = new QTextBrowser(this);
    m_text->setObjectName(QStringLiteral("wizardReview"));
    m_text->setOpenLinks(false);
    layout->addWidget(m_text);
}

void WizardReviewPage::initializePage()
{
    const std::optional<Build> build = m_wizard->result();
    if (!build) {
        m_text->setHtml(tr("<p>No build to review: go back and choose a GPU with a compatible platform.</p>"));
        return;
    }
    const Catalog& catalog = m_wizard->catalog();
    const Evaluation e = evaluate(*build, catalog, m_wizard->evaluationOptions());
    const double budget = m_wizard->goal().budget;
    QString html;
    html += QStringLiteral("<h3>%1</h3>").arg(esc(build->name));
    html += QStringLiteral("<table cellspacing='0' cellpadding='3' width='100%'>");
    for (const CostLine& line : e.cost.lines)
        html += QStringLiteral("<tr><td>%1</td><td>%2%3</td><td align='right'>%4</td></tr>")
                    .arg(categoryName(line.category).toHtmlEscaped(), line.quantity > 1 ? QStringLiteral("%1 × ").arg(line.quantity) : QString(),
                         esc(line.name), line.unitPrice ? dollars(line.lineTotal) : tr("no price"));
    html += QStringLiteral("<tr><td colspan='2'><b>%1</b></td><td align='right'><b>%2</b></td></tr></table>")
                .arg(tr("Total (budget %1)").arg(dollars(budget)), dollars(e.cost.total));
    if (e.cost.total > budget + 1e-6)
        html += QStringLiteral("<p style='color:%1'>%2</p>")
                    .arg(severityColor(Severity::Error).name(),
                         tr("%1 over budget.").arg(dollars(e.cost.total - budget)));
    if (e.workload) {
        const WorkloadEstimate& w = *e.workload;
        html += QStringLiteral("<h4>%1</h4><p>").arg(tr("Workload: %1").arg(esc(w.modelName)));
        html += w.fits ? tr("Fits: needs %1 GB of %2 GB VRAM.").arg(w.vramNeededGb, 0, 'f', 1).arg(w.vramAvailableGb, 0, 'f', 0)
                       : tr("Does not fit: needs %1 GB, the GPUs have %2 GB.")
                             .arg(w.vramNeededGb, 0, 'f', 1)
                             .arg(w.vramAvailableGb, 0, 'f', 0);
        if (w.figureValue)
            html += QStringLiteral(" ") + tr("About %1 %2.").arg(*w.figureValue, 0, 'f', *w.figureValue < 10 ? 1 : 0)
                                              .arg(esc(w.figureOfMerit));
        html += QStringLiteral("</p>");
    }
    html += QStringLiteral("<h4>%1</h4><p>%2</p>")
                .arg(tr("Power"), tr("About %1 W under load, transient peaks to about %2 W; power supply %3 W "
                                     "(recommended at least %4 W).")
                                      .arg(e.power.sustainedW, 0, 'f', 0)
                                      .arg(e.power.peakW, 0, 'f', 0)
                                      .arg(e.power.psuW.value_or(0), 0, 'f', 0)
                                      .arg(e.power.recommendedPsuW, 0, 'f', 0));
    const auto counted = [](int n, const QString& one, const QString& many) { return (n == 1 ? one : many).arg(n); };
    html += QStringLiteral("<h4>%1</h4>").arg(tr("Checks: %1, %2, %3")
                                                  .arg(counted(e.count(Severity::Error), tr("%1 error"), tr("%1 errors")),
                                                       counted(e.count(Severity::Warning), tr("%1 warning"), tr("%1 warnings")),
                                                       counted(e.count(Severity::Note), tr("%1 note"), tr("%1 notes"))));
    html += QStringLiteral("<ul>");
    for (const Finding& f : e.findings)
        html += QStringLiteral("<li><span style='color:%1'><b>%2</b></span> %3</li>")
                    .arg(severityColor(f.severity).name(), esc(severityId(f.severity)), esc(f.message));
    html += QStringLiteral("</ul>");
    m_text->setHtml(html);
}

QString WizardReviewPage::reviewText() const
{
    return m_text->toPlainText();
}

bool WizardReviewPage::isComplete() const
{
    return m_wizard->result().has_value();
}

}  // namespace mlrig::ui
