#pragma once

// mlrig-cli's stdout and stderr go through this buffer: each line is passed through
// visibleText() (core/util/VisibleText.h) before it reaches the terminal, so a part or build
// name carrying ESC sequences, BEL or a right-to-left override cannot rewrite the terminal or
// disguise itself in a message, whatever command printed it. Line breaks stay line breaks.

#include <streambuf>
#include <string>

namespace mlrig::cli {

class VisibleStreamBuffer : public std::streambuf {
public:
    explicit VisibleStreamBuffer(std::streambuf* target) : m_target(target) {}
    ~VisibleStreamBuffer() override;
    VisibleStreamBuffer(const VisibleStreamBuffer&) = delete;
    VisibleStreamBuffer& operator=(const VisibleStreamBuffer&) = delete;

protected:
    int_type overflow(int_type c) override;
    std::streamsize xsputn(const char* text, std::streamsize count) override;
    int sync() override;

private:
    // Writes the complete lines held so far (all of them when `everything`).
    bool flushLines(bool everything);

    std::streambuf* m_target;
    std::string m_pending;
};

}  // namespace mlrig::cli
