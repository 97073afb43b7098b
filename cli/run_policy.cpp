#include "cli/run_policy.hpp"

#include <fmt/format.h>

namespace jf::cli {

RunPolicy run_policy(const Config* governing, Globals& g, const std::string& fail_on_flag) {
  if (g.lang.empty() && governing && governing->lang) g.lang = governing->lang->text;
  RunPolicy p;
  p.lang = resolve_lang(g.lang);
  const std::string fail_on = !fail_on_flag.empty()             ? fail_on_flag
                              : governing && governing->fail_on ? governing->fail_on->text
                                                                : "error";
  p.never_fail = fail_on == "never";
  if (!p.never_fail && !parse_severity(fail_on, p.fail_level))
    throw ToolError(msg("cli.arg.fail_on", {arg("value", fail_on)}));
  return p;
}

}  // namespace jf::cli
