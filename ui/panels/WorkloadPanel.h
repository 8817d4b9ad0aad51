#pragma once

// The workload the build is for (model preset, quantisation, context, batch) and what the
// Evaluation says about it: fits or not, a memory bar, decode / prefill speed, confidence.

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace mlrig {
class UserDatabase;
}

namespace mlrig::ui {

class BuildSession;
class MemoryBar;

class WorkloadPanel : public QWidget {
    Q_OBJECT
public:
    explicit WorkloadPanel(BuildSession* session, QWidget* parent = nullptr);

    QComboBox* kindCombo() const { return m_kind; }
    QComboBox* modelCombo() const { return m_model; }
    QComboBox* quantCombo() const { return m_quant; }
    QSpinBox* contextSpin() const { return m_context; }
    QSpinBox* batchSpin() const { return m_batch; }
    QComboBox* kvCacheCombo() const { return m_kvCache; }
    QLabel* decodeLabel() const { return m_decode; }
    QLabel* placementLabel() const { return m_placement; }
    // Reads a model file (GGUF header or config.json) into the build's workload; returns the
    // error message, or an empty string when the model was added.
    QString addModelFromFile(const QString& path);
    // Models saved in the user database are listed under "My models"; a model added from a file
    // is saved there too. nullptr: none (the list then holds only the build's own model).
    void setUserDatabase(UserDatabase* database);

private:
    void refresh();
    void commit(int mergeId);
    void fillModels();  // LLM presets and saved models, or the image models (m_imageModels)

    BuildSession* m_session;
    UserDatabase* m_userDb = nullptr;
    QComboBox* m_kind;
    QComboBox* m_model;
    bool m_imageModels = false;  // the model list shows image-generation models
    QComboBox* m_quant;
    QSpinBox* m_context;
    QSpinBox* m_batch;
    QComboBox* m_kvCache;
    QPushButton* m_addModel;
    QLabel* m_verdict;
    QLabel* m_placement;
    MemoryBar* m_bar;
    QLabel* m_decode;
    QLabel* m_decodeName;   // "Decode:" for LLM inference, "Speed:" for the other kinds
    QLabel* m_prefillName;
    QLabel* m_prefill;
    QLabel* m_confidence;
};

}  // namespace mlrig::ui
