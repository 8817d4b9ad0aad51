#include "ui/wizard/WizardGpuPage.h"

#include <QApplication>
#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QVBoxLayout>

#include "ui/wizard/BuildWizard.h"
#include "ui/common/ProseLabel.h"
#include "ui/buildorbuy/BuildOrBuyDialog.h"
#include "core/advise/SystemComparison.h"
#include "ui/common/UiFormat.h"

namespace mlrig::ui {

namespace {

QString flagLabel(const Finding& f)
{
    if (f.rule == "gpu-datacenter")
        return QObject::tr("old datacentre card");
    if (f.rule == "gpu-workstation")
        return QObject::tr("workstation card");
    if (f.rule == "gpu-vendor")
        return QObject::tr("not NVIDIA (CUDA)");
    return qs(f.rule);
}

}  // namespace

WizardGpuPage::WizardGpuPage(BuildWizard* wizard) : QWizardPage(wizard), m_wizard(wizard)
{
    setObjectName(QStringLiteral("wizardGpuPage"));
    setTitle(tr("Choose the GPU"));
    auto* layout = new QVBoxLayout(this);
    m_verdict = addProseLabel(layout, this, ProseKind::Rich);
    m_verdict->setObjectName(QStringLiteral("wizardGpuVerdict"));
    m_why = addProseLabel(layout, this, ProseKind::Hint);
    m_orBuy = addProseLabel(layout, this, ProseKind::Rich);
    m_orBuy->setObjectName(QStringLiteral("wizardOrBuy"));
    m_orBuy->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    connect(m_orBuy, &QLabel::linkActivated, this, [this] { openBuildOrBuy(); });

    m_table = new QTableWidget(this);
    m_table->setObjectName(QStringLiteral("wizardGpuTable"));
    m_table->setColumnCount(7);
    m_table->setHorizontalHeaderLabels({tr("GPU"), tr("Fits the model"), tr("Speed"), tr("Speed per $1,000"),
                                        tr("GPU cost"), tr("Cheapest build"), tr("Watch out")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(ModelColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(NotesColumn, QHeaderView::Stretch);
    m_table->setAccessibleName(tr("GPUs ranked for your workload"));
    layout->addWidget(m_table, 1);
    m_details = addProseLabel(layout, this, ProseKind::Rich);
    m_details->setMinimumHeight(m_details->fontMetrics().height() * 3);
    auto* usedRow = new QHBoxLayout;
    m_usedLabel = new QLabel(tr("Price of the used card I found (per card, 0 = use the market price):"), this);
    m_usedPrice = new QDoubleSpinBox(this);
    m_usedPrice->setObjectName(QStringLiteral("wizardUsedPrice"));
    m_usedPrice->setRange(0, 50000);
    m_usedPrice->setDecimals(0);
    m_usedPrice->setPrefix(QStringLiteral("$"));
    m_usedLabel->setBuddy(m_usedPrice);
    usedRow->addWidget(m_usedLabel);
    usedRow->addWidget(m_usedPrice);
    usedRow->addStretch(1);
    layout->addLayout(usedRow);

    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        // The price field shows the price typed for the selected model, if any.
        const int index = selectedIndex();
        if (index >= 0) {
            const auto& prices = m_wizard->goal().ownGpuPrices;
            const auto it = prices.find(m_ranking.suggestions[static_cast<size_t>(index)].model);
            const QSignalBlocker block(m_usedPrice);
            m_usedPrice->setValue(it == prices.end() ? 0.0 : it->second);
        }
        showDetails();
        emit completeChanged();
    });
    // A price typed for a used card re-ranks at once: its build cost and place in the table change
    // now, not after Next.
    connect(m_usedPrice, &QDoubleSpinBox::valueChanged, this, [this](double value) {
        const int index = selectedIndex();
        if (index < 0)
            return;
        const std::string model = m_ranking.suggestions[static_cast<size_t>(index)].model;
        BuildGoal goal = m_wizard->goal();
        if (value > 0)
            goal.ownGpuPrices[model] = value;
        else
            goal.ownGpuPrices.erase(model);
        m_wizard->setGoal(goal);
        rank();
        selectModel(qs(model));
    });
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this] { m_wizard->next(); });
}

void WizardGpuPage::initializePage()
{
    m_usedLabel->setVisible(m_wizard->goal().allowUsed);
    m_usedPrice->setVisible(m_wizard->goal().allowUsed);
    if (m_rankedRevision != m_wizard->goalRevision())
        rank();
}

