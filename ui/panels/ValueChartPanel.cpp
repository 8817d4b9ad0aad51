#include "ui/panels/ValueChartPanel.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QEvent>
#include <QLocale>
#include <QHBoxLayout>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QPen>
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
    case ValueChartPanel::WorkloadFigure:
        return row.figure;
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
    case ValueChartPanel::WorkloadFigure:
        return row.figurePerDollar;
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
    m_split = split;
    split->setObjectName(QStringLiteral("chartSplitter"));
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
    // Narrow enough for a laptop screen beside the docks; the splitter gives either chart more.
    m_scatter->setMinimumWidth(220);
    m_bars->setMinimumWidth(220);
    m_scatter->setMinimumHeight(130);
    m_bars->setMinimumHeight(130);

    QChart* chart = m_scatter->chart();
    m_others = new QScatterSeries;
    m_others->setName(tr("GPU models"));
    m_others->setMarkerSize(7);
    m_flagged = new QScatterSeries;
    m_flagged->setName(tr("With a warning"));
    m_flagged->setMarkerSize(9);
    m_mine = new QScatterSeries;
    m_mine->setName(tr("Your build"));
    m_mine->setMarkerSize(14);
    m_mine->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    m_mine->setPointLabelsFormat(tr("yours"));  // the build's own point says so on the chart
    m_mine->setPointLabelsVisible(true);
    m_mine->setPointLabelsClipping(false);
    chart->addSeries(m_others);
    chart->addSeries(m_flagged);
    chart->addSeries(m_mine);
    m_scatterX = new QValueAxis;
    m_scatterX->setLabelFormat(QStringLiteral("%d"));
    m_scatterY = new QValueAxis;
    m_scatterY->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(m_scatterX, Qt::AlignBottom);
    chart->addAxis(m_scatterY, Qt::AlignLeft);
    for (auto* s : {m_others, m_flagged, m_mine}) {
        s->attachAxis(m_scatterX);
        s->attachAxis(m_scatterY);
    }
    // Hover names the point: which GPU, its price and figures, and any warning.
    const auto hover = [this](QScatterSeries* series, const std::vector<const GpuValueRow*>* rows) {
        connect(series, &QScatterSeries::hovered, this, [this, series, rows](const QPointF& point, bool state) {
            if (!state) {
                showHover(QString());
                return;
            }
            const QList<QPointF> points = series->points();
            if (series == m_mine && rows->empty() && m_buildPoint) {
                showHover(m_buildTip);
                return;
            }
            for (qsizetype i = 0; i < points.size() && static_cast<size_t>(i) < rows->size(); ++i)
                if (points[i] == point) {
                    QString tip = pointToolTip(qs((*rows)[static_cast<size_t>(i)]->model));
                    if (series == m_mine)
                        tip.replace(0, 0, tr("<i>In your build</i><br>"));
                    showHover(tip);
                    return;
                }
        });
    };
    hover(m_others, &m_othersRows);
    hover(m_flagged, &m_flaggedRows);
    hover(m_mine, &m_mineRows);
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
    connect(m_set, &QBarSet::hovered, this, [this](bool state, int index) {
        if (!state || index < 0 || static_cast<size_t>(index) >= m_barRows.size() || index >= m_set->count()) {
            showHover(QString());
            return;
        }
        const double value = m_set->at(index);
        showHover(pointToolTip(qs(m_barRows[static_cast<size_t>(index)]->model)) + QStringLiteral("<br>") +
                  tr("Value: <b>%1 %2</b>").arg(QLocale().toString(value, 'f', value < 10 ? 1 : 0), m_barUnit));
    });
    layout->addWidget(split, 1);
    m_note = addProseLabel(layout, this, ProseKind::Hint);

    connect(m_metric, &QComboBox::currentIndexChanged, this, &ValueChartPanel::redraw);
    connect(session, &BuildSession::changed, this, &ValueChartPanel::refresh);
    refresh();
}

void ValueChartPanel::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        redraw();  // the charts and their series take every colour from the palette
}

void ValueChartPanel::showHover(const QString& text)
{
    m_hoverText = text;
    showChartToolTip(this, text);
}

