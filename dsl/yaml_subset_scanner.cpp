// The first reader of read_yaml_document: a scanner of our own for the YAML
// that scheme files are written in (block mappings and sequences, scalars on
// one line, flow collections on one line, comments), in front of libyaml.
// libyaml costs about 4 M instructions for a 19 KB county file, more than the
// whole per-file budget (docs/performance.md, "Issue 19: yamlscan"); this
// scanner reads the same file in a fraction of that.
//
// It builds exactly the tree libyaml's events give dsl/yaml_fast_reader.cpp
// (same nodes, kinds, texts, spans), and DECLINES (nullopt, no findings) on
// anything else: tabs, CR, control or unusual characters, invalid UTF-8,
// directives, document markers, anchors, aliases, tags, block scalars,
// multi-line scalars or flow collections, complex or long keys, empty values,
// escapes it does not know, nesting past limits.max_depth, and any error.
// Declining is always safe: libyaml and then yaml-cpp read the file as
// before, so every error message stays theirs. tests/dsl_yaml_subset_test.cpp
// holds it to libyaml's tree on every YAML file of the repository, generated
// county files and thousands of mutations; fuzz_yaml asserts the same.
#include <array>
#include <cstdint>
#include <string_view>

#include "base/utf8.hpp"
#include "dsl/yaml_tree_builder.hpp"

namespace jf {
namespace {

/// libyaml drops a simple key whose `:` is more than 1024 characters after its
/// start; a byte bound below that is a character bound below it too.
constexpr size_t kMaxKeyBytes = 1000;

bool is_null_word(std::string_view s) { return s == "~" || s == "null" || s == "Null" || s == "NULL"; }

bool is_flow_indicator(char c) { return c == ',' || c == '[' || c == ']' || c == '{' || c == '}'; }

/// The bytes that may end a plain scalar, in a block and in flow.
constexpr uint8_t kStopsBlock = 1, kStopsFlow = 2;
constexpr auto kClass = [] {
  std::array<uint8_t, 256> t{};
  for (unsigned char c : {' ', ':', '\n'}) t[c] = kStopsBlock | kStopsFlow;
  for (unsigned char c : {',', '[', ']', '{', '}'}) t[c] = kStopsFlow;
  return t;
}();

/// Every character is one the subset reads the way libyaml does: printable
/// ASCII and newline, well-formed UTF-8 outside C1, surrogates, the Unicode
/// line separators (libyaml breaks lines there), U+FEFF and U+FFFE/U+FFFF;
/// and no line starts a directive or a document marker.
bool plain_text(std::string_view s) {
  const auto* b = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  auto marker_at = [&](size_t i) {
    if (i >= n) return false;
    const unsigned char c = b[i];
    return c == '%' || ((c == '-' || c == '.') && i + 2 < n && b[i + 1] == c && b[i + 2] == c);
  };
  if (marker_at(0)) return false;
  size_t i = 0;
  while (i < n) {
    const unsigned char c = b[i];
    if (c >= 0x20 && c < 0x7F) {  // printable ASCII: up to eight bytes a step (at least this one)
      i += i + 8 <= n ? utf8::printable_ascii_run8(b + i) : 1;
      continue;
    }
    if (c == '\n') {
      if (marker_at(++i)) return false;
      continue;
    }
    if (c < 0x80) return false;  // controls, tab, CR, DEL
    // Well-formed UTF-8 (no overlong form, surrogate or value past U+10FFFF),
    // and none of C1, the line separators, U+FEFF, U+FFFE or U+FFFF.
    size_t len;
    const int32_t cp = utf8::decode(b + i, n - i, len);
    if (cp < 0xA0 || cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF || cp == 0xFFFE || cp == 0xFFFF) return false;
    i += len;
  }
  return true;
}

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/// Where a scalar was found: [begin, end) in the body, and, for a quoted one,
/// whether its text differs from the bytes between the quotes.
struct Scalar {
  size_t begin = 0, end = 0;
  bool plain = false, escaped = false;
};

class Scanner {
 public:
  Scanner(const SourceFile& src, uint32_t file, const Limits& limits)
      : s_(src.body()), file_(file), bom_(src.bom_size()), limits_(limits), tree_(src.body().size() / 8) {}

