#include "ui/picker/PartFilterProxy.h"

#include "ui/picker/PartTableModel.h"

namespace mlrig::ui {

PartFilterProxy::PartFilterProxy(QObject* parent) : QSortFilterProxyModel(parent)
{
    setSortRole(PartTableModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(false);
}

void PartFilterProxy::setAccepted(std::vector<char> accepted)
{
    m_accepted = std::move(accepted);
    invalidateFilter();
}

bool PartFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (sourceParent.isValid())
        return false;
    if (m_accepted.empty())
        return true;
    return sourceRow >= 0 && static_cast<size_t>(sourceRow) < m_accepted.size() &&
           m_accepted[static_cast<size_t>(sourceRow)];
}

bool PartFilterProxy::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
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