void WizardGpuPage::rank()
{
    const QString previous = m_wizard->gpuLine() ? qs(m_wizard->gpuLine()->ref) : QString();
    QApplication::setOverrideCursor(Qt::WaitCursor);
    try {
        m_ranking = rankGpus(m_wizard->catalog(), m_wizard->goal());
    } catch (const std::exception& e) {
        m_ranking = {};
        m_ranking.verdict = e.what();
    }
    QApplication::restoreOverrideCursor();
    m_rankedRevision = m_wizard->goalRevision();
    fill();
    showOrBuy();
    // Keep the earlier choice when it is still offered, else start on the top suggestion.
    bool kept = false;
    for (int row = 0; row < m_table->rowCount() && !previous.isEmpty(); ++row) {
        const GpuSuggestion& s = m_ranking.suggestions[static_cast<size_t>(row)];
        if (qs(s.item().ref) == previous) {
            m_table->selectRow(row);
            kept = true;
        }
    }
    if (!kept && m_table->rowCount() > 0)
        m_table->selectRow(0);
}

// The machine a person could buy instead, from the same ranking as Tools > Build or Buy.
void WizardGpuPage::showOrBuy()
{
    Build workloadOnly;
    workloadOnly.workload = m_wizard->goal().workload;
    const SystemComparison comparison = compareSystems(workloadOnly, m_wizard->catalog(), m_wizard->evaluationOptions());
    const SystemRow* best = bestMachine(comparison, m_wizard->goal().budget);
    if (!best || !best->figure || !best->price) {
        m_orBuy->setText(
            comparison.rows.empty()
                ? QString()
                : tr("No ready-made unified-memory machine runs this within your budget. <a href=\"buildorbuy\">Compare "
                     "them all</a>"));
        return;
    }
    m_orBuy->setText(tr("Or buy: <b>%1</b> runs it at %2 %3 for %4%5. <a href=\"buildorbuy\">Build or buy?</a>")
                         .arg(qs(best->name).toHtmlEscaped())
                         .arg(*best->figure, 0, 'f', 1)
                         .arg(qs(comparison.figureOfMerit).toHtmlEscaped(), moneyIn(*best->price, best->currency),
                              best->needsRaisedLimit ? tr(" (with its GPU memory share raised)") : QString()));
}

void WizardGpuPage::openBuildOrBuy()
{
    // The wizard has no whole build yet (the platform comes in the next steps), so the dialog lists
    // the machines for the wizard's workload and budget; the ranking above holds the builds' costs.
    Build build;
    build.workload = m_wizard->goal().workload;
    auto* dialog = new BuildOrBuyDialog(build, m_wizard->catalog(), m_wizard->evaluationOptions(),
                                        m_wizard->goal().budget, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->budgetFilter()->setChecked(true);
    dialog->open();
}

void WizardGpuPage::fill()
{
    const bool llm = m_wizard->goal().workload.kind == WorkloadKind::LlmInference;
    m_verdict->setText(QStringLiteral("<b>%1</b>").arg(qs(m_ranking.verdict).toHtmlEscaped()));
    m_why->setText(qs(m_ranking.whyMetric));
    setSubTitle(tr("Ranked by %1 for %n GPU(s). Recommended options come first; cards that do not fit or need more "
                   "budget follow, so you can see what you would get for more.",
                   nullptr, m_wizard->goal().gpuCount)
                    .arg(qs(m_ranking.figureName)));
    m_table->setHorizontalHeaderItem(FigureColumn, new QTableWidgetItem(qs(m_ranking.figureName)));
    m_table->setRowCount(static_cast<int>(m_ranking.suggestions.size()));
    const QColor good = rowTint(palette(), Severity::Note);
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const GpuSuggestion& s = m_ranking.suggestions[static_cast<size_t>(row)];
        const auto set = [&](int column, const QString& text, Qt::Alignment align = Qt::AlignLeft | Qt::AlignVCenter) {
            auto* item = new QTableWidgetItem(text);
            item->setTextAlignment(align);
            m_table->setItem(row, column, item);
            return item;
        };
        const Qt::Alignment right = Qt::AlignRight | Qt::AlignVCenter;
        QString name = (s.count == 2 ? QStringLiteral("2 × ") : QString()) + qs(s.model);
        if (m_ranking.bestValue && *m_ranking.bestValue == static_cast<size_t>(row))
            name += tr("  ★ best value");
        set(ModelColumn, name)->setToolTip(qs(s.gpu->info.name));
        const QString fitsText =
            s.fits && s.placement == "offload"
                ? tr("With offload: %1 of %2 GB on the GPU, the rest in %3 GB of RAM")
                      .arg(s.vramGb, 0, 'f', 0)
                      .arg(s.neededGb, 0, 'f', 1)
                      .arg(s.ramGb.value_or(0), 0, 'f', 0)
            : s.fits ? tr("Yes: %1 of %2 GB").arg(s.neededGb, 0, 'f', 1).arg(s.vramGb, 0, 'f', 0)
                     : tr("No: needs %1 GB, has %2").arg(s.neededGb, 0, 'f', 1).arg(s.vramGb, 0, 'f', 0);
        auto* fitsItem = set(FitsColumn, fitsText);
        if (s.fits && s.placement == "offload")
            fitsItem->setToolTip(tr("llama.cpp %1%2").arg(qs(s.llamaCppFlags),
                                                          s.needsMoreRam ? tr("; needs a platform with %1 GB of RAM")
                                                                               .arg(s.ramGb.value_or(0), 0, 'f', 0)
                                                                         : QString()));
        set(FigureColumn, s.fits ? number(s.figure, s.figure && *s.figure < 10 ? 1 : 0) : QStringLiteral("—"), right);
        set(ValueColumn,
            s.fits && s.figurePerDollar ? number(*s.figurePerDollar * 1000, llm ? 1 : 2) : QStringLiteral("—"), right);
        set(GpuCostColumn,
            dollars(s.gpuCost()) + (s.priceSource == PriceSource::Msrp      ? QStringLiteral(" †")
                                    : s.condition == Condition::Used ? tr(" used")
                                                                     : QString()),
            right)
            ->setToolTip(tr("%1 per card: %2").arg(dollars(s.unitPrice), priceOriginText(s.priceOrigin)));
        auto* cost = set(BuildCostColumn, s.buildCost ? dollars(*s.buildCost) : tr("no compatible platform"), right);
        if (s.buildCost && !s.withinBudget)
            cost->setForeground(severityColor(Severity::Error));
        QStringList flags;
        for (const Finding& f : s.flags)
            flags << flagLabel(f);
        auto* notes = set(NotesColumn, flags.join(QStringLiteral(", ")));
        if (!s.flags.empty()) {
            notes->setIcon(severityIcon(s.flags.front().severity));
            notes->setToolTip(qs(s.flags.front().message));
        }
        if (s.recommended())
            for (int c = 0; c < m_table->columnCount(); ++c)
                m_table->item(row, c)->setBackground(good);
    }
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setSectionResizeMode(NotesColumn, QHeaderView::Stretch);
}

