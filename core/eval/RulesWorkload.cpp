// Workload rule: the build cannot run the workload it was planned for. It is the one verdict the
// workload panel, the status bar's counts, the exports and the optimizer read: a build whose
// model does not run is an error, never "0 errors" beside a panel that says "does not fit".
#include <fmt/format.h>

#include "core/eval/Rules.h"

namespace mlrig::rules {

void checkWorkload(Context& c)
{
    // Without a GPU the missing-part rule already says what the build lacks.
    if (!c.workload || c.gpus.empty())
        return;
    const WorkloadEstimate& w = *c.workload;
    if (w.runs())
        return;
    const std::string what = w.modelName.empty() ? std::string("The workload") : w.modelName;
    std::string message = w.reason.empty()
                              ? fmt::format("{} cannot run on this build: it needs about {} GB of GPU memory and the "
                                            "GPUs have {} GB",
                                            what, num(w.vramNeededGb), num(w.vramAvailableGb))
                              : fmt::format("{} cannot run on this build: {}{}", what,
                                            w.reason.starts_with("needs ") ? "it " : "", w.reason);
    if (!message.ends_with('.'))
        message += '.';
    message += " Choose GPUs with more memory, a second GPU, more system RAM (for LLM offload), a smaller model or "
               "a smaller quantization.";
    c.add("workload-fit", Severity::Error, std::move(message), {Category::Gpu, Category::Memory});
}

}  // namespace mlrig::rules
