#include "render/render_schema.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

#include "base/model_fields.hpp"
#include "render/check_formats.hpp"
#include "render/render_burden.hpp"
#include "render/render_catalogue.hpp"
#include "render/render_scheme_diff.hpp"
#include "render/render_score.hpp"

namespace jf {
namespace {

using Json = nlohmann::ordered_json;

std::string dump(const Json& j) { return j.dump(2, ' ', false, Json::error_handler_t::strict) + "\n"; }

std::string describe(std::string_view en, std::string_view zh) { return fmt::format("{} / {}", en, zh); }

Json words_of(const EnumInfo& e) {
  Json out = Json::array();
  for (std::string_view w : e.spellings()) out.push_back(w);
  return out;
}

// A YAML scalar the reader takes as text: `name: 2025` is the text 2025.
Json scalar() { return {{"type", Json::array({"string", "number", "boolean"})}}; }
Json name() {
  Json j = scalar();
  j["minLength"] = 1;
  return j;
}
Json ref(Part p) { return {{"$ref", fmt::format("#/$defs/{}", part_info(p).en)}}; }
Json array_of(Json item) { return {{"type", "array"}, {"items", std::move(item)}}; }

// Numbers in a trigger or action as the reader splits and reads them.
constexpr const char* kNumber = "[-+]?[0-9]+(\\.[0-9]+)?";

Json field_schema(const ModelField& f) {
  switch (f.type) {
    case FieldType::text:
    case FieldType::opt_text: return scalar();
    case FieldType::name:
    case FieldType::id_text: return name();
    case FieldType::number:
    case FieldType::opt_number: return {{"type", "number"}};
    case FieldType::flag: return {{"type", "boolean"}};
    case FieldType::word:
    case FieldType::opt_word: return {{"enum", words_of(*f.words)}};
    case FieldType::names: return array_of(name());
    case FieldType::owners: return {{"anyOf", Json::array({name(), array_of(name())})}};
    case FieldType::words: return array_of({{"enum", words_of(*f.words)}});
    case FieldType::part:
    case FieldType::opt_part: return ref(f.nested);
    case FieldType::parts: return array_of(ref(f.nested));
    case FieldType::units: return {{"anyOf", Json::array({array_of(name()), {{"type", "number"}}})}};
    case FieldType::target: return {{"type", Json::array({"string", "number", "boolean"})}};
    case FieldType::trigger:
      return {{"type", "string"},
              {"pattern", fmt::format("^[ \\t]*(last|(bottom[ \\t]+{0}%?)|(below[ \\t]+{0}))[ \\t]*$", kNumber)}};
    case FieldType::actions: {
      std::string words;
      for (const EnumWord& w : f.words->words)
        if (w.word != "deduct") {
          // Appended piece by piece: `"|" + std::string(...)` sets off GCC 12's
          // -Wrestrict false positive (CMakeLists.txt).
          if (!words.empty()) words += '|';
          words += w.word;
        }
      return array_of({{"type", "string"},
                       {"pattern", fmt::format("^[ \\t]*(({})|(deduct[ \\t]+{}))[ \\t]*$", words, kNumber)}});
    }
  }
  return Json::object();
}

Json part_schema(Part p) {
  const PartInfo& info = part_info(p);
  Json props = Json::object();
  Json required = Json::array();
  for (const ModelField& f : model_fields(p)) {
    if (f.yaml.empty()) continue;
    Json j = field_schema(f);
    j["description"] = describe(f.en, f.zh);
    props[std::string(f.yaml)] = std::move(j);
    if (f.required) required.push_back(f.yaml);
  }
  Json out = {{"type", "object"}, {"description", describe(info.doc_en, info.doc_zh)}, {"properties", props}};
  if (!required.empty()) out["required"] = required;
  out["additionalProperties"] = false;
  return out;
}

// Described by `schema.config.<key>` in messages/schema.yaml.
const ConfigKey kConfigKeys[] = {
    {"rules"},
    {"select"},
    {"ignore"},
    {"severity"},
    {"params"},
    {"lang"},
    {"fail-on"},
    {"exclude"},
    {"lexicon"},
    {"documents"},
};

Json config_value(std::string_view key) {
  Json strings = {{"anyOf", Json::array({{{"type", "string"}}, array_of({{"type", "string"}})})}};
  if (key == "severity")
    return {{"type", "object"}, {"additionalProperties", {{"enum", Json::array({"error", "warning", "info"})}}}};
  if (key == "params") {
    Json scalar_value = {{"type", Json::array({"string", "number", "boolean"})}};
    Json value = {{"anyOf", Json::array({scalar_value, array_of(scalar_value)})}};
    return {{"type", "object"},
            {"additionalProperties", {{"type", "object"}, {"additionalProperties", value}}}};
  }
  if (key == "lang") return {{"enum", Json::array({"en", "zh"})}};
  if (key == "fail-on") return {{"enum", Json::array({"error", "warning", "info", "never"})}};
  if (key == "lexicon") {
    Json entry = {{"type", "object"},
                  {"properties",
                   {{"class", {{"type", "string"}}},
                    {"word", {{"type", "string"}}},
                    {"variants", array_of({{"type", "string"}})},
                    {"en", {{"type", "string"}}},
                    {"zh", {{"type", "string"}}}}},
                  {"required", Json::array({"class", "word"})},
                  {"additionalProperties", false}};
    return array_of(entry);
  }
  if (key == "documents")
    return {{"type", "object"},
            {"properties", {{"units", strings}, {"total", {{"type", "number"}, {"exclusiveMinimum", 0}}}}},
            {"additionalProperties", false}};
  return strings;  // rules, select, ignore, exclude: a list, or one string
}

// ---- markdown ---------------------------------------------------------------

std::string code(std::string_view s) { return fmt::format("`{}`", s); }

std::string word_list(const EnumInfo& e) {
  std::string out;
  for (std::string_view w : e.spellings()) out += (out.empty() ? "" : ", ") + code(w);
  return out;
}

std::string type_text(const ModelField& f) {
  switch (f.type) {
    case FieldType::text:
    case FieldType::opt_text: return f.words ? fmt::format("text ({} or any text)", word_list(*f.words)) : "text";
    case FieldType::name:
    case FieldType::id_text: return "name";
    case FieldType::number:
    case FieldType::opt_number: return "number";
    case FieldType::flag: return "bool";
    case FieldType::word:
    case FieldType::opt_word: return "word: " + word_list(*f.words);
    case FieldType::names: return "list of names";
    case FieldType::owners: return "name, or a list of names (the first owns the item)";
    case FieldType::words: return "list of words: " + word_list(*f.words);
    case FieldType::part:
    case FieldType::opt_part: return fmt::format("mapping: {}", part_info(f.nested).en);
    case FieldType::parts: return fmt::format("list of {} mappings", part_info(f.nested).en);
    case FieldType::units: return "list of names, or a number (a count)";
    case FieldType::target: return "a plain number, or text";
    case FieldType::trigger: return "text: `bottom N`, `bottom N%`, `last`, `below X`";
    case FieldType::actions: return "list of actions: " + word_list(*f.words) + " (`deduct X` with its points)";
  }
  return "";
}

std::string yaml_fields_block() {
  std::string out;
  for (Part p : model_parts()) {
    const PartInfo& info = part_info(p);
    out += fmt::format("{} ({}):\n\n", p == Part::document ? "Top level" : code(info.en), info.doc_en);
    out += "| key | type | required | `.assess` | meaning |\n|---|---|---|---|---|\n";
    for (const ModelField& f : model_fields(p)) {
      if (f.yaml.empty()) continue;
      out += fmt::format("| {} | {} | {} | {} | {} |\n", code(f.yaml), type_text(f), f.required ? "yes" : "no",
                         f.assess.empty() ? "positional" : code(f.assess), f.en);
    }
    out += "\n";
  }
  out.pop_back();
  return out;
}

std::string assess_words_block() {
  std::string out = "| word | values |\n|---|---|\n";
  for (const EnumInfo* e : model_enums()) {
    if (e->name == "ties" || e->name == "trigger_kind") continue;  // not an enum position of the grammar
    std::string upper(e->name);
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    std::string values;
    for (const EnumWord& w : e->words) {
      values += fmt::format("{}{} ({}", values.empty() ? "" : ", ", code(w.word), w.zh);
      if (w.word == e->alias_of) values += fmt::format("; also {}", code(e->alias));
      values += ")";
    }
    out += fmt::format("| {} | {} |\n", code(upper), values);
  }
  return out;
}

std::string assess_statements_block() {
  std::string out = "| statement | YAML key | meaning |\n|---|---|---|\n";
  for (const ModelField& f : model_fields(Part::indicator)) {
    if (f.assess.empty()) continue;
    out += fmt::format("| {} | {} | {} |\n", code(f.assess), code(f.yaml), f.en);
  }
  for (const ModelField& f : model_fields(Part::wording))
    out += fmt::format("| {} | `wording.{}` | {} |\n", code(f.assess), f.yaml, f.en);
  return out;
}

std::string rule_type(const ModelField& f) {
  switch (f.type) {
    case FieldType::number: return "number";
    case FieldType::opt_number: return "number?";
    case FieldType::opt_text:
    case FieldType::target: return "string?";
    case FieldType::flag: return "bool";
    case FieldType::word: return "enum " + std::string(f.words->name);
    case FieldType::opt_word: return "enum " + std::string(f.words->name) + "?";
    case FieldType::names: return "list of string";
    case FieldType::words: return "list of enum " + std::string(f.words->name);
    default: return "string";
  }
}

std::string rule_fields_block() {
  std::string out = "| element | field | type | as stored in |\n|---|---|---|---|\n";
  for (Part p : model_parts()) {
    if (p == Part::document || p == Part::wording) continue;
    for (const ModelField& f : model_fields(p)) {
      if (f.type == FieldType::part && f.nested == Part::wording) {
        for (const ModelField& w : model_fields(f.nested))
          if (rule_reads_as_stored(w))
            out += fmt::format("| {} | {} | {} | `wording.{}` |\n", part_info(p).en, code(w.rule), rule_type(w), w.yaml);
        continue;
      }
      if (!rule_reads_as_stored(f)) continue;
      std::string stored = f.yaml.empty() ? fmt::format("model `{}`", f.member) : code(f.yaml);
      out += fmt::format("| {} | {} | {} | {} |\n", part_info(p).en, code(f.rule), rule_type(f), stored);
    }
  }
  return out;
}

}  // namespace

std::string scheme_json_schema() {
  Json root = {{"$schema", "https://json-schema.org/draft/2020-12/schema"},
               {"$id", "https://jianfu.invalid/schema/scheme.schema.json"},
               {"title", describe(catalogue_text("schema.title.scheme", Lang::en), catalogue_text("schema.title.scheme", Lang::zh))}};
  Json doc = part_schema(Part::document);
  for (auto& [k, v] : doc.items()) root[k] = v;
  Json defs = Json::object();
  for (Part p : model_parts())
    if (p != Part::document) defs[std::string(part_info(p).en)] = part_schema(p);
  root["$defs"] = defs;
  return dump(root);
}

std::vector<std::string_view> config_schema_keys() {
  std::vector<std::string_view> out;
  for (const ConfigKey& k : kConfigKeys) out.push_back(k.key);
  return out;
}

std::string config_json_schema() {
  Json props = Json::object();
  for (const ConfigKey& k : kConfigKeys) {
    Json j = config_value(k.key);
    // keys: schema.config.*
    std::string key = "schema.config." + std::string(k.key);
    std::replace(key.begin(), key.end(), '-', '_');  // catalogue keys are lower-case words
    j["description"] = describe(catalogue_text(key, Lang::en), catalogue_text(key, Lang::zh));
    props[std::string(k.key)] = std::move(j);
  }
  Json root = {{"$schema", "https://json-schema.org/draft/2020-12/schema"},
               {"$id", "https://jianfu.invalid/schema/config.schema.json"},
               {"title", describe(catalogue_text("schema.title.config", Lang::en), catalogue_text("schema.title.config", Lang::zh))},
               {"type", "object"},
               {"properties", props},
               {"additionalProperties", false}};
  return dump(root);
}

std::optional<std::string> field_docs_block(std::string_view name) {
  if (name == "yaml-fields") return yaml_fields_block();
  if (name == "assess-words") return assess_words_block();
  if (name == "assess-statements") return assess_statements_block();
  if (name == "rule-fields") return rule_fields_block();
  // The format lists of docs/cli.md, from the commands' format registries.
  if (name == "formats-check") return format_docs(check_formats());
  if (name == "formats-rules") return format_docs(rules_formats());
  if (name == "formats-score") return format_docs(score_formats());
  if (name == "formats-burden") return format_docs(burden_formats());
  if (name == "formats-diff") return format_docs(diff_formats());
  return std::nullopt;
}

std::string regenerate_field_docs(std::string_view md, Message& error) {
  constexpr std::string_view kBegin = "<!-- BEGIN generated: ", kEnd = "<!-- END generated: ";
  std::string out;
  size_t pos = 0;
  while (true) {
    // A marker starts a line: one quoted inside a sentence is prose.
    size_t b = md.find(kBegin, pos);
    while (b != std::string_view::npos && b > 0 && md[b - 1] != '\n') b = md.find(kBegin, b + 1);
    if (b == std::string_view::npos) break;
    size_t name_end = md.find(' ', b + kBegin.size());
    size_t line_end = md.find('\n', b);
    if (name_end == std::string_view::npos || line_end == std::string_view::npos) {
      error = msg("schema.docs.unfinished_begin");
      return std::string(md);
    }
    std::string name(md.substr(b + kBegin.size(), name_end - b - kBegin.size()));
    auto block = field_docs_block(name);
    if (!block) {
      error = msg("schema.docs.unknown_block", {arg("name", name)});
      return std::string(md);
    }
    std::string end_marker = fmt::format("{}{} -->", kEnd, name);
    size_t e = md.find(end_marker, line_end);
    if (e == std::string_view::npos) {
      error = msg("schema.docs.no_end", {arg("name", name), arg("end", end_marker)});
      return std::string(md);
    }
    out += md.substr(pos, line_end + 1 - pos);
    out += *block;
    pos = e;
  }
  out += md.substr(pos);
  return out;
}

}  // namespace jf
