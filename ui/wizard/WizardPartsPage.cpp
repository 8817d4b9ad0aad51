#include "ui/wizard/WizardPartsPage.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include "ui/wizard/BuildWizard.h"
#include "ui/common/ProseLabel.h"
#include "ui/common/UiFormat.h"
#include "core/eval/Evaluate.h"
#include "core/model/Build.h"

namespace mlrig::ui {

WizardPartsPage::WizardPartsPage(Step step, BuildWizard* wizard) : QWizardPage(wizard), m_step(step), m_wizard(wizard)
{
    const bool platform = step == Step::Platform;
    setObjectName(platform ? QStringLiteral("wizardPlatformPage") : QStringLiteral("wizardRestPage"));
    setTitle(platform ? tr("Platform: CPU, motherboard and memory") : tr("Power supply, case, cooling and storage"));
    setSubTitle(platform ? tr("Suggested to match the GPUs: same socket and memory generation, x8/x8 lanes for two "
                              "cards, and at least as much system RAM as VRAM. Change any of them; the parts after "
                              "it are suggested again.")
                         : tr("Sized from the power model (including the GPUs' short power spikes) and from the "
                              "physical fit of the cards and the cooler. Every choice listed fits this build."));
    auto* layout = new QVBoxLayout(this);
    m_summary = addProseLabel(layout, this, ProseKind::Rich);
    m_summary->setObjectName(QStringLiteral("wizardPartsSummary"));
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const std::vector<Category> categories =
        platform ? std::vector<Category>{Category::Cpu, Category::Motherboard, Category::Memory}
                 : std::vector<Category>{Category::Psu, Category::Case, Category::Cooler, Category::Storage};
    for (Category c : categories) {
        Row row;
        row.category = c;
        row.combo = new QComboBox(this);
        row.combo->setObjectName(QStringLiteral("wizardChoice-") + qs(categoryId(c)));
        row.combo->setAccessibleName(categoryName(c));
        row.combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        row.combo->setMinimumContentsLength(40);
        row.reason = new QLabel(this);
        row.reason->setWordWrap(true);
        row.reason->setForegroundRole(QPalette::PlaceholderText);
        auto* cell = new QVBoxLayout;
        cell->setSpacing(2);
        cell->addWidget(row.combo);
        cell->addWidget(row.reason);
        auto* label = new QLabel(categoryName(c) + QLatin1Char(':'), this);
        label->setBuddy(row.combo);
        form->addRow(label, cell);
        m_rows.push_back(std::move(row));
    }
    layout->addLayout(form);
    layout->addStretch(1);
    for (size_t i = 0; i < m_rows.size(); ++i)
        connect(m_rows[i].combo, &QComboBox::activated, this, [this, i](int index) { onChosen(i, index); });
    connect(m_wizard, &BuildWizard::suggestionChanged, this, [this] {
        if (isVisible())
            fill();
    });
}

void WizardPartsPage::initializePage()
{
    if (m_step == Step::Platform &&
        (m_seenGoal != m_wizard->goalRevision() || m_seenGpu != m_wizard->gpuRevision() ||
         !m_wizard->suggestion().build)) {
        m_seenGoal = m_wizard->goalRevision();
        m_seenGpu = m_wizard->gpuRevision();
        m_wizard->suggest({});
    }
    if (m_filledSuggestion != m_wizard->suggestionRevision())
        fill();
}

void WizardPartsPage::fill()
{
    m_filledSuggestion = m_wizard->suggestionRevision();
    const BuildSuggestion& s = m_wizard->suggestion();
    const Catalog& catalog = m_wizard->catalog();
    if (!s.build) {
        m_summary->setText(QStringLiteral("<span style='color:%1'>%2</span>")
                               .arg(severityColor(Severity::Error).name(), qs(s.message).toHtmlEscaped()));
        for (Row& row : m_rows) {
            row.combo->clear();
            row.reason->clear();
            row.combo->setEnabled(false);
        }
        emit completeChanged();
        return;
    }
    const Evaluation evaluation = evaluate(*s.build, catalog, m_wizard->evaluationOptions());
    const QString costLine =
        tr("Build so far: <b>%1</b> of your %2 budget.").arg(dollars(s.cost), dollars(m_wizard->goal().budget));
    m_summary->setText(s.withinBudget ? costLine
                                      : costLine + QStringLiteral(" <span style='color:%1'>%2</span>")
                                                       .arg(severityColor(Severity::Error).name(),
                                                            qs(s.message).toHtmlEscaped()));
    for (Row& row : m_rows) {
        const AnyPart* current = firstPartOf(catalog, *s.build, row.category);
        row.choices = partChoices(catalog, m_wizard->goal(), *s.build, row.category);
        const QSignalBlocker block(row.combo);
        row.combo->clear();
        row.combo->setEnabled(true);
        int currentIndex = -1;
        for (size_t i = 0; i < row.choices.size(); ++i) {
            const PartInfo& info = infoOf(*row.choices[i].part);
            row.combo->addItem(QStringLiteral("%1 — %2").arg(qs(info.name), dollars(row.choices[i].price)));
            if (current && row.choices[i].part == current)
                currentIndex = static_cast<int>(i);
        }
        if (current && currentIndex < 0) {
            // The person's own choice (or a kept part) that the list does not hold: show it first.
            row.choices.insert(row.choices.begin(), PartChoice{current, 0});
            row.combo->insertItem(0, qs(infoOf(*current).name));
            currentIndex = 0;
        }
        row.combo->setCurrentIndex(currentIndex);
        row.reason->setText(reasonFor(row.category, evaluation));
    }
    emit completeChanged();
}

void WizardPartsPage::onChosen(size_t rowIndex, int index)
{
    Row& row = m_rows[rowIndex];
    if (index < 0 || index >= static_cast<int>(row.choices.size()) || !m_wizard->suggestion().build)
        return;
    const BuildItem chosen = row.choices[static_cast<size_t>(index)].item();
    if (m_step == Step::Rest) {
        m_wizard->replaceLine(chosen);
        return;
    }
    // Keep the platform parts above this one as they are, and this choice; suggest the rest.
    std::vector<BuildItem> kept;
    for (size_t i = 0; i < rowIndex; ++i)
        for (const BuildItem& item : m_wizard->suggestion().build->items)
            if (item.category == m_rows[i].category)
                kept.push_back(item);
    kept.push_back(chosen);
    m_wizard->suggest(kept);
    if (!m_wizard->suggestion().build) {
        // Nothing compatible keeps that choice: say so and go back to the suggestion.
        const QString message = qs(m_wizard->suggestion().message);
        m_wizard->suggest({});
        m_summary->setText(m_summary->text() + QStringLiteral("<br><span style='color:%1'>%2</span>")
                                                   .arg(severityColor(Severity::Warning).name(), message.toHtmlEscaped()));
    }
}

void WizardPartsPage::choose(Category category, int index)
{
    for (size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].category == category) {
            m_rows[i].combo->setCurrentIndex(index);
            onChosen(i, index);
        }
}

