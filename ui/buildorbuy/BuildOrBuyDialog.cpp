#include "ui/buildorbuy/BuildOrBuyDialog.h"

#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QCursor>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileDialog>
#include <QMessageBox>
#include <QPushButton>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QToolTip>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <map>

#include "core/io/OutputFile.h"
#include "core/io/SystemComparisonCsvExport.h"
#include "ui/buildorbuy/SystemComparisonModel.h"
#include "ui/common/ChartStyle.h"
#include "ui/common/ProseLabel.h"
#include "ui/common/UiFormat.h"

namespace mlrig::ui {

BuildOrBuyDialog::BuildOrBuyDialog(const Build& build, const Catalog& catalog, const EvaluationOptions& options,
                                   std::optional<double> budget, QWidget* parent)
    : QDialog(parent), m_comparison(compareSystems(build, catalog, options))
{
    setWindowTitle(tr("Build or Buy"));
    setObjectName(QStringLiteral("buildOrBuyDialog"));
    auto* layout = new QVBoxLayout(this);

    m_heading = addProseLabel(layout, this, ProseKind::Rich);
    if (m_comparison.workloadLabel.empty())
        m_heading->setText(tr("<b>No workload yet.</b> The table lists every machine; choose a workload in the "
                              "Workload panel to see which of them run it, and how fast."));
    else
        m_heading->setText(tr("<b>%1</b>: your build beside machines whose GPU shares one large memory pool. Ranked "
                              "by what runs the workload, then %2, then price.")
                               .arg(qs(m_comparison.workloadLabel).toHtmlEscaped(), qs(m_comparison.figureOfMerit)));

    auto* filterRow = new QHBoxLayout;
    m_onlyWithinBudget = new QCheckBox(tr("Only machines within my budget:"), this);
    m_onlyWithinBudget->setObjectName(QStringLiteral("buildOrBuyBudgetFilter"));
    m_budget = new QDoubleSpinBox(this);
    m_budget->setObjectName(QStringLiteral("buildOrBuyBudget"));
    m_budget->setRange(100, 100000);
    m_budget->setSingleStep(250);
    m_budget->setDecimals(0);
    m_budget->setPrefix(QStringLiteral("$"));
    m_budget->setValue(budget.value_or(3000));
    m_budget->setEnabled(false);
    filterRow->addWidget(m_onlyWithinBudget);
    filterRow->addWidget(m_budget);
    filterRow->addStretch(1);
    layout->addLayout(filterRow);

    auto* split = new QSplitter(Qt::Vertical, this);
    m_model = new SystemComparisonModel(this);
    m_sorted = new QSortFilterProxyModel(this);
    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(SystemComparisonModel::SortRole);
    m_table = new QTableView(split);
    m_table->setObjectName(QStringLiteral("buildOrBuyTable"));
    m_table->setModel(m_sorted);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(SystemComparisonModel::Rank, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(SystemComparisonModel::Machine, QHeaderView::Stretch);
    m_chart = new QChartView(split);
    m_chart->setObjectName(QStringLiteral("buildOrBuyChart"));
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumHeight(220);
    split->addWidget(m_table);
    split->addWidget(m_chart);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);

    m_details = addProseLabel(layout, this, ProseKind::Plain);
    m_details->setObjectName(QStringLiteral("buildOrBuyDetails"));
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    addProseLabel(layout, this, ProseKind::Hint)
        ->setText(tr("GPU memory: what the GPU may use of a machine's unified memory once its share is raised as the "
                     "notes say (macOS, Linux), or the build's VRAM. Machine prices are US dollars with the month "
                     "they were seen; power is measured under an LLM load where a source measured it, otherwise the "
                     "machine's maximum rating."));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* csv = buttons->addButton(tr("Export CSV…"), QDialogButtonBox::ActionRole);
    csv->setObjectName(QStringLiteral("buildOrBuyExportCsv"));
    connect(csv, &QPushButton::clicked, this, &BuildOrBuyDialog::exportCsvAs);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(m_onlyWithinBudget, &QCheckBox::toggled, this, [this](bool on) {
        m_budget->setEnabled(on);
        refill();
    });
    connect(m_budget, &QDoubleSpinBox::valueChanged, this, [this] {
        if (m_onlyWithinBudget->isChecked())
            refill();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] { showDetails(); });
    refill();
    resize(1100, 760);
}

void BuildOrBuyDialog::refill()
{
    std::vector<const SystemRow*> rows;
    if (m_onlyWithinBudget->isChecked()) {
        rows = withinBudget(m_comparison, m_budget->value());  // the domain filters; the view only shows
    } else {
        for (const SystemRow& row : m_comparison.rows)
            rows.push_back(&row);
    }
    m_model->setRows(&m_comparison, rows);
    fillChart(rows);
    if (m_sorted->rowCount() > 0)
        m_table->selectRow(0);
    showDetails();
}

bool BuildOrBuyDialog::exportCsv(const QString& path, QString* error) const
{
    // What the table shows: the domain's rows, filtered by the budget when the filter is on.
    SystemComparison shown = m_comparison;
    if (m_onlyWithinBudget->isChecked()) {
        shown.rows.clear();
        for (const SystemRow* row : withinBudget(m_comparison, m_budget->value()))
            shown.rows.push_back(*row);
    }
    try {
        writeFileSafely(systemComparisonToCsv(shown), QFile::encodeName(path).toStdString());
        return true;
    } catch (const std::exception& e) {
        if (error)
            *error = QString::fromStdString(e.what());
        return false;
    }
}

void BuildOrBuyDialog::exportCsvAs()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Build or Buy as CSV"),
                                                      QStringLiteral("build-or-buy.csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportCsv(path, &error))
        QMessageBox::warning(this, tr("Export failed"), error);
}

QString BuildOrBuyDialog::pointToolTip(const SystemRow& row, const QString& figureName)
{
    QString tip = QStringLiteral("<b>%1</b><br>%2").arg(qs(row.name).toHtmlEscaped(), qs(row.platform).toHtmlEscaped());
    tip += QStringLiteral("<br>") + (row.price ? moneyIn(*row.price, row.currency) : tr("price unknown"));
    if (row.figure)
        tip += QStringLiteral("<br>%1 %2").arg(*row.figure, 0, 'f', 1).arg(figureName.toHtmlEscaped());
    if (row.memoryGb)
        tip += QStringLiteral("<br>") + tr("%1 GB for the GPU").arg(*row.memoryGb, 0, 'f', 0);
    if (row.powerW)
        tip += QStringLiteral("<br>") + tr("%1 W under load").arg(*row.powerW, 0, 'f', 0);
    return tip;
}

void BuildOrBuyDialog::fillChart(const std::vector<const SystemRow*>& rows)
{
    auto* chart = new QChart;
    chart->legend()->setAlignment(Qt::AlignRight);
    const QString figureName = m_comparison.figureOfMerit.empty() ? tr("figure") : qs(m_comparison.figureOfMerit);
    std::map<std::string, QScatterSeries*> byPlatform;
    QScatterSeries* buildSeries = nullptr;
    std::map<QScatterSeries*, std::vector<const SystemRow*>> pointsOf;
    double maxPrice = 0;
    double maxFigure = 0;
    for (const SystemRow* row : rows) {
        if (!row->fits || !row->figure || !row->price)
            continue;  // a point needs both axes: what it costs and what it does
        QScatterSeries*& series = row->isBuild ? buildSeries : byPlatform[row->platform];
        if (!series) {
            series = new QScatterSeries;
            series->setName(row->isBuild ? tr("Your build") : qs(row->platform));
            series->setMarkerSize(row->isBuild ? 16 : 11);
            if (row->isBuild) {
                series->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
                series->setPointLabelsVisible(true);
                series->setPointLabelsFormat(tr("Your build"));
                series->setPointLabelsClipping(false);
            }
        }
        series->append(*row->price, *row->figure);
        pointsOf[series].push_back(row);
        maxPrice = std::max(maxPrice, *row->price);
        maxFigure = std::max(maxFigure, *row->figure);
    }
    std::vector<QScatterSeries*> all;
    for (auto& [name, series] : byPlatform)
        all.push_back(series);
    if (buildSeries)
        all.push_back(buildSeries);
    auto* x = new QValueAxis;
    x->setTitleText(tr("Price (US$)"));
    x->setLabelFormat(QStringLiteral("%.0f"));
    x->setRange(0, maxPrice > 0 ? maxPrice * 1.1 : 1000);
    auto* y = new QValueAxis;
    y->setTitleText(figureName);
    y->setLabelFormat(QStringLiteral("%.0f"));
    y->setRange(0, maxFigure > 0 ? maxFigure * 1.15 : 10);
    x->applyNiceNumbers();  // round ticks ($2,000, $4,000...) instead of a fraction of the range
    y->applyNiceNumbers();
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QScatterSeries* series : all) {
        chart->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
        const std::vector<const SystemRow*> points = pointsOf[series];
        connect(series, &QScatterSeries::hovered, this, [this, points, figureName, series](const QPointF& point, bool state) {
            if (!state) {
                QToolTip::hideText();
                return;
            }
            const QList<QPointF> list = series->points();
            for (qsizetype i = 0; i < list.size() && i < static_cast<qsizetype>(points.size()); ++i) {
                if (std::abs(list[i].x() - point.x()) < 1e-6 && std::abs(list[i].y() - point.y()) < 1e-6) {
                    QToolTip::showText(QCursor::pos(), pointToolTip(*points[static_cast<size_t>(i)], figureName), this);
                    return;
                }
            }
        });
    }
    if (all.empty())
        chart->setTitle(m_comparison.workloadLabel.empty() ? tr("Choose a workload to chart price against speed")
                                                           : tr("Nothing here runs the workload"));
    else
        chart->setTitle(tr("Price against %1 (machines and builds that run the workload)").arg(figureName));
    styleChart(chart, palette());
    QChart* old = m_chart->chart();
    m_chart->setChart(chart);
    delete old;
}

