#include "tests/support/GpuChips.h"

#include <utility>

namespace mlrig::testsupport {

GpuChip rtx3090()
{
    GpuChip c = gpuChip("GeForce RTX 3090", GpuClass::Consumer, "Ampere", 24, 936, 71, 350, 600, 313, 3, 2, 0, true,
                        Cooling::Open, 1499);
    c.launchYear = 2020;
    c.fp32Tflops = 35.6;
    return c;
}

GpuChip rtx4090()
{
    GpuChip c = rtx3090();
    c.model = "GeForce RTX 4090";
    c.architecture = "Ada Lovelace";
    c.memoryBandwidthGbs = 1008;
    c.fp16TensorTflops = 165;
    c.tdpW = 450;
    c.transientPeakW = 700;
    c.lengthMm = 304;
    c.pcie8pin = 0;
    c.pcie12vhpwr = 1;
    c.nvlink = false;
    c.msrpUsd = 1599;
    return c;
}

GpuChip chipRow(std::string model, double vramGb, double tdpW, double msrpUsd)
{
    GpuChip c;
    c.model = std::move(model);
    c.vendor = Vendor::Nvidia;
    c.gpuClass = GpuClass::Consumer;
    c.vramGb = vramGb;
    c.tdpW = tdpW;
    c.msrpUsd = msrpUsd;
    return c;
}

GpuChip gpuChip(std::string model, GpuClass gpuClass, std::string architecture, double vramGb, double bandwidthGbs,
                std::optional<double> fp16TensorTflops, double tdpW, std::optional<double> transientPeakW,
                double lengthMm, double slotWidth, int pcie8pin, int pcie12vhpwr, bool nvlink, Cooling cooling,
                std::optional<double> msrpUsd, int gpusPerBoard, Vendor vendor)
{
    GpuChip c;
    c.model = std::move(model);
    c.vendor = vendor;
    c.gpuClass = gpuClass;
    c.architecture = std::move(architecture);
    c.vramGb = vramGb;
    c.memoryBandwidthGbs = bandwidthGbs;
    c.fp16TensorTflops = fp16TensorTflops;
    c.tdpW = tdpW;
    c.transientPeakW = transientPeakW;
    c.lengthMm = lengthMm;
    c.slotWidth = slotWidth;
    c.pcie8pin = pcie8pin;
    c.pcie12vhpwr = pcie12vhpwr;
    c.nvlink = nvlink;
    c.cooling = cooling;
    c.msrpUsd = msrpUsd;
    c.gpusPerBoard = gpusPerBoard;
    return c;
}

}  // namespace mlrig::testsupport
