#pragma once

// UTF-8 std::string <-> QString, header-only so that every Qt target (the widgets, the PDF
// report that mlrig-cli links without them) converts text the same way.

#include <QString>

#include <string>
#include <string_view>

namespace mlrig::ui {

inline QString qs(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

inline std::string ss(const QString& text)
{
    return text.toStdString();
}

}  // namespace mlrig::ui
