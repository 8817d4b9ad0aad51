#include "ui/session/DocumentController.h"

#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QSettings>
#include <QUndoStack>

#include "core/catalog/UserDatabaseStore.h"
#include "core/io/BuildDocument.h"
#include "ui/session/BuildSession.h"

namespace mlrig::ui {

namespace {
const QString kRecentKey = QStringLiteral("recentFiles");
}  // namespace

DocumentController::DocumentController(const Catalog& catalog, const QString& autosaveDirectory, QObject* parent)
    : QObject(parent), m_catalog(catalog)
{
    m_session = new BuildSession(catalog, this);
    m_autosave = new AutosaveManager(m_session, autosaveDirectory, this);
    connect(m_autosave, &AutosaveManager::failed, this, [this](const QString& message) { emit statusMessage(message, 15000); });
    connect(m_session, &BuildSession::priceEntered, this, &DocumentController::rememberPrice);
}

DocumentController::~DocumentController()
{
    delete m_autosave;  // before the session it watches (children die in creation order)
    m_autosave = nullptr;
}

bool DocumentController::isModified() const
{
    return !m_session->undoStack()->isClean();
}

bool DocumentController::isBlank() const
{
    const Build& open = m_session->build();
    return m_file.isEmpty() && open.items.empty() && !open.workload;
}

void DocumentController::setCurrentFile(const QString& path)
{
    m_file = path;
    m_autosave->setOriginalPath(m_file);
    emit currentFileChanged(m_file);
}

void DocumentController::newBuild()
{
    m_session->reset(Build{});
    setCurrentFile(QString());
}

bool DocumentController::openFile(const QString& path)
{
    Build build;
    try {
        build = loadBuildFile(path.toStdString(), &m_catalog);
    } catch (const std::exception& e) {
        emit errorOccurred(tr("Could not open %1").arg(QFileInfo(path).fileName()),
                           tr("%1\n\nThe current build was left as it was.").arg(QString::fromUtf8(e.what())));
        return false;
    }
    m_session->reset(build);
    setCurrentFile(path);
    addRecent(path);
    emit statusMessage(tr("Opened %1").arg(path), 5000);
    return true;
}

bool DocumentController::saveTo(const QString& path)
{
    try {
        saveBuildFile(m_session->build(), path.toStdString());
    } catch (const std::exception& e) {
        // saveBuildFile() is atomic: a failed save leaves the previous file as it was.
        emit errorOccurred(tr("Could not save %1").arg(QFileInfo(path).fileName()),
                           tr("%1\n\nNothing was lost: %2 was not changed, and your changes are still open and "
                              "kept by autosave. Try File > Save As to save them somewhere else.")
                               .arg(QString::fromUtf8(e.what()),
                                    QFileInfo::exists(path) ? QFileInfo(path).fileName() : tr("the folder")));
        return false;
    }
    m_file = path;
    m_autosave->setOriginalPath(m_file);
    m_session->undoStack()->setClean();  // removes the autosave
    emit currentFileChanged(m_file);
    addRecent(path);
    emit statusMessage(tr("Saved %1").arg(path), 5000);
    return true;
}

void DocumentController::closeCleanly()
{
    m_autosave->clear();
}

QStringList DocumentController::recentFiles() const
{
    return QSettings().value(kRecentKey).toStringList();
}

void DocumentController::addRecent(const QString& path)
{
    QSettings settings;
    QStringList recent = settings.value(kRecentKey).toStringList();
    const QString abs = QFileInfo(path).absoluteFilePath();
    recent.removeAll(abs);
    recent.prepend(abs);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    settings.setValue(kRecentKey, recent);
    emit recentFilesChanged();
}

std::optional<AutosaveEntry> DocumentController::takeRecoveryCandidate()
{
    QList<AutosaveEntry> found = m_autosave->orphans();
    if (found.isEmpty())
        return std::nullopt;
    // One build per window: the newest is offered, older ones wait for the next start.
    const AutosaveEntry entry = found.takeFirst();
    for (const AutosaveEntry& older : found)
        m_autosave->releaseOrphan(older);
    return entry;
}

bool DocumentController::resolveRecovery(const AutosaveEntry& entry, RecoveryChoice choice)
{
    switch (choice) {
    case RecoveryChoice::Restore: return restoreAutosave(entry);
    case RecoveryChoice::Discard: m_autosave->discardOrphan(entry); break;
    case RecoveryChoice::Later: m_autosave->releaseOrphan(entry); break;
    }
    return false;
}

bool DocumentController::restoreAutosave(const AutosaveEntry& entry)
{
    Build build;
    try {
        build = loadBuildFile(QFile::encodeName(entry.buildPath).toStdString(), &m_catalog);
    } catch (const std::exception& e) {
        m_autosave->releaseOrphan(entry);  // kept: never deleted because it could not be read
        emit errorOccurred(tr("Could not restore the unsaved build"),
                           tr("%1\n\nThe automatic copy was kept as %2.").arg(QString::fromUtf8(e.what()), entry.buildPath));
        return false;
    }
    m_session->reset(build);
    m_session->undoStack()->resetClean();  // unsaved changes, as they were
    setCurrentFile(entry.originalPath);
    // This window's own autosave takes over before the old copy goes.
    if (m_autosave->writeNow())
        m_autosave->discardOrphan(entry);
    else
        m_autosave->releaseOrphan(entry);
    emit statusMessage(tr("Restored the unsaved build from %1").arg(QLocale().toString(entry.savedAt, QLocale::ShortFormat)),
                       15000);
    return true;
}

QString DocumentController::openUserData(const QString& path)
{
    OpenedUserDatabase opened = openUserDatabase(QFile::encodeName(path).toStdString());
    m_userDb = std::move(opened.database);
    return QString::fromStdString(opened.notice);
}

void DocumentController::choosePart(Category category, int itemIndex, const AnyPart& part, bool custom)
{
    BuildItem item;
    item.category = category;
    if (custom || infoOf(part).id.empty()) {
        item.custom = part;
        rememberCustomPart(category, part);
    } else {
        item.ref = infoOf(part).id;
        // The price the user gave this part before, in any build.
        try {
            if (m_userDb) {
                const auto remembered = m_userDb->price(item.ref);
                if (remembered && remembered->currency == m_session->build().currency)
                    item.price = remembered->price;
            }
        } catch (const std::exception&) {
            // Not remembering a price is no reason to refuse the pick.
        }
    }
    m_session->setPart(category, itemIndex, std::move(item));
}

void DocumentController::rememberPrice(const BuildItem& item)
{
    if (!m_userDb || item.ref.empty())
        return;
    try {
        if (item.price)
            m_userDb->setPrice({item.ref, *item.price, m_session->build().currency, {}});
        else
            m_userDb->removePrice(item.ref);
    } catch (const std::exception& e) {
        emit statusMessage(tr("Your price could not be remembered: %1").arg(QString::fromUtf8(e.what())), 10000);
    }
}

void DocumentController::rememberCustomPart(Category category, const AnyPart& part)
{
    if (!m_userDb)
        return;
    try {
        m_userDb->addCustomPart(std::string(categoryId(category)), serializeCustomPart(part));
    } catch (const std::exception& e) {
        emit statusMessage(tr("The custom part could not be remembered: %1").arg(QString::fromUtf8(e.what())), 10000);
    }
}

std::vector<AnyPart> DocumentController::savedCustomParts(Category category) const
{
    std::vector<AnyPart> out;
    if (!m_userDb)
        return out;
    try {
        for (const CustomPartRecord& r : m_userDb->customParts()) {
            if (r.category != categoryId(category))
                continue;
            try {
                out.push_back(parseCustomPart(category, r.json));
            } catch (const BuildFormatError&) {
                // A record this version cannot read is skipped, not deleted.
            }
        }
    } catch (const std::exception&) {
        // An unreadable database offers no saved parts; the picker still works.
    }
    return out;
}

}  // namespace mlrig::ui
