#include "dsl/scheme_loader.hpp"

#include <fmt/format.h>

#include "dsl/byte_checks.hpp"
#include "dsl/syntax_hints.hpp"
#include "dsl/table_import.hpp"

namespace jf {

Diagnostic syntax_error(Span span, Message message, Message help) {
  return {.rule = "JF001", .name = "syntax", .category = "structure", .severity = Severity::error,
          .span = span, .message = std::move(message), .help = std::move(help)};
}

static bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Every element a check or rule may walk: the limit max_elements applies to it.
static size_t element_count(const Scheme& s) {
  size_t n = s.info.units.size() + s.departments.size() + s.groups.size() + s.inspections.size() +
             s.overall_penalties.size();
  for (const Indicator& i : s.indicators)
    n += 1 + i.evidence.size() + i.deductions.size() + i.penalties.size() + i.proves.size();
  return n;
}

LoadResult load_scheme(const SourceSet& sources, uint32_t file, const Limits& limits) {
  const SourceFile& src = sources[file];
  LoadResult out;
  out.scheme.file = file;
  auto fail = [&](uint32_t at, Message message, Message help = {}) {
    out.diagnostics.push_back(syntax_error({file, at, at + 1 > src.text().size() ? at : at + 1},
                                           std::move(message), std::move(help)));
    out.ok = false;
    return out;
  };
  if (src.text().size() > limits.max_file_bytes)
    // The reader stops one byte past the limit, so the size on disk is not
    // known here: name the limit only.
    return fail(0, msg("parse.input.file_too_large", {arg("limit", limits.max_file_bytes)}),
                msg("parse.input.file_too_large.scheme_help"));
  if (is_table_path(src.path())) return load_table(sources, file, limits);  // .docx/.xlsx/.csv/.tsv: dsl/document.hpp
  if (auto bad = first_byte_problem(src)) return fail(bad->at, std::move(bad->message), std::move(bad->help));
  const std::string& path = src.path();
  const bool yaml = ends_with(path, ".yaml") || ends_with(path, ".yml");
  out = yaml ? load_yaml(sources, file, limits) : parse_assess(sources, file, limits);
  add_syntax_hints(src, file, yaml, out.diagnostics);
  // Checks and rules are linear or worse in the number of elements; a file
  // within the size limit can still hold a million tiny ones.
  if (size_t n = element_count(out.scheme); n > limits.max_elements) {
    out.diagnostics.clear();
    out.scheme = Scheme{};
    out.scheme.file = file;
    return fail(0, msg("parse.input.too_many_elements", {arg("n", n), arg("limit", limits.max_elements)}),
                msg("parse.input.too_many_elements.help"));
  }
  return out;
}

}  // namespace jf
