#pragma once

// The workload model on a machine whose GPU shares one memory pool with the CPU (Apple silicon,
// Ryzen AI Max, NVIDIA GB10): how much of the pool the GPU may use, what its software stack reaches
// of the chip's peaks (fitted on measured llama.cpp runs), and the estimate itself, which is the GPU
// estimate with the pool as VRAM. The constants and their sources are in UnifiedMemory.cpp.

#include <string>

#include "core/catalog/UnifiedSystems.h"
#include "core/eval/WorkloadModel.h"

namespace mlrig {

struct UsableMemory {
    double totalGb = 0;    // the machine's memory (GB as marketed, treated as GiB like VRAM)
    double defaultGb = 0;  // what the GPU may use out of the box
    double tunedGb = 0;    // after the documented change (a sysctl, kernel parameters); >= defaultGb
    std::string defaultRule;  // how the default comes about, and its source
    std::string howToRaise;   // what a user changes to reach tunedGb
};

// Throws std::invalid_argument for a size that is not positive and finite.
UsableMemory usableGpuMemory(UnifiedFamily family, double memoryGb);

// What the chip's software stack reaches, relative to the CUDA-fitted constants, with the
// measurements the factors were fitted on (its family's, and an Ultra's two dies).
StackFactors platformFactors(const UnifiedChip& chip);

// The machine's GPU as the workload model sees it: the tuned usable memory as VRAM, the unified
// bandwidth, the GPU's FP16 throughput and the platform's factors.
GpuForWorkload gpuForSystem(const UnifiedSystem& system, const UnifiedChip& chip);

struct SystemEstimate {
    WorkloadEstimate estimate;
    UsableMemory memory;
    // The workload fits only after raising the GPU's share of memory (UsableMemory::howToRaise).
    bool needsRaisedLimit = false;
};

// The workload on one machine. Throws std::invalid_argument as estimateWorkload does. There is no
// separate system RAM to offload to: what does not fit the GPU's share does not run on the GPU.
SystemEstimate estimateOnSystem(const Workload& workload, const UnifiedSystem& system, const UnifiedChip& chip);

}  // namespace mlrig
