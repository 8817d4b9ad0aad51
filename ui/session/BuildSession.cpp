#include "ui/session/BuildSession.h"

#include <QElapsedTimer>

#include <algorithm>

#include "ui/session/BuildEditCommand.h"
#include "ui/common/UiFormat.h"

namespace mlrig::ui {

BuildSession::BuildSession(const Catalog& catalog, QObject* parent) : QObject(parent), m_catalog(catalog)
{
    reevaluate();
}

void BuildSession::setOptions(const EvaluationOptions& options)
{
    m_options = options;
    reevaluate();
    emit changed();
}

void BuildSession::edit(const Build& next, const QString& text, int mergeId)
{
    if (next == m_build)
        return;
    m_undo.push(new BuildEditCommand(this, m_build, next, text, mergeId));
}

void BuildSession::reset(const Build& build)
{
    m_undo.clear();
    applyBuild(build);
    m_undo.setClean();
}

void BuildSession::applyBuild(const Build& build)
{
    m_build = build;
    reevaluate();
    emit changed();
}

void BuildSession::reevaluate()
{
    QElapsedTimer timer;
    timer.start();
    m_evaluation = evaluate(m_build, m_catalog, m_options);
    m_lastEvalNs = timer.nsecsElapsed();
}

void BuildSession::setPart(Category category, int itemIndex, BuildItem item)
{
    Build next = m_build;
    item.category = category;
    if (itemIndex >= 0 && itemIndex < static_cast<int>(next.items.size())) {
        BuildItem& old = next.items[static_cast<size_t>(itemIndex)];
        // Keep what the user set on the row that still applies to the new part.
        item.quantity = old.quantity;
        item.condition = old.condition;
        old = std::move(item);
    } else {
        // Keep the items in category order, like the table shows them.
        auto pos = std::find_if(next.items.begin(), next.items.end(), [category](const BuildItem& i) {
            return static_cast<int>(i.category) > static_cast<int>(category);
        });
        next.items.insert(pos, std::move(item));
    }
    edit(next, tr("Choose %1").arg(categoryName(category)));
}

void BuildSession::removeItem(int itemIndex)
{
    if (itemIndex < 0 || itemIndex >= static_cast<int>(m_build.items.size()))
        return;
    Build next = m_build;
    const Category category = next.items[static_cast<size_t>(itemIndex)].category;
    next.items.erase(next.items.begin() + itemIndex);
    edit(next, tr("Remove %1").arg(categoryName(category)));
}

void BuildSession::setQuantity(int itemIndex, int quantity)
{
    if (itemIndex < 0 || itemIndex >= static_cast<int>(m_build.items.size()) || quantity < 1)
        return;
    Build next = m_build;
    next.items[static_cast<size_t>(itemIndex)].quantity = quantity;
    edit(next, tr("Change quantity"));
}

void BuildSession::setPrice(int itemIndex, std::optional<double> price)
{
    if (itemIndex < 0 || itemIndex >= static_cast<int>(m_build.items.size()))
        return;
    Build next = m_build;
    next.items[static_cast<size_t>(itemIndex)].price = price;
    edit(next, tr("Change price"));
    emit priceEntered(next.items[static_cast<size_t>(itemIndex)]);
}

void BuildSession::setPowerLimit(int itemIndex, std::optional<double> watts)
{
    if (itemIndex < 0 || itemIndex >= static_cast<int>(m_build.items.size()))
        return;
    Build next = m_build;
    next.items[static_cast<size_t>(itemIndex)].powerLimitW = watts;
    edit(next, tr("Set GPU power limit"), 1000 + itemIndex);
}

void BuildSession::setWorkload(const std::optional<Workload>& workload, int mergeId)
{
    Build next = m_build;
    next.workload = workload;
    edit(next, tr("Change workload"), mergeId);
}

const AnyPart* BuildSession::partOf(const BuildItem& item) const
{
    return mlrig::partOf(item, m_catalog);
}

}  // namespace mlrig::ui
