#pragma once

// A build at the size limit (kMaxBuildItems, 10,000 lines) for the "large inputs" budgets of
// issue 16: the PDF report benchmark and the GUI's background export tests read the same one.

#include <cstddef>

#include "core/catalog/Catalog.h"
#include "core/model/Build.h"

namespace mlrig::testsupport {

// `lines` catalog parts, the eight categories in turn (cpu, motherboard, ... storage), each
// category's parts in catalog order by id; every third line has a price of its own (50 to 449),
// the rest the catalog's. An LLM inference workload (Llama 3.1 70B, q4_k_m), so the report has
// its workload and "Build or buy" sections. Named "Inventory of N parts".
Build largeBuild(const Catalog& catalog, std::size_t lines);

}  // namespace mlrig::testsupport
