#pragma once

// A strip above the build (like KDE's KMessageWidget) for a condition that lasts until it is
// resolved: autosave not working, no lock on the open file, the file changed on disk. Unlike a
// status-bar message it does not time out, and unlike a dialog it does not block. The window
// shows and hides it as the condition comes and goes; the buttons are the ways out.

#include <QFrame>
#include <QString>

#include <functional>

#include "core/eval/Evaluation.h"

class QHBoxLayout;
class QLabel;
class QPushButton;

namespace mlrig::ui {

class MessageBanner : public QFrame {
    Q_OBJECT
public:
    explicit MessageBanner(const QString& objectName, QWidget* parent = nullptr);

    // Replaces the text and the buttons and shows the banner. Severity picks the tint and icon.
    void showMessage(Severity severity, const QString& text);
    // Adds a button (after showMessage); clicking it runs `onClick`.
    QPushButton* addButton(const QString& text, const QString& objectName, std::function<void()> onClick);
    // Adds the "Dismiss" button that hides the banner until the next showMessage().
    void addDismissButton();

    QString text() const;

private:
    void clearButtons();

    QLabel* m_icon;
    QLabel* m_text;
    QHBoxLayout* m_buttons;
};

}  // namespace mlrig::ui
