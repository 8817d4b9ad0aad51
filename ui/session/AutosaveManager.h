#pragma once

// Autosave: a few seconds after an unsaved change the open build is written (atomically) to
// <app data>/autosave/session-<id>.mlrig, with session-<id>.json beside it (original file, time,
// build name). The original file is recorded by its absolute, canonical path with its identity
// (device, inode, SHA-256 of the bytes as last opened or saved; FileIdentity.h), so a restore can
// tell whether the file at that path is still the one the build belonged to. A clean save, a close or a discard removes it. Each running window holds
// session-<id>.lock (QLockFile) for its whole life, so at the next start an autosave whose lock
// is free belongs to a session that did not end cleanly (a crash, a kill, a power cut) and is
// offered for restore; one whose owner is still running (another mlrig window) is left alone.
//
// A write that fails, or the session lock that cannot be taken, is a problem() that lasts until
// it is resolved (the next write succeeds, the lock is taken, nothing unsaved is left), so the
// window can keep it in view rather than flash it in the status bar. A failed write is retried.

#include <QDateTime>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <map>
#include <memory>

#include "ui/session/FileIdentity.h"

class QLockFile;
class QMessageBox;
class QWidget;

namespace mlrig::ui {

class BuildSession;

struct AutosaveEntry {
    QString id;            // session id
    QString buildPath;     // the autosaved .mlrig
    QString originalPath;  // the file the build belongs to; empty for an untitled build. Absolute
                           // and canonical since identity was recorded; an older autosave may
                           // hold a relative path, which a restore never binds to.
    QString buildName;
    QDateTime savedAt;     // local time
    // The original file as it was when the build was opened or last saved (empty / false in an
    // autosave written before these were recorded).
    bool hasIdentity = false;
    quint64 originalDevice = 0;
    quint64 originalInode = 0;
    QByteArray originalSha256;

    bool originalIsRelative() const;
};

class AutosaveManager : public QObject {
    Q_OBJECT
public:
    static constexpr int kDefaultIntervalMs = 5000;

    // `directory` is created if needed. The session is watched for changes.
    AutosaveManager(BuildSession* session, const QString& directory, QObject* parent = nullptr);
    ~AutosaveManager() override;

    void setInterval(int ms) { m_intervalMs = ms; }  // tests use a few milliseconds
    int interval() const { return m_intervalMs; }
    // The file the build belongs to (empty: untitled) and its identity as opened or last saved.
    void setOriginal(const QString& path, const FileIdentity& identity);
    QString originalPath() const { return m_original.canonicalPath; }
    QString directory() const { return m_dir; }
    QString sessionId() const { return m_id; }
    QString buildPath() const;  // this session's autosave file (exists only while there is one)
    bool isPending() const { return m_timer.isActive(); }

    bool writeNow();  // writes the build now when it has unsaved changes; false on error
    void clear();     // removes this session's autosave (clean save, close, discard)

    // Why the build is not protected right now (a failed write, no session lock), for the
    // user; empty when all is well. problemChanged() follows every change of it.
    QString problem() const;

    // Autosaves of sessions that did not end cleanly, newest first. Each returned entry stays
    // locked by this window until it is discarded or released, so two windows starting at once
    // do not both offer it.
    QList<AutosaveEntry> orphans();
    void discardOrphan(const AutosaveEntry& entry);  // deletes its files
    void releaseOrphan(const AutosaveEntry& entry);  // keeps them for the next start

signals:
    void autosaved(const QString& path);
    void failed(const QString& message);  // once per run of failures
    void problemChanged(const QString& problem);

private:
    void changed();
    QString pathFor(const QString& id, const QString& suffix) const;
    bool ensureLocked();
    void setWriteProblem(const QString& problem);

    BuildSession* m_session;
    QString m_dir;
    QString m_id;
    FileIdentity m_original;
    bool m_hasOriginal = false;
    int m_intervalMs = kDefaultIntervalMs;
    QTimer m_timer;
    QTimer m_retry;  // after a failed write: tried again without waiting for the next change
    QElapsedTimer m_pendingSince;
    std::unique_ptr<QLockFile> m_lock;
    std::map<QString, std::unique_ptr<QLockFile>> m_orphanLocks;
    bool m_reportedFailure = false;
    QString m_lockProblem;
    QString m_writeProblem;
};

// The restore prompt: Restore / Discard / Not now (keeps the autosave for the next start).
enum class RecoveryChoice { Restore, Discard, Later };
QMessageBox* createRecoveryMessageBox(const AutosaveEntry& entry, QWidget* parent);  // not shown yet
RecoveryChoice askRecovery(const AutosaveEntry& entry, QWidget* parent);             // modal

}  // namespace mlrig::ui
