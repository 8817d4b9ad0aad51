#pragma once

// Spec filters of the part picker and `mlrig-cli catalog search`: "VRAM at least 16 GB", "PSU
// at least 850 W and ATX 3.x", "AM5 boards", "cases that take an ATX board and a 330 mm card".
// A part whose figure is unknown does not pass a filter on that figure: the filter promises
// the figure, and an unknown one cannot keep the promise.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/catalog/Catalog.h"

namespace mlrig {

struct PartCriteria {
    std::optional<double> minVramGb;          // GPU
    std::optional<double> maxLengthMm;        // GPU: the card is at most this long
    std::optional<double> minWattageW;        // PSU
    bool atx3Only = false;                    // PSU: states ATX 3.x
    std::string socket;                       // CPU, motherboard, cooler (one of its sockets); folded compare
    std::string formFactor;                   // motherboard: its form factor; case: takes a board of it
    std::optional<double> minGpuClearanceMm;  // case: takes a card at least this long
    std::optional<double> minCapacityGb;      // memory (the kit's total), storage
    std::string memoryType;                   // memory, motherboard: "DDR5"; folded compare

    bool accepts(const AnyPart& part) const;
    bool empty() const;
    // The names of the filters set here that `category` has no such figure for ("minimum VRAM"
    // for a PSU): a command line refuses them rather than ignoring them.
    std::vector<std::string> unusedFor(Category category) const;
    // A filter that cannot be right ("minimum VRAM -4 GB"), or "" when all are usable.
    std::string invalidReason() const;

    bool operator==(const PartCriteria&) const = default;
};

// The values a text filter can take in a category, most common first, each spelled as most of
// the catalog spells it ("LGA 1700" once even if a few parts say "LGA1700"): the picker's choices.
std::vector<std::string> socketChoices(const Catalog& catalog, Category category);
std::vector<std::string> formFactorChoices(const Catalog& catalog, Category category);
std::vector<std::string> memoryTypeChoices(const Catalog& catalog, Category category);

}  // namespace mlrig
