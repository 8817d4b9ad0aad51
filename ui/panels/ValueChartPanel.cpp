#include "ui/panels/ValueChartPanel.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QScatterSeries>
#include <QSignalBlocker>
#include <QSplitter>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>

#include "ui/session/BuildSession.h"
#include "ui/common/ProseLabel.h"
#include "ui/common/ChartStyle.h"
#include "ui/common/UiFormat.h"

namespace mlrig::ui {

namespace {

std::optional<double> metricOf(const GpuValueRow& row, int metric)
{
    switch (metric) {
    case ValueChartPanel::Tflops:
        return row.fp16TensorTflops;
    case ValueChartPanel::Bandwidth:
        return row.memoryBandwidthGbs;
    default:
        return row.vramGb;
    }
}

std::optional<double> perDollarOf(const GpuValueRow& row, int metric)
{
    switch (metric) {
    case ValueChartPanel::Tflops:
        return row.value.tflopsPerDollar;
    case ValueChartPanel::Bandwidth:
        return row.value.bandwidthGbsPerDollar;
    default:
        return row.value.vramGbPerDollar;
    }
}

}  // namespace

ValueChartPanel::ValueChartPanel(BuildSession* session, QWidget* parent) : QWidget(parent), m_session(session)
{
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    auto* label = new QLabel(tr("Com&pare GPUs by:"), this);
    m_metric = new QComboBox(this);
    m_metric->addItem(tr("FP16 tensor TFLOPS (training, image generation)"), Tflops);
    m_metric->addItem(tr("Memory bandwidth GB/s (LLM decode speed)"), Bandwidth);
    m_metric->addItem(tr("VRAM GB (largest model that fits)"), Vram);
    m_metric->setAccessibleName(tr("Value metric"));
    label->setBuddy(m_metric);
    top->addWidget(label);
    top->addWidget(m_metric, 1);
    layout->addLayout(top);

    auto* split = new QSplitter(Qt::Horizontal, this);
    m_scatter = new QChartView(new QChart, split);
    m_scatter->setRenderHint(QPainter::Antialiasing);
    m_scatter->setAccessibleName(tr("Price against performance chart"));
    m_bars = new QChartView(new QChart, split);
    m_bars->setRenderHint(QPainter::Antialiasing);
    m_bars->setAccessibleName(tr("Value per dollar chart"));
    split->addWidget(m_scatter);
    split->addWidget(m_bars);
    split->setSizes({600, 420});
    split->setChildrenCollapsible(false);
    m_scatter->setMinimumWidth(280);
    m_bars->setMinimumWidth(280);

    QChart* chart = m_scatter->chart();
    m_others = new QScatterSeries;
    m_others->setName(tr("Catalog GPU models"));
    m_others->setMarkerSize(7);
    m_mine = new QScatterSeries;
    m_mine->setName(tr("Your build"));
    m_mine->setMarkerSize(14);
    m_mine->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    chart->addSeries(m_others);
    chart->addSeries(m_mine);
    m_scatterX = new QValueAxis;
    m_scatterX->setLabelFormat(QStringLiteral("%d"));
    m_scatterY = new QValueAxis;
    m_scatterY->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(m_scatterX, Qt::AlignBottom);
    chart->addAxis(m_scatterY, Qt::AlignLeft);
    for (auto* s : {m_others, m_mine}) {
        s->attachAxis(m_scatterX);
        s->attachAxis(m_scatterY);
    }
    chart->legend()->setAlignment(Qt::AlignBottom);

    QChart* bars = m_bars->chart();
    m_set = new QBarSet(QString());
    m_barSeries = new QHorizontalBarSeries;
    m_barSeries->append(m_set);
    m_barSeries->setBarWidth(0.7);
    bars->addSeries(m_barSeries);
    m_barNames = new QBarCategoryAxis;
    m_barValues = new QValueAxis;
    m_barValues->setLabelFormat(QStringLiteral("%d"));
    bars->addAxis(m_barNames, Qt::AlignLeft);
    bars->addAxis(m_barValues, Qt::AlignBottom);
    m_barSeries->attachAxis(m_barNames);
    m_barSeries->attachAxis(m_barValues);
    bars->legend()->hide();
    layout->addWidget(split, 1);
    m_note = addProseLabel(layout, this, ProseKind::Hint);

    connect(m_metric, &QComboBox::currentIndexChanged, this, &ValueChartPanel::redraw);
    connect(session, &BuildSession::changed, this, &ValueChartPanel::refresh);
    refresh();
}

void ValueChartPanel::refresh()
{
    const auto& workload = m_session->build().workload;
    // Preselect the metric that matters for the workload when its kind changes.
    const std::optional<WorkloadKind> kind = workload ? std::optional(workload->kind) : std::nullopt;
    if (kind != m_lastKind) {
        m_lastKind = kind;
        const QSignalBlocker block(m_metric);
        if (kind == WorkloadKind::LlmInference)
            m_metric->setCurrentIndex(m_metric->findData(Bandwidth));
        else if (kind)
            m_metric->setCurrentIndex(m_metric->findData(Tflops));
    }
    if (!m_rowsFor || *m_rowsFor != workload) {
        m_rows = gpuValueTable(m_session->catalog(), workload);
        m_rowsFor = workload;
        m_lastModels.clear();
        m_lastModels.push_back("\x01");  // force a redraw
    }
    std::vector<std::string> models;
    for (const BuildItem& item : m_session->build().items) {
        if (item.category != Category::Gpu)
            continue;
        const AnyPart* part = m_session->partOf(item);
        if (part && std::holds_alternative<Gpu>(*part))
            models.push_back(std::get<Gpu>(*part).chipModel);
    }
    if (models != m_lastModels) {
        m_lastModels = models;
        redraw();
    }
}

void ValueChartPanel::redraw()
{
    const int metric = m_metric->currentData().toInt();
    const QString unit = metric == Tflops ? tr("FP16 TFLOPS") : metric == Bandwidth ? tr("GB/s") : tr("GB VRAM");
    const QString symbol = QStringLiteral("$");

    // Scatter: price (MSRP) against the metric.
    QList<QPointF> others, mine;
    double maxX = 0, maxY = 0;
    int plotted = 0;
    for (const GpuValueRow& row : m_rows) {
        const auto y = metricOf(row, metric);
        if (!row.value.price || !y)
            continue;
        const bool inBuild = std::find(m_lastModels.begin(), m_lastModels.end(), row.model) != m_lastModels.end();
        (inBuild ? mine : others).append(QPointF(*row.value.price, *y));
        maxX = std::max(maxX, *row.value.price);
        maxY = std::max(maxY, *y);
        ++plotted;
    }
    m_others->replace(others);
    m_mine->replace(mine);
    m_others->setColor(palette().color(QPalette::Highlight));
    m_others->setBorderColor(palette().color(QPalette::Highlight));
    m_mine->setColor(severityColor(Severity::Warning));
    m_mine->setBorderColor(palette().color(QPalette::WindowText));
    m_scatterX->setTitleText(tr("Price (%1)").arg(symbol));
    m_scatterX->setRange(0, maxX > 0 ? maxX * 1.05 : 1000);
    m_scatterX->applyNiceNumbers();
    m_scatterY->setTitleText(unit);
    m_scatterY->setRange(0, maxY > 0 ? maxY * 1.08 : 100);
    m_scatterY->applyNiceNumbers();
    QChart* chart = m_scatter->chart();
    chart->setTitle(tr("Price against %1").arg(unit));
    styleChart(chart, palette());

    // Bars: metric per 1000 of price, best 8 models.
    std::vector<const GpuValueRow*> ranked;
    for (const GpuValueRow& row : m_rows)
        if (perDollarOf(row, metric))
            ranked.push_back(&row);
    const size_t n = std::min<size_t>(8, ranked.size());
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(n), ranked.end(),
                      [metric](const GpuValueRow* a, const GpuValueRow* b) { return *perDollarOf(*a, metric) > *perDollarOf(*b, metric); });
    ranked.resize(n);
    QStringList names;
    QList<qreal> values;
    double maxV = 0;
    for (auto it = ranked.rbegin(); it != ranked.rend(); ++it) {
        const double v = *perDollarOf(**it, metric) * 1000.0;
        values << v;
        maxV = std::max(maxV, v);
        QString name = qs((*it)->model);
        if (std::find(m_lastModels.begin(), m_lastModels.end(), (*it)->model) != m_lastModels.end())
            name = QStringLiteral("▶ ") + name;
        names << name;
    }
    m_set->remove(0, m_set->count());
    m_set->append(values);
    m_set->setColor(palette().color(QPalette::Highlight));
    m_set->setBorderColor(palette().color(QPalette::Highlight));
    m_barNames->clear();
    m_barNames->append(names);
    m_barValues->setRange(0, maxV > 0 ? maxV * 1.1 : 1);
    m_barValues->setTitleText(tr("%1 per %2 1000").arg(unit, symbol));
    QChart* bars = m_bars->chart();
    bars->setTitle(tr("Best value per %1").arg(symbol));
    styleChart(bars, palette());

    if (plotted == 0)
        m_note->setText(tr("No priced GPU models in the catalog to compare."));
    else if (m_lastModels.empty())
        m_note->setText(tr("%1 GPU models at their new market price (dated), else launch MSRP. Add a GPU to see "
                           "where your choice sits.")
                            .arg(plotted));
    else
        m_note->setText(tr("%1 GPU models at their new market price (dated), else launch MSRP; your GPU is the large "
                           "square.")
                            .arg(plotted));
}

}  // namespace mlrig::ui
