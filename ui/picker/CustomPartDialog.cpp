#include "ui/picker/CustomPartDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "ui/common/UiFormat.h"

namespace mlrig::ui {

namespace {
template <typename T> std::optional<int> asInt(std::optional<double> v)
{
    return v ? std::optional<int>(static_cast<int>(*v)) : std::nullopt;
}
}  // namespace

CustomPartDialog::CustomPartDialog(Category category, QWidget* parent) : QDialog(parent), m_category(category)
{
    setWindowTitle(tr("Custom %1").arg(qs(categoryLabel(category))));
    auto* layout = new QVBoxLayout(this);
    auto* hint = new QLabel(tr("Fill in what you know. Leave a value at “unknown” and mlrig will say which "
                               "checks it could not make."),
                            this);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    m_form = new QFormLayout;
    layout->addLayout(m_form);
    m_name = new QLineEdit(this);
    m_name->setAccessibleName(tr("Name"));
    m_name->setPlaceholderText(tr("Required"));
    m_form->addRow(tr("&Name:"), m_name);

    using O = std::optional<double>;
    switch (category) {
    case Category::Gpu:
        addChoice(tr("Vendor:"), {QStringLiteral("nvidia"), QStringLiteral("amd"), QStringLiteral("intel")},
                  [](AnyPart& p, const std::string& v) { std::get<Gpu>(p).vendor = vendorFromId(v); });
        addChoice(tr("Class:"), {QStringLiteral("consumer"), QStringLiteral("workstation"), QStringLiteral("datacenter")},
                  [](AnyPart& p, const std::string& v) { std::get<Gpu>(p).gpuClass = gpuClassFromId(v); });
        addNumber(tr("VRAM (GB):"), 512, 0, [](AnyPart& p, O v) { std::get<Gpu>(p).vramGb = v; });
        addNumber(tr("Memory bandwidth (GB/s):"), 20000, 0, [](AnyPart& p, O v) { std::get<Gpu>(p).memoryBandwidthGbs = v; });
        addNumber(tr("FP16 tensor TFLOPS:"), 5000, 1, [](AnyPart& p, O v) { std::get<Gpu>(p).fp16TensorTflops = v; });
        addNumber(tr("FP32 TFLOPS:"), 500, 1, [](AnyPart& p, O v) { std::get<Gpu>(p).fp32Tflops = v; });
        addNumber(tr("TDP (W):"), 2000, 0, [](AnyPart& p, O v) { std::get<Gpu>(p).tdpW = v; });
        addNumber(tr("Transient peak (W):"), 4000, 0, [](AnyPart& p, O v) { std::get<Gpu>(p).transientPeakW = v; });
        addNumber(tr("Length (mm):"), 500, 0, [](AnyPart& p, O v) { std::get<Gpu>(p).lengthMm = v; });
        addNumber(tr("Slot width:"), 6, 1, [](AnyPart& p, O v) { std::get<Gpu>(p).slotWidth = v; });
        addNumber(tr("PCIe 8-pin connectors:"), 6, 0, [](AnyPart& p, O v) { std::get<Gpu>(p).pcie8pin = asInt<int>(v); });
        addNumber(tr("16-pin connectors:"), 4, 0, [](AnyPart& p, O v) { std::get<Gpu>(p).pcie12vhpwr = asInt<int>(v); });
        addBool(tr("NVLink:"), [](AnyPart& p, std::optional<bool> v) { std::get<Gpu>(p).nvlink = v; });
        addChoice(tr("Cooling:"), {QStringLiteral("open"), QStringLiteral("blower"), QStringLiteral("passive")},
                  [](AnyPart& p, const std::string& v) { std::get<Gpu>(p).cooling = coolingFromId(v); });
        break;
    case Category::Cpu:
        addText(tr("Socket:"), [](AnyPart& p, const std::string& v) { std::get<Cpu>(p).socket = v; });
        addNumber(tr("Cores:"), 256, 0, [](AnyPart& p, O v) { std::get<Cpu>(p).cores = asInt<int>(v); });
        addNumber(tr("TDP (W):"), 1000, 0, [](AnyPart& p, O v) { std::get<Cpu>(p).tdpW = v; });
        addList(tr("Memory types:"), [](AnyPart& p, std::vector<std::string> v) { std::get<Cpu>(p).memoryTypes = std::move(v); });
        addNumber(tr("PCIe lanes:"), 256, 0, [](AnyPart& p, O v) { std::get<Cpu>(p).pcieLanes = asInt<int>(v); });
        break;
    case Category::Motherboard:
        addText(tr("Socket:"), [](AnyPart& p, const std::string& v) { std::get<Motherboard>(p).socket = v; });
        addText(tr("Form factor:"), [](AnyPart& p, const std::string& v) { std::get<Motherboard>(p).formFactor = v; });
        addText(tr("Memory type:"), [](AnyPart& p, const std::string& v) { std::get<Motherboard>(p).memoryType = v; });
        addNumber(tr("Memory slots:"), 16, 0, [](AnyPart& p, O v) { std::get<Motherboard>(p).memorySlots = asInt<int>(v); });
        addNumber(tr("Max memory (GB):"), 4096, 0, [](AnyPart& p, O v) { std::get<Motherboard>(p).maxMemoryGb = asInt<int>(v); });
        addNumber(tr("PCIe x16 slots:"), 8, 0, [](AnyPart& p, O v) { std::get<Motherboard>(p).pcieX16Slots = asInt<int>(v); });
        addBool(tr("x8/x8 bifurcation:"), [](AnyPart& p, std::optional<bool> v) { std::get<Motherboard>(p).x8x8Bifurcation = v; });
        addNumber(tr("M.2 slots:"), 8, 0, [](AnyPart& p, O v) { std::get<Motherboard>(p).m2Slots = asInt<int>(v); });
        break;
    case Category::Memory:
        addText(tr("Memory type:"), [](AnyPart& p, const std::string& v) { std::get<Memory>(p).memoryType = v; });
        addNumber(tr("Modules:"), 16, 0, [](AnyPart& p, O v) { std::get<Memory>(p).modules = asInt<int>(v); });
        addNumber(tr("GB per module:"), 256, 0, [](AnyPart& p, O v) { std::get<Memory>(p).moduleGb = asInt<int>(v); });
        break;
    case Category::Psu:
        addNumber(tr("Wattage (W):"), 3000, 0, [](AnyPart& p, O v) { std::get<Psu>(p).wattageW = v; });
        addBool(tr("ATX 3.x:"), [](AnyPart& p, std::optional<bool> v) { std::get<Psu>(p).atx3 = v; });
        addNumber(tr("PCIe 8-pin connectors:"), 12, 0, [](AnyPart& p, O v) { std::get<Psu>(p).pcie8pin = asInt<int>(v); });
        addNumber(tr("16-pin connectors:"), 4, 0, [](AnyPart& p, O v) { std::get<Psu>(p).pcie12vhpwr = asInt<int>(v); });
        break;
    case Category::Case:
        addList(tr("Board form factors:"), [](AnyPart& p, std::vector<std::string> v) { std::get<Case>(p).motherboardFormFactors = std::move(v); });
        addNumber(tr("Max GPU length (mm):"), 600, 0, [](AnyPart& p, O v) { std::get<Case>(p).maxGpuLengthMm = v; });
        addNumber(tr("Max cooler height (mm):"), 300, 0, [](AnyPart& p, O v) { std::get<Case>(p).maxCoolerHeightMm = v; });
        addNumber(tr("Expansion slots:"), 20, 0, [](AnyPart& p, O v) { std::get<Case>(p).expansionSlots = asInt<int>(v); });
        break;
    case Category::Cooler:
        addNumber(tr("Height (mm):"), 300, 0, [](AnyPart& p, O v) { std::get<Cooler>(p).heightMm = v; });
        addList(tr("Sockets:"), [](AnyPart& p, std::vector<std::string> v) { std::get<Cooler>(p).sockets = std::move(v); });
        addBool(tr("Liquid cooled:"), [](AnyPart& p, std::optional<bool> v) { std::get<Cooler>(p).waterCooled = v; });
        addNumber(tr("Rated for (W):"), 1000, 0, [](AnyPart& p, O v) { std::get<Cooler>(p).tdpRatingW = v; });
        break;
    case Category::Storage:
        addNumber(tr("Capacity (GB):"), 100000, 0, [](AnyPart& p, O v) { std::get<Storage>(p).capacityGb = v; });
        addBool(tr("NVMe:"), [](AnyPart& p, std::optional<bool> v) { std::get<Storage>(p).nvme = v; });
        break;
    }

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton* ok = buttons->button(QDialogButtonBox::Ok);
    ok->setEnabled(false);
    connect(m_name, &QLineEdit::textChanged, ok, [ok](const QString& t) { ok->setEnabled(!t.trimmed().isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

void CustomPartDialog::setName(const QString& name)
{
    m_name->setText(name);
}

void CustomPartDialog::addNumber(const QString& label, double max, int decimals,
                                 std::function<void(AnyPart&, std::optional<double>)> set)
{
    auto* spin = new QDoubleSpinBox(this);
    spin->setRange(-1, max);
    spin->setDecimals(decimals);
    spin->setValue(-1);
    spin->setSpecialValueText(tr("unknown"));
    spin->setAccessibleName(QString(label).remove(QLatin1Char(':')));
    m_form->addRow(label, spin);
    m_fields.push_back({spin, [set](AnyPart& p, QWidget* w) {
                            const double v = static_cast<QDoubleSpinBox*>(w)->value();
                            set(p, v < 0 ? std::nullopt : std::optional<double>(v));
                        }});
}

void CustomPartDialog::addText(const QString& label, std::function<void(AnyPart&, const std::string&)> set)
{
    auto* edit = new QLineEdit(this);
    edit->setAccessibleName(QString(label).remove(QLatin1Char(':')));
    m_form->addRow(label, edit);
    m_fields.push_back({edit, [set](AnyPart& p, QWidget* w) { set(p, static_cast<QLineEdit*>(w)->text().trimmed().toStdString()); }});
}

void CustomPartDialog::addList(const QString& label, std::function<void(AnyPart&, std::vector<std::string>)> set)
{
    auto* edit = new QLineEdit(this);
    edit->setPlaceholderText(tr("comma separated, e.g. ATX, Micro ATX"));
    edit->setAccessibleName(QString(label).remove(QLatin1Char(':')));
    m_form->addRow(label, edit);
    m_fields.push_back({edit, [set](AnyPart& p, QWidget* w) {
                            std::vector<std::string> out;
                            for (const QString& s : static_cast<QLineEdit*>(w)->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
                                if (!s.trimmed().isEmpty())
                                    out.push_back(s.trimmed().toStdString());
                            set(p, std::move(out));
                        }});
}

void CustomPartDialog::addBool(const QString& label, std::function<void(AnyPart&, std::optional<bool>)> set)
{
    auto* combo = new QComboBox(this);
    combo->addItems({tr("unknown"), tr("yes"), tr("no")});
    combo->setAccessibleName(QString(label).remove(QLatin1Char(':')));
    m_form->addRow(label, combo);
    m_fields.push_back({combo, [set](AnyPart& p, QWidget* w) {
                            const int i = static_cast<QComboBox*>(w)->currentIndex();
                            set(p, i == 0 ? std::nullopt : std::optional<bool>(i == 1));
                        }});
}

void CustomPartDialog::addChoice(const QString& label, const QStringList& ids,
                                 std::function<void(AnyPart&, const std::string&)> set)
{
    auto* combo = new QComboBox(this);
    combo->addItem(tr("unknown"), QString());
    for (const QString& id : ids)
        combo->addItem(id, id);
    combo->setAccessibleName(QString(label).remove(QLatin1Char(':')));
    m_form->addRow(label, combo);
    m_fields.push_back({combo, [set](AnyPart& p, QWidget* w) {
                            set(p, static_cast<QComboBox*>(w)->currentData().toString().toStdString());
                        }});
}

AnyPart CustomPartDialog::part() const
{
    AnyPart p = makeEmptyPart(m_category);
    infoOf(p).name = m_name->text().trimmed().toStdString();
    for (const Field& f : m_fields)
        f.apply(p, f.editor);
    return p;
}

}  // namespace mlrig::ui
