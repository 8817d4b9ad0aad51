#include "ui/common/Translations.h"

#include <QCoreApplication>
#include <QTranslator>

namespace mlrig::ui {

bool installTranslations(QCoreApplication& app)
{
    // Owned by the application: a translator must live as long as any tr() may run.
    auto* plurals = new QTranslator(&app);
    if (!plurals->load(QStringLiteral(":/mlrig/translations/mlrig_en.qm"))) {
        delete plurals;
        return false;
    }
    return QCoreApplication::installTranslator(plurals);
}

}  // namespace mlrig::ui
