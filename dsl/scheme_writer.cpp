#include "dsl/scheme_writer.hpp"

#include "dsl/lexical.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "base/display_width.hpp"
#include "base/model_fields.hpp"

namespace jf {
namespace {

/// Shortest text that reads back as the same double, never in exponent form
/// (neither syntax has exponents).
std::string number(double v) {
  std::string s = fmt::format("{}", v);
  if (s.find_first_of("eE") == std::string::npos) return s;
  s = fmt::format("{:.17f}", v);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

std::string trigger_text(const Trigger& t) {
  switch (t.kind) {
    case TriggerKind::bottom: return "bottom " + number(t.value);
    case TriggerKind::bottom_percent: return "bottom " + number(t.value) + "%";
    case TriggerKind::last: return "last";
    case TriggerKind::below: return "below " + number(t.value);
  }
  return "last";
}

std::string action_text(const Action& a) {
  std::string s(to_string(a.kind));
  if (a.kind == ActionKind::deduct) s += " " + number(a.amount);
  return s;
}

std::string pad(std::string_view s, size_t width) {
  std::string out(s);
  size_t w = display_width(s);
  if (w < width) out.append(width - w, ' ');
  return out;
}

/// Puts the comments collected from the source (dsl/comments.hpp) back, each
/// at the element it annotated; any left over (an element this syntax writes
/// differently) come at the end, so none is lost.
class Commenter {
 public:
  explicit Commenter(const CommentMap* m) : m_(m) {}

  /// `text` as one output line at `indent`, with its slot's comments.
  std::string line(const std::string& slot, std::string_view indent, std::string_view text) {
    std::string out;
    const SlotComments* c = find(slot);
    if (c)
      for (const std::string& b : c->before) out += (b.empty() ? "" : std::string(indent) + b) + "\n";
    out += std::string(indent);
    out += text;
    if (c && !c->trailing.empty()) out += "  " + c->trailing;
    return out + "\n";
  }

  /// Whole-line comments not written yet (and those after the last element).
  std::string rest() {
    std::string out;
    if (!m_) return out;
    for (const auto& [slot, c] : *m_) {
      if (done_.count(slot) || slot == "end") continue;
      for (const std::string& b : c.before) out += b + "\n";
      if (!c.trailing.empty()) out += c.trailing + "\n";
    }
    if (auto it = m_->find("end"); it != m_->end())
      for (const std::string& b : it->second.before) out += b + "\n";
    if (!out.empty()) out.insert(0, 1, '\n');
    return out;
  }

 private:
  const SlotComments* find(const std::string& slot) {
    if (!m_) return nullptr;
    const std::string key = slot_key(slot, ++seen_[slot]);
    auto it = m_->find(key);
    if (it == m_->end()) return nullptr;
    done_.insert(key);
    return &it->second;
  }
  const CommentMap* m_;
  std::set<std::string> done_;
  std::map<std::string, size_t> seen_;  // the copies of an id used twice met so far
};

// ---- YAML ----------------------------------------------------------------

bool yaml_plain_ok(std::string_view s) {
  if (s.empty() || s.front() == ' ' || s.back() == ' ') return false;
  if (std::string_view("-?:,[]{}#&*!|>'\"%@`+.0123456789").find(s.front()) != std::string_view::npos)
    return false;
  for (char c : s)
    if (static_cast<unsigned char>(c) < 0x20 || std::string_view(":#,[]{}\"\\").find(c) != std::string_view::npos)
      return false;
  static const char* const kReserved[] = {"~",    "null", "Null",  "NULL",  "true", "True",
                                          "TRUE", "false", "False", "FALSE", "yes", "no",
                                          "Yes",  "No",   "YES",   "NO",    "on",   "off"};
  return std::find(std::begin(kReserved), std::end(kReserved), s) == std::end(kReserved);
}

std::string yaml_str(std::string_view s) {
  if (yaml_plain_ok(s)) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F)
          out += fmt::format("\\x{:02X}", static_cast<unsigned char>(c));
        else
          out += c;
    }
  }
  return out + "\"";
}

