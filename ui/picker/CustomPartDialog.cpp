#include "ui/picker/CustomPartDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "ui/common/UiFormat.h"
#include "core/model/CustomPartFields.h"

namespace mlrig::ui {


CustomPartDialog::CustomPartDialog(Category category, QWidget* parent) : QDialog(parent), m_category(category)
{
    setWindowTitle(tr("Custom %1").arg(categoryName(category)));
    auto* layout = new QVBoxLayout(this);
    auto* hint = new QLabel(tr("Fill in what you know. Leave a value at “unknown” and mlrig will say which "
                               "checks it could not make."),
                            this);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    m_form = new QFormLayout;
    layout->addLayout(m_form);
    m_name = new QLineEdit(this);
    m_name->setAccessibleName(tr("Name"));
    m_name->setPlaceholderText(tr("Required"));
    // Room for a whole part name ("GeForce RTX 4090 Founders Edition"); every input takes this width.
    m_name->setMinimumWidth(m_name->fontMetrics().averageCharWidth() * 34);
    m_form->addRow(tr("&Name:"), m_name);

    // The inputs come from the table the .mlrig reader validates with, so the dialog offers
    // exactly what a document may say (every choice, the whole range).
    for (const CustomPartField& field : customPartFields(category)) {
        switch (field.kind) {
        case CustomPartField::Kind::Number:
        case CustomPartField::Kind::Integer: addNumber(field); break;
        case CustomPartField::Kind::Flag: addBool(field); break;
        case CustomPartField::Kind::Text: addText(field); break;
        case CustomPartField::Kind::List: addList(field); break;
        case CustomPartField::Kind::Choice: addChoice(field); break;
        }
    }

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton* ok = buttons->button(QDialogButtonBox::Ok);
    ok->setEnabled(false);
    connect(m_name, &QLineEdit::textChanged, ok, [ok](const QString& t) { ok->setEnabled(!t.trimmed().isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

void CustomPartDialog::setName(const QString& name)
{
    m_name->setText(name);
}

void CustomPartDialog::addRow(const CustomPartField& field, QWidget* editor)
{
    const QString name = qs(field.label);
    editor->setAccessibleName(name);
    m_form->addRow(tr("%1:").arg(name), editor);
}

void CustomPartDialog::addNumber(const CustomPartField& field)
{
    // One step below the smallest accepted value stands for "unknown".
    auto* spin = new QDoubleSpinBox(this);
    spin->setRange(field.min - 1, field.max);
    spin->setDecimals(field.kind == CustomPartField::Kind::Integer ? 0 : field.decimals);
    spin->setValue(spin->minimum());
    spin->setSpecialValueText(tr("unknown"));
    addRow(field, spin);
    m_fields.push_back({spin, [&field](AnyPart& p, QWidget* w) {
                            const double v = static_cast<QDoubleSpinBox*>(w)->value();
                            field.set(p, v < field.min ? CustomFieldValue() : CustomFieldValue(v));
                        }});
}

void CustomPartDialog::addText(const CustomPartField& field)
{
    auto* edit = new QLineEdit(this);
    addRow(field, edit);
    m_fields.push_back({edit, [&field](AnyPart& p, QWidget* w) {
                            field.set(p, static_cast<QLineEdit*>(w)->text().trimmed().toStdString());
                        }});
}

void CustomPartDialog::addList(const CustomPartField& field)
{
    auto* edit = new QLineEdit(this);
    edit->setPlaceholderText(tr("comma separated, e.g. ATX, Micro ATX"));
    addRow(field, edit);
    m_fields.push_back({edit, [&field](AnyPart& p, QWidget* w) {
                            std::vector<std::string> out;
                            for (const QString& s : static_cast<QLineEdit*>(w)->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
                                if (!s.trimmed().isEmpty())
                                    out.push_back(s.trimmed().toStdString());
                            field.set(p, std::move(out));
                        }});
}

void CustomPartDialog::addBool(const CustomPartField& field)
{
    auto* combo = new QComboBox(this);
    combo->addItems({tr("unknown"), tr("yes"), tr("no")});
    addRow(field, combo);
    m_fields.push_back({combo, [&field](AnyPart& p, QWidget* w) {
                            const int i = static_cast<QComboBox*>(w)->currentIndex();
                            field.set(p, i == 0 ? CustomFieldValue() : CustomFieldValue(i == 1));
                        }});
}

void CustomPartDialog::addChoice(const CustomPartField& field)
{
    auto* combo = new QComboBox(this);
    combo->addItem(tr("unknown"), QString());
    for (std::string_view id : field.choices)
        combo->addItem(qs(id), qs(id));
    addRow(field, combo);
    m_fields.push_back({combo, [&field](AnyPart& p, QWidget* w) {
                            const std::string id = static_cast<QComboBox*>(w)->currentData().toString().toStdString();
                            field.set(p, id.empty() ? CustomFieldValue() : CustomFieldValue(id));
                        }});
}

AnyPart CustomPartDialog::part() const
{
    AnyPart p = makeEmptyPart(m_category);
    infoOf(p).name = m_name->text().trimmed().toStdString();
    for (const Field& f : m_fields)
        f.apply(p, f.editor);
    return p;
}

}  // namespace mlrig::ui
