#pragma once

// A long job (a PDF report of a 10,000-line build) off the GUI thread, so the window keeps
// repainting and answering, with a progress dialog and Cancel (issue 16, README "Your data is
// safe").
//
// The work runs on a thread of the job's own pool and must not touch widgets: it gets copies of
// what it reads (a snapshot of the build, so an edit meanwhile cannot change what is exported)
// and reports through Control. The dialog appears only when the work takes longer than
// kShowAfterMs, so quick jobs do not flash a window. Cancel asks the work to stop; the work checks
// Control::cancelled() between steps and returns early, writing nothing. finished() comes on the
// GUI thread when the work has returned, whether it completed or stopped.
//
//     auto* job = new BackgroundJob(window, tr("Writing the PDF report…"));
//     connect(job, &BackgroundJob::finished, window, [=](bool cancelled) { ...; job->deleteLater(); });
//     job->start([snapshot](BackgroundJob::Control& control) { ... control.setProgress(i, n) ...; });

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QProgressDialog>
#include <QString>
#include <QThreadPool>

#include <functional>
#include <memory>

class QTimer;
class QWidget;

template <typename T>
class QPromise;

namespace mlrig::ui {

class BackgroundJob : public QObject {
    Q_OBJECT
public:
    static constexpr int kShowAfterMs = 300;

    // What the work sees of the job; safe to use from the work's thread.
    class Control {
    public:
        explicit Control(QPromise<void>& promise) : m_promise(promise) {}
        bool cancelled() const;
        void setProgress(long long done, long long total);

    private:
        QPromise<void>& m_promise;
    };
    // Runs on the job's thread; it must not throw (catch and keep the error in what it returns).
    using Work = std::function<void(Control&)>;

    // The dialog is window-modal over `parent` and says `label`.
    BackgroundJob(QWidget* parent, const QString& label);
    // Stops the work and waits for it (see cancelAndWait()).
    ~BackgroundJob() override;

    // Starts `work` on the job's thread and returns at once. A job runs once.
    void start(Work work);
    bool isRunning() const { return m_started && !m_future.isFinished(); }
    // As the Cancel button: the work stops at its next step; finished(true) follows.
    void cancel();
    // Cancels and blocks until the work has returned (a closing window). While it waits, calls the
    // work posted to the GUI thread (a report's charts) are still run, so the two cannot deadlock.
    void cancelAndWait();
    // Null until the job starts; hidden during the first kShowAfterMs.
    QProgressDialog* progressDialog() const { return m_dialog; }

signals:
    // On the GUI thread once the work has returned; `cancelled` when Cancel stopped it.
    void finished(bool cancelled);

private:
    void onFinished();
    void showDialog();

    QPointer<QWidget> m_parent;
    QString m_label;
    QThreadPool m_pool;  // its own, so the destructor can wait for exactly this work
    QFuture<void> m_future;
    QFutureWatcher<void> m_watcher;
    QPointer<QProgressDialog> m_dialog;  // a child of the window, which may go first
    QTimer* m_showTimer = nullptr;
    bool m_started = false;
    bool m_cancelled = false;
};

}  // namespace mlrig::ui
