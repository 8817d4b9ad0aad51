#pragma once

// The lines of an imported PCPartPicker list as a table: the line as written, the catalog part
// it became, how (exact / closest match and what differs / not matched), quantity and price.
// The user's corrections (another part for a line, a line dropped) are kept beside core's
// ImportResult, never written into it, so build() can always say what the list said and what
// the user changed.

#include <QAbstractTableModel>

#include <optional>
#include <vector>

#include "core/catalog/Catalog.h"
#include "core/io/PcPartPickerImport.h"
#include "core/model/Build.h"

namespace mlrig::ui {

class ImportLinesModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { LineColumn, PartColumn, MatchColumn, QuantityColumn, PriceColumn, ColumnCount };

    explicit ImportLinesModel(const Catalog& catalog, QObject* parent = nullptr);

    // Replaces the lines (a new list was read); corrections are forgotten.
    void setResult(ImportResult result);
    void clear();
    bool hasResult() const { return m_result.has_value(); }
    const ImportResult* result() const { return m_result ? &*m_result : nullptr; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const ImportLine& line(int row) const;
    // Lines of a type mlrig does not plan (monitor, OS, fans) cannot be changed or dropped: they
    // are not in the build at all.
    bool isEditable(int row) const;
    // Another catalog part for a line (of the line's category); the line keeps its quantity and
    // price. Returns false for a skipped line or a part of another category.
    bool replacePart(int row, const AnyPart& part);
    // Drops a line from the build, or takes it back.
    bool setDropped(int row, bool dropped);
    bool isDropped(int row) const;
    bool isReplaced(int row) const;
    int changedCount() const;

    // The build the list makes with the user's corrections; none before a list was read.
    std::optional<Build> build() const;

private:
    struct Fix {
        const AnyPart* part = nullptr;  // into the catalog
        bool dropped = false;
    };
    QString partText(int row) const;
    QString matchText(int row) const;
    void emitRowChanged(int row);

    const Catalog& m_catalog;
    std::optional<ImportResult> m_result;
    std::vector<Fix> m_fixes;          // one per line
    std::vector<int> m_itemOfLine;     // index into result.build.items, -1 for skipped lines
};

}  // namespace mlrig::ui
