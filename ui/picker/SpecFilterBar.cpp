#include "ui/picker/SpecFilterBar.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>

#include "ui/common/UiFormat.h"

namespace mlrig::ui {

namespace {

// Filters on more values than this are typed, not chosen: a list of 40 sockets helps nobody.
constexpr int kMaxChoices = 25;

std::optional<double> positive(const QSpinBox* spin)
{
    if (!spin || spin->value() <= 0)
        return std::nullopt;  // 0 is "any" (the spin box's special value text)
    return spin->value();
}

std::string chosen(const QComboBox* combo)
{
    if (!combo || combo->currentIndex() <= 0)
        return {};  // the first entry is "any"
    return combo->currentData().toString().toStdString();
}

}  // namespace

SpecFilterBar::SpecFilterBar(const Catalog& catalog, Category category, QWidget* parent) : QWidget(parent)
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    switch (category) {
    case Category::Gpu:
        m_minVram = addSpin(tr("&VRAM at least"), tr(" GB"), 192, 4, tr("Only cards with at least this much memory"));
        m_maxLength = addSpin(tr("&Length at most"), tr(" mm"), 400, 10, tr("Only cards at most this long"));
        break;
    case Category::Psu:
        m_minWattage = addSpin(tr("&At least"), tr(" W"), 3000, 50, tr("Only power supplies of at least this wattage"));
        m_atx3 = new QCheckBox(tr("ATX &3.x"), this);
        m_atx3->setToolTip(tr("Only power supplies that state ATX 3.x (built for short GPU power spikes)"));
        layout->addWidget(m_atx3);
        connect(m_atx3, &QCheckBox::toggled, this, &SpecFilterBar::changed);
        ++m_controls;
        break;
    case Category::Cpu:
    case Category::Cooler:
        m_socket = addChoice(tr("&Socket"), tr("any"), socketChoices(catalog, category));
        break;
    case Category::Motherboard:
        m_socket = addChoice(tr("&Socket"), tr("any"), socketChoices(catalog, category));
        m_formFactor = addChoice(tr("&Form factor"), tr("any"), formFactorChoices(catalog, category));
        m_memoryType = addChoice(tr("Memor&y"), tr("any"), memoryTypeChoices(catalog, category));
        break;
    case Category::Case:
        m_formFactor = addChoice(tr("&Takes board"), tr("any"), formFactorChoices(catalog, category));
        m_minClearance = addSpin(tr("&GPU up to"), tr(" mm"), 500, 10, tr("Only cases that take a card at least this long"));
        break;
    case Category::Memory:
        m_minCapacity = addSpin(tr("&At least"), tr(" GB"), 2048, 16, tr("Only kits with at least this much memory in total"));
        m_memoryType = addChoice(tr("&Type"), tr("any"), memoryTypeChoices(catalog, category));
        break;
    case Category::Storage:
        m_minCapacity = addSpin(tr("&At least"), tr(" GB"), 32000, 500, tr("Only drives of at least this capacity"));
        break;
    }
    layout->addStretch(1);
}

QSpinBox* SpecFilterBar::addSpin(const QString& label, const QString& suffix, int maximum, int step, const QString& tip)
{
    auto* text = new QLabel(label, this);
    auto* spin = new QSpinBox(this);
    spin->setRange(0, maximum);
    spin->setSingleStep(step);
    spin->setSuffix(suffix);
    spin->setSpecialValueText(tr("any"));
    spin->setToolTip(tip);
    spin->setAccessibleName(QString(label).remove(QLatin1Char('&')));
    text->setBuddy(spin);
    layout()->addWidget(text);
    layout()->addWidget(spin);
    connect(spin, &QSpinBox::valueChanged, this, &SpecFilterBar::changed);
    ++m_controls;
    return spin;
}

QComboBox* SpecFilterBar::addChoice(const QString& label, const QString& any, const std::vector<std::string>& choices)
{
    auto* text = new QLabel(label, this);
    auto* combo = new QComboBox(this);
    combo->addItem(any);
    int n = 0;
    for (const std::string& choice : choices) {
        if (++n > kMaxChoices)
            break;
        combo->addItem(qs(choice), qs(choice));
    }
    combo->setAccessibleName(QString(label).remove(QLatin1Char('&')));
    combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    text->setBuddy(combo);
    layout()->addWidget(text);
    layout()->addWidget(combo);
    connect(combo, &QComboBox::currentIndexChanged, this, &SpecFilterBar::changed);
    ++m_controls;
    return combo;
}

PartCriteria SpecFilterBar::criteria() const
{
    PartCriteria c;
    c.minVramGb = positive(m_minVram);
    c.maxLengthMm = positive(m_maxLength);
    c.minWattageW = positive(m_minWattage);
    c.atx3Only = m_atx3 && m_atx3->isChecked();
    c.socket = chosen(m_socket);
    c.formFactor = chosen(m_formFactor);
    c.memoryType = chosen(m_memoryType);
    c.minCapacityGb = positive(m_minCapacity);
    c.minGpuClearanceMm = positive(m_minClearance);
    return c;
}

}  // namespace mlrig::ui
