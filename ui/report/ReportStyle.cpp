#include "ui/report/ReportStyle.h"

#include <QPainter>
#include <QStringList>

#include <cmath>

#include "ui/common/QtText.h"
#include "core/util/VisibleText.h"

namespace mlrig::ui::report {

QString shown(std::string_view text, qsizetype maxChars)
{
    // Control and bidi characters as visible escapes (core/util/VisibleText.h): a name with a
    // right-to-left override must not print as another card's name.
    QString out = qs(visibleText(text));
    if (out.size() > maxChars)
        out = out.left(maxChars - 1) + QStringLiteral("\u2026");
    return out;
}

QTextOption textOption(int flags)
{
    QTextOption option(Qt::Alignment(flags & (Qt::AlignHorizontal_Mask | Qt::AlignVertical_Mask)));
    option.setWrapMode((flags & (Qt::TextWordWrap | Qt::TextWrapAnywhere)) ? QTextOption::WrapAtWordBoundaryOrAnywhere
                                                                          : QTextOption::NoWrap);
    return option;
}

QFont font(double size, bool bold, bool mono)
{
    QFont f;
    f.setFamilies(mono ? QStringList{QStringLiteral("DejaVu Sans Mono"), QStringLiteral("Liberation Mono"),
                                     QStringLiteral("Noto Sans Mono CJK JP"), QStringLiteral("Monospace")}
                       : QStringList{QStringLiteral("DejaVu Sans"), QStringLiteral("Liberation Sans"),
                                     QStringLiteral("Arial"), QStringLiteral("Noto Sans CJK JP"),
                                     QStringLiteral("Noto Sans CJK SC"), QStringLiteral("Sans Serif")});
    f.setPixelSize(static_cast<int>(std::lround(size)));
    f.setBold(bold);
    f.setHintingPreference(QFont::PreferNoHinting);
    // Qt 6.4 has no QFont::setFeature(): a letter spacing disables ligatures ("fi"), so text
    // copied or searched in the PDF (and pdftotext) reads "Certified", not "Certi\ufb01ed".
    f.setLetterSpacing(QFont::AbsoluteSpacing, 0.05);
    return f;
}

double paintText(QPainter& p, double x, double y, double width, const QFont& f, const QColor& color, const QString& s,
                 int flags)
{
    const double height = measureText(p, x, y, width, f, s, flags);
    p.setPen(color);
    p.drawText(QRectF(x, y, width, 1e6), s, textOption(flags));
    return height;
}

double measureText(QPainter& p, double x, double y, double width, const QFont& f, const QString& s, int flags)
{
    p.setFont(f);
    return p.boundingRect(QRectF(x, y, width, 1e6), s, textOption(flags)).height();
}

QColor severityColor(Severity s)
{
    switch (s) {
    case Severity::Error: return kError;
    case Severity::Warning: return kWarning;
    case Severity::Note: return kNote;
    }
    return kNote;
}

QString severityPlural(Severity s)
{
    switch (s) {
    case Severity::Error: return QStringLiteral("Errors");
    case Severity::Warning: return QStringLiteral("Warnings");
    case Severity::Note: return QStringLiteral("Notes");
    }
    return {};
}

}  // namespace mlrig::ui::report
