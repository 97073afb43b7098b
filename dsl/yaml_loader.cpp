// The YAML form of a scheme: yaml-cpp parser events → a guarded node tree → the model.
// The only file that includes yaml-cpp for reading. YAML::Load/LoadAll are never
// used: they hang or truncate on some inputs (docs/scheme-yaml.md, "Guards").
#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <sstream>
#include <unordered_map>

#include "dsl/scheme_loader.hpp"
#include "dsl/yaml_schema.hpp"
#include "dsl/yaml_tree_builder.hpp"

namespace jf {
namespace {

/// Thrown from inside the event handler to stop yaml-cpp at a guard.
struct Abort {
  Diagnostic diagnostic;
};

/// Thrown by the probe as soon as a second document starts.
struct SecondDocument {
  uint32_t pos;
};

/// Where a scalar written at body offset `pos` ends, from the source text
/// (yaml-cpp gives only its start).
uint32_t scalar_end(std::string_view body, uint32_t pos, std::string_view value) {
  size_t n = body.size(), i = pos;
  if (i >= n) return static_cast<uint32_t>(n);
  if (body[i] == '"') {
    for (++i; i < n; ++i) {
      if (body[i] == '\\') ++i;
      else if (body[i] == '"') return static_cast<uint32_t>(i + 1);
    }
    return static_cast<uint32_t>(n);
  }
  if (body[i] == '\'') {
    for (++i; i < n; ++i) {
      if (body[i] != '\'') continue;
      if (i + 1 < n && body[i + 1] == '\'') ++i;
      else return static_cast<uint32_t>(i + 1);
    }
    return static_cast<uint32_t>(n);
  }
  // Plain: the value as written, or (folded over lines) its first matching part.
  size_t k = 0;
  while (k < value.size() && i + k < n && body[i + k] == value[k]) ++k;
  return static_cast<uint32_t>(i + std::max<size_t>(k, 1));
}

/// Skips a tag and/or anchor written before a value (`!t &a value`).
uint32_t skip_properties(std::string_view body, uint32_t pos) {
  size_t i = pos;
  while (i < body.size() && (body[i] == '!' || body[i] == '&')) {
    while (i < body.size() && body[i] != ' ' && body[i] != '\t' && body[i] != '\n' &&
           body[i] != '\r')
      ++i;
    while (i < body.size() && (body[i] == ' ' || body[i] == '\t')) ++i;
  }
  return i < body.size() ? static_cast<uint32_t>(i) : pos;
}

bool is_core_tag(const std::string& tag) {
  static const char* const kCore[] = {"tag:yaml.org,2002:str",   "tag:yaml.org,2002:int",
                                      "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool",
                                      "tag:yaml.org,2002:null",  "tag:yaml.org,2002:seq",
                                      "tag:yaml.org,2002:map"};
  return std::find(std::begin(kCore), std::end(kCore), tag) != std::end(kCore);
}

/// Builds the tree from events, enforcing depth, alias and cycle guards.
class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(const SourceFile& src, uint32_t file, const Limits& limits,
              std::vector<Diagnostic>& diags)
      : src_(src), body_(src.body()), file_(file), limits_(limits), diags_(diags) {}

