// JSON text written piece by piece, formatted exactly as nlohmann::json's
// dump(2) formats a whole document, so streamed reports equal whole ones.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace jf {

/// Appends `s` as a JSON string literal: escapes as nlohmann does with
/// ensure_ascii off; invalid UTF-8 is replaced by U+FFFD (paths come from users).
void append_json_string(std::string& out, std::string_view s);

/// `j` dumped with an indent step of 2 as if it were nested `indent` spaces
/// deep: every line after the first is shifted right by `indent`.
std::string dump_nested(const nlohmann::ordered_json& j, size_t indent);

}  // namespace jf
