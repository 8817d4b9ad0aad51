#include "ui/picker/PartFilterProxy.h"

#include "ui/picker/PartTableModel.h"

namespace mlrig::ui {

PartFilterProxy::PartFilterProxy(QObject* parent) : QSortFilterProxyModel(parent)
{
    setSortRole(PartTableModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(false);
}

void PartFilterProxy::setRanking(const std::vector<size_t>& rows)
{
    const int sourceRows = sourceModel() ? sourceModel()->rowCount() : 0;
    m_position.assign(static_cast<size_t>(sourceRows), -1);
    for (size_t k = 0; k < rows.size(); ++k)
        if (rows[k] < m_position.size())
            m_position[rows[k]] = static_cast<int>(k);
    // The order changes with the filter: re-filter and re-sort in one reset-free pass.
    invalidate();
}

void PartFilterProxy::showRanked()
{
    m_ranked = true;
    QSortFilterProxyModel::sort(0, Qt::AscendingOrder);
    invalidate();
}

void PartFilterProxy::sort(int column, Qt::SortOrder order)
{
    m_ranked = false;
    QSortFilterProxyModel::sort(column, order);
}

bool PartFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (sourceParent.isValid() || sourceRow < 0)
        return false;
    const auto row = static_cast<size_t>(sourceRow);
    return row < m_position.size() && m_position[row] >= 0;
}

bool PartFilterProxy::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    if (m_ranked) {
        const auto a = static_cast<size_t>(left.row());
        const auto b = static_cast<size_t>(right.row());
        if (a < m_position.size() && b < m_position.size())
            return m_position[a] < m_position[b];
        return left.row() < right.row();
    }
    const QVariant a = left.data(sortRole());
    const QVariant b = right.data(sortRole());
    const bool ascending = sortOrder() == Qt::AscendingOrder;
    if (!a.isValid() || !b.isValid()) {
        if (a.isValid() == b.isValid())
            return left.row() < right.row();
        // Unknown values sort last whichever the direction.
        return ascending ? a.isValid() : !a.isValid();
    }
    if (a.typeId() == QMetaType::Double && b.typeId() == QMetaType::Double)
        return a.toDouble() < b.toDouble();
    return QString::compare(a.toString(), b.toString(), Qt::CaseInsensitive) < 0;
}

}  // namespace mlrig::ui
