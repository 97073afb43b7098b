// `.jianfu.yaml`: the project configuration file, read into plain data.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "base/lexicon.hpp"
#include "base/limits.hpp"
#include "base/source.hpp"
#include "base/diagnostic.hpp"
#include "base/rule_meta.hpp"

namespace jf {

/// A value from the file with where it was written, for later errors.
struct Located {
  std::string text;
  Span span;
};

struct ConfigParam {
  Located rule, name;
  ParamValue value;
};

struct ConfigSeverity {
  Located rule;
  Severity severity;
};

/// Everything a config file can say (docs/config.md). Paths are as written;
/// the caller resolves them against the config file's directory.
struct Config {
  uint32_t file = 0;
  std::vector<Located> rules, select, ignore, exclude;
  std::vector<ConfigSeverity> severity;
  std::vector<ConfigParam> params;
  std::optional<Located> lang, fail_on;
  std::vector<LexiconEntry> lexicon;  // `lexicon:` entries added to the built-in lexicon
  // `documents:` what a Word/Excel/CSV table does not say (docs/import.md):
  // the assessed units and the total, used where the document names none.
  std::vector<Located> document_units;
  std::optional<double> document_total;
};

/// Reads file `file` of `sources` as a config. Problems (YAML errors,
/// unknown keys, wrong types, bad enum words) are appended to `errors`, with
/// no rule id (they are tool errors, not findings); the result holds what
/// could be read.
/// The keys of `.jianfu.yaml`, in the order "valid keys" lists them
/// (`jianfu schema config` describes each: render/render_schema.cpp).
const std::vector<std::string_view>& config_keys();

Config load_config(const SourceSet& sources, uint32_t file, const Limits& limits, std::vector<Diagnostic>& errors);

}  // namespace jf
