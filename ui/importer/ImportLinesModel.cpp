#include "ui/importer/ImportLinesModel.h"

#include <QFont>
#include <QGuiApplication>
#include <QPalette>

#include <algorithm>

#include "ui/common/QtText.h"
#include "ui/common/UiFormat.h"

namespace mlrig::ui {

ImportLinesModel::ImportLinesModel(const Catalog& catalog, QObject* parent)
    : QAbstractTableModel(parent)
    , m_catalog(catalog)
{
}

void ImportLinesModel::setResult(ImportResult result)
{
    beginResetModel();
    m_result = std::move(result);
    m_fixes.assign(m_result->lines.size(), Fix{});
    // core puts one build item per line that is not skipped, in list order.
    m_itemOfLine.clear();
    int item = 0;
    for (const ImportLine& l : m_result->lines)
        m_itemOfLine.push_back(l.skipped ? -1 : item++);
    endResetModel();
}

void ImportLinesModel::clear()
{
    beginResetModel();
    m_result.reset();
    m_fixes.clear();
    m_itemOfLine.clear();
    endResetModel();
}

int ImportLinesModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_result ? 0 : static_cast<int>(m_result->lines.size());
}

int ImportLinesModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const ImportLine& ImportLinesModel::line(int row) const
{
    return m_result->lines.at(static_cast<size_t>(row));
}

bool ImportLinesModel::isEditable(int row) const
{
    return m_result && row >= 0 && row < rowCount() && !line(row).skipped;
}

bool ImportLinesModel::isDropped(int row) const
{
    return isEditable(row) && m_fixes[static_cast<size_t>(row)].dropped;
}

bool ImportLinesModel::isReplaced(int row) const
{
    return isEditable(row) && m_fixes[static_cast<size_t>(row)].part != nullptr;
}

int ImportLinesModel::changedCount() const
{
    return static_cast<int>(std::count_if(m_fixes.begin(), m_fixes.end(),
                                          [](const Fix& f) { return f.dropped || f.part != nullptr; }));
}

bool ImportLinesModel::replacePart(int row, const AnyPart& part)
{
    if (!isEditable(row) || categoryOf(part) != *line(row).category)
        return false;
    Fix& fix = m_fixes[static_cast<size_t>(row)];
    fix.part = &part;
    fix.dropped = false;
    emitRowChanged(row);
    return true;
}

bool ImportLinesModel::setDropped(int row, bool dropped)
{
    if (!isEditable(row))
        return false;
    m_fixes[static_cast<size_t>(row)].dropped = dropped;
    emitRowChanged(row);
    return true;
}

void ImportLinesModel::emitRowChanged(int row)
{
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

std::optional<Build> ImportLinesModel::build() const
{
    if (!m_result)
        return std::nullopt;
    Build build = m_result->build;
    std::vector<BuildItem> items;
    for (size_t row = 0; row < m_result->lines.size(); ++row) {
        const int item = m_itemOfLine[row];
        if (item < 0 || m_fixes[row].dropped)
            continue;
        BuildItem b = m_result->build.items.at(static_cast<size_t>(item));
        if (const AnyPart* part = m_fixes[row].part) {
            // The catalog id always resolves back to exactly this part (a name may not).
            b.ref = infoOf(*part).id;
            b.custom.reset();
        }
        items.push_back(std::move(b));
    }
    build.items = std::move(items);
    return build;
}

QString ImportLinesModel::partText(int row) const
{
    const ImportLine& l = line(row);
    const Fix& fix = m_fixes[static_cast<size_t>(row)];
    if (l.skipped)
        return tr("— (mlrig does not plan a %1)").arg(qs(l.type));
    if (fix.part)
        return qs(infoOf(*fix.part).name);
    if (!l.matchedName.empty())
        return qs(l.matchedName);
    return tr("Custom part: %1").arg(qs(l.itemName));
}

QString ImportLinesModel::matchText(int row) const
{
    const ImportLine& l = line(row);
    const Fix& fix = m_fixes[static_cast<size_t>(row)];
    if (l.skipped)
        return tr("Skipped");
    if (fix.dropped)
        return tr("Dropped by you");
    if (fix.part)
        return tr("Chosen by you");
    switch (l.kind) {
    case MatchKind::Exact:
        return tr("Exact");
    case MatchKind::Normalised:
        return tr("Same name (spelling differs)");
    case MatchKind::Fuzzy:
        return tr("Closest match (%1% similar)").arg(qRound(l.score * 100));
    case MatchKind::Unmatched:
        break;
    }
    if (!l.closestName.empty()) {
        QStringList differs;
        for (const std::string& d : l.differsIn)
            differs << qs(d);
        return tr("Not matched: closest is %1, differs in %2").arg(qs(l.closestName), differs.join(QStringLiteral("; ")));
    }
    return tr("Not matched: no catalog part is close");
}

QVariant ImportLinesModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const ImportLine& l = line(row);
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case LineColumn:
            return qs(l.sourceText);
        case PartColumn:
            return partText(row);
        case MatchColumn:
            return matchText(row);
        case QuantityColumn:
            return l.quantity;
        case PriceColumn:
            return l.price ? moneyIn(*l.price, l.currency, 2) : tr("no price");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        if (index.column() == LineColumn)
            return tr("Line %1 of the list: %2").arg(l.lineNumber).arg(qs(l.sourceText));
        if (index.column() == MatchColumn || index.column() == PartColumn)
            return matchText(row);
        return {};
    }
    if (role == Qt::FontRole && isDropped(row)) {
        QFont font;
        font.setStrikeOut(true);
        return font;
    }
    if (role == Qt::ForegroundRole && (l.skipped || isDropped(row)))
        return mutedText(QGuiApplication::palette());
    if (role == Qt::TextAlignmentRole && (index.column() == QuantityColumn || index.column() == PriceColumn))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant ImportLinesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case LineColumn:
        return tr("Line in the list");
    case PartColumn:
        return tr("Catalog part");
    case MatchColumn:
        return tr("Match");
    case QuantityColumn:
        return tr("Qty");
    case PriceColumn:
        return tr("Price");
    default:
        return {};
    }
}

}  // namespace mlrig::ui
