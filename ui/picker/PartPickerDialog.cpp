#include "ui/picker/PartPickerDialog.h"

#include <algorithm>

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include "ui/picker/CustomPartDialog.h"
#include "core/advise/PartFilter.h"
#include "ui/picker/PartFilterProxy.h"
#include "ui/picker/PartTableModel.h"
#include "ui/picker/SpecFilterBar.h"
#include "ui/common/UiFormat.h"

namespace mlrig::ui {

namespace {

// Arrow keys in the search field move through the results; Enter picks.
class SearchKeyForwarder : public QObject {
public:
    SearchKeyForwarder(QTableView* view, QObject* parent) : QObject(parent), m_view(view) {}
    bool eventFilter(QObject*, QEvent* event) override
    {
        if (event->type() != QEvent::KeyPress)
            return false;
        auto* key = static_cast<QKeyEvent*>(event);
        switch (key->key()) {
        case Qt::Key_Down:
        case Qt::Key_Up:
        case Qt::Key_PageDown:
        case Qt::Key_PageUp:
            m_view->setFocus();
            QCoreApplication::sendEvent(m_view, event);
            return true;
        default:
            return false;
        }
    }

private:
    QTableView* m_view;
};

QString sortLabel_(PartSort sort)
{
    switch (sort) {
    case PartSort::Price:
        return PartPickerDialog::tr("Price (lowest first)");
    case PartSort::Value:
        return PartPickerDialog::tr("Value (most per dollar)");
    case PartSort::Vram:
        return PartPickerDialog::tr("VRAM (most first)");
    case PartSort::Wattage:
        return PartPickerDialog::tr("Wattage (most first)");
    case PartSort::Capacity:
        return PartPickerDialog::tr("Capacity (most first)");
    case PartSort::Speed:
        return PartPickerDialog::tr("Speed (fastest first)");
    }
    return {};
}

// What the search box suggests typing: a model the way people write it.
QString searchExample(Category category)
{
    switch (category) {
    case Category::Gpu:
        return QStringLiteral("rtx3090, 4060ti 16gb");
    case Category::Cpu:
        return QStringLiteral("7800x3d");
    case Category::Motherboard:
        return QStringLiteral("b650 wifi");
    case Category::Memory:
        return QStringLiteral("ddr5 64gb");
    case Category::Psu:
        return QStringLiteral("rm850x");
    case Category::Case:
        return QStringLiteral("meshify");
    case Category::Cooler:
        return QStringLiteral("nh-d15");
    case Category::Storage:
        return QStringLiteral("990 pro 2tb");
    }
    return {};
}

}  // namespace

PartPickerDialog::PartPickerDialog(const Catalog& catalog, Category category, const Build& build, int itemIndex,
                                   const EvaluationOptions& options, QWidget* parent)
    : QDialog(parent), m_category(category)
{
    setWindowTitle(tr("Choose %1").arg(categoryName(category)));
    m_filter = std::make_unique<PartFilter>(catalog, category, build, itemIndex, options);
    // The "Fits my build" column only when it says something: with nothing in the build to
    // conflict with, every row would read "yes" and take the names' room.
    const auto fits = m_filter->fits();
    const bool anyMisfit = std::any_of(fits.begin(), fits.end(), [](const PartFit& f) { return f.fit != Fit::Compatible; });
    m_model = new PartTableModel(catalog, category, anyMisfit ? std::vector<PartFit>(fits.begin(), fits.end()) : std::vector<PartFit>{},
                                 this);
    m_proxy = new PartFilterProxy(this);
    m_proxy->setSourceModel(m_model);

    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Search %1 by name or model, e.g. %2")
                                     .arg(categoryNameInText(category), searchExample(category)));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search"));
    top->addWidget(m_search, 1);
    m_onlyCompatible = new QCheckBox(tr("&Only compatible with my build"), this);
    m_onlyCompatible->setChecked(true);
    m_onlyCompatible->setToolTip(tr("Hide parts that would add an error to the build (wrong socket, does not fit, …). "
                                    "When off, they are listed with the reason in “Fits my build”."));
    top->addWidget(m_onlyCompatible);
    layout->addLayout(top);

