// The subset of jianfu's built-in pack (rules/*.rules) that bench/compare
// times against: JF101, JF102, JF103, JF201, JF304, JF401, JF404, written as
// Spectral custom functions over the YAML form (docs/scheme-yaml.md) with the
// pack's default parameters. bench/compare checks that both tools report the
// same findings per rule and file before timing them.

const asList = (v) => (Array.isArray(v) ? v : []);
const indicatorsOf = (doc) => asList(doc && doc.indicators);
const num = (v) => (typeof v === "number" && Number.isFinite(v) ? v : null);
const mode = (i) => (i && i.score && i.score.mode) || "threshold";
const unitCount = (doc) => {
  const u = doc && doc.scheme && doc.scheme.units;
  return Array.isArray(u) ? u.length : num(u) ?? 0;
};

// JF101 ranked-majority: ranked share of indicators or of points > 0.3.
function rankedMajority(doc) {
  const all = indicatorsOf(doc);
  if (all.length === 0) return [];
  const ranked = all.filter((i) => mode(i) === "rank");
  const rankedPoints = ranked.reduce((s, i) => s + (num(i.points) ?? 0), 0);
  const pointsSum = all.filter((i) => mode(i) !== "bonus").reduce((s, i) => s + (num(i.points) ?? 0), 0);
  const share = ranked.length / all.length;
  const pointShare = rankedPoints / Math.max(pointsSum, 1);
  if (share > 0.3 || pointShare > 0.3)
    return [{ message: `${ranked.length} of ${all.length} indicators are scored by rank`, path: ["scheme"] }];
  return [];
}

// JF102 guaranteed-penalty: a rank-triggered penalty on a ranked indicator.
function hits(when, units) {
  const w = String(when).trim();
  let m;
  if (w === "last") return units > 0 ? 1 : 0;
  if ((m = /^bottom\s+([0-9.]+)%$/.exec(w))) return Math.max(0, Math.min(units, Math.ceil((+m[1] / 100) * units - 1e-9)));
  if ((m = /^bottom\s+([0-9.]+)$/.exec(w))) return Math.max(0, Math.min(+m[1], units));
  return 0;
}
function guaranteedPenalty(doc) {
  const units = unitCount(doc);
  const out = [];
  indicatorsOf(doc).forEach((i, k) => {
    if (mode(i) !== "rank") return;
    asList(i.penalties).forEach((p, j) => {
      if (p && hits(p.when, units) > 0)
        out.push({ message: `${i.name ?? i.id}: the bottom units are punished every year`, path: ["indicators", k, "penalties", j] });
    });
  });
  return out;
}

// JF103 rank-without-standard: a ranked indicator without a target.
function rankWithoutStandard(doc) {
  const out = [];
  indicatorsOf(doc).forEach((i, k) => {
    const t = i && i.score && i.score.target;
    if (mode(i) === "rank" && (t === undefined || t === null))
      out.push({ message: `${i.name ?? i.id} is ranked with no target`, path: ["indicators", k] });
  });
  return out;
}

// JF201 many-assessors: > 8 line departments own points or hold a veto.
function manyAssessors(doc) {
  const depts = asList(doc && doc.departments);
  const first = new Map();
  depts.forEach((d, k) => { if (d && d.id != null && !first.has(String(d.id))) first.set(String(d.id), k); });
  const scoring = new Set();
  for (const i of indicatorsOf(doc)) {
    const owner = first.get(String(i && i.owner));
    if (owner === undefined || depts[owner].kind !== "line") continue;
    const veto = mode(i) === "veto" || asList(i.penalties).some((p) => asList(p && p.actions).includes("veto"));
    if ((num(i.points) ?? 0) > 0 || veto) scoring.add(owner);
  }
  return scoring.size > 8 ? [{ message: `${scoring.size} line departments score units directly`, path: ["departments"] }] : [];
}

// JF304 photo-trail: photo evidence required.
function photoTrail(doc) {
  const out = [];
  indicatorsOf(doc).forEach((i, k) => {
    if (asList(i && i.evidence).includes("photo"))
      out.push({ message: `${i.name ?? i.id} requires photo evidence`, path: ["indicators", k, "evidence"] });
  });
  return out;
}

// JF401 too-many-indicators: more than 30.
function tooManyIndicators(doc) {
  const n = indicatorsOf(doc).length;
  return n > 30 ? [{ message: `The scheme has ${n} indicators; the limit is 30`, path: ["indicators"] }] : [];
}

// JF404 inspection-load: more than 4 inspections a year per unit.
const perYear = { annual: 1, semiannual: 2, quarterly: 4, monthly: 12, spot: 1 };
function inspectionLoad(doc) {
  const total = asList(doc && doc.inspections).reduce(
    (s, i) => s + (num(i && i.times) ?? perYear[i && i.frequency] ?? 0), 0);
  return total > 4 ? [{ message: `Each unit receives ${total} inspections a year; the limit is 4`, path: ["inspections"] }] : [];
}

// jianfu reports at most 200 findings of a rule per file, then one
// "N more findings not shown" (engine/rule_set.cpp): the same here.
const capped = (fn) => (doc) => {
  const out = fn(doc);
  if (out.length <= 200) return out;
  return out.slice(0, 200).concat([{ message: `${out.length - 200} more findings not shown`, path: [] }]);
};
const rule = (fn) => ({ given: "$", severity: "warn", then: { function: capped(fn) } });

export default {
  rules: {
    JF101: rule(rankedMajority),
    JF102: rule(guaranteedPenalty),
    JF103: rule(rankWithoutStandard),
    JF201: rule(manyAssessors),
    JF304: rule(photoTrail),
    JF401: rule(tooManyIndicators),
    JF404: rule(inspectionLoad),
  },
};
