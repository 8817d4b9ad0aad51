// The custom-part field table (core/model/CustomPartFields.h): the .mlrig reader accepts exactly
// its fields, within exactly its ranges and ids, and writes back what it read. The dialog that
// builds its inputs from the same table is tested in tests/ui/CustomPartDialogTest.cpp.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <map>
#include <set>
#include <string>

#include "core/io/BuildDocument.h"
#include "core/model/CustomPartFields.h"

using namespace mlrig;
using json = nlohmann::json;
using Kind = CustomPartField::Kind;

namespace {

bool accepted(Category category, const json& custom)
{
    try {
        parseCustomPart(category, custom.dump());
        return true;
    } catch (const BuildFormatError&) {
        return false;
    }
}

json withField(std::string_view key, const json& value)
{
    return json{{"name", "Mine"}, {std::string(key), value}};
}

// A value the field accepts, other than its default.
json sampleValue(const CustomPartField& f)
{
    switch (f.kind) {
    case Kind::Number:
    case Kind::Integer: return f.max;
    case Kind::Flag: return true;
    case Kind::Text: return "AM5";
    case Kind::List: return json::array({"ATX", "Micro ATX"});
    case Kind::Choice: return std::string(f.choices.back());
    }
    return nullptr;
}

}  // namespace

// What .mlrig files have always been able to say about custom parts (the reader's table before it
// moved to core/model): the table must keep every one of these keys.
TEST(CustomPartFields, TableHasEveryDocumentField)
{
    const std::map<Category, std::set<std::string>> expected = {
        {Category::Gpu,
         {"vendor", "class", "architecture", "vram_gb", "memory_bandwidth_gbs", "fp16_tensor_tflops", "fp32_tflops",
          "tdp_w", "transient_peak_w", "length_mm", "slot_width", "pcie_8pin", "pcie_12vhpwr", "nvlink", "cooling",
          "gpus_per_board"}},
        {Category::Cpu, {"socket", "cores", "tdp_w", "memory_types", "pcie_lanes"}},
        {Category::Motherboard,
         {"socket", "form_factor", "memory_type", "memory_slots", "max_memory_gb", "pcie_x16_slots", "x8x8_bifurcation",
          "m2_slots"}},
        {Category::Memory, {"memory_type", "modules", "module_gb"}},
        {Category::Psu, {"wattage_w", "atx3", "pcie_8pin", "pcie_12vhpwr"}},
        {Category::Case, {"motherboard_form_factors", "max_gpu_length_mm", "max_cooler_height_mm", "expansion_slots"}},
        {Category::Cooler, {"height_mm", "sockets", "water_cooled", "tdp_rating_w"}},
        {Category::Storage, {"capacity_gb", "nvme"}},
    };
    for (const auto& [category, keys] : expected) {
        std::set<std::string> inTable;
        for (const CustomPartField& f : customPartFields(category)) {
            EXPECT_TRUE(inTable.insert(std::string(f.key)).second) << "duplicate key " << f.key;
            EXPECT_FALSE(f.label.empty()) << f.key;
            EXPECT_EQ(findCustomPartField(category, f.key), &f);
        }
        EXPECT_EQ(inTable, keys) << categoryId(category);
    }
}

TEST(CustomPartFields, RangesAndChoicesThatDriftedBefore)
{
    const CustomPartField* vram = findCustomPartField(Category::Gpu, "vram_gb");
    ASSERT_NE(vram, nullptr);
    EXPECT_EQ(vram->kind, Kind::Number);
    EXPECT_EQ(vram->min, 0);
    EXPECT_EQ(vram->max, 4096);
    const CustomPartField* cooling = findCustomPartField(Category::Gpu, "cooling");
    ASSERT_NE(cooling, nullptr);
    EXPECT_EQ(cooling->kind, Kind::Choice);
    const std::vector<std::string_view> coolings = {"open", "blower", "passive", "water"};
    EXPECT_EQ(cooling->choices, coolings);
    EXPECT_EQ(findCustomPartField(Category::Gpu, "no_such_field"), nullptr);
}

// The reader takes each field's range, both ends included, and nothing beyond; every choice and
// nothing else; and writes back what it read.
TEST(CustomPartFields, DocumentAcceptsExactlyTheTable)
{
    for (Category category : kAllCategories) {
        for (const CustomPartField& f : customPartFields(category)) {
            SCOPED_TRACE(std::string(categoryId(category)) + "." + std::string(f.key));
            if (f.kind == Kind::Number || f.kind == Kind::Integer) {
                EXPECT_TRUE(accepted(category, withField(f.key, f.min)));
                EXPECT_TRUE(accepted(category, withField(f.key, f.max)));
                EXPECT_FALSE(accepted(category, withField(f.key, f.max + 1)));
                EXPECT_FALSE(accepted(category, withField(f.key, f.min - 1)));
                EXPECT_FALSE(accepted(category, withField(f.key, "12")));
                if (f.kind == Kind::Integer) {
                    EXPECT_FALSE(accepted(category, withField(f.key, f.min + 0.5)));
                }
            }
            if (f.kind == Kind::Choice) {
                for (std::string_view id : f.choices) {
                    EXPECT_TRUE(accepted(category, withField(f.key, id)));
                }
                EXPECT_FALSE(accepted(category, withField(f.key, "not-an-id")));
            }
            if (f.kind == Kind::Flag) {
                EXPECT_FALSE(accepted(category, withField(f.key, "yes")));
            }

            const json value = sampleValue(f);
            const AnyPart part = parseCustomPart(category, withField(f.key, value).dump());
            EXPECT_EQ(f.get(part), f.get(parseCustomPart(category, serializeCustomPart(part))));
            const json written = json::parse(serializeCustomPart(part));
            ASSERT_TRUE(written.contains(std::string(f.key)));
            EXPECT_EQ(written.at(std::string(f.key)), value);
        }
        EXPECT_FALSE(accepted(category, withField("no_such_field", 1)));
    }
}

// The table's setters and getters agree: what is set is what is read back.
TEST(CustomPartFields, SetThenGet)
{
    for (Category category : kAllCategories) {
        for (const CustomPartField& f : customPartFields(category)) {
            SCOPED_TRACE(std::string(f.key));
            AnyPart part = makeEmptyPart(category);
            EXPECT_TRUE(std::holds_alternative<std::monostate>(f.get(part)));
            CustomFieldValue v;
            switch (f.kind) {
            case Kind::Number:
            case Kind::Integer: v = f.max; break;
            case Kind::Flag: v = false; break;
            case Kind::Text: v = std::string("LGA1700"); break;
            case Kind::List: v = std::vector<std::string>{"AM5"}; break;
            case Kind::Choice: v = std::string(f.choices.front()); break;
            }
            f.set(part, v);
            EXPECT_EQ(f.get(part), v);
            f.set(part, CustomFieldValue());
            EXPECT_TRUE(std::holds_alternative<std::monostate>(f.get(part)));
        }
    }
}
