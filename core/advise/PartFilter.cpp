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

// The items of the one "not-checked" finding (Rules.cpp writes "Not checked because a figure is
// unknown: A; B. Verify these yourself."), so a candidate's own unknowns can be told from the
// ones the build already had.
std::vector<std::string> notCheckedItems(const Evaluation& eval)
{
    constexpr std::string_view prefix = "Not checked because a figure is unknown: ";
    constexpr std::string_view suffix = ". Verify these yourself.";
    for (const Finding& f : eval.findings) {
        if (f.rule != "not-checked")
            continue;
        std::string_view text = f.message;
        if (text.starts_with(prefix))
            text.remove_prefix(prefix.size());
        if (text.ends_with(suffix))
            text.remove_suffix(suffix.size());
        std::vector<std::string> items;
        size_t start = 0;
        while (start <= text.size()) {
            const size_t end = std::min(text.find("; ", start), text.size());
            if (end > start)
                items.emplace_back(text.substr(start, end - start));
            start = end + 2;
        }
        return items;
    }
    return {};
}

}  // namespace

PartFilter::PartFilter(const Catalog& catalog, Category category, Build build, int itemIndex,
                       EvaluationOptions options)
    : m_catalog(catalog), m_category(category), m_build(std::move(build)), m_itemIndex(itemIndex),
      m_options(options), m_search(catalog, category)
{
    computeCompatibility();
}

void PartFilter::computeCompatibility()
{
    const auto start = std::chrono::steady_clock::now();
    const auto parts = m_catalog.parts(m_category);
    m_fits.assign(parts.size(), PartFit{});

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

    // Errors and unknowns of the build with this slot empty; a candidate must not add any.
    Build without = base;
    without.items.erase(without.items.begin() + static_cast<std::ptrdiff_t>(slot));
    const Evaluation baseEval = evaluate(without, m_catalog, m_options);
    const std::set<std::string> baseline = errorRules(baseEval);
    const std::vector<std::string> baseUnknown = notCheckedItems(baseEval);

    for (size_t i = 0; i < parts.size(); ++i) {
        candidate.ref = infoOf(parts[i]).id;
        const Evaluation eval = evaluate(base, m_catalog, m_options);
        PartFit& fit = m_fits[i];
        for (const Finding& f : eval.findings) {
            if (f.severity == Severity::Error && f.rule != "missing-part" && !baseline.contains(f.rule)) {
                fit = {Fit::Incompatible, f.message};
                break;
            }
        }
        if (fit.fit == Fit::Incompatible)
            continue;
        std::string unknown;
        for (const std::string& item : notCheckedItems(eval)) {
            if (std::find(baseUnknown.begin(), baseUnknown.end(), item) == baseUnknown.end())
                unknown += (unknown.empty() ? "" : "; ") + item;
        }
        if (!unknown.empty())
            fit = {Fit::NotChecked, "Not checked: " + unknown + "."};
    }
    m_computeMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

PartSearchResult PartFilter::run(const PartQuery& query) const
{
    return m_search.run(query, m_fits);
}

const PartFit& PartFilter::fitOf(size_t partIndex) const
{
    static const PartFit unknown{Fit::NotChecked, "Not checked: not a part of this category."};
    return partIndex < m_fits.size() ? m_fits[partIndex] : unknown;
}

size_t PartFilter::incompatibleCount() const
{
    return static_cast<size_t>(
        std::count_if(m_fits.begin(), m_fits.end(), [](const PartFit& f) { return f.fit == Fit::Incompatible; }));
}

}  // namespace mlrig
