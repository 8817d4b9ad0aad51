#include "tests/support/qt/OffscreenApp.h"

#include <QByteArray>
#include <QtGlobal>

namespace mlrig::testsupport {

void preferOffscreenPlatform()
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
}

}  // namespace mlrig::testsupport
