#pragma once

// Decides which catalog parts the picker lists for one slot of a build, using core only:
// PartSearch for the text, the spec filters, the merge of duplicates and the order; evaluate()
// for compatibility. A candidate is incompatible when the build with it in place has an error
// finding that the build without it lacks (compared by rule id), and the reason is that
// finding's message; it is "not checked" when it adds nothing wrong but a figure the rules
// need is unknown (a board whose socket the catalog does not give), so the picker never calls
// such a part compatible. Compatibility is computed once per picker (one evaluate() per
// candidate) and cached; a keystroke only runs the search.

#include <string>
#include <vector>

#include "core/advise/PartSearch.h"
#include "core/catalog/Catalog.h"
#include "core/eval/Evaluate.h"
#include "core/model/Build.h"

namespace mlrig {

class PartFilter {
public:
    PartFilter(const Catalog& catalog, Category category, Build build, int itemIndex,
               EvaluationOptions options = {});

    // The parts to list, best first, with this build's compatibility applied (query.onlyCompatible).
    PartSearchResult run(const PartQuery& query) const;

    const PartSearch& search() const { return m_search; }
    const PartFit& fitOf(size_t partIndex) const;  // one per part of the category (catalog order)
    std::span<const PartFit> fits() const { return m_fits; }
    size_t incompatibleCount() const;
    double computeMs() const { return m_computeMs; }

private:
    void computeCompatibility();

    const Catalog& m_catalog;
    Category m_category;
    Build m_build;
    int m_itemIndex;
    EvaluationOptions m_options;
    PartSearch m_search;
    std::vector<PartFit> m_fits;
    double m_computeMs = 0;
};

}  // namespace mlrig