    // Spec filters, then how equally relevant parts are ordered.
    auto* filters = new QHBoxLayout;
    m_specs = new SpecFilterBar(catalog, category, this);
    filters->addWidget(m_specs, 1);
    auto* sortLabel = new QLabel(tr("So&rt by"), this);
    m_sort = new QComboBox(this);
    for (PartSort sort : sortsFor(category))
        m_sort->addItem(sortLabel_(sort), static_cast<int>(sort));
    m_sort->setToolTip(tr("After relevance to the search: the order of equally relevant parts"));
    sortLabel->setBuddy(m_sort);
    filters->addWidget(sortLabel);
    filters->addWidget(m_sort);
    m_pricedFirst = new QCheckBox(tr("Price&d first"), this);
    m_pricedFirst->setChecked(true);
    m_pricedFirst->setToolTip(tr("List parts with a known price before those without one"));
    filters->addWidget(m_pricedFirst);
    layout->addLayout(filters);

    m_view = new QTableView(this);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setTabKeyNavigation(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int c = 1; c < m_model->columnCount(); ++c)
        m_view->setColumnWidth(c, std::max(70, m_view->fontMetrics().horizontalAdvance(m_model->headerData(c, Qt::Horizontal).toString()) + 28));
    m_view->setAccessibleName(tr("Parts"));
    if (m_model->fitColumn() >= 0)
        m_view->setColumnWidth(m_model->fitColumn(), m_view->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 24);
    // Rows come in core's ranked order until a column header is clicked; "Sort by" returns to it.
    m_proxy->showRanked();
    m_view->horizontalHeader()->setSortIndicatorShown(false);
    connect(m_view->horizontalHeader(), &QHeaderView::sectionClicked, this,
            [this] { m_view->horizontalHeader()->setSortIndicatorShown(!m_proxy->isRanked()); });
    layout->addWidget(m_view, 1);

    auto* bottom = new QHBoxLayout;
    m_count = new QLabel(this);
    bottom->addWidget(m_count, 1);
    m_saved = new QPushButton(tr("&My parts"), this);
    m_saved->setObjectName(QStringLiteral("savedPartsButton"));
    m_saved->setAutoDefault(false);
    m_saved->setToolTip(tr("Custom parts you made before"));
    m_saved->setMenu(new QMenu(m_saved));
    m_saved->hide();
    bottom->addWidget(m_saved);
    if (category == Category::Gpu) {
        // Several GPUs can be selected and compared side by side (Ctrl/Shift-click).
        m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
        m_compare = new QPushButton(tr("Com&pare Selected…"), this);
        m_compare->setObjectName(QStringLiteral("compareSelectedButton"));
        m_compare->setAutoDefault(false);
        m_compare->setToolTip(tr("Select 2 to 4 GPUs (Ctrl-click) to compare them side by side"));
        m_compare->setEnabled(false);
        bottom->addWidget(m_compare);
        connect(m_compare, &QPushButton::clicked, this, [this] {
            m_compared.clear();
            for (const QModelIndex& index : m_view->selectionModel()->selectedRows())
                if (const AnyPart* part = m_model->partAt(m_proxy->mapToSource(index).row()))
                    m_compared.push_back(part);
            if (m_compared.size() >= 2 && m_compared.size() <= 4)
                done(CompareRequested);
        });
        connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
            const auto n = m_view->selectionModel()->selectedRows().size();
            m_compare->setEnabled(n >= 2 && n <= 4);
        });
    }
    auto* custom = new QPushButton(tr("C&ustom part…"), this);
    custom->setAutoDefault(false);
    bottom->addWidget(custom);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Choose"));
    bottom->addWidget(buttons);
    layout->addLayout(bottom);

    m_search->installEventFilter(new SearchKeyForwarder(m_view, this));
    connect(m_search, &QLineEdit::textChanged, this, &PartPickerDialog::applyFilter);
    connect(m_search, &QLineEdit::returnPressed, this, &PartPickerDialog::pickCurrent);
    connect(m_onlyCompatible, &QCheckBox::toggled, this, &PartPickerDialog::applyFilter);
    connect(m_pricedFirst, &QCheckBox::toggled, this, &PartPickerDialog::applyFilter);
    connect(m_specs, &SpecFilterBar::changed, this, &PartPickerDialog::applyFilter);
    connect(m_sort, &QComboBox::currentIndexChanged, this, [this] {
        m_view->horizontalHeader()->setSortIndicatorShown(false);
        m_proxy->showRanked();
        applyFilter();
    });
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex& index) { pickRow(index.row()); });
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex& index) { pickRow(index.row()); });
    connect(custom, &QPushButton::clicked, this, &PartPickerDialog::openCustom);
    connect(buttons, &QDialogButtonBox::accepted, this, &PartPickerDialog::pickCurrent);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    applyFilter();
    resize(std::max(900, m_view->horizontalHeader()->length() + 300), 560);
    m_search->setFocus();
}

