#include "ui/report/ReportPdfExport.h"

#include <QApplication>

#include <memory>

#include "ui/report/BuildReport.h"

namespace mlrig::ui {

bool exportBuildReportPdfHeadless(const Build& build, const Evaluation& evaluation, const Catalog& catalog,
                                  const std::string& path, std::string* error, std::string* warning)
{
    // Qt Charts draws through QGraphicsWidget, which needs a QApplication (not only a
    // QGuiApplication). "offscreen" needs no display server and still has real fonts.
    // Qt's platform chatter ("XDG_RUNTIME_DIR not set", font fallbacks) is noise on a CLI's
    // stderr; keep only critical messages while the report is drawn.
    static QtMessageHandler previous = nullptr;
    previous = qInstallMessageHandler([](QtMsgType type, const QMessageLogContext& context, const QString& message) {
        if ((type == QtCriticalMsg || type == QtFatalMsg) && previous)
            previous(type, context, message);
    });
    std::unique_ptr<QApplication> app;
    if (!QCoreApplication::instance()) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        static int argc = 1;
        static char arg0[] = "mlrig-cli";
        static char* argv[] = {arg0, nullptr};
        app = std::make_unique<QApplication>(argc, argv);
    }
    QString message;
    QString notice;
    const bool ok = writeBuildReportPdf(build, evaluation, catalog, QString::fromStdString(path), &message, {}, &notice);
    qInstallMessageHandler(previous);
    if (!ok && error)
        *error = message.toStdString();
    if (warning)
        *warning = notice.toStdString();
    return ok;
}

}  // namespace mlrig::ui
