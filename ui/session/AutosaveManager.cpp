#include "ui/session/AutosaveManager.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QLockFile>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QUndoStack>
#include <QUuid>

#include <algorithm>

#include "ui/session/BuildSession.h"
#include "core/io/BuildDocument.h"

namespace mlrig::ui {

namespace {
const QString kPrefix = QStringLiteral("session-");
}  // namespace

AutosaveManager::AutosaveManager(BuildSession* session, const QString& directory, QObject* parent)
    : QObject(parent), m_session(session), m_dir(directory)
{
    QDir().mkpath(m_dir);
    m_id = QStringLiteral("%1-%2").arg(QCoreApplication::applicationPid()).arg(
        QUuid::createUuid().toString(QUuid::Id128).left(12));
    m_lock = std::make_unique<QLockFile>(pathFor(m_id, QStringLiteral(".lock")));
    m_lock->setStaleLockTime(0);
    if (!m_lock->tryLock(0))
        emit failed(tr("Autosave could not lock %1").arg(pathFor(m_id, QStringLiteral(".lock"))));
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] { writeNow(); });
    connect(m_session, &BuildSession::changed, this, &AutosaveManager::changed);
    connect(m_session->undoStack(), &QUndoStack::cleanChanged, this, [this](bool clean) {
        if (clean)
            clear();
        else
            changed();
    });
}

// Destroyed without a clean close (the window closes through clear()): the autosave, if any,
// stays for the next start, which finds the lock released and offers it.
AutosaveManager::~AutosaveManager() = default;

QString AutosaveManager::pathFor(const QString& id, const QString& suffix) const
{
    return QDir(m_dir).filePath(kPrefix + id + suffix);
}

QString AutosaveManager::buildPath() const
{
    return pathFor(m_id, QStringLiteral(".mlrig"));
}

void AutosaveManager::changed()
{
    if (m_session->undoStack()->isClean()) {
        clear();
        return;
    }
    // Debounced: each change restarts the countdown, but a build that keeps changing is still
    // written at least every three intervals.
    if (!m_timer.isActive())
        m_pendingSince.start();
    if (!m_timer.isActive() || m_pendingSince.elapsed() < 2 * static_cast<qint64>(m_intervalMs))
        m_timer.start(m_intervalMs);
}

bool AutosaveManager::writeNow()
{
    m_timer.stop();
    if (m_session->undoStack()->isClean())
        return true;
    try {
        saveBuildFile(m_session->build(), QFile::encodeName(buildPath()).toStdString());
    } catch (const std::exception& e) {
        if (!m_reportedFailure)
            emit failed(tr("Autosave failed: %1").arg(QString::fromUtf8(e.what())));
        m_reportedFailure = true;
        return false;
    }
    QJsonObject meta;
    meta[QStringLiteral("format")] = QStringLiteral("mlrig-autosave");
    meta[QStringLiteral("version")] = 1;
    meta[QStringLiteral("original_path")] = m_originalPath;
    meta[QStringLiteral("build_name")] = QString::fromStdString(m_session->build().name);
    meta[QStringLiteral("saved_at")] = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    meta[QStringLiteral("pid")] = QCoreApplication::applicationPid();
    QSaveFile file(pathFor(m_id, QStringLiteral(".json")));
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(meta).toJson()) < 0 || !file.commit()) {
        if (!m_reportedFailure)
            emit failed(tr("Autosave failed: %1").arg(file.errorString()));
        m_reportedFailure = true;
        return false;
    }
    m_reportedFailure = false;
    emit autosaved(buildPath());
    return true;
}

void AutosaveManager::clear()
{
    m_timer.stop();
    QFile::remove(buildPath());
    QFile::remove(pathFor(m_id, QStringLiteral(".json")));
}

