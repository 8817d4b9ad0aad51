#pragma once

// Scratch directories and whole-file reads for tests that write real files.

#include <filesystem>
#include <string>
#include <string_view>

namespace mlrig::testsupport {

// A fresh, empty directory under the system temp directory, removed with everything in it when
// the object goes. The name carries the process id and a counter, so parallel CTest runs (one
// process a test) and several directories in one test never share a folder.
class TempDir {
public:
    explicit TempDir(std::string_view prefix = "test");
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path file(std::string_view name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

// One scratch directory for the whole process, made on first use and removed at exit: for files
// that outlive a scope (the CLI runner's captured output, a fuzzer's scratch file). CTest runs
// every test case in its own process, so no two test cases share it.
const std::filesystem::path& processTempDir();

// The file's bytes, or "" when it cannot be read (the caller's EXPECT says what was wanted).
std::string readFile(const std::filesystem::path& path);

// Writes bytes to path, replacing the file; true on success.
bool writeFile(const std::filesystem::path& path, std::string_view bytes);

// A full disk, simulated: while it lives, no file this process (or a child it starts) writes may
// grow past `bytes` (RLIMIT_FSIZE; SIGXFSZ is ignored, so a write fails with EFBIG instead of
// killing the process). Unlike a read-only folder it binds root too, so the tests run in CI's
// root chroot.
class FileSizeLimit {
public:
    explicit FileSizeLimit(unsigned long bytes);
    ~FileSizeLimit();
    FileSizeLimit(const FileSizeLimit&) = delete;
    FileSizeLimit& operator=(const FileSizeLimit&) = delete;

private:
    unsigned long previousSoft_ = 0;
    void (*previousHandler_)(int) = nullptr;
};

}  // namespace mlrig::testsupport
