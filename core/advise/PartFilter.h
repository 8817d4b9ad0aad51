#pragma once

// Decides which catalog parts the picker lists, using core only: Catalog::search for the text,
// evaluate() for compatibility. A candidate is compatible when the build with the candidate
// in place has no error finding that the build without it lacks (compared by rule id).
// Compatibility is computed once per picker (one evaluate() per candidate) and cached.

#include <string>
#include <vector>

#include "core/model/Build.h"
#include "core/catalog/Catalog.h"
#include "core/eval/Evaluate.h"

namespace mlrig {

class PartFilter {
public:
    PartFilter(const Catalog& catalog, Category category, Build build, int itemIndex,
               EvaluationOptions options = {});

    // One flag per part of the category (catalog order): shown or not.
    std::vector<char> accepted(const std::string& text, bool onlyCompatible) const;
    bool isCompatible(size_t partIndex) const;
    size_t compatibleCount() const;
    double computeMs() const { return m_computeMs; }

private:
    void computeCompatibility();

    const Catalog& m_catalog;
    Category m_category;
    Build m_build;
    int m_itemIndex;
    EvaluationOptions m_options;
    std::vector<char> m_compatible;
    double m_computeMs = 0;
};

}  // namespace mlrig