void ValueChartPanel::refresh()
{
    const auto& workload = m_session->build().workload;
    // Preselect the metric that matters for the workload when its kind changes.
    const std::optional<WorkloadKind> kind = workload ? std::optional(workload->kind) : std::nullopt;
    const bool newRows = !m_rowsFor || *m_rowsFor != workload;
    if (newRows) {
        m_rows = gpuValueTable(m_session->catalog(), workload);
        m_rowsFor = workload;
        m_lastModels.clear();
        m_lastModels.push_back("\x01");  // force a redraw
        updateMetricChoices();
    }
    if (kind != m_lastKind || newRows) {
        // The metric that matters for the workload: its own figure when the model gives one.
        const bool kindChanged = kind != m_lastKind;
        m_lastKind = kind;
        const QSignalBlocker block(m_metric);
        const int own = m_metric->findData(WorkloadFigure);
        if (own >= 0 && (kindChanged || m_metric->currentIndex() < 0))
            m_metric->setCurrentIndex(own);
        else if (own < 0 && (kindChanged || m_metric->currentIndex() < 0))
            m_metric->setCurrentIndex(m_metric->findData(kind == WorkloadKind::LlmInference ? Bandwidth : Tflops));
    }
    std::vector<std::string> models;
    const Build& build = m_session->build();
    const CostSummary& cost = m_session->evaluation().cost;
    m_paidPrices.clear();
    for (size_t i = 0; i < build.items.size(); ++i) {
        const BuildItem& item = build.items[i];
        if (item.category != Category::Gpu)
            continue;
        const AnyPart* part = m_session->partOf(item);
        if (part && std::holds_alternative<Gpu>(*part)) {
            const std::string& model = std::get<Gpu>(*part).chipModel;
            models.push_back(model + "@" + (i < cost.lines.size() && cost.lines[i].unitPrice
                                                ? std::to_string(*cost.lines[i].unitPrice)
                                                : std::string()));
            if (i < cost.lines.size() && cost.lines[i].unitPrice)
                m_paidPrices[model] = *cost.lines[i].unitPrice;
            else
                m_paidPrices.erase(model);
        }
    }
    // The whole build on the workload's own figure.
    std::optional<QPointF> buildPoint;
    double gpuCost = 0;
    int cards = 0;
    bool allPriced = true;
    for (size_t i = 0; i < build.items.size() && i < cost.lines.size(); ++i)
        if (build.items[i].category == Category::Gpu) {
            cards += build.items[i].quantity;
            if (cost.lines[i].unitPrice)
                gpuCost += *cost.lines[i].unitPrice * build.items[i].quantity;
            else
                allPriced = false;
        }
    const auto& estimate = m_session->evaluation().workload;
    if (cards > 0 && allPriced && gpuCost > 0 && estimate && estimate->runs() && estimate->figureValue) {
        buildPoint = QPointF(gpuCost, *estimate->figureValue);
        m_buildTip = tr("<b>Your build</b><br>%n GPU(s) for %1<br>%2 %3", nullptr, cards)
                         .arg(dollars(gpuCost))
                         .arg(*estimate->figureValue, 0, 'f', *estimate->figureValue < 10 ? 1 : 0)
                         .arg(qs(estimate->figureOfMerit));
        models.push_back("build@" + std::to_string(gpuCost) + "/" + std::to_string(*estimate->figureValue));
    }
    m_buildPoint = buildPoint;
    if (models != m_lastModels) {
        m_lastModels = models;
        m_buildModels.clear();
        for (const std::string& key : models)
            if (!key.starts_with("build@"))
                m_buildModels.push_back(key.substr(0, key.rfind('@')));
        redraw();
    }
}

void ValueChartPanel::updateMetricChoices()
{
    const QSignalBlocker block(m_metric);
    const int current = m_metric->currentData().isValid() ? m_metric->currentData().toInt() : -1;
    const int own = m_metric->findData(WorkloadFigure);
    if (own >= 0)
        m_metric->removeItem(own);
    std::string figure;
    for (const GpuValueRow& row : m_rows)
        if (!row.figureName.empty()) {
            figure = row.figureName;
            break;
        }
    if (m_rowsFor && *m_rowsFor && !figure.empty())
        m_metric->insertItem(0, tr("Your workload: %1 (only GPUs that run it)").arg(qs(figure)), WorkloadFigure);
    const int keep = m_metric->findData(current);
    m_metric->setCurrentIndex(keep >= 0 ? keep : 0);
}

const GpuValueRow* ValueChartPanel::rowOf(const QString& model) const
{
    for (const GpuValueRow& row : m_rows)
        if (qs(row.model) == model)
            return &row;
    return nullptr;
}

