#pragma once

// Sorting and filtering view over PartTableModel. It decides nothing: which rows show and their
// order come from core (PartFilter -> PartSearch: text, spec filters, duplicates merged,
// relevance, the chosen sort, priced first), as qBittorrent's TransferListSortModel asks its
// torrent filter. Clicking a column header sorts by that column instead (the model's raw
// SortRole values, unknown values always last) until the ranked order is asked for again.

#include <QSortFilterProxyModel>

#include <vector>

namespace mlrig::ui {

class PartFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit PartFilterProxy(QObject* parent = nullptr);

    // The source rows to show, best first (core's ranking); the others are hidden.
    void setRanking(const std::vector<size_t>& rows);
    // Rows in core's order (the default), until sort() asks for a column's order.
    void showRanked();
    bool isRanked() const { return m_ranked; }
    // A column's order (a header click): leaves the ranked order.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    std::vector<int> m_position;  // per source row: its place in the ranking, -1 = hidden
    bool m_ranked = true;
};

}  // namespace mlrig::ui
