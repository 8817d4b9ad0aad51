#pragma once

// Autosave: a few seconds after an unsaved change the open build is written (atomically) to
// <app data>/autosave/session-<id>.mlrig, with session-<id>.json beside it (original file, time,
// build name). A clean save, a close or a discard removes it. Each running window holds
// session-<id>.lock (QLockFile) for its whole life, so at the next start an autosave whose lock
// is free belongs to a session that did not end cleanly (a crash, a kill, a power cut) and is
// offered for restore; one whose owner is still running (another mlrig window) is left alone.

#include <QDateTime>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <map>
#include <memory>

class QLockFile;
class QMessageBox;
class QWidget;

namespace mlrig::ui {

class BuildSession;

struct AutosaveEntry {
    QString id;            // session id
    QString buildPath;     // the autosaved .mlrig
    QString originalPath;  // the file the build belongs to; empty for an untitled build
    QString buildName;
    QDateTime savedAt;     // local time
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
    void setOriginalPath(const QString& path) { m_originalPath = path; }
    QString directory() const { return m_dir; }
    QString sessionId() const { return m_id; }
    QString buildPath() const;  // this session's autosave file (exists only while there is one)
    bool isPending() const { return m_timer.isActive(); }

    bool writeNow();  // writes the build now when it has unsaved changes; false on error
    void clear();     // removes this session's autosave (clean save, close, discard)

    // Autosaves of sessions that did not end cleanly, newest first. Each returned entry stays
    // locked by this window until it is discarded or released, so two windows starting at once
    // do not both offer it.
    QList<AutosaveEntry> orphans();
    void discardOrphan(const AutosaveEntry& entry);  // deletes its files
    void releaseOrphan(const AutosaveEntry& entry);  // keeps them for the next start

signals:
    void autosaved(const QString& path);
    void failed(const QString& message);

private:
    void changed();
    QString pathFor(const QString& id, const QString& suffix) const;

    BuildSession* m_session;
    QString m_dir;
    QString m_id;
    QString m_originalPath;
    int m_intervalMs = kDefaultIntervalMs;
    QTimer m_timer;
    QElapsedTimer m_pendingSince;
    std::unique_ptr<QLockFile> m_lock;
    std::map<QString, std::unique_ptr<QLockFile>> m_orphanLocks;
    bool m_reportedFailure = false;
};

// The restore prompt: Restore / Discard / Not now (keeps the autosave for the next start).
enum class RecoveryChoice { Restore, Discard, Later };
QMessageBox* createRecoveryMessageBox(const AutosaveEntry& entry, QWidget* parent);  // not shown yet
RecoveryChoice askRecovery(const AutosaveEntry& entry, QWidget* parent);             // modal

}  // namespace mlrig::ui
