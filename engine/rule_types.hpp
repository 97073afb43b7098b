// Static types of the rule language and the model schema rules see: enums,
// element kinds and their fields (docs/rule-language.md, "The model").
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/message.hpp"
#include "engine/rule_value.hpp"

namespace jf::rt {

struct Model;

enum class T : uint8_t { any, null, number, boolean, string, enum_, word, element, list };

/// A static type. `word` is a bare enum word not yet tied to an enum.
struct Type {
  T t = T::any;
  bool nullable = false;
  int enum_id = -1;  // enum_
  Elem elem = Elem::scheme;
  std::shared_ptr<const Type> item;  // list items; bucket: the items' type
  std::shared_ptr<const Type> key;   // bucket key
  std::string word;                  // word: the word itself

  static Type of(T t, bool nullable = false) { Type x; x.t = t; x.nullable = nullable; return x; }
  static Type enumeration(int id, bool nullable = false) {
    Type x = of(T::enum_, nullable);
    x.enum_id = id;
    return x;
  }
  static Type element(Elem e, bool nullable = false) {
    Type x = of(T::element, nullable);
    x.elem = e;
    return x;
  }
  static Type list_of(Type item) {
    Type x = of(T::list);
    x.item = std::make_shared<const Type>(std::move(item));
    return x;
  }
  bool is_stringy() const { return t == T::string || t == T::enum_ || t == T::word; }
};

/// The type as the argument `name` of a compile error, in the message's
/// language: "number" / "数字", "list of indicator" / "指标列表",
/// "department?", an enum by its name (score_mode).
MessageArg type_arg(std::string name, const Type&);

struct EnumInfo {
  std::string_view name;
  std::vector<std::string_view> values;
};
/// Every enum of the model; a Type's enum_id indexes this.
const std::vector<EnumInfo>& enums();
bool enum_has(int enum_id, std::string_view word);
/// True when `word` is a value of any enum.
bool is_enum_word(std::string_view word);

using Accessor = Value (*)(const Value& self, const Model&);

/// A field read as the model stores it (rule_fields.cpp): its row.
struct PlainField;

/// Typed reads of a derived field that is always a number, a text or a
/// bool on an element: what its accessor's Value holds, without building
/// it (the typed paths of rule_nodes.cpp; self is never null).
using NumberRead = double (*)(const Value& self, const Model&);
using StringRead = std::string_view (*)(const Value& self, const Model&);
using FlagRead = bool (*)(const Value& self, const Model&);

struct Field {
  std::string_view name;
  Type type;
  Accessor get;
  const PlainField* plain = nullptr;  // set for fields read as stored
  // At most one set, for a derived field of that kind (rule_fields.cpp).
  NumberRead number = nullptr;
  StringRead string = nullptr;
  FlagRead flag = nullptr;
};

/// What a plain field holds, for the typed reads below (`other`: lists,
/// flags; read through the accessor).
enum class PlainKind : uint8_t { other, number, string };
PlainKind plain_kind(const PlainField* f);
/// The number or string the field's accessor would return, without
/// building a Value: read_number / read_string of get(self) (rule_nodes.cpp),
/// for a field of that kind and a non-null `self`.
bool plain_number(const PlainField& f, const Value& self, double& out);
bool plain_string(const PlainField& f, const Value& self, std::string_view& out);
/// The field `name` of element kind `e`, or null. Bucket fields are typed by the compiler.
const Field* find_field(Elem e, std::string_view name);
/// Field names of `e`, for "did you mean" and messages.
std::vector<std::string_view> field_names(Elem e);
/// The top-level names (scheme, indicators, …), for completion.
std::vector<std::string_view> global_names();
/// The top-level name `name` (scheme, indicators, …), or null.
const Field* find_global(std::string_view name);
std::string_view elem_name(Elem e);

}  // namespace jf::rt
