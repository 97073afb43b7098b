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

const Text kGenericHelp{"see docs/scheme-language.md for the syntax; `jianfu check --fix` repairs full-width "
                        "punctuation and misspelt words",
                        "语法见 docs/scheme-language.md；`jianfu check --fix` 可自动修正全角标点和拼错的词"};

void append(Diagnostic& d, const std::string& en, const std::string& zh) { d.message.append(Text{en, zh}); }

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
      want += r->found == "：" ? " " : r->ascii;
      k += r->found.size();
    }
    const bool space = want == " ";
    append(d,
           space ? fmt::format("; found the full-width `{}`: write a space instead", found)
                 : fmt::format("; found the full-width `{}`: write `{}`", found, want),
           fmt::format("；此处是全角字符“{}”，应写作{}", found, space ? "空格" : "半角 `" + want + "`"));
    d.help = Text{"switch the input method to half-width (English) punctuation, or run `jianfu check --fix`",
              "请将输入法切换为半角（英文）标点，或运行 `jianfu check --fix`"};
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
    append(d, fmt::format("; `{}` is neither a number nor a text: write `{}` (a number) or `\"{}\"` (a text)", shown,
                          shown.substr(0, shown.size() - 1), shown),
           fmt::format("；`{}` 既不是数字也不是文本：应写作 `{}`（数字）或 `\"{}\"`（文本）", shown,
                       shown.substr(0, shown.size() - 1), shown));
    return;
  }
  // A misspelt statement keyword (`evidance`): the one keyword it is close to.
  size_t w = at;
  while (w < text.size() && ident_byte(static_cast<unsigned char>(text[w]))) ++w;
  std::string_view word = text.substr(at, w - at);
  if (!word.empty() && std::find(kKeywords.begin(), kKeywords.end(), word) == kKeywords.end() &&
      d.message.in(Lang::en).find("did you mean") == std::string::npos) {
    std::vector<std::string_view> words(kKeywords.begin(), kKeywords.end());
    std::string_view guess = did_you_mean(word, words);
    if (!guess.empty()) {
      append(d, fmt::format(" (did you mean `{}`?)", guess), fmt::format("（是否想写 `{}`？）", guess));
      d.fix.push_back({{file, at, static_cast<uint32_t>(w)}, std::string(guess)});
    }
  }
}

// yaml-cpp's messages, in Chinese for `--lang zh`.
std::string yaml_message_zh(std::string_view en) {
  static const std::pair<std::string_view, std::string_view> kMessages[] = {
      {"illegal map value", "非法的映射值（冒号位置不对，或上一行缺少冒号）"},
      {"end of map not found", "映射没有正确结束（缩进或括号不对）"},
      {"end of map flow not found", "行内映射 {…} 没有结束"},
      {"end of sequence not found", "列表没有正确结束（缩进不对）"},
      {"end of sequence flow not found", "行内列表 […] 没有结束"},
      {"illegal tab when looking for indentation", "缩进中不能使用制表符"},
      {"end of string not found", "字符串没有结束（缺少引号）"},
      {"unknown escape character", "未知的转义字符"},
      {"block sequence entries are not allowed in this context", "此处不能出现列表项"},
  };
  for (const auto& [e, z] : kMessages)
    if (en == e) return std::string(z);
  return std::string(en);
}

// YAML: `owner：统计局` is one plain scalar to YAML, and the parser fails on a
// later line. Find the full-width colon after a key and point there.
void hint_yaml(const SourceFile& src, uint32_t file, Diagnostic& d) {
  static const std::string_view kPrefix = "YAML syntax error: ";
  if (std::string en = d.message.in(Lang::en); en.rfind(kPrefix, 0) == 0)
    d.message = Text{en, "YAML 语法错误：" + yaml_message_zh(en.substr(kPrefix.size()))};
  std::string_view text = src.text();
  const uint32_t error_line = src.locate(d.span.begin).line;
  for (uint32_t n = 1; n <= error_line && n <= src.line_count(); ++n) {
    std::string_view line = src.line_text(n);
    size_t i = line.find_first_not_of(' ');
    if (i == std::string_view::npos) continue;
    if (line.substr(i, 2) == "- ") i = line.find_first_not_of(' ', i + 2);
    size_t k = i;
    while (k < line.size() && (std::isalnum(static_cast<unsigned char>(line[k])) || line[k] == '_')) ++k;
    if (k == i || line.substr(k, 3) != "：") continue;
    const uint32_t at = static_cast<uint32_t>(line.data() - text.data() + k);
    std::string key(line.substr(i, k - i));
    d.span = {file, at, at + 3};
    d.message = Text{fmt::format("full-width colon `：` after `{}`: YAML reads the line as one text; write `{}: `",
                             key, key),
                 fmt::format("`{}` 后是全角冒号“：”，YAML 会把整行当作一段文字；应写作半角冒号加空格 `{}: `", key,
                             key)};
    d.help = Text{"switch the input method to half-width (English) punctuation, or run `jianfu check --fix`",
              "请将输入法切换为半角（英文）标点，或运行 `jianfu check --fix`"};
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
      } else if (c->found == "：") {
        if (!out.empty() && out.back() != ' ') out += ' ';
        if (i + 3 < line.size() && line[i + 3] == ' ') ++i;  // `owner： 卫健局`: one space
      } else {
        out += c->ascii;
        // `甲镇，乙镇` reads `甲镇, 乙镇`: a list separator is followed by a space.
        const bool separator = c->found == "，" || c->found == "；";
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
    if (d.help.empty()) d.help = kGenericHelp;
  }
}

}  // namespace jf
