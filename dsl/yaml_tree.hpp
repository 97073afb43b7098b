// A compact YAML node tree built from parser events: what the scheme reader walks.
// Plain data, no yaml-cpp types, so only dsl/yaml_loader.cpp includes yaml-cpp.
// Both readers build it with YamlTreeBuilder (dsl/yaml_tree_builder.hpp).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <optional>
#include <span>

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
///
/// A node owns nothing: `text` views the source text when the scalar is
/// written there byte for byte (plain or quoted without escapes), else the
/// tree's arena; `children` views the tree's one child array. So a document
/// costs three allocations, not one string and one vector per node
/// (docs/performance.md, "YAML"). The tree must not outlive its SourceFile.
struct YamlNode {
  YamlKind kind = YamlKind::null;
  bool plain = false;      // a plain (unquoted, untagged) scalar: may be a number or bool
  std::string_view text;   // scalar value
  std::string_view tag;    // explicit tag other than the non-specific `!`/`?`; empty otherwise
  Span span;               // file offsets (BOM included)
  std::span<const uint32_t> children;
};

/// A whole document; `root` indexes `nodes`. Move-only: the nodes view
/// `kids` and `arena`, whose buffers a move keeps and a copy would not.
struct YamlTree {
  std::vector<YamlNode> nodes;
  std::vector<uint32_t> kids;  // every node's children, one run per collection
  std::vector<char> arena;     // scalar texts and tags not found verbatim in the source
  uint32_t root = 0;
  YamlTree() = default;
  YamlTree(YamlTree&&) noexcept = default;
  YamlTree& operator=(YamlTree&&) noexcept = default;
  YamlTree(const YamlTree&) = delete;
  YamlTree& operator=(const YamlTree&) = delete;
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
/// The first reader of read_yaml_document (dsl/yaml_subset_scanner.cpp): our
/// own scanner for the block-style subset scheme files are written in; the
/// tree read_yaml_fast builds, or nullopt, with no findings, for anything
/// outside the subset (the caller then asks read_yaml_fast).
std::optional<YamlTree> read_yaml_subset(const SourceFile& src, uint32_t file, const Limits& limits);
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
