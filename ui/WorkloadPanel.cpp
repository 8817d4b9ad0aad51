#include "WorkloadPanel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

#include "BuildSession.h"
#include "MemoryBar.h"
#include "UiFormat.h"
#include "eval/WorkloadModel.h"

namespace mlrig::ui {

namespace {
constexpr int kMergeContext = 3001;
constexpr int kMergeBatch = 3002;
}  // namespace

WorkloadPanel::WorkloadPanel(BuildSession* session, QWidget* parent) : QWidget(parent), m_session(session)
{
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_kind = new QComboBox(this);
    m_kind->addItem(tr("None"), QString());
    m_kind->addItem(tr("LLM inference"), QStringLiteral("llm-inference"));
    m_kind->addItem(tr("LLM fine-tuning"), QStringLiteral("llm-finetune"));
    m_kind->addItem(tr("Image generation"), QStringLiteral("image-generation"));
    m_kind->addItem(tr("Training"), QStringLiteral("training"));
    m_kind->addItem(tr("General"), QStringLiteral("general"));
    m_kind->setAccessibleName(tr("Workload kind"));
    form->addRow(tr("&Workload:"), m_kind);

    m_model = new QComboBox(this);
    for (const ModelSpec& m : modelPresets())
        m_model->addItem(qs(m.displayName), qs(m.id));
    m_model->setAccessibleName(tr("Model"));
    form->addRow(tr("&Model:"), m_model);

    m_quant = new QComboBox(this);
    for (const QuantSpec& q : quantPresets()) {
        m_quant->addItem(QStringLiteral("%1 (%2 bits)").arg(qs(q.id)).arg(q.bitsPerWeight, 0, 'g', 3), qs(q.id));
        m_quant->setItemData(m_quant->count() - 1, qs(q.note), Qt::ToolTipRole);
    }
    m_quant->setAccessibleName(tr("Quantization"));
    form->addRow(tr("&Quantization:"), m_quant);

    auto* row = new QHBoxLayout;
    m_context = new QSpinBox(this);
    m_context->setRange(256, 1048576);
    m_context->setSingleStep(1024);
    m_context->setAccessibleName(tr("Context length in tokens"));
    m_context->setSuffix(tr(" tokens"));
    m_batch = new QSpinBox(this);
    m_batch->setRange(1, 256);
    m_batch->setAccessibleName(tr("Batch size"));
    auto* batchLabel = new QLabel(tr("&Batch:"), this);
    batchLabel->setBuddy(m_batch);
    row->addWidget(m_context, 1);
    row->addWidget(batchLabel);
    row->addWidget(m_batch);
    auto* contextLabel = new QLabel(tr("&Context:"), this);
    contextLabel->setBuddy(m_context);
    form->addRow(contextLabel, row);
    layout->addLayout(form);

    m_verdict = new QLabel(this);
    m_verdict->setWordWrap(true);
    m_verdict->setTextFormat(Qt::RichText);
    layout->addWidget(m_verdict);
    m_bar = new MemoryBar(this);
    layout->addWidget(m_bar);
    auto* speeds = new QFormLayout;
    m_decode = new QLabel(this);
    m_prefill = new QLabel(this);
    m_confidence = new QLabel(this);
    m_decode->setAccessibleName(tr("Decode speed"));
    m_prefill->setAccessibleName(tr("Prefill speed"));
    speeds->addRow(tr("Decode:"), m_decode);
    speeds->addRow(tr("Prefill:"), m_prefill);
    speeds->addRow(tr("Confidence:"), m_confidence);
    layout->addLayout(speeds);
    layout->addStretch(1);

    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] { commit(-1); });
    connect(m_model, &QComboBox::currentIndexChanged, this, [this] { commit(-1); });
    connect(m_quant, &QComboBox::currentIndexChanged, this, [this] { commit(-1); });
    connect(m_context, &QSpinBox::valueChanged, this, [this] { commit(kMergeContext); });
    connect(m_batch, &QSpinBox::valueChanged, this, [this] { commit(kMergeBatch); });
    connect(session, &BuildSession::changed, this, &WorkloadPanel::refresh);
    refresh();
}

void WorkloadPanel::commit(int mergeId)
{
    const QString kindId = m_kind->currentData().toString();
    if (kindId.isEmpty()) {
        m_session->setWorkload(std::nullopt, mergeId);
        return;
    }
    Workload w = m_session->build().workload.value_or(Workload{});
    w.kind = workloadKindFromId(kindId.toStdString()).value_or(WorkloadKind::LlmInference);
    if (m_model->currentIndex() >= 0)
        w.model = m_model->currentData().toString().toStdString();
    if (m_quant->currentIndex() >= 0)
        w.quant = m_quant->currentData().toString().toStdString();
    w.context = m_context->value();
    w.batch = m_batch->value();
    m_session->setWorkload(w, mergeId);
}

