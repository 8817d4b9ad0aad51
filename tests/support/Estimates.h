#pragma once

// Hand-made evaluation pieces for the export and report tests, so that what they print does not
// depend on the workload model's current calibration.

#include "core/eval/Evaluation.h"

namespace mlrig::testsupport {

// Llama 3.1 70B q4_k_m fitting on two 24 GB cards: 42.3 of 48 GB, 17.8 tokens/s decode.
WorkloadEstimate llama70bOnTwo24GbCards();

}  // namespace mlrig::testsupport