  std::optional<YamlTree> run() {
    if (!plain_text(s_)) return std::nullopt;
    if (!first_line()) return std::nullopt;  // no content at all
    if (!block_node(-1, indent_)) return std::nullopt;
    if (indent_ != kEnd || !tree_.has_root() || tree_.open_count() != 0) return std::nullopt;
    return tree_.finish();
  }

 private:
  static constexpr int kEnd = -1;  // indent_ past the last content line

  bool eol(size_t q) const { return q >= s_.size() || s_[q] == '\n'; }
  size_t spaces(size_t q) const {
    while (q < s_.size() && s_[q] == ' ') ++q;
    return q;
  }
  int column(size_t q) const { return static_cast<int>(q - line_); }

  /// Moves to the first content (not blank, not comment) line at or after
  /// the line starting at `q`; sets indent_ (kEnd past the end) and p_.
  void content_line(size_t q) {
    for (;;) {
      if (q >= s_.size()) {
        indent_ = kEnd;
        p_ = s_.size();
        return;
      }
      line_ = q;
      size_t r = spaces(q);
      if (!eol(r) && s_[r] != '#') {
        indent_ = column(r);
        p_ = r;
        return;
      }
      while (!eol(r)) ++r;
      q = r + 1;
    }
  }
  bool first_line() {
    content_line(0);
    return indent_ != kEnd;
  }

  /// After a node: spaces, an optional comment (after a space), the end of
  /// the line; then on to the next content line.
  bool end_of_line() {
    size_t q = spaces(p_);
    if (!eol(q)) {
      if (s_[q] != '#' || s_[q - 1] != ' ') return false;
      while (!eol(q)) ++q;
    }
    content_line(q + 1);
    return true;
  }

  bool seq_entry(size_t q) const { return s_[q] == '-' && (q + 1 >= s_.size() || s_[q + 1] == ' ' || s_[q + 1] == '\n'); }

  /// A plain scalar may start here (libyaml's rule, narrowed: `-` only before
  /// a character that is not blank or, in flow, an indicator; never `?` or `:`).
  bool plain_start(size_t q, bool flow) const {
    char c = s_[q];
    switch (c) {
      case '-': {
        if (q + 1 >= s_.size()) return false;
        char d = s_[q + 1];
        return d != ' ' && d != '\n' && !(flow && is_flow_indicator(d));
      }
      case '?': case ':': case ',': case '[': case ']': case '{': case '}': case '#': case '&': case '*':
      case '!': case '|': case '>': case '\'': case '"': case '%': case '@': case '`': case ' ':
        return false;
      default: return true;
    }
  }

  /// A plain scalar from p_ on this line: in a block it ends before `: `, ` #`
  /// or the line's end; in flow also before `:` and the flow indicators. p_
  /// moves to where it stopped; trailing spaces are not part of it.
  Scalar plain(bool flow) {
    Scalar out{p_, p_, true, false};
    const auto* b = reinterpret_cast<const unsigned char*>(s_.data());
    const size_t n = s_.size();
    const uint8_t stop = flow ? kStopsFlow : kStopsBlock;
    size_t q = p_, end = p_;
    while (q < n) {
      const unsigned char c = b[q];
      if (!(kClass[c] & stop)) {  // most bytes: part of the scalar
        end = ++q;
        continue;
      }
      if (c == ' ') {
        if (q + 1 < n && b[q + 1] == '#') break;
        ++q;
        continue;
      }
      if (c == ':' && !flow && q + 1 < n && b[q + 1] != ' ' && b[q + 1] != '\n') {
        end = ++q;  // `a:b` in a block is one scalar
        continue;
      }
      break;  // newline, `: `, or in flow `:` and the flow indicators
    }
    out.end = end;
    p_ = q;
    return out;
  }

  /// A quoted scalar on one line from p_ (at its quote); p_ moves past it.
  bool quoted(Scalar& out) {
    const char quote = s_[p_];
    out = Scalar{p_, 0, false, false};
    size_t q = p_ + 1;
    for (;;) {
      if (eol(q)) return false;  // a multi-line scalar
      char c = s_[q];
      if (c == quote) {
        if (quote == '\'' && q + 1 < s_.size() && s_[q + 1] == '\'') {
          out.escaped = true;
          q += 2;
          continue;
        }
        break;
      }
      if (c == '\\' && quote == '"') {
        out.escaped = true;
        if (eol(q + 1)) return false;
        q += 2;
        continue;
      }
      ++q;
    }
    out.end = p_ = q + 1;
    return true;
  }

