#include "app/cli/VisibleStreamBuffer.h"

#include "core/util/VisibleText.h"

namespace mlrig::cli {

VisibleStreamBuffer::~VisibleStreamBuffer()
{
    flushLines(true);
}

VisibleStreamBuffer::int_type VisibleStreamBuffer::overflow(int_type c)
{
    if (traits_type::eq_int_type(c, traits_type::eof()))
        return sync() == 0 ? traits_type::not_eof(c) : traits_type::eof();
    m_pending.push_back(traits_type::to_char_type(c));
    if (m_pending.back() == '\n' && !flushLines(false))
        return traits_type::eof();
    return c;
}

std::streamsize VisibleStreamBuffer::xsputn(const char* text, std::streamsize count)
{
    m_pending.append(text, static_cast<size_t>(count));
    // Whole lines only: a multi-byte character or a "\r\n" split across writes stays whole.
    if (m_pending.find('\n') != std::string::npos && !flushLines(false))
        return 0;
    return count;
}

int VisibleStreamBuffer::sync()
{
    if (!flushLines(true))
        return -1;
    return m_target->pubsync();
}

bool VisibleStreamBuffer::flushLines(bool everything)
{
    const size_t end = everything ? m_pending.size() : m_pending.rfind('\n') + 1;
    if (end == 0 || m_pending.empty())
        return true;
    const std::string shown = visibleText(std::string_view(m_pending).substr(0, end), LineBreaks::Keep);
    m_pending.erase(0, end);
    return m_target->sputn(shown.data(), static_cast<std::streamsize>(shown.size())) ==
           static_cast<std::streamsize>(shown.size());
}

}  // namespace mlrig::cli
