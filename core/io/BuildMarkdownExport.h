#pragma once

// Build -> Markdown in the layout of PCPartPicker's forum export, so a post looks familiar on
// Reddit and forums and can be imported again by PcPartPickerImport:
//
//   Type|Item|Price
//   :----|:----|:----
//   **CPU** | AMD Ryzen 9 7950X | $449.96
//    | **Total** | **$2,849.85**
//
// followed by mlrig's verdict: "Findings" (errors, warnings, notes with their rule ids),
// "Power" (sustained, transient peak, power supply, recommended) and "Workload".
// A unit bought twice is listed on two rows, as PCPartPicker does. Names are escaped
// (| * _ ` [ ] < > # ~ \) so a name never breaks the table or the emphasis.

#include <string>
#include <string_view>

#include "core/model/Build.h"
#include "core/catalog/Catalog.h"
#include "core/eval/Evaluation.h"

namespace mlrig {

std::string exportBuildMarkdown(const Build& build, const Evaluation& evaluation, const Catalog& catalog);

std::string escapeMarkdown(std::string_view text);

}  // namespace mlrig
