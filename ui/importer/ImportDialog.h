#pragma once

// File > Import PCPartPicker List: reads a list (a text or Markdown file, or text pasted from
// the clipboard) with core's importer, shows every line with the catalog part it matched and how,
// and lets the user fix a line (another part of its category, or drop it) before OK. The dialog
// changes nothing itself: after accept() the caller takes build() and applies it through the
// session (one undoable step). Files are read by core's readImportFile (InputFile), so a FIFO,
// a device, a binary or an oversized file is refused with a message and the table is kept.

#include <QDialog>

#include <optional>

#include "core/catalog/Catalog.h"
#include "core/model/Build.h"

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace mlrig::ui {

class ImportLinesModel;

class ImportDialog : public QDialog {
    Q_OBJECT
public:
    explicit ImportDialog(const Catalog& catalog, QWidget* parent = nullptr);

    // Reads the list in `path`; false (and the reason shown, the table unchanged) when the file
    // cannot be read or is not a list.
    bool loadFile(const QString& path);
    // Reads the text box (after typing or pasting into it); false as for loadFile().
    bool readText();
    // Puts the clipboard's text into the text box and reads it.
    bool pasteFromClipboard();

    // The build with the user's corrections; none before a list was read.
    std::optional<Build> build() const;

    // Replaces the explanation at the top (File > Open says why it opened an import instead).
    void setIntro(const QString& text);

    // The last problem shown (empty when the last read worked). For tests and the caller.
    QString problem() const;

    // For tests and the screenshot.
    ImportLinesModel* linesModel() const { return m_model; }
    QTableView* linesView() const { return m_view; }
    QPlainTextEdit* textBox() const { return m_text; }
    QLineEdit* replacementSearch() const { return m_search; }
    QComboBox* replacementCombo() const { return m_replacement; }
    QPushButton* usePartButton() const { return m_use; }
    QPushButton* dropButton() const { return m_drop; }
    QPushButton* okButton() const;
    void selectLine(int row);

private:
    bool readList(const QString& text, const QString& origin);
    void showProblem(const QString& text);
    void updateSummary();
    void updateFixControls();
    void fillReplacements();
    int currentRow() const;
    void useSelectedPart();
    void toggleDrop();

    const Catalog& m_catalog;
    ImportLinesModel* m_model;
    QLabel* m_intro;
    QLineEdit* m_path;
    QPlainTextEdit* m_text;
    QLabel* m_problem;
    QLabel* m_summary;
    QTableView* m_view;
    QLineEdit* m_search;
    QComboBox* m_replacement;
    QPushButton* m_use;
    QPushButton* m_drop;
    QDialogButtonBox* m_buttons;
};

}  // namespace mlrig::ui
