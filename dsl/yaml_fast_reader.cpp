// The fast path of read_yaml_document: libyaml events → the same YamlTree the
// yaml-cpp path builds, for the common case only. yaml-cpp reads about
// 5 MB/s (docs/performance.md); libyaml reads the same files ten times faster.
// Anything outside the common case (an error, a second or no document,
// anchors, aliases, tags, empty values, block or multi-line plain scalars,
// nesting past the limit) returns nullopt and the caller reads the file with
// yaml-cpp, so every finding, position and guard stays as documented.
#include <yaml.h>

#include "dsl/yaml_tree.hpp"

namespace jf {
namespace {

/// Owns a libyaml parser and the current event.
class Events {
 public:
  explicit Events(std::string_view text) {
    ok_ = yaml_parser_initialize(&parser_) != 0;
    if (ok_)
      yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  }
  ~Events() {
    if (has_event_) yaml_event_delete(&event_);
    yaml_parser_delete(&parser_);
  }
  Events(const Events&) = delete;
  Events& operator=(const Events&) = delete;

  /// The next event, or null on a parse error.
  const yaml_event_t* next() {
    if (has_event_) yaml_event_delete(&event_);
    has_event_ = ok_ && yaml_parser_parse(&parser_, &event_) != 0;
    return has_event_ ? &event_ : nullptr;
  }

 private:
  yaml_parser_t parser_;
  yaml_event_t event_;
  bool ok_ = false;
  bool has_event_ = false;
};

/// libyaml marks count characters; spans are byte offsets. Marks arrive
/// almost always in increasing order, so a cursor makes this linear.
class ByteOffsets {
 public:
  explicit ByteOffsets(std::string_view body) : body_(body) {}
  uint32_t operator()(size_t chars) {
    if (chars < chars_) chars_ = bytes_ = 0;  // rare: restart from the beginning
    while (chars_ < chars && bytes_ < body_.size()) {
      ++bytes_;
      while (bytes_ < body_.size() && (static_cast<unsigned char>(body_[bytes_]) & 0xC0) == 0x80) ++bytes_;
      ++chars_;
    }
    return static_cast<uint32_t>(bytes_);
  }

 private:
  std::string_view body_;
  size_t chars_ = 0, bytes_ = 0;
};

bool is_null_word(std::string_view s) { return s == "~" || s == "null" || s == "Null" || s == "NULL"; }

class FastBuilder {
 public:
  FastBuilder(const SourceFile& src, uint32_t file, const Limits& limits)
      : file_(file), bom_(src.bom_size()), limits_(limits), bytes_(src.body()) {}

  /// False when the event is outside the fast path's case.
  bool scalar(const yaml_event_t& e) {
    const auto& s = e.data.scalar;
    if (s.anchor || s.tag) return false;
    std::string_view value(reinterpret_cast<const char*>(s.value), s.length);
    const bool plain = s.style == YAML_PLAIN_SCALAR_STYLE;
    if (s.style == YAML_LITERAL_SCALAR_STYLE || s.style == YAML_FOLDED_SCALAR_STYLE) return false;
    if (plain && (value.empty() || e.start_mark.line != e.end_mark.line)) return false;
    const uint32_t start = bytes_(e.start_mark.index) + bom_;
    YamlNode n;
    if (plain && is_null_word(value)) {
      n.kind = YamlKind::null;  // yaml-cpp reports these as null at the value's start
      n.span = {file_, start, start};
    } else {
      n.kind = YamlKind::scalar;
      n.plain = plain;
      n.text = value;
      n.span = {file_, start, bytes_(e.end_mark.index) + bom_};
    }
    attach(add(std::move(n)));
    return true;
  }

  bool open(YamlKind kind, const yaml_event_t& e, const yaml_char_t* anchor, const yaml_char_t* tag) {
    if (anchor || tag || open_.size() + 1 > limits_.max_depth) return false;
    const uint32_t at = bytes_(e.start_mark.index) + bom_;
    YamlNode n;
    n.kind = kind;
    n.span = {file_, at, at + 1};
    uint32_t id = add(std::move(n));
    attach(id);
    open_.push_back(id);
    return true;
  }

  bool close() {
    if (open_.empty()) return false;
    YamlNode& n = tree_.nodes[open_.back()];
    open_.pop_back();
    for (uint32_t c : n.children) n.span.end = std::max(n.span.end, tree_.nodes[c].span.end);
    return true;
  }

  bool done() const { return has_root_ && open_.empty(); }
  YamlTree take() { return std::move(tree_); }

 private:
  uint32_t add(YamlNode n) {
    tree_.nodes.push_back(std::move(n));
    return static_cast<uint32_t>(tree_.nodes.size() - 1);
  }
  void attach(uint32_t id) {
    if (!open_.empty()) tree_.nodes[open_.back()].children.push_back(id);
    else if (!has_root_) {
      tree_.root = id;
      has_root_ = true;
    }
  }

  uint32_t file_, bom_;
  const Limits& limits_;
  ByteOffsets bytes_;
  YamlTree tree_;
  std::vector<uint32_t> open_;
  bool has_root_ = false;
};

}  // namespace

std::optional<YamlTree> read_yaml_fast(const SourceFile& src, uint32_t file, const Limits& limits) {
  Events events(src.body());
  FastBuilder builder(src, file, limits);
  int documents = 0;
  for (;;) {
    const yaml_event_t* e = events.next();
    if (!e) return std::nullopt;
    bool ok = true;
    switch (e->type) {
      case YAML_STREAM_START_EVENT:
      case YAML_DOCUMENT_END_EVENT: break;
      case YAML_DOCUMENT_START_EVENT:
        // Directives (%YAML, %TAG) and explicit `---` are left to yaml-cpp.
        ok = ++documents == 1 && e->data.document_start.implicit && !e->data.document_start.version_directive &&
             e->data.document_start.tag_directives.start == e->data.document_start.tag_directives.end;
        break;
      case YAML_STREAM_END_EVENT:
        if (documents != 1 || !builder.done()) return std::nullopt;
        return builder.take();
      case YAML_ALIAS_EVENT: ok = false; break;
      case YAML_SCALAR_EVENT: ok = builder.scalar(*e); break;
      case YAML_SEQUENCE_START_EVENT:
        ok = builder.open(YamlKind::sequence, *e, e->data.sequence_start.anchor, e->data.sequence_start.tag);
        break;
      case YAML_MAPPING_START_EVENT:
        ok = builder.open(YamlKind::mapping, *e, e->data.mapping_start.anchor, e->data.mapping_start.tag);
        break;
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT: ok = builder.close(); break;
      default: ok = false;
    }
    if (!ok) return std::nullopt;
  }
}

}  // namespace jf
