#pragma once

// Internal to core/optimize (nothing outside this folder includes it): what the optimizer's
// engines share. The candidate lists, the Pareto reduction both the platform search and the GPU
// options apply (why it is safe: Optimizer.cpp, point 3), and the category index.

#include <algorithm>
#include <array>
#include <limits>
#include <optional>
#include <vector>

#include "core/optimize/Optimizer.h"

namespace mlrig::optimizer {

inline constexpr double kInf = std::numeric_limits<double>::infinity();

// The filtered candidates, one list per category (optimizerCandidates()).
using Candidates = std::array<std::vector<OptimizeCandidate>, 8>;

inline size_t ix(Category c)
{
    return static_cast<size_t>(c);
}

inline bool optLe(const std::optional<double>& a, const std::optional<double>& b)  // a <= b, same known-ness
{
    return a.has_value() == b.has_value() && (!a || *a <= *b);
}
template <typename T>
bool optGe(const std::optional<T>& a, const std::optional<T>& b)
{
    return a.has_value() == b.has_value() && (!a || *a >= *b);
}
template <typename T>
bool optEq(const std::optional<T>& a, const std::optional<T>& b)
{
    return a == b;
}
inline bool superset(const std::vector<char>& a, const std::vector<char>& b)
{
    for (size_t i = 0; i < a.size(); ++i) {
        if (b[i] && !a[i])
            return false;
    }
    return true;
}

// Keeps the non-dominated members, sorted by cost. `dominates(a, b)` must imply a.cost <= b.cost.
template <typename T, typename Dom>
std::vector<T> paretoReduce(std::vector<T> items, Dom dominates)
{
    std::stable_sort(items.begin(), items.end(), [](const T& a, const T& b) { return a.cost < b.cost; });
    std::vector<T> kept;
    for (T& item : items) {
        bool dominated = false;
        for (const T& k : kept) {
            if (dominates(k, item)) {
                dominated = true;
                break;
            }
        }
        if (!dominated)
            kept.push_back(std::move(item));
    }
    // An earlier-kept item may be dominated by a later one only at equal cost; the order above
    // keeps the first of equals, so a second pass removes the rest.
    std::vector<T> out;
    for (size_t i = 0; i < kept.size(); ++i) {
        bool dominated = false;
        for (size_t j = 0; j < kept.size() && !dominated; ++j)
            dominated = j != i && kept[j].cost <= kept[i].cost && dominates(kept[j], kept[i]) &&
                        !(dominates(kept[i], kept[j]) && i < j);
        if (!dominated)
            out.push_back(std::move(kept[i]));
    }
    return out;
}

}  // namespace mlrig::optimizer
