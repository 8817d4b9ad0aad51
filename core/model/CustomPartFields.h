#pragma once

// The fields a custom (user-described) part has, per category: key, label, kind, accepted range or
// ids. One table, so that what a .mlrig file may say about a custom part (core/io validates with
// it) and what the "Custom part…" dialog offers (ui/picker builds its inputs from it) cannot drift
// apart. The name and manufacturer every part has are not listed here.

#include <functional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/catalog/Parts.h"

namespace mlrig {

// A field's value on a part: unknown (monostate), a number (Number and Integer), a flag, a text
// (Text, and the id of a Choice) or a list of texts.
using CustomFieldValue = std::variant<std::monostate, double, bool, std::string, std::vector<std::string>>;

struct CustomPartField {
    enum class Kind {
        Number,   // a decimal from min to max
        Integer,  // a whole number from min to max
        Flag,     // yes or no
        Text,     // free text: a socket, a memory type
        List,     // several texts: form factors, sockets
        Choice,   // one of `choices`, e.g. the cooling "open", "blower", "passive", "water"
    };
    std::string_view key;    // the .mlrig key, e.g. "vram_gb"
    std::string_view label;  // what a form calls it, e.g. "VRAM (GB)"
    Kind kind = Kind::Text;
    double min = 0;          // Number and Integer: the accepted range, both ends included
    double max = 0;
    int decimals = 0;        // Number: the precision a form offers
    std::vector<std::string_view> choices;  // Choice: the accepted ids
    // The value on a part of the field's category (monostate when unknown), and setting it.
    std::function<CustomFieldValue(const AnyPart&)> get;
    std::function<void(AnyPart&, const CustomFieldValue&)> set;
};

// The fields of a custom part of the category, in the order a form shows them.
const std::vector<CustomPartField>& customPartFields(Category category);
// The field with that .mlrig key, or nullptr.
const CustomPartField* findCustomPartField(Category category, std::string_view key);

}  // namespace mlrig
