#pragma once

// The build as a table: one row per build item (or an inviting empty row for a category the
// build lacks), then a total row. Adapts the session's Build and Evaluation; edits go back to
// the session as undoable steps.

#include <QAbstractTableModel>
#include <QString>

#include <vector>

#include "core/catalog/Category.h"

namespace mlrig::ui {

class BuildSession;

class BuildTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { CategoryColumn, PartColumn, QuantityColumn, UnitPriceColumn, LineTotalColumn, ColumnCount };
    enum Role { CategoryRole = Qt::UserRole + 1, ItemIndexRole, IsTotalRole, IsEmptyRole };

    explicit BuildTableModel(BuildSession* session, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

    // Row of the first item (or empty row) of a category; -1 if none.
    int rowOf(Category category) const;

signals:
    // An edit that was not applied (a price out of range, a quantity over the limit): why.
    void editRefused(const QString& reason);

private:
    struct Row {
        Category category;
        int itemIndex;  // -1: empty row inviting a pick
    };
    void rebuild();
    std::vector<Row> computeRows() const;
    int costLineOf(int itemIndex) const;

    BuildSession* m_session;
    std::vector<Row> m_rows;
};

}  // namespace mlrig::ui