template <typename T, typename F>
std::string yaml_list(const std::vector<T>& items, F&& text) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + text(items[i]);
  return out + "]";
}

/// The YAML value of field `m` of `e`, or nothing when a writer leaves it out.
/// Nested mappings and `units` are the callers'.
std::optional<std::string> yaml_value(const ModelField& m, const void* e) {
  switch (m.type) {
    case FieldType::target: {
      const Scoring& s = *static_cast<const Scoring*>(e);
      if (s.target_text) return yaml_str(*s.target_text);
      if (s.target_number) return number(*s.target_number);
      return std::nullopt;
    }
    case FieldType::trigger: return yaml_str(trigger_text(m.ref<Trigger>(e)));
    case FieldType::actions:
      return yaml_list(m.ref<std::vector<Action>>(e), [](const Action& a) { return yaml_str(action_text(a)); });
    default: break;
  }
  if (!field_given(m, e)) return std::nullopt;
  switch (m.type) {
    case FieldType::text:
    case FieldType::id_text: return yaml_str(m.ref<std::string>(e));
    case FieldType::name: return yaml_str(m.ref<Name>(e).text);
    case FieldType::owners: {  // one owner as a name (as files with one were), several as a list
      const Indicator& i = *static_cast<const Indicator*>(e);
      if (i.co_owners.empty()) return yaml_str(i.owner.text);
      std::vector<Name> all{i.owner};
      all.insert(all.end(), i.co_owners.begin(), i.co_owners.end());
      return yaml_list(all, [](const Name& n) { return yaml_str(n.text); });
    }
    case FieldType::number: return number(m.ref<double>(e));
    case FieldType::opt_number: return number(*m.ref<std::optional<double>>(e));
    case FieldType::opt_text: return yaml_str(*m.ref<std::optional<std::string>>(e));
    case FieldType::flag: return std::string("true");
    case FieldType::word:
    case FieldType::opt_word: return std::string(field_word(m, e));
    case FieldType::names: return yaml_list(m.ref<std::vector<Name>>(e), [](const Name& n) { return yaml_str(n.text); });
    case FieldType::words:
      return yaml_list(m.ref<std::vector<Evidence>>(e), [](const Evidence& x) { return std::string(to_string(x.kind)); });
    default: return std::nullopt;
  }
}

/// A small record as a flow mapping, `{key: value, …}`, in field-table order.
std::string yaml_flow(Part part, const void* e) {
  std::string out;
  for (const ModelField& m : model_fields(part))
    if (!m.yaml.empty())
      if (auto v = yaml_value(m, e)) out += (out.empty() ? "{" : ", ") + std::string(m.yaml) + ": " + *v;
  return out + "}";
}

void yaml_indicator(std::string& out, const Indicator& i, Commenter& c) {
  const std::string k = "indicator:" + i.id.text;
  out += c.line(k, "  ", "- id: " + yaml_str(i.id.text));
  for (const ModelField& m : model_fields(Part::indicator)) {
    if (m.yaml.empty() || m.yaml == "id") continue;
    std::string slot = k + "/" + std::string(m.yaml);
    if (m.type == FieldType::parts) {
      size_t n = 0;
      auto item = [&](const void* x) {
        out += c.line(fmt::format("{}/{}:{}", k, m.assess, ++n), "      ", "- " + yaml_flow(m.nested, x));
      };
      if (m.nested == Part::deduction) {
        if (!i.deductions.empty()) out += fmt::format("    {}:\n", m.yaml);
        for (const Deduction& d : i.deductions) item(&d);
      } else {
        if (!i.penalties.empty()) out += fmt::format("    {}:\n", m.yaml);
        for (const Penalty& p : i.penalties) item(&p);
      }
    } else if (m.type == FieldType::part && m.nested == Part::wording) {
      if (!field_given(m, &i)) continue;
      out += fmt::format("    {}:\n", m.yaml);  // a block: its texts are long
      for (const ModelField& w : model_fields(Part::wording))
        if (auto v = yaml_value(w, &i.wording))
          out += c.line(k + "/" + std::string(w.yaml), "      ", fmt::format("{}: {}", w.yaml, *v));
    } else if (m.type == FieldType::part) {
      out += c.line(slot, "    ", fmt::format("{}: {}", m.yaml, yaml_flow(m.nested, m.at(const_cast<Indicator*>(&i)))));
    } else if (m.type == FieldType::opt_part) {
      if (i.report) out += c.line(slot, "    ", fmt::format("{}: {}", m.yaml, yaml_flow(m.nested, &*i.report)));
    } else if (auto v = yaml_value(m, &i)) {
      out += c.line(slot, "    ", fmt::format("{}: {}", m.yaml, *v));
    }
  }
}

