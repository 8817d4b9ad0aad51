#pragma once

// Findings grouped by severity, with the selected finding's explanation below.

#include <QWidget>

class QLabel;
class QTreeView;

namespace mlrig::ui {

class BuildSession;
class FindingsModel;

class FindingsPanel : public QWidget {
    Q_OBJECT
public:
    explicit FindingsPanel(BuildSession* session, QWidget* parent = nullptr);

    FindingsModel* model() const { return m_model; }
    QTreeView* view() const { return m_view; }
    QLabel* explanation() const { return m_explanation; }

private:
    void refresh();
    void showExplanation();

    BuildSession* m_session;
    FindingsModel* m_model;
    QLabel* m_summary;
    QTreeView* m_view;
    QLabel* m_explanation;
};

}  // namespace mlrig::ui
