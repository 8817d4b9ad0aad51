#include "ui/importer/ImportDialog.h"

#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

#include "ui/common/ProseLabel.h"
#include "ui/common/QtText.h"
#include "ui/importer/ImportLinesModel.h"
#include "core/io/ImportSource.h"
#include "core/io/NameMatcher.h"
#include "core/io/PcPartPickerImport.h"

namespace mlrig::ui {

namespace {

// How many catalog parts the replacement list offers for one search: more than anyone scrolls
// through; the search field narrows it.
constexpr size_t kMaxReplacements = 300;

}  // namespace

ImportDialog::ImportDialog(const Catalog& catalog, QWidget* parent)
    : QDialog(parent)
    , m_catalog(catalog)
    , m_model(new ImportLinesModel(catalog, this))
{
    setObjectName(QStringLiteral("importDialog"));
    setWindowTitle(tr("Import PCPartPicker List"));
    auto* layout = new QVBoxLayout(this);

    m_intro = addProseLabel(layout, this, ProseKind::Hint);
    m_intro->setObjectName(QStringLiteral("importIntro"));
    m_intro->setText(tr("Choose a part list saved from PCPartPicker (text or Markdown), or paste it below. Every "
                      "line is matched to the catalog; check the matches, change or drop a line, then OK opens "
                      "the build as a new, unsaved build."));

    auto* fileRow = new QHBoxLayout;
    auto* fileLabel = new QLabel(tr("&File:"), this);
    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("importPath"));
    m_path->setReadOnly(true);
    m_path->setPlaceholderText(tr("No file chosen"));
    fileLabel->setBuddy(m_path);
    auto* browse = new QPushButton(tr("&Choose File…"), this);
    browse->setObjectName(QStringLiteral("chooseFileButton"));
    browse->setAutoDefault(false);
    fileRow->addWidget(fileLabel);
    fileRow->addWidget(m_path, 1);
    fileRow->addWidget(browse);
    layout->addLayout(fileRow);

    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("listText"));
    m_text->setPlaceholderText(tr("CPU: AMD Ryzen 9 7950X 4.5 GHz 16-Core Processor  ($499.00 @ Amazon)\n"
                                  "Video Card: …"));
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setMaximumHeight(110);
    layout->addWidget(m_text);
    auto* textRow = new QHBoxLayout;
    auto* paste = new QPushButton(tr("&Paste"), this);
    paste->setObjectName(QStringLiteral("pasteButton"));
    paste->setToolTip(tr("Put the clipboard's text in the box and read it"));
    paste->setAutoDefault(false);
    auto* read = new QPushButton(tr("&Read List"), this);
    read->setObjectName(QStringLiteral("readButton"));
    read->setToolTip(tr("Read the text in the box (after typing or editing it)"));
    read->setAutoDefault(false);
    textRow->addWidget(paste);
    textRow->addWidget(read);
    textRow->addStretch(1);
    layout->addLayout(textRow);

    m_problem = addProseLabel(layout, this, ProseKind::Problem);
    m_problem->setObjectName(QStringLiteral("importProblem"));
    m_problem->hide();
    m_summary = addProseLabel(layout, this, ProseKind::Plain);
    m_summary->setObjectName(QStringLiteral("importSummary"));

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("importLines"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(ImportLinesModel::LineColumn, QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(ImportLinesModel::PartColumn, QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(ImportLinesModel::MatchColumn, QHeaderView::Interactive);
    m_view->horizontalHeader()->resizeSection(ImportLinesModel::MatchColumn, 260);
    m_view->horizontalHeader()->setSectionResizeMode(ImportLinesModel::QuantityColumn, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(ImportLinesModel::PriceColumn, QHeaderView::ResizeToContents);
    layout->addWidget(m_view, 1);

    // Fixing the selected line: search the catalog of its category, pick, use; or drop it.
    auto* fixRow = new QHBoxLayout;
    auto* searchLabel = new QLabel(tr("Replace &with:"), this);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("replacementSearch"));
    m_search->setPlaceholderText(tr("Search the catalog"));
    m_search->setClearButtonEnabled(true);
    searchLabel->setBuddy(m_search);
    m_replacement = new QComboBox(this);
    m_replacement->setObjectName(QStringLiteral("replacementCombo"));
    m_replacement->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_replacement->setMinimumContentsLength(40);
    m_use = new QPushButton(tr("&Use Part"), this);
    m_use->setObjectName(QStringLiteral("usePartButton"));
    m_use->setAutoDefault(false);
    m_drop = new QPushButton(tr("&Drop Line"), this);
    m_drop->setObjectName(QStringLiteral("dropLineButton"));
    m_drop->setAutoDefault(false);
    fixRow->addWidget(searchLabel);
    fixRow->addWidget(m_search, 1);
    fixRow->addWidget(m_replacement, 2);
    fixRow->addWidget(m_use);
    fixRow->addWidget(m_drop);
    layout->addLayout(fixRow);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    okButton()->setText(tr("&Open as New Build"));
    layout->addWidget(m_buttons);

    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import PCPartPicker List"), m_path->text(),
                                                          tr("Part lists (*.txt *.md *.markdown);;All files (*)"));
        if (!path.isEmpty())
            loadFile(path);
    });
    connect(paste, &QPushButton::clicked, this, &ImportDialog::pasteFromClipboard);
    connect(read, &QPushButton::clicked, this, &ImportDialog::readText);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        m_search->clear();
        fillReplacements();
        updateFixControls();
    });
    connect(m_search, &QLineEdit::textChanged, this, &ImportDialog::fillReplacements);
    connect(m_use, &QPushButton::clicked, this, &ImportDialog::useSelectedPart);
    connect(m_drop, &QPushButton::clicked, this, &ImportDialog::toggleDrop);
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] {
        updateSummary();
        updateFixControls();
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    updateSummary();
    updateFixControls();
    resize(1100, 640);
}

