#include "ui/common/BackgroundJob.h"

#include <QCoreApplication>
#include <QEvent>
#include <QProgressDialog>
#include <QPromise>
#include <QTimer>

#include <algorithm>
#include <limits>

namespace mlrig::ui {

bool BackgroundJob::Control::cancelled() const
{
    return m_promise.isCanceled();
}

void BackgroundJob::Control::setProgress(long long done, long long total)
{
    // The dialog counts in int: scale huge totals down (QFutureInterface throttles the updates
    // it sends to the GUI thread, so calling this per step is cheap).
    const long long scale = std::max(1LL, total / std::numeric_limits<int>::max() + 1);
    m_promise.setProgressRange(0, static_cast<int>(total / scale));
    m_promise.setProgressValue(static_cast<int>(std::min(done, total) / scale));
}

BackgroundJob::BackgroundJob(QWidget* parent, const QString& label)
    : QObject(parent), m_parent(parent), m_label(label)
{
    m_pool.setMaxThreadCount(1);
    connect(&m_watcher, &QFutureWatcher<void>::finished, this, &BackgroundJob::onFinished);
}

BackgroundJob::~BackgroundJob()
{
    cancelAndWait();
    delete m_dialog;
}

void BackgroundJob::start(Work work)
{
    if (m_started)
        return;
    m_started = true;
    m_dialog = new QProgressDialog(m_label, tr("Cancel"), 0, 0, m_parent);
    m_dialog->setObjectName(QStringLiteral("backgroundJobProgress"));
    m_dialog->setWindowTitle(QCoreApplication::applicationName());
    m_dialog->setWindowModality(Qt::WindowModal);
    m_dialog->setAutoClose(false);
    m_dialog->setAutoReset(false);
    // Shown by m_showTimer, not by QProgressDialog's own estimate (which waits for a first
    // setValue() and may show a dialog for a job that is about to end).
    m_dialog->setMinimumDuration(std::numeric_limits<int>::max());
    m_dialog->hide();
    connect(m_dialog, &QProgressDialog::canceled, this, &BackgroundJob::cancel);
    connect(&m_watcher, &QFutureWatcher<void>::progressRangeChanged, m_dialog, &QProgressDialog::setRange);
    connect(&m_watcher, &QFutureWatcher<void>::progressValueChanged, m_dialog, &QProgressDialog::setValue);
    m_showTimer = new QTimer(this);
    m_showTimer->setSingleShot(true);
    connect(m_showTimer, &QTimer::timeout, this, &BackgroundJob::showDialog);

    auto promise = std::make_shared<QPromise<void>>();
    m_future = promise->future();
    m_watcher.setFuture(m_future);
    m_pool.start([promise, work = std::move(work)] {
        promise->start();
        Control control(*promise);
        work(control);
        promise->finish();
    });
    m_showTimer->start(kShowAfterMs);
}

void BackgroundJob::cancel()
{
    if (!isRunning() || m_cancelled)
        return;
    m_cancelled = true;
    m_future.cancel();
    if (m_dialog) {
        m_dialog->setLabelText(tr("Cancelling…"));
        m_dialog->setCancelButton(nullptr);  // pressed once is enough
    }
}

void BackgroundJob::cancelAndWait()
{
    if (!m_started)
        return;
    cancel();
    // The work may be waiting for the GUI thread (a chart painted there): deliver such calls,
    // which are queued on the application object, until the work has returned.
    while (!m_pool.waitForDone(10))
        QCoreApplication::sendPostedEvents(QCoreApplication::instance(), QEvent::MetaCall);
    m_watcher.disconnect(this);
}

void BackgroundJob::showDialog()
{
    if (isRunning() && m_dialog)
        m_dialog->show();
}

void BackgroundJob::onFinished()
{
    m_showTimer->stop();
    if (m_dialog)
        m_dialog->hide();
    emit finished(m_cancelled);
}

}  // namespace mlrig::ui