int WizardGpuPage::selectedIndex() const
{
    const auto rows = m_table->selectionModel() ? m_table->selectionModel()->selectedRows() : QModelIndexList{};
    if (rows.isEmpty())
        return -1;
    const int row = rows.front().row();
    return row < static_cast<int>(m_ranking.suggestions.size()) ? row : -1;
}

void WizardGpuPage::showDetails()
{
    const int index = selectedIndex();
    if (index < 0) {
        m_details->clear();
        return;
    }
    const GpuSuggestion& s = m_ranking.suggestions[static_cast<size_t>(index)];
    QStringList lines;
    lines << tr("<b>%1</b> — %2").arg(qs(s.gpu->info.name).toHtmlEscaped(),
                                    s.recommended() ? tr("fits the model within your budget")
                                    : !s.fits      ? tr("does not hold the model")
                                    : s.buildCost  ? tr("fits, but the cheapest build around it costs %1").arg(dollars(*s.buildCost))
                                                   : tr("no compatible platform in the catalog"));
    if (s.powerLimitW)
        lines << tr("Runs at a %1 W power limit per card (your noise and power choice).").arg(*s.powerLimitW, 0, 'f', 0);
    for (const Finding& f : s.flags)
        lines << QStringLiteral("<span style='color:%1'>●</span> %2")
                     .arg(severityColor(f.severity).name(), qs(f.message).toHtmlEscaped());
    m_details->setText(lines.join(QStringLiteral("<br>")));
}

bool WizardGpuPage::selectModel(const QString& model)
{
    for (int row = 0; row < static_cast<int>(m_ranking.suggestions.size()); ++row)
        if (qs(m_ranking.suggestions[static_cast<size_t>(row)].model) == model) {
            m_table->selectRow(row);
            return true;
        }
    return false;
}

bool WizardGpuPage::isComplete() const
{
    return selectedIndex() >= 0;
}

bool WizardGpuPage::validatePage()
{
    const int index = selectedIndex();
    if (index < 0)
        return false;
    BuildItem line = m_ranking.suggestions[static_cast<size_t>(index)].item();
    if (m_wizard->goal().allowUsed && m_usedPrice->value() > 0) {  // as item() gives it; kept for clarity
        line.price = m_usedPrice->value();
        line.condition = Condition::Used;
    }
    m_wizard->setGpuLine(line);
    return true;
}

}  // namespace mlrig::ui
