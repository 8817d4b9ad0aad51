#include "tests/support/qt/TranslatedText.h"

#include <QCoreApplication>

namespace mlrig::testsupport {

QString countedText(const char* context, const char* text, int n)
{
    return QCoreApplication::translate(context, text, nullptr, n);
}

}  // namespace mlrig::testsupport
