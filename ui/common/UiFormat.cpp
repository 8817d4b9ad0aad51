#include "ui/common/UiFormat.h"

#include <QCoreApplication>
#include <QLocale>

namespace mlrig::ui {

QString money(double amount, const QString& symbol, int decimals)
{
    return symbol + QLocale().toString(amount, 'f', decimals);
}

QString currencySymbol(std::string_view currencyCode)
{
    if (currencyCode.empty() || currencyCode == "USD")
        return QStringLiteral("$");
    if (currencyCode == "EUR")
        return QStringLiteral("\u20ac");
    if (currencyCode == "GBP")
        return QStringLiteral("\u00a3");
    return QString();
}

QString moneyIn(double amount, std::string_view currencyCode, int decimals)
{
    const QString value = QLocale().toString(amount, 'f', decimals);
    const QString symbol = currencySymbol(currencyCode);
    if (!symbol.isEmpty())
        return symbol + value;
    return value + QLatin1Char(' ') + qs(currencyCode);
}

QString categoryName(Category category)
{
    switch (category) {
    case Category::Cpu:
        return QCoreApplication::translate("mlrig::ui::UiFormat", "CPU");
    case Category::Motherboard:
        return QCoreApplication::translate("mlrig::ui::UiFormat", "Motherboard");
    case Category::Memory:
        return QCoreApplication::translate("mlrig::ui::UiFormat", "Memory");
    case Category::Gpu:
        return QCoreApplication::translate("mlrig::ui::UiFormat", "GPU");
    case Category::Psu:
        return QCoreApplication::translate("mlrig::ui::UiFormat", "Power supply");
    case Category::Case:
        return QCoreApplication::translate("mlrig::ui::UiFormat", "Case");
    case Category::Cooler:
        return QCoreApplication::translate("mlrig::ui::UiFormat", "CPU cooler");
    case Category::Storage:
        return QCoreApplication::translate("mlrig::ui::UiFormat", "Storage");
    }
    return qs(categoryLabel(category));
}

QString categoryNameInText(Category category)
{
    switch (category) {
    case Category::Cpu:
        return QCoreApplication::translate("mlrig::ui::UiFormat", "CPU", "category inside a sentence");
    case Category::Motherboard:
        return QCoreApplication::translate("mlrig::ui::UiFormat", "motherboard", "category inside a sentence");
    case Category::Memory:
        return QCoreApplication::translate("mlrig::ui::UiFormat", "memory", "category inside a sentence");
    case Category::Gpu:
        return QCoreApplication::translate("mlrig::ui::UiFormat", "GPU", "category inside a sentence");
    case Category::Psu:
        return QCoreApplication::translate("mlrig::ui::UiFormat", "power supply", "category inside a sentence");
    case Category::Case:
        return QCoreApplication::translate("mlrig::ui::UiFormat", "case", "category inside a sentence");
    case Category::Cooler:
        return QCoreApplication::translate("mlrig::ui::UiFormat", "CPU cooler", "category inside a sentence");
    case Category::Storage:
        return QCoreApplication::translate("mlrig::ui::UiFormat", "storage", "category inside a sentence");
    }
    return qs(categoryLabel(category));
}

QString priceOriginText(const PriceOrigin& origin)
{
    QString text = qs(priceOriginLabel(origin));
    if (origin.kind != PriceSource::User && origin.kind != PriceSource::Unknown)
        text += QStringLiteral(" (%1)").arg(qs(origin.currency));
    return text;
}

QString number(std::optional<double> value, int decimals, const QString& unit)
{
    if (!value)
        return QStringLiteral("—");
    QString text = QLocale().toString(*value, 'f', decimals);
    if (!unit.isEmpty())
        text += QLatin1Char(' ') + unit;
    return text;
}

QColor severityColor(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return QColor(0xd6, 0x45, 0x41);
    case Severity::Warning:
        return QColor(0xe8, 0xa3, 0x17);
    case Severity::Note:
        return QColor(0x3f, 0x7f, 0xd0);
    }
    return {};
}

static QColor blend(const QColor& a, const QColor& b, double t)
{
    return QColor::fromRgbF(static_cast<float>(a.redF() * (1 - t) + b.redF() * t),
                            static_cast<float>(a.greenF() * (1 - t) + b.greenF() * t),
                            static_cast<float>(a.blueF() * (1 - t) + b.blueF() * t));
}

QColor rowTint(const QPalette& palette, Severity severity)
{
    const QColor base = palette.color(QPalette::Base);
    const bool dark = base.lightnessF() < 0.5;
    return blend(base, severityColor(severity), dark ? 0.30 : 0.18);
}

QColor mutedText(const QPalette& palette)
{
    return blend(palette.color(QPalette::Text), palette.color(QPalette::Base), 0.45);
}

QIcon severityIcon(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return QIcon(QStringLiteral(":/mlrig/icons/error.svg"));
    case Severity::Warning:
        return QIcon(QStringLiteral(":/mlrig/icons/warning.svg"));
    case Severity::Note:
        return QIcon(QStringLiteral(":/mlrig/icons/note.svg"));
    }
    return {};
}

QString severityTitle(Severity severity, int count)
{
    switch (severity) {
    case Severity::Error:
        return QObject::tr("Errors (%1)").arg(count);
    case Severity::Warning:
        return QObject::tr("Warnings (%1)").arg(count);
    case Severity::Note:
        return QObject::tr("Notes (%1)").arg(count);
    }
    return {};
}

}  // namespace mlrig::ui
