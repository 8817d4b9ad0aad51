#pragma once

// The one place the UI keeps its state: the catalog, the current Build (a value object), its
// undo stack, and the single Evaluation every panel reads. Any edit goes through edit(), which
// pushes an undo command; the Evaluation is recomputed once per change and then changed() fires.

#include <QObject>
#include <QString>
#include <QUndoStack>

#include "core/model/Build.h"
#include "core/catalog/Catalog.h"
#include "core/eval/Evaluate.h"
#include "core/eval/Evaluation.h"

namespace mlrig::ui {

class BuildSession : public QObject {
    Q_OBJECT
public:
    explicit BuildSession(const Catalog& catalog, QObject* parent = nullptr);

    const Catalog& catalog() const { return m_catalog; }
    const Build& build() const { return m_build; }
    const Evaluation& evaluation() const { return m_evaluation; }
    QUndoStack* undoStack() { return &m_undo; }

    EvaluationOptions options() const { return m_options; }
    void setOptions(const EvaluationOptions& options);

    // Replaces the build by `next` as one undoable step. Steps with the same non-negative
    // mergeId merge (a slider drag is one step).
    void edit(const Build& next, const QString& text, int mergeId = -1);
    // Starts over (New / Open): no undo history, marked clean.
    void reset(const Build& build);

    // Convenience edits (all via edit()).
    void setPart(Category category, int itemIndex, BuildItem item);  // itemIndex -1 = add
    void removeItem(int itemIndex);
    void setQuantity(int itemIndex, int quantity);
    void setPrice(int itemIndex, std::optional<double> price);
    void setPowerLimit(int itemIndex, std::optional<double> watts);
    void setWorkload(const std::optional<Workload>& workload, int mergeId = -1);

    // The resolved part of an item (catalog or custom), nullptr when it does not resolve.
    const AnyPart* partOf(const BuildItem& item) const;

    // Used by the undo command only.
    void applyBuild(const Build& build);
    qint64 lastEvaluationNs() const { return m_lastEvalNs; }

signals:
    void changed();  // build and evaluation are new
    void priceEntered(const BuildItem& item);  // setPrice() by the user: remembered as "your price"

private:
    void reevaluate();

    const Catalog& m_catalog;
    Build m_build;
    Evaluation m_evaluation;
    EvaluationOptions m_options;
    QUndoStack m_undo;
    qint64 m_lastEvalNs = 0;
};

}  // namespace mlrig::ui
