#include "ui/session/BuildEditCommand.h"

#include "ui/session/BuildSession.h"

namespace mlrig::ui {

BuildEditCommand::BuildEditCommand(BuildSession* session, Build before, Build after, const QString& text,
                                   int mergeId)
    : QUndoCommand(text), m_session(session), m_before(std::move(before)), m_after(std::move(after)),
      m_mergeId(mergeId)
{
}

void BuildEditCommand::undo()
{
    m_session->applyBuild(m_before);
}

void BuildEditCommand::redo()
{
    m_session->applyBuild(m_after);
}

bool BuildEditCommand::mergeWith(const QUndoCommand* other)
{
    if (other->id() != id() || m_mergeId < 0)
        return false;
    m_after = static_cast<const BuildEditCommand*>(other)->m_after;
    return true;
}

}  // namespace mlrig::ui
