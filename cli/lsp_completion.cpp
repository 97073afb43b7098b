#include "cli/lsp_completion.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <string>
#include <vector>

#include "base/model_fields.hpp"
#include "cli/lsp_diagnostics.hpp"
#include "dsl/syntax_hints.hpp"
#include "engine/rule_types.hpp"

namespace jf::cli {
namespace {

// LSP CompletionItemKind values.
constexpr int kFieldItem = 5, kClassItem = 7, kKeywordItem = 14, kEnumMemberItem = 20;

bool ident_byte(char c) {
  auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || std::isalnum(u) || c == '_';
}

// One word the cursor may be completed with.
struct Item {
  std::string label;
  int kind;
  std::string detail;
};

// The words offered, each once, in the order they were found; details in
// the analysis' language.
struct Items {
  Lang lang = Lang::en;
  std::vector<Item> list;
  std::set<std::string, std::less<>> seen;
  void add(std::string_view word, int kind, std::string detail = {}) {
    if (!word.empty() && seen.insert(std::string(word)).second) list.push_back({std::string(word), kind, std::move(detail)});
  }
  std::string doc(const ModelField& f) const { return std::string(lang == Lang::zh ? f.zh : f.en); }
};

// ---- the words of the field table --------------------------------------

// A keyword written in `.assess` (not `->`, not the two words `penalty overall`).
bool word_keyword(std::string_view k) { return !k.empty() && std::all_of(k.begin(), k.end(), ident_byte); }

void add_keywords(Items& out, Part part) {
  for (const ModelField& f : model_fields(part))
    if (word_keyword(f.assess)) out.add(f.assess, kKeywordItem, out.doc(f));
}

void add_all_keywords(Items& out) {
  for (std::string_view k : statement_keywords()) out.add(k, kKeywordItem);
  for (Part p : model_parts()) add_keywords(out, p);
}

void add_words(Items& out, const ModelField& f) {
  if (!f.words) return;
  for (std::string_view w : f.words->spellings()) {
    // `bottom_percent` is the model's name for what is written `bottom N%`.
    if (f.type == FieldType::trigger && w == to_string(TriggerKind::bottom_percent)) continue;
    out.add(w, kEnumMemberItem, std::string(f.words->name));
  }
}

// The enum field written without a keyword in `part` (a score's mode, a
// report's frequency, a penalty's trigger) after field `from`, or null.
const ModelField* positional_word(Part part, const ModelField* from = nullptr) {
  auto fields = model_fields(part);
  auto it = from ? fields.begin() + (from - fields.data()) + 1 : fields.begin();
  for (; it != fields.end(); ++it)
    if (it->assess.empty() && it->words) return &*it;
  return nullptr;
}

// What an id field names: owner and by name departments, proves indicators.
enum class Ref { none, department, indicator };
Ref reference_of(const ModelField& f) {
  if (f.part == Part::indicator && f.type == FieldType::owners) return Ref::department;
  if (f.part == Part::inspection && f.member == "by") return Ref::department;
  if (f.part == Part::indicator && f.member == "proves") return Ref::indicator;
  return Ref::none;
}

void add_ids(Items& out, const Analysis& a, Ref ref) {
  if (!a.scheme) return;
  if (ref == Ref::department)
    for (const Department& d : a.scheme->departments) out.add(d.id.text, kClassItem, d.display);
  if (ref == Ref::indicator)
    for (const Indicator& i : a.scheme->indicators) out.add(i.id.text, kFieldItem, i.display);
}

bool list_field(const ModelField& f) {
  return f.type == FieldType::owners || f.type == FieldType::names || f.type == FieldType::words ||
         f.type == FieldType::actions;
}

// ---- `.assess` ---------------------------------------------------------

// The field keyword `kw` introduces, preferring the one of the statement
// `first` opens (`kind` of a department or of an inspection).
const ModelField* field_for(std::string_view kw, std::string_view first) {
  const ModelField* found = nullptr;
  for (Part p : model_parts())
    for (const ModelField& f : model_fields(p)) {
      if (f.assess != kw) continue;
      if (part_info(p).en == first) return &f;
      if (!found) found = &f;
    }
  return found;
}

void complete_assess(Items& out, const Analysis& a, std::string_view before) {
  bool quoted = false;
  for (char c : before) {
    if (c == '"') quoted = !quoted;
    if (c == '#' && !quoted) return;  // in a comment
  }
  if (quoted) return;  // in a text
  if (size_t brace = before.rfind('{'); brace != std::string_view::npos) before.remove_prefix(brace + 1);
  std::vector<std::string_view> tokens;
  for (size_t i = 0; i < before.size();) {
    if (std::isspace(static_cast<unsigned char>(before[i])) || before[i] == ',') {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < before.size() && !std::isspace(static_cast<unsigned char>(before[j])) && before[j] != ',') ++j;
    tokens.push_back(before.substr(i, j - i));
    i = j;
  }
  if (tokens.empty()) return add_all_keywords(out);  // a statement starts here
  size_t last = before.find_last_not_of(" \t");
  bool after_comma = last != std::string_view::npos && before[last] == ',';
  const ModelField* f = nullptr;
  size_t k = tokens.size();
  // A keyword of two words (`penalty overall`) just typed: its trigger follows.
  if (k >= 2) {
    const std::string two = std::string(tokens[k - 2]) + " " + std::string(tokens[k - 1]);
    if ((f = field_for(two, tokens[0]))) --k;
  }
  while (!f && k-- > 0 && !(f = field_for(tokens[k], tokens[0]))) {}
  if (!f) return;
  bool direct = k + 1 == tokens.size() || (after_comma && list_field(*f));
  if (f->type == FieldType::part || f->type == FieldType::opt_part || f->type == FieldType::parts) {
    if (!direct) return add_keywords(out, f->nested);
    if (const ModelField* w = positional_word(f->nested); w && w == model_fields(f->nested).data()) add_words(out, *w);
    return;  // else a new id is typed
  }
  if (direct) {
    add_ids(out, a, reference_of(*f));
    add_words(out, *f);
    return;
  }
  add_keywords(out, f->part);
  if (const ModelField* w = positional_word(f->part, f)) add_words(out, *w);
}

// ---- YAML --------------------------------------------------------------

// Leading spaces (the whole line when it is blank).
size_t indent_of(std::string_view line) { return std::min(line.find_first_not_of(' '), line.size()); }

// The key a `key:` line opens, or "".
std::string_view key_of(std::string_view line) {
  line.remove_prefix(std::min(line.size(), indent_of(line)));
  if (line.starts_with("- ")) line.remove_prefix(2);
  size_t colon = line.find(':');
  if (colon == std::string_view::npos || colon == 0) return {};
  std::string_view key = line.substr(0, colon);
  return std::all_of(key.begin(), key.end(), ident_byte) ? key : std::string_view{};
}

Part nested_or(Part part, std::string_view key, Part otherwise) {
  const ModelField* f = find_yaml_field(part, key);
  return f && (f->type == FieldType::part || f->type == FieldType::opt_part || f->type == FieldType::parts)
             ? f->nested
             : otherwise;
}

// The element the line at `line_start` (indented by `indent`) is inside: an
// element of the list under the top-level key above it, or a block mapping
// under one of that element's keys (`score:` alone on a line above).
Part yaml_part(std::string_view text, size_t line_start, size_t indent) {
  if (indent == 0) return Part::document;
  std::string_view rest = text.substr(0, line_start);
  std::string_view section_key, block_key;
  size_t nearest = indent;  // lines less indented than this hold the cursor's line
  bool block_done = false;
  while (!rest.empty()) {
    if (rest.back() == '\n') rest.remove_suffix(1);
    size_t b = rest.find_last_of('\n');
    b = b == std::string_view::npos ? 0 : b + 1;
    std::string_view l = rest.substr(b);
    rest = rest.substr(0, b);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    size_t i = indent_of(l);
    if (i == l.size() || l[i] == '#') continue;  // blank or comment
    if (i == 0) {
      section_key = key_of(l);
      break;
    }
    if (block_done || i >= nearest) continue;
    nearest = i;
    std::string_view key = key_of(l);
    std::string_view after = key.empty() ? std::string_view{} : l.substr(l.find(':') + 1);
    if (!key.empty() && l.substr(i).starts_with(key) && after.find_first_not_of(" \t") == std::string_view::npos)
      block_key = key;
    block_done = true;  // only the nearest enclosing line can open a block of the cursor's element
  }
  Part section = nested_or(Part::document, section_key, Part::document);
  return block_key.empty() ? section : nested_or(section, block_key, section);
}

void complete_yaml(Items& out, const Analysis& a, std::string_view text, size_t line_start, std::string_view before) {
  if (before.find('#') != std::string_view::npos) return;
  Part part = yaml_part(text, line_start, indent_of(before));
  std::string_view inner = before;
  // Inside a flow mapping (`score: {mode: `): the element its key holds.
  if (size_t brace = before.rfind('{'); brace != std::string_view::npos && before.find('}', brace) == std::string_view::npos) {
    std::string_view outer = before.substr(0, brace);
    size_t c = outer.find_last_not_of(" \t");
    if (c != std::string_view::npos && outer[c] == ':') {
      size_t k = c;
      while (k > 0 && ident_byte(outer[k - 1])) --k;
      part = nested_or(part, outer.substr(k, c - k), part);
    }
    inner = before.substr(brace + 1);
  }
  // Inside a flow sequence (`proves: [a, `): values of the key before `[`.
  size_t bracket = inner.rfind('[');
  bool in_list = bracket != std::string_view::npos && inner.find(']', bracket) == std::string_view::npos;
  std::string_view upto = in_list ? inner.substr(0, bracket) : inner;
  if (size_t sep = upto.find_last_of(','); sep != std::string_view::npos) upto.remove_prefix(sep + 1);
  size_t colon = upto.rfind(':');
  if (colon == std::string_view::npos) {  // a key is typed
    if (in_list) return;
    for (std::string_view k : yaml_keys(part)) out.add(k, kKeywordItem, out.doc(*find_yaml_field(part, k)));
    return;
  }
  std::string_view head = upto.substr(0, colon);
  size_t k = head.size();
  while (k > 0 && ident_byte(head[k - 1])) --k;
  const ModelField* f = find_yaml_field(part, head.substr(k));
  if (!f) return;
  add_ids(out, a, reference_of(*f));
  add_words(out, *f);
}

// ---- `.rules` ----------------------------------------------------------

// The enum field whose words a rule compares `PATH.kind` with, from the last
// two names of the path (`p.trigger.kind`: a penalty's trigger), or null.
const ModelField* compared_enum(std::string_view before) {
  // Past the value list being written (`in [bottom, `) and the operator.
  size_t end = before.find_last_not_of(" \t");
  if (end == std::string_view::npos) return nullptr;
  std::string_view s = before.substr(0, end + 1);
  if (size_t open = s.rfind('['); open != std::string_view::npos && s.find(']', open) == std::string_view::npos) {
    s = s.substr(0, open);
    s = s.substr(0, s.find_last_not_of(" \t") + 1);
    if (!s.ends_with(" in")) return nullptr;
    s.remove_suffix(3);
  } else if (s.ends_with("==") || s.ends_with("!=")) {
    s.remove_suffix(2);
  } else {
    return nullptr;
  }
  s = s.substr(0, s.find_last_not_of(" \t") + 1);
  if (s.ends_with(" not")) s.remove_suffix(4);  // `not in`
  s = s.substr(0, s.find_last_not_of(" \t") + 1);
  size_t b = s.size();
  while (b > 0 && (ident_byte(s[b - 1]) || s[b - 1] == '.')) --b;
  std::string_view path = s.substr(b);
  if (!path.ends_with("trigger.kind")) return nullptr;
  for (const ModelField& f : model_fields(Part::penalty))
    if (f.type == FieldType::trigger) return &f;
  return nullptr;
}

void complete_rules(Items& out, std::string_view before) {
  if (before.find('#') != std::string_view::npos) return;
  if (const ModelField* f = compared_enum(before); f && f->words) {
    // The model's own names (`bottom_percent` too): rules compare those.
    for (std::string_view w : f->words->spellings()) out.add(w, kEnumMemberItem, std::string(f->words->name));
    return;
  }
  if (!before.empty() && before.back() == '.') {  // a field of some element: the detail names which
    std::vector<std::pair<std::string_view, std::string>> fields;
    for (int e = 0; e <= static_cast<int>(rt::Elem::criterion); ++e) {
      auto elem = static_cast<rt::Elem>(e);
      if (elem == rt::Elem::bucket) continue;
      for (std::string_view n : rt::field_names(elem)) {
        auto it = std::find_if(fields.begin(), fields.end(), [&](const auto& f) { return f.first == n; });
        if (it == fields.end()) it = fields.insert(fields.end(), {n, ""});
        it->second += (it->second.empty() ? "" : ", ") + std::string(rt::elem_name(elem));
      }
    }
    for (auto& [name, elems] : fields) out.add(name, kFieldItem, std::move(elems));
    return;
  }
  for (std::string_view n : rt::global_names()) out.add(n, kFieldItem);
}

}  // namespace

nlohmann::json lsp_completion(const Analysis& a, std::string_view text, const LineIndex& index, uint32_t offset) {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text.size()));
  uint32_t word = offset;
  while (word > 0 && ident_byte(text[word - 1])) --word;
  size_t line_start = text.find_last_of("\r\n", word == 0 ? 0 : word - 1);
  line_start = (line_start == std::string_view::npos || word == 0) ? 0 : line_start + 1;
  std::string_view before = text.substr(line_start, word - line_start);
  std::string_view prefix = text.substr(word, offset - word);

  Items items{.lang = a.lang};
  switch (a.kind) {
    case DocKind::assess: complete_assess(items, a, before); break;
    case DocKind::yaml_scheme: complete_yaml(items, a, text, line_start, before); break;
    case DocKind::rules: complete_rules(items, before); break;
    default: break;
  }
  nlohmann::json list = nlohmann::json::array();
  nlohmann::json range = lsp_range(index, word, offset);
  for (const Item& i : items.list) {
    if (!i.label.starts_with(prefix)) continue;
    nlohmann::json item = {{"label", i.label}, {"kind", i.kind}, {"textEdit", {{"range", range}, {"newText", i.label}}}};
    if (!i.detail.empty()) item["detail"] = i.detail;
    list.push_back(std::move(item));
  }
  return {{"isIncomplete", false}, {"items", list}};
}

}  // namespace jf::cli