  /// The value of an escaped quoted scalar; false on an escape outside the
  /// ones decoded here (libyaml's others, or its errors).
  bool unescape(const Scalar& sc, std::string& out) const {
    out.clear();
    const char quote = s_[sc.begin];
    for (size_t q = sc.begin + 1; q + 1 < sc.end; ++q) {
      char c = s_[q];
      if (quote == '\'') {
        out += c;
        if (c == '\'') ++q;  // '' is one quote
        continue;
      }
      if (c != '\\') {
        out += c;
        continue;
      }
      char e = s_[++q];
      switch (e) {
        case '\\': case '"': case '/': out += e; break;
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'r': out += '\r'; break;
        case '0': out += '\0'; break;
        case 'x': case 'u': {
          const size_t digits = e == 'x' ? 2 : 4;
          if (q + digits >= sc.end - 1) return false;  // the digits run into the closing quote
          uint32_t cp = 0;
          for (size_t k = 1; k <= digits; ++k) {
            int d = hex_digit(s_[q + k]);
            if (d < 0) return false;
            cp = cp * 16 + static_cast<uint32_t>(d);
          }
          if (cp >= 0xD800 && cp <= 0xDFFF) return false;
          append_utf8(out, cp);
          q += digits;
          break;
        }
        default: return false;
      }
    }
    return true;
  }

  /// Adds the scalar (or null) node and attaches it.
  bool add_scalar(const Scalar& sc) {
    const auto begin = static_cast<uint32_t>(sc.begin) + bom_, end = static_cast<uint32_t>(sc.end) + bom_;
    std::string_view written = s_.substr(sc.begin, sc.end - sc.begin);
    if (sc.plain) {
      if (written.empty()) return false;
      if (is_null_word(written)) {
        tree_.attach(tree_.add(YamlKind::null, {file_, begin, begin}));
        return true;
      }
      uint32_t id = tree_.add(YamlKind::scalar, {file_, begin, end}, true);
      tree_.view_text(id, written);
      tree_.attach(id);
      return true;
    }
    uint32_t id = tree_.add(YamlKind::scalar, {file_, begin, end}, false);
    if (!sc.escaped) {
      tree_.view_text(id, written.substr(1, written.size() - 2));
    } else {
      if (!unescape(sc, text_)) return false;
      tree_.copy_text(id, text_);
    }
    tree_.attach(id);
    return true;
  }

  bool open(YamlKind kind) {
    if (tree_.open_count() + 1 > limits_.max_depth) return false;
    const auto at = static_cast<uint32_t>(p_) + bom_;
    uint32_t id = tree_.add(kind, {file_, at, at + 1});
    tree_.attach(id);
    tree_.open(id);
    return true;
  }

  /// A scalar or flow collection at p_ on this line, in flow or block context.
  bool inline_value(bool flow) {
    char c = s_[p_];
    if (c == '[') return flow_sequence();
    if (c == '{') return flow_mapping();
    Scalar sc;
    if (c == '"' || c == '\'') {
      if (!quoted(sc)) return false;
    } else {
      if (!plain_start(p_, flow)) return false;
      sc = plain(flow);
      if (!eol(p_) && s_[p_] == ':') return false;  // `a: b: c`, `[a: b]`, `{a:b}`
    }
    return add_scalar(sc);
  }

  /// The key of a mapping entry at p_ and its `:` (followed by a blank); p_
  /// moves past the `:`.
  bool key(bool flow) {
    Scalar sc;
    char c = s_[p_];
    if (c == '"' || c == '\'') {
      if (!quoted(sc)) return false;
      p_ = spaces(p_);
    } else {
      if (!plain_start(p_, flow)) return false;
      sc = plain(flow);
    }
    if (eol(p_) || s_[p_] != ':' || p_ - sc.begin > kMaxKeyBytes) return false;
    if (!eol(p_ + 1) && s_[p_ + 1] != ' ') return false;
    ++p_;
    return add_scalar(sc);
  }