  bool has_root() const { return tree_.has_root(); }
  YamlTree take() { return tree_.finish(); }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    uint32_t at = offset(mark);
    add_leaf(YamlKind::null, {file_, at, at}, "", "", anchor);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    uint32_t pos = skip_properties(body_, body_pos(mark));
    Span span{file_, pos + bom(), scalar_end(body_, pos, value) + bom()};
    add_leaf(YamlKind::scalar, span, tag, value, anchor);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(YamlKind::sequence, mark, tag, anchor);
  }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(YamlKind::mapping, mark, tag, anchor);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapEnd() override { close(); }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    uint32_t at = offset(mark);
    auto it = anchors_.find(anchor);
    if (it == anchors_.end()) return;  // yaml-cpp throws for an unknown anchor first
    uint32_t target = it->second;
    std::string name = alias_name(body_pos(mark));
    if (open_flag_[target])
      fail(at, msg("parse.yaml.alias_cycle", {arg("name", name)}));
    if (++alias_uses_ > limits_.max_yaml_aliases)
      fail(at, msg("parse.yaml.too_many_aliases", {arg("limit", limits_.max_yaml_aliases)}));
    if (tree_.open_count() + height_[target] > limits_.max_depth) depth_error(at);
    expansion_ += size_[target];
    if (expansion_ > expansion_budget())
      fail(at, msg("parse.yaml.alias_expansion", {arg("limit", static_cast<double>(expansion_budget()))}));
    attach(target);
  }

 private:
  uint32_t bom() const { return src_.bom_size(); }
  uint32_t body_pos(const YAML::Mark& m) const {
    if (m.pos < 0) return static_cast<uint32_t>(body_.size());
    return std::min(static_cast<uint32_t>(m.pos), static_cast<uint32_t>(body_.size()));
  }
  uint32_t offset(const YAML::Mark& m) const { return body_pos(m) + bom(); }
  // Aliases may add at most 100 nodes per allowed alias use.
  uint64_t expansion_budget() const { return 100ull * limits_.max_yaml_aliases; }

  [[noreturn]] void fail(uint32_t at, Message message, Message help = {}) {
    uint32_t end = std::min<uint32_t>(at + 1, static_cast<uint32_t>(src_.text().size()));
    throw Abort{syntax_error({file_, at, std::max(end, at)}, std::move(message), std::move(help))};
  }
  [[noreturn]] void depth_error(uint32_t at) {
    fail(at, msg("parse.yaml.too_deep", {arg("limit", limits_.max_depth)}), msg("parse.yaml.too_deep.help"));
  }

  std::string alias_name(uint32_t pos) const {
    size_t e = pos;
    while (e < body_.size() && std::string_view(" \t\r\n,]}").find(body_[e]) == std::string_view::npos &&
           e - pos < 64)
      ++e;
    return std::string(body_.substr(pos, e - pos));
  }

  std::string checked_tag(const std::string& tag, Span span) {
    if (tag.empty() || tag == "?" || tag == "!" || is_core_tag(tag)) return tag;
    if (diags_.size() < limits_.max_syntax_errors)
      diags_.push_back(syntax_error(
          span,
          msg("parse.yaml.tag", {arg("tag", tag)}), msg("parse.yaml.tag.help")));
    return "!";
  }

  uint32_t new_node(YamlKind kind, Span span, const std::string& tag, YAML::anchor_t anchor) {
    std::string t = checked_tag(tag, span);
    bool plain = kind == YamlKind::scalar && (t == "?" || (is_core_tag(t) && t != "tag:yaml.org,2002:str"));
    uint32_t id = tree_.add(kind, span, plain);
    if (t != "?" && t != "!" && !t.empty()) tree_.copy_tag(id, t);
    open_flag_.push_back(false);
    height_.push_back(0);
    size_.push_back(1);
    if (anchor != YAML::NullAnchor) anchors_[anchor] = id;
    return id;
  }

  void add_leaf(YamlKind kind, Span span, const std::string& tag, const std::string& value,
                YAML::anchor_t anchor) {
    uint32_t id = new_node(kind, span, tag, anchor);
    if (!value.empty()) tree_.copy_text(id, value);
    attach(id);
  }

  void open(YamlKind kind, const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor) {
    uint32_t at = offset(mark);
    if (tree_.open_count() + 1 > limits_.max_depth) depth_error(at);
    uint32_t id = new_node(kind, {file_, at, at + 1}, tag, anchor);
    attach(id);
    tree_.open(id);
    open_flag_[id] = true;
  }

  void close() {
    uint32_t id = tree_.close();  // also widens the span to the children
    open_flag_[id] = false;
    uint32_t height = 0;
    uint64_t size = 1;
    for (uint32_t c : tree_.closed_children()) {
      height = std::max(height, height_[c]);
      size += size_[c];
    }
    height_[id] = height + 1;
    size_[id] = size;
  }

  void attach(uint32_t id) { tree_.attach(id); }

  const SourceFile& src_;
  std::string_view body_;
  uint32_t file_;
  const Limits& limits_;
  std::vector<Diagnostic>& diags_;
  YamlTreeBuilder tree_;
  std::vector<bool> open_flag_;
  std::vector<uint32_t> height_;  // levels of collections below and including a node
  std::vector<uint64_t> size_;    // node count with aliases expanded
  std::unordered_map<YAML::anchor_t, uint32_t> anchors_;
  uint32_t alias_uses_ = 0;
  uint64_t expansion_ = 0;
};

