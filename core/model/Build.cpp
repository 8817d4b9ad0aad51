#include "core/model/Build.h"

#include "core/catalog/Catalog.h"

#include "core/util/EnumNames.h"

namespace mlrig {

namespace {

constexpr EnumName<WorkloadKind> kWorkloadKinds[] = {
    {WorkloadKind::LlmInference, "llm-inference"}, {WorkloadKind::LlmFineTune, "llm-finetune"},
    {WorkloadKind::ImageGeneration, "image-generation"}, {WorkloadKind::Training, "training"},
    {WorkloadKind::General, "general"}};
constexpr EnumName<FineTuneMethod> kFineTuneMethods[] = {
    {FineTuneMethod::Full, "full"}, {FineTuneMethod::Lora, "lora"}, {FineTuneMethod::Qlora, "qlora"}};

}  // namespace

std::string_view workloadKindId(WorkloadKind kind)
{
    return nameOf(kWorkloadKinds, kind, "general");
}

std::optional<WorkloadKind> workloadKindFromId(std::string_view id)
{
    return valueOf(kWorkloadKinds, id);
}

std::string_view fineTuneMethodId(FineTuneMethod method)
{
    return nameOf(kFineTuneMethods, method, "lora");
}

std::optional<FineTuneMethod> fineTuneMethodFromId(std::string_view id)
{
    return valueOf(kFineTuneMethods, id);
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
