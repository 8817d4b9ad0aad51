#include "ui/panels/WorkloadPanel.h"

#include <algorithm>

#include <QComboBox>
#include <QCompleter>
#include <QFileDialog>
#include <QStandardItemModel>
#include <QPushButton>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

#include "ui/session/BuildSession.h"
#include "ui/panels/MemoryBar.h"
#include "ui/common/FormRows.h"
#include "ui/common/ProseLabel.h"
#include "ui/common/UiFormat.h"
#include "core/catalog/UserDatabase.h"
#include "core/eval/ImageModelPresets.h"
#include "core/eval/WorkloadModel.h"
#include "core/io/ModelFile.h"

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

    // The model list: searchable (type any part of a name), grouped by family, each entry with
    // its size ("MoE, 30.5B total / 3.3B active") and context limit; aliases say which architecture
    // they share; "My models" holds a model added from a file.
    m_model = new QComboBox(this);
    m_model->setEditable(true);
    m_model->setInsertPolicy(QComboBox::NoInsert);
    m_model->completer()->setFilterMode(Qt::MatchContains);
    m_model->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_model->setMaxVisibleItems(20);
    m_model->setAccessibleName(tr("Model"));
    // Long model names ("Qwen3 235B-A22B (MoE, 235B total / 22B active), 128k") would set the
    // dock's minimum width; the list pops up as wide as it needs, the field stays narrow.
    m_model->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_model->setMinimumContentsLength(14);
    fillModels();
    m_addModel = new QPushButton(tr("Add model from &file..."), this);
    m_addModel->setToolTip(tr("A .gguf file (only its header is read) or a Hugging Face config.json"));
    auto* modelRow = new QHBoxLayout;
    modelRow->addWidget(m_model, 1);
    modelRow->addWidget(m_addModel);
    addBuddyRow(form, tr("&Model:"), m_model, modelRow);

    m_quant = new QComboBox(this);
    for (const QuantSpec& q : quantPresets()) {
        m_quant->addItem(tr("%1 (%2 bits)").arg(qs(q.id), QLocale().toString(q.bitsPerWeight, 'g', 3)), qs(q.id));
        m_quant->setItemData(m_quant->count() - 1, qs(q.note), Qt::ToolTipRole);
    }
    m_quant->setAccessibleName(tr("Quantization"));
    m_quant->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_quant->setMinimumContentsLength(10);
    m_kvCache = new QComboBox(this);
    for (const KvCacheType& k : kvCacheTypes()) {
        m_kvCache->addItem(tr("KV %1").arg(qs(k.id)), qs(k.id));
        m_kvCache->setItemData(m_kvCache->count() - 1, qs(k.note), Qt::ToolTipRole);
    }
    m_kvCache->setAccessibleName(tr("KV cache type"));
    auto* quantRow = new QHBoxLayout;
    quantRow->addWidget(m_quant, 1);
    quantRow->addWidget(m_kvCache);
    addBuddyRow(form, tr("&Quantization:"), m_quant, quantRow);

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
    addBuddyRow(form, tr("&Context:"), m_context, row);
    layout->addLayout(form);

    m_verdict = addProseLabel(layout, this, ProseKind::Rich);
    m_bar = new MemoryBar(this);
    layout->addWidget(m_bar);
    m_placement = addProseLabel(layout, this, ProseKind::Rich);
    m_placement->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_placement->setAccessibleName(tr("Where the model lives"));
    auto* speeds = new QFormLayout;
    m_decode = new QLabel(this);
    m_prefill = new QLabel(this);
    m_confidence = new QLabel(this);
    m_decode->setAccessibleName(tr("Decode speed"));
    m_prefill->setAccessibleName(tr("Prefill speed"));
    m_decodeName = new QLabel(tr("Decode:"), this);
    m_prefillName = new QLabel(tr("Prefill:"), this);
    speeds->addRow(m_decodeName, m_decode);
    speeds->addRow(m_prefillName, m_prefill);
    speeds->addRow(tr("Confidence:"), m_confidence);
    layout->addLayout(speeds);
    layout->addStretch(1);

    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] { commit(-1); });
    connect(m_model, &QComboBox::currentIndexChanged, this, [this] { commit(-1); });
    connect(m_quant, &QComboBox::currentIndexChanged, this, [this] { commit(-1); });
    connect(m_kvCache, &QComboBox::currentIndexChanged, this, [this] { commit(-1); });
    connect(m_addModel, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Add Model from File"), QString(),
                                                          tr("Model files (*.gguf config.json *.json);;All files (*)"));
        if (path.isEmpty())
            return;
        const QString error = addModelFromFile(path);
        if (!error.isEmpty())
            m_verdict->setText(QStringLiteral("<b>%1</b> %2").arg(tr("Not added:"), error.toHtmlEscaped()));
    });
    connect(m_context, &QSpinBox::valueChanged, this, [this] { commit(kMergeContext); });
    connect(m_batch, &QSpinBox::valueChanged, this, [this] { commit(kMergeBatch); });
    connect(session, &BuildSession::changed, this, &WorkloadPanel::refresh);
    refresh();
}

