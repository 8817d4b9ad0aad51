#pragma once

// An enum's text names as one table that serves both directions: writing (enum -> id) and
// reading (id -> enum). A switch for one direction and an if-chain for the other used to
// restate every mapping twice, and the two could drift apart.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/util/TextUtil.h"

namespace mlrig {

template <typename E> struct EnumName {
    E value;
    std::string_view name;
};

// The first name listed for `value` (a table may list spelling variants after it), or `fallback`.
template <typename E, std::size_t N>
constexpr std::string_view nameOf(const EnumName<E> (&names)[N], E value, std::string_view fallback = {})
{
    for (const EnumName<E>& entry : names) {
        if (entry.value == value)
            return entry.name;
    }
    return fallback;
}

// The value whose name is `text`, ignoring case and surrounding blanks; nullopt when none is.
template <typename E, std::size_t N>
std::optional<E> valueOf(const EnumName<E> (&names)[N], std::string_view text)
{
    const std::string folded = toLower(trim(text));
    for (const EnumName<E>& entry : names) {
        if (entry.name == folded)
            return entry.value;
    }
    return std::nullopt;
}

}  // namespace mlrig