void BuildOrBuyDialog::showDetails()
{
    const QModelIndex current = m_table->currentIndex();
    const SystemRow* row = current.isValid() ? m_model->rowAt(m_sorted->mapToSource(current).row()) : nullptr;
    if (!row) {
        m_details->setText(m_model->rowCount() == 0 ? tr("No machine within this budget.") : QString());
        return;
    }
    QStringList lines;
    lines << QStringLiteral("%1 — %2").arg(qs(row->name), qs(row->chip));
    if (row->estimate && !row->fits && !row->estimate->reason.empty())
        lines << tr("Does not run it: %1").arg(qs(row->estimate->reason));
    if (!row->notes.empty())
        lines << qs(row->notes);
    lines << tr("Software: %1").arg(qs(row->stack));
    lines << tr("Price: %1").arg(qs(row->priceNote));
    if (!row->powerNote.empty())
        lines << tr("Power: %1").arg(qs(row->powerNote));
    if (!row->isBuild)
        lines << tr("Source: %1").arg(qs(row->source));
    m_details->setText(lines.join(QLatin1Char('\n')));
    m_details->setToolTip(row->estimate ? qs([&] {
        std::string all;
        for (const std::string& a : row->estimate->assumptions)
            all += "• " + a + "\n";
        return all;
    }())
                                        : QString());
}

}  // namespace mlrig::ui
