#pragma once

// The catalog parts of one category as a table, with the columns that matter for that
// category. Display and sort values only; which rows show is decided by PartFilter (core search
// + core evaluation) and applied by PartFilterProxy.

#include <QAbstractTableModel>
#include <QString>

#include <functional>
#include <span>
#include <vector>

#include "core/advise/PartSearch.h"
#include "core/catalog/Catalog.h"
#include "core/eval/EffectivePrice.h"

namespace mlrig::ui {

class PartTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    static constexpr int SortRole = Qt::UserRole + 1;  // number or string; invalid = unknown
    static constexpr int PartIndexRole = Qt::UserRole + 2;

    // With `fits` (one per part, from PartFilter) a last column says whether each part fits the
    // build, and if not, why.
    PartTableModel(const Catalog& catalog, Category category, std::vector<PartFit> fits = {},
                   QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

    Category category() const { return m_category; }
    const AnyPart* partAt(int row) const;
    int rowOf(const AnyPart* part) const;  // -1 when not in this model
    int priceColumn() const { return m_priceColumn; }
    int fitColumn() const { return m_fitColumn; }  // -1 without fits

    struct Column {
        QString title;
        QString tooltip;
        std::function<QVariant(const AnyPart&)> sortValue;  // raw value
        int decimals = 0;
        bool money = false;
        bool numeric = true;
    };

private:
    Category m_category;
    std::span<const AnyPart> m_parts;
    std::vector<EffectivePrice> m_prices;  // of each part, new (the price column and its tooltip)
    std::vector<PartFit> m_fits;
    std::vector<Column> m_columns;
    int m_priceColumn = -1;
    int m_fitColumn = -1;
};

}  // namespace mlrig::ui
