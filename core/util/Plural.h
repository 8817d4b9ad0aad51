#pragma once

// Counted English words for the text core writes itself (CSV and Markdown exports, import
// summaries, mlrig-cli messages): "1 line", "0 lines", "2 lines". Core links no Qt, so it cannot
// use tr("%n line(s)") and a translator's numerus forms as the UI does; this is the core twin.

#include <string>
#include <string_view>

namespace mlrig {

// `one` for a count of exactly 1, `other` for every other count (0 included: "0 errors").
std::string_view pluralWord(long long count, std::string_view one, std::string_view other);
// "1 line", "3 lines": the count, a space, and the word for it.
std::string countOf(long long count, std::string_view one, std::string_view other);

}  // namespace mlrig