QString ValueChartPanel::note() const
{
    return m_note->text();
}

QString ValueChartPanel::pointToolTip(const QString& model) const
{
    const GpuValueRow* row = rowOf(model);
    if (!row)
        return QString();
    QStringList lines;
    lines << QStringLiteral("<b>%1</b>").arg(model.toHtmlEscaped());
    const auto paid = m_paidPrices.find(row->model);
    if (paid != m_paidPrices.end())
        lines << tr("Your price: %1").arg(dollars(paid->second));
    if (row->value.price)
        lines << tr("Catalog price: %1%2")
                     .arg(dollars(*row->value.price),
                          row->value.priceSource == PriceSource::Msrp ? tr(" (launch MSRP)") : QString());
    if (row->vramGb)
        lines << tr("VRAM: %1 GB").arg(*row->vramGb, 0, 'f', 0);
    if (row->memoryBandwidthGbs)
        lines << tr("Memory bandwidth: %1 GB/s").arg(*row->memoryBandwidthGbs, 0, 'f', 0);
    if (row->fp16TensorTflops)
        lines << tr("FP16 tensor: %1 TFLOPS").arg(*row->fp16TensorTflops, 0, 'f', 1);
    if (!row->figureName.empty())
        lines << (row->figure ? tr("Your workload: %1 %2")
                                            .arg(*row->figure, 0, 'f', *row->figure < 10 ? 1 : 0)
                                            .arg(qs(row->figureName))
                                      : tr("Your workload: does not run on one card"));
    for (const Finding& f : row->warnings)
        lines << QStringLiteral("<span style='color:%1'>%2</span>")
                     .arg(severityColor(Severity::Warning).name(), qs(f.message).toHtmlEscaped());
    return lines.join(QStringLiteral("<br>"));
}

