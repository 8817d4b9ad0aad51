#include "tests/support/Files.h"

#include <sys/resource.h>
#include <unistd.h>

#include <csignal>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <system_error>

namespace mlrig::testsupport {

TempDir::TempDir(std::string_view prefix)
{
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("mlrig-" + std::string(prefix) + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(path_);  // left behind by a crashed run with the same pid
    std::filesystem::create_directories(path_);
}

TempDir::~TempDir()
{
    std::error_code ignored;  // a destructor must not throw; a leftover temp folder is harmless
    std::filesystem::remove_all(path_, ignored);
}

const std::filesystem::path& processTempDir()
{
    // Never freed, so the exit handler can still read it after static destructors have run.
    static const std::filesystem::path* const dir = [] {
        const auto* path = new std::filesystem::path(std::filesystem::temp_directory_path() /
                                                     ("mlrig-process-" + std::to_string(::getpid())));
        std::filesystem::create_directories(*path);
        std::atexit([] {
            std::error_code ignored;
            std::filesystem::remove_all(processTempDir(), ignored);
        });
        return path;
    }();
    return *dir;
}

std::string readFile(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

bool writeFile(const std::filesystem::path& path, std::string_view bytes)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return static_cast<bool>(out.flush());
}

FileSizeLimit::FileSizeLimit(unsigned long bytes)
{
    previousHandler_ = std::signal(SIGXFSZ, SIG_IGN);
    rlimit limit{};
    ::getrlimit(RLIMIT_FSIZE, &limit);
    previousSoft_ = limit.rlim_cur;
    limit.rlim_cur = bytes;
    ::setrlimit(RLIMIT_FSIZE, &limit);
}

FileSizeLimit::~FileSizeLimit()
{
    rlimit limit{};
    ::getrlimit(RLIMIT_FSIZE, &limit);
    limit.rlim_cur = previousSoft_;
    ::setrlimit(RLIMIT_FSIZE, &limit);
    std::signal(SIGXFSZ, previousHandler_);
}

}  // namespace mlrig::testsupport
