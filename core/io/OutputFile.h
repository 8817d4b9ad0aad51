#pragma once

// The one way mlrig writes a file the user chose: a saved build, an autosave, every export (CSV,
// Markdown, PDF) from the GUI and the CLI. What it promises:
// - atomic: the new content goes to a temporary file in the same folder, is synced to disk and
//   renamed over the old file, so a full disk or a crash leaves the previous file intact, never a
//   half-written one;
// - the file keeps its identity: a symlink is followed and its target replaced (the link stays a
//   link); the new file gets the old one's permission bits and, where the user may, its owner
//   and group; a file with other hard links is rewritten in place (after its old content is kept
//   in memory to put back if the write fails), so every name keeps seeing the same file;
// - optionally one backup of the previous version, "NAME~" beside it.

#include <filesystem>
#include <string_view>

namespace mlrig {

struct SaveOptions {
    // Keep the previous version as "NAME~" next to the file (one backup, replaced on each save).
    bool keepBackup = false;
};

// Throws std::runtime_error("cannot save PATH: reason") when it cannot; the old file is intact.
void writeFileSafely(std::string_view content, const std::filesystem::path& path, const SaveOptions& options = {});

// Where writeFileSafely(path) writes: the file at the end of any chain of symlinks (the path
// itself when it is not a link). Relative link targets are taken from the link's folder.
std::filesystem::path resolveSaveTarget(const std::filesystem::path& path);

// "NAME~" next to the resolved target: where the backup goes.
std::filesystem::path backupPathFor(const std::filesystem::path& path);

}  // namespace mlrig