QPushButton* ImportDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

std::optional<Build> ImportDialog::build() const
{
    return m_model->build();
}

void ImportDialog::setIntro(const QString& text)
{
    m_intro->setText(text);
}

QString ImportDialog::problem() const
{
    return m_problem->isHidden() ? QString() : m_problem->text();
}

bool ImportDialog::loadFile(const QString& path)
{
    const QString name = QFileInfo(path).fileName();
    std::string text;
    try {
        text = readImportFile(QFile::encodeName(path).toStdString());
    } catch (const ImportError& e) {
        showProblem(tr("%1 was not read: %2.").arg(name, qs(e.what())));
        return false;
    }
    if (!readList(qs(text), name))
        return false;
    m_path->setText(path);
    // The box shows what was read, so the user can edit a line and read it again.
    m_text->setPlainText(qs(text));
    return true;
}

bool ImportDialog::readText()
{
    return readList(m_text->toPlainText(), tr("The text"));
}

bool ImportDialog::pasteFromClipboard()
{
    const QString text = QGuiApplication::clipboard()->text();
    if (text.trimmed().isEmpty()) {
        showProblem(tr("The clipboard holds no text. Copy the list on PCPartPicker (the Markdown or text "
                       "export) first."));
        return false;
    }
    m_text->setPlainText(text);
    return readText();
}

bool ImportDialog::readList(const QString& text, const QString& origin)
{
    const QByteArray utf8 = text.toUtf8();
    const std::string_view view(utf8.constData(), static_cast<size_t>(utf8.size()));
    // A failed read keeps the table: the list read before (and the user's fixes to it) is not lost.
    const QString kept = m_model->hasResult() ? tr(" The table still shows the list read before.") : QString();
    try {
        const std::string_view checked = checkImportText(view);
        if (!looksLikePcPartPickerList(checked)) {
            showProblem(tr("%1 is not a PCPartPicker part list: no lines like \"CPU: <name> ($499.00 @ Shop)\" or "
                           "a \"Type|Item|Price\" table.")
                            .arg(origin) + kept);
            return false;
        }
        m_model->setResult(importPcPartPickerList(checked, m_catalog));
    } catch (const ImportError& e) {
        showProblem(tr("%1 was not imported: %2.").arg(origin, qs(e.what())) + kept);
        return false;
    }
    m_problem->clear();
    m_problem->hide();
    updateSummary();
    // Start on the first line that most needs a look: not matched, then closest match.
    int first = -1;
    for (MatchKind kind : {MatchKind::Unmatched, MatchKind::Fuzzy}) {
        for (int row = 0; row < m_model->rowCount() && first < 0; ++row)
            if (m_model->isEditable(row) && m_model->line(row).kind == kind)
                first = row;
    }
    selectLine(first >= 0 ? first : 0);
    m_view->setFocus();  // the lines are what to check next
    return true;
}

