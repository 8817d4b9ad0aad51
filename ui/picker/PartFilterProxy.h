#pragma once

// Sorting and filtering view over PartTableModel. It decides nothing: the accepted rows come
// from PartFilter (core search + core evaluation); sorting uses the model's raw SortRole values
// with unknown values always last.

#include <QSortFilterProxyModel>

#include <vector>

namespace mlrig::ui {

class PartFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit PartFilterProxy(QObject* parent = nullptr);

    void setAccepted(std::vector<char> accepted);  // one flag per source row; empty = all

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    std::vector<char> m_accepted;
};

}  // namespace mlrig::ui
