#pragma once

// The word-wrapped lines of prose that panels, wizard pages and dialogs put under their
// controls (verdicts, hints, problems). Made in one place so that they wrap, colour and read
// alike on every screen and under light and dark palettes.

class QBoxLayout;
class QLabel;
class QWidget;

namespace mlrig::ui {

enum class ProseKind {
    Plain,    // plain text
    Rich,     // HTML (verdicts with emphasis and lists)
    Hint,     // muted: explains a control, never a result
    Problem,  // error colour: why the page cannot go on
};

// A word-wrapped label of `kind`, child of `parent`, appended to `layout`.
QLabel* addProseLabel(QBoxLayout* layout, QWidget* parent, ProseKind kind = ProseKind::Plain);

}  // namespace mlrig::ui
