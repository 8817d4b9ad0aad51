#include "ui/panels/FindingsModel.h"

#include <QFont>

#include "ui/session/BuildSession.h"
#include "ui/common/UiFormat.h"

namespace mlrig::ui {

namespace {
constexpr quintptr kGroupId = 0;
}

FindingsModel::FindingsModel(BuildSession* session, QObject* parent) : QAbstractItemModel(parent), m_session(session)
{
    refresh();
    connect(session, &BuildSession::changed, this, [this] {
        if (m_session->evaluation().findings == m_findings)
            return;  // nothing to redraw; keeps the selection while the user drags a slider
        beginResetModel();
        refresh();
        endResetModel();
    });
}

void FindingsModel::refresh()
{
    m_findings = m_session->evaluation().findings;
    m_groups.clear();
    for (Severity s : {Severity::Error, Severity::Warning, Severity::Note}) {
        Group g{s, {}};
        for (size_t i = 0; i < m_findings.size(); ++i)
            if (m_findings[i].severity == s)
                g.findings.push_back(static_cast<int>(i));
        if (!g.findings.empty())
            m_groups.push_back(std::move(g));
    }
}

bool FindingsModel::hasRule(const QString& rule) const
{
    const std::string r = rule.toStdString();
    return std::any_of(m_findings.begin(), m_findings.end(), [&](const Finding& f) { return f.rule == r; });
}

QModelIndex FindingsModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, kGroupId);
    return createIndex(row, column, static_cast<quintptr>(parent.row() + 1));
}

QModelIndex FindingsModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || child.internalId() == kGroupId)
        return {};
    return createIndex(static_cast<int>(child.internalId() - 1), 0, kGroupId);
}

int FindingsModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return static_cast<int>(m_groups.size());
    if (parent.column() != 0 || parent.internalId() != kGroupId)
        return 0;
    return static_cast<int>(m_groups[static_cast<size_t>(parent.row())].findings.size());
}

int FindingsModel::columnCount(const QModelIndex&) const
{
    return 1;
}

QVariant FindingsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.model() != this)
        return {};
    if (index.internalId() == kGroupId) {
        const Group& g = m_groups[static_cast<size_t>(index.row())];
        switch (role) {
        case Qt::DisplayRole:
        case Qt::AccessibleTextRole:
            return severityTitle(g.severity, static_cast<int>(g.findings.size()));
        case Qt::DecorationRole:
            return severityIcon(g.severity);
        case Qt::FontRole: {
            QFont font;
            font.setBold(true);
            return font;
        }
        case SeverityRole:
            return static_cast<int>(g.severity);
        case IsGroupRole:
            return true;
        default:
            return {};
        }
    }
    const Group& g = m_groups[static_cast<size_t>(index.internalId() - 1)];
    const Finding& f = m_findings[static_cast<size_t>(g.findings[static_cast<size_t>(index.row())])];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return qs(f.message);
    case Qt::DecorationRole:
        return severityIcon(f.severity);
    case Qt::ToolTipRole:
        // The finding's own words (the row may be cut off); the rule id only in small print, for
        // someone matching it against a script's JSON. The rule's general text is in the panel.
        return QStringLiteral("<p>%1</p><p><small>%2</small></p>")
            .arg(qs(f.message).toHtmlEscaped(), tr("Rule: %1").arg(qs(f.rule).toHtmlEscaped()));
    case RuleRole:
        return qs(f.rule);
    case SeverityRole:
        return static_cast<int>(f.severity);
    case ExplanationRole:
        return qs(ruleExplanation(f.rule));
    case IsGroupRole:
        return false;
    default:
        return {};
    }
}

QVariant FindingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (section == 0 && orientation == Qt::Horizontal && role == Qt::DisplayRole)
        return tr("Finding");
    return {};
}

Qt::ItemFlags FindingsModel::flags(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this)
        return Qt::NoItemFlags;
    if (index.internalId() == kGroupId)
        return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

}  // namespace mlrig::ui
