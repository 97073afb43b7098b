// Builds a YamlTree from parser events in document order; both YAML readers
// (libyaml: dsl/yaml_fast_reader.cpp, yaml-cpp: dsl/yaml_loader.cpp) use it,
// so the two build the same tree by construction.
#pragma once
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "dsl/yaml_tree.hpp"

namespace jf {

/// A node's children arrive interleaved with their own descendants; they wait
/// in one stack and move to the tree's child array, as one run, when their
/// collection closes. Texts that are not in the source go to the arena. The
/// views into both are set by finish(), once the buffers stop growing.
class YamlTreeBuilder {
 public:
  /// `expected_nodes`: a guess to reserve for (the source size helps).
  explicit YamlTreeBuilder(size_t expected_nodes = 0);

  /// A new node, not yet attached. (Inline, as attach(): both run once a
  /// node, and a call costs as much as their work.)
  uint32_t add(YamlKind kind, Span span, bool plain = false) {
    YamlNode& n = tree_.nodes.emplace_back();
    n.kind = kind;
    n.span = span;
    n.plain = plain;
    return static_cast<uint32_t>(tree_.nodes.size() - 1);
  }
  YamlNode& operator[](uint32_t id) { return tree_.nodes[id]; }
  const YamlNode& operator[](uint32_t id) const { return tree_.nodes[id]; }

  /// `text` must outlive the tree (it is the source text).
  void view_text(uint32_t id, std::string_view text) { tree_.nodes[id].text = text; }
  /// Copies `text` (or a tag) into the arena.
  void copy_text(uint32_t id, std::string_view text) { copy(id, text, false); }
  void copy_tag(uint32_t id, std::string_view tag) { copy(id, tag, true); }

  /// Makes `id` the next child of the innermost open collection, or the root
  /// when none is open and there is no root yet.
  void attach(uint32_t id) {
    if (!open_.empty()) {
      pending_.push_back(id);
    } else if (!has_root_) {
      tree_.root = id;
      has_root_ = true;
    }
  }
  /// Opens the (attached) collection `id`: the nodes attached next are its children.
  void open(uint32_t id);
  /// Closes the innermost open collection; its span grows to its last child's end.
  uint32_t close();
  /// The children of the collection close() just returned, until the next change.
  std::span<const uint32_t> closed_children() const;

  size_t open_count() const { return open_.size(); }
  bool has_root() const { return has_root_; }
  /// The tree, with every view set. The builder is spent.
  YamlTree finish();

 private:
  void copy(uint32_t id, std::string_view text, bool tag);

  struct Run {
    uint32_t node, first, count;
  };
  struct Owned {
    uint32_t node, offset, size;
    bool tag;
  };
  YamlTree tree_;
  bool has_root_ = false;
  std::vector<uint32_t> open_;       // open collections, outermost first
  std::vector<uint32_t> open_from_;  // where each one's children start in pending_
  std::vector<uint32_t> pending_;    // children of the open collections
  std::vector<Run> runs_;            // closed collections' runs in tree_.kids
  std::vector<Owned> owned_;         // texts in tree_.arena
};

}  // namespace jf
