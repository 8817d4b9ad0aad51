#pragma once

// The look of the printed reports: page margins, colours, the font chain, and how user text is
// made safe to paint. Shared by the report's page machinery (ReportCanvas), its sections
// (BuildReportWriter) and its charts (ReportCharts).
//
// Layout works in points (1/72 inch) whatever the device resolution: the painter is scaled once
// and every font is given a pixel size, which the scale turns into points.

#include <QColor>
#include <QFont>
#include <QString>
#include <QTextOption>

#include <string_view>

#include "core/eval/Evaluation.h"

class QPainter;

namespace mlrig::ui::report {

constexpr double kMargin = 48;
constexpr double kFooterHeight = 28;

inline const QColor kInk(0x1f, 0x23, 0x28);
inline const QColor kMuted(0x5f, 0x66, 0x6d);
inline const QColor kRule(0xd0, 0xd7, 0xde);
inline const QColor kZebra(0xf6, 0xf8, 0xfa);
inline const QColor kAccent(0x1f, 0x6f, 0xb2);
inline const QColor kError(0xc6, 0x28, 0x28);
inline const QColor kWarning(0xd9, 0x82, 0x0b);
inline const QColor kNote(0x2f, 0x7d, 0x4f);

// User text (part and build names, which may hold anything) as the report shows it: control
// characters (tabs, line breaks, \x01) become spaces and very long text is cut with an ellipsis,
// so one name can never push a row past a page. The text is painted, never parsed as markup.
QString shown(std::string_view text, qsizetype maxChars);

// Word wrap that also breaks a word longer than the line (a 10,000-character name) instead of
// letting it run out of its cell.
QTextOption textOption(int flags);

// The family chain: DejaVu for Latin, Greek and Cyrillic (Debian's default, installed with
// fontconfig), then Noto Sans CJK (fonts-noto-cjk, which the package recommends and
// scripts/install-deps.sh installs) for Chinese, Japanese and Korean part names, then whatever
// fontconfig offers. Characters no font has are listed in the report (GlyphCoverage).
QFont font(double size, bool bold = false, bool mono = false);

// Paints `s` from (x, y) within `width`; returns the height it took.
double paintText(QPainter& p, double x, double y, double width, const QFont& f, const QColor& color, const QString& s,
                 int flags = Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap);

// The height paintText() would return for the same arguments, without painting.
double measureText(QPainter& p, double x, double y, double width, const QFont& f, const QString& s,
                   int flags = Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap);

QColor severityColor(Severity s);
QString severityPlural(Severity s);

}  // namespace mlrig::ui::report
