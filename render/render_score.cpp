#include "render/render_score.hpp"

#include <fmt/format.h>

#include <array>

#include <nlohmann/json.hpp>

#include "base/display_width.hpp"
#include "base/message.hpp"

namespace jf {
namespace {

const Penalty& penalty_of(const Scheme& s, const PenaltyHit& h) {
  return h.indicator < 0 ? s.overall_penalties[h.penalty] : s.indicators[h.indicator].penalties[h.penalty];
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string joined_hits(const Scheme& s, const UnitScore& u, Lang lang) {
  std::string out;
  for (const PenaltyHit& h : u.penalties) out += (out.empty() ? "" : "; ") + describe_hit(s, h, lang);
  return out;
}

// Every penalty, with the units it hit (in ranking order).
struct Fallen {
  PenaltyHit hit;
  std::vector<std::string> units;
};

std::vector<Fallen> fallen_penalties(const Scheme& s, const ScoreReport& r) {
  std::vector<Fallen> out;
  auto collect = [&](int ind, int p) {
    Fallen f{{ind, p}, {}};
    for (const UnitScore& u : r.units)
      for (const PenaltyHit& h : u.penalties)
        if (h.indicator == ind && h.penalty == p) f.units.push_back(u.unit);
    if (!f.units.empty()) out.push_back(std::move(f));
  };
  for (size_t i = 0; i < s.indicators.size(); ++i)
    for (size_t p = 0; p < s.indicators[i].penalties.size(); ++p) collect(static_cast<int>(i), static_cast<int>(p));
  for (size_t p = 0; p < s.overall_penalties.size(); ++p) collect(-1, static_cast<int>(p));
  return out;
}

// "安全生产: veto item not met (result fail, row 94)" or the penalty that vetoed.
std::string describe_veto(const Scheme& s, const VetoCause& v, Lang lang) {
  if (v.penalty >= 0) return describe_hit(s, {v.indicator, v.penalty}, lang);
  const std::string& id = s.indicators[v.indicator].id.text;
  std::string result = v.result.empty() ? std::string(catalogue_text("render.score.no_result", lang))
                                        : msg("render.score.result", {arg("result", v.result)}).in(lang);
  if (v.row) result += msg("render.score.result_row", {arg("row", v.row)}).in(lang);
  return msg("render.score.veto_not_met", {arg("id", id), arg("result", result)}).in(lang);
}

}  // namespace

std::string describe_hit(const Scheme& s, const PenaltyHit& h, Lang lang) {
  const Penalty& p = penalty_of(s, h);
  std::string where = h.indicator < 0 ? std::string(catalogue_text("render.score.overall", lang)) : s.indicators[h.indicator].id.text;
  return fmt::format("{}{}{} → {}", where, catalogue_text("render.colon", lang), describe_trigger(p.trigger, lang), describe_actions(p.actions, lang));
}

std::string render_score_text(const Scheme& s, const ScoreReport& r, Lang lang) {
  std::string out;
  if (r.compliant)
    out += std::string(catalogue_text("render.score.compliant_intro", lang)) + "\n\n";
  size_t uw = 4;
  for (const UnitScore& u : r.units) uw = std::max(uw, display_width(sanitize_for_terminal(u.unit)));
  out += fmt::format("{}  {}  {}  {}\n", pad_left(catalogue_text("render.score.col.place", lang), 5),
                     pad_right(catalogue_text("render.score.col.unit", lang), uw),
                     pad_left(catalogue_text("render.score.col.total", lang), 10),
                     catalogue_text("render.score.col.penalties", lang));
  for (const UnitScore& u : r.units) {
    std::string total = format_number(u.total);
    if (u.vetoed) total += catalogue_text("render.score.vetoed", lang);
    out += fmt::format("{:>5}  {}  {}  {}\n", u.place, pad_right(u.unit, uw), pad_left(total, 10),
                       sanitize_for_terminal(joined_hits(s, u, lang)));
  }
  std::string vetoed;
  for (const UnitScore& u : r.units)
    for (const VetoCause& v : u.vetoes)
      vetoed += sanitize_for_terminal(fmt::format("  {}{}{}", u.unit, catalogue_text("render.colon", lang), describe_veto(s, v, lang))) + "\n";
  if (!vetoed.empty()) out += "\n" + std::string(catalogue_text("render.score.vetoed_units", lang)) + "\n" + vetoed;
  std::vector<Fallen> fallen = fallen_penalties(s, r);
  size_t hit_units = 0;
  for (const UnitScore& u : r.units) hit_units += !u.penalties.empty();
  out += "\n";
  if (fallen.empty()) {
    out += std::string(catalogue_text("render.score.no_penalty", lang)) + "\n";
    return out;
  }
  out += msg(r.compliant ? "render.score.fallen_compliant" : "render.score.fallen",
             {arg("n", fallen.size()), arg("hit", hit_units), arg("units", r.units.size())})
             .in(lang) +
         "\n";
  for (const Fallen& f : fallen) {
    std::string units;
    for (const std::string& u : f.units) units += std::string(units.empty() ? "" : catalogue_text("list.separator", lang)) + u;
    out += sanitize_for_terminal("  " + describe_hit(s, f.hit, lang) + " — " +
                                 msg("render.score.fallen_units", {arg("n", f.units.size()), arg("units", units)}).in(lang)) + "\n";
  }
  return out;
}

std::string render_score_csv(const Scheme& s, const ScoreReport& r, Lang lang) {
  std::string out = "place,unit,total,subtotal,penalty_deducted,vetoed";
  for (const Indicator& i : s.indicators) out += "," + csv_field(i.id.text);
  out += ",penalties\r\n";
  for (const UnitScore& u : r.units) {
    out += fmt::format("{},{},{},{},{},{}", u.place, csv_field(u.unit), format_number(u.total),
                       format_number(u.subtotal), format_number(u.penalty_deducted), u.vetoed ? "true" : "false");
    for (const ItemScore& it : u.items) out += "," + format_number(it.points);
    out += "," + csv_field(joined_hits(s, u, lang)) + "\r\n";
  }
  return out;
}

std::string render_score_json(const Scheme& s, const ScoreReport& r, Lang lang) {
  using nlohmann::json;
  auto penalty_json = [&](const PenaltyHit& h) {
    const Penalty& p = penalty_of(s, h);
    json actions = json::array();
    for (const Action& a : p.actions) actions.push_back(to_string(a.kind));
    return json{{"indicator", h.indicator < 0 ? json(nullptr) : json(s.indicators[h.indicator].id.text)},
                {"trigger", describe_trigger(p.trigger, Lang::en)},
                {"actions", actions},
                {"text", describe_hit(s, h, lang)}};
  };
  json units = json::array();
  for (const UnitScore& u : r.units) {
    json items = json::array(), hits = json::array();
    for (size_t i = 0; i < u.items.size(); ++i) {
      const ItemScore& it = u.items[i];
      json item{{"indicator", s.indicators[i].id.text}, {"points", it.points}, {"deducted", it.deducted},
                {"failed", it.failed}};
      if (it.place) item["place"] = *it.place;
      items.push_back(item);
    }
    for (const PenaltyHit& h : u.penalties) hits.push_back(penalty_json(h));
    json vetoes = json::array();
    for (const VetoCause& v : u.vetoes) {
      json cause{{"indicator", v.indicator < 0 ? json(nullptr) : json(s.indicators[v.indicator].id.text)},
                 {"by", v.penalty < 0 ? "item" : "penalty"}, {"text", describe_veto(s, v, lang)}};
      if (v.penalty < 0) cause["result"] = v.result, cause["row"] = v.row;
      vetoes.push_back(cause);
    }
    units.push_back({{"place", u.place}, {"unit", u.unit}, {"total", u.total}, {"subtotal", u.subtotal},
                     {"penalty_deducted", u.penalty_deducted}, {"vetoed", u.vetoed},
                     {"disqualified", u.disqualified}, {"items", items}, {"penalties", hits},
                     {"veto_causes", vetoes}});
  }
  json fallen = json::array();
  for (const Fallen& f : fallen_penalties(s, r)) {
    json p = penalty_json(f.hit);
    p["hits"] = f.units.size();
    p["units"] = f.units;
    fallen.push_back(p);
  }
  json doc{{"scheme", s.info.name}, {"compliant", r.compliant}, {"units", units}, {"penalties", fallen}};
  return doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

namespace {
const std::array kScoreFormats{
    OutputFormat<ScoreFormatMaker>{"text", ".txt", "a ranked table (place, unit, total, penalties drawn), then every penalty that fell",
                                   render_score_text},
    OutputFormat<ScoreFormatMaker>{"csv", ".csv", "one row per unit with one column per indicator (RFC 4180)",
                                   render_score_csv},
    OutputFormat<ScoreFormatMaker>{"json", ".json", "`scheme`, `compliant`, `units` and `penalties` as one JSON document",
                                   render_score_json},
};
}  // namespace

FormatList<ScoreFormatMaker> score_formats() { return kScoreFormats; }

}  // namespace jf