/// Whether the groups are exactly those the loader derives from the indicators.
bool groups_implicit(const Scheme& s) {
  std::vector<std::string_view> used;
  for (const Indicator& i : s.indicators)
    if (!i.group.empty() && std::find(used.begin(), used.end(), i.group) == used.end())
      used.push_back(i.group);
  if (used.size() != s.groups.size()) return false;
  for (size_t k = 0; k < used.size(); ++k)
    if (s.groups[k].id.text != used[k] || s.groups[k].points) return false;
  return true;
}

}  // namespace

std::string write_yaml(const Scheme& s, const CommentMap* comments) {
  Commenter c(comments);
  const SchemeInfo& info = s.info;
  std::string out = c.line("scheme", "", "scheme:");
  for (const ModelField& m : model_fields(Part::scheme)) {
    if (m.yaml.empty()) continue;
    std::string slot = "scheme/" + std::string(m.yaml);
    if (m.type == FieldType::units) {
      if (!info.units.empty())
        out += c.line(slot, "  ", "units: " + yaml_list(info.units, [](const Name& n) { return yaml_str(n.text); }));
      else if (info.unit_count)
        out += c.line(slot, "  ", "units: " + number(*info.unit_count));
    } else if (m.required) {
      out += fmt::format("  {}: {}\n", m.yaml, yaml_str(m.ref<std::string>(&info)));
    } else if (auto v = yaml_value(m, &info)) {
      out += c.line(slot, "  ", fmt::format("{}: {}", m.yaml, *v));
    }
  }
  // The lists, in field-table order; each element at its comment slot.
  auto section = [&](std::string_view key, bool any) {
    if (any) out += fmt::format("\n{}:\n", key);
  };
  for (const ModelField& m : model_fields(Part::document)) {
    if (m.type != FieldType::parts) continue;
    std::string_view slot = part_info(m.nested).en;
    switch (m.nested) {
      case Part::department:
        section(m.yaml, !s.departments.empty());
        for (const Department& d : s.departments)
          out += c.line(fmt::format("{}:{}", slot, d.id.text), "  ", "- " + yaml_flow(m.nested, &d));
        break;
      case Part::group:
        if (s.groups.empty() || groups_implicit(s)) break;
        section(m.yaml, true);
        for (const Group& g : s.groups)
          out += c.line(fmt::format("{}:{}", slot, g.id.text), "  ", "- " + yaml_flow(m.nested, &g));
        break;
      case Part::indicator:
        section(m.yaml, !s.indicators.empty());
        for (const Indicator& i : s.indicators) yaml_indicator(out, i, c);
        break;
      case Part::inspection:
        section(m.yaml, !s.inspections.empty());
        for (const Inspection& in : s.inspections)
          out += c.line(fmt::format("{}:{}", slot, in.id.text), "  ", "- " + yaml_flow(m.nested, &in));
        break;
      case Part::penalty:
        section(m.yaml, !s.overall_penalties.empty());
        for (size_t n = 0; n < s.overall_penalties.size(); ++n)
          out += c.line(fmt::format("overall:{}", n + 1), "  ", "- " + yaml_flow(m.nested, &s.overall_penalties[n]));
        break;
      default: break;
    }
  }
  return out + c.rest();
}

