#pragma once

// Small display helpers shared by the widgets: string conversion, number and money formatting,
// palette-derived tints. Display only: no domain arithmetic lives here.

#include <QColor>
#include <QIcon>
#include <QPalette>
#include <QString>

#include <optional>
#include <string>
#include <string_view>

#include "core/catalog/Category.h"
#include "core/eval/Evaluation.h"
#include "ui/common/QtText.h"

namespace mlrig::ui {

// "$1,234" / "€1,234.50"; symbol from settings, currency code from the build.
QString money(double amount, const QString& symbol, int decimals = 0);
// An amount in its own currency ("$1,234", "€1,234", "1,234 CHF"): a price is shown in the
// currency it is in, never relabelled.
QString moneyIn(double amount, std::string_view currencyCode, int decimals = 0);
// "$", "€", "£" for the currencies moneyIn() writes with a symbol; empty for the others, which
// are written with their code after the amount.
QString currencySymbol(std::string_view currencyCode);
// Where a price comes from and how old it is, for a tooltip: "used market, 2026-09, GPU Poet".
QString priceOriginText(const PriceOrigin& origin);
// Whole US dollars ("$1,234"): the catalog's and the wizard's currency.
inline QString dollars(double amount)
{
    return money(amount, QStringLiteral("$"));
}
QString number(std::optional<double> value, int decimals = 0, const QString& unit = {});

// A category as the UI shows it, translated (core's categoryLabel() is English only): "Power
// supply" as a label or column value, "power supply" inside a sentence ("Search power supply by
// name"), where German keeps its capital ("Netzteil").
QString categoryName(Category category);
QString categoryNameInText(Category category);

// Tints derived from the palette so that they read well on light and dark themes.
QColor severityColor(Severity severity);                 // the pure signal colour
QColor rowTint(const QPalette& palette, Severity severity);  // background for a highlighted row
QColor mutedText(const QPalette& palette);
QIcon severityIcon(Severity severity);
QString severityTitle(Severity severity, int count);

}  // namespace mlrig::ui
