// Run-time values of the rule language: numbers, bools, strings, null, lists
// and references to model elements. Copying a value never copies a list or a
// model string: lists over model vectors are views, computed ones are shared.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace jf::rt {

/// Kinds of model elements a value can refer to.
enum class Elem : uint8_t {
  scheme, unit, department, group, indicator, score, report, deduction, penalty, trigger, action,
  inspection, bucket, criterion,
};

/// Where a list's items come from. Views over model vectors build each item
/// value on access; `values` is a materialised vector.
enum class ListSrc : uint8_t {
  values,          // base = const Value*
  units,           // base = const Name*
  departments,     // base = const Department*
  groups,          // base = const Group*
  indicators,      // base = const Indicator*
  inspections,     // base = const Inspection*
  penalties,       // base = const Penalty*, ctx = owning indicator (-1: overall)
  deductions,      // base = const Deduction*, ctx = owning indicator
  actions,         // base = const Action*
  action_kinds,    // base = const Action*: items are enum strings
  evidence,        // base = const Evidence*: items are enum strings
  name_texts,      // base = const Name*: items are the names' text
  indicator_refs,  // base = const int*: indicator indices
  inspection_refs, // base = const int*: inspection indices
  criteria,        // base = const Criterion*, ctx = owning indicator
  strings,         // base = const std::string*: items are the strings
};

enum class Kind : uint8_t { null, number, boolean, string, element, list };

struct Value {
  Kind kind = Kind::null;
  uint8_t sub = 0;          // Elem or ListSrc
  int32_t ctx = -1;         // element: owning indicator (penalty, deduction); list: same
  uint32_t n = 0;           // string length or list size
  double num = 0;           // number, or bool as 0/1
  const void* ptr = nullptr;  // string bytes, element, or list base
  std::shared_ptr<const void> hold;  // keeps computed strings/lists/buckets alive

  static Value number(double v) {
    Value x;
    x.kind = Kind::number;
    x.num = v;
    return x;
  }
  static Value boolean(bool v) {
    Value x;
    x.kind = Kind::boolean;
    x.num = v ? 1 : 0;
    return x;
  }
  /// A string owned elsewhere (the model, the rule program): no copy.
  static Value view(std::string_view s) {
    Value x;
    x.kind = Kind::string;
    x.ptr = s.data();
    x.n = static_cast<uint32_t>(s.size());
    return x;
  }
  static Value owned(std::string s) {
    auto p = std::make_shared<const std::string>(std::move(s));
    Value x = view(*p);
    x.hold = std::move(p);
    return x;
  }
  static Value element(Elem e, const void* p, int32_t ctx = -1) {
    Value x;
    x.kind = Kind::element;
    x.sub = static_cast<uint8_t>(e);
    x.ptr = p;
    x.ctx = ctx;
    return x;
  }
  static Value list(ListSrc s, const void* base, size_t n, int32_t ctx = -1) {
    Value x;
    x.kind = Kind::list;
    x.sub = static_cast<uint8_t>(s);
    x.ptr = base;
    x.n = static_cast<uint32_t>(n);
    x.ctx = ctx;
    return x;
  }
  static Value list(std::vector<Value> items) {
    // Most computed lists are empty (no lexicon word, no matching criterion
    // on an indicator): those need no shared storage, so no allocation.
    if (items.empty()) return list(ListSrc::values, nullptr, 0);
    auto p = std::make_shared<const std::vector<Value>>(std::move(items));
    Value x = list(ListSrc::values, p->data(), p->size());
    x.hold = std::move(p);
    return x;
  }

  /// The same as list(std::move(items)) in one allocation (the items and
  /// their count share it); `items`, a reused scratch vector, is left empty.
  static Value list_from(std::vector<Value>& items) {
    if (items.empty()) return list(ListSrc::values, nullptr, 0);
    std::shared_ptr<Value[]> p = std::make_shared<Value[]>(items.size());
    for (size_t i = 0; i < items.size(); ++i) p[i] = std::move(items[i]);
    Value x = list(ListSrc::values, p.get(), items.size());
    x.hold = std::shared_ptr<const void>(p, p.get());
    items.clear();
    return x;
  }

  /// Overwrites this value with a reference to a model element or a view
  /// of a string owned elsewhere: what Value::element() / Value::view()
  /// build, without the temporary (a slot written once per element).
  void set_element(Elem e, const void* p, int32_t c = -1) {
    if (hold) hold.reset();
    kind = Kind::element, sub = static_cast<uint8_t>(e), ctx = c, n = 0, num = 0, ptr = p;
  }
  void set_view(std::string_view s) {
    if (hold) hold.reset();
    kind = Kind::string, sub = 0, ctx = -1, n = static_cast<uint32_t>(s.size()), num = 0, ptr = s.data();
  }

  bool is_null() const { return kind == Kind::null; }
  bool truthy() const { return kind == Kind::boolean && num != 0; }
  std::string_view str() const { return {static_cast<const char*>(ptr), n}; }
  Elem elem() const { return static_cast<Elem>(sub); }
  ListSrc src() const { return static_cast<ListSrc>(sub); }
  template <class T>
  const T& as() const { return *static_cast<const T*>(ptr); }
};

/// A group of group_by(): its key and items.
struct Bucket {
  Value key;
  Value items;  // a list
};

}  // namespace jf::rt
