#pragma once

// The one way mlrig reads a file a user hands it: a build, a part list or price sheet to
// import, a model's config.json or GGUF file. Every entry point (GUI and CLI) goes through here,
// so every one of them gets the same answers:
// - only regular files are read (symlinks to one are fine). A device (/dev/zero), a FIFO, a
//   socket or a directory is refused at once, before any byte is read: the file is opened
//   non-blocking, so a FIFO with no writer cannot hang the app, and the check is made on the
//   opened descriptor, so the file cannot be swapped between the check and the read;
// - the size is checked before reading and enforced while reading: a file that grows past the
//   limit (a log being written, a file on a network share) is refused, never read without end.

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

namespace mlrig {

// Why a file cannot be read. what() is one sentence fragment without the path ("is a FIFO
// (named pipe), not a file"); callers put the file's name in front.
class InputFileError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// An open regular file, read from the start. Move-only; closes on destruction.
class InputFile {
public:
    // Throws InputFileError: missing, unreadable, or not a regular file.
    explicit InputFile(const std::filesystem::path& path);
    ~InputFile();
    InputFile(InputFile&& other) noexcept;
    InputFile& operator=(InputFile&& other) noexcept;
    InputFile(const InputFile&) = delete;
    InputFile& operator=(const InputFile&) = delete;

    // The size when it was opened.
    std::uintmax_t size() const { return m_size; }
    // Reads up to `count` bytes; returns fewer only at the end of the file. Throws on I/O errors.
    size_t read(char* buffer, size_t count);
    // Reads the rest of the file, at most `maxBytes` of it; more than that throws InputFileError:
    // "is 9.5 MB, more than the 8 MB limit for a build file" (`what` = "a build file"), or
    // "grew past the 8 MB limit for a build file while it was read".
    std::string readAll(std::uintmax_t maxBytes, std::string_view what);

private:
    int m_fd = -1;
    std::uintmax_t m_size = 0;
};

// Opens `path` and returns its content, refusing files over `maxBytes` (before reading when the
// size says so, and while reading when the file grows). Throws InputFileError.
std::string readInputFile(const std::filesystem::path& path, std::uintmax_t maxBytes, std::string_view what);

// "8 MB", "10 MB", "1.5 MB": a limit as the error messages and the README state it.
std::string describeMegabytes(std::uintmax_t bytes);

}  // namespace mlrig
