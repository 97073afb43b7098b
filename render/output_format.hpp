// One registry of output formats per command: each format is a row (name,
// factory, file suffix, one-line doc) and everything that lists formats reads
// the rows: the CLI's --format check and help, the tests' golden and
// streaming loops, the fuzzers and the format lists of docs/cli.md. Adding a
// format is one row beside its renderer (docs/contributing.md).
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace jf {

/// One output format of one command. `Make` is the command's factory type:
/// a function pointer taking what that command renders.
template <class Make>
struct OutputFormat {
  std::string_view name;    // the --format value
  std::string_view suffix;  // the file suffix its output is saved with (golden files, -o)
  std::string_view doc;     // one line, English: what the output is
  Make make;
  // The most report bytes it may write per input byte, past a fixed 256 KiB
  // (`check` formats: docs/security.md; the fuzz targets assert it). Formats
  // that quote or escape more than JSON does state a higher one.
  uint32_t bytes_per_input_byte = 32;
};

template <class Make>
using FormatList = std::span<const OutputFormat<Make>>;

/// The row named `name`, or null.
template <class Make>
const OutputFormat<Make>* find_format(FormatList<Make> list, std::string_view name) {
  for (const OutputFormat<Make>& f : list)
    if (f.name == name) return &f;
  return nullptr;
}

/// The names in registry order, for CLI::IsMember.
template <class Make>
std::vector<std::string> format_names(FormatList<Make> list) {
  std::vector<std::string> out;
  for (const OutputFormat<Make>& f : list) out.emplace_back(f.name);
  return out;
}

/// The --format help text: "Output format: text (default), json, ...".
template <class Make>
std::string format_help(FormatList<Make> list) {
  std::string out = "Output format:";
  for (const OutputFormat<Make>& f : list) {
    out += (&f == list.data() ? " " : ", ") + std::string(f.name);
    if (&f == list.data()) out += " (default)";
  }
  return out;
}

/// The Markdown list docs/cli.md holds between `<!-- BEGIN generated:
/// formats-COMMAND -->` and its END line: one bullet per row.
template <class Make>
std::string format_docs(FormatList<Make> list) {
  std::string out;
  for (const OutputFormat<Make>& f : list)
    out += "- **" + std::string(f.name) + "** (`" + std::string(f.suffix) + "`): " + std::string(f.doc) + "\n";
  return out;
}

}  // namespace jf
