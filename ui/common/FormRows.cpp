#include "ui/common/FormRows.h"

#include <QFormLayout>
#include <QLabel>

namespace mlrig::ui {

namespace {

QLabel* buddyLabel(const QString& text, QWidget* buddy)
{
    auto* label = new QLabel(text, buddy->parentWidget());
    label->setBuddy(buddy);
    return label;
}

}  // namespace

QLabel* addBuddyRow(QFormLayout* form, const QString& text, QWidget* field)
{
    QLabel* label = buddyLabel(text, field);
    form->addRow(label, field);
    return label;
}

QLabel* addBuddyRow(QFormLayout* form, const QString& text, QWidget* buddy, QLayout* row)
{
    QLabel* label = buddyLabel(text, buddy);
    form->addRow(label, row);
    return label;
}

}  // namespace mlrig::ui
