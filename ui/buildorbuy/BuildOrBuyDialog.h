#pragma once

// Tools > Build or Buy: the open build beside every unified-memory machine (Mac Studio, Ryzen AI
// Max mini-PCs, DGX Spark...) on the build's workload: a ranked table (price, fit, decode and
// prefill speed, power, yearly energy), a price/speed chart with the build's own point labelled,
// and a budget filter. Every number comes from core's compareSystems(), as in mlrig-cli
// compare-systems, so the two never disagree.

#include <QDialog>

#include <optional>

#include "core/advise/SystemComparison.h"

class QChartView;
class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace mlrig::ui {

class SystemComparisonModel;

class BuildOrBuyDialog : public QDialog {
    Q_OBJECT
public:
    // `budget`: where the budget filter starts (the wizard's budget, or the build's price).
    BuildOrBuyDialog(const Build& build, const Catalog& catalog, const EvaluationOptions& options,
                     std::optional<double> budget = std::nullopt, QWidget* parent = nullptr);

    const SystemComparison& comparison() const { return m_comparison; }
    QTableView* table() const { return m_table; }
    SystemComparisonModel* model() const { return m_model; }
    QChartView* chartView() const { return m_chart; }
    QCheckBox* budgetFilter() const { return m_onlyWithinBudget; }
    QDoubleSpinBox* budgetBox() const { return m_budget; }
    // Writes the rows shown (after the budget filter) as CSV; false with *error on failure.
    bool exportCsv(const QString& path, QString* error) const;
    // The tooltip the chart shows for a row (hover over its point).
    static QString pointToolTip(const SystemRow& row, const QString& figureName);

private:
    void refill();
    void fillChart(const std::vector<const SystemRow*>& rows);
    void showDetails();
    void exportCsvAs();

    SystemComparison m_comparison;
    SystemComparisonModel* m_model;
    QSortFilterProxyModel* m_sorted;
    QLabel* m_heading;
    QCheckBox* m_onlyWithinBudget;
    QDoubleSpinBox* m_budget;
    QTableView* m_table;
    QChartView* m_chart;
    QLabel* m_details;
};

}  // namespace mlrig::ui
