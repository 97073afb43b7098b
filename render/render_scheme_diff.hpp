// Rendering a scheme diff (`jianfu diff OLD NEW`): indicators added, removed
// and changed, the load delta and the findings introduced and resolved.
#pragma once
#include <string>
#include <string_view>

#include "base/source.hpp"
#include "engine/scheme_diff.hpp"
#include "render/output_format.hpp"

namespace jf {

/// What a diff format renders: the diff, the sources its findings point
/// into and the two paths as the user named them.
struct DiffReportInput {
  const SchemeDiff& diff;
  const SourceSet& sources;
  std::string_view old_path, new_path;
  Lang lang = Lang::en;
  bool color = false;  // ANSI colours in the text's findings; the CLI decides
};

using DiffFormatMaker = std::string (*)(const DiffReportInput&);
/// Every `diff --format`, the default (text) first.
FormatList<DiffFormatMaker> diff_formats();

}  // namespace jf
