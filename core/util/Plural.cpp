#include "core/util/Plural.h"

namespace mlrig {

std::string_view pluralWord(long long count, std::string_view one, std::string_view other)
{
    return count == 1 ? one : other;
}

std::string countOf(long long count, std::string_view one, std::string_view other)
{
    std::string out = std::to_string(count);
    out += ' ';
    out += pluralWord(count, one, other);
    return out;
}

}  // namespace mlrig
