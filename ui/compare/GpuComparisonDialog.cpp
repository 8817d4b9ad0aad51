#include "ui/compare/GpuComparisonDialog.h"

#include <algorithm>

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableWidget>
#include <QToolButton>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

#include "ui/common/ProseLabel.h"
#include "ui/common/ChartStyle.h"
#include "ui/report/ComparisonReport.h"
#include "ui/common/UiFormat.h"
#include "core/io/ComparisonCsvExport.h"
#include "core/io/OutputFile.h"

namespace mlrig::ui {

namespace {

// A picker's data: "build:N" (the build's Nth GPU line), "system:NAME" (a machine), else a GPU ref.
const QString kSystemPrefix = QStringLiteral("system:");
const char* const kDefaults[] = {"GeForce RTX 3090", "GeForce RTX 4090", "GeForce RTX 4060 Ti 16GB", ""};
const QColor kBarColours[] = {QColor(0x1f, 0x6f, 0xb2), QColor(0xd9, 0x82, 0x0b), QColor(0x2f, 0x7d, 0x4f),
                              QColor(0x8e, 0x44, 0xad)};

}  // namespace

GpuComparisonDialog::GpuComparisonDialog(const Catalog& catalog, const std::optional<Workload>& workload,
                                         const std::vector<BuildItem>& buildGpus, const std::vector<BuildItem>& start,
                                         QWidget* parent)
    : QDialog(parent), m_catalog(catalog), m_workload(workload)
{
    setObjectName(QStringLiteral("gpuComparison"));
    setWindowTitle(tr("Compare GPUs"));
    auto* layout = new QVBoxLayout(this);

    // The lists: the build's GPUs first, then every GPU model of the catalog.
    for (const BuildItem& item : buildGpus)
        if (item.category == Category::Gpu)
            m_buildGpus.push_back(item);
    std::vector<const Gpu*> models;
    for (const AnyPart& part : catalog.parts(Category::Gpu)) {
        const Gpu& g = std::get<Gpu>(part);
        if (g.info.id.starts_with("gpu-model:"))
            models.push_back(&g);
    }
    std::sort(models.begin(), models.end(), [](const Gpu* a, const Gpu* b) { return a->info.name < b->info.name; });

    auto* pickRow = new QHBoxLayout;
    for (int column = 0; column < static_cast<int>(kMaxComparedGpus); ++column) {
        auto* combo = new QComboBox(this);
        combo->setObjectName(QStringLiteral("comparePick%1").arg(column + 1));
        combo->setAccessibleName(tr("GPU %1").arg(column + 1));
        combo->setEditable(true);
        combo->setInsertPolicy(QComboBox::NoInsert);
        combo->completer()->setFilterMode(Qt::MatchContains);
        combo->completer()->setCompletionMode(QCompleter::PopupCompletion);
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(18);
        if (column >= static_cast<int>(kMinComparedGpus))
            combo->addItem(tr("(none)"), QString());
        for (size_t i = 0; i < m_buildGpus.size(); ++i) {
            const BuildItem& item = m_buildGpus[i];
            const AnyPart* part = partOf(item, catalog);
            if (!part)
                continue;
            combo->addItem(tr("In your build: %1").arg(qs(infoOf(*part).name)), QStringLiteral("build:%1").arg(i));
        }
        for (const Gpu* g : models)
            combo->addItem(qs(g->info.name), qs(g->info.id));
        // Then the unified-memory machines, under a heading of their own (issue 17: "a platform can be
        // one of the columns"). The heading cannot be chosen.
        if (!catalog.unifiedSystems().empty()) {
            combo->insertSeparator(combo->count());
            combo->addItem(tr("Machines with unified memory"));
            if (auto* model = qobject_cast<QStandardItemModel*>(combo->model())) {
                QStandardItem* heading = model->item(combo->count() - 1);
                heading->setFlags(Qt::NoItemFlags);
                QFont bold = heading->font();
                bold.setBold(true);
                heading->setFont(bold);
            }
            for (const UnifiedSystem& system : catalog.unifiedSystems().systems())
                combo->addItem(qs(system.system), kSystemPrefix + qs(system.system));
        }
        pickRow->addWidget(combo, 1);
        m_pickers.push_back(combo);
    }
    layout->addLayout(pickRow);
    m_workloadLabel = addProseLabel(layout, this, ProseKind::Hint);
    m_problem = addProseLabel(layout, this, ProseKind::Problem);
    m_problem->hide();

    auto* split = new QSplitter(Qt::Horizontal, this);
    m_table = new QTableWidget(split);
    m_table->setObjectName(QStringLiteral("comparisonTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->setAccessibleName(tr("GPU comparison table"));
    m_chart = new QChartView(split);
    m_chart->setObjectName(QStringLiteral("comparisonChart"));
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumWidth(380);
    split->addWidget(m_table);
    split->addWidget(m_chart);
    // The table gets two thirds: a machine's name ("Mac Studio (M3 Ultra 80-core, 256 GB)") and its
    // cells ("118 of 128 GB") are longer than a card's.
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_add = new QToolButton(this);
    m_add->setObjectName(QStringLiteral("compareAddToBuild"));
    m_add->setText(tr("&Add to Build"));
    m_add->setPopupMode(QToolButton::InstantPopup);
    m_add->setMenu(new QMenu(m_add));
    buttons->addButton(m_add, QDialogButtonBox::ActionRole);
    m_csv = buttons->addButton(tr("Export &CSV…"), QDialogButtonBox::ActionRole);
    m_pdf = buttons->addButton(tr("Export &PDF…"), QDialogButtonBox::ActionRole);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_csv, &QPushButton::clicked, this, [this] { exportTo(false); });
    connect(m_pdf, &QPushButton::clicked, this, [this] { exportTo(true); });

    // Start from the given GPUs, else the build's GPUs, then popular defaults.
    std::vector<QString> picks;
    for (const BuildItem& item : start) {
        const AnyPart* part = item.custom ? nullptr : partOf(item, catalog);  // catalog cards only
        if (!part || picks.size() >= kMaxComparedGpus)
            continue;
        // A card that is not a model row is added to the lists under its own name.
        const QString id = qs(infoOf(*part).id);
        for (QComboBox* combo : m_pickers)
            if (combo->findData(id) < 0)
                combo->addItem(qs(infoOf(*part).name), id);
        picks.push_back(id);
    }
    for (size_t i = 0; start.empty() && i < m_buildGpus.size() && picks.size() < kMaxComparedGpus; ++i)
        picks.push_back(QStringLiteral("build:%1").arg(i));
    for (const char* d : kDefaults) {
        if (picks.size() >= 3 || !start.empty())
            break;
        const AnyPart* part = catalog.find(Category::Gpu, d);
        if (!part)
            continue;
        const QString id = qs(infoOf(*part).id);
        bool duplicate = false;
        for (const BuildItem& item : m_buildGpus)
            if (const AnyPart* p = catalog.find(Category::Gpu, item.ref))
                duplicate = duplicate || (std::get<Gpu>(*p).chipModel == std::get<Gpu>(*part).chipModel);
        if (!duplicate)
            picks.push_back(id);
    }
    for (size_t column = 0; column < m_pickers.size(); ++column) {
        const QSignalBlocker block(m_pickers[column]);
        const int index = column < picks.size() ? m_pickers[column]->findData(picks[column]) : 0;
        m_pickers[column]->setCurrentIndex(std::max(0, index));
    }
    for (QComboBox* combo : m_pickers)
        connect(combo, &QComboBox::currentIndexChanged, this, &GpuComparisonDialog::recompute);
    resize(1280, 760);
    recompute();
}

bool GpuComparisonDialog::setGpu(int column, const QString& ref)
{
    if (column < 0 || column >= static_cast<int>(m_pickers.size()))
        return false;
    QComboBox* combo = m_pickers[static_cast<size_t>(column)];
    int index = combo->findData(ref);
    if (index < 0)
        if (const AnyPart* part = m_catalog.find(Category::Gpu, ss(ref)))
            index = combo->findData(qs(infoOf(*part).id));
    if (index < 0)
        if (const UnifiedSystem* system = m_catalog.unifiedSystems().system(ss(ref)))
            index = combo->findData(kSystemPrefix + qs(system->system));
    if (index < 0)
        return false;
    combo->setCurrentIndex(index);
    recompute();
    return true;
}

void GpuComparisonDialog::recompute()
{
    std::vector<ComparisonColumn> items;
    for (QComboBox* combo : m_pickers) {
        const QString choice = combo->currentData().toString();
        if (choice.isEmpty())
            continue;
        if (choice.startsWith(kSystemPrefix)) {
            items.push_back(ComparisonColumn::ofSystem(ss(choice.mid(kSystemPrefix.size()))));
            continue;
        }
        if (choice.startsWith(QStringLiteral("build:"))) {
            BuildItem item = m_buildGpus[choice.mid(6).toULongLong()];
            item.quantity = 1;
            items.push_back(ComparisonColumn::ofGpu(item));
            continue;
        }
        BuildItem item;
        item.category = Category::Gpu;
        item.ref = ss(choice);
        items.push_back(ComparisonColumn::ofGpu(item));
    }
    m_workloadLabel->setText(m_workload ? tr("Workload rows are for the build's workload: %1. Winners in green; "
                                             "percentages against the first column. A machine's column is the "
                                             "whole machine: its price, its power, the memory its GPU may use.")
                                              .arg(qs(describeWorkload(*m_workload)))
                                        : tr("No workload in the build: set one in the Workload panel to compare "
                                             "speed and fit. Winners in green; percentages against the first column."));
    try {
        // The build's GPU count: a pair may hold what one card cannot, so show both.
        int cards = 1;
        for (const BuildItem& g : m_buildGpus)
            cards = std::max(cards, std::min(g.quantity, 8));
        m_comparison = compareGpus(m_catalog, items, m_workload, cards);
        m_problem->hide();
    } catch (const std::exception& e) {
        m_comparison.reset();
        m_problem->setText(tr("Cannot compare: %1.").arg(qs(e.what())));
        m_problem->show();
    }
    fillTable();
    fillChart();
    QMenu* menu = m_add->menu();
    menu->clear();
    if (m_comparison)
        for (const ComparedGpu& g : m_comparison->gpus) {
            if (g.kind != ColumnKind::Gpu)
                continue;  // a machine is bought whole, not added to a build
            const BuildItem item = g.item;
            menu->addAction(tr("Add %1").arg(qs(g.name())), this, [this, item] { emit addToBuildRequested(item); });
        }
    m_add->setEnabled(m_comparison.has_value() && !menu->isEmpty());
    m_csv->setEnabled(m_comparison.has_value());
    m_pdf->setEnabled(m_comparison.has_value());
}

void GpuComparisonDialog::fillTable()
{
    m_table->clear();
    m_rowOfComparison.clear();
    if (!m_comparison) {
        m_table->setRowCount(0);
        m_table->setColumnCount(0);
        return;
    }
    const GpuComparison& c = *m_comparison;
    const int n = static_cast<int>(c.gpus.size());
    m_table->setColumnCount(n + 1);
    QStringList headers{tr("Metric")};
    for (const ComparedGpu& g : c.gpus)
        headers << qs(g.name());
    m_table->setHorizontalHeaderLabels(headers);
    for (int i = 1; i <= n; ++i)  // machine names are long: the header elides, its tooltip does not
        m_table->horizontalHeaderItem(i)->setToolTip(headers[i]);
    int rows = 0;
    std::string group;
    for (const ComparisonRow& r : c.rows) {
        if (r.group != group) {
            group = r.group;
            ++rows;
        }
        ++rows;
    }
    m_table->setRowCount(rows);
    const QColor winTint = rowTint(palette(), Severity::Note);
    const QColor winText = QColor(0x2f, 0x7d, 0x4f);
    QFont bold = m_table->font();
    bold.setBold(true);
    int row = 0;
    group.clear();
    for (const ComparisonRow& r : c.rows) {
        if (r.group != group) {
            group = r.group;
            auto* header = new QTableWidgetItem(qs(group));
            header->setFont(bold);
            m_table->setItem(row, 0, header);
            m_table->setSpan(row, 0, 1, n + 1);
            ++row;
        }
        m_rowOfComparison.push_back(row);
        auto* label = new QTableWidgetItem(qs(r.label));
        label->setToolTip(r.better == Better::Higher  ? tr("Higher is better")
                          : r.better == Better::Lower ? tr("Lower is better")
                                                      : QString());
        m_table->setItem(row, 0, label);
        for (int i = 0; i < n; ++i) {
            QString text = qs(r.text[static_cast<size_t>(i)]);
            if (const auto& d = r.deltaPercent[static_cast<size_t>(i)])
                text += QStringLiteral("  (%1%2%)").arg(*d >= 0 ? QStringLiteral("+") : QString()).arg(*d, 0, 'f', 0);
            auto* cell = new QTableWidgetItem(text);
            cell->setToolTip(text);  // a narrow column elides; the whole text is one hover away
            cell->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (std::find(r.winners.begin(), r.winners.end(), static_cast<size_t>(i)) != r.winners.end()) {
                cell->setBackground(winTint);
                cell->setForeground(winText);
                cell->setFont(bold);
                cell->setData(Qt::AccessibleDescriptionRole, tr("best"));
            }
            m_table->setItem(row, i + 1, cell);
        }
        ++row;
    }
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setStretchLastSection(false);
    for (int i = 1; i <= n; ++i)
        m_table->horizontalHeader()->setSectionResizeMode(i, QHeaderView::Stretch);
}

void GpuComparisonDialog::changeEvent(QEvent* event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_chart)
        fillChart();  // chart colours come from the palette
}

QString GpuComparisonDialog::barToolTip(int gpu, int chartRow) const
{
    if (!m_comparison || gpu < 0 || chartRow < 0 || static_cast<size_t>(gpu) >= m_comparison->gpus.size() ||
        static_cast<size_t>(chartRow) >= m_chartRows.size())
        return QString();
    const ComparisonRow& row = *m_chartRows[static_cast<size_t>(chartRow)];
    const size_t column = static_cast<size_t>(gpu);
    const std::vector<double> scores = normalisedScores(row);
    QString text = QStringLiteral("<b>%1</b><br>%2: %3")
                       .arg(qs(m_comparison->gpus[column].gpu->info.name).toHtmlEscaped(),
                            qs(row.label).toHtmlEscaped(), qs(row.text[column]).toHtmlEscaped());
    if (column < scores.size())
        text += QStringLiteral("<br>") + tr("%1% of the best").arg(std::lround(scores[column]));
    if (std::find(row.winners.begin(), row.winners.end(), column) != row.winners.end())
        text += QStringLiteral(" ") + tr("(best)");
    return text;
}

void GpuComparisonDialog::fillChart()
{
    m_chartRows.clear();
    auto* chart = new QChart;
    chart->setTitle(tr("Relative to the best column (longer is better)"));
    chart->legend()->setAlignment(Qt::AlignBottom);
    if (m_comparison) {
        QStringList categories;
        std::vector<const ComparisonRow*> rows;
        for (const ComparisonRow& r : m_comparison->rows) {
            const std::vector<double> scores = normalisedScores(r);
            if (r.chartable() && std::any_of(scores.begin(), scores.end(), [](double v) { return v > 0; }))
                rows.push_back(&r);  // a row nobody has a figure for would be an empty band
        }
        std::reverse(rows.begin(), rows.end());  // horizontal bars draw bottom-up; keep table order top-down
        m_chartRows = rows;
        for (const ComparisonRow* r : rows)
            categories << qs(r->label);
        auto* series = new QHorizontalBarSeries;
        for (size_t i = 0; i < m_comparison->gpus.size(); ++i) {
            auto* set = new QBarSet(qs(m_comparison->gpus[i].name()));
            set->setColor(kBarColours[i % 4]);
            for (const ComparisonRow* r : rows)
                *set << normalisedScores(*r)[i];
            series->append(set);
        }
        chart->addSeries(series);
        connect(series, &QHorizontalBarSeries::hovered, this, [this, series](bool state, int index, QBarSet* set) {
            m_hoverText = state ? barToolTip(static_cast<int>(series->barSets().indexOf(set)), index) : QString();
            showChartToolTip(this, m_hoverText);
        });
        auto* axisY = new QBarCategoryAxis;
        axisY->append(categories);
        chart->addAxis(axisY, Qt::AlignLeft);
        series->attachAxis(axisY);
        auto* axisX = new QValueAxis;
        axisX->setRange(0, 100);
        axisX->setLabelFormat(QStringLiteral("%d%"));
        chart->addAxis(axisX, Qt::AlignBottom);
        series->attachAxis(axisX);
    }
    styleChart(chart, palette());
    m_chart->setBackgroundBrush(palette().color(QPalette::Base));
    QChart* old = m_chart->chart();
    m_chart->setChart(chart);
    delete old;
}

int GpuComparisonDialog::tableRow(const QString& rowId) const
{
    if (!m_comparison)
        return -1;
    for (size_t i = 0; i < m_comparison->rows.size(); ++i)
        if (qs(m_comparison->rows[i].id) == rowId)
            return m_rowOfComparison[i];
    return -1;
}

bool GpuComparisonDialog::exportCsv(const QString& path, QString* error) const
{
    if (!m_comparison)
        return false;
    try {
        writeFileSafely(comparisonToCsv(*m_comparison), QFile::encodeName(path).toStdString());
        return true;
    } catch (const std::exception& e) {
        if (error)
            *error = QString::fromStdString(e.what());
        return false;
    }
}

bool GpuComparisonDialog::exportPdf(const QString& path, QString* error, QString* warning) const
{
    return m_comparison && writeComparisonPdf(*m_comparison, path, error, warning);
}

void GpuComparisonDialog::exportTo(bool pdf)
{
    const QString path = QFileDialog::getSaveFileName(
        this, pdf ? tr("Export Comparison as PDF") : tr("Export Comparison as CSV"),
        pdf ? QStringLiteral("gpu-comparison.pdf") : QStringLiteral("gpu-comparison.csv"),
        pdf ? tr("PDF documents (*.pdf)") : tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    QString warning;
    if (!(pdf ? exportPdf(path, &error, &warning) : exportCsv(path, &error)))
        QMessageBox::warning(this, tr("Export failed"), error);
    else if (!warning.isEmpty())
        QMessageBox::information(this, tr("PDF exported"), warning);
}

}  // namespace mlrig::ui
