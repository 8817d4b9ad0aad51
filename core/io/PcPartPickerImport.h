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
// Honest imports (issue 16, README "Your data is safe"):
// - Prices are read strictly (parsePriceText, core/util/ValueLimits.h): a negative, exponent,
//   hex, sub-cent or out-of-range price, an unknown currency or a bad "N x" quantity fails the
//   whole import with an ImportError naming each such line. The result is a build; writing it
//   with one price dropped or changed would be silently wrong, and the list is short text the
//   user can fix and import again.
// - A line whose closest catalog part differs in a variant token (WiFi, DDR generation, speed,
//   CAS latency, capacity, kit) is kept as a custom part and reported with that part and what
//   differs, never matched (NameMatcher).
// - "2 x RTX 3090" imports as quantity 2 (the price on such a line is the unit price, as
//   PCPartPicker prints one price per unit); the list's "Total:" is compared with the sum of its
//   lines and a difference is a warning.
// - Bounded work: at most kMaxImportLines part lines, at most kMaxBuildItems build lines.
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

// Part lines read from one list. A PCPartPicker list has a few dozen; 100,000 is far beyond any
// real list yet still imports in a few seconds (tests/bench ImportBench), and with the 10 MB file
// limit it stops a file of millions of tiny lines before it costs minutes.
inline constexpr int kMaxImportLines = 100000;

struct ImportLine {
    std::string sourceText;            // the line as it was in the list (trimmed)
    int lineNumber = 0;                // 1-based line of its first occurrence in the list
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
    // Unmatched only: the closest catalog part, refused because a variant token differs.
    std::string closestName;
    std::string closestId;
    std::vector<std::string> differsIn;  // "WiFi (list: yes, catalog: no)", ...
};

struct ImportResult {
    Build build;
    std::vector<ImportLine> lines;      // one per distinct item, in list order (skipped included)
    std::vector<std::string> warnings;  // e.g. mixed currencies, lines not understood
    std::string format;                 // "pcpartpicker-text" or "pcpartpicker-markdown"
    std::optional<double> listedTotal;  // the list's own "Total:" line, when present
    // The list's "Total (before mail-in rebates):" line, which is what its part prices add up to.
    std::optional<double> listedTotalBeforeRebates;
    // Sum of price x quantity over every priced line (skipped types included, as the list's own
    // total includes them), in the build's currency; none when no line has a price.
    std::optional<double> linesTotal;

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
// "$1,299.99", "$499.00 @ Amazon", "Purchased For $650.00", "€ 499,00", "499,00 €", "£89.99",
// "749 EUR". Returns none with `error` left empty when the text gives no price ("-", "", "N/A",
// "No Prices Available"), and none with `error` set ("price \"-749\" is negative ...") when the
// text is not an acceptable price: read by parsePriceText, never guessed or clamped.
std::optional<ParsedPrice> parsePcPartPickerPrice(std::string_view text, std::string* error = nullptr);

// True when the text looks like a PCPartPicker list (at least one typed part line).
bool looksLikePcPartPickerList(std::string_view text);

// Throws ImportError for text that is not a list (no part line at all) or fails checkImportText,
// for lines with an unacceptable price, currency or quantity (each named), and beyond the limits.
ImportResult importPcPartPickerList(std::string_view text, const Catalog& catalog);
ImportResult importPcPartPickerList(std::string_view text, const NameMatcher& matcher, const Catalog& catalog);

}  // namespace mlrig
