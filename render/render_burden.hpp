// Rendering a Burden: a table for people, JSON for tools, an SVG bar chart.
#pragma once
#include <string>

#include "engine/burden.hpp"
#include "base/diagnostic.hpp"
#include "render/output_format.hpp"

namespace jf {

/// A table by department (points, share, ranked share, forms, evidence,
/// inspections, proof depth, vetoes) with a total row.
std::string render_burden_text(const std::string& scheme_name, const Burden&, Lang);

/// {"scheme", "units", "departments": [...], "undeclared"?, "total"}.
std::string render_burden_json(const std::string& scheme_name, const Burden&);

/// A standalone SVG: two horizontal bar charts side by side, points and forms
/// a year per department, sorted by points, labelled in the chosen language
/// with a CJK-capable font list. Text is XML-escaped.
std::string render_burden_svg(const std::string& scheme_name, const Burden&, Lang);

using BurdenFormatMaker = std::string (*)(const std::string& scheme_name, const Burden&, Lang);
/// Every `burden --format`, the default (text) first.
FormatList<BurdenFormatMaker> burden_formats();

}  // namespace jf
