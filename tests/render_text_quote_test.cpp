// The text report copies the previous finding's quoted block when the next
// finding quotes the same window of the same line with the same carets and
// colour. Rendering findings together must print exactly what rendering each
// one alone prints (where nothing is reused), on random spans over short,
// long, Chinese and hostile lines, with colours off and on.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <tuple>

#include "render/render.hpp"

namespace jf {
namespace {

std::string scheme_text(std::mt19937& rng) {
  const std::vector<std::string> lines = {
      "scheme \"样例县2025年度乡镇综合考核方案\" {",
      "  indicator 秸秆禁烧 { evidence photo }",
      "",
      "\t\x1b[31m tab, escape, \u202E bidi, \x7f DEL, \xC2\x85 C1, \xFF bad byte, \xE7\xA7 truncated",
      std::string(300, 'x') + " 中文 " + std::string(200, 'y'),
      [] {
        std::string s;
        for (int i = 0; i < 150; ++i) s += "考核";
        return s;
      }(),
      "  points 10 owner 县农业农村局 \xF0\x9F\x98\x80 emoji",
  };
  std::uniform_int_distribution<size_t> pick(0, lines.size() - 1);
  std::string text;
  for (int i = 0; i < 12; ++i) text += lines[pick(rng)] + (i % 3 == 0 ? "\r\n" : "\n");
  return text;
}

Diagnostic finding(uint32_t file, uint32_t begin, uint32_t end, Severity severity) {
  Diagnostic d;
  d.rule = "JF304";
  d.name = "photo-trail";
  d.severity = severity;
  d.span = {file, begin, end};
  d.message = Text{"photo evidence is required", "要求拍照留痕"};
  d.help = Text{"judge the result", "看结果"};
  return d;
}

TEST(RenderTextQuote, FindingsTogetherPrintWhatEachPrintsAlone) {
  std::mt19937 rng(2025);
  for (int round = 0; round < 60; ++round) {
    SourceSet src;
    std::vector<uint32_t> files = {src.add("a.assess", scheme_text(rng)), src.add("b.yaml", scheme_text(rng))};
    std::vector<Diagnostic> ds;
    std::uniform_int_distribution<int> sev(0, 2), len(0, 400), repeat(1, 4);
    for (int k = 0; k < 40; ++k) {
      uint32_t f = files[static_cast<size_t>(k) % 2];
      auto size = static_cast<uint32_t>(src[f].text().size());
      uint32_t begin = std::uniform_int_distribution<uint32_t>(0, size)(rng);
      uint32_t end = std::min<uint32_t>(size, begin + static_cast<uint32_t>(len(rng)));
      // Findings in a row on the same span, the same line or a span differing
      // by a byte: the cases the reuse has to tell apart.
      for (int r = repeat(rng); r > 0; --r) {
        Severity s = static_cast<Severity>(sev(rng));
        ds.push_back(finding(f, begin, end, s));
        if (r == 2) ds.push_back(finding(f, begin, end + 1 <= size ? end + 1 : end, s));
        if (r == 3 && begin > 0) ds.push_back(finding(f, begin - 1, end, s));
      }
    }
    std::stable_sort(ds.begin(), ds.end(), [](const Diagnostic& x, const Diagnostic& y) {
      return std::tie(x.span.file, x.span.begin) < std::tie(y.span.file, y.span.begin);
    });
    for (bool color : {false, true})
      for (Lang lang : {Lang::en, Lang::zh}) {
        std::string alone;
        for (const Diagnostic& d : ds) alone += render_text({d}, src, {lang, color});
        ASSERT_EQ(render_text(ds, src, {lang, color}), alone) << "round " << round;
      }
  }
}

}  // namespace
}  // namespace jf
