#pragma once

// "Custom part…": a form with the fields of one category (DESIGN.md custom fields). Empty
// numbers stay unknown; the result is a core AnyPart of that category.

#include <QDialog>

#include <functional>
#include <vector>

#include "core/catalog/Parts.h"

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
    void addNumber(const QString& label, double max, int decimals, std::function<void(AnyPart&, std::optional<double>)> set);
    void addText(const QString& label, std::function<void(AnyPart&, const std::string&)> set);
    void addList(const QString& label, std::function<void(AnyPart&, std::vector<std::string>)> set);
    void addBool(const QString& label, std::function<void(AnyPart&, std::optional<bool>)> set);
    void addChoice(const QString& label, const QStringList& ids, std::function<void(AnyPart&, const std::string&)> set);

    Category m_category;
    QFormLayout* m_form;
    QLineEdit* m_name;
    std::vector<Field> m_fields;
};

}  // namespace mlrig::ui