void WorkloadPanel::fillModels()
{
    const QSignalBlocker blocker(m_model);
    m_model->clear();
    auto* items = qobject_cast<QStandardItemModel*>(m_model->model());
    const auto header = [&](const QString& text) {
        m_model->addItem(text);
        if (items)
            items->item(m_model->count() - 1)->setEnabled(false);
    };
    if (m_imageModels) {
        header(tr("— Image models —"));
        for (const ImageModelSpec& m : imageModelPresets()) {
            m_model->addItem(tr("%1 — %2B, %3×%4, %5 steps")
                                 .arg(qs(m.displayName))
                                 .arg(m.denoiserParamsB, 0, 'g', 4)
                                 .arg(m.width)
                                 .arg(m.height)
                                 .arg(m.steps),
                             qs(m.id));
            m_model->setItemData(m_model->count() - 1, qs(m.source), Qt::ToolTipRole);
        }
        return;
    }
    std::vector<std::string> families;
    for (const ModelSpec& m : modelPresets())
        if (std::find(families.begin(), families.end(), m.family) == families.end())
            families.push_back(m.family);
    for (const std::string& family : families) {
        header(QStringLiteral("— %1 —").arg(qs(family)));
        for (const ModelSpec& m : modelPresets()) {
            if (m.family != family)
                continue;
            const QString size = m.isMoe() ? tr("MoE, %1B total / %2B active").arg(m.paramsB).arg(m.activeParamsB)
                                           : tr("%1B").arg(m.paramsB);
            const QString context = m.maxContext >= 1024 ? tr("%1k context").arg(m.maxContext / 1024)
                                                         : tr("%1 context").arg(m.maxContext);
            m_model->addItem(QStringLiteral("%1 — %2, %3").arg(qs(m.displayName), size, context), qs(m.id));
            m_model->setItemData(m_model->count() - 1, qs(m.source), Qt::ToolTipRole);
            for (const ModelAlias* a : aliasesOf(m.id)) {
                m_model->addItem(tr("%1 — same architecture as %2").arg(qs(a->displayName), qs(m.displayName)),
                                 qs(a->id));
                m_model->setItemData(m_model->count() - 1, qs(a->source), Qt::ToolTipRole);
            }
        }
    }
    if (m_userDb) {
        std::vector<UserModelRecord> saved;
        try {
            saved = m_userDb->models();
        } catch (const std::exception&) {
        }
        if (!saved.empty())
            header(tr("— My models —"));
        for (const UserModelRecord& r : saved) {
            m_model->addItem(qs(r.name), qs(r.id));
            m_model->setItemData(m_model->count() - 1, tr("Added from a file; quantization %1").arg(qs(r.quant)),
                                 Qt::ToolTipRole);
        }
    }
}

void WorkloadPanel::setUserDatabase(UserDatabase* database)
{
    m_userDb = database;
    fillModels();
    refresh();
}

QString WorkloadPanel::addModelFromFile(const QString& path)
{
    try {
        std::string quant;
        const ModelSpec m = readModelFile(path.toStdString(), &quant);
        Workload w = m_session->build().workload.value_or(Workload{});
        if (w.kind != WorkloadKind::LlmInference && w.kind != WorkloadKind::LlmFineTune)
            w.kind = WorkloadKind::LlmInference;
        w.customModel = modelToJson(m);
        (void)modelFromJson(w.customModel);  // the same checks a .mlrig file gets
        w.model = m.displayName;
        if (!quant.empty())
            w.quant = quant;
        if (m_userDb) {
            try {
                m_userDb->saveModel(m.displayName, w.customModel.dump(), quant);
                fillModels();
            } catch (const std::exception&) {
                // not remembered for later builds; this build still carries the model
            }
        }
        m_session->setWorkload(w, -1);
        return {};
    } catch (const std::exception& e) {
        return qs(e.what());
    }
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
    std::string chosenId = m_model->currentIndex() >= 0 ? m_model->currentData().toString().toStdString() : "";
    if (w.kind == WorkloadKind::ImageGeneration) {
        // The list shows image models once the kind is image generation; until then keep the build's
        // own image model, or SDXL.
        const ImageModelSpec* image = findImageModelPreset(m_imageModels ? chosenId : w.model);
        w.model = image ? image->id : std::string("sdxl");
        w.customModel = nullptr;
        w.batch = m_batch->value();
        m_session->setWorkload(w, mergeId);
        return;
    }
    if (m_imageModels)
        chosenId = "llama-3.1-8b";  // leaving image generation: the list still shows image models
    if (m_userDb && chosenId.rfind("my:", 0) == 0) {
        // A saved model: the build carries its architecture (so the .mlrig opens anywhere).
        try {
            if (const auto record = m_userDb->model(chosenId)) {
                w.customModel = nlohmann::json::parse(record->json);
                w.model = record->name;
                if (!record->quant.empty())
                    w.quant = record->quant;
                w.context = m_context->value();
                w.batch = m_batch->value();
                m_session->setWorkload(w, mergeId);
                return;
            }
        } catch (const std::exception&) {
        }
    }
    if (!chosenId.empty()) {
        const std::string& chosen = chosenId;
        if (chosen != w.model && !w.customModel.is_null() && findModelPreset(chosen))
            w.customModel = nullptr;  // a preset replaces a model added from a file
        w.model = chosen;
    }
    if (m_kvCache->currentIndex() >= 0)
        w.kvCache = m_kvCache->currentData().toString().toStdString();
    if (m_quant->currentIndex() >= 0)
        w.quant = m_quant->currentData().toString().toStdString();
    w.context = m_context->value();
    w.batch = m_batch->value();
    m_session->setWorkload(w, mergeId);
}

