#pragma once

// Tools > Compare GPUs: 2 to 4 GPUs in columns (every spec, value per dollar and, with the
// build's workload, what each does for it), the winner of each row highlighted, differences in
// percent against the first GPU, normalised bars beside the table; add a GPU to the build, or
// export the comparison to CSV or PDF. All numbers come from core's compareGpus(). Every list
// offers, after the GPUs and under a heading, the unified-memory machines (DGX Spark, Mac Studio,
// Ryzen AI Max mini-PCs): a machine's column is the whole machine, with its own estimate.

#include <QDialog>

#include <optional>
#include <vector>

#include "core/advise/GpuComparison.h"
#include "core/catalog/Catalog.h"

class QChartView;
class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;
class QToolButton;

namespace mlrig::ui {

class GpuComparisonDialog : public QDialog {
    Q_OBJECT
public:
    // `buildGpus`: the build's GPU lines, offered first in every list ("In your build: ...").
    // `start`: catalog GPUs to start with (e.g. the picker's selection); without them the
    // comparison starts from the build's GPUs, then popular models, so it is never empty.
    GpuComparisonDialog(const Catalog& catalog, const std::optional<Workload>& workload,
                        const std::vector<BuildItem>& buildGpus, const std::vector<BuildItem>& start = {},
                        QWidget* parent = nullptr);

    const std::optional<GpuComparison>& comparison() const { return m_comparison; }
    QTableWidget* table() const { return m_table; }
    QChartView* chartView() const { return m_chart; }
    // The tooltip of a hovered bar: the GPU, the row, its figure and its share of the best.
    // hoverText() is what the last hover showed (empty when nothing is hovered).
    QString barToolTip(int gpu, int chartRow) const;
    QString hoverText() const { return m_hoverText; }
    // Sets column `column` (0..3) to a GPU by catalog ref or model name, or to a machine by its name;
    // "" empties columns 2 and 3.
    bool setGpu(int column, const QString& ref);
    // Table row of a comparison row id, -1 when absent.
    int tableRow(const QString& rowId) const;

    bool exportCsv(const QString& path, QString* error) const;
    // *warning: characters of the GPU names no installed font could draw (see GlyphCoverage).
    bool exportPdf(const QString& path, QString* error, QString* warning = nullptr) const;

signals:
    void addToBuildRequested(const mlrig::BuildItem& gpu);

protected:
    void changeEvent(QEvent* event) override;

private:
    void recompute();
    void fillTable();
    void fillChart();
    void exportTo(bool pdf);

    const Catalog& m_catalog;
    std::optional<Workload> m_workload;
    std::vector<BuildItem> m_buildGpus;  // offered at the top of every list
    std::vector<QComboBox*> m_pickers;
    std::optional<GpuComparison> m_comparison;
    std::vector<int> m_rowOfComparison;
    QLabel* m_workloadLabel;
    QLabel* m_problem;
    QTableWidget* m_table;
    QChartView* m_chart;
    std::vector<const ComparisonRow*> m_chartRows;  // the chart's bands, bottom first
    QString m_hoverText;
    QToolButton* m_add;
    QPushButton* m_csv;
    QPushButton* m_pdf;
};

}  // namespace mlrig::ui
