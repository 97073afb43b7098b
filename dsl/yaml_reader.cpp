#include "dsl/yaml_reader.hpp"

#include "base/spelling.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <unordered_map>
#include <cmath>

#include "dsl/scheme_loader.hpp"

namespace jf {
namespace {


/// "got a list", "got `abc`": what a wrong value was, in both languages.
Text got(const YamlNode& n) {
  if (n.kind == YamlKind::scalar && n.plain)
    return {fmt::format("got `{}`", n.text), fmt::format("实际是 `{}`", n.text)};
  return {fmt::format("got {}", describe_en(n)), fmt::format("实际是{}", describe_zh(n))};
}

/// The earlier key node spelled `text`, among the scalar keys before entry
/// `i` of `kids` (key, value, …); nullopt when `text` is new.
std::optional<uint32_t> seen_before(std::span<const uint32_t> kids, size_t i, std::string_view text,
                                    const YamlTree& tree) {
  for (size_t j = 0; j < i; j += 2) {
    const YamlNode& earlier = tree[kids[j]];
    if (earlier.kind == YamlKind::scalar && earlier.text == text) return kids[j];
  }
  return std::nullopt;
}

/// The same with a hash of every key so far; records `text` at `key` when new.
std::optional<uint32_t> seen_before(std::unordered_map<std::string_view, uint32_t>& seen, std::string_view text,
                                    uint32_t key) {
  auto [first, fresh] = seen.try_emplace(text, key);
  if (fresh) return std::nullopt;
  return first->second;
}

}  // namespace


std::string join(const std::vector<std::string_view>& words) {
  std::string out;
  for (std::string_view w : words) {
    if (!out.empty()) out += ", ";
    out += w;
  }
  return out;
}

const YamlField* YamlFields::get(std::string_view key) const {
  for (const YamlField& f : items)
    if (f.key == key) return &f;
  return nullptr;
}

YamlReader::YamlReader(const YamlTree& tree, const SourceFile& src, const Limits& limits,
                       std::vector<Diagnostic>& out)
    : tree_(tree), src_(src), limits_(limits), out_(out), errors_(static_cast<uint32_t>(out.size())) {}

void YamlReader::error(Span span, Text message, Text help) {
  if (errors_ > limits_.max_syntax_errors) return;
  // Callers widen empty spans by a byte; at the end of the file (`---`) that
  // byte does not exist, and a span must stay inside its file.
  uint32_t size = static_cast<uint32_t>(src_.text().size());
  span.end = std::min(span.end, size);
  span.begin = std::min(span.begin, span.end);
  if (errors_++ == limits_.max_syntax_errors) {
    out_.push_back(syntax_error(span,
                                {fmt::format("too many errors; stopped after {}", limits_.max_syntax_errors),
                                 fmt::format("错误过多，已在 {} 个之后停止报告", limits_.max_syntax_errors)}));
    return;
  }
  out_.push_back(syntax_error(span, std::move(message), std::move(help)));
}

std::optional<YamlFields> YamlReader::fields(uint32_t id, std::string_view label, What what,
                                             const std::vector<std::string_view>& keys) {
  const YamlNode& n = node(id);
  if (n.kind != YamlKind::mapping) {
    wrong_type(id, label, {"a mapping", "映射"});
    return std::nullopt;
  }
  YamlFields out;
  out.map = id;
  out.items.reserve(std::min(n.children.size() / 2, keys.size()));
  // Every scalar key, for duplicates: a scheme's mappings hold a few keys,
  // searched in place; a crafted one may hold millions, hashed past kScan.
  constexpr size_t kScan = 32;
  const bool hashed = n.children.size() / 2 > kScan;
  std::unordered_map<std::string_view, uint32_t> seen;
  for (size_t i = 0; i + 1 < n.children.size(); i += 2) {
    uint32_t k = n.children[i], v = n.children[i + 1];
    const YamlNode& key = node(k);
    if (key.kind != YamlKind::scalar) {
      error(key.span, {fmt::format("keys in {} must be words, {}", what.en, got(key).en),
                       fmt::format("{}中的键必须是单词，{}", what.zh, got(key).zh)});
      continue;
    }
    std::optional<uint32_t> first = hashed ? seen_before(seen, key.text, k) : seen_before(n.children, i, key.text, tree_);
    if (first) {
      uint32_t line = src_.locate(node(*first).span.begin).line;
      error(key.span, {fmt::format("duplicate key `{}` in {} (first at line {})", key.text, what.en, line),
                       fmt::format("{}中的键 `{}` 重复（首次出现在第 {} 行）", what.zh, key.text, line)},
            {"remove one of the two entries", "删除其中一项"});
      continue;
    }
    if (std::find(keys.begin(), keys.end(), key.text) == keys.end()) {
      std::string_view guess = did_you_mean(key.text, keys);
      if (!guess.empty()) {
        size_t before = out_.size();
        error(key.span, {fmt::format("unknown key `{}` in {}; did you mean `{}`?", key.text, what.en, guess),
                         fmt::format("{}中有未知的键 `{}`；是否想写 `{}`？", what.zh, key.text, guess)});
        suggest(before, key, guess);
      } else
        error(key.span, {fmt::format("unknown key `{}` in {}; valid keys: {}", key.text, what.en, join(keys)),
                         fmt::format("{}中有未知的键 `{}`；可用的键：{}", what.zh, key.text, join(keys))});
      continue;
    }
    if (node(v).kind != YamlKind::null) out.items.push_back({key.text, k, v});
  }
  return out;
}

void YamlReader::missing(const YamlFields& f, std::string_view key, What what) {
  Span s = node(f.map).span;
  s.end = std::min(s.end, s.begin + 1);
  error(s, {fmt::format("{} is missing the required key `{}`", what.en, key),
            fmt::format("{}缺少必填的键 `{}`", what.zh, key)});
}

Span YamlReader::value_span(const YamlField& f) const {
  return node(f.value).kind == YamlKind::null ? node(f.key_node).span : node(f.value).span;
}

void YamlReader::wrong_type(uint32_t id, std::string_view label, What expected) {
  Text g = got(node(id));
  Span s = node(id).span;
  if (s.end == s.begin) s.end = s.begin + 1;
  error(s, {fmt::format("`{}` must be {}, {}", label, expected.en, g.en),
            fmt::format("`{}` 必须是{}，{}", label, expected.zh, g.zh)});
}

std::optional<std::span<const uint32_t>> YamlReader::list(uint32_t id, std::string_view label) {
  if (node(id).kind != YamlKind::sequence) {
    wrong_type(id, label, {"a list", "列表"});
    return std::nullopt;
  }
  return node(id).children;
}

std::optional<double> YamlReader::number(uint32_t id, std::string_view label) {
  const YamlNode& n = node(id);
  if (n.kind == YamlKind::scalar && n.plain) {
    double v = 0;
    const char* end = n.text.data() + n.text.size();
    auto [p, ec] = std::from_chars(n.text.data(), end, v);
    if (ec == std::errc() && p == end && std::isfinite(v)) return v;
  }
  wrong_type(id, label, {"a number", "数字"});
  return std::nullopt;
}

std::optional<bool> YamlReader::boolean(uint32_t id, std::string_view label) {
  const YamlNode& n = node(id);
  if (n.kind == YamlKind::scalar && n.plain) {
    if (n.text == "true" || n.text == "True" || n.text == "TRUE") return true;
    if (n.text == "false" || n.text == "False" || n.text == "FALSE") return false;
  }
  wrong_type(id, label, {"true or false", "true 或 false"});
  return std::nullopt;
}

std::optional<std::string> YamlReader::string(uint32_t id, std::string_view label) {
  const YamlNode& n = node(id);
  if (n.kind != YamlKind::scalar) {
    wrong_type(id, label, {"a text", "文本"});
    return std::nullopt;
  }
  if (n.text.size() > limits_.max_string_bytes) {
    error(n.span, {fmt::format("`{}` is longer than {} bytes", label, limits_.max_string_bytes),
                   fmt::format("`{}` 超过 {} 字节", label, limits_.max_string_bytes)});
    return std::nullopt;
  }
  return std::string(n.text);
}

std::optional<Name> YamlReader::name(uint32_t id, std::string_view label) {
  const YamlNode& n = node(id);
  if (n.kind != YamlKind::scalar) {
    wrong_type(id, label, {"a name", "名称"});
    return std::nullopt;
  }
  if (n.text.empty()) {
    error(n.span, {fmt::format("`{}` must not be empty", label), fmt::format("`{}` 不能为空", label)});
    return std::nullopt;
  }
  if (n.text.size() > limits_.max_name_bytes) {
    error(n.span, {fmt::format("`{}` is longer than {} bytes", label, limits_.max_name_bytes),
                   fmt::format("`{}` 超过 {} 字节", label, limits_.max_name_bytes)});
    return std::nullopt;
  }
  return Name{std::string(n.text), n.span};
}

std::optional<std::string_view> YamlReader::word(uint32_t id, std::string_view label,
                                                 const std::vector<std::string_view>& words) {
  const YamlNode& n = node(id);
  if (n.kind != YamlKind::scalar) {
    wrong_type(id, label, {"a word", "单词"});
    return std::nullopt;
  }
  auto it = std::find(words.begin(), words.end(), n.text);
  if (it != words.end()) return *it;
  std::string_view guess = did_you_mean(n.text, words);
  std::string hint_en = guess.empty() ? "" : fmt::format(" (did you mean `{}`?)", guess);
  std::string hint_zh = guess.empty() ? "" : fmt::format("（是否想写 `{}`？）", guess);
  size_t before = out_.size();
  error(n.span, {fmt::format("unknown {} `{}`{}; expected one of: {}", label, n.text, hint_en, join(words)),
                 fmt::format("未知的 {} `{}`{}；可选值：{}", label, n.text, hint_zh, join(words))});
  if (!guess.empty()) suggest(before, n, guess);
  return std::nullopt;
}

void YamlReader::suggest(size_t reported, const YamlNode& n, std::string_view word) {
  // `check --fix` replaces a plain scalar whose bytes are exactly its text.
  if (out_.size() <= reported || !n.plain || n.span.end > src_.text().size() ||
      src_.text().substr(n.span.begin, n.span.end - n.span.begin) != n.text)
    return;
  out_.back().fix.push_back({n.span, std::string(word)});
}

}  // namespace jf
