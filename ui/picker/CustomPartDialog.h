#pragma once

// "Custom part…": a form with the fields of one category, built from core's custom-part field
// table (the one the .mlrig reader validates with). Empty numbers stay unknown; the result is a
// core AnyPart of that category.

#include <QDialog>

#include <functional>
#include <vector>

#include "core/catalog/Parts.h"

namespace mlrig {
struct CustomPartField;
}

class QFormLayout;
class QLineEdit;
class QWidget;

namespace mlrig::ui {

class CustomPartDialog : public QDialog {
    Q_OBJECT
public:
    CustomPartDialog(Category category, QWidget* parent = nullptr);

    AnyPart part() const;
    void setName(const QString& name);

private:
    struct Field {
        QWidget* editor;
        std::function<void(AnyPart&, QWidget*)> apply;
    };
    // One input per field of the category's CustomPartField table (core/model/CustomPartFields.h).
    void addRow(const CustomPartField& field, QWidget* editor);
    void addNumber(const CustomPartField& field);
    void addText(const CustomPartField& field);
    void addList(const CustomPartField& field);
    void addBool(const CustomPartField& field);
    void addChoice(const CustomPartField& field);

    Category m_category;
    QFormLayout* m_form;
    QLineEdit* m_name;
    std::vector<Field> m_fields;
};

}  // namespace mlrig::ui
