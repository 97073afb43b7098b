// Reports in parts. `check` renders each file's findings as soon as the file
// is checked (on the worker that checked it) and writes them in file order,
// so memory does not grow with the number of files: a format is a head, one
// body per file and a tail that only needs counts.
#pragma once
#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/source.hpp"
#include "base/diagnostic.hpp"

namespace jf {

/// What summaries need, added up file by file.
struct Tally {
  size_t files = 0;
  size_t clean_files = 0;  // files without findings
  size_t by_severity[3] = {0, 0, 0};
  std::map<std::string, size_t> by_rule;
  size_t rule_groups = 0;  // (file, rule) pairs with findings

  /// Adds one file and its findings.
  void add_file(const std::vector<Diagnostic>&);
  void merge(const Tally&);
  size_t total() const { return by_severity[0] + by_severity[1] + by_severity[2]; }
  bool any_at_least(Severity s) const;
};

class ReportFormat {
 public:
  virtual ~ReportFormat() = default;
  /// Text before the first body; `tally` is null unless `head_needs_tally`.
  virtual std::string head(const std::vector<std::string>& files, const Tally* tally) const;
  /// One checked file's findings. Called from worker threads: must only read.
  /// For list formats (JSON arrays) the body is the list's elements joined by
  /// `between()`; the joiner adds `first()` or `between()` before each
  /// non-empty body.
  virtual std::string body(std::string_view file, const std::vector<Diagnostic>&, const SourceSet&) const = 0;
  virtual std::string tail(const Tally&) const;
  virtual std::string_view first() const { return {}; }
  virtual std::string_view between() const { return {}; }
  /// JUnit states its counts before the test cases: bodies are kept until the end.
  virtual bool head_needs_tally() const { return false; }
};

/// Puts a report together from bodies given in file order and passes the
/// text on to `sink` as soon as it can.
class ReportJoiner {
 public:
  ReportJoiner(const ReportFormat& format, std::vector<std::string> files,
               std::function<void(std::string_view)> sink);
  /// One file's rendered body and its tally.
  void add(std::string_view body, const Tally& file_tally);
  /// Writes the rest and returns the run's tally.
  const Tally& finish();

 private:
  const ReportFormat& format_;
  std::vector<std::string> files_;
  std::function<void(std::string_view)> sink_;
  Tally tally_;
  bool any_body_ = false;
  std::string held_;  // bodies held back while the head waits for the tally
};

/// A whole report of findings at once: one body for all of `ds` (or, for
/// formats that group by file, one per entry of `files`).
std::string render_report(const ReportFormat&, const std::vector<Diagnostic>& ds, const SourceSet&,
                          const std::vector<std::string>& files, bool per_file = false);

}  // namespace jf
