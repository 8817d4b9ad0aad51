#include "core/io/CustomPartJson.h"

#include "core/util/TextUtil.h"
#include "core/model/CustomPartFields.h"

namespace mlrig::docjson {
namespace {

using Kind = CustomPartField::Kind;

CustomFieldValue readField(const CustomPartField& field, const json& v, const std::string& place)
{
    switch (field.kind) {
    case Kind::Number: return readNumber(v, place, field.min, field.max);
    case Kind::Integer:
        return static_cast<double>(
            readInt(v, place, static_cast<long long>(field.min), static_cast<long long>(field.max)));
    case Kind::Flag: return readBool(v, place);
    case Kind::Text: return readString(v, place);
    case Kind::List: return readStringList(v, place);
    case Kind::Choice: break;
    }
    // A choice: one of the ids, in any case and with spaces around.
    if (v.is_string()) {
        const std::string given = toLower(trim(v.get<std::string>()));
        for (std::string_view id : field.choices)
            if (given == id)
                return std::string(id);
    }
    std::string allowed;
    for (std::string_view id : field.choices)
        allowed += (allowed.empty() ? "" : ", ") + std::string(id);
    fail(place, "expected one of " + allowed + ", got " + describe(v));
}

void writeField(const CustomPartField& field, const CustomFieldValue& value, ojson& o)
{
    const std::string key(field.key);
    if (const double* d = std::get_if<double>(&value))
        o[key] = field.kind == Kind::Integer ? ojson(static_cast<int>(*d)) : number(*d);
    else if (const bool* b = std::get_if<bool>(&value))
        o[key] = *b;
    else if (const std::string* s = std::get_if<std::string>(&value))
        o[key] = *s;
    else if (const auto* l = std::get_if<std::vector<std::string>>(&value))
        o[key] = *l;
}

}  // namespace

AnyPart parseCustom(const json& obj, const std::string& place, Category category)
{
    if (!obj.is_object())
        fail(place, "expected an object with the part's fields, got " + describe(obj));
    AnyPart part = makeEmptyPart(category);
    PartInfo& info = infoOf(part);
    if (!obj.contains("name"))
        fail(place + ".name", "missing; a custom part needs a name");
    for (const auto& [key, value] : obj.items()) {
        const std::string where = place + "." + key;
        if (key == "name") {
            info.name = std::string(trim(readString(value, where)));
            if (info.name.empty())
                fail(where, "must not be empty");
            continue;
        }
        if (key == "manufacturer") {
            info.manufacturer = readString(value, where);
            continue;
        }
        const CustomPartField* field = findCustomPartField(category, key);
        if (!field) {
            std::string known = "name, manufacturer";
            for (const CustomPartField& f : customPartFields(category))
                known += ", " + std::string(f.key);
            fail(where, "not a field of a custom " + std::string(categoryId(category)) + " (known fields: " + known + ")");
        }
        field->set(part, readField(*field, value, where));
    }
    return part;
}

ojson writeCustom(const AnyPart& part)
{
    ojson o = ojson::object();
    const PartInfo& info = infoOf(part);
    o["name"] = info.name;
    if (!info.manufacturer.empty())
        o["manufacturer"] = info.manufacturer;
    for (const CustomPartField& field : customPartFields(categoryOf(part)))
        writeField(field, field.get(part), o);
    return o;
}

}  // namespace mlrig::docjson