// ---- .assess -------------------------------------------------------------

bool is_assess_identifier(std::string_view text) {
  // Exactly what the grammar reads as one identifier.
  return !text.empty() && lexical::scan_ident(text.data(), text.data() + text.size()) == text.data() + text.size();
}

namespace {

/// Accumulates `.assess` text; the first unwritable value becomes the error.
class AssessWriter {
 public:
  explicit AssessWriter(const CommentMap* comments) : c_(comments) {}

  AssessText run(const Scheme& s) {
    header(s.info);
    departments(s.departments);
    body(s);
    inspections(s.inspections);
    if (!s.overall_penalties.empty()) out_ += "\n";
    for (size_t n = 0; n < s.overall_penalties.size(); ++n)
      out_ += c_.line(fmt::format("overall:{}", n + 1), "", "penalty overall " + penalty(s.overall_penalties[n]));
    out_ += c_.rest();
    return {error_.empty() ? std::move(out_) : std::string(), error_};
  }

 private:
  /// `text` as an identifier; `what` is the parse.write.what.* key naming
  /// the field in the "cannot write" message.
  std::string id(std::string_view text, std::string_view what) {
    if (!is_assess_identifier(text) && error_.empty())
      error_ = msg("parse.write.bad_identifier", {jf::word("what", what), arg("id", text)});
    return std::string(text);
  }
  std::string str(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
      if (c == '"') out += "\\\"";
      else if (c == '\\') out += "\\\\";
      else if (c == '\n') out += "\\n";
      else if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7F) {
        if (error_.empty())
          error_ = msg("parse.write.control_character", {arg("text", text)});
      } else {
        out += c;
      }
    }
    return out + "\"";
  }
  template <typename T, typename F>
  std::string list(const std::vector<T>& items, F&& text) {
    std::string out;
    for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + text(items[i]);
    return out;
  }
  std::string penalty(const Penalty& p) {
    return trigger_text(p.trigger) + " -> " + list(p.actions, action_text);
  }

  void header(const SchemeInfo& info) {
    out_ += c_.line("scheme", "", "scheme " + str(info.name) + " {");
    if (info.year) out_ += c_.line("scheme/year", "  ", "year " + number(*info.year));
    if (info.total) out_ += c_.line("scheme/total", "  ", "total " + number(*info.total));
    if (!info.units.empty()) {
      std::string units = "units ";
      for (size_t i = 0; i < info.units.size(); ++i) {
        if (i) units += i % 6 == 0 ? ",\n        " : ", ";
        units += id(info.units[i].text, "parse.write.what.unit");
      }
      out_ += c_.line("scheme/units", "  ", units);
    } else if (info.unit_count) {
      out_ += c_.line("scheme/units", "  ", "units " + number(*info.unit_count));
    }
    out_ += "}\n";
  }

  void departments(const std::vector<Department>& ds) {
    if (ds.empty()) return;
    size_t id_w = 0, name_w = 0;
    for (const Department& d : ds) {
      id_w = std::max(id_w, display_width(d.id.text));
      if (!d.display.empty()) name_w = std::max(name_w, display_width(str(d.display)));
    }
    out_ += "\n";
    for (const Department& d : ds) {
      std::string line = "department " + pad(id(d.id.text, "parse.write.what.department"), id_w);
      if (!d.display.empty() || (d.kind && name_w)) line += " " + pad(d.display.empty() ? "" : str(d.display), name_w);
      if (d.kind) line += fmt::format(" kind {}", to_string(*d.kind));
      while (!line.empty() && line.back() == ' ') line.pop_back();
      out_ += c_.line("department:" + d.id.text, "", line);
    }
  }

  /// What an identifier field is called in the "cannot write" message: a
  /// parse.write.what.* key (an element's id is named by its part).
  static std::string id_what(const ModelField& m) {
    if (m.member == "owner") return "parse.write.what.owner";
    if (m.member == "event") return "parse.write.what.event";
    if (m.member == "by") return "parse.write.what.department";
    // keys: parse.write.what.*
    if (m.member == "id") return "parse.write.what." + std::string(part_info(m.part).en);
    return "parse.write.what.indicator";  // proves
  }

  /// The `.assess` text of field `m` of `e` after its keyword; nothing when
  /// it is not written. Values of a keyword-less (positional) field stand alone.
  std::optional<std::string> value(const ModelField& m, const void* e) {
    switch (m.type) {
      case FieldType::target: {
        const Scoring& s = *static_cast<const Scoring*>(e);
        if (s.target_text) return str(*s.target_text);
        if (s.target_number) return number(*s.target_number);
        return std::nullopt;
      }
      case FieldType::trigger: return trigger_text(m.ref<Trigger>(e));
      case FieldType::actions: return list(m.ref<std::vector<Action>>(e), action_text);
      default: break;
    }
    if (!field_given(m, e)) return std::nullopt;
    switch (m.type) {
      case FieldType::text: return str(m.ref<std::string>(e));
      case FieldType::id_text: {
        return id(m.ref<std::string>(e), id_what(m));
      }
      case FieldType::name: {
        return id(m.ref<Name>(e).text, id_what(m));
      }
      case FieldType::owners: {  // `owner A, B`: the first owns the item
        const Indicator& i = *static_cast<const Indicator*>(e);
        std::string out = id(i.owner.text, "parse.write.what.owner");
        for (const Name& n : i.co_owners) out += ", " + id(n.text, "parse.write.what.owner");
        return out;
      }
      case FieldType::number: return number(m.ref<double>(e));
      case FieldType::opt_number: return number(*m.ref<std::optional<double>>(e));
      case FieldType::opt_text: {
        // A word of the field's list (`ties share`) is written bare.
        const std::string& t = *m.ref<std::optional<std::string>>(e);
        return m.words && m.words->find(t) >= 0 ? t : str(t);
      }
      case FieldType::flag: return std::string();
      case FieldType::word:
      case FieldType::opt_word: return std::string(field_word(m, e));
      case FieldType::names: {
        const std::string what = id_what(m);
        return list(m.ref<std::vector<Name>>(e), [&](const Name& n) { return id(n.text, what); });
      }
      case FieldType::words:
        return list(m.ref<std::vector<Evidence>>(e), [](const Evidence& x) { return std::string(to_string(x.kind)); });
      default: return std::nullopt;
    }
  }

  /// A record on one line: positional values bare, the others `keyword value`
  /// (a flag is its keyword alone), in field-table order.
  std::string record(Part part, const void* e) {
    std::string out;
    for (const ModelField& m : model_fields(part)) {
      if (m.yaml.empty()) continue;  // written through another field (target_number)
      auto v = value(m, e);
      if (!v) continue;
      std::string item = m.assess.empty() ? *v : v->empty() ? std::string(m.assess) : fmt::format("{} {}", m.assess, *v);
      out += (out.empty() ? "" : " ") + item;
    }
    return out;
  }

  void indicator(const Indicator& i, std::string_view indent) {
    const std::string k = "indicator:" + i.id.text;
    std::string head = "indicator " + id(i.id.text, "parse.write.what.indicator");
    if (!i.display.empty()) head += " " + str(i.display);
    out_ += c_.line(k, indent, head + " {");
    std::string in = std::string(indent) + "  ";
    // Statements in field-table order; the id, name and group are in the
    // head and the enclosing block.
    for (const ModelField& m : model_fields(Part::indicator)) {
      if (m.assess.empty() && m.type != FieldType::part) continue;
      std::string slot = k + "/" + std::string(m.yaml);
      switch (m.type) {
        case FieldType::part:
          if (m.nested == Part::wording) {  // one statement per text
            for (const ModelField& w : model_fields(Part::wording))
              if (auto v = value(w, &i.wording))
                out_ += c_.line(k + "/" + std::string(w.yaml), in, fmt::format("{} {}", w.assess, *v));
          } else {
            out_ += c_.line(slot, in, fmt::format("{} {}", m.assess, record(m.nested, m.at(const_cast<Indicator*>(&i)))));
          }
          break;
        case FieldType::opt_part:
          if (i.report) out_ += c_.line(slot, in, fmt::format("{} {}", m.assess, record(m.nested, &*i.report)));
          break;
        case FieldType::parts: {
          size_t n = 0;
          auto item = [&](std::string text) {
            out_ += c_.line(fmt::format("{}/{}:{}", k, m.assess, ++n), in, fmt::format("{} {}", m.assess, text));
          };
          if (m.nested == Part::deduction)
            for (const Deduction& d : i.deductions) item(record(m.nested, &d));
          else
            for (const Penalty& p : i.penalties) item(penalty(p));
          break;
        }
        default:
          if (auto v = value(m, &i))
            out_ += c_.line(slot, in, v->empty() ? std::string(m.assess) : fmt::format("{} {}", m.assess, *v));
      }
    }
    out_ += std::string(indent) + "}\n";
  }

  /// Groups in Scheme::groups order, each with its indicators; top-level
  /// indicators where they stand relative to the groups.
  void body(const Scheme& s) {
    std::vector<bool> group_done(s.groups.size(), false);
    std::vector<std::string> names_done;
    auto write_group = [&](std::string_view name, const Group* g) {
      std::string head = "group " + id(name, "parse.write.what.group");
      if (g && g->points) head += " points " + number(*g->points);
      out_ += '\n';
      out_ += c_.line("group:" + std::string(name), "", head + " {");
      bool first_block = std::find(names_done.begin(), names_done.end(), name) == names_done.end();
      if (first_block)
        for (const Indicator& i : s.indicators)
          if (i.group == name) indicator(i, "  ");
      out_ += "}\n";
      names_done.emplace_back(name);
    };
    auto groups_through = [&](size_t last) {
      for (size_t k = 0; k <= last; ++k)
        if (!group_done[k]) group_done[k] = true, write_group(s.groups[k].id.text, &s.groups[k]);
    };
    for (const Indicator& i : s.indicators) {
      if (i.group.empty()) {
        out_ += "\n";
        indicator(i, "");
        continue;
      }
      if (std::find(names_done.begin(), names_done.end(), i.group) != names_done.end()) continue;
      auto it = std::find_if(s.groups.begin(), s.groups.end(), [&](const Group& g) { return g.id.text == i.group; });
      if (it == s.groups.end()) write_group(i.group, nullptr);
      else groups_through(static_cast<size_t>(it - s.groups.begin()));
    }
    if (!s.groups.empty()) groups_through(s.groups.size() - 1);
  }

  void inspections(const std::vector<Inspection>& ins) {
    if (ins.empty()) return;
    size_t id_w = 0, by_w = 0;
    for (const Inspection& in : ins) {
      id_w = std::max(id_w, display_width(in.id.text));
      by_w = std::max(by_w, display_width(in.by.text));
    }
    out_ += "\n";
    for (const Inspection& in : ins) {
      // The fields in table order, the id and `by` columns aligned.
      std::string t = "inspection";
      for (const ModelField& m : model_fields(Part::inspection)) {
        auto v = value(m, &in);
        if (!v) continue;
        if (m.type == FieldType::name) *v = pad(*v, m.member == "id" ? id_w : by_w);
        // Appended piece by piece: `" " + std::string` sets off GCC 12's
        // -Wrestrict false positive (CMakeLists.txt).
        t += ' ';
        t += m.assess.empty() ? *v : fmt::format("{} {}", m.assess, *v);
      }
      while (!t.empty() && t.back() == ' ') t.pop_back();
      out_ += c_.line("inspection:" + in.id.text, "", t);
    }
  }

  std::string out_;
  Message error_;
  Commenter c_;
};

}  // namespace

AssessText write_assess(const Scheme& s, const CommentMap* comments) { return AssessWriter(comments).run(s); }

}  // namespace jf
