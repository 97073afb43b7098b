// The `.assess` statements that set one text field of an indicator or of its
// wording (`content "…"`, `standard "…"`, `method "…"`, `from "…"`), read from
// the field table (base/model_fields.cpp): a text field whose row names an
// `.assess` keyword is a statement of the language with no grammar change
// (docs/contributing.md, "A scheme field").
#pragma once
#include <span>
#include <string_view>
#include <vector>

#include "base/model_fields.hpp"

namespace jf::assess {

/// The text fields of Part::indicator and Part::wording that have an
/// `.assess` keyword, in table order.
inline std::span<const ModelField* const> text_statement_fields() {
  static const std::vector<const ModelField*> fields = [] {
    std::vector<const ModelField*> out;
    for (Part part : {Part::indicator, Part::wording})
      for (const ModelField& f : model_fields(part))
        if (f.type == FieldType::text && !f.assess.empty()) out.push_back(&f);
    return out;
  }();
  return fields;
}

/// The text field written with `keyword` in an indicator, or null.
inline const ModelField* text_statement_field(std::string_view keyword) {
  for (const ModelField* f : text_statement_fields())
    if (f->assess == keyword) return f;
  return nullptr;
}

}  // namespace jf::assess
