#include "ui/session/BuildTableModel.h"

#include <QFont>
#include <QGuiApplication>
#include <QPalette>

#include "ui/session/BuildSession.h"
#include "ui/common/UiFormat.h"
#include "core/util/ValueLimits.h"

namespace mlrig::ui {

namespace {

bool holdsQuantity(Category category)
{
    return category == Category::Gpu || category == Category::Storage;
}

QString invitation(Category category)
{
    switch (category) {
    case Category::Cpu:
        return BuildTableModel::tr("Choose a CPU…");
    case Category::Motherboard:
        return BuildTableModel::tr("Choose a motherboard…");
    case Category::Memory:
        return BuildTableModel::tr("Choose memory…");
    case Category::Gpu:
        return BuildTableModel::tr("Choose a GPU…");
    case Category::Psu:
        return BuildTableModel::tr("Choose a power supply…");
    case Category::Case:
        return BuildTableModel::tr("Choose a case…");
    case Category::Cooler:
        return BuildTableModel::tr("Choose a CPU cooler…");
    case Category::Storage:
        return BuildTableModel::tr("Choose storage…");
    }
    return {};
}

}  // namespace

BuildTableModel::BuildTableModel(BuildSession* session, QObject* parent)
    : QAbstractTableModel(parent), m_session(session)
{
    m_rows = computeRows();
    connect(session, &BuildSession::changed, this, &BuildTableModel::rebuild);
}

std::vector<BuildTableModel::Row> BuildTableModel::computeRows() const
{
    std::vector<Row> rows;
    const auto& items = m_session->build().items;
    for (Category category : kAllCategories) {
        bool any = false;
        for (size_t i = 0; i < items.size(); ++i) {
            if (items[i].category == category) {
                rows.push_back({category, static_cast<int>(i)});
                any = true;
            }
        }
        if (!any)
            rows.push_back({category, -1});
    }
    return rows;
}

void BuildTableModel::rebuild()
{
    auto rows = computeRows();
    const bool sameShape = rows.size() == m_rows.size() &&
                           std::equal(rows.begin(), rows.end(), m_rows.begin(), [](const Row& a, const Row& b) {
                               return a.category == b.category && a.itemIndex == b.itemIndex;
                           });
    if (sameShape) {
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int BuildTableModel::rowOf(Category category) const
{
    for (size_t r = 0; r < m_rows.size(); ++r)
        if (m_rows[r].category == category)
            return static_cast<int>(r);
    return -1;
}

int BuildTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size()) + 1;
}

int BuildTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int BuildTableModel::costLineOf(int itemIndex) const
{
    // The k-th item of a category matches the k-th cost line of that category.
    const auto& items = m_session->build().items;
    const auto& lines = m_session->evaluation().cost.lines;
    if (itemIndex < 0 || itemIndex >= static_cast<int>(items.size()))
        return -1;
    const Category category = items[static_cast<size_t>(itemIndex)].category;
    int k = 0;
    for (int i = 0; i < itemIndex; ++i)
        if (items[static_cast<size_t>(i)].category == category)
            ++k;
    for (size_t l = 0; l < lines.size(); ++l) {
        if (lines[l].category != category)
            continue;
        if (k == 0)
            return static_cast<int>(l);
        --k;
    }
    return -1;
}

QVariant BuildTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.model() != this)
        return {};
    const Evaluation& eval = m_session->evaluation();
    const QPalette palette = QGuiApplication::palette();

    if (index.row() == static_cast<int>(m_rows.size())) {  // total row
        if (role == IsTotalRole)
            return true;
        if (role == Qt::FontRole) {
            QFont font;
            font.setBold(true);
            return font;
        }
        if (role == Qt::TextAlignmentRole && index.column() >= QuantityColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
            switch (index.column()) {
            case CategoryColumn:
                return tr("Total");
            case PartColumn:
                if (eval.cost.missingPrices > 0)
                    return tr("%n part(s) without a price", nullptr, eval.cost.missingPrices);
                if (eval.cost.otherCurrencyLines > 0)
                    return tr("%n part(s) priced in another currency, not in the total", nullptr,
                              eval.cost.otherCurrencyLines);
                return {};
            case LineTotalColumn:
                return moneyIn(eval.cost.total, eval.cost.currency);
            default:
                return {};
            }
        }
        if (role == Qt::ToolTipRole && eval.cost.missingPrices > 0)
            return tr("Parts without a price count as zero; enter a price to complete the total.");
        return {};
    }

    const Row& row = m_rows[static_cast<size_t>(index.row())];
    const bool empty = row.itemIndex < 0;
    const BuildItem* item = empty ? nullptr : &m_session->build().items[static_cast<size_t>(row.itemIndex)];
    const int costIndex = empty ? -1 : costLineOf(row.itemIndex);
    const CostLine* cost = costIndex >= 0 ? &eval.cost.lines[static_cast<size_t>(costIndex)] : nullptr;

    switch (role) {
    case CategoryRole:
        return static_cast<int>(row.category);
    case ItemIndexRole:
        return row.itemIndex;
    case IsTotalRole:
        return false;
    case IsEmptyRole:
        return empty;
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case CategoryColumn:
            return categoryName(row.category);
        case PartColumn: {
            if (empty)
                return invitation(row.category);
            if (const AnyPart* part = m_session->partOf(*item))
                return qs(infoOf(*part).name);
            return tr("%1 (not in the catalog)").arg(qs(item->ref));
        }
        case QuantityColumn:
            return empty ? QVariant() : QVariant(item->quantity);
        case UnitPriceColumn: {
            if (!cost || !cost->unitPrice)
                return empty ? QVariant() : QVariant(QStringLiteral("—"));
            QString text = moneyIn(*cost->unitPrice, cost->origin.currency);
            if (cost->source == PriceSource::Market)
                text += QStringLiteral(" ‡");
            else if (cost->source == PriceSource::Catalog)
                text += QStringLiteral(" *");
            else if (cost->source == PriceSource::Msrp)
                text += QStringLiteral(" †");
            return text;
        }
        case LineTotalColumn:
            if (!cost || !cost->unitPrice)
                return empty ? QVariant() : QVariant(QStringLiteral("—"));
            return moneyIn(cost->lineTotal, cost->origin.currency);
        }
        return {};
    case Qt::EditRole:
        if (empty)
            return {};
        if (index.column() == QuantityColumn)
            return item->quantity;
        if (index.column() == UnitPriceColumn)
            return cost && cost->unitPrice ? *cost->unitPrice : 0.0;
        return {};
    case Qt::ForegroundRole:
        if (empty && index.column() == PartColumn)
            return mutedText(palette);
        if (index.column() == CategoryColumn)
            return mutedText(palette);
        return {};
    case Qt::FontRole:
        if (index.column() == UnitPriceColumn && cost && cost->source != PriceSource::User) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() >= QuantityColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::BackgroundRole: {
        std::optional<Severity> worst;
        for (const Finding& f : eval.findings) {
            if (f.severity == Severity::Note || f.rule == "missing-part")
                continue;
            if (std::find(f.parts.begin(), f.parts.end(), row.category) == f.parts.end())
                continue;
            if (!worst || static_cast<int>(f.severity) < static_cast<int>(*worst))
                worst = f.severity;
        }
        if (worst)
            return rowTint(palette, *worst);
        return {};
    }
    case Qt::ToolTipRole:
        if (empty)
            return tr("Double-click or press Enter to choose a part");
        if (index.column() == UnitPriceColumn && cost) {
            const QString origin = priceOriginText(cost->origin);
            switch (cost->source) {
            case PriceSource::User:
                return tr("Your price");
            case PriceSource::Market:
                return tr("‡ %1. Edit to enter your own.").arg(origin);
            case PriceSource::Catalog:
                return tr("* %1 (%2). Edit to enter your own.").arg(origin, qs(cost->origin.source));
            case PriceSource::Msrp:
                return tr("† %1. Edit to enter your own.").arg(origin);
            case PriceSource::Unknown:
                return tr("No price known. Edit to enter one.");
            }
        }
        if (index.column() == PartColumn) {
            QStringList lines;
            for (const Finding& f : eval.findings)
                if (std::find(f.parts.begin(), f.parts.end(), row.category) != f.parts.end())
                    lines << qs(f.message);
            return lines.join(QLatin1Char('\n'));
        }
        return {};
    default:
        return {};
    }
}

