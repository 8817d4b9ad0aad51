#include "core/io/InputFile.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace mlrig {

namespace {

std::string notAFile(mode_t mode)
{
    if (S_ISDIR(mode))
        return "is a directory, not a file";
    if (S_ISFIFO(mode))
        return "is a FIFO (named pipe), not a file";
    if (S_ISCHR(mode))
        return "is a character device, not a file";
    if (S_ISBLK(mode))
        return "is a block device, not a file";
    if (S_ISSOCK(mode))
        return "is a socket, not a file";
    return "is not a regular file";
}

std::string openError(int error)
{
    switch (error) {
    case ENOENT:
        return "cannot be read: no such file";
    case EACCES:
    case EPERM:
        return "cannot be read: permission denied";
    case ELOOP:
        return "cannot be read: too many levels of symbolic links";
    default:
        return std::string("cannot be read: ") + std::strerror(error);
    }
}

}  // namespace

std::string describeMegabytes(std::uintmax_t bytes)
{
    if (bytes < 1024u * 1024u)
        return fmt::format("{}-byte", bytes);
    const double mb = static_cast<double>(bytes) / (1024.0 * 1024.0);
    if (bytes % (1024u * 1024u) == 0)
        return fmt::format("{:.0f} MB", mb);
    return fmt::format("{:.1f} MB", mb);
}

InputFile::InputFile(const std::filesystem::path& path)
{
    // stat() first: opening some devices has side effects (a tape rewinds, a terminal becomes the
    // controlling one), so they are refused without being opened.
    struct stat before {};
    if (::stat(path.c_str(), &before) != 0)
        throw InputFileError(openError(errno));
    if (!S_ISREG(before.st_mode))
        throw InputFileError(notAFile(before.st_mode));
    m_fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (m_fd < 0)
        throw InputFileError(openError(errno));
    struct stat opened {};
    if (::fstat(m_fd, &opened) != 0 || !S_ISREG(opened.st_mode)) {
        const mode_t mode = opened.st_mode;
        ::close(m_fd);
        m_fd = -1;
        throw InputFileError(notAFile(mode));
    }
    m_size = static_cast<std::uintmax_t>(opened.st_size);
}

InputFile::~InputFile()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

InputFile::InputFile(InputFile&& other) noexcept
    : m_fd(std::exchange(other.m_fd, -1)), m_size(other.m_size)
{
}

InputFile& InputFile::operator=(InputFile&& other) noexcept
{
    if (this != &other) {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = std::exchange(other.m_fd, -1);
        m_size = other.m_size;
    }
    return *this;
}

size_t InputFile::read(char* buffer, size_t count)
{
    size_t done = 0;
    while (done < count) {
        const ssize_t n = ::read(m_fd, buffer + done, count - done);
        if (n == 0)
            break;
        if (n < 0) {
            if (errno == EINTR)
                continue;
            throw InputFileError(std::string("cannot be read: ") + std::strerror(errno));
        }
        done += static_cast<size_t>(n);
    }
    return done;
}

std::string InputFile::readAll(std::uintmax_t maxBytes, std::string_view what)
{
    if (m_size > maxBytes)
        throw InputFileError(fmt::format("is {}, more than the {} limit for {}", describeMegabytes(m_size),
                                         describeMegabytes(maxBytes), what));
    const auto grew = [&] {
        return InputFileError(
            fmt::format("grew past the {} limit for {} while it was read", describeMegabytes(maxBytes), what));
    };
    // One byte more than allowed tells a file that grew since it was opened.
    std::string text(static_cast<size_t>(m_size) + 1, '\0');
    size_t have = read(text.data(), text.size());
    while (have == text.size()) {
        if (text.size() > maxBytes)
            throw grew();
        text.resize(std::min<std::uintmax_t>(maxBytes + 1, text.size() * 2 + 4096));
        have += read(text.data() + have, text.size() - have);
    }
    if (have > maxBytes)
        throw grew();
    text.resize(have);
    return text;
}

std::string readInputFile(const std::filesystem::path& path, std::uintmax_t maxBytes, std::string_view what)
{
    InputFile file(path);
    return file.readAll(maxBytes, what);
}

}  // namespace mlrig