void WorkloadPanel::refresh()
{
    const auto& workload = m_session->build().workload;
    {
        const QSignalBlocker b1(m_kind), b2(m_model), b3(m_quant), b4(m_context), b5(m_batch);
        const Workload w = workload.value_or(Workload{});
        m_kind->setCurrentIndex(workload ? std::max(0, m_kind->findData(qs(workloadKindId(w.kind)))) : 0);
        int mi = m_model->findData(qs(w.model));
        if (mi < 0 && !w.model.empty()) {
            m_model->addItem(qs(w.model), qs(w.model));  // custom model named in the file
            mi = m_model->count() - 1;
        }
        m_model->setCurrentIndex(std::max(0, mi));
        m_quant->setCurrentIndex(std::max(0, m_quant->findData(qs(w.quant))));
        m_context->setValue(w.context);
        m_batch->setValue(w.batch);
    }
    const bool llm = workload && (workload->kind == WorkloadKind::LlmInference || workload->kind == WorkloadKind::LlmFineTune);
    m_model->setEnabled(workload.has_value());
    m_quant->setEnabled(llm);
    m_context->setEnabled(llm);
    m_batch->setEnabled(workload.has_value());

    const auto& est = m_session->evaluation().workload;
    const auto none = QStringLiteral("—");
    if (!workload || !est) {
        m_verdict->setText(tr("<i>Choose a workload to see whether it fits and how fast it runs.</i>"));
        m_bar->clear();
        m_bar->hide();
        m_decode->setText(none);
        m_prefill->setText(none);
        m_confidence->setText(none);
        m_confidence->setToolTip({});
        return;
    }
    if (est->vramAvailableGb <= 0) {
        m_verdict->setText(tr("<i>Add a GPU to see what it can run.</i> %1 needs about %2 GB of GPU memory.")
                               .arg(qs(est->modelName).toHtmlEscaped())
                               .arg(est->vramNeededGb, 0, 'f', 1));
    } else if (est->fits) {
        m_verdict->setText(tr("<b style='color:%1'>✔ Fits</b> — %2 needs %3 GB of %4 GB")
                               .arg(QColor(0x3c, 0x9a, 0x5f).name(), qs(est->modelName).toHtmlEscaped())
                               .arg(est->vramNeededGb, 0, 'f', 1)
                               .arg(est->vramAvailableGb, 0, 'f', 0));
    } else {
        QString text = tr("<b style='color:%1'>✘ Does not fit</b> — %2 needs %3 GB of %4 GB")
                           .arg(severityColor(Severity::Error).name(), qs(est->modelName).toHtmlEscaped())
                           .arg(est->vramNeededGb, 0, 'f', 1)
                           .arg(est->vramAvailableGb, 0, 'f', 0);
        if (!est->reason.empty())
            text += QStringLiteral("<br>") + qs(est->reason).toHtmlEscaped();
        m_verdict->setText(text);
    }
    m_bar->setBreakdown(est->memory, est->vramAvailableGb);
    m_bar->show();
    const auto speed = [&](const std::optional<double>& v, const QString& unit) {
        return v ? QStringLiteral("<b>%1</b> %2").arg(*v, 0, 'f', *v < 10 ? 1 : 0).arg(unit) : none;
    };
    if (est->decodeTokensPerS || est->prefillTokensPerS) {
        m_decode->setText(speed(est->decodeTokensPerS, tr("tokens/s")));
        m_prefill->setText(speed(est->prefillTokensPerS, tr("tokens/s")));
    } else if (est->figureValue) {
        m_decode->setText(QStringLiteral("<b>%1</b> %2").arg(*est->figureValue, 0, 'f', 1).arg(qs(est->figureOfMerit)));
        m_prefill->setText(none);
    } else {
        m_decode->setText(none);
        m_prefill->setText(none);
    }
    QString conf;
    switch (est->confidence) {
    case Confidence::High:
        conf = tr("high");
        break;
    case Confidence::Medium:
        conf = tr("medium");
        break;
    case Confidence::Low:
        conf = tr("low");
        break;
    }
    m_confidence->setText(conf + (est->assumptions.empty() ? QString() : tr(" (hover for assumptions)")));
    QStringList lines;
    for (const auto& a : est->assumptions)
        lines << QStringLiteral("• ") + qs(a);
    m_confidence->setToolTip(lines.join(QLatin1Char('\n')));
}

}  // namespace mlrig::ui
