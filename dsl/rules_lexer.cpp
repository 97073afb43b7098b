#include "dsl/rules_lexer.hpp"

#include "base/utf8.hpp"
#include "dsl/parse_text.hpp"

#include "dsl/lexical.hpp"

#include <fmt/format.h>

#include <map>

namespace jf::rules_grammar {
namespace {

bool is_lower_digit(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

It skip_blank(It p, It end) { return lexical::skip_blank(p, end); }

It scan_ident(It p, It end) { return lexical::scan_ident(p, end); }

It scan_rule_id(It p, It end) {
  It i = p;
  while (i != end && (is_digit(*i) || (*i >= 'a' && *i <= 'z') || (*i >= 'A' && *i <= 'Z'))) ++i;
  bool digit = false;
  if (i != end && lexical::ident_char(i, end, &digit)) return p;  // e.g. `JF_1`: not an id
  return i;
}

It scan_kebab(It p, It end) {
  It i = p;
  while (i != end && (is_lower_digit(*i) || (*i == '-' && i != p && i + 1 != end &&
                                             is_lower_digit(i[1]) && i[-1] != '-')))
    ++i;
  bool digit = false;
  if (i != end && (lexical::ident_char(i, end, &digit) || *i == '-')) return p;
  return i;
}

bool is_reserved(std::string_view w) {
  static constexpr std::string_view words[] = {"and",     "or",   "not",   "in",  "contains",
                                               "matches", "true", "false", "null"};
  for (auto r : words)
    if (w == r) return true;
  return false;
}

It match_keyword(It p, It end, std::string_view word) {
  if (static_cast<size_t>(end - p) < word.size() || std::string_view(p, word.size()) != word)
    return p;
  bool digit = false;
  It after = p + word.size();
  if (after != end && lexical::ident_char(after, end, &digit)) return p;
  return after;
}

It scan_operator(It p, It end, int level, std::string& op) {
  if (p == end) return p;
  auto two = [&](std::string_view s) { return end - p >= 2 && std::string_view(p, 2) == s; };
  if (level == 0) {
    for (std::string_view s : {"==", "!=", "<=", ">="})
      if (two(s)) return op = s, p + 2;
    if (*p == '<' || *p == '>') return op = std::string(1, *p), p + 1;
    if (It n = match_keyword(p, end, "not"); n != p) {
      It i = match_keyword(skip_blank(n, end), end, "in");
      if (i != skip_blank(n, end)) return op = "not in", i;
      return p;
    }
    for (std::string_view w : {"in", "contains", "matches"})
      if (It n = match_keyword(p, end, w); n != p) return op = w, n;
    return p;
  }
  if (level == 1) {
    if (*p == '+' || (*p == '-' && !two("->"))) return op = std::string(1, *p), p + 1;
    return p;
  }
  if (*p == '*' || *p == '/' || *p == '%') return op = std::string(1, *p), p + 1;
  return p;
}

It token_end(It p, It end) {
  if (p == end) return p;
  It i = scan_ident(p, end);
  if (i != p) return i;
  auto c = static_cast<unsigned char>(*p);
  size_t n = utf8::sequence_length(c);
  return p + std::min<size_t>(n, end - p);
}

Text expected_message(const std::string& which, It at, It end, bool in_text) {
  // Errors the lexer names by an `@` tag, and the English names of what the
  // grammar expected, each with its catalogue key (messages/parse_rules.yaml).
  static const std::map<std::string, std::string> keyed = {
      {"@depth", "parse.rules.too_deep"},
      {"@string-size", "parse.rules.string_too_long"},
      {"@name-size", "parse.rules.name_too_long"},
  };
  if (auto k = keyed.find(which); k != keyed.end()) return parse_text(k->second);
  static const std::map<std::string, std::string> words = {
      {"an expression", "parse.rules.what.expression"},
      {"a name", "parse.rules.what.name"},
      {"a field name", "parse.rules.what.field_name"},
      {"a word", "parse.rules.what.word"},
      {"a string", "parse.rules.what.string"},
      {"a clause", "parse.rules.what.clause"},
      {"a rule", "parse.rules.what.rule"},
      {"'rule'", "parse.rules.what.rule_keyword"},
      {"a rule id (letters and digits)", "parse.rules.what.rule_id"},
      {"a rule name (kebab-case)", "parse.rules.what.rule_name"},
      {"'{'", "parse.rules.what.open_brace"},
      {"')'", "parse.rules.what.close_paren"},
      {"']'", "parse.rules.what.close_bracket"},
      {"'='", "parse.rules.what.equals"},
      {"'in'", "parse.rules.what.in"},
      {"'}'", "parse.rules.what.close_brace"},
      {"a clause or '}'", "parse.rules.what.clause_or_close"},
      {"a language (en or zh)", "parse.rules.what.language"},
      {"a literal (number, string, true, false or a list)", "parse.rules.what.literal_or_list"},
      {"a literal (number, string, true or false)", "parse.rules.what.literal"},
  };
  std::string what = which == "eoi" ? "'}'" : which;
  auto w = words.find(what);
  // The words are templates with no arguments (`'{{'` is a brace), so they
  // are rendered, not pasted, in each language.
  auto in = [&](Lang lang) {
    std::string what_text =
        w != words.end() ? render_template(catalogue_text(w->second, lang), {}, lang) : what;
    std::string found_text = at != end ? "`" + std::string(at, token_end(at, end)) + "`"
                             : in_text ? "`}`"
                                       : std::string(catalogue_text("parse.rules.end_of_file", lang));
    return msg("parse.rules.expected", {arg("what", what_text), arg("found", found_text)}).in(lang);
  };
  return {in(Lang::en), in(Lang::zh)};
}

}  // namespace jf::rules_grammar
