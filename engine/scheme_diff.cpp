#include "engine/scheme_diff.hpp"
#include "base/message.hpp"

#include <fmt/format.h>

#include <map>

#include "engine/fingerprint.hpp"
#include "base/model_fields.hpp"

namespace jf {
namespace {

/// The fields of an indicator that differ, by YAML key, in field-table order;
/// the wording's texts by their own keys (content, …). Fields marked not to
/// take part (`from`, co-owners) never count.
void changed_fields(Part part, const void* a, const void* b, std::vector<std::string>& out) {
  for (const ModelField& m : model_fields(part)) {
    if (m.type == FieldType::part && m.nested == Part::wording)
      changed_fields(m.nested, m.at(const_cast<void*>(a)), m.at(const_cast<void*>(b)), out);
    else if (m.in_diff && !m.equal(a, b))
      out.emplace_back(m.yaml);
  }
}

std::vector<std::string> changed_fields(const Indicator& a, const Indicator& b) {
  std::vector<std::string> f;
  changed_fields(Part::indicator, &a, &b, f);
  return f;
}

void diff_indicators(const Scheme& o, const Scheme& n, SchemeDiff& d) {
  std::map<std::string, const Indicator*> old_by_id;
  for (const Indicator& i : o.indicators) old_by_id.emplace(i.id.text, &i);
  std::map<std::string, bool> seen;
  for (const Indicator& i : n.indicators) {
    auto it = old_by_id.find(i.id.text);
    seen[i.id.text] = true;
    if (it == old_by_id.end()) d.added.push_back(i.id.text);
    else if (auto f = changed_fields(*it->second, i); !f.empty()) d.changed.push_back({i.id.text, f});
  }
  for (const Indicator& i : o.indicators)
    if (!seen.count(i.id.text)) d.removed.push_back(i.id.text);
}

// Findings of `a` with no partner in `b`, matching as multisets of keys.
std::vector<Diagnostic> unmatched(const CheckedScheme& a, const CheckedScheme& b) {
  std::map<std::string, int> budget;
  for (const Diagnostic& x : b.findings) ++budget[finding_key(b.scheme, x)];
  std::vector<Diagnostic> out;
  for (const Diagnostic& x : a.findings)
    if (budget[finding_key(a.scheme, x)]-- <= 0) out.push_back(x);
  return out;
}

}  // namespace

std::string finding_key(const Scheme& s, const Diagnostic& d) {
  // As fingerprints: rule and anchor, never the message (its figures change
  // when a draft only removes load).
  return d.rule + "|" + element_anchor(s, d.span);
}

std::vector<Diagnostic> load_not_reduced(const Burden& o, const Burden& n, Span at) {
  struct Figure {
    const char* key;  // messages/scheme_diff.yaml
    double before, after;
  };
  const Figure figs[] = {{"scheme_diff.inspections", o.total.inspections, n.total.inspections},
                         {"scheme_diff.indicators", double(o.total.indicators), double(n.total.indicators)},
                         {"scheme_diff.forms", o.total.forms, n.total.forms}};
  Message message = msg("scheme_diff.load_raised");
  bool raised = false;
  for (const Figure& f : figs) {
    if (f.after <= f.before) continue;
    if (raised) message.append(msg("scheme_diff.separator"));
    message.append(msg(f.key, {arg("before", f.before), arg("after", f.after)}));
    raised = true;
  }
  if (!raised) return {};
  return {{.rule = "JF406",
           .name = "load-not-reduced",
           .category = "volume",
           .severity = Severity::warning,
           .span = at,
           .message = std::move(message),
           .help = msg("scheme_diff.load_raised.help")}};
}

SchemeDiff diff_schemes(const CheckedScheme& o, const CheckedScheme& n) {
  SchemeDiff d;
  diff_indicators(o.scheme, n.scheme, d);
  d.introduced = unmatched(n, o);
  d.resolved = unmatched(o, n);
  d.old_burden = compute_burden(o.scheme, o.facts);
  d.new_burden = compute_burden(n.scheme, n.facts);
  for (Diagnostic& x : load_not_reduced(d.old_burden, d.new_burden, n.scheme.info.span)) d.introduced.push_back(x);
  return d;
}

}  // namespace jf
