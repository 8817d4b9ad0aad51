#pragma once

// Build or buy as CSV (RFC 4180, written with core/util/Csv.h): one row per machine in the order
// compareSystems() ranks them, the build among them, under a header that names every column.
//
// Columns: Rank, Name, Kind (build/machine), Platform, Chip, Form factor, GPU memory (GB), Total
// memory (GB), Price, Price currency, Price note, Fits, Needs raised GPU memory limit, Decode
// tokens/s, Prefill tokens/s, Power (W), Power note, Yearly energy cost (<the build's currency>),
// Stack, Notes, Source.
//
// "GPU memory" is what the workload may use: the build's VRAM, a machine's share of its unified
// memory after the documented change ("Needs raised GPU memory limit" says when the workload needs
// it). Numbers are plain, with a '.'; an unknown figure is an empty cell, never 0. Text cells pass
// through visibleText() and neutraliseCsvFormula() as in the build's CSV.

#include <string>

#include "core/advise/SystemComparison.h"
#include "core/io/BuildCsvExport.h"

namespace mlrig {

std::string systemComparisonToCsv(const SystemComparison& comparison, const CsvExportOptions& options = {});

}  // namespace mlrig
