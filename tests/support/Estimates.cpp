#include "tests/support/Estimates.h"

namespace mlrig::testsupport {

WorkloadEstimate llama70bOnTwo24GbCards()
{
    WorkloadEstimate w;
    w.kind = "llm-inference";
    w.modelName = "Llama 3.1 70B";
    w.fits = true;
    w.vramNeededGb = 42.3;
    w.vramAvailableGb = 48;
    w.decodeTokensPerS = 17.8;
    return w;
}

}  // namespace mlrig::testsupport
