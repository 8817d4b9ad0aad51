#pragma once

// The rows of a build-or-buy comparison (core/advise/SystemComparison) as a table: one row per
// machine and the build, in the domain's ranking. Filtering (the budget) happens in the domain; a
// sort proxy only reorders by SortRole, the numbers themselves.

#include <QAbstractTableModel>

#include <vector>

#include "core/advise/SystemComparison.h"

namespace mlrig::ui {

class SystemComparisonModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Rank, Machine, Platform, Memory, Price, Fits, Decode, Prefill, Power, Energy, ColumnCount };
    static constexpr int SortRole = Qt::UserRole + 1;
    static constexpr int IsBuildRole = Qt::UserRole + 2;

    explicit SystemComparisonModel(QObject* parent = nullptr);

    // Shows `rows` (pointers into `comparison`, which the caller keeps alive) in the given order.
    void setRows(const SystemComparison* comparison, std::vector<const SystemRow*> rows);
    const SystemRow* rowAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    const SystemComparison* m_comparison = nullptr;
    std::vector<const SystemRow*> m_rows;
};

}  // namespace mlrig::ui
