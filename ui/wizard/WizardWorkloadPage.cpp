#include "ui/wizard/WizardWorkloadPage.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QRadioButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

#include "ui/wizard/BuildWizard.h"
#include "ui/common/FormRows.h"
#include "ui/common/ProseLabel.h"
#include "ui/common/UiFormat.h"
#include "core/eval/ImageModelPresets.h"
#include "core/eval/WorkloadModel.h"

namespace mlrig::ui {

namespace {

struct KindChoice {
    WorkloadKind kind;
    const char* label;
    const char* hint;
};

// The context is the class name tr() uses at run time (namespace included), or the lookup misses.
const KindChoice kKinds[] = {
    {WorkloadKind::LlmInference, QT_TRANSLATE_NOOP("mlrig::ui::WizardWorkloadPage", "Run LLMs (chat, coding, agents)"),
     QT_TRANSLATE_NOOP("mlrig::ui::WizardWorkloadPage", "VRAM decides which models fit; memory bandwidth decides tokens/s.")},
    {WorkloadKind::LlmFineTune, QT_TRANSLATE_NOOP("mlrig::ui::WizardWorkloadPage", "Fine-tune LLMs (LoRA, QLoRA, full)"),
     QT_TRANSLATE_NOOP("mlrig::ui::WizardWorkloadPage", "Needs VRAM for weights, gradients and optimizer state; tensor throughput and bandwidth set the speed.")},
    {WorkloadKind::ImageGeneration, QT_TRANSLATE_NOOP("mlrig::ui::WizardWorkloadPage", "Generate images (Stable Diffusion, FLUX)"),
     QT_TRANSLATE_NOOP("mlrig::ui::WizardWorkloadPage", "12 GB holds SD 1.5, SDXL and SD 3.5 Medium; FLUX needs 16 GB in 8 bit. Tensor throughput sets images/min.")},
    {WorkloadKind::Training, QT_TRANSLATE_NOOP("mlrig::ui::WizardWorkloadPage", "Train models from scratch"),
     QT_TRANSLATE_NOOP("mlrig::ui::WizardWorkloadPage", "Tensor throughput first, then memory bandwidth; a second card adds most over NVLink or x16.")},
    {WorkloadKind::General, QT_TRANSLATE_NOOP("mlrig::ui::WizardWorkloadPage", "General ML, a bit of everything"),
     QT_TRANSLATE_NOOP("mlrig::ui::WizardWorkloadPage", "Ranks GPUs by FP16 tensor throughput and VRAM.")},
};

}  // namespace

WizardWorkloadPage::WizardWorkloadPage(BuildWizard* wizard) : QWizardPage(wizard), m_wizard(wizard)
{
    setObjectName(QStringLiteral("wizardWorkloadPage"));
    setTitle(tr("What will the machine do?"));
    setSubTitle(tr("Everything that follows is chosen for this: which GPU is worth its price depends on whether the "
                   "work is limited by memory or by compute."));
    auto* layout = new QVBoxLayout(this);
    m_kind = new QButtonGroup(this);
    for (const KindChoice& k : kKinds) {
        auto* radio = new QRadioButton(tr(k.label), this);
        radio->setObjectName(QStringLiteral("kind-") + qs(workloadKindId(k.kind)));
        radio->setToolTip(tr(k.hint));
        m_kind->addButton(radio, static_cast<int>(k.kind));
        layout->addWidget(radio);
        auto* hint = new QLabel(tr(k.hint), this);
        hint->setForegroundRole(QPalette::PlaceholderText);
        hint->setContentsMargins(24, 0, 0, 4);
        layout->addWidget(hint);
    }
    layout->addSpacing(8);

    auto* form = new QFormLayout;
    m_model = new QComboBox(this);
    m_model->setObjectName(QStringLiteral("wizardModel"));
    m_modelLabel = addBuddyRow(form, tr("&Model:"), m_model);
    m_quant = new QComboBox(this);
    m_quant->setObjectName(QStringLiteral("wizardQuant"));
    for (const QuantSpec& q : quantPresets()) {
        m_quant->addItem(tr("%1  (%2 bits per weight)").arg(qs(q.id), QLocale().toString(q.bitsPerWeight, 'g', 3)),
                         qs(q.id));
        m_quant->setItemData(m_quant->count() - 1, qs(q.note), Qt::ToolTipRole);
    }
    m_quantLabel = addBuddyRow(form, tr("&Quantization:"), m_quant);
    m_context = new QSpinBox(this);
    m_context->setObjectName(QStringLiteral("wizardContext"));
    m_context->setRange(512, 131072);
    m_context->setSingleStep(2048);
    m_context->setSuffix(tr(" tokens"));
    m_contextLabel = addBuddyRow(form, tr("&Context:"), m_context);
    m_method = new QComboBox(this);
    m_method->setObjectName(QStringLiteral("wizardMethod"));
    m_method->addItem(tr("QLoRA (4-bit base, adapters)"), static_cast<int>(FineTuneMethod::Qlora));
    m_method->addItem(tr("LoRA (16-bit base, adapters)"), static_cast<int>(FineTuneMethod::Lora));
    m_method->addItem(tr("Full fine-tune (all weights)"), static_cast<int>(FineTuneMethod::Full));
    m_methodLabel = addBuddyRow(form, tr("M&ethod:"), m_method);
    layout->addLayout(form);
    m_summary = addProseLabel(layout, this, ProseKind::Hint);
    layout->addStretch(1);

    connect(m_kind, &QButtonGroup::idClicked, this, [this] {
        updateVisibility();
        commit();
    });
    for (QComboBox* combo : {m_model, m_quant, m_method})
        connect(combo, &QComboBox::currentIndexChanged, this, &WizardWorkloadPage::commit);
    connect(m_context, &QSpinBox::valueChanged, this, &WizardWorkloadPage::commit);
}

void WizardWorkloadPage::initializePage()
{
    const Workload& w = m_wizard->goal().workload;
    const QSignalBlocker b1(m_kind), b2(m_quant), b3(m_context), b4(m_method);
    if (QAbstractButton* button = m_kind->button(static_cast<int>(w.kind)))
        button->setChecked(true);
    m_quant->setCurrentIndex(std::max(0, m_quant->findData(qs(w.quant))));
    m_context->setValue(w.context);
    m_method->setCurrentIndex(std::max(0, m_method->findData(static_cast<int>(w.method))));
    updateVisibility();
}

void WizardWorkloadPage::updateVisibility()
{
    const auto kind = static_cast<WorkloadKind>(m_kind->checkedId());
    const bool llm = kind == WorkloadKind::LlmInference || kind == WorkloadKind::LlmFineTune;
    const QString current = m_model->currentData().toString();
    {
        const QSignalBlocker block(m_model);
        m_model->clear();
        if (kind == WorkloadKind::ImageGeneration) {
            for (const ImageModelSpec& m : imageModelPresets())
                m_model->addItem(tr("%1  (%2×%3, %4 steps)").arg(qs(m.displayName)).arg(m.width).arg(m.height).arg(m.steps),
                                 qs(m.id));
        } else {
            if (kind == WorkloadKind::Training || kind == WorkloadKind::General)
                m_model->addItem(tr("No particular model"), QString());
            for (const ModelSpec& m : modelPresets())
                m_model->addItem(tr("%1  (%2B parameters)").arg(qs(m.displayName), QLocale().toString(m.paramsB, 'g', 4)),
                                 qs(m.id));
        }
        const QString wanted = current.isEmpty() ? qs(m_wizard->goal().workload.model) : current;
        m_model->setCurrentIndex(std::max(0, m_model->findData(wanted)));
    }
    m_model->setVisible(kind != WorkloadKind::General);
    m_modelLabel->setVisible(kind != WorkloadKind::General);
    m_quant->setVisible(kind == WorkloadKind::LlmInference);
    m_quantLabel->setVisible(kind == WorkloadKind::LlmInference);
    m_context->setVisible(llm);
    m_contextLabel->setVisible(llm);
    m_method->setVisible(kind == WorkloadKind::LlmFineTune);
    m_methodLabel->setVisible(kind == WorkloadKind::LlmFineTune);
}

void WizardWorkloadPage::commit()
{
    BuildGoal goal = m_wizard->goal();
    Workload& w = goal.workload;
    w.kind = static_cast<WorkloadKind>(std::max(0, m_kind->checkedId()));
    w.model = m_model->isVisible() || w.kind != WorkloadKind::General ? ss(m_model->currentData().toString()) : std::string();
    if (w.kind == WorkloadKind::General)
        w.model.clear();
    w.quant = ss(m_quant->currentData().toString());
    w.context = m_context->value();
    w.method = static_cast<FineTuneMethod>(m_method->currentData().toInt());
    m_wizard->setGoal(goal);
    if (const ModelSpec* m = findModelPreset(w.model); m && w.kind == WorkloadKind::LlmInference) {
        const QuantSpec* q = findQuantPreset(w.quant);
        const double weightsGb = m->paramsB * 1e9 * (q ? q->bitsPerWeight : 16) / 8 / kBytesPerGb;
        m_summary->setText(tr("%1 at %2 needs about %3 GB for its weights alone, before the context cache.")
                               .arg(qs(m->displayName), qs(w.quant))
                               .arg(weightsGb, 0, 'f', 1));
    } else {
        m_summary->clear();
    }
}

bool WizardWorkloadPage::validatePage()
{
    commit();
    return true;
}

}  // namespace mlrig::ui
