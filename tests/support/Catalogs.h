#pragma once

// Small hand-made catalogs for tests that must not depend on what the real catalog holds today.
// The shared ones are built once and kept: several test files and a fuzzer read them.

#include "core/catalog/Catalog.h"

namespace mlrig::testsupport {

// For import, export, name matching and the PDF report: names copied in the shape of the real
// catalog (OpenDB) so the matcher meets the same spelling differences as with PCPartPicker lists.
const Catalog& ioCatalog();

// For the GUI tests: an AM5 and an LGA 1700 platform, two GPU models with full figures
// (rtx3090(), rtx4090()) and one part of every other category.
const Catalog& uiCatalog();

// For the budget optimizer and its brute-force reference: few enough parts that every
// combination can be evaluated. Variant 0 is everything; 1 has no RTX 4090 and a cheaper 3090;
// 2 keeps only the PSUs with 12VHPWR and only the small case.
Catalog smallCatalog(int variant = 0);

}  // namespace mlrig::testsupport
