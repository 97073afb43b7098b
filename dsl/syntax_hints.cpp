#include "dsl/syntax_hints.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <string>

#include "dsl/fullwidth.hpp"
#include "base/spelling.hpp"

namespace jf {
namespace {

constexpr std::array<std::string_view, 20> kKeywords{
    "scheme", "department", "group", "indicator", "inspection", "penalty", "owner", "points", "key", "score",
    "report", "evidence", "deduct", "proves", "units", "total", "year", "kind", "target", "forms"};

bool ident_byte(unsigned char c) { return c >= 0x80 || std::isalnum(c) || c == '_'; }

// The line around byte `at`, as offsets.
std::pair<uint32_t, uint32_t> line_around(std::string_view text, uint32_t at) {
  size_t b = text.rfind('\n', at == 0 ? 0 : at - 1);
  b = (b == std::string_view::npos || at == 0) ? 0 : b + 1;
  if (at > 0 && text[at - 1] == '\n') b = at;
  size_t e = text.find('\n', at);
  if (e == std::string_view::npos) e = text.size();
  if (e > b && text[e - 1] == '\r') --e;
  return {static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
}


// `.assess`: what stands at the error.
void hint_assess(const SourceFile& src, uint32_t file, Diagnostic& d) {
  std::string_view text = src.text();
  const uint32_t at = d.span.begin;
  if (auto c = fullwidth_at(text, at)) {
    // The whole run (`５０`), named with what to write instead.
    std::string found, want;
    size_t k = at;
    while (auto r = fullwidth_at(text, k)) {
      found += r->found;
      want += r->ascii == ":" ? " " : r->ascii;
      k += r->found.size();
    }
    const bool space = want == " ";
    d.message.append(space ? msg("parse.hint.fullwidth_space", {arg("found", found)})
                           : msg("parse.hint.fullwidth", {arg("found", found), arg("want", want)}));
    d.help = msg("parse.hint.halfwidth_help");
    auto [b, e] = line_around(text, at);
    std::string fixed = halfwidth_assess_line(text.substr(b, e - b));
    if (fixed != text.substr(b, e - b)) d.fix.push_back({{file, b, e}, fixed});
    return;
  }
  // `95%`: a number with a percent sign is neither a number nor a text.
  size_t k = at;
  while (k < text.size() && (std::isdigit(static_cast<unsigned char>(text[k])) || text[k] == '.')) ++k;
  if (k > at && k < text.size() && text[k] == '%') {
    std::string shown(text.substr(at, k + 1 - at));
    d.message.append(
        msg("parse.hint.percent", {arg("shown", shown), arg("number", shown.substr(0, shown.size() - 1))}));
    return;
  }
  // A misspelt statement keyword (`evidance`): the one keyword it is close to.
  size_t w = at;
  while (w < text.size() && ident_byte(static_cast<unsigned char>(text[w]))) ++w;
  std::string_view word = text.substr(at, w - at);
  // A message that already offers a guess names it with the argument `guess`.
  if (!word.empty() && std::find(kKeywords.begin(), kKeywords.end(), word) == kKeywords.end() &&
      !d.message.find("guess")) {
    std::vector<std::string_view> words(kKeywords.begin(), kKeywords.end());
    std::string_view guess = did_you_mean(word, words);
    if (!guess.empty()) {
      d.message.append(msg("parse.hint.did_you_mean", {arg("guess", guess)}));
      d.fix.push_back({{file, at, static_cast<uint32_t>(w)}, std::string(guess)});
    }
  }
}

// yaml-cpp's messages are English; those the catalogue has (key
// parse.yaml.cpp.<the message as a slug>, messages/parse_yaml.yaml) are shown
// in the run's language, the others as yaml-cpp wrote them.
std::string yaml_cpp_key(std::string_view en) {
  // keys: parse.yaml.cpp.*
  std::string key = "parse.yaml.cpp.";
  for (char c : en) key += std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(c)) : '_';
  return key;
}

// YAML: `owner：统计局` is one plain scalar to YAML, and the parser fails on a
// later line. Find the full-width colon after a key and point there.
void hint_yaml(const SourceFile& src, uint32_t file, Diagnostic& d) {
  if (d.message.key() == "parse.yaml.syntax_error")
    if (const MessageArg* what = d.message.find("what"); what && catalogue_has(yaml_cpp_key(what->value)))
      d.message = msg("parse.yaml.syntax_error", {word("what", yaml_cpp_key(what->value))});
  std::string_view text = src.text();
  const uint32_t error_line = src.locate(d.span.begin).line;
  for (uint32_t n = 1; n <= error_line && n <= src.line_count(); ++n) {
    std::string_view line = src.line_text(n);
    size_t i = line.find_first_not_of(' ');
    if (i == std::string_view::npos) continue;
    if (line.substr(i, 2) == "- ") i = line.find_first_not_of(' ', i + 2);
    size_t k = i;
    while (k < line.size() && (std::isalnum(static_cast<unsigned char>(line[k])) || line[k] == '_')) ++k;
    const auto colon = fullwidth_at(line, k);  // the full-width colon
    if (k == i || !colon || colon->ascii != ":") continue;
    const uint32_t at = static_cast<uint32_t>(line.data() - text.data() + k);
    std::string key(line.substr(i, k - i));
    d.span = {file, at, at + 3};
    d.message = msg("parse.hint.yaml_fullwidth_colon", {arg("key", key)});
    d.help = msg("parse.hint.halfwidth_help");
    size_t after = k + 3;
    std::string with = ": ";
    if (after < line.size() && line[after] == ' ') with = ":";
    d.fix = {{{file, at, at + 3}, with}};
    return;
  }
}

}  // namespace

std::span<const std::string_view> statement_keywords() { return kKeywords; }

std::string halfwidth_assess_line(std::string_view line) {
  std::string out;
  bool in_text = false;  // inside "…" (ASCII quotes, or curly ones being replaced)
  for (size_t i = 0; i < line.size();) {
    if (line[i] == '#' && !in_text) return out + std::string(line.substr(i));  // a comment stays as written
    if (line[i] == '"') {
      in_text = !in_text;
      out += line[i++];
      continue;
    }
    if (line[i] == '\\' && in_text && i + 1 < line.size()) {
      out += line.substr(i, 2);
      i += 2;
      continue;
    }
    auto c = fullwidth_at(line, i);
    if (c && (!in_text || c->found == "”" || c->found == "“")) {
      if (c->found == "“" || c->found == "”") {
        in_text = c->found == "“" ? true : false;
        out += '"';
      } else if (c->ascii == ":") {
        if (!out.empty() && out.back() != ' ') out += ' ';
        if (i + 3 < line.size() && line[i + 3] == ' ') ++i;  // `owner： 卫健局`: one space
      } else {
        out += c->ascii;
        // `甲镇，乙镇` reads `甲镇, 乙镇`: a list separator is followed by a space.
        const bool separator = c->ascii == "," || c->ascii == ";";
        if (separator && i + c->found.size() < line.size() && line[i + c->found.size()] != ' ') out += ' ';
      }
      i += c->found.size();
      continue;
    }
    out += line[i++];
  }
  return out;
}

void add_syntax_hints(const SourceFile& src, uint32_t file, bool yaml, std::vector<Diagnostic>& ds) {
  for (Diagnostic& d : ds) {
    if (d.rule != "JF001") continue;
    if (yaml) hint_yaml(src, file, d);
    else hint_assess(src, file, d);
    if (d.help.empty()) d.help = msg("parse.hint.generic_help");
  }
}

}  // namespace jf
