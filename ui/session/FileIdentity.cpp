#include "ui/session/FileIdentity.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

namespace mlrig::ui {

QByteArray FileIdentity::hashOf(const QString& path)
{
    const QFileInfo info(path);
    // isFile() follows symlinks and is false for FIFOs, sockets and devices: opening a FIFO to
    // hash it would block until a writer came.
    if (!info.isFile() || info.size() > kMaxHashedBytes)
        return {};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    qint64 total = 0;
    char buffer[64 * 1024];
    for (;;) {
        const qint64 n = file.read(buffer, sizeof buffer);
        if (n < 0)
            return {};
        if (n == 0)
            break;
        total += n;
        if (total > kMaxHashedBytes)  // grew while being read
            return {};
        hash.addData(QByteArrayView(buffer, n));
    }
    return hash.result().toHex();
}

FileIdentity FileIdentity::of(const QString& path)
{
    FileIdentity id;
    const QFileInfo info(path);
    id.exists = info.isFile();
    id.canonicalPath = id.exists ? info.canonicalFilePath() : info.absoluteFilePath();
    if (!id.exists)
        return id;
#ifdef Q_OS_UNIX
    struct stat st {};
    if (::stat(QFile::encodeName(id.canonicalPath).constData(), &st) == 0) {
        id.device = static_cast<quint64>(st.st_dev);
        id.inode = static_cast<quint64>(st.st_ino);
    }
#endif
    id.sha256 = hashOf(id.canonicalPath);
    return id;
}

bool FileIdentity::sameFileAs(const FileIdentity& other) const
{
    if (!exists || !other.exists)
        return false;
    if (hasInode() && other.hasInode() && device == other.device && inode == other.inode)
        return true;
    // Replaced by a copy with the same bytes (a restore from a backup, an atomic save of the same
    // content): binding to it loses nothing.
    return !sha256.isEmpty() && sha256 == other.sha256;
}

}  // namespace mlrig::ui
