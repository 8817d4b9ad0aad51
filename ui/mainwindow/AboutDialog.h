#pragma once

// Help > About mlrig: version, licence and the data attributions the catalog's sources require.

#include <QDialog>

namespace mlrig::ui {

class AboutDialog : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(const QString& catalogInfo, QWidget* parent = nullptr);

    static QString attributionHtml();  // the required notices (also used by tests)
};

}  // namespace mlrig::ui
