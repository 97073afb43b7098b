// Rendering a ScoreReport: a ranked table for people, CSV and JSON for tools.
#pragma once
#include <string>

#include "base/diagnostic.hpp"
#include "base/model.hpp"
#include "engine/scorer.hpp"
#include "render/output_format.hpp"

namespace jf {

/// Ranked table (place, unit, total, penalties drawn), then every penalty
/// that fell with the units it hit; `--compliant` reports say so up front.
std::string render_score_text(const Scheme&, const ScoreReport&, Lang);

/// One row per unit: place, unit, total, subtotal, penalty_deducted, vetoed,
/// one column per indicator id (its points), penalties. RFC 4180 quoting.
std::string render_score_csv(const Scheme&, const ScoreReport&, Lang);

/// {"scheme", "compliant", "units": [...], "penalties": [...]}.
std::string render_score_json(const Scheme&, const ScoreReport&, Lang);

using ScoreFormatMaker = std::string (*)(const Scheme&, const ScoreReport&, Lang);
/// Every `score --format`, the default (text) first.
FormatList<ScoreFormatMaker> score_formats();

/// "秸秆禁烧: bottom 3 → interview, statement" or "overall: …" for one hit.
std::string describe_hit(const Scheme&, const PenaltyHit&, Lang);

}  // namespace jf
