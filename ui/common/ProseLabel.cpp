#include "ui/common/ProseLabel.h"

#include <QBoxLayout>
#include <QLabel>

#include "ui/common/UiFormat.h"

namespace mlrig::ui {

QLabel* addProseLabel(QBoxLayout* layout, QWidget* parent, ProseKind kind)
{
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    switch (kind) {
    case ProseKind::Plain:
        break;
    case ProseKind::Rich:
        label->setTextFormat(Qt::RichText);
        break;
    case ProseKind::Hint:
        label->setForegroundRole(QPalette::PlaceholderText);
        break;
    case ProseKind::Problem:
        label->setStyleSheet(QStringLiteral("color: %1").arg(severityColor(Severity::Error).name()));
        break;
    }
    layout->addWidget(label);
    return label;
}

}  // namespace mlrig::ui
