// A compact YAML node tree built from parser events: what the scheme reader walks.
// Plain data, no yaml-cpp types, so only dsl/yaml_loader.cpp includes yaml-cpp.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <optional>

#include "base/limits.hpp"
#include "base/source.hpp"
#include "base/span.hpp"
#include "base/diagnostic.hpp"

namespace jf {

enum class YamlKind { null, scalar, sequence, mapping };

/// One node. Children are indices into YamlTree::nodes; a mapping stores
/// key, value, key, value, … An alias is stored as the index of the node it
/// names, so nodes may be shared but never form a cycle (the loader rejects
/// aliases to open nodes).
struct YamlNode {
  YamlKind kind = YamlKind::null;
  bool plain = false;      // a plain (unquoted, untagged) scalar: may be a number or bool
  std::string text;        // scalar value
  std::string tag;         // explicit tag other than the non-specific `!`/`?`; empty otherwise
  Span span;               // file offsets (BOM included)
  std::vector<uint32_t> children;
};

/// A whole document; `root` indexes `nodes`.
struct YamlTree {
  std::vector<YamlNode> nodes;
  uint32_t root = 0;
  const YamlNode& operator[](uint32_t i) const { return nodes[i]; }
};

/// Reads the single YAML document of `src` from parser events, bounding depth
/// and aliases. Problems are appended as JF001 findings; nullopt when no
/// usable document was read. The only entry point to yaml-cpp.
std::optional<YamlTree> read_yaml_document(const SourceFile& src, uint32_t file, const Limits& limits,
                                           std::vector<Diagnostic>& diagnostics);

/// The fast path of read_yaml_document (libyaml, dsl/yaml_fast_reader.cpp):
/// the same tree for a clean single document without anchors, aliases, tags,
/// empty values, block or multi-line plain scalars; nullopt, with no
/// findings, for anything else (the caller then reads it with yaml-cpp).
std::optional<YamlTree> read_yaml_fast(const SourceFile& src, uint32_t file, const Limits& limits);
/// read_yaml_document without the fast path: yaml-cpp only (for tests that
/// check both paths build the same tree).
std::optional<YamlTree> read_yaml_document_slow(const SourceFile& src, uint32_t file, const Limits& limits,
                                                std::vector<Diagnostic>& diagnostics);
/// The catalogue key naming a node's kind for "got X" messages ("a list",
/// "a mapping", "a string", "nothing" …; messages/parse_yaml.yaml).
inline std::string_view describe_key(const YamlNode& n) {
  switch (n.kind) {
    case YamlKind::null: return "parse.yaml.node.null";
    case YamlKind::sequence: return "parse.yaml.node.list";
    case YamlKind::mapping: return "parse.yaml.node.mapping";
    case YamlKind::scalar: return n.plain ? "parse.yaml.node.plain" : "parse.yaml.node.string";
  }
  return "parse.yaml.node.plain";
}

}  // namespace jf
