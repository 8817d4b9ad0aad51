#pragma once

// The GPU comparison as CSV (RFC 4180): one row per metric, one column per GPU, then the
// difference of every other GPU against the first in percent, then the winner(s).

#include <string>

#include "core/advise/GpuComparison.h"

namespace mlrig {

std::string comparisonToCsv(const GpuComparison& comparison);

}  // namespace mlrig
