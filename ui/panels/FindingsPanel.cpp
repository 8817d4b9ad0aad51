#include "ui/panels/FindingsPanel.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QTreeView>
#include <QVBoxLayout>

#include "ui/session/BuildSession.h"
#include "ui/panels/FindingsModel.h"
#include "ui/common/ProseLabel.h"
#include "ui/common/UiFormat.h"

namespace mlrig::ui {

FindingsPanel::FindingsPanel(BuildSession* session, QWidget* parent) : QWidget(parent), m_session(session)
{
    auto* layout = new QVBoxLayout(this);
    m_summary = addProseLabel(layout, this);
    m_model = new FindingsModel(session, this);
    m_view = new QTreeView(this);
    m_view->setModel(m_model);
    m_view->setHeaderHidden(true);
    m_view->setRootIsDecorated(true);
    m_view->setWordWrap(true);
    m_view->setUniformRowHeights(false);
    m_view->setAlternatingRowColors(false);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAccessibleName(tr("Findings"));
    m_view->header()->setStretchLastSection(true);
    layout->addWidget(m_view, 1);
    m_explanation = new QLabel(this);
    m_explanation->setWordWrap(true);
    m_explanation->setTextFormat(Qt::RichText);
    m_explanation->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_explanation->setAccessibleName(tr("Why this matters"));
    m_explanation->setFrameShape(QFrame::StyledPanel);
    m_explanation->setMargin(6);
    m_explanation->setMinimumHeight(m_explanation->fontMetrics().height() * 6);
    m_explanation->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    layout->addWidget(m_explanation);

    connect(m_model, &QAbstractItemModel::modelReset, this, &FindingsPanel::refresh);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &FindingsPanel::showExplanation);
    refresh();
}

void FindingsPanel::refresh()
{
    m_view->expandAll();
    const Evaluation& eval = m_session->evaluation();
    const int errors = eval.count(Severity::Error);
    const int warnings = eval.count(Severity::Warning);
    const int notes = eval.count(Severity::Note);
    if (m_session->build().items.empty())
        m_summary->setText(tr("<i>Pick parts and mlrig checks that they fit together.</i>"));
    else if (errors + warnings == 0)
        m_summary->setText(tr("<b style='color:#3c9a5f'>✔</b> No problems found%1.")
                               .arg(notes ? tr(", %n note(s)", nullptr, notes) : QString()));
    else
        m_summary->setText(tr("<b>%1</b>, <b>%2</b>, %3")
                               .arg(tr("%n error(s)", nullptr, errors), tr("%n warning(s)", nullptr, warnings),
                                    tr("%n note(s)", nullptr, notes)));
    m_explanation->setText(tr("<i>Select a finding to see why it matters.</i>"));
}

void FindingsPanel::showExplanation()
{
    const QModelIndex index = m_view->currentIndex();
    if (!index.isValid() || index.data(FindingsModel::IsGroupRole).toBool()) {
        m_explanation->setText(tr("<i>Select a finding to see why it matters.</i>"));
        m_explanation->setToolTip(QString());
        return;
    }
    m_explanation->setText(QStringLiteral("%1<br><br><b>%2</b><br>%3")
                               .arg(index.data(Qt::DisplayRole).toString().toHtmlEscaped(), tr("Why it matters"),
                                    index.data(FindingsModel::ExplanationRole).toString().toHtmlEscaped()));
    // The rule id stays reachable (it is what mlrig-cli's JSON names) without being in the text.
    m_explanation->setToolTip(tr("Rule: %1").arg(index.data(FindingsModel::RuleRole).toString()));
}

}  // namespace mlrig::ui