QVariant BuildTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case CategoryColumn:
        return tr("Category");
    case PartColumn:
        return tr("Part");
    case QuantityColumn:
        return tr("Qty");
    case UnitPriceColumn:
        return tr("Unit price");
    case LineTotalColumn:
        return tr("Line total");
    default:
        return {};
    }
}

Qt::ItemFlags BuildTableModel::flags(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this)
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (index.row() >= static_cast<int>(m_rows.size()))
        return f;
    const Row& row = m_rows[static_cast<size_t>(index.row())];
    if (row.itemIndex < 0)
        return f;
    if (index.column() == UnitPriceColumn || (index.column() == QuantityColumn && holdsQuantity(row.category)))
        f |= Qt::ItemIsEditable;
    return f;
}

bool BuildTableModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || !(flags(index) & Qt::ItemIsEditable))
        return false;
    const Row row = m_rows[static_cast<size_t>(index.row())];
    if (index.column() == QuantityColumn) {
        bool ok = false;
        const int q = value.toInt(&ok);
        if (!ok || q < 1 || q > kMaxQuantity) {
            emit editRefused(tr("A quantity is a whole number from 1 to %1.").arg(kMaxQuantity));
            return false;
        }
        m_session->setQuantity(row.itemIndex, q);
        return true;
    }
    if (index.column() == UnitPriceColumn) {
        if (value.toString().trimmed().isEmpty()) {
            m_session->setPrice(row.itemIndex, std::nullopt);
            return true;
        }
        // The same rules as a price in a .mlrig file or an import (core/util/ValueLimits.h).
        std::string problem;
        std::optional<double> price;
        if (value.typeId() == QMetaType::Double) {
            price = value.toDouble();
            if (const auto why = priceProblem(*price)) {
                problem = *why;
                price.reset();
            }
        } else {
            price = parsePriceText(value.toString().toStdString(), &problem);
        }
        if (!price) {
            emit editRefused(tr("Price not changed: \"%1\" %2.")
                                 .arg(value.toString(), QString::fromStdString(problem)));
            return false;
        }
        m_session->setPrice(row.itemIndex, *price);
        return true;
    }
    return false;
}

}  // namespace mlrig::ui
