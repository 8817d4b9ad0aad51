#pragma once

// Text from outside (a part name in a build file, a line of an imported list) may carry
// characters that change what a reader sees without being seen themselves: terminal escapes
// (ESC, BEL), NUL, C1 controls, and the Unicode bidirectional controls that reorder text (a GPU
// named "GPU" + U+202E + "0909 XTR" reads "GPURTX 9090"). Every output mlrig writes (PDF,
// Markdown, CSV, CLI messages) passes text through visibleText(), which shows each such
// character as a visible escape ("<U+202E>", "<U+001B>") instead. Ordinary text, including all
// letters and symbols of every script, is left as it is.

#include <string>
#include <string_view>

namespace mlrig {

enum class LineBreaks {
    Escape,  // one-line fields: a newline becomes <U+000A>
    Keep,    // whole documents and messages: "\n" and "\r\n" stay line breaks
};

// Tab is always kept. Invalid UTF-8 bytes are shown as "<0xFF>".
std::string visibleText(std::string_view text, LineBreaks lineBreaks = LineBreaks::Escape);

// True when visibleText() would change `text`.
bool hasInvisibleCharacters(std::string_view text, LineBreaks lineBreaks = LineBreaks::Escape);

}  // namespace mlrig
