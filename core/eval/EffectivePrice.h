#pragma once

// The one price every screen, export, the wizard and the optimizer use for a build line, with
// where it comes from and how old it is. Order of precedence (the first that exists wins):
//   1. the person's own price on the line (typed, remembered, imported, or an offer), in the
//      build's currency;
//   2. for a GPU, the market price of its model in the line's condition (new or used; the
//      catalog's market price table, MarketPriceTable::current());
//   3. the catalog's retail snapshot of the part (with the snapshot's month);
//   4. the GPU model's launch MSRP, only when nothing else is known, and labelled as such.
// Catalog, market and MSRP prices are US dollars and say so (PriceOrigin::currency); nothing
// converts or relabels them.

#include <optional>
#include <string_view>

#include "core/catalog/Catalog.h"
#include "core/eval/Evaluation.h"
#include "core/model/Build.h"

namespace mlrig {

struct EffectivePrice {
    std::optional<double> unitPrice;  // in origin.currency; nullopt when nothing is known (never 0 for unknown)
    PriceOrigin origin{};
    PriceSource source() const { return origin.kind; }
};

// The price of one unit of a build line. `part` is partOf(item, catalog) (may be null for an
// unresolved ref: then only the person's own price counts). `buildCurrency` is the currency of
// the line's own price.
EffectivePrice effectivePrice(const BuildItem& item, const AnyPart* part, const Catalog& catalog,
                              std::string_view buildCurrency = "USD");

// The same for a catalog part on its own (no price of the person's), in a condition: what the
// wizard, the comparison and the value charts list a GPU model at.
EffectivePrice effectivePrice(const AnyPart& part, Condition condition, const Catalog& catalog);

}  // namespace mlrig
