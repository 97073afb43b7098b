#include "dsl/scheme_format.hpp"

#include <algorithm>

#include "dsl/comments.hpp"
#include "dsl/scheme_loader.hpp"
#include "dsl/scheme_writer.hpp"
#include "dsl/table_import.hpp"

namespace jf {
namespace {

bool is_yaml_path(std::string_view path) { return path.ends_with(".yaml") || path.ends_with(".yml"); }

// A file written on Windows keeps its line ends: the first line end decides,
// as editors do when they open a file.
bool uses_crlf(std::string_view body) {
  size_t lf = body.find('\n');
  return lf != std::string_view::npos && lf > 0 && body[lf - 1] == '\r';
}

std::string with_crlf(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 16);
  for (char c : text) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

// Every comment's text, sorted: what the formatted file must hold again,
// once each, wherever the writer put it.
std::vector<std::string> comment_texts(const CommentMap& m) {
  std::vector<std::string> out;
  for (const auto& [slot, c] : m) {
    for (const std::string& b : c.before)
      if (!b.empty()) out.push_back(b);  // "" is a blank line, not a comment
    if (!c.trailing.empty()) out.push_back(c.trailing);
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool has_error(const std::vector<Diagnostic>& ds) {
  return std::any_of(ds.begin(), ds.end(), [](const Diagnostic& d) { return d.severity == Severity::error; });
}

}  // namespace

FormatResult format_scheme(const SourceSet& sources, uint32_t file, const Limits& limits) {
  FormatResult out;
  const SourceFile& src = sources[file];
  if (is_table_path(src.path())) {
    out.refused = msg("parse.format.table");
    return out;
  }
  LoadResult loaded = load_scheme(sources, file, limits);
  if (has_error(loaded.diagnostics) || !loaded.ok) {
    for (Diagnostic& d : loaded.diagnostics)
      if (d.severity == Severity::error) out.syntax_errors.push_back(std::move(d));
    return out;
  }
  const bool yaml = is_yaml_path(src.path());
  const CommentMap comments = collect_comments(src, loaded.scheme, yaml);
  std::string text;
  if (yaml) {
    text = write_yaml(loaded.scheme, &comments);
  } else {
    AssessText written = write_assess(loaded.scheme, &comments);
    if (!written.ok()) {
      out.refused = written.error;
      return out;
    }
    text = std::move(written.text);
  }
  if (uses_crlf(src.body())) text = with_crlf(text);
  text.insert(0, src.text().substr(0, src.bom_size()));

  // The writers promise an equal model and every comment kept; a scheme they
  // do not foresee (two elements sharing an id, a group written in two
  // blocks) must not be rewritten into something else.
  SourceSet again;
  const uint32_t id = again.add(src.path(), text);
  LoadResult back = load_scheme(again, id, limits);
  if (has_error(back.diagnostics) || !(back.scheme == loaded.scheme)) {
    out.refused = msg("parse.format.changes_meaning");
    return out;
  }
  if (comment_texts(collect_comments(again[id], back.scheme, yaml)) != comment_texts(comments)) {
    out.refused = msg("parse.format.loses_comment");
    return out;
  }
  out.text = std::move(text);
  return out;
}

}  // namespace jf
