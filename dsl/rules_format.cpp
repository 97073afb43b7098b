#include "dsl/rules_format.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "base/rules_ast.hpp"
#include "dsl/byte_checks.hpp"
#include "dsl/lexical.hpp"
#include "dsl/literal_scan.hpp"
#include "dsl/rules_grammar.hpp"
#include "dsl/rules_lexer.hpp"

namespace jf {
namespace {

// ---- the file as a run of layout tokens ----

// What the layout moves: blanks and comments. Everything else is copied byte
// for byte, strings whole (a `#` or a blank inside one is text).
struct Tok {
  enum class Kind { space, comment, string, triple, other } kind;
  uint32_t b, e;
  int newlines = 0;     // space: line ends in it
  std::string decoded;  // triple: the text as the parser reads it
};

std::vector<Tok> tokenize(std::string_view text) {
  std::vector<Tok> out;
  const char* begin = text.data();
  const char* end = begin + text.size();
  const char* p = begin;
  auto at = [&](const char* q) { return static_cast<uint32_t>(q - begin); };
  while (p != end) {
    const char* s = p;
    char c = *p;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || lexical::wide_space_len(p, end)) {
      int nl = 0;
      for (;;) {
        if (p == end) break;
        if (*p == '\n')
          ++nl, ++p;
        else if (*p == ' ' || *p == '\t' || *p == '\r')
          ++p;
        else if (size_t n = lexical::wide_space_len(p, end))
          p += n;
        else
          break;
      }
      out.push_back({Tok::Kind::space, at(s), at(p), nl, {}});
    } else if (c == '#') {
      while (p != end && *p != '\n' && *p != '\r') ++p;
      out.push_back({Tok::Kind::comment, at(s), at(p), 0, {}});
    } else if (c == '"') {
      literal::StringScan st = literal::scan_string(p, end, /*triple=*/true);
      const char* after = st.end;
      if (st.problem != literal::Problem::none) {  // unreachable in a file that parsed; copied as it is
        out.push_back({Tok::Kind::other, at(s), at(p + 1), 0, {}});
        ++p;
        continue;
      }
      p = after;
      out.push_back({st.value.triple ? Tok::Kind::triple : Tok::Kind::string, at(s), at(p), 0, std::move(st.value.text)});
    } else {
      // A run of other bytes; a rule or clause may start inside one (`x{`,
      // `}rule`): the layout clips it at the parts' offsets.
      while (p != end && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r' && *p != '#' && *p != '"' &&
             !lexical::wide_space_len(p, end))
        ++p;
      out.push_back({Tok::Kind::other, at(s), at(p), 0, {}});
    }
  }
  return out;
}

std::string_view rstrip(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// ---- the writer ----

enum class Blank { never, keep, always };

class Layout {
 public:
  Layout(std::string_view text, const std::vector<Tok>& toks) : text_(text), toks_(toks) {}

  /// Blanks and comments between two parts of the syntax (no other token may
  /// be there). `lead` decides the blank line before the first line written
  /// (or the next part when the gap has no comment line), `tail` the one
  /// after the last comment line.
  void gap(uint32_t b, uint32_t e, int indent, Blank lead, Blank tail) {
    bool first = true;
    int nl = 0;
    for (size_t i = first_tok(b); i < toks_.size() && toks_[i].b < e; ++i) {
      const Tok& t = toks_[i];
      if (t.kind == Tok::Kind::space) {
        nl += t.newlines;
      } else if (t.kind == Tok::Kind::comment) {
        if (nl == 0 && open_) {  // the end of the line before stays its end
          out_ += "  ";
          out_ += rstrip(text_.substr(t.b, t.e - t.b));
          end_line();
        } else {
          decide(first ? lead : Blank::keep, nl >= 2);
          begin_line(indent);
          out_ += rstrip(text_.substr(t.b, t.e - t.b));
          end_line();
          first = false;
        }
        nl = 0;
      } else if (std::max(t.b, b) < std::min(t.e, e)) {
        stray_ = true;
      }
    }
    decide(first ? lead : tail, nl >= 2);
  }

  /// A rule header or a clause: starts a line at `indent`; a line break in
  /// it continues at `indent` + 4.
  void segment(uint32_t b, uint32_t e, int indent) {
    end_line();
    begin_line(indent);
    bool space = false, brk = false;
    for (size_t i = first_tok(b); i < toks_.size() && toks_[i].b < e; ++i) {
      const Tok& t = toks_[i];
      const uint32_t tb = std::max(t.b, b), te = std::min(t.e, e);  // a run of other bytes may be clipped
      if (tb >= te) continue;
      std::string_view raw = text_.substr(tb, te - tb);
      if (t.kind == Tok::Kind::space) {
        (t.newlines ? brk : space) = true;
        continue;
      }
      if (t.kind == Tok::Kind::comment) {
        if (brk)
          end_line(), begin_line(indent + 4);
        else
          out_ += "  ";
        out_ += rstrip(raw);
        end_line();
        space = brk = false;
        continue;
      }
      if (!open_)
        begin_line(indent + 4);
      else if (brk)
        end_line(), begin_line(indent + 4);
      else if (space)
        out_ += ' ';
      space = brk = false;
      if (t.kind == Tok::Kind::triple)
        out_ += triple(t, raw, indent + 2);
      else
        out_ += raw;
    }
  }

  /// The `{` of a rule, after its header and one space.
  void open_brace() {
    if (open_)
      out_ += " {";
    else
      begin_line(0), out_ += '{';
  }

  /// The end of the last token of [b, e) that is not a blank or a comment:
  /// the parser's span of a clause ending in an expression may reach over
  /// the blanks and comments after it (Spirit skips them looking for an
  /// operator), and those belong to the gap that follows.
  uint32_t content_end(uint32_t b, uint32_t e) const {
    uint32_t end = b;
    for (size_t i = first_tok(b); i < toks_.size() && toks_[i].b < e; ++i)
      if (toks_[i].kind != Tok::Kind::space && toks_[i].kind != Tok::Kind::comment) end = std::min(toks_[i].e, e);
    return end;
  }

  /// `}` alone at the left margin.
  void close_brace() {
    end_line();
    begin_line(0);
    out_ += '}';
  }

  std::string finish() {
    end_line();
    return std::move(out_);
  }
  /// Something other than a blank or a comment was found between the parts.
  bool stray() const { return stray_; }

 private:
  // The first token that ends after `b` (it may start before: a clipped run).
  size_t first_tok(uint32_t b) const {
    auto it = std::lower_bound(toks_.begin(), toks_.end(), b, [](const Tok& t, uint32_t at) { return t.e <= at; });
    return static_cast<size_t>(it - toks_.begin());
  }
  void decide(Blank p, bool had_blank) { blank_ = p == Blank::always || (p == Blank::keep && had_blank); }
  void begin_line(int indent) {
    end_line();
    if (blank_ && !out_.empty()) out_ += '\n';
    blank_ = false;
    out_.append(static_cast<size_t>(indent), ' ');
    open_ = true;
  }
  void end_line() {
    if (open_) out_ += '\n';
    open_ = false;
  }

  // A `"""` text laid out at `indent`, when it reads back as the same text
  // (checked, not assumed: dedent has its corner cases); else as written.
  static std::string triple(const Tok& t, std::string_view raw, int indent) {
    const std::string pad(static_cast<size_t>(indent), ' ');
    std::string s = "\"\"\"\n";
    size_t b = 0;
    for (;;) {
      size_t e = t.decoded.find('\n', b);
      std::string_view line = std::string_view(t.decoded).substr(b, e == std::string::npos ? e : e - b);
      if (!line.empty()) s += pad;
      s += line;
      s += '\n';
      if (e == std::string::npos) break;
      b = e + 1;
    }
    s += pad + "\"\"\"";
    literal::StringScan back = literal::scan_string(s.data(), s.data() + s.size(), /*triple=*/true);
    if (back.problem != literal::Problem::none || back.end != s.data() + s.size() || back.value.text != t.decoded)
      return std::string(raw);
    return s;
  }

  std::string_view text_;
  const std::vector<Tok>& toks_;
  std::string out_;
  bool open_ = false, blank_ = false, stray_ = false;
};

// ---- the same rules, spans aside ----

bool same(const rules_ast::Expr& a, const rules_ast::Expr& b) {
  if (a.kind != b.kind || a.text != b.text || a.number != b.number || a.args.size() != b.args.size()) return false;
  for (size_t i = 0; i < a.args.size(); ++i)
    if (!same(a.args[i], b.args[i])) return false;
  return true;
}

bool same(const rules_ast::ParamLiteral& a, const rules_ast::ParamLiteral& b) {
  if (a.kind != b.kind || a.number != b.number || a.text != b.text || a.boolean != b.boolean ||
      a.items.size() != b.items.size())
    return false;
  for (size_t i = 0; i < a.items.size(); ++i)
    if (!same(a.items[i], b.items[i])) return false;
  return true;
}

bool same(const rules_ast::Clause& a, const rules_ast::Clause& b) {
  if (a.keyword != b.keyword || a.lang != b.lang || a.name != b.name || a.text != b.text ||
      a.pieces.size() != b.pieces.size() || !same(a.param, b.param) || !same(a.expr, b.expr))
    return false;
  for (size_t i = 0; i < a.pieces.size(); ++i)
    if (a.pieces[i].is_expr != b.pieces[i].is_expr || a.pieces[i].text != b.pieces[i].text ||
        !same(a.pieces[i].expr, b.pieces[i].expr))
      return false;
  return true;
}

bool same(const rules_ast::File& a, const rules_ast::File& b) {
  if (a.rules.size() != b.rules.size()) return false;
  for (size_t i = 0; i < a.rules.size(); ++i) {
    const rules_ast::Rule &x = a.rules[i], &y = b.rules[i];
    if (x.id != y.id || x.name != y.name || x.clauses.size() != y.clauses.size()) return false;
    for (size_t k = 0; k < x.clauses.size(); ++k)
      if (!same(x.clauses[k], y.clauses[k])) return false;
  }
  return true;
}

std::vector<std::string> comments(std::string_view text) {
  std::vector<std::string> out;
  for (const Tok& t : tokenize(text))
    if (t.kind == Tok::Kind::comment) out.emplace_back(rstrip(text.substr(t.b, t.e - t.b)));
  return out;
}

// ---- line ends ----

bool uses_crlf(std::string_view body) {
  size_t lf = body.find('\n');
  return lf != std::string_view::npos && lf > 0 && body[lf - 1] == '\r';
}

std::string without_cr(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i)
    if (!(s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n')) out += s[i];
  return out;
}

std::string with_crlf(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 16);
  for (char c : s) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

Diagnostic syntax_error(Span span, Message message, Message help = {}) {
  // As the rule loader reports them (pipeline/rule_loader.cpp).
  return {.name = "rule-compile-error",
          .severity = Severity::error,
          .span = span,
          .message = std::move(message),
          .help = std::move(help)};
}

// Lays out `text` (no BOM, LF line ends) from its syntax tree; false when the
// tree and the text do not agree on where a brace is.
bool lay_out(std::string_view text, const rules_ast::File& ast, std::string& out) {
  const std::vector<Tok> toks = tokenize(text);
  Layout lay(text, toks);
  uint32_t at = 0;
  for (size_t r = 0; r < ast.rules.size(); ++r) {
    const rules_ast::Rule& rule = ast.rules[r];
    lay.gap(at, rule.span.begin, 0, r == 0 ? Blank::never : Blank::always, Blank::keep);
    // The `{` after `rule ID name`, past any blank or comment.
    uint32_t brace = rule.header.end;
    while (brace < text.size() && text[brace] != '{') {
      auto t = std::find_if(toks.begin(), toks.end(), [&](const Tok& k) { return k.b <= brace && brace < k.e; });
      if (t == toks.end() || t->kind == Tok::Kind::other) return false;
      brace = t->e;
    }
    if (brace >= text.size() || rule.span.end == 0 || text[rule.span.end - 1] != '}') return false;
    lay.segment(rule.span.begin, rule.header.end, 0);
    lay.gap(rule.header.end, brace, 4, Blank::never, Blank::never);
    lay.open_brace();
    at = brace + 1;
    for (size_t c = 0; c < rule.clauses.size(); ++c) {
      lay.gap(at, rule.clauses[c].span.begin, 2, c == 0 ? Blank::never : Blank::keep, Blank::keep);
      const uint32_t end = lay.content_end(rule.clauses[c].span.begin, rule.clauses[c].span.end);
      lay.segment(rule.clauses[c].span.begin, end, 2);
      at = end;
    }
    lay.gap(at, rule.span.end - 1, 2, rule.clauses.empty() ? Blank::never : Blank::keep, Blank::never);
    lay.close_brace();
    at = rule.span.end;
  }
  lay.gap(at, static_cast<uint32_t>(text.size()), 0, ast.rules.empty() ? Blank::never : Blank::always, Blank::never);
  out = lay.finish();
  return !lay.stray();
}

}  // namespace

FormatResult format_rules(const SourceSet& sources, uint32_t file, const Limits& limits) {
  FormatResult out;
  const SourceFile& src = sources[file];
  if (auto bad = first_byte_problem(src)) {
    out.syntax_errors.push_back(
        syntax_error({file, bad->at, bad->at + 1}, std::move(bad->message), std::move(bad->help)));
    return out;
  }
  std::vector<rules_ast::SyntaxError> errors;
  const rules_ast::File ast = parse_rules(sources, file, limits, errors);
  if (!errors.empty()) {
    for (auto& e : errors) out.syntax_errors.push_back(syntax_error(e.span, std::move(e.message)));
    return out;
  }
  const Message changed = msg("parse.format.rules_changed");
  // Laid out without the BOM and with LF line ends, which are put back after.
  SourceSet plain_set;
  const uint32_t plain = plain_set.add(src.path(), without_cr(src.body()));
  std::vector<rules_ast::SyntaxError> plain_errors;
  const rules_ast::File plain_ast = parse_rules(plain_set, plain, limits, plain_errors);
  std::string text;
  if (!plain_errors.empty() || !lay_out(plain_set[plain].text(), plain_ast, text)) {
    out.refused = changed;
    return out;
  }
  if (uses_crlf(src.body())) text = with_crlf(text);
  text.insert(0, src.text().substr(0, src.bom_size()));

  // The layout moves only blanks and comments; a file it did not foresee must
  // not be rewritten into other rules.
  SourceSet again;
  const uint32_t id = again.add(src.path(), text);
  std::vector<rules_ast::SyntaxError> again_errors;
  const rules_ast::File back = parse_rules(again, id, limits, again_errors);
  if (!again_errors.empty() || !same(back, ast) || comments(again[id].body()) != comments(src.body())) {
    out.refused = changed;
    return out;
  }
  out.text = std::move(text);
  return out;
}

}  // namespace jf
