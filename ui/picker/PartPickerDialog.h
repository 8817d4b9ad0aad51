#pragma once

// Choose a catalog part for one category: a search that ignores spaces and punctuation
// ("rtx3090"), spec filters for the category, a "Sort by" after relevance with priced parts
// first, "only compatible with my build" (on by default; when off, parts that do not fit say
// why), Enter/double-click picks, "Custom part…" opens a form. The list and its order come from
// core (PartFilter / PartSearch); the proxy only applies them.

#include <QDialog>

#include <memory>
#include <optional>
#include <vector>

#include "core/model/Build.h"
#include "core/catalog/Catalog.h"
#include "core/eval/Evaluate.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace mlrig {
class PartFilter;
}

namespace mlrig::ui {

class PartFilterProxy;
class PartTableModel;
class SpecFilterBar;

class PartPickerDialog : public QDialog {
    Q_OBJECT
public:
    PartPickerDialog(const Catalog& catalog, Category category, const Build& build, int itemIndex,
                     const EvaluationOptions& options, QWidget* parent = nullptr);
    ~PartPickerDialog() override;

    // Result code when the person asked to compare the selected GPUs instead of choosing one.
    static constexpr int CompareRequested = 2;

    // After accept(): the chosen catalog part, or the custom part.
    const AnyPart* chosenPart() const { return m_chosen; }
    const std::optional<AnyPart>& customPart() const { return m_custom; }

    // For tests and measurements.
    QLineEdit* searchField() const { return m_search; }
    QCheckBox* compatibleCheck() const { return m_onlyCompatible; }
    QCheckBox* pricedFirstCheck() const { return m_pricedFirst; }
    QComboBox* sortCombo() const { return m_sort; }
    SpecFilterBar* specFilters() const { return m_specs; }
    QLabel* countLabel() const { return m_count; }
    QTableView* view() const { return m_view; }
    PartFilterProxy* proxy() const { return m_proxy; }
    PartTableModel* model() const { return m_model; }
    const PartFilter& filter() const { return *m_filter; }
    void pickRow(int proxyRow);

    // Custom parts the user made before (kept in the user database): offered under "My parts".
    void setSavedCustomParts(std::vector<AnyPart> parts);
    QPushButton* savedPartsButton() const { return m_saved; }

    // GPUs only: select 2 to 4 rows and "Compare Selected" closes with CompareRequested.
    QPushButton* compareButton() const { return m_compare; }
    const std::vector<const AnyPart*>& comparedParts() const { return m_compared; }

private:
    void applyFilter();
    void pickCurrent();
    void openCustom();

    Category m_category;
    std::unique_ptr<PartFilter> m_filter;
    PartTableModel* m_model;
    PartFilterProxy* m_proxy;
    QLineEdit* m_search;
    QCheckBox* m_onlyCompatible;
    QCheckBox* m_pricedFirst;
    QComboBox* m_sort;
    SpecFilterBar* m_specs;
    QLabel* m_count;
    QTableView* m_view;
    QPushButton* m_saved = nullptr;
    QPushButton* m_compare = nullptr;
    std::vector<const AnyPart*> m_compared;
    std::vector<AnyPart> m_savedParts;
    const AnyPart* m_chosen = nullptr;
    std::optional<AnyPart> m_custom;
};

}  // namespace mlrig::ui
