#pragma once

// Motherboard form factors as cases and boards spell them in the catalog ("Micro ATX",
// "micro-atx", "mATX", "uATX"): one canonical spelling, and which boards a case takes. Used by
// the board-form-factor rule and by the optimizer's platform search, so both agree.

#include <string>
#include <string_view>
#include <vector>

namespace mlrig {

// Canonical form factor for tolerant matching ("Micro ATX" == "micro-atx" == "mATX" -> "microatx").
std::string canonicalFormFactor(std::string_view formFactor);
// Whether a case listing `caseFormFactors` takes a board of `boardFormFactor`: the same form
// factor, or a smaller standard one whose mounting holes nest in a larger (Mini-ITX < Micro ATX
// < ATX < EATX).
bool caseFitsBoard(const std::vector<std::string>& caseFormFactors, std::string_view boardFormFactor);

}  // namespace mlrig
