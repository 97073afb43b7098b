#include "dsl/config_loader.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

#include "base/decimal.hpp"
#include "dsl/byte_checks.hpp"
#include "dsl/lexicon_reader.hpp"
#include "dsl/scheme_loader.hpp"

#include "dsl/yaml_reader.hpp"
#include "dsl/yaml_tree.hpp"

namespace jf {
namespace {

const What kConfig{"parse.config.what.config"};

class ConfigReader {
 public:
  ConfigReader(YamlReader& r, Config& c, std::string origin) : r_(r), c_(c), origin_(std::move(origin)) {}

  void read(uint32_t root) {
    if (r_.node(root).kind == YamlKind::null) return;  // an empty config is fine
    auto f = r_.fields(root, "top level", kConfig, config_keys());
    if (!f) return;
    words(f->get("rules"), "rules", c_.rules);
    words(f->get("select"), "select", c_.select);
    words(f->get("ignore"), "ignore", c_.ignore);
    words(f->get("exclude"), "exclude", c_.exclude);
    if (auto* v = f->get("lang")) c_.lang = choice(v->value, "lang", {"en", "zh"});
    if (auto* v = f->get("fail-on")) c_.fail_on = choice(v->value, "fail-on", {"error", "warning", "info", "never"});
    if (auto* v = f->get("severity")) severities(v->value);
    if (auto* v = f->get("params")) params(v->value);
    if (auto* v = f->get("lexicon")) read_lexicon_entries(r_, v->value, origin_, "", c_.lexicon);
    if (auto* v = f->get("documents")) documents(v->value);
  }

 private:
  std::optional<Located> located_string(uint32_t node, std::string_view label) {
    auto s = r_.string(node, label);
    if (!s) return std::nullopt;
    return Located{*s, r_.node(node).span};
  }

  std::optional<Located> choice(uint32_t node, std::string_view label, const std::vector<std::string_view>& words) {
    auto w = r_.word(node, label, words);
    if (!w) return std::nullopt;
    return Located{std::string(*w), r_.node(node).span};
  }

  // A list of strings; a single string is accepted as a list of one.
  void words(const YamlField* f, std::string_view label, std::vector<Located>& out) {
    if (!f) return;
    if (r_.node(f->value).kind == YamlKind::scalar) {
      if (auto s = located_string(f->value, label)) out.push_back(*s);
      return;
    }
    if (auto items = r_.list(f->value, label))
      for (uint32_t n : *items)
        if (auto s = located_string(n, label)) out.push_back(*s);
  }

  // The entries of a mapping whose keys are free (rule ids, parameter names):
  // every scalar key is allowed, so only duplicates and non-scalars are errors.
  std::optional<YamlFields> free_map(uint32_t node, std::string_view label, What what) {
    std::vector<std::string_view> keys;
    const YamlNode& n = r_.node(node);
    if (n.kind == YamlKind::mapping)
      for (size_t i = 0; i + 1 < n.children.size(); i += 2)
        if (r_.node(n.children[i]).kind == YamlKind::scalar) keys.push_back(r_.node(n.children[i]).text);
    return r_.fields(node, label, what, keys);
  }

  // documents: {units: [甲镇, 乙乡], total: 1000}
  void documents(uint32_t node) {
    auto f = r_.fields(node, "documents", {"parse.config.what.documents"}, {"units", "total"});
    if (!f) return;
    words(f->get("units"), "documents.units", c_.document_units);
    if (auto* v = f->get("total")) {
      auto n = r_.number(v->value, "documents.total");
      if (n && !(*n > 0))
        r_.error(r_.node(v->value).span, msg("parse.config.bad_total", {arg("value", r_.node(v->value).text)}),
                 msg("parse.config.bad_total.help"));
      else if (n)
        c_.document_total = n;
    }
  }

  void severities(uint32_t node) {
    auto f = free_map(node, "severity", {"parse.config.what.severity"});
    if (!f) return;
    for (const YamlField& e : f->items) {
      auto w = r_.word(e.value, "severity", {"error", "warning", "info"});
      Severity s;
      if (w && parse_severity(*w, s)) c_.severity.push_back({{std::string(e.key), r_.node(e.key_node).span}, s});
    }
  }

  std::optional<ParamValue::Scalar> scalar(uint32_t node, std::string_view label) {
    const YamlNode& n = r_.node(node);
    if (n.kind != YamlKind::scalar) {
      r_.wrong_type(node, label, {"parse.config.expected.param"});
      return std::nullopt;
    }
    if (n.plain && (n.text == "true" || n.text == "false")) return n.text == "true";
    if (n.plain) {
      // `30%` is the share 0.3.
      std::string_view t = n.text;
      const bool percent = t.size() > 1 && t.back() == '%';
      if (percent) t.remove_suffix(1);
      if (std::optional<double> v = decimal_value(t, {.allow_exponent = true})) return percent ? *v / 100 : *v;
    }
    return std::string(n.text);
  }

  void params(uint32_t node) {
    auto rules = free_map(node, "params", {"parse.config.what.params"});
    if (!rules) return;
    for (const YamlField& rule : rules->items) {
      auto names = free_map(rule.value, fmt::format("params.{}", rule.key), {"parse.config.what.rule_params"});
      if (!names) continue;
      for (const YamlField& p : names->items) {
        std::string label = fmt::format("params.{}.{}", rule.key, p.key);
        ParamValue value;
        if (r_.node(p.value).kind == YamlKind::sequence) {
          std::vector<ParamValue::Scalar> items;
          for (uint32_t n : r_.node(p.value).children)
            if (auto s = scalar(n, label)) items.push_back(*s);
          value.value = std::move(items);
        } else if (auto s = scalar(p.value, label)) {
          std::visit([&](auto&& v) { value.value = v; }, *s);
        } else {
          continue;
        }
        c_.params.push_back({{std::string(rule.key), r_.node(rule.key_node).span},
                             {std::string(p.key), r_.node(p.key_node).span},
                             std::move(value)});
      }
    }
  }

  YamlReader& r_;
  Config& c_;
  std::string origin_;
};

}  // namespace

const std::vector<std::string_view>& config_keys() {
  static const std::vector<std::string_view> keys = {"rules",   "select",  "ignore",  "severity", "params",
                                                     "lang",    "fail-on", "exclude", "lexicon", "documents"};
  return keys;
}

Config load_config(const SourceSet& sources, uint32_t file, const Limits& limits, std::vector<Diagnostic>& errors) {
  Config c;
  c.file = file;
  const SourceFile& src = sources[file];
  std::vector<Diagnostic> found;
  if (auto bad = first_byte_problem(src)) {
    found.push_back(syntax_error({file, bad->at, bad->at + 1}, std::move(bad->message), std::move(bad->help)));
  } else if (auto tree = read_yaml_document(src, file, limits, found)) {
    YamlReader reader(*tree, src, limits, found);
    ConfigReader(reader, c, src.path()).read(tree->root);
  }
  for (Diagnostic& d : found) {
    d.rule.clear();
    d.name = "invalid-config";
    d.category = "config";
  }
  errors.insert(errors.end(), found.begin(), found.end());
  return c;
}

}  // namespace jf