void ValueChartPanel::redraw()
{
    const int metric = m_metric->currentData().toInt();
    std::string figure;
    for (const GpuValueRow& row : m_rows)
        if (!row.figureName.empty())
            figure = row.figureName;
    const QString unit = metric == Tflops      ? tr("FP16 TFLOPS")
                         : metric == Bandwidth ? tr("GB/s")
                         : metric == Vram      ? tr("GB VRAM")
                                               : qs(figure);
    const QString symbol = QStringLiteral("$");
    const auto inBuild = [this](const GpuValueRow& row) {
        return std::find(m_buildModels.begin(), m_buildModels.end(), row.model) != m_buildModels.end();
    };

    // Scatter: price against the metric; the build's GPUs at the price the build pays.
    QList<QPointF> others, flagged, mine;
    m_othersRows.clear();
    m_flaggedRows.clear();
    m_mineRows.clear();
    double maxX = 0, maxY = 0;
    int plotted = 0;
    int leftOut = 0;
    for (const GpuValueRow& row : m_rows) {
        const auto y = metricOf(row, metric);
        if (!y) {
            leftOut += metric == WorkloadFigure && row.value.price ? 1 : 0;
            continue;
        }
        std::optional<double> x = row.value.price;
        const bool own = inBuild(row);
        if (own)
            if (const auto paid = m_paidPrices.find(row.model); paid != m_paidPrices.end())
                x = paid->second;
        if (!x)
            continue;
        if (own && metric == WorkloadFigure && m_buildPoint)
            continue;  // the build is drawn as a whole below
        if (own) {
            mine.append(QPointF(*x, *y));
            m_mineRows.push_back(&row);
        } else if (!row.warnings.empty()) {
            flagged.append(QPointF(*x, *y));
            m_flaggedRows.push_back(&row);
        } else {
            others.append(QPointF(*x, *y));
            m_othersRows.push_back(&row);
        }
        maxX = std::max(maxX, *x);
        maxY = std::max(maxY, *y);
        ++plotted;
    }
    if (metric == WorkloadFigure && m_buildPoint) {
        mine = {*m_buildPoint};
        m_mineRows.clear();
        maxX = std::max(maxX, m_buildPoint->x());
        maxY = std::max(maxY, m_buildPoint->y());
    }
    m_others->replace(others);
    m_flagged->replace(flagged);
    m_mine->replace(mine);
    m_others->setColor(palette().color(QPalette::Highlight));
    m_others->setBorderColor(palette().color(QPalette::Highlight));
    m_flagged->setColor(Qt::transparent);
    m_flagged->setBorderColor(severityColor(Severity::Warning));
    m_flagged->setPen(QPen(severityColor(Severity::Warning), 2));
    m_mine->setColor(severityColor(Severity::Warning));
    m_mine->setBorderColor(palette().color(QPalette::WindowText));
    m_mine->setPointLabelsColor(palette().color(QPalette::WindowText));
    m_scatter->setBackgroundBrush(palette().color(QPalette::Base));
    m_bars->setBackgroundBrush(palette().color(QPalette::Base));
    m_scatterX->setTitleText(tr("Price (%1)").arg(symbol));
    m_scatterX->setRange(0, maxX > 0 ? maxX * 1.05 : 1000);
    m_scatterX->applyNiceNumbers();
    m_scatterY->setTitleText(unit);
    m_scatterY->setRange(0, maxY > 0 ? maxY * 1.08 : 100);
    m_scatterY->applyNiceNumbers();
    m_scatterY->setLabelFormat(maxY > 0 && maxY < 10 ? QStringLiteral("%.1f") : QStringLiteral("%d"));
    QChart* chart = m_scatter->chart();
    chart->setTitle(tr("Price against %1").arg(unit));
    styleChart(chart, palette());

    // Bars: metric per 1000 of price, best 8 models; warned-about cards in the warning colour.
    std::vector<const GpuValueRow*> ranked;
    for (const GpuValueRow& row : m_rows)
        if (perDollarOf(row, metric))
            ranked.push_back(&row);
    const size_t n = std::min<size_t>(8, ranked.size());
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(n), ranked.end(),
                      [metric](const GpuValueRow* a, const GpuValueRow* b) { return *perDollarOf(*a, metric) > *perDollarOf(*b, metric); });
    ranked.resize(n);
    m_rankedModels.clear();
    for (const GpuValueRow* row : ranked)
        m_rankedModels << qs(row->model);
    QStringList names;
    QList<qreal> values;
    double maxV = 0;
    m_barRows.assign(ranked.rbegin(), ranked.rend());
    for (const GpuValueRow* row : m_barRows) {
        const double v = *perDollarOf(*row, metric) * 1000.0;
        values << v;
        maxV = std::max(maxV, v);
        QString name = qs(row->model);
        if (inBuild(*row))
            name = QStringLiteral("▶ ") + name;
        if (!row->warnings.empty())
            name += QStringLiteral(" ⚠");
        names << name;
    }
    m_set->remove(0, m_set->count());
    m_set->append(values);
    m_set->setColor(palette().color(QPalette::Highlight));
    m_set->setBorderColor(palette().color(QPalette::Highlight));
    m_barNames->clear();
    m_barNames->append(names);
    m_barValues->setRange(0, maxV > 0 ? maxV * 1.1 : 1);
    m_barValues->setLabelFormat(maxV > 0 && maxV < 10 ? QStringLiteral("%.1f") : QStringLiteral("%d"));
    m_barUnit = tr("%1 per %2 1000").arg(unit, symbol);
    m_barValues->setTitleText(m_barUnit);
    QChart* bars = m_bars->chart();
    bars->setTitle(tr("Best value per %1").arg(symbol));
    styleChart(bars, palette());

    QString text;
    if (plotted == 0)
        text = metric == WorkloadFigure ? tr("No GPU in the catalog runs this workload on one card.")
                                        : tr("No priced GPU models in the catalog to compare.");
    else
        text = tr("%n GPU model(s) at their new market price (dated), else launch MSRP.", nullptr, plotted);
    if (metric == WorkloadFigure && leftOut > 0)
        text += QLatin1Char(' ') + tr("%n more cannot run the workload on one card and are left out.", nullptr, leftOut);
    if (!flagged.isEmpty() || std::any_of(ranked.begin(), ranked.end(), [](const GpuValueRow* r) { return !r->warnings.empty(); }))
        text += QLatin1Char(' ') + tr("Hollow points and ⚠ mark cards the checks warn about; hover for details.");
    if (metric == WorkloadFigure && m_buildPoint)
        text += QLatin1Char(' ') + tr("Your build is the large square: all its GPUs at the price you pay.");
    else if (!m_buildModels.empty())
        text += QLatin1Char(' ') + tr("Your GPU is the large square, at the price in your build.");
    else
        text += QLatin1Char(' ') + tr("Add a GPU to see where your choice sits.");
    m_note->setText(text);
}

}  // namespace mlrig::ui
