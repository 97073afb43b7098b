// The report for people (`jianfu report`): one self-contained, printable
// HTML page about one scheme: summary, the scheme as a table with each
// finding on its row, charts, and optionally a draft's changes and scores.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "base/source.hpp"
#include "engine/burden.hpp"
#include "engine/checked_scheme.hpp"
#include "base/diagnostic.hpp"
#include "engine/rule_set.hpp"
#include "engine/scheme_diff.hpp"
#include "engine/scorer.hpp"

namespace jf {

/// Everything the page shows, computed by the caller (cli/cmd_report.cpp)
/// with the same functions `check`, `score`, `burden` and `diff` use.
struct HtmlReportInput {
  std::string path;                 // the scheme as the user named it
  const SourceSet* sources = nullptr;
  const CheckedScheme* check = nullptr;  // model, facts and findings of `path`
  const RuleSet* rules = nullptr;    // the catalogue: explanations of cited rules
  Burden burden;
  ScoreReport compliant;             // score_compliant: penalties when all meet every standard
  std::optional<ScoreReport> scores; // --data
  std::string data_path;
  std::optional<SchemeDiff> diff;    // --against: OLD = against, NEW = path
  std::string against_path;
  std::string version;               // jianfu's, in the footer
  Lang lang = Lang::zh;
};

/// The whole page. Every scheme, data and path string is escaped
/// (render/html_escape.hpp); the page loads nothing (a Content-Security-Policy
/// that allows only its own stylesheet, by hash) and runs no script.
std::string render_report_html(const HtmlReportInput&);

/// True when the scheme's name or units are written in Chinese (any CJK
/// ideograph): the report's language when --lang is not given.
bool scheme_is_chinese(const Scheme&);

/// Base64 of the bytes a hex string spells ("616263" → "YWJj"); for the CSP
/// hash of the stylesheet, whose SHA-256 the build computes in hex.
std::string hex_to_base64(std::string_view hex);

}  // namespace jf
