#include "core/model/Build.h"

#include "core/catalog/Catalog.h"

#include "core/util/TextUtil.h"

namespace mlrig {

std::string_view workloadKindId(WorkloadKind kind)
{
    switch (kind) {
    case WorkloadKind::LlmInference: return "llm-inference";
    case WorkloadKind::LlmFineTune: return "llm-finetune";
    case WorkloadKind::ImageGeneration: return "image-generation";
    case WorkloadKind::Training: return "training";
    case WorkloadKind::General: return "general";
    }
    return "general";
}

std::optional<WorkloadKind> workloadKindFromId(std::string_view id)
{
    const std::string v = toLower(trim(id));
    for (WorkloadKind kind : {WorkloadKind::LlmInference, WorkloadKind::LlmFineTune, WorkloadKind::ImageGeneration,
                              WorkloadKind::Training, WorkloadKind::General}) {
        if (v == workloadKindId(kind))
            return kind;
    }
    return std::nullopt;
}

std::string_view conditionId(Condition condition)
{
    return condition == Condition::Used ? "used" : "new";
}

const AnyPart* partOf(const BuildItem& item, const Catalog& catalog)
{
    if (item.custom)
        return &*item.custom;
    return catalog.find(item.category, item.ref);
}

}  // namespace mlrig
