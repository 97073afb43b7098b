// Terminal display width of UTF-8 text (CJK characters take two columns).
#pragma once
#include <string>
#include <string_view>

namespace jf {

/// Columns `text` occupies on a terminal: East Asian wide and fullwidth
/// characters count 2, combining marks 0, a tab `tab_width`, others 1.
size_t display_width(std::string_view text, size_t tab_width = 4);

/// `text` made safe to print: C0/C1 controls, DEL and bidirectional
/// overrides (U+202A–U+202E, U+2066–U+2069) become `\u{…}` escapes; tabs
/// become spaces. Keeps display_width(result) equal to what is printed.
std::string sanitize_for_terminal(std::string_view text, size_t tab_width = 4);

/// sanitize_for_terminal(text) appended to `out`, without a string of its own:
/// text that needs no change (the usual case) is scanned once and copied once.
void append_for_terminal(std::string& out, std::string_view text, size_t tab_width = 4);

/// sanitize_for_terminal applied to each line, the line ends kept: the one
/// escaping policy for text that reaches a terminal, a CI log or an XML
/// report (tool errors, --format github and junit, SVG), docs/security.md.
std::string sanitize_lines(std::string_view text);

/// display_width(sanitize_for_terminal(text)), without building the string.
size_t sanitized_width(std::string_view text, size_t tab_width = 4);

/// `text` sanitized and padded with spaces on the right (left_align) or the
/// left to `width` display columns, for tables with Chinese cells.
std::string pad_right(std::string_view text, size_t width);
std::string pad_left(std::string_view text, size_t width);

}  // namespace jf
