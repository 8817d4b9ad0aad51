#include "ui/buildorbuy/SystemComparisonModel.h"

#include <QBrush>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>

#include "ui/common/UiFormat.h"

namespace mlrig::ui {

SystemComparisonModel::SystemComparisonModel(QObject* parent) : QAbstractTableModel(parent) {}

void SystemComparisonModel::setRows(const SystemComparison* comparison, std::vector<const SystemRow*> rows)
{
    beginResetModel();
    m_comparison = comparison;
    m_rows = std::move(rows);
    endResetModel();
}

const SystemRow* SystemComparisonModel::rowAt(int row) const
{
    return row >= 0 && row < static_cast<int>(m_rows.size()) ? m_rows[static_cast<size_t>(row)] : nullptr;
}

int SystemComparisonModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int SystemComparisonModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SystemComparisonModel::data(const QModelIndex& index, int role) const
{
    const SystemRow* row = rowAt(index.row());
    if (!row || index.column() < 0 || index.column() >= ColumnCount)
        return {};
    const auto optionalSort = [](const std::optional<double>& value) {
        return value ? QVariant(*value) : QVariant(-1.0);  // unknown sorts below every real figure
    };
    if (role == IsBuildRole)
        return row->isBuild;
    if (role == SortRole) {
        switch (index.column()) {
        case Rank: return index.row();
        case Machine: return qs(row->name);
        case Platform: return qs(row->platform);
        case Memory: return optionalSort(row->memoryGb);
        case Price: return row->price ? QVariant(*row->price) : QVariant(1e12);  // unknown price last
        case Fits: return row->fits ? (row->needsRaisedLimit ? 1 : 2) : 0;
        case Decode: return optionalSort(row->decodeTokensPerS);
        case Prefill: return optionalSort(row->prefillTokensPerS);
        case Power: return row->powerW ? QVariant(*row->powerW) : QVariant(1e12);
        case Energy: return row->yearlyEnergyCost ? QVariant(*row->yearlyEnergyCost) : QVariant(1e12);
        default: return {};
        }
    }
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Rank: return index.row() + 1;
        case Machine: return qs(row->name);
        case Platform: return qs(row->platform);
        case Memory:
            return row->memoryGb ? tr("%1 GB").arg(*row->memoryGb, 0, 'f', 0) : QStringLiteral("—");
        case Price: return row->price ? moneyIn(*row->price, row->currency) : tr("unknown");
        case Fits:
            return !row->estimate ? QStringLiteral("—")
                   : row->fits    ? (row->needsRaisedLimit ? tr("yes, raised limit") : tr("yes"))
                                  : tr("no");
        case Decode: return number(row->decodeTokensPerS, 1);
        case Prefill: return number(row->prefillTokensPerS, 0);
        case Power: return row->powerW ? tr("%1 W").arg(*row->powerW, 0, 'f', 0) : QStringLiteral("—");
        case Energy:
            return row->yearlyEnergyCost && m_comparison ? moneyIn(*row->yearlyEnergyCost, m_comparison->currency)
                                                         : QStringLiteral("—");
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Memory:
            return row->isBuild ? tr("The build's VRAM")
                                : tr("What the GPU may use of %1 GB unified memory (raised as the notes say)")
                                      .arg(row->totalMemoryGb.value_or(0), 0, 'f', 0);
        case Price: return qs(row->priceNote);
        case Power: return qs(row->powerNote);
        case Fits:
            return row->estimate && !row->estimate->reason.empty() ? qs(row->estimate->reason) : qs(row->notes);
        default:
            return qs(row->notes.empty() ? row->stack : row->stack + "\n" + row->notes);
        }
    }
    if (role == Qt::TextAlignmentRole) {
        const bool numeric = index.column() == Rank || index.column() == Memory || index.column() == Price ||
                             index.column() == Decode || index.column() == Prefill || index.column() == Power ||
                             index.column() == Energy;
        return QVariant::fromValue(Qt::Alignment(numeric ? Qt::AlignRight | Qt::AlignVCenter
                                                         : Qt::AlignLeft | Qt::AlignVCenter));
    }
    if (role == Qt::FontRole && row->isBuild) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role == Qt::ForegroundRole && !row->fits && row->estimate)
        return QBrush(mutedText(QGuiApplication::palette()));
    return {};
}

QVariant SystemComparisonModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Rank: return tr("#");
    case Machine: return tr("Machine");
    case Platform: return tr("Platform");
    case Memory: return tr("GPU memory");
    case Price: return tr("Price");
    case Fits: return tr("Fits");
    case Decode: return tr("Decode tok/s");
    case Prefill: return tr("Prefill tok/s");
    case Power: return tr("Power");
    case Energy: return tr("Energy / year");
    default: return {};
    }
}

}  // namespace mlrig::ui
