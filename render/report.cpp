#include "render/report.hpp"

#include <algorithm>
#include <set>

namespace jf {

void Tally::add_file(const std::vector<Diagnostic>& ds) {
  ++files;
  if (ds.empty()) ++clean_files;
  std::set<std::string_view> rules;
  for (const Diagnostic& d : ds) {
    ++by_severity[static_cast<int>(d.severity)];
    ++by_rule[d.rule];
    rules.insert(d.rule);
  }
  rule_groups += rules.size();
}

void Tally::merge(const Tally& o) {
  files += o.files;
  clean_files += o.clean_files;
  for (int i = 0; i < 3; ++i) by_severity[i] += o.by_severity[i];
  for (const auto& [rule, n] : o.by_rule) by_rule[rule] += n;
  rule_groups += o.rule_groups;
}

bool Tally::any_at_least(Severity s) const {
  for (int i = static_cast<int>(s); i < 3; ++i)
    if (by_severity[i]) return true;
  return false;
}

std::string ReportFormat::head(const std::vector<std::string>&, const Tally*) const { return {}; }
std::string ReportFormat::tail(const Tally&) const { return {}; }

ReportJoiner::ReportJoiner(const ReportFormat& format, std::vector<std::string> files,
                           std::function<void(std::string_view)> sink)
    : format_(format), files_(std::move(files)), sink_(std::move(sink)) {
  if (!format_.head_needs_tally()) sink_(format_.head(files_, nullptr));
}

void ReportJoiner::add(std::string_view body, const Tally& file_tally) {
  tally_.merge(file_tally);
  if (body.empty()) return;
  std::string_view before = any_body_ ? format_.between() : format_.first();
  any_body_ = true;
  if (format_.head_needs_tally()) {
    held_.append(before).append(body);
  } else {
    if (!before.empty()) sink_(before);
    sink_(body);
  }
}

const Tally& ReportJoiner::finish() {
  if (format_.head_needs_tally()) {
    sink_(format_.head(files_, &tally_));
    sink_(held_);
    held_.clear();
  }
  sink_(format_.tail(tally_));
  return tally_;
}

std::string render_report(const ReportFormat& format, const std::vector<Diagnostic>& ds, const SourceSet& sources,
                          const std::vector<std::string>& files, bool per_file) {
  std::string out;
  ReportJoiner joiner(format, files, [&](std::string_view s) { out += s; });
  if (!per_file) {
    Tally t;
    t.add_file(ds);
    joiner.add(format.body("", ds, sources), t);
  } else {
    for (const std::string& file : files) {
      std::vector<Diagnostic> mine;
      std::copy_if(ds.begin(), ds.end(), std::back_inserter(mine),
                   [&](const Diagnostic& d) { return sources[d.span.file].path() == file; });
      Tally t;
      t.add_file(mine);
      joiner.add(format.body(file, mine, sources), t);
    }
  }
  joiner.finish();
  return out;
}

}  // namespace jf
