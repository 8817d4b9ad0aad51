#include "core/catalog/FormFactor.h"

#include <algorithm>

#include "core/util/TextUtil.h"

namespace mlrig {

std::string canonicalFormFactor(std::string_view formFactor)
{
    std::string f = foldName(formFactor);
    std::erase(f, '.');
    if (f == "matx" || f == "uatx" || f == "microatx" || f == "\xc2\xb5" "atx" || f == "mcroatx")
        return "microatx";
    if (f == "mitx" || f == "miniitx" || f == "thinminiitx")
        return "miniitx";
    if (f == "eatx" || f == "extendedatx")
        return "eatx";
    if (f == "ssieeb" || f == "eeb")
        return "ssieeb";
    return f;
}

namespace {

// Standard sizes whose mounting holes nest: a case for a larger one takes the smaller boards.
int nestedRank(const std::string& canonical)
{
    if (canonical == "miniitx") return 1;
    if (canonical == "microatx") return 2;
    if (canonical == "atx") return 3;
    if (canonical == "eatx") return 4;
    return 0;
}

}  // namespace

bool caseFitsBoard(const std::vector<std::string>& caseFormFactors, std::string_view boardFormFactor)
{
    const std::string board = canonicalFormFactor(boardFormFactor);
    const int boardRank = nestedRank(board);
    for (const std::string& supported : caseFormFactors) {
        const std::string c = canonicalFormFactor(supported);
        if (c == board)
            return true;
        const int caseRank = nestedRank(c);
        if (boardRank > 0 && caseRank >= boardRank)
            return true;
    }
    return false;
}

}  // namespace mlrig
