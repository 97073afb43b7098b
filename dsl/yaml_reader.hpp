// Typed access to a YAML node tree with schema diagnostics (JF001): unknown,
// duplicate and missing keys, wrong types, unknown enum words.
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/limits.hpp"
#include "base/source.hpp"
#include "dsl/yaml_tree.hpp"
#include "base/diagnostic.hpp"
#include "base/model.hpp"

namespace jf {

/// One `key: value` entry of a mapping.
struct YamlField {
  std::string_view key;
  uint32_t key_node = 0;
  uint32_t value = 0;
};

/// A checked mapping: its node and its entries with known keys, first occurrence only.
struct YamlFields {
  uint32_t map = 0;
  std::vector<YamlField> items;
  /// The entry for `key`, or nullptr when absent or null (`key:` with no value).
  const YamlField* get(std::string_view key) const;
};

/// What a mapping or value is, named in messages: a catalogue key whose
/// text is the name (messages/parse_yaml.yaml), e.g. "parse.yaml.part.indicator".
struct What {
  std::string key;
};

/// Reads values out of a tree, reporting each problem once with its position and
/// continuing, so one run reports every problem (up to limits.max_syntax_errors).
class YamlReader {
 public:
  YamlReader(const YamlTree& tree, const SourceFile& src, const Limits& limits,
             std::vector<Diagnostic>& out);

  const YamlNode& node(uint32_t i) const { return tree_[i]; }
  const Limits& limits() const { return limits_; }
  /// Records a JF001; past the cap, one "too many errors" note and then nothing.
  void error(Span span, Message message, Message help = {});
  /// Attaches a `check --fix` replacement (`word`) to the finding just
  /// reported (if error() reported one after `reported` findings).
  void suggest(size_t reported, const YamlNode& n, std::string_view word);

  /// Checks that `node` is a mapping (else reports and returns nullopt), reports
  /// non-scalar, unknown (with a did-you-mean) and duplicate keys.
  std::optional<YamlFields> fields(uint32_t node, std::string_view label, const What& what,
                                   const std::vector<std::string_view>& keys);
  /// Reports `key` missing from `what` at the start of the mapping.
  void missing(const YamlFields& f, std::string_view key, const What& what);

  /// The elements of a list value (reports another type); a view into the tree.
  std::optional<std::span<const uint32_t>> list(uint32_t node, std::string_view label);
  /// A number written as a plain scalar.
  std::optional<double> number(uint32_t node, std::string_view label);
  std::optional<bool> boolean(uint32_t node, std::string_view label);
  /// Any scalar's text, within limits.max_string_bytes.
  std::optional<std::string> string(uint32_t node, std::string_view label);
  /// A non-empty scalar within limits.max_name_bytes, with its span.
  std::optional<Name> name(uint32_t node, std::string_view label);
  /// One of `words`; reports an unknown word with the valid ones and a did-you-mean.
  std::optional<std::string_view> word(uint32_t node, std::string_view label,
                                       const std::vector<std::string_view>& words);

  /// Where to point at a value: the value, or its key when the value is empty.
  Span value_span(const YamlField& f) const;
  /// Wrong-type report: "`label` must be EXPECTED, got …".
  void wrong_type(uint32_t node, std::string_view label, const What& expected);

 private:
  const YamlTree& tree_;
  const SourceFile& src_;
  const Limits& limits_;
  std::vector<Diagnostic>& out_;
  uint32_t errors_ = 0;
};

/// "a, b, c".
std::string join(const std::vector<std::string_view>& words);

}  // namespace jf