  /// Does a block mapping entry start at p_ (a one-line scalar and `: `)?
  bool key_here() {
    const size_t at = p_;
    Scalar sc;
    bool found;
    char c = s_[p_];
    if (c == '"' || c == '\'') {
      found = quoted(sc);
      if (found) p_ = spaces(p_);
    } else {
      found = plain_start(p_, false);
      if (found) plain(false);
    }
    found = found && !eol(p_) && s_[p_] == ':';
    p_ = at;
    return found;
  }

  /// The flow collections, each on one line, without empty or `?` entries,
  /// single pairs or a comma before the closing bracket.
  bool flow_sequence() { return flow(YamlKind::sequence, ']', [&] { return inline_value(true); }); }
  bool flow_mapping() {
    return flow(YamlKind::mapping, '}', [&] {
      if (!key(true)) return false;
      p_ = spaces(p_);
      return !eol(p_) && s_[p_] != ',' && s_[p_] != '}' && inline_value(true);
    });
  }
  /// Entries separated by commas up to `close`; `entry` reads one at p_.
  template <typename Entry>
  bool flow(YamlKind kind, char close, Entry entry) {
    if (!open(kind)) return false;
    p_ = spaces(p_ + 1);
    if (!eol(p_) && s_[p_] == close) return close_flow();
    for (;;) {
      if (eol(p_) || !entry()) return false;
      p_ = spaces(p_);
      if (eol(p_)) return false;
      if (s_[p_] == close) return close_flow();
      if (s_[p_] != ',') return false;
      p_ = spaces(p_ + 1);
      if (eol(p_) || s_[p_] == close) return false;
    }
  }
  bool close_flow() {
    ++p_;
    tree_.close();
    return true;
  }

  /// A node starting at p_, column `col`, in a block collection indented
  /// `parent` (-1: the document). Returns at the next content line, whose
  /// indent is at most `parent`.
  bool block_node(int parent, int col) {
    if (seq_entry(p_)) return block_sequence(col) && indent_ <= parent;
    if (key_here()) return block_mapping(col) && indent_ <= parent;
    return inline_value(false) && end_of_line() && indent_ <= parent;
  }

  /// Entries `- …` at column `indent`. Returns at the first content line
  /// that is not one (an indentless sequence's mapping goes on there).
  bool block_sequence(int indent) {
    if (!open(YamlKind::sequence)) return false;
    // The first entry may sit further along its line (`- - a`); the others
    // start their lines.
    do {
      p_ = spaces(p_ + 1);
      if (eol(p_) || s_[p_] == '#') {
        if (!end_of_line() || indent_ <= indent) return false;  // an empty entry
        if (!block_node(indent, indent_)) return false;
      } else if (!block_node(indent, column(p_))) {
        return false;
      }
      if (indent_ > indent) return false;
    } while (indent_ == indent && seq_entry(p_));
    tree_.close();
    return true;
  }

  /// Entries `key: value` with keys at column `indent`.
  bool block_mapping(int indent) {
    if (!open(YamlKind::mapping)) return false;
    do {  // the first key may sit further along its line (`- a: b`)
      if (!key(false)) return false;
      p_ = spaces(p_);
      if (eol(p_) || s_[p_] == '#') {
        if (!end_of_line()) return false;
        if (indent_ > indent) {
          if (!block_node(indent, indent_)) return false;
        } else if (indent_ == indent && seq_entry(p_)) {
          if (!block_sequence(indent) || indent_ > indent) return false;
        } else {
          return false;  // an empty value
        }
      } else if (!inline_value(false) || !end_of_line()) {  // not `a: - b` or `a: b: c`
        return false;
      }
      if (indent_ > indent) return false;
    } while (indent_ == indent);
    tree_.close();
    return true;
  }

  std::string_view s_;
  uint32_t file_, bom_;
  const Limits& limits_;
  YamlTreeBuilder tree_;
  size_t p_ = 0;     // the cursor, an offset into s_
  size_t line_ = 0;  // where the cursor's line starts
  int indent_ = kEnd;
  std::string text_;  // an escaped scalar's value, before the arena copies it
};

}  // namespace

std::optional<YamlTree> read_yaml_subset(const SourceFile& src, uint32_t file, const Limits& limits) {
  return Scanner(src, file, limits).run();
}

}  // namespace jf
