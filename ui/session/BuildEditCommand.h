#pragma once

#include <QUndoCommand>

#include "core/model/Build.h"

namespace mlrig::ui {

class BuildSession;

// One undoable edit: keeps the whole build before and after (Build is a value object).
class BuildEditCommand : public QUndoCommand {
public:
    BuildEditCommand(BuildSession* session, Build before, Build after, const QString& text, int mergeId);

    void undo() override;
    void redo() override;
    int id() const override { return m_mergeId; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    BuildSession* m_session;
    Build m_before;
    Build m_after;
    int m_mergeId;
};

}  // namespace mlrig::ui
