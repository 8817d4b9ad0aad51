#pragma once

#include <QWizardPage>

class QTextBrowser;

namespace mlrig::ui {

class BuildWizard;

// Step 6: the full evaluation of the suggested build; Finish opens it in the main window.
class WizardReviewPage : public QWizardPage {
    Q_OBJECT
public:
    explicit WizardReviewPage(BuildWizard* wizard);

    void initializePage() override;
    bool isComplete() const override;
    QString reviewText() const;

private:
    BuildWizard* m_wizard;
    QTextBrowser* m_text;
};

}  // namespace mlrig::ui
