// textDocument/completion. In `.assess` and YAML schemes: statement
// keywords and YAML keys, enum words where a field takes one, declared
// department ids after `owner`/`by`, indicator ids after `proves`; in
// `.rules` files the rule language's names and fields, and a penalty
// trigger's kinds where `trigger.kind` is compared. Every word comes from
// the tables the readers use (base/model_fields.hpp, the grammar's keyword
// list, engine/rule_fields.cpp), so completion cannot offer a word the
// reader refuses.
#pragma once
#include <nlohmann/json.hpp>
#include <string_view>

#include "cli/lsp_checker.hpp"
#include "cli/lsp_positions.hpp"

namespace jf::cli {

/// A CompletionList for the cursor at byte `offset` of `text`; its items
/// start with the word before the cursor and replace it (textEdit).
nlohmann::json lsp_completion(const Analysis& a, std::string_view text, const LineIndex& index, uint32_t offset);

}  // namespace jf::cli
