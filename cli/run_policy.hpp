// What the flags and the governing config decide for a whole run of `check`
// or `diff`: the language of its messages and the severity that fails it.
#pragma once
#include <string>

#include "base/diagnostic.hpp"
#include "cli/globals.hpp"
#include "dsl/config_loader.hpp"

namespace jf::cli {

struct RunPolicy {
  Lang lang = Lang::en;
  Severity fail_level = Severity::error;
  bool never_fail = false;  // --fail-on never

  /// Whether a finding of severity `s` makes the run exit 1.
  bool fails_on(Severity s) const { return !never_fail && s >= fail_level; }
};

/// `--lang` and `--fail-on` when given, else the config's `lang` and
/// `fail-on` (`governing` may be null), else the environment's language and
/// `error`. Sets `g.lang` when the config gives it, so later messages agree.
/// A bad `fail-on` value is a ToolError.
RunPolicy run_policy(const Config* governing, Globals& g, const std::string& fail_on_flag);

}  // namespace jf::cli
