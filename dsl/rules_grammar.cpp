// The only translation unit that instantiates the rule-language grammar.
#include "dsl/rules_grammar.hpp"

#include <fmt/format.h>

#include "dsl/parse_text.hpp"
#include "dsl/rules_grammar_def.hpp"

namespace jf {
namespace {

using namespace rules_grammar;
using rules_ast::SyntaxError;

/// The start of the next line whose first word is `rule`, or end.
It next_rule_line(It p, It end) {
  for (;;) {
    while (p != end && *p != '\n') ++p;
    if (p == end) return end;
    ++p;
    It q = p;
    while (q != end && (*q == ' ' || *q == '\t')) ++q;
    if (match_keyword(q, end, "rule") != q) return q;
  }
}

/// Splits `c.text` at `{expr}` (`{{` and `}}` are braces) and parses each expression.
void split_interpolations(rules_ast::Clause& c, uint32_t file, const Limits& limits,
                          std::vector<SyntaxError>& errors) {
  const std::string& t = c.text;
  auto offset = [&](size_t i) {
    return i < c.text_offsets.size() ? c.text_offsets[i]
                                     : (c.text_offsets.empty() ? c.span.begin : c.text_offsets.back() + 1);
  };
  std::string lit;
  auto flush = [&] {
    if (!lit.empty()) c.pieces.push_back({false, std::move(lit), {}});
    lit.clear();
  };
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '{' && i + 1 < t.size() && t[i + 1] == '{') {
      lit.push_back('{'), ++i;
    } else if (t[i] == '}' && i + 1 < t.size() && t[i + 1] == '}') {
      lit.push_back('}'), ++i;
    } else if (t[i] == '}') {
      errors.push_back({{file, offset(i), offset(i) + 1},
                        parse_text("parse.rules.unmatched_brace")});
      return;
    } else if (t[i] == '{') {
      size_t close = t.find('}', i + 1);
      if (close == std::string::npos) {
        errors.push_back({{file, offset(i), offset(i) + 1},
                          parse_text("parse.rules.unclosed_brace")});
        return;
      }
      flush();
      rules_ast::Piece piece;
      piece.is_expr = true;
      std::string_view inner(t.data() + i + 1, close - i - 1);
      if (!parse_rule_expression(inner, file, offset(i + 1), limits, piece.expr, errors)) return;
      c.pieces.push_back(std::move(piece));
      i = close;
    } else {
      lit.push_back(t[i]);
    }
  }
  flush();
}

}  // namespace

rules_ast::File parse_rules(const SourceSet& sources, uint32_t file, const Limits& limits,
                            std::vector<SyntaxError>& errors) {
  const SourceFile& src = sources[file];
  // The reader stops one byte past the limit (--max-file-size), so a longer
  // file is refused whole rather than parsed cut short.
  if (src.text().size() > limits.max_file_bytes) {
    errors.push_back({{file, 0, 0},
                      parse_text("parse.input.file_too_large", {jf::arg("limit", limits.max_file_bytes)})});
    return {};
  }
  It begin = src.text().data();
  It end = begin + src.text().size();
  State st{begin, file, 0, &limits, &errors, 0};
  rules_ast::File out;
  size_t first_error = errors.size();
  It p = begin + src.bom_size();
  auto parser = x3::with<state_tag>(std::ref(st))[rule_decl];
  for (;;) {
    p = skip_blank(p, end);
    if (p == end) break;
    if (errors.size() - first_error >= limits.max_syntax_errors) {
      errors.push_back({{file, static_cast<uint32_t>(p - begin), static_cast<uint32_t>(p - begin)},
                        parse_text("parse.rules.too_many_errors")});
      break;
    }
    rules_ast::Rule rule;
    st.depth = 0;
    size_t before = errors.size();
    It at = p;
    if (x3::phrase_parse(p, end, parser, skipper, rule)) {
      rule.header.begin = rule.span.begin;
      for (auto& c : rule.clauses)
        if (c.keyword == "message" || c.keyword == "help") split_interpolations(c, file, limits, errors);
      out.rules.push_back(std::move(rule));
      continue;
    }
    if (errors.size() == before)
      errors.push_back({report_errors::token_span(st, at, end), expected_message("'rule'", at, end)});
    p = next_rule_line(at, end);
  }
  return out;
}

bool parse_rule_expression(std::string_view text, uint32_t file, uint32_t base,
                           const Limits& limits, rules_ast::Expr& out,
                           std::vector<SyntaxError>& errors) {
  It begin = text.data();
  It end = begin + text.size();
  State st{begin, file, 0, &limits, &errors, base, true};
  size_t before = errors.size();
  It p = begin;
  auto parser = x3::with<state_tag>(std::ref(st))[interp_expr];
  bool ok = x3::phrase_parse(p, end, parser, skipper, out);
  if (!ok && errors.size() == before)
    errors.push_back({report_errors::token_span(st, p, end), expected_message("an expression", p, end, true)});
  return ok;
}

}  // namespace jf