void ImportDialog::showProblem(const QString& text)
{
    m_problem->setText(text);
    m_problem->show();
}

void ImportDialog::updateSummary()
{
    const ImportResult* result = m_model->result();
    okButton()->setEnabled(result != nullptr);
    if (!result) {
        m_summary->setText(tr("No list read yet."));
        return;
    }
    QStringList parts;
    parts << tr("Same part by name: %1").arg(result->count(MatchKind::Exact) + result->count(MatchKind::Normalised))
          << tr("closest match: %1").arg(result->count(MatchKind::Fuzzy))
          << tr("not matched (kept as custom parts): %1").arg(result->count(MatchKind::Unmatched))
          << tr("skipped types: %1").arg(result->skippedCount());
    if (m_model->changedCount() > 0)
        parts << tr("changed by you: %1").arg(m_model->changedCount());
    QString text = parts.join(QStringLiteral(" · ")) + QLatin1Char('.');
    for (const std::string& w : result->warnings)
        text += QLatin1Char('\n') + tr("Warning: %1.").arg(qs(w));
    m_summary->setText(text);
}

int ImportDialog::currentRow() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void ImportDialog::selectLine(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    m_view->selectRow(row);
    m_view->setCurrentIndex(m_model->index(row, 0));
}

void ImportDialog::fillReplacements()
{
    m_replacement->clear();
    const int row = currentRow();
    if (!m_model->isEditable(row))
        return;
    const ImportLine& line = m_model->line(row);
    const Category category = *line.category;
    std::vector<const AnyPart*> offered;
    const QString search = m_search->text().trimmed();
    if (search.isEmpty()) {
        // Nothing typed: the part the line has now (or the closest one the matcher refused) first,
        // then the category's parts most like the line's name, so the likeliest fix is at the top
        // rather than the alphabetically first part.
        for (const std::string& id : {line.matchedId, line.closestId})
            if (const AnyPart* part = id.empty() ? nullptr : m_catalog.findById(id); part && offered.empty())
                offered.push_back(part);
        std::vector<std::pair<double, const AnyPart*>> ranked;
        for (const AnyPart& part : m_catalog.parts(category))
            if (offered.empty() || &part != offered.front())
                ranked.emplace_back(NameMatcher::similarity(line.itemName, infoOf(part).name), &part);
        const size_t keep = std::min(ranked.size(), kMaxReplacements);
        std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep), ranked.end(),
                          [](const auto& a, const auto& b) { return a.first > b.first; });
        for (size_t i = 0; i < keep; ++i)
            offered.push_back(ranked[i].second);
    } else {
        offered = m_catalog.search(category, ss(search), kMaxReplacements);
    }
    for (const AnyPart* part : offered)
        m_replacement->addItem(qs(infoOf(*part).name), qs(infoOf(*part).id));
    updateFixControls();
}

void ImportDialog::updateFixControls()
{
    const int row = currentRow();
    const bool editable = m_model->isEditable(row);
    m_search->setEnabled(editable);
    m_replacement->setEnabled(editable);
    m_use->setEnabled(editable && m_replacement->currentIndex() >= 0);
    m_drop->setEnabled(editable);
    m_drop->setText(m_model->isDropped(row) ? tr("&Keep Line") : tr("&Drop Line"));
}

void ImportDialog::useSelectedPart()
{
    const int row = currentRow();
    const AnyPart* part = m_catalog.findById(ss(m_replacement->currentData().toString()));
    if (part)
        m_model->replacePart(row, *part);
}

void ImportDialog::toggleDrop()
{
    const int row = currentRow();
    m_model->setDropped(row, !m_model->isDropped(row));
}

}  // namespace mlrig::ui
