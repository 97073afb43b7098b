#include "dsl/yaml_tree_builder.hpp"

#include <algorithm>

namespace jf {

YamlTreeBuilder::YamlTreeBuilder(size_t expected_nodes) {
  tree_.nodes.reserve(expected_nodes);
  tree_.kids.reserve(expected_nodes);
}

void YamlTreeBuilder::copy(uint32_t id, std::string_view text, bool tag) {
  owned_.push_back({id, static_cast<uint32_t>(tree_.arena.size()), static_cast<uint32_t>(text.size()), tag});
  tree_.arena.insert(tree_.arena.end(), text.begin(), text.end());
}

void YamlTreeBuilder::open(uint32_t id) {
  open_.push_back(id);
  open_from_.push_back(static_cast<uint32_t>(pending_.size()));
}

uint32_t YamlTreeBuilder::close() {
  uint32_t id = open_.back(), from = open_from_.back();
  open_.pop_back();
  open_from_.pop_back();
  auto first = static_cast<uint32_t>(tree_.kids.size());
  tree_.kids.insert(tree_.kids.end(), pending_.begin() + from, pending_.end());
  pending_.resize(from);
  Run run{id, first, static_cast<uint32_t>(tree_.kids.size() - first)};
  runs_.push_back(run);
  YamlNode& n = tree_.nodes[id];
  for (uint32_t c : closed_children()) n.span.end = std::max(n.span.end, tree_.nodes[c].span.end);
  return id;
}

std::span<const uint32_t> YamlTreeBuilder::closed_children() const {
  const Run& r = runs_.back();
  return {tree_.kids.data() + r.first, r.count};
}

YamlTree YamlTreeBuilder::finish() {
  for (const Run& r : runs_) tree_.nodes[r.node].children = {tree_.kids.data() + r.first, r.count};
  for (const Owned& o : owned_) {
    std::string_view s(tree_.arena.data() + o.offset, o.size);
    (o.tag ? tree_.nodes[o.node].tag : tree_.nodes[o.node].text) = s;
  }
  return std::move(tree_);
}

}  // namespace jf
