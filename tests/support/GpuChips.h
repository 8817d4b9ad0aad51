#pragma once

// GPU model rows (GpuChip) for hand-made catalogs. The figures are the real cards' (whitepapers,
// as in db/source), so a test that reads a number can be checked against the datasheet.

#include <optional>
#include <string>

#include "core/catalog/Parts.h"

namespace mlrig::testsupport {

// GeForce RTX 3090 with every figure the rules, the power model and the workload model read:
// Ampere, 24 GB at 936 GB/s, 71 FP16 tensor TFLOPS, 350 W (600 W transients), 313 mm, 3 slots,
// two 8-pin plugs, NVLink, open-air cooler, $1,499 MSRP.
GpuChip rtx3090();
// GeForce RTX 4090 (Ada Lovelace): 1008 GB/s, 165 TFLOPS, 450 W (700 W transients), 304 mm,
// one 12VHPWR plug, no NVLink, $1,599 MSRP.
GpuChip rtx4090();

// A row with only what matching, import and export read: an NVIDIA consumer card's VRAM,
// TDP and MSRP.
GpuChip chipRow(std::string model, double vramGb, double tdpW, double msrpUsd);

// A complete row, every figure given, for tests that set up a range of cards side by side
// (one call a line reads like a table). The launch year, FP32 rate and source stay unset.
GpuChip gpuChip(std::string model, GpuClass gpuClass, std::string architecture, double vramGb, double bandwidthGbs,
                std::optional<double> fp16TensorTflops, double tdpW, std::optional<double> transientPeakW,
                double lengthMm, double slotWidth, int pcie8pin, int pcie12vhpwr, bool nvlink, Cooling cooling,
                std::optional<double> msrpUsd, int gpusPerBoard = 1, Vendor vendor = Vendor::Nvidia);

}  // namespace mlrig::testsupport