/// Stops at the start of a second document, before reading any of it.
class Probe : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark& m) override {
    throw SecondDocument{m.pos < 0 ? 0u : static_cast<uint32_t>(m.pos)};
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

Span point(const SourceFile& src, uint32_t file, uint32_t body_pos) {
  auto size = static_cast<uint32_t>(src.text().size());
  uint32_t at = std::min(body_pos + src.bom_size(), size);
  return {file, at, std::min(at + 1, size)};
}

Diagnostic yaml_exception(const SourceFile& src, uint32_t file, const YAML::Exception& e) {
  uint32_t pos = e.mark.pos < 0 ? static_cast<uint32_t>(src.body().size())
                                : static_cast<uint32_t>(e.mark.pos);
  return syntax_error(point(src, file, pos), msg("parse.yaml.syntax_error", {arg("what", e.msg)}));
}

/// After the first document: anything the parser has not consumed is either a
/// second document (`---`) or text it could not read (yaml-cpp stops silently).
std::optional<Diagnostic> check_rest(YAML::Parser& parser, const SourceFile& src, uint32_t file) {
  Probe probe;
  try {
    if (!parser.HandleNextDocument(probe)) return std::nullopt;
    return std::nullopt;  // a document without a start event cannot happen
  } catch (const SecondDocument& s) {
    std::string_view rest = src.body().substr(std::min<size_t>(s.pos, src.body().size()));
    if (rest.substr(0, 3) == "---" || rest.substr(0, 1) == "%")
      return syntax_error(point(src, file, s.pos),
                          msg("parse.yaml.second_document"), msg("parse.yaml.second_document.help"));
    std::string ch(rest.substr(0, rest.empty() ? 0 : 1));
    return syntax_error(point(src, file, s.pos),
                        msg("parse.yaml.unexpected", {arg("char", ch)}));
  } catch (const YAML::Exception& e) {
    return yaml_exception(src, file, e);
  }
}

}  // namespace

std::optional<YamlTree> read_yaml_document(const SourceFile& src, uint32_t file, const Limits& limits,
                                           std::vector<Diagnostic>& diagnostics) {
  if (std::optional<YamlTree> scanned = read_yaml_subset(src, file, limits)) return scanned;
  if (std::optional<YamlTree> fast = read_yaml_fast(src, file, limits)) return fast;
  return read_yaml_document_slow(src, file, limits, diagnostics);
}

std::optional<YamlTree> read_yaml_document_slow(const SourceFile& src, uint32_t file, const Limits& limits,
                                                std::vector<Diagnostic>& diagnostics) {
  std::istringstream in{std::string(src.body())};
  YAML::Parser parser(in);
  TreeBuilder builder(src, file, limits, diagnostics);
  bool unread_rest = false;
  try {
    if (parser.HandleNextDocument(builder)) {
      if (auto rest = check_rest(parser, src, file)) {
        diagnostics.push_back(std::move(*rest));
        unread_rest = true;
      }
    }
  } catch (const Abort& a) {
    diagnostics.push_back(a.diagnostic);
    return std::nullopt;
  } catch (const YAML::Exception& e) {
    diagnostics.push_back(yaml_exception(src, file, e));
    return std::nullopt;
  }
  if (!builder.has_root()) {
    diagnostics.push_back(syntax_error(point(src, file, 0),
                                       msg("parse.yaml.no_document")));
    return std::nullopt;
  }
  YamlTree tree = builder.take();
  // yaml-cpp stopped at once: the finding above says where.
  if (unread_rest && tree[tree.root].kind == YamlKind::null) return std::nullopt;
  return tree;
}

LoadResult load_yaml(const SourceSet& sources, uint32_t file, const Limits& limits) {
  LoadResult out;
  out.scheme.file = file;
  std::optional<YamlTree> tree = read_yaml_document(sources[file], file, limits, out.diagnostics);
  if (!tree) {
    out.ok = false;
    return out;
  }
  read_scheme(*tree, sources, file, limits, out);
  return out;
}

}  // namespace jf
