#include "core/advise/PartFilter.h"

#include <algorithm>
#include <chrono>
#include <set>

namespace mlrig {

namespace {

std::set<std::string> errorRules(const Evaluation& eval)
{
    std::set<std::string> rules;
    for (const Finding& f : eval.findings)
        if (f.severity == Severity::Error)
            rules.insert(f.rule);
    return rules;
}

}  // namespace

PartFilter::PartFilter(const Catalog& catalog, Category category, Build build, int itemIndex,
                       EvaluationOptions options)
    : m_catalog(catalog), m_category(category), m_build(std::move(build)), m_itemIndex(itemIndex),
      m_options(options)
{
    computeCompatibility();
}

void PartFilter::computeCompatibility()
{
    const auto start = std::chrono::steady_clock::now();
    const auto parts = m_catalog.parts(m_category);
    m_compatible.assign(parts.size(), 1);

    // The baseline: the build without the part being replaced.
    Build base = m_build;
    size_t slot = 0;
    if (m_itemIndex >= 0 && m_itemIndex < static_cast<int>(base.items.size())) {
        slot = static_cast<size_t>(m_itemIndex);
    } else {
        BuildItem item;
        item.category = m_category;
        auto pos = std::find_if(base.items.begin(), base.items.end(), [this](const BuildItem& i) {
            return static_cast<int>(i.category) > static_cast<int>(m_category);
        });
        slot = static_cast<size_t>(pos - base.items.begin());
        base.items.insert(pos, item);
    }
    BuildItem& candidate = base.items[slot];
    candidate.custom.reset();
    candidate.price.reset();

    // Errors of the build with this slot empty; a candidate must not add any.
    Build without = base;
    without.items.erase(without.items.begin() + static_cast<std::ptrdiff_t>(slot));
    const std::set<std::string> baseline = errorRules(evaluate(without, m_catalog, m_options));

    for (size_t i = 0; i < parts.size(); ++i) {
        candidate.ref = infoOf(parts[i]).id;
        const Evaluation eval = evaluate(base, m_catalog, m_options);
        for (const Finding& f : eval.findings) {
            if (f.severity == Severity::Error && f.rule != "missing-part" && !baseline.contains(f.rule)) {
                m_compatible[i] = 0;
                break;
            }
        }
    }
    m_computeMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

std::vector<char> PartFilter::accepted(const std::string& text, bool onlyCompatible) const
{
    const auto parts = m_catalog.parts(m_category);
    std::vector<char> out(parts.size(), 0);
    if (text.empty()) {
        std::fill(out.begin(), out.end(), 1);
    } else {
        for (const AnyPart* p : m_catalog.search(m_category, text))
            out[static_cast<size_t>(p - parts.data())] = 1;
    }
    if (onlyCompatible)
        for (size_t i = 0; i < out.size(); ++i)
            out[i] = out[i] && m_compatible[i];
    return out;
}

bool PartFilter::isCompatible(size_t partIndex) const
{
    return partIndex < m_compatible.size() && m_compatible[partIndex];
}

size_t PartFilter::compatibleCount() const
{
    return static_cast<size_t>(std::count(m_compatible.begin(), m_compatible.end(), 1));
}

}  // namespace mlrig
