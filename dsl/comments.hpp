// Comments of a scheme file, carried across `convert`: each is attached to
// the element (or element part) on the line it annotates, so the writer of
// the other syntax puts it before the same element, and a `# jianfu: allow`
// suppression still covers the line its finding points at.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "base/source.hpp"
#include "base/model.hpp"

namespace jf {

/// The comments annotating one element: whole-line comments before it, and
/// the one written after it on its own line.
struct SlotComments {
  std::vector<std::string> before;  // each from `#` to the end of its line; "" for a blank line after one
  std::string trailing;
};

/// By slot: "scheme", "scheme/units", "department:ID", "group:ID",
/// "indicator:ID", "indicator:ID/owner" (…/points, /key, /score, /report,
/// /evidence, /proves, /deduct:N, /penalty:N, /content, /standard, /method,
/// /from), "inspection:ID",
/// "overall:N"; "end" for comments after the last element.
using CommentMap = std::map<std::string, SlotComments>;

/// The key of the `nth` (1-based) element holding slot `slot`: `slot` itself
/// for the first, "slot#N" after it, so copies of an id used twice keep their
/// own comments.
std::string slot_key(const std::string& slot, size_t nth);

/// The comments of `src` (`.assess` when !yaml), attached to the elements of
/// the scheme loaded from it.
CommentMap collect_comments(const SourceFile& src, const Scheme& scheme, bool yaml);

}  // namespace jf