PartPickerDialog::~PartPickerDialog() = default;

void PartPickerDialog::applyFilter()
{
    PartQuery query;
    query.text = m_search->text().toStdString();
    query.criteria = m_specs->criteria();
    query.sort = static_cast<PartSort>(m_sort->currentData().toInt());
    query.pricedFirst = m_pricedFirst->isChecked();
    query.onlyCompatible = m_onlyCompatible->isChecked();
    const PartSearchResult result = m_filter->run(query);
    m_proxy->setRanking(result.rows);

    const int shown = m_proxy->rowCount();
    QStringList parts{tr("%1 of %2 shown").arg(shown).arg(m_model->rowCount())};
    if (result.hiddenIncompatible > 0)
        parts << tr("%1 hidden as incompatible").arg(result.hiddenIncompatible);
    if (result.merged > 0)
        parts << tr("%1 duplicate listings merged").arg(result.merged);
    QString text = parts.join(QStringLiteral(" · "));
    // Say what would help, and only what would.
    if (shown == 0 && result.hiddenIncompatible > 0)
        text += tr(" — nothing compatible matches; untick “Only compatible” to see the rest");
    else if (shown == 0 && !query.criteria.empty())
        text += tr(" — no part meets these filters; loosen them");
    else if (shown == 0 && !query.text.empty())
        text += tr(" — no %1 matches “%2”").arg(categoryNameInText(m_category), m_search->text().trimmed());
    m_count->setText(text);
    if (shown > 0 && !m_view->selectionModel()->hasSelection()) {
        m_view->selectRow(0);
        m_view->scrollToTop();
    }
}

void PartPickerDialog::pickRow(int proxyRow)
{
    const QModelIndex source = m_proxy->mapToSource(m_proxy->index(proxyRow, 0));
    if (!source.isValid())
        return;
    m_chosen = m_model->partAt(source.row());
    m_custom.reset();
    accept();
}

void PartPickerDialog::pickCurrent()
{
    const QModelIndex current = m_view->currentIndex();
    if (current.isValid())
        pickRow(current.row());
    else if (m_proxy->rowCount() > 0)
        pickRow(0);
}

void PartPickerDialog::setSavedCustomParts(std::vector<AnyPart> parts)
{
    m_savedParts = std::move(parts);
    QMenu* menu = m_saved->menu();
    menu->clear();
    for (size_t i = 0; i < m_savedParts.size(); ++i) {
        QString name = QString::fromStdString(infoOf(m_savedParts[i]).name).simplified();
        if (name.size() > 80)
            name = name.left(79) + QStringLiteral("…");
        name.replace(QLatin1Char('&'), QStringLiteral("&&"));
        menu->addAction(name, this, [this, i] {
            m_custom = m_savedParts[i];
            m_chosen = nullptr;
            accept();
        });
    }
    m_saved->setVisible(!m_savedParts.empty());
}

void PartPickerDialog::openCustom()
{
    CustomPartDialog dialog(m_category, this);
    dialog.setName(m_search->text());
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_custom = dialog.part();
    m_chosen = nullptr;
    accept();
}

}  // namespace mlrig::ui