QComboBox* WizardPartsPage::combo(Category category) const
{
    for (const Row& row : m_rows)
        if (row.category == category)
            return row.combo;
    return nullptr;
}

QString WizardPartsPage::reasonFor(Category category, const Evaluation& evaluation) const
{
    const Build& build = *m_wizard->suggestion().build;
    const Catalog& catalog = m_wizard->catalog();
    double vram = 0;
    std::optional<double> longestGpu;
    for (const BuildItem& item : build.items)
        if (item.category == Category::Gpu)
            if (const AnyPart* p = partOf(item, catalog)) {
                const Gpu& g = std::get<Gpu>(*p);
                vram += g.vramGb.value_or(0) * item.quantity;
                if (g.lengthMm)
                    longestGpu = std::max(longestGpu.value_or(0), *g.lengthMm);
            }
    const AnyPart* part = firstPartOf(catalog, build, category);
    if (!part)
        return {};
    switch (category) {
    case Category::Cpu: {
        const Cpu& c = std::get<Cpu>(*part);
        return tr("%1 cores, socket %2. The GPUs do the ML work; the CPU feeds them and runs the system.")
            .arg(c.cores ? QString::number(*c.cores) : tr("unknown"), qs(c.socket));
    }
    case Category::Motherboard: {
        const Motherboard& b = std::get<Motherboard>(*part);
        return tr("Socket %1, %2, %3%4.")
            .arg(qs(b.socket), qs(b.memoryType), qs(b.formFactor),
                 b.x8x8Bifurcation.value_or(false) ? tr(", runs two GPUs at x8/x8") : QString());
    }
    case Category::Memory: {
        const Memory& m = std::get<Memory>(*part);
        return tr("%1 GB in %2 modules; the GPUs have %3 GB of VRAM. Loading a model goes through system RAM, so it "
                  "should be at least as large.")
            .arg(m.totalGb().value_or(0))
            .arg(m.modules.value_or(0))
            .arg(vram, 0, 'f', 0);
    }
    case Category::Psu:
        return tr("The build draws about %1 W under load and can spike to about %2 W for milliseconds; mlrig "
                  "recommends at least %3 W.")
            .arg(evaluation.power.sustainedW, 0, 'f', 0)
            .arg(evaluation.power.peakW, 0, 'f', 0)
            .arg(evaluation.power.recommendedPsuW, 0, 'f', 0);
    case Category::Case: {
        const Case& c = std::get<Case>(*part);
        return tr("Takes cards up to %1 mm%2.")
            .arg(c.maxGpuLengthMm ? QString::number(*c.maxGpuLengthMm, 'f', 0) : tr("(unknown)"),
                 longestGpu ? tr(" (the GPU is %1 mm)").arg(*longestGpu, 0, 'f', 0) : QString());
    }
    case Category::Cooler: {
        const Cooler& c = std::get<Cooler>(*part);
        return c.heightMm ? tr("%1 mm tall; fits the case and the CPU socket.").arg(*c.heightMm, 0, 'f', 0)
                          : tr("Fits the CPU socket.");
    }
    case Category::Storage: {
        const Storage& s = std::get<Storage>(*part);
        return tr("%1 GB %2: models and datasets are large, and an SSD loads them quickly.")
            .arg(s.capacityGb.value_or(0), 0, 'f', 0)
            .arg(qs(s.storageType));
    }
    case Category::Gpu:
        break;
    }
    return {};
}

bool WizardPartsPage::isComplete() const
{
    return m_wizard->suggestion().build.has_value();
}

}  // namespace mlrig::ui
