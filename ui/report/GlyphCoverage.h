#pragma once

// Which characters of a report no installed font can draw.
//
// Qt falls back from the report's font families to any installed font that has a glyph (through
// fontconfig), so a Japanese part name prints with Noto Sans CJK where that is installed. Where no
// font has the glyph, Qt draws an empty box or nothing, and a PDF would silently lose the text.
// The report checks every piece of user text first and says which characters it could not draw,
// in the document and to the caller, so that nobody reads a report that quietly dropped a name.
//
// Needs a QGuiApplication (the font database).

#include <QFont>
#include <QHash>
#include <QString>

#include <set>

namespace mlrig::ui {

class GlyphCoverage {
public:
    explicit GlyphCoverage(QFont font);

    // Records the characters of `text` that neither the font nor any fallback font has a glyph
    // for. Each distinct character is looked up once.
    void check(const QString& text);

    bool complete() const { return m_missing.empty(); }
    const std::set<char32_t>& missing() const { return m_missing; }

    // "U+65E5, U+672C, U+8A9E": at most `max` code points, then "and N more".
    QString missingCodePoints(int max = 12) const;

    // The sentence a document shows when characters are missing (what and how to fix it);
    // empty when every character can be drawn.
    QString notice() const;

    // True when some installed font (the report's own or a fallback) can draw `c`.
    bool canDraw(char32_t c);

private:
    QFont m_font;
    QHash<char32_t, bool> m_known;
    std::set<char32_t> m_missing;
};

}  // namespace mlrig::ui
