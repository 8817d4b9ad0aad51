#pragma once

// Form rows whose label is its field's buddy, so that the label's &-mnemonic (Alt+M for
// "&Model:") moves the keyboard focus to the field, on every form alike.

#include <QString>

class QFormLayout;
class QLabel;
class QLayout;
class QWidget;

namespace mlrig::ui {

// Adds "text: field" to `form`; the label (a child of the field's parent) is returned so that a
// page can hide or relabel the row.
QLabel* addBuddyRow(QFormLayout* form, const QString& text, QWidget* field);
// The same when the row holds more than the field (a field with a button beside it): `buddy`
// takes the focus, `row` is what the form shows.
QLabel* addBuddyRow(QFormLayout* form, const QString& text, QWidget* buddy, QLayout* row);

}  // namespace mlrig::ui