void WorkloadPanel::refresh()
{
    const auto& workload = m_session->build().workload;
    const bool imageKind = workload && workload->kind == WorkloadKind::ImageGeneration;
    if (imageKind != m_imageModels) {
        m_imageModels = imageKind;
        fillModels();
    }
    {
        const QSignalBlocker b1(m_kind), b2(m_model), b3(m_quant), b4(m_context), b5(m_batch), b6(m_kvCache);
        const Workload w = workload.value_or(Workload{});
        m_kind->setCurrentIndex(workload ? std::max(0, m_kind->findData(qs(workloadKindId(w.kind)))) : 0);
        int mi = m_model->findData(qs(w.model));
        if (m_imageModels) {
            // Older files name SDXL loosely (or not at all).
            const ImageModelSpec* image = findImageModelPreset(w.model);
            mi = m_model->findData(qs(image ? image->id : std::string("sdxl")));
        }
        if (mi < 0 && !w.customModel.is_null())
            mi = m_model->findText(qs(w.model));  // a saved model, listed by its name
        if (mi < 0 && !w.model.empty() && !m_imageModels) {
            // A model of the user's own (added from a file, or carried in the .mlrig file).
            if (m_model->findText(tr("— My models —")) < 0) {
                m_model->addItem(tr("— My models —"));
                if (auto* items = qobject_cast<QStandardItemModel*>(m_model->model()))
                    items->item(m_model->count() - 1)->setEnabled(false);
            }
            m_model->addItem(qs(w.model), qs(w.model));
            mi = m_model->count() - 1;
        }
        if (mi < 0)
            mi = m_model->findData(QStringLiteral("llama-3.1-8b"));
        m_model->setCurrentIndex(std::max(0, mi));
        if (m_model->lineEdit() && !m_model->lineEdit()->hasFocus())
            m_model->lineEdit()->setCursorPosition(0);  // a narrow field shows the name's start
        m_kvCache->setCurrentIndex(std::max(0, m_kvCache->findData(qs(w.kvCache))));
        m_quant->setCurrentIndex(std::max(0, m_quant->findData(qs(w.quant))));
        m_context->setValue(w.context);
        m_batch->setValue(w.batch);
    }
    const bool llm = workload && (workload->kind == WorkloadKind::LlmInference || workload->kind == WorkloadKind::LlmFineTune);
    m_model->setEnabled(workload.has_value());
    m_quant->setEnabled(llm);
    m_context->setEnabled(llm);
    m_kvCache->setEnabled(workload && workload->kind == WorkloadKind::LlmInference);
    m_addModel->setEnabled(llm || !workload);
    m_batch->setEnabled(workload.has_value());
    m_placement->clear();

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
    } else if (est->placement == "offload") {
        QString text = tr("<b style='color:%1'>◐ Runs with offload</b> — %2 needs %3 GB; the GPUs hold %4 GB and "
                          "the rest lives in system RAM")
                           .arg(severityColor(Severity::Warning).name(), qs(est->modelName).toHtmlEscaped())
                           .arg(est->vramNeededGb, 0, 'f', 1)
                           .arg(est->vramAvailableGb, 0, 'f', 0);
        if (!est->decodeTokensPerS)
            text += QStringLiteral("<br>") + tr("Add a CPU and memory to the build for the offload speed.");
        m_verdict->setText(text);
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
    if (!est->placementText.empty()) {
        QString where = tr("<b>Where it lives:</b> %1").arg(qs(est->placementText).toHtmlEscaped());
        if (!est->llamaCppFlags.empty())
            where += QStringLiteral("<br>") + tr("llama.cpp: <code>%1</code>").arg(qs(est->llamaCppFlags).toHtmlEscaped());
        m_placement->setText(where);
    }
    const auto speed = [&](const std::optional<double>& v, const QString& unit) {
        return v ? QStringLiteral("<b>%1</b> %2").arg(*v, 0, 'f', *v < 10 ? 1 : 0).arg(unit) : none;
    };
    const bool inference = workload->kind == WorkloadKind::LlmInference;
    m_decodeName->setText(inference ? tr("Decode:") : tr("Speed:"));
    m_prefillName->setVisible(inference);
    m_prefill->setVisible(inference);
    if (est->decodeTokensPerS || est->prefillTokensPerS) {
        m_decode->setText(speed(est->decodeTokensPerS, tr("tokens/s")));
        m_prefill->setText(speed(est->prefillTokensPerS, tr("tokens/s")));
    } else if (est->figureValue) {
        m_decode->setText(speed(est->figureValue, qs(est->figureOfMerit)));
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
