#pragma once

// Findings of the current Evaluation as a two-level tree: severity groups (errors, warnings,
// notes; empty groups are left out) with one child per finding.

#include <QAbstractItemModel>

#include <vector>

#include "core/eval/Evaluation.h"

namespace mlrig::ui {

class BuildSession;

class FindingsModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Role { RuleRole = Qt::UserRole + 1, SeverityRole, ExplanationRole, IsGroupRole };

    explicit FindingsModel(BuildSession* session, QObject* parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

    // Whether a finding with this rule id is currently shown (tests, status bar).
    bool hasRule(const QString& rule) const;
    int findingCount() const { return static_cast<int>(m_findings.size()); }

private:
    struct Group {
        Severity severity;
        std::vector<int> findings;  // indices into m_findings
    };
    void refresh();

    BuildSession* m_session;
    std::vector<Finding> m_findings;
    std::vector<Group> m_groups;
};

}  // namespace mlrig::ui
