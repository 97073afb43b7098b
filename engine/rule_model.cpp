#include "engine/rule_model.hpp"

#include <algorithm>
#include <unordered_map>

#include "base/message.hpp"
#include "engine/enum_names_zh.hpp"
#include "engine/rule_types.hpp"

namespace jf::rt {

Model::Model(const Scheme& s, const Facts& f) : scheme(s), facts(f) {
  text_at.reserve(s.indicators.size() + 1);
  for (const Indicator& i : s.indicators) {
    text_at.push_back(static_cast<uint32_t>(text_buf.size()));
    text_buf += i.id.text;
    if (!i.display.empty()) text_buf += " ", text_buf += i.display;
    if (i.score.target_text) text_buf += " ", text_buf += *i.score.target_text;
  }
  text_at.push_back(static_cast<uint32_t>(text_buf.size()));
  std::unordered_map<std::string_view, int> group_index;
  for (size_t g = 0; g < s.groups.size(); ++g) group_index.emplace(s.groups[g].id.text, static_cast<int>(g));
  group_indicators.resize(s.groups.size());
  dept_has_veto.assign(s.departments.size(), 0);
  for (size_t k = 0; k < s.indicators.size(); ++k) {
    const Indicator& i = s.indicators[k];
    if (auto g = group_index.find(i.group); g != group_index.end())
      group_indicators[g->second].push_back(static_cast<int>(k));
    bool veto = i.score.mode == ScoreMode::veto;
    for (const Penalty& p : i.penalties)
      for (const Action& a : p.actions) veto = veto || a.kind == ActionKind::veto;
    int owner = k < f.indicators.size() ? f.indicators[k].owner : -1;
    if (veto && owner >= 0 && owner < static_cast<int>(dept_has_veto.size())) dept_has_veto[owner] = 1;
    if (veto && k < f.indicators.size())
      for (int c : f.indicators[k].co_owners)
        if (c < static_cast<int>(dept_has_veto.size())) dept_has_veto[c] = 1;
    for (const Penalty& p : i.penalties)
      penalties.push_back(Value::element(Elem::penalty, &p, static_cast<int32_t>(k)));
    for (const Deduction& d : i.deductions)
      deductions.push_back(Value::element(Elem::deduction, &d, static_cast<int32_t>(k)));
    if (k < f.indicators.size())
      for (const Criterion& c : f.indicators[k].criteria)
        criteria.push_back(Value::element(Elem::criterion, &c, static_cast<int32_t>(k)));
  }
  for (const Penalty& p : s.overall_penalties) penalties.push_back(Value::element(Elem::penalty, &p, -1));
}

namespace {
size_t text_hash(const char* data, size_t size) {
  // splitmix64's finaliser: addresses differ in their middle bits only.
  uint64_t h = reinterpret_cast<uintptr_t>(data) ^ (uint64_t{size} << 48);
  h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9ull;
  h = (h ^ (h >> 27)) * 0x94D049BB133111EBull;
  return static_cast<size_t>(h ^ (h >> 31));
}
}  // namespace

void Model::grow_hits() const {
  std::vector<HitSlot> old = std::move(table_);
  table_.assign(old.empty() ? 1024 : old.size() * 2, HitSlot{});
  const size_t mask = table_.size() - 1;
  for (const HitSlot& h : old) {
    if (h.index == kEmpty) continue;
    size_t k = text_hash(h.data, h.size) & mask;
    while (table_[k].index != kEmpty) k = (k + 1) & mask;
    table_[k] = h;
  }
}

const std::vector<LexiconHit>& Model::lexicon_hits(std::string_view text, bool stable) const {
  if (!lexicon_) lexicon_ = lexicon();
  if (!stable) return scratch_ = lexicon_->find(text);
  // An indicator's `text`: found by its offset in the buffer.
  if (text.data() >= text_buf.data() && text.data() < text_buf.data() + text_buf.size()) {
    const auto at = static_cast<uint32_t>(text.data() - text_buf.data());
    auto it = std::lower_bound(text_at.begin(), text_at.end() - 1, at);
    const size_t k = static_cast<size_t>(it - text_at.begin());
    if (it != text_at.end() - 1 && *it == at && text.size() == text_at[k + 1] - at) {
      if (text_searched_.empty()) text_searched_.assign(text_at.size() - 1, 0), text_hits_.resize(text_at.size() - 1);
      if (!text_searched_[k]) text_hits_[k] = lexicon_->find(text), text_searched_[k] = 1;
      return text_hits_[k];
    }
  }
  if ((found_.size() + 1) * 2 > table_.size()) grow_hits();
  const size_t mask = table_.size() - 1;
  size_t k = text_hash(text.data(), text.size()) & mask;
  for (; table_[k].index != kEmpty; k = (k + 1) & mask)
    if (table_[k].data == text.data() && table_[k].size == text.size()) return found_[table_[k].index];
  table_[k] = {text.data(), text.size(), static_cast<uint32_t>(found_.size())};
  return found_.emplace_back(lexicon_->find(text));
}

const std::vector<LexiconHit>& Model::lexicon_hits_after(std::string_view text, std::string_view lead) const {
  if (!lexicon_) lexicon_ = lexicon();
  const bool padded = !lexicon_->space_in_patterns() && text.substr(0, lead.size()) == lead &&
                      text.find_first_not_of(' ', lead.size()) == std::string_view::npos;
  return padded ? lexicon_hits(lead, true) : lexicon_hits(text, false);
}

Value item(const Value& l, size_t i, const Model& m) {
  Value v;
  item_into(v, l, i, m);
  return v;
}

void item_into_any(Value& out, const Value& l, size_t i, const Model& m) {
  auto at = [&](auto* base) -> decltype(auto) { return base[i]; };
  switch (l.src()) {
    case ListSrc::values: out = at(static_cast<const Value*>(l.ptr)); return;
    case ListSrc::units: return out.set_element(Elem::unit, &at(static_cast<const Name*>(l.ptr)));
    case ListSrc::departments:
      return out.set_element(Elem::department, &at(static_cast<const Department*>(l.ptr)));
    case ListSrc::groups: return out.set_element(Elem::group, &at(static_cast<const Group*>(l.ptr)));
    case ListSrc::indicators:
      return out.set_element(Elem::indicator, &at(static_cast<const Indicator*>(l.ptr)));
    case ListSrc::inspections:
      return out.set_element(Elem::inspection, &at(static_cast<const Inspection*>(l.ptr)));
    case ListSrc::penalties:
      return out.set_element(Elem::penalty, &at(static_cast<const Penalty*>(l.ptr)), l.ctx);
    case ListSrc::deductions:
      return out.set_element(Elem::deduction, &at(static_cast<const Deduction*>(l.ptr)), l.ctx);
    case ListSrc::actions: return out.set_element(Elem::action, &at(static_cast<const Action*>(l.ptr)));
    case ListSrc::action_kinds: return out.set_view(to_string(at(static_cast<const Action*>(l.ptr)).kind));
    case ListSrc::evidence: return out.set_view(to_string(at(static_cast<const Evidence*>(l.ptr)).kind));
    case ListSrc::name_texts: return out.set_view(at(static_cast<const Name*>(l.ptr)).text);
    case ListSrc::indicator_refs:
      return out.set_element(Elem::indicator, &m.scheme.indicators[at(static_cast<const int*>(l.ptr))]);
    case ListSrc::inspection_refs:
      return out.set_element(Elem::inspection, &m.scheme.inspections[at(static_cast<const int*>(l.ptr))]);
    case ListSrc::criteria:
      return out.set_element(Elem::criterion, &at(static_cast<const Criterion*>(l.ptr)), l.ctx);
    case ListSrc::strings: return out.set_view(at(static_cast<const std::string*>(l.ptr)));
  }
  out = Value{};
}

bool span_of(const Value& v, const Model& m, Span& out) {
  if (v.kind == Kind::list) return v.n > 0 && span_of(item(v, 0, m), m, out);
  if (v.kind != Kind::element) return false;
  switch (v.elem()) {
    case Elem::scheme: out = m.scheme.info.span; break;
    case Elem::unit: out = v.as<Name>().span; break;
    case Elem::department: out = v.as<Department>().span; break;
    case Elem::group: out = v.as<Group>().span; break;
    case Elem::indicator: out = v.as<Indicator>().span; break;
    case Elem::score: out = v.as<Scoring>().span; break;
    case Elem::report: out = v.as<Reporting>().span; break;
    case Elem::deduction: out = v.as<Deduction>().span; break;
    case Elem::penalty: out = v.as<Penalty>().span; break;
    case Elem::trigger: out = v.as<Trigger>().span; break;
    case Elem::action: out = v.as<Action>().span; break;
    case Elem::inspection: out = v.as<Inspection>().span; break;
    case Elem::bucket: return span_of(v.as<Bucket>().items, m, out);
    case Elem::criterion: {
      // A criterion points at the wording it was read from (the whole text).
      const Indicator& ind = m.scheme.indicators[v.ctx];
      const Criterion& c = v.as<Criterion>();
      const Wording& w = ind.wording;
      Span s = c.field == "content" ? w.content_span : c.field == "method" ? w.method_span : w.standard_span;
      out = s.end > s.begin ? s : Span(ind.span);
      break;
    }
  }
  return true;
}

namespace {

std::string trigger_text(const Trigger& t) {
  switch (t.kind) {
    case TriggerKind::bottom: return "bottom " + format_number(t.value);
    case TriggerKind::bottom_percent: return "bottom " + format_number(t.value) + "%";
    case TriggerKind::last: return "last";
    case TriggerKind::below: return "below " + format_number(t.value);
  }
  return "";
}

std::string action_text(const Action& a) {
  std::string s(to_string(a.kind));
  if (a.kind == ActionKind::deduct) s += " " + format_number(a.amount);
  return s;
}

std::string element_text(const Value& v, const Model& m, Lang lang) {
  switch (v.elem()) {
    case Elem::scheme: return m.scheme.info.name;
    case Elem::unit: return v.as<Name>().text;
    case Elem::department: {
      const Department& d = v.as<Department>();
      return d.display.empty() ? d.id.text : d.display;
    }
    case Elem::group: return v.as<Group>().id.text;
    case Elem::indicator: return v.as<Indicator>().name();
    case Elem::score: return std::string(to_string(v.as<Scoring>().mode));
    case Elem::report: return std::string(to_string(v.as<Reporting>().frequency));
    case Elem::deduction: {
      const Deduction& d = v.as<Deduction>();
      std::string_view event = lang == Lang::zh ? enum_name_zh(d.event) : std::string_view(d.event);
      return msg("rules_run.deduction", {arg("points", d.points), arg("event", event)}).in(lang);
    }
    case Elem::penalty: {
      const Penalty& p = v.as<Penalty>();
      std::string s = trigger_text(p.trigger) + " -> ";
      for (size_t i = 0; i < p.actions.size(); ++i) s += (i ? ", " : "") + action_text(p.actions[i]);
      return s;
    }
    case Elem::trigger: return trigger_text(v.as<Trigger>());
    case Elem::action: return action_text(v.as<Action>());
    case Elem::inspection: return v.as<Inspection>().id.text;
    case Elem::bucket: return render(v.as<Bucket>().key, m, lang);
    case Elem::criterion: return v.as<Criterion>().text;
  }
  return "";
}

}  // namespace

std::string render(const Value& v, const Model& m, Lang lang) {
  switch (v.kind) {
    case Kind::null: return "null";
    case Kind::number: return format_number(v.num);
    case Kind::boolean: return v.num != 0 ? "true" : "false";
    // A Chinese message shows enum words in Chinese (weekly → 每周).
    case Kind::string: return std::string(lang == Lang::zh ? enum_name_zh(v.str()) : v.str());
    case Kind::element: return element_text(v, m, lang);
    case Kind::list: {
      std::string s;
      for (size_t i = 0; i < v.n; ++i) {
        if (i) s += catalogue_text("list.separator", lang);
        s += render(item(v, i, m), m, lang);
      }
      return s;
    }
  }
  return "";
}

namespace {

/// A string: an enum word of the model or a deduction event reads in
/// Chinese in a Chinese message (weekly → 每周); other text as it is.
MessageArg string_arg(std::string name, std::string_view s) {
  std::string_view zh = enum_name_zh(s);
  if (zh != s) return bilingual(std::move(name), std::string(s), std::string(zh));
  return arg(std::move(name), s);
}

/// The items of list `v` as plain texts, when each item's message argument
/// would be a plain value (what message_arg() gives it); false otherwise.
bool plain_texts(const Value& v, const Model& m, std::vector<std::string>& texts) {
  texts.reserve(v.n);
  Value x;
  for (size_t i = 0; i < v.n; ++i) {
    item_into(x, v, i, m);
    switch (x.kind) {
      case Kind::string:
        if (enum_name_zh(x.str()) != x.str()) return false;  // bilingual
        texts.emplace_back(x.str());
        break;
      case Kind::element:
        if (x.elem() == Elem::deduction || x.elem() == Elem::bucket) return false;  // keyed / the key's
        texts.push_back(element_text(x, m, Lang::en));
        break;
      case Kind::list: return false;
      default: texts.push_back(render(x, m, Lang::en));  // null, a number, a bool
    }
  }
  return true;
}

}  // namespace

MessageArg message_arg(std::string name, const Value& v, const Model& m) {
  switch (v.kind) {
    case Kind::string: return string_arg(std::move(name), v.str());
    case Kind::element:
      if (v.elem() == Elem::deduction) {
        const Deduction& d = v.as<Deduction>();
        return keyed(std::move(name), "rules_run.deduction", {arg("points", d.points), string_arg("event", d.event)});
      }
      if (v.elem() == Elem::bucket) return message_arg(std::move(name), v.as<Bucket>().key, m);
      return arg(std::move(name), element_text(v, m, Lang::en));  // a name: the same in both languages
    case Kind::list: {
      // The common case first: every item reads the same in both languages
      // (names, texts, numbers): its English text straight into the list,
      // as the general path below would put it.
      if (std::vector<std::string> texts; plain_texts(v, m, texts)) return list(std::move(name), std::move(texts));
      std::vector<MessageArg> items;
      items.reserve(v.n);
      bool plain = true;
      for (size_t i = 0; i < v.n; ++i) {
        items.push_back(message_arg("", item(v, i, m), m));
        plain = plain && items.back().kind == MessageArg::Kind::value;
      }
      if (!plain) return arg_list(std::move(name), std::move(items));
      // Items that read the same in both languages: a plain list of texts.
      std::vector<std::string> texts;
      texts.reserve(items.size());
      for (MessageArg& a : items) texts.push_back(std::move(a.value));
      return list(std::move(name), std::move(texts));
    }
    default: return arg(std::move(name), render(v, m, Lang::en));  // null, a number, a bool
  }
}

bool equal(const Value& a, const Value& b, const Model& m) {
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case Kind::null: return true;
    case Kind::number:
    case Kind::boolean: return a.num == b.num;
    case Kind::string: return a.str() == b.str();
    case Kind::element:
      if (a.elem() == Elem::bucket && b.elem() == Elem::bucket)
        return equal(a.as<Bucket>().key, b.as<Bucket>().key, m);
      return a.sub == b.sub && a.ptr == b.ptr;
    case Kind::list:
      if (a.n != b.n) return false;
      for (size_t i = 0; i < a.n; ++i)
        if (!equal(item(a, i, m), item(b, i, m), m)) return false;
      return true;
  }
  return false;
}

}  // namespace jf::rt
