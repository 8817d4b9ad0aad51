#include "ui/report/GlyphCoverage.h"

#include <QChar>
#include <QGlyphRun>
#include <QTextLayout>

#include <utility>

namespace mlrig::ui {

namespace {

// Characters that draw nothing by design (spaces, controls, joiners, bidi marks, combining marks
// and variation selectors, which attach to the character before them) are not checked: a font
// need not have a glyph for them.
bool drawsNothing(char32_t c)
{
    switch (QChar::category(c)) {
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Other_Surrogate:
    case QChar::Separator_Space:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
    case QChar::Mark_NonSpacing:
    case QChar::Mark_Enclosing:
        return true;
    default:
        return false;
    }
}

}  // namespace

GlyphCoverage::GlyphCoverage(QFont font) : m_font(std::move(font)) {}

bool GlyphCoverage::canDraw(char32_t c)
{
    if (drawsNothing(c))
        return true;
    if (const auto it = m_known.constFind(c); it != m_known.constEnd())
        return it.value();
    // Lay the character out as the report would: QTextLayout goes through the same font merging
    // (the family list, then the system fallbacks) as QPainter::drawText. A glyph that no font
    // has comes back as glyph 0, the font's "missing glyph" box.
    QTextLayout layout(QString::fromUcs4(&c, 1), m_font);
    layout.beginLayout();
    layout.createLine();
    layout.endLayout();
    bool found = false;
    for (const QGlyphRun& run : layout.glyphRuns())
        for (const quint32 glyph : run.glyphIndexes())
            found = found || glyph != 0;
    m_known.insert(c, found);
    return found;
}

void GlyphCoverage::check(const QString& text)
{
    for (const char32_t c : text.toUcs4())
        if (!canDraw(c))
            m_missing.insert(c);
}

QString GlyphCoverage::missingCodePoints(int max) const
{
    QStringList codes;
    for (const char32_t c : m_missing) {
        if (codes.size() == max)
            break;
        codes << QStringLiteral("U+%1").arg(static_cast<uint>(c), 4, 16, QLatin1Char('0')).toUpper();
    }
    QString out = codes.join(QStringLiteral(", "));
    const auto rest = static_cast<qsizetype>(m_missing.size()) - codes.size();
    if (rest > 0)
        out += QStringLiteral(" and %1 more").arg(rest);
    return out;
}

QString GlyphCoverage::notice() const
{
    if (complete())
        return {};
    return QStringLiteral("Some characters in this report could not be drawn because no installed font has them (%1). "
                          "Install a font that covers them (on Debian: fonts-noto-cjk for Chinese, Japanese and Korean) "
                          "and export again.")
        .arg(missingCodePoints());
}

}  // namespace mlrig::ui
