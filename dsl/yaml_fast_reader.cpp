// The fast path of read_yaml_document: libyaml events → the same YamlTree the
// yaml-cpp path builds, for the common case only. yaml-cpp reads about
// 5 MB/s (docs/performance.md); the whole load through libyaml is about four times faster.
// Anything outside the common case (an error, a second or no document,
// anchors, aliases, tags, empty values, block or multi-line plain scalars,
// nesting past the limit) returns nullopt and the caller reads the file with
// yaml-cpp, so every finding, position and guard stays as documented.
#include <yaml.h>

#include "dsl/yaml_tree_builder.hpp"

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

/// The text of a scalar as the source writes it, when that is its value: a
/// plain scalar, or a quoted one without escapes or folded lines. Most
/// scheme scalars are, and then the tree views the source instead of copying.
bool written_verbatim(std::string_view written, std::string_view value, yaml_scalar_style_t style) {
  if (style == YAML_PLAIN_SCALAR_STYLE) return written == value;
  if (written.size() < 2) return false;
  return written.substr(1, written.size() - 2) == value;
}

class FastBuilder {
 public:
  FastBuilder(const SourceFile& src, uint32_t file, const Limits& limits)
      : file_(file),
        bom_(src.bom_size()),
        limits_(limits),
        body_(src.body()),
        bytes_(src.body()),
        tree_(src.body().size() / 8) {}  // scheme files run 8–9 bytes a node

  /// False when the event is outside the fast path's case.
  bool scalar(const yaml_event_t& e) {
    const auto& s = e.data.scalar;
    if (s.anchor || s.tag) return false;
    std::string_view value(reinterpret_cast<const char*>(s.value), s.length);
    const bool plain = s.style == YAML_PLAIN_SCALAR_STYLE;
    if (s.style == YAML_LITERAL_SCALAR_STYLE || s.style == YAML_FOLDED_SCALAR_STYLE) return false;
    if (plain && (value.empty() || e.start_mark.line != e.end_mark.line)) return false;
    const uint32_t start = bytes_(e.start_mark.index);
    if (plain && is_null_word(value)) {
      // yaml-cpp reports these as null at the value's start
      tree_.attach(tree_.add(YamlKind::null, {file_, start + bom_, start + bom_}));
      return true;
    }
    const uint32_t end = bytes_(e.end_mark.index);
    uint32_t id = tree_.add(YamlKind::scalar, {file_, start + bom_, end + bom_}, plain);
    std::string_view written = body_.substr(start, end - start);
    if (written_verbatim(written, value, s.style))
      tree_.view_text(id, plain ? written : written.substr(1, written.size() - 2));
    else
      tree_.copy_text(id, value);
    tree_.attach(id);
    return true;
  }

  bool open(YamlKind kind, const yaml_event_t& e, const yaml_char_t* anchor, const yaml_char_t* tag) {
    if (anchor || tag || tree_.open_count() + 1 > limits_.max_depth) return false;
    const uint32_t at = bytes_(e.start_mark.index) + bom_;
    uint32_t id = tree_.add(kind, {file_, at, at + 1});
    tree_.attach(id);
    tree_.open(id);
    return true;
  }

  bool close() {
    if (tree_.open_count() == 0) return false;
    tree_.close();
    return true;
  }

  bool done() const { return tree_.has_root() && tree_.open_count() == 0; }
  YamlTree take() { return tree_.finish(); }

 private:
  uint32_t file_, bom_;
  const Limits& limits_;
  std::string_view body_;
  ByteOffsets bytes_;
  YamlTreeBuilder tree_;
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
