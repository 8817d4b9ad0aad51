#pragma once

// What makes a file on disk "the same file" for the document: its canonical path, the device
// and inode it lives on, and a SHA-256 of its bytes. The DocumentController keeps the identity of
// the file as it was opened or last saved, to notice a change made by another program or another
// mlrig window before a save overwrites it; the autosave records it, so a restore never binds the
// build to a different file that merely has the same name.

#include <QByteArray>
#include <QString>

namespace mlrig::ui {

struct FileIdentity {
    // Files above this size are not hashed (a build is far smaller; the reader refuses them).
    static constexpr qint64 kMaxHashedBytes = 64LL * 1024 * 1024;

    QString canonicalPath;  // absolute, symlinks resolved; the absolute path when it does not exist
    bool exists = false;    // a regular file (or a symlink to one) is there
    quint64 device = 0;     // st_dev / st_ino; both 0 where the platform has none
    quint64 inode = 0;
    QByteArray sha256;      // hex; empty when it could not be read (or is not a regular file)

    // Reads `path` now. Never blocks on a FIFO or a device: only regular files are hashed.
    static FileIdentity of(const QString& path);
    // The bytes' hash alone (hex), empty when the file is missing, unreadable or not regular.
    static QByteArray hashOf(const QString& path);

    bool hasInode() const { return device != 0 || inode != 0; }
    // Same file: the same device and inode, or the same content. An inode number can be reused
    // by a new file at the same path, which is why the document also compares the content before
    // it saves over the file.
    bool sameFileAs(const FileIdentity& other) const;
};

}  // namespace mlrig::ui
