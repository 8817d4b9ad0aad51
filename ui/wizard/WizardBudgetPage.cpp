#include "ui/wizard/WizardBudgetPage.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QRadioButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include "ui/wizard/BuildWizard.h"
#include "ui/common/FormRows.h"
#include "ui/common/ProseLabel.h"
#include "ui/common/UiFormat.h"

namespace mlrig::ui {

WizardBudgetPage::WizardBudgetPage(BuildWizard* wizard) : QWizardPage(wizard), m_wizard(wizard)
{
    setObjectName(QStringLiteral("wizardBudgetPage"));
    setTitle(tr("Budget and preferences"));
    setSubTitle(tr("The whole build must fit the budget: GPUs, platform, power supply, case and storage."));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_budget = new QDoubleSpinBox(this);
    m_budget->setObjectName(QStringLiteral("wizardBudget"));
    m_budget->setRange(300, 100000);
    m_budget->setDecimals(0);
    m_budget->setSingleStep(100);
    m_budget->setPrefix(QStringLiteral("$"));
    m_budget->setGroupSeparatorShown(true);
    m_budget->setAccessibleName(tr("Budget in US dollars"));
    auto* budgetRow = new QHBoxLayout;
    budgetRow->addWidget(m_budget);
    auto* currency = new QLabel(tr("US dollars: GPU market prices (dated), else the July 2025 retail snapshot; launch "
                                   "prices (MSRP) only where neither is known."),
                                this);
    currency->setWordWrap(true);
    currency->setForegroundRole(QPalette::PlaceholderText);
    budgetRow->addWidget(currency, 1);
    addBuddyRow(form, tr("&Budget:"), m_budget, budgetRow);

    auto* gpus = new QHBoxLayout;
    m_oneGpu = new QRadioButton(tr("&One GPU"), this);
    m_oneGpu->setObjectName(QStringLiteral("wizardOneGpu"));
    m_twoGpus = new QRadioButton(tr("&Two identical GPUs"), this);
    m_twoGpus->setObjectName(QStringLiteral("wizardTwoGpus"));
    auto* group = new QButtonGroup(this);
    group->addButton(m_oneGpu);
    group->addButton(m_twoGpus);
    gpus->addWidget(m_oneGpu);
    gpus->addWidget(m_twoGpus);
    gpus->addStretch(1);
    auto* gpuCell = new QVBoxLayout;
    gpuCell->setSpacing(2);
    gpuCell->addLayout(gpus);
    auto* gpuHint = new QLabel(tr("Two cards add VRAM for larger models, but need a board that runs both at x8/x8, "
                                  "a bigger power supply and a case with room for both."),
                               this);
    gpuHint->setWordWrap(true);
    gpuHint->setForegroundRole(QPalette::PlaceholderText);
    gpuCell->addWidget(gpuHint);
    form->addRow(tr("GPUs:"), gpuCell);

    m_used = new QCheckBox(tr("I will buy a &used GPU (used market price, or a price I enter)"), this);
    m_used->setObjectName(QStringLiteral("wizardUsed"));
    m_used->setToolTip(tr("With this on, each GPU is priced at its used market price (with its month and source) "
                          "where that is cheaper than new, and the GPU step lets you enter the price of a used card "
                          "you have found."));
    form->addRow(tr("Used parts:"), m_used);

    m_otherVendors = new QCheckBox(tr("Rank &AMD and Intel cards with NVIDIA for training and images"), this);
    m_otherVendors->setObjectName(QStringLiteral("wizardOtherVendors"));
    m_otherVendors->setToolTip(tr("Training, fine-tuning and image tools are written for CUDA first, so by default "
                                  "AMD and Intel cards come after every NVIDIA card that fits. Tick this if you "
                                  "are ready to set up ROCm or oneAPI."));
    form->addRow(tr("GPU vendors:"), m_otherVendors);

    m_power = new QComboBox(this);
    m_power->setObjectName(QStringLiteral("wizardPower"));
    m_power->addItem(tr("Full power (fastest)"), 1.0);
    m_power->addItem(tr("Balanced: GPUs limited to 85% (a little quieter, about 3% slower)"), 0.85);
    m_power->addItem(tr("Quiet: GPUs limited to 70% (much cooler, about 11% slower)"), 0.70);
    m_power->setAccessibleName(tr("Noise and power preference"));
    form->addRow(tr("&Noise and power:"), m_power);
    layout->addLayout(form);
    m_problem = addProseLabel(layout, this, ProseKind::Problem);
    layout->addStretch(1);

    connect(m_budget, &QDoubleSpinBox::valueChanged, this, &WizardBudgetPage::commit);
    connect(m_oneGpu, &QRadioButton::toggled, this, &WizardBudgetPage::commit);
    connect(m_used, &QCheckBox::toggled, this, &WizardBudgetPage::commit);
    connect(m_otherVendors, &QCheckBox::toggled, this, &WizardBudgetPage::commit);
    connect(m_power, &QComboBox::currentIndexChanged, this, &WizardBudgetPage::commit);
}

void WizardBudgetPage::initializePage()
{
    const BuildGoal& goal = m_wizard->goal();
    const QSignalBlocker b1(m_budget), b2(m_oneGpu), b3(m_twoGpus), b4(m_used), b5(m_power),
        b6(m_otherVendors);
    m_budget->setValue(goal.budget);
    m_oneGpu->setChecked(goal.gpuCount == 1);
    m_twoGpus->setChecked(goal.gpuCount == 2);
    m_used->setChecked(goal.allowUsed);
    m_otherVendors->setChecked(goal.otherVendorsEqual);
    int best = 0;
    for (int i = 0; i < m_power->count(); ++i)
        if (std::abs(m_power->itemData(i).toDouble() - goal.gpuPowerFraction) <
            std::abs(m_power->itemData(best).toDouble() - goal.gpuPowerFraction))
            best = i;
    m_power->setCurrentIndex(best);
    commit();
}

void WizardBudgetPage::commit()
{
    BuildGoal goal = m_wizard->goal();
    goal.budget = m_budget->value();
    goal.gpuCount = m_twoGpus->isChecked() ? 2 : 1;
    goal.allowUsed = m_used->isChecked();
    goal.otherVendorsEqual = m_otherVendors->isChecked();
    goal.gpuPowerFraction = m_power->currentData().toDouble();
    const std::string problem = validateGoal(goal);
    m_problem->setText(problem.empty() ? QString() : tr("Cannot plan this: %1.").arg(qs(problem)));
    if (problem.empty())
        m_wizard->setGoal(goal);
    emit completeChanged();
}

bool WizardBudgetPage::isComplete() const
{
    return m_problem->text().isEmpty();
}

bool WizardBudgetPage::validatePage()
{
    commit();
    return isComplete();
}

}  // namespace mlrig::ui
