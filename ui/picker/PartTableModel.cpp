#include "ui/picker/PartTableModel.h"

#include <QLocale>
#include <QPalette>

#include "ui/common/UiFormat.h"
#include "core/eval/ValueMetrics.h"

namespace mlrig::ui {

namespace {

template <typename T> QVariant opt(const std::optional<T>& v)
{
    return v ? QVariant(static_cast<double>(*v)) : QVariant();
}
QVariant text(const std::string& s)
{
    return s.empty() ? QVariant() : QVariant(qs(s));
}
QVariant yesNo(const std::optional<bool>& v)
{
    if (!v)
        return {};
    return *v ? PartTableModel::tr("yes") : PartTableModel::tr("no");
}
QString joined(const std::vector<std::string>& list)
{
    QStringList out;
    for (const auto& s : list)
        out << qs(s);
    return out.join(QStringLiteral(", "));
}

using Col = PartTableModel::Column;

template <typename T, typename F> std::function<QVariant(const AnyPart&)> on(F f)
{
    return [f](const AnyPart& p) -> QVariant { return f(std::get<T>(p)); };
}

Col numeric(QString title, std::function<QVariant(const AnyPart&)> f, int decimals = 0, QString tip = {})
{
    return Col{std::move(title), std::move(tip), std::move(f), decimals, false, true};
}
Col textual(QString title, std::function<QVariant(const AnyPart&)> f, QString tip = {})
{
    return Col{std::move(title), std::move(tip), std::move(f), 0, false, false};
}

// `prices` holds effectivePrice() of each of `parts` (computed once: sorting asks again and again).
std::vector<Col> columnsFor(std::span<const AnyPart> parts, const std::vector<EffectivePrice>& prices, Category category)
{
    const auto priceOf = [parts, &prices](const AnyPart& p) -> const EffectivePrice& {
        return prices[static_cast<size_t>(&p - parts.data())];
    };
    // PartTableModel::tr() spelled out (not a short lambda), so that lupdate sees each title.
    std::vector<Col> c;
    c.push_back(textual(PartTableModel::tr("Name"), [](const AnyPart& p) -> QVariant { return qs(infoOf(p).name); }));
    switch (category) {
    case Category::Gpu:
        c.push_back(numeric(PartTableModel::tr("VRAM GB"), on<Gpu>([](const Gpu& g) { return opt(g.vramGb); })));
        c.push_back(numeric(PartTableModel::tr("GB/s"), on<Gpu>([](const Gpu& g) { return opt(g.memoryBandwidthGbs); }), 0,
                            PartTableModel::tr("Memory bandwidth: sets LLM decode speed")));
        c.push_back(numeric(PartTableModel::tr("FP16 TFLOPS"), on<Gpu>([](const Gpu& g) { return opt(g.fp16TensorTflops); }), 0,
                            PartTableModel::tr("Dense FP16 tensor throughput with FP32 accumulate")));
        c.push_back(numeric(PartTableModel::tr("TDP W"), on<Gpu>([](const Gpu& g) { return opt(g.tdpW); })));
        c.push_back(numeric(PartTableModel::tr("Length mm"), on<Gpu>([](const Gpu& g) { return opt(g.lengthMm); })));
        break;
    case Category::Cpu:
        c.push_back(textual(PartTableModel::tr("Socket"), on<Cpu>([](const Cpu& x) { return text(x.socket); })));
        c.push_back(numeric(PartTableModel::tr("Cores"), on<Cpu>([](const Cpu& x) { return opt(x.cores); })));
        c.push_back(numeric(PartTableModel::tr("Threads"), on<Cpu>([](const Cpu& x) { return opt(x.threads); })));
        c.push_back(numeric(PartTableModel::tr("TDP W"), on<Cpu>([](const Cpu& x) { return opt(x.tdpW); })));
        c.push_back(numeric(PartTableModel::tr("PCIe lanes"), on<Cpu>([](const Cpu& x) { return opt(x.pcieLanes); })));
        break;
    case Category::Motherboard:
        c.push_back(textual(PartTableModel::tr("Socket"), on<Motherboard>([](const Motherboard& x) { return text(x.socket); })));
        c.push_back(textual(PartTableModel::tr("Form factor"), on<Motherboard>([](const Motherboard& x) { return text(x.formFactor); })));
        c.push_back(textual(PartTableModel::tr("Memory"), on<Motherboard>([](const Motherboard& x) { return text(x.memoryType); })));
        c.push_back(numeric(PartTableModel::tr("Max GB"), on<Motherboard>([](const Motherboard& x) { return opt(x.maxMemoryGb); })));
        c.push_back(numeric(PartTableModel::tr("x16 slots"), on<Motherboard>([](const Motherboard& x) { return opt(x.pcieX16Slots); })));
        c.push_back(textual(PartTableModel::tr("x8/x8"), on<Motherboard>([](const Motherboard& x) { return yesNo(x.x8x8Bifurcation); }),
                            PartTableModel::tr("Can split the CPU lanes into two x8 slots for two GPUs")));
        c.push_back(numeric(PartTableModel::tr("M.2"), on<Motherboard>([](const Motherboard& x) { return opt(x.m2Slots); })));
        break;
    case Category::Memory:
        c.push_back(textual(PartTableModel::tr("Type"), on<Memory>([](const Memory& x) { return text(x.memoryType); })));
        c.push_back(numeric(PartTableModel::tr("Total GB"), on<Memory>([](const Memory& x) { return opt(x.totalGb()); })));
        c.push_back(numeric(PartTableModel::tr("Modules"), on<Memory>([](const Memory& x) { return opt(x.modules); })));
        c.push_back(numeric(PartTableModel::tr("MT/s"), on<Memory>([](const Memory& x) { return opt(x.speedMts); })));
        c.push_back(numeric(PartTableModel::tr("CL"), on<Memory>([](const Memory& x) { return opt(x.casLatency); })));
        break;
    case Category::Psu:
        c.push_back(numeric(PartTableModel::tr("Watts"), on<Psu>([](const Psu& x) { return opt(x.wattageW); })));
        c.push_back(textual(PartTableModel::tr("Efficiency"), on<Psu>([](const Psu& x) { return text(x.efficiency); })));
        c.push_back(textual(PartTableModel::tr("ATX 3"), on<Psu>([](const Psu& x) { return yesNo(x.atx3); })));
        c.push_back(numeric(PartTableModel::tr("PCIe 8-pin"), on<Psu>([](const Psu& x) { return opt(x.pcie8pin); })));
        c.push_back(numeric(PartTableModel::tr("16-pin"), on<Psu>([](const Psu& x) { return opt(x.pcie12vhpwr); })));
        break;
    case Category::Case:
        c.push_back(textual(PartTableModel::tr("Type"), on<Case>([](const Case& x) { return text(x.formFactor); })));
        c.push_back(textual(PartTableModel::tr("Boards"), on<Case>([](const Case& x) { return QVariant(joined(x.motherboardFormFactors)); })));
        c.push_back(numeric(PartTableModel::tr("GPU mm"), on<Case>([](const Case& x) { return opt(x.maxGpuLengthMm); }), 0,
                            PartTableModel::tr("Longest GPU that fits")));
        c.push_back(numeric(PartTableModel::tr("Cooler mm"), on<Case>([](const Case& x) { return opt(x.maxCoolerHeightMm); }), 0,
                            PartTableModel::tr("Tallest CPU cooler that fits")));
        c.push_back(numeric(PartTableModel::tr("Slots"), on<Case>([](const Case& x) { return opt(x.expansionSlots); })));
        break;
    case Category::Cooler:
        c.push_back(textual(PartTableModel::tr("Sockets"), on<Cooler>([](const Cooler& x) { return QVariant(joined(x.sockets)); })));
        c.push_back(numeric(PartTableModel::tr("Height mm"), on<Cooler>([](const Cooler& x) { return opt(x.heightMm); })));
        c.push_back(textual(PartTableModel::tr("Liquid"), on<Cooler>([](const Cooler& x) { return yesNo(x.waterCooled); })));
        c.push_back(numeric(PartTableModel::tr("Radiator mm"), on<Cooler>([](const Cooler& x) { return opt(x.radiatorMm); })));
        break;
    case Category::Storage:
        c.push_back(textual(PartTableModel::tr("Type"), on<Storage>([](const Storage& x) { return text(x.storageType); })));
        c.push_back(numeric(PartTableModel::tr("GB"), on<Storage>([](const Storage& x) { return opt(x.capacityGb); })));
        c.push_back(textual(PartTableModel::tr("NVMe"), on<Storage>([](const Storage& x) { return yesNo(x.nvme); })));
        c.push_back(textual(PartTableModel::tr("Interface"), on<Storage>([](const Storage& x) { return text(x.interface); })));
        break;
    }
    // The price a new part goes into the build at (effectivePrice(): market price for GPUs, else
    // the retail snapshot, else the launch MSRP); each cell's tooltip says which and how old.
    Col price = numeric(PartTableModel::tr("Price"), [priceOf](const AnyPart& p) -> QVariant { return opt(priceOf(p).unitPrice); });
    price.money = true;
    price.tooltip = PartTableModel::tr("New price in US dollars: GPU market price, else the retail snapshot; † marks a launch MSRP. "
                      "Hover a price to see where it comes from and its month.");
    c.push_back(price);
    if (category == Category::Gpu) {
        c.push_back(numeric(PartTableModel::tr("TFLOPS/$1k"), [priceOf](const AnyPart& p) -> QVariant {
                                const EffectivePrice& e = priceOf(p);
                                const GpuValue v = gpuValueAt(std::get<Gpu>(p), e.unitPrice, e.origin);
                                return v.tflopsPerDollar ? QVariant(*v.tflopsPerDollar * 1000.0) : QVariant();
                            },
                            1, PartTableModel::tr("FP16 tensor TFLOPS per 1000 of price")));
    }
    return c;
}

}  // namespace

PartTableModel::PartTableModel(const Catalog& catalog, Category category, std::vector<PartFit> fits, QObject* parent)
    : QAbstractTableModel(parent), m_category(category), m_parts(catalog.parts(category)), m_fits(std::move(fits))
{
    if (!m_fits.empty() && m_fits.size() != m_parts.size())
        m_fits.clear();  // not this category's: show no fit column rather than a wrong one
    m_prices.reserve(m_parts.size());
    for (const AnyPart& part : m_parts)
        m_prices.push_back(effectivePrice(part, Condition::New, catalog));
    m_columns = columnsFor(m_parts, m_prices, category);
    for (size_t i = 0; i < m_columns.size(); ++i)
        if (m_columns[i].money)
            m_priceColumn = static_cast<int>(i);
    if (!m_fits.empty()) {
        // Sorts compatible first, then not checked, then incompatible; the text says why.
        const auto* fitsOf = &m_fits;
        const auto parts = m_parts;
        Col fit = textual(tr("Fits my build"), [fitsOf, parts](const AnyPart& p) -> QVariant {
            const PartFit& f = (*fitsOf)[static_cast<size_t>(&p - parts.data())];
            switch (f.fit) {
            case Fit::Compatible:
                return tr("yes");
            case Fit::NotChecked:
                return qs(f.reason);
            case Fit::Incompatible:
                return tr("no: %1").arg(qs(f.reason));
            }
            return {};
        });
        fit.tooltip = tr("Whether the part fits the rest of the build; if not, the error it would add");
        m_columns.push_back(fit);
        m_fitColumn = static_cast<int>(m_columns.size()) - 1;
    }
}

int PartTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_parts.size());
}

int PartTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_columns.size());
}

const AnyPart* PartTableModel::partAt(int row) const
{
    if (row < 0 || row >= static_cast<int>(m_parts.size()))
        return nullptr;
    return &m_parts[static_cast<size_t>(row)];
}

int PartTableModel::rowOf(const AnyPart* part) const
{
    if (m_parts.empty() || part < m_parts.data() || part >= m_parts.data() + m_parts.size())
        return -1;
    return static_cast<int>(part - m_parts.data());
}

QVariant PartTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.model() != this)
        return {};
    const AnyPart& part = m_parts[static_cast<size_t>(index.row())];
    const Col& col = m_columns[static_cast<size_t>(index.column())];
    switch (role) {
    case SortRole:
        return col.sortValue(part);
    case PartIndexRole:
        return index.row();
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole: {
        const QVariant v = col.sortValue(part);
        if (!v.isValid())
            return QStringLiteral("—");
        if (!col.numeric)
            return v.toString();
        if (col.money) {
            const EffectivePrice& price = m_prices[static_cast<size_t>(index.row())];
            QString s = moneyIn(v.toDouble(), price.origin.currency);
            if (price.source() == PriceSource::Msrp)
                s += QStringLiteral(" †");
            return s;
        }
        return QLocale().toString(v.toDouble(), 'f', col.decimals);
    }
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(col.numeric ? (Qt::AlignRight | Qt::AlignVCenter) : (Qt::AlignLeft | Qt::AlignVCenter));
    case Qt::ForegroundRole:
        if (index.column() == m_fitColumn || index.column() == 0) {
            const PartFit* fit = m_fits.empty() ? nullptr : &m_fits[static_cast<size_t>(index.row())];
            if (fit && fit->fit == Fit::Incompatible)
                return severityColor(Severity::Error);
            if (fit && fit->fit == Fit::NotChecked && index.column() == m_fitColumn)
                return mutedText(QPalette());
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == 0 || index.column() == m_fitColumn) {
            QString tip = qs(infoOf(part).name);
            if (!m_fits.empty() && m_fits[static_cast<size_t>(index.row())].fit != Fit::Compatible)
                tip += QStringLiteral("\n") + qs(m_fits[static_cast<size_t>(index.row())].reason);
            return tip;
        }
        if (index.column() == m_priceColumn)
            return priceOriginText(m_prices[static_cast<size_t>(index.row())].origin);
        return {};
    default:
        return {};
    }
}

QVariant PartTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= static_cast<int>(m_columns.size()))
        return {};
    if (role == Qt::DisplayRole)
        return m_columns[static_cast<size_t>(section)].title;
    if (role == Qt::ToolTipRole && !m_columns[static_cast<size_t>(section)].tooltip.isEmpty())
        return m_columns[static_cast<size_t>(section)].tooltip;
    return {};
}

Qt::ItemFlags PartTableModel::flags(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this)
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

}  // namespace mlrig::ui
