#include "dsl/scheme_writer.hpp"

#include "dsl/lexical.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "engine/display_width.hpp"

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
      for (const std::string& b : c->before) out += std::string(indent) + b + "\n";
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
    auto it = m_->find(slot);
    if (it == m_->end()) return nullptr;
    done_.insert(slot);
    return &it->second;
  }
  const CommentMap* m_;
  std::set<std::string> done_;
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

std::string yaml_penalty(const Penalty& p) {
  return fmt::format("{{when: {}, actions: {}}}", yaml_str(trigger_text(p.trigger)),
                     yaml_list(p.actions, [](const Action& a) { return yaml_str(action_text(a)); }));
}

std::string yaml_score(const Scoring& s) {
  std::string out = fmt::format("{{mode: {}", to_string(s.mode));
  if (s.target_text) out += ", target: " + yaml_str(*s.target_text);
  if (s.target_number) out += ", target: " + number(*s.target_number);
  if (s.top) out += ", top: " + number(*s.top);
  if (s.step) out += ", step: " + number(*s.step);
  if (s.floor) out += ", floor: " + number(*s.floor);
  if (s.lower_better) out += ", lower_better: true";
  if (s.ties) out += ", ties: " + yaml_str(*s.ties);
  return out + "}";
}

void yaml_indicator(std::string& out, const Indicator& i, Commenter& c) {
  const std::string k = "indicator:" + i.id.text;
  out += c.line(k, "  ", "- id: " + yaml_str(i.id.text));
  if (!i.display.empty()) out += "    name: " + yaml_str(i.display) + "\n";
  if (!i.group.empty()) out += "    group: " + yaml_str(i.group) + "\n";
  // One owner as a name (files with one stay as they were), several as a list.
  if (!i.owner.text.empty() && i.co_owners.empty()) {
    out += c.line(k + "/owner", "    ", "owner: " + yaml_str(i.owner.text));
  } else if (!i.owner.text.empty()) {
    std::vector<Name> all{i.owner};
    all.insert(all.end(), i.co_owners.begin(), i.co_owners.end());
    out += c.line(k + "/owner", "    ", "owner: " + yaml_list(all, [](const Name& n) { return yaml_str(n.text); }));
  }
  if (i.points) out += c.line(k + "/points", "    ", "points: " + number(*i.points));
  if (i.key) out += c.line(k + "/key", "    ", "key: true");
  out += c.line(k + "/score", "    ", "score: " + yaml_score(i.score));
  if (i.report) {
    std::string r = fmt::format("report: {{frequency: {}, forms: {}", to_string(i.report->frequency),
                                number(i.report->forms));
    if (i.report->times) r += ", times: " + number(*i.report->times);
    out += c.line(k + "/report", "    ", r + "}");
  }
  if (!i.evidence.empty())
    out += c.line(k + "/evidence", "    ",
                  "evidence: " + yaml_list(i.evidence, [](const Evidence& e) { return std::string(to_string(e.kind)); }));
  if (!i.deductions.empty()) out += "    deductions:\n";
  for (size_t n = 0; n < i.deductions.size(); ++n) {
    const Deduction& d = i.deductions[n];
    std::string t = fmt::format("- {{points: {}, per: {}", number(d.points), yaml_str(d.event));
    if (d.cap) t += ", cap: " + number(*d.cap);
    out += c.line(fmt::format("{}/deduct:{}", k, n + 1), "      ", t + "}");
  }
  if (!i.penalties.empty()) out += "    penalties:\n";
  for (size_t n = 0; n < i.penalties.size(); ++n)
    out += c.line(fmt::format("{}/penalty:{}", k, n + 1), "      ", "- " + yaml_penalty(i.penalties[n]));
  if (!i.proves.empty())
    out += c.line(k + "/proves", "    ",
                  "proves: " + yaml_list(i.proves, [](const Name& n) { return yaml_str(n.text); }));
  if (!i.wording.empty()) {
    out += "    wording:\n";
    for (auto [key, text] : {std::pair<const char*, const std::string*>{"content", &i.wording.content},
                             {"standard", &i.wording.standard}, {"method", &i.wording.method},
                             {"from", &i.wording.from}})
      if (!text->empty()) out += fmt::format("      {}: {}\n", key, yaml_str(*text));
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
  std::string out = c.line("scheme", "", "scheme:") + "  name: " + yaml_str(info.name) + "\n";
  if (info.year) out += c.line("scheme/year", "  ", "year: " + number(*info.year));
  if (info.total) out += c.line("scheme/total", "  ", "total: " + number(*info.total));
  if (!info.units.empty())
    out += c.line("scheme/units", "  ", "units: " + yaml_list(info.units, [](const Name& n) { return yaml_str(n.text); }));
  else if (info.unit_count)
    out += c.line("scheme/units", "  ", "units: " + number(*info.unit_count));
  if (!s.departments.empty()) out += "\ndepartments:\n";
  for (const Department& d : s.departments) {
    std::string t = "- {id: " + yaml_str(d.id.text);
    if (!d.display.empty()) t += ", name: " + yaml_str(d.display);
    if (d.kind) t += fmt::format(", kind: {}", to_string(*d.kind));
    out += c.line("department:" + d.id.text, "  ", t + "}");
  }
  if (!s.groups.empty() && !groups_implicit(s)) {
    out += "\ngroups:\n";
    for (const Group& g : s.groups) {
      std::string t = "- {id: " + yaml_str(g.id.text);
      if (g.points) t += ", points: " + number(*g.points);
      out += c.line("group:" + g.id.text, "  ", t + "}");
    }
  }
  if (!s.indicators.empty()) out += "\nindicators:\n";
  for (const Indicator& i : s.indicators) yaml_indicator(out, i, c);
  if (!s.inspections.empty()) out += "\ninspections:\n";
  for (const Inspection& in : s.inspections) {
    std::string t = fmt::format("- {{id: {}, by: {}, frequency: {}", yaml_str(in.id.text), yaml_str(in.by.text),
                                to_string(in.frequency));
    if (in.times) t += ", times: " + number(*in.times);
    if (in.kind != InspectionKind::regular) t += fmt::format(", kind: {}", to_string(in.kind));
    out += c.line("inspection:" + in.id.text, "  ", t + "}");
  }
  if (!s.overall_penalties.empty()) out += "\noverall_penalties:\n";
  for (size_t n = 0; n < s.overall_penalties.size(); ++n)
    out += c.line(fmt::format("overall:{}", n + 1), "  ", "- " + yaml_penalty(s.overall_penalties[n]));
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
    return {error_.en.empty() ? std::move(out_) : std::string(), error_};
  }

 private:
  std::string id(std::string_view text, std::string_view what_en, std::string_view what_zh) {
    if (!is_assess_identifier(text) && error_.en.empty())
      error_ = {fmt::format("cannot write {} `{}` in .assess: an identifier is letters, digits and `_`, "
                            "not starting with a digit",
                            what_en, text),
                fmt::format("无法以 .assess 写出{} `{}`：标识符只能由字母、数字和 `_` 组成，且不能以数字开头",
                            what_zh, text)};
    return std::string(text);
  }
  std::string str(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
      if (c == '"') out += "\\\"";
      else if (c == '\\') out += "\\\\";
      else if (c == '\n') out += "\\n";
      else if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7F) {
        if (error_.en.empty())
          error_ = {fmt::format("cannot write the text \"{}\" in .assess: it holds a control character", text),
                    fmt::format("无法以 .assess 写出文本“{}”：其中含有控制字符", text)};
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
        units += id(info.units[i].text, "unit", "单位");
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
      std::string line = "department " + pad(id(d.id.text, "department", "部门"), id_w);
      if (!d.display.empty() || (d.kind && name_w)) line += " " + pad(d.display.empty() ? "" : str(d.display), name_w);
      if (d.kind) line += fmt::format(" kind {}", to_string(*d.kind));
      while (!line.empty() && line.back() == ' ') line.pop_back();
      out_ += c_.line("department:" + d.id.text, "", line);
    }
  }

  void indicator(const Indicator& i, std::string_view indent) {
    const std::string k = "indicator:" + i.id.text;
    std::string head = "indicator " + id(i.id.text, "indicator", "指标");
    if (!i.display.empty()) head += " " + str(i.display);
    out_ += c_.line(k, indent, head + " {");
    std::string in = std::string(indent) + "  ";
    if (!i.owner.text.empty()) {
      std::string owners = id(i.owner.text, "owner", "责任部门");
      for (const Name& n : i.co_owners) owners += ", " + id(n.text, "owner", "责任部门");
      out_ += c_.line(k + "/owner", in, "owner " + owners);
    }
    if (i.points) out_ += c_.line(k + "/points", in, "points " + number(*i.points));
    if (i.key) out_ += c_.line(k + "/key", in, "key");
    out_ += c_.line(k + "/score", in, "score " + score(i.score));
    if (i.report) {
      std::string r = fmt::format("report {} forms {}", to_string(i.report->frequency), number(i.report->forms));
      if (i.report->times) r += " times " + number(*i.report->times);
      out_ += c_.line(k + "/report", in, r);
    }
    if (!i.evidence.empty())
      out_ += c_.line(k + "/evidence", in,
                      "evidence " + list(i.evidence, [](const Evidence& e) { return std::string(to_string(e.kind)); }));
    for (size_t n = 0; n < i.deductions.size(); ++n) {
      const Deduction& d = i.deductions[n];
      std::string t = fmt::format("deduct {} per {}", number(d.points), id(d.event, "event", "扣分事件"));
      if (d.cap) t += " cap " + number(*d.cap);
      out_ += c_.line(fmt::format("{}/deduct:{}", k, n + 1), in, t);
    }
    for (size_t n = 0; n < i.penalties.size(); ++n)
      out_ += c_.line(fmt::format("{}/penalty:{}", k, n + 1), in, "penalty " + penalty(i.penalties[n]));
    if (!i.proves.empty())
      out_ += c_.line(k + "/proves", in,
                      "proves " + list(i.proves, [this](const Name& n) { return id(n.text, "indicator", "指标"); }));
    for (auto [key, text] : {std::pair<const char*, const std::string*>{"content", &i.wording.content},
                             {"standard", &i.wording.standard}, {"method", &i.wording.method},
                             {"from", &i.wording.from}})
      if (!text->empty()) out_ += in + key + " " + str(*text) + "\n";
    out_ += std::string(indent) + "}\n";
  }

  std::string score(const Scoring& s) {
    std::string out(to_string(s.mode));
    if (s.target_text) out += " target " + str(*s.target_text);
    if (s.target_number) out += " target " + number(*s.target_number);
    if (s.top) out += " top " + number(*s.top);
    if (s.step) out += " step " + number(*s.step);
    if (s.floor) out += " floor " + number(*s.floor);
    if (s.lower_better) out += " lower_better";
    if (s.ties) out += " ties " + (*s.ties == "share" ? std::string("share") : str(*s.ties));
    return out;
  }

  /// Groups in Scheme::groups order, each with its indicators; top-level
  /// indicators where they stand relative to the groups.
  void body(const Scheme& s) {
    std::vector<bool> group_done(s.groups.size(), false);
    std::vector<std::string> names_done;
    auto write_group = [&](std::string_view name, const Group* g) {
      std::string head = "group " + id(name, "group", "指标组");
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
      std::string t = fmt::format("inspection {} by {} {}", pad(id(in.id.text, "inspection", "检查"), id_w),
                                  pad(id(in.by.text, "department", "部门"), by_w), to_string(in.frequency));
      if (in.times) t += " times " + number(*in.times);
      if (in.kind != InspectionKind::regular) t += fmt::format(" kind {}", to_string(in.kind));
      while (!t.empty() && t.back() == ' ') t.pop_back();
      out_ += c_.line("inspection:" + in.id.text, "", t);
    }
  }

  std::string out_;
  Text error_;
  Commenter c_;
};

}  // namespace

AssessText write_assess(const Scheme& s, const CommentMap* comments) { return AssessWriter(comments).run(s); }

}  // namespace jf