QList<AutosaveEntry> AutosaveManager::orphans()
{
    QList<AutosaveEntry> out;
    const QStringList locks = QDir(m_dir).entryList({kPrefix + QStringLiteral("*.lock")}, QDir::Files);
    const QStringList builds = QDir(m_dir).entryList({kPrefix + QStringLiteral("*.mlrig")}, QDir::Files);
    QStringList ids;
    for (const QString& name : locks + builds) {
        const QString id = QFileInfo(name).completeBaseName().mid(kPrefix.size());
        if (id != m_id && !ids.contains(id))
            ids << id;
    }
    for (const QString& id : ids) {
        if (m_orphanLocks.count(id))
            continue;
        auto lock = std::make_unique<QLockFile>(pathFor(id, QStringLiteral(".lock")));
        lock->setStaleLockTime(0);  // only a dead owner makes a lock stale, never its age
        if (!lock->tryLock(0))
            continue;  // its window is still running
        const QString build = pathFor(id, QStringLiteral(".mlrig"));
        if (!QFileInfo::exists(build)) {
            // Ended before its first autosave: nothing to offer, tidy up.
            QFile::remove(pathFor(id, QStringLiteral(".json")));
            continue;  // the lock file goes with `lock`
        }
        AutosaveEntry entry;
        entry.id = id;
        entry.buildPath = build;
        entry.savedAt = QFileInfo(build).lastModified();
        QFile metaFile(pathFor(id, QStringLiteral(".json")));
        if (metaFile.open(QIODevice::ReadOnly)) {
            const QJsonObject meta = QJsonDocument::fromJson(metaFile.readAll()).object();
            entry.originalPath = meta.value(QStringLiteral("original_path")).toString();
            entry.buildName = meta.value(QStringLiteral("build_name")).toString();
            const QDateTime saved = QDateTime::fromString(meta.value(QStringLiteral("saved_at")).toString(), Qt::ISODateWithMs);
            if (saved.isValid())
                entry.savedAt = saved.toLocalTime();
        }
        m_orphanLocks[id] = std::move(lock);
        out << entry;
    }
    std::sort(out.begin(), out.end(), [](const AutosaveEntry& a, const AutosaveEntry& b) { return a.savedAt > b.savedAt; });
    return out;
}

void AutosaveManager::discardOrphan(const AutosaveEntry& entry)
{
    QFile::remove(pathFor(entry.id, QStringLiteral(".mlrig")));
    QFile::remove(pathFor(entry.id, QStringLiteral(".json")));
    m_orphanLocks.erase(entry.id);  // unlocking removes the lock file
}

void AutosaveManager::releaseOrphan(const AutosaveEntry& entry)
{
    m_orphanLocks.erase(entry.id);
}

QMessageBox* createRecoveryMessageBox(const AutosaveEntry& entry, QWidget* parent)
{
    const QString file = entry.originalPath.isEmpty() ? QObject::tr("an untitled build")
                                                      : QFileInfo(entry.originalPath).fileName();
    const QString name = entry.buildName.isEmpty() ? QString() : QStringLiteral(" (“%1”)").arg(entry.buildName.left(80));
    auto* box = new QMessageBox(parent);
    box->setIcon(QMessageBox::Question);
    box->setWindowTitle(QObject::tr("Restore unsaved build?"));
    box->setTextFormat(Qt::PlainText);  // file and build names are shown as typed, never as markup
    box->setText(QObject::tr("mlrig did not close normally last time. Unsaved changes to %1%2 were kept "
                             "automatically on %3.")
                     .arg(file, name, QLocale().toString(entry.savedAt, QLocale::LongFormat)));
    // Rich text made from escaped plain text: a file named "<i>x" is shown as typed.
    box->setInformativeText(QStringLiteral("<p>%1</p>").arg(
        (entry.originalPath.isEmpty()
            ? QObject::tr("Restore opens them as an unsaved build. Discard deletes the automatic copy.")
            : QObject::tr("Restore opens them as unsaved changes to %1; the file itself was not changed. Discard "
                          "deletes the automatic copy.")
                  .arg(QDir::toNativeSeparators(entry.originalPath)))
            .toHtmlEscaped()));
    QPushButton* restore = box->addButton(QObject::tr("&Restore"), QMessageBox::AcceptRole);
    restore->setObjectName(QStringLiteral("restoreButton"));
    box->addButton(QObject::tr("&Discard"), QMessageBox::DestructiveRole)->setObjectName(QStringLiteral("discardButton"));
    QPushButton* later = box->addButton(QObject::tr("&Not Now"), QMessageBox::RejectRole);
    later->setObjectName(QStringLiteral("laterButton"));
    box->setDefaultButton(restore);
    box->setEscapeButton(later);
    return box;
}

RecoveryChoice askRecovery(const AutosaveEntry& entry, QWidget* parent)
{
    std::unique_ptr<QMessageBox> box(createRecoveryMessageBox(entry, parent));
    box->exec();
    const QString clicked = box->clickedButton() ? box->clickedButton()->objectName() : QString();
    if (clicked == QStringLiteral("restoreButton"))
        return RecoveryChoice::Restore;
    if (clicked == QStringLiteral("discardButton"))
        return RecoveryChoice::Discard;
    return RecoveryChoice::Later;
}

}  // namespace mlrig::ui
