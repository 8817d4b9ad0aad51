#include "core/io/OutputFile.h"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace mlrig {

namespace {

// Chains of links longer than this are loops (Linux gives up at 40 too).
constexpr int kMaxSymlinkHops = 40;

class SaveFailure : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

[[noreturn]] void failErrno(const char* what)
{
    throw SaveFailure(std::string(what) + ": " + std::strerror(errno));
}

void writeAll(int fd, std::string_view content)
{
    size_t done = 0;
    while (done < content.size()) {
        const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            failErrno("write failed");
        }
        done += static_cast<size_t>(n);
    }
}

void syncDirectory(const std::filesystem::path& directory)
{
    // Makes the rename itself durable; failure here loses nothing already written, so it is not an error.
    const int fd = ::open(directory.empty() ? "." : directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

std::filesystem::path uniqueTemporary(const std::filesystem::path& target)
{
    static std::atomic<unsigned> counter{0};
    const std::string name = "." + target.filename().string() + ".tmp-" + std::to_string(::getpid()) + "-" +
                             std::to_string(counter.fetch_add(1));
    return target.parent_path() / name;
}

// Writes `content` to a new temporary file beside `target` and renames it over `target`.
// `existing` (when not null) is the old file's status: its mode and owner are carried over.
void replaceAtomically(std::string_view content, const std::filesystem::path& target, const struct stat* existing)
{
    const std::filesystem::path temp = uniqueTemporary(target);
    // 0666 before the umask, as any new file; the old file's exact bits are set below.
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0)
        failErrno("cannot create a temporary file in its folder");
    try {
        writeAll(fd, content);
        if (existing) {
            if (::fchmod(fd, existing->st_mode & 07777) != 0)
                failErrno("cannot keep the file's permissions");
            // Only root may give a file away; for anyone else the owner is already theirs, and a
            // group they are not in cannot be kept: that is not worth failing the save for.
            if (::fchown(fd, existing->st_uid, existing->st_gid) != 0 && errno != EPERM)
                failErrno("cannot keep the file's owner");
        }
        if (::fsync(fd) != 0)
            failErrno("cannot write it to disk");
        if (::close(fd) != 0) {
            ::unlink(temp.c_str());
            failErrno("cannot write it to disk");
        }
    } catch (...) {
        ::close(fd);
        ::unlink(temp.c_str());
        throw;
    }
    if (::rename(temp.c_str(), target.c_str()) != 0) {
        const int error = errno;
        ::unlink(temp.c_str());
        errno = error;
        failErrno("cannot replace the file");
    }
    syncDirectory(target.parent_path());
}

std::string readWhole(const std::filesystem::path& path)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        failErrno("cannot read the previous version");
    std::string out;
    char buffer[65536];
    while (true) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            const int error = errno;
            ::close(fd);
            errno = error;
            failErrno("cannot read the previous version");
        }
        if (n == 0)
            break;
        out.append(buffer, static_cast<size_t>(n));
    }
    ::close(fd);
    return out;
}

// A file with several names (hard links): rewriting it in place keeps them one file. If the
// write fails half-way, the old content (held in memory) is written back.
void rewriteInPlace(std::string_view content, const std::filesystem::path& target)
{
    const std::string previous = readWhole(target);
    const int fd = ::open(target.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        failErrno("cannot open it for writing");
    const auto restore = [&] {
        if (::ftruncate(fd, 0) != 0 || ::lseek(fd, 0, SEEK_SET) != 0)
            return;
        try {
            writeAll(fd, previous);
            ::fsync(fd);
        } catch (...) {
        }
    };
    try {
        if (::ftruncate(fd, 0) != 0)
            failErrno("cannot truncate it");
        writeAll(fd, content);
        if (::fsync(fd) != 0)
            failErrno("cannot write it to disk");
    } catch (...) {
        restore();
        ::close(fd);
        throw;
    }
    if (::close(fd) != 0)
        failErrno("cannot write it to disk");
}

}  // namespace

std::filesystem::path resolveSaveTarget(const std::filesystem::path& path)
{
    std::filesystem::path current = path;
    for (int hop = 0; hop < kMaxSymlinkHops; ++hop) {
        struct stat st {};
        if (::lstat(current.c_str(), &st) != 0 || !S_ISLNK(st.st_mode))
            return current;
        std::error_code error;
        const std::filesystem::path link = std::filesystem::read_symlink(current, error);
        if (error)
            return current;
        current = link.is_absolute() ? link : current.parent_path() / link;
    }
    throw std::runtime_error("cannot save " + path.string() + ": too many levels of symbolic links");
}

std::filesystem::path backupPathFor(const std::filesystem::path& path)
{
    const std::filesystem::path target = resolveSaveTarget(path);
    return target.parent_path() / (target.filename().string() + "~");
}

void writeFileSafely(std::string_view content, const std::filesystem::path& path, const SaveOptions& options)
{
    try {
        const std::filesystem::path target = resolveSaveTarget(path);
        struct stat st {};
        const bool exists = ::stat(target.c_str(), &st) == 0;
        if (!exists && errno != ENOENT)
            failErrno("cannot check the file");
        if (exists && S_ISDIR(st.st_mode))
            throw SaveFailure("is a folder");
        if (exists && !S_ISREG(st.st_mode))
            throw SaveFailure("is not a regular file (a device or a pipe); choose a file name");
        if (exists && options.keepBackup) {
            const std::string previous = readWhole(target);
            replaceAtomically(previous, target.parent_path() / (target.filename().string() + "~"), &st);
        }
        if (exists && st.st_nlink > 1)
            rewriteInPlace(content, target);
        else
            replaceAtomically(content, target, exists ? &st : nullptr);
    } catch (const SaveFailure& e) {
        throw std::runtime_error("cannot save " + path.string() + ": " + e.what());
    }
}

}  // namespace mlrig
