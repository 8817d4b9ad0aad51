#pragma once

// Importing a PCPartPicker part list into a Build. Two shapes are understood, as people paste
// them into forums and chats:
//   text:      "CPU: AMD Ryzen 9 7950X 4.5 GHz 16-Core Processor  ($499.00 @ Amazon)"
//   markdown:  "**CPU** | [AMD Ryzen 9 7950X ...](https://pcpartpicker.com/product/...) | $499.00 @ Amazon"
// Lines of the eight mlrig categories are matched to the catalog (NameMatcher); identical lines
// become one item with a quantity; other PCPartPicker types (Operating System, Monitor, Case
// Fan, ...) are reported as skipped. An item that matches nothing well enough becomes a custom
// part with its name and price: nothing is dropped silently.
//
// UI use: call importPcPartPickerList(), show result.lines (source text, matched name, kind,
// score) for confirmation, then open result.build.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/Build.h"
#include "core/catalog/Catalog.h"
#include "core/io/ImportSource.h"
#include "core/io/NameMatcher.h"

namespace mlrig {

struct ImportLine {
    std::string sourceText;            // the line as it was in the list (trimmed)
    std::string type;                  // PCPartPicker type as written ("Video Card")
    std::optional<Category> category;  // none for skipped types
    std::string itemName;              // the product name from the list
    int quantity = 1;                  // identical lines merged
    std::optional<double> price;       // unit price in `currency`, none when missing or "-"
    std::string currency;              // "USD", "EUR", ... ("" when no price)
    std::string matchedName;           // catalog part chosen, empty when none
    std::string matchedId;
    double score = 0;
    MatchKind kind = MatchKind::Unmatched;
    bool skipped = false;              // a type mlrig does not plan (monitor, OS, fans, ...)
};

struct ImportResult {
    Build build;
    std::vector<ImportLine> lines;      // one per distinct item, in list order (skipped included)
    std::vector<std::string> warnings;  // e.g. mixed currencies, lines not understood
    std::string format;                 // "pcpartpicker-text" or "pcpartpicker-markdown"
    std::optional<double> listedTotal;  // the list's own "Total:" line, when present

    int count(MatchKind kind) const;
    int skippedCount() const;
};

// Maps a PCPartPicker type ("Video Card", "CPU Cooler", ...) to a category; none for others.
std::optional<Category> categoryFromPcPartPickerType(std::string_view type);
// The PCPartPicker type name of a category ("Video Card" for GPU).
std::string_view pcPartPickerType(Category category);

struct ParsedPrice {
    double amount = 0;
    std::string currency;  // ISO code guessed from the symbol; "" when none given
};
// "$1,299.99", "$499.00 @ Amazon", "Purchased For $650.00", "€ 499,00", "499,00 €", "£89.99";
// none for "-", "", "N/A" and text without a number.
std::optional<ParsedPrice> parsePcPartPickerPrice(std::string_view text);

// True when the text looks like a PCPartPicker list (at least one typed part line).
bool looksLikePcPartPickerList(std::string_view text);

// Throws ImportError for text that is not a list (no part line at all) or fails checkImportText.
ImportResult importPcPartPickerList(std::string_view text, const Catalog& catalog);
ImportResult importPcPartPickerList(std::string_view text, const NameMatcher& matcher, const Catalog& catalog);

}  // namespace mlrig
