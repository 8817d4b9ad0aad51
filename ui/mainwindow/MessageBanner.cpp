#include "ui/mainwindow/MessageBanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>

#include "ui/common/UiFormat.h"

namespace mlrig::ui {

MessageBanner::MessageBanner(const QString& objectName, QWidget* parent) : QFrame(parent)
{
    setObjectName(objectName);
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    m_icon = new QLabel(this);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("bannerText"));
    m_text->setTextFormat(Qt::PlainText);  // file names and reasons as they are, never markup
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    m_buttons = new QHBoxLayout;
    m_buttons->setSpacing(4);
    layout->addLayout(m_buttons);
    setAccessibleName(tr("Notice"));
    hide();
}

void MessageBanner::showMessage(Severity severity, const QString& text)
{
    clearButtons();
    QPalette pal = palette();
    pal.setColor(QPalette::Window, rowTint(parentWidget() ? parentWidget()->palette() : pal, severity));
    setPalette(pal);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(severityIcon(severity).pixmap(size, size));
    m_text->setText(text);
    setAccessibleDescription(text);
    show();
}

QPushButton* MessageBanner::addButton(const QString& text, const QString& objectName, std::function<void()> onClick)
{
    auto* button = new QPushButton(text, this);
    button->setObjectName(objectName);
    connect(button, &QPushButton::clicked, this, [onClick = std::move(onClick)] { onClick(); });
    m_buttons->addWidget(button, 0, Qt::AlignTop);
    // A layout shows a new child of a visible widget only later (queued); the banner is meant
    // to be complete the moment it appears.
    if (isVisible())
        button->show();
    return button;
}

void MessageBanner::addDismissButton()
{
    addButton(tr("Dismiss"), QStringLiteral("dismissButton"), [this] { hide(); });
}

QString MessageBanner::text() const
{
    return m_text->text();
}

void MessageBanner::clearButtons()
{
    while (QLayoutItem* item = m_buttons->takeAt(0)) {
        if (QWidget* w = item->widget()) {
            w->hide();
            w->setObjectName(QString());
            w->deleteLater();  // may be the button whose click got us here
        }
        delete item;
    }
}

}  // namespace mlrig::ui
