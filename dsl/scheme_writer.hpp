// Printing a scheme model in either syntax, for `jianfu convert`.
#pragma once
#include <string>

#include "dsl/comments.hpp"
#include "base/diagnostic.hpp"
#include "base/model.hpp"

namespace jf {

/// The model in the YAML form (docs/scheme-yaml.md): UTF-8, strings quoted only
/// where YAML needs it. Loading the result with load_yaml gives a model equal
/// to `scheme` (spans aside).
/// `comments` (dsl/comments.hpp), when given, are written back at their elements.
std::string write_yaml(const Scheme& scheme, const CommentMap* comments = nullptr);

/// The `.assess` text of a model, or why it cannot be written.
struct AssessText {
  std::string text;  // complete when `error` is empty
  Message error;     // e.g. an id that is not a valid .assess identifier
  bool ok() const { return error.empty(); }
};

/// The model in the `.assess` syntax, aligned like examples/qingshan-2025.assess.
/// Indicators are written inside their group block, groups in Scheme::groups
/// order; parsing the result gives an equal model when the model lists each
/// group's indicators together (both loaders produce such models). Fails
/// when an id, owner, unit or event is not a valid identifier (letters incl.
/// CJK, digits, `_`, not starting with a digit) or a text holds a control
/// character other than tab and newline.
AssessText write_assess(const Scheme& scheme, const CommentMap* comments = nullptr);

/// Whether `text` is a valid `.assess` identifier.
bool is_assess_identifier(std::string_view text);

}  // namespace jf
