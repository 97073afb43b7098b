// Streaming reports: a report put together file by file must equal the
// whole report rendered at once, for every format, whatever files are clean.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "render/check_formats.hpp"
#include "render/json_text.hpp"
#include "render/render.hpp"
#include "render/report.hpp"

namespace jf {
namespace {

Diagnostic finding(uint32_t file, uint32_t begin, std::string rule, Severity sev) {
  Diagnostic d;
  d.rule = std::move(rule);
  d.name = "photo-trail";
  d.category = "proof";
  d.severity = sev;
  d.span = {file, begin, begin + 5};
  d.message = Text{"photo \"evidence\" is required\tnow", "要求拍照留痕"};
  d.help = Text{"judge the result", "看结果"};
  d.fingerprint = "f" + std::to_string(file) + "-" + std::to_string(begin);
  return d;
}

struct Corpus {
  SourceSet sources;
  std::vector<std::string> files;
  std::vector<std::vector<Diagnostic>> per_file;
  std::vector<Diagnostic> all;

  // Files 0 and 3 are clean, so separators must be right before the first
  // non-empty body and between bodies with clean files in between.
  Corpus() {
    for (int i = 0; i < 5; ++i) {
      std::string path = "s" + std::to_string(i) + ".assess";
      uint32_t id = sources.add(path, "scheme 方案 {\n  evidence photo\n}\n");
      files.push_back(path);
      per_file.emplace_back();
      if (i == 0 || i == 3) continue;
      per_file.back().push_back(finding(id, 3, "JF304", Severity::warning));
      per_file.back().push_back(finding(id, 25, i == 2 ? "JF101" : "JF304", Severity::error));
    }
    for (auto& ds : per_file) all.insert(all.end(), ds.begin(), ds.end());
  }

  std::string streamed(const ReportFormat& format) const {
    std::string out;
    ReportJoiner joiner(format, files, [&](std::string_view s) { out += s; });
    for (size_t i = 0; i < files.size(); ++i) {
      Tally t;
      t.add_file(per_file[i]);
      joiner.add(format.body(files[i], per_file[i], sources), t);
    }
    joiner.finish();
    return out;
  }
};

TEST(Report, JsonStreamedEqualsWholeAndParses) {
  Corpus c;
  std::string whole = render_json(c.all, c.sources, c.files, Lang::en);
  EXPECT_EQ(c.streamed(*json_report(Lang::en)), whole);
  auto doc = nlohmann::json::parse(whole);
  EXPECT_EQ(doc["diagnostics"].size(), 6u);
  EXPECT_EQ(doc["diagnostics"][0]["message"], "photo \"evidence\" is required\tnow");
  EXPECT_EQ(doc["summary"]["by_rule"]["JF101"], 1);
}

TEST(Report, JsonWithoutFindingsIsEmptyLists) {
  Corpus c;
  std::string out;
  auto format = json_report(Lang::en);
  ReportJoiner joiner(*format, {}, [&](std::string_view s) { out += s; });
  joiner.finish();
  auto doc = nlohmann::json::parse(out);
  EXPECT_TRUE(doc["files"].empty());
  EXPECT_TRUE(doc["diagnostics"].empty());
  EXPECT_EQ(out, render_json({}, c.sources, {}, Lang::en));
}

TEST(Report, JsonStringsMatchNlohmannEscaping) {
  SourceSet sources;
  // Controls, quotes, backslashes, CJK and an invalid byte in the path.
  uint32_t id = sources.add("bad\xff/名.assess", "x\n");
  Diagnostic d = finding(id, 0, "JF001", Severity::error);
  d.message = Message(Text{std::string("a\x01\x1f\b\f\n\r\"\\\x7f z 中"), ""});
  std::string out = render_json({d}, sources, {"bad\xff/名.assess"}, Lang::en);
  auto doc = nlohmann::json::parse(out);
  EXPECT_EQ(doc["diagnostics"][0]["message"], d.message.in(Lang::en));
  nlohmann::ordered_json j = d.message.in(Lang::en);
  EXPECT_NE(out.find(j.dump()), std::string::npos);
  EXPECT_NE(out.find("\"bad\xEF\xBF\xBD/名.assess\""), std::string::npos);  // U+FFFD
}

TEST(JsonWriter, LaysOutLikeNlohmannDump) {
  nlohmann::ordered_json j = {{"a", 1},
                              {"empty_list", nlohmann::ordered_json::array()},
                              {"empty_map", nlohmann::ordered_json::object()},
                              {"list", {"x\"", 2, {{"k", "中"}}}},
                              {"map", {{"n", 0}}}};
  for (size_t depth : {0u, 3u}) {
    std::string out;
    JsonWriter w(out, depth);
    w.object().key("a").num(1).key("empty_list").array().end().key("empty_map").object().end();
    w.key("list").array().str("x\"").num(2).object().key("k").str("中").end().end();
    w.key("map").object().key("n").num(0).end().end();
    EXPECT_EQ(out, dump_nested(j, 2 * depth));
  }
}

TEST(Report, SarifStreamedEqualsWhole) {
  Corpus c;
  std::vector<RuleMeta> rules(1);
  rules[0].id = "JF304";
  rules[0].name = "photo-trail";
  EXPECT_EQ(c.streamed(*sarif_report(rules, Lang::zh, "1.0")), render_sarif(c.all, c.sources, rules, Lang::zh, "1.0"));
  auto doc = nlohmann::json::parse(render_sarif(c.all, c.sources, rules, Lang::zh, "1.0"));
  EXPECT_EQ(doc["runs"][0]["results"].size(), 6u);
  EXPECT_EQ(doc["runs"][0]["results"][0]["ruleIndex"], 0);
}

TEST(Report, CiFormatsStreamedEqualWhole) {
  Corpus c;
  EXPECT_EQ(c.streamed(*gitlab_report(Lang::en)), render_gitlab(c.all, c.sources, Lang::en));
  EXPECT_EQ(nlohmann::json::parse(render_gitlab(c.all, c.sources, Lang::en)).size(), 6u);
  EXPECT_EQ(c.streamed(*github_report(Lang::en)), render_github(c.all, c.sources, Lang::en));
  std::string junit = c.streamed(*junit_report(Lang::en));
  EXPECT_EQ(junit, render_junit(c.all, c.sources, c.files, Lang::en));
  // Two clean files pass; s1 and s4 fail one rule each, s2 two rules.
  EXPECT_NE(junit.find("tests=\"6\" failures=\"4\""), std::string::npos);
}

// Every registered format: the report streamed file by file equals the
// report rendered at once, in both languages.
TEST(Report, EveryRegisteredFormatStreamedEqualsWhole) {
  Corpus c;
  std::vector<RuleMeta> rules(1);
  rules[0].id = "JF304";
  rules[0].name = "photo-trail";
  ASSERT_GE(check_formats().size(), 6u);
  for (const CheckFormat& f : check_formats()) {
    for (Lang lang : {Lang::en, Lang::zh}) {
      SCOPED_TRACE(std::string(f.name));
      auto format = f.make({lang, false, &rules, "1.0"});
      std::string streamed = c.streamed(*format);
      EXPECT_FALSE(streamed.empty());
      EXPECT_EQ(streamed, render_report(*format, c.all, c.sources, c.files, /*per_file=*/true));
    }
  }
}

TEST(Report, TextStreamedEqualsWholePlusSummary) {
  Corpus c;
  RenderOptions ro{Lang::en, false};
  Tally t;
  for (auto& ds : c.per_file) t.add_file(ds);
  EXPECT_EQ(c.streamed(*text_report(ro)), render_text(c.all, c.sources, ro) + render_summary(t, ro));
  EXPECT_EQ(render_summary(t, ro), "Checked 5 files: 6 problems (3 errors, 3 warnings, 0 info).\n");
}

TEST(Tally, CountsAndFailureLevel) {
  Corpus c;
  Tally a, b;
  a.add_file(c.per_file[1]);
  b.add_file(c.per_file[0]);
  a.merge(b);
  EXPECT_EQ(a.files, 2u);
  EXPECT_EQ(a.clean_files, 1u);
  EXPECT_EQ(a.total(), 2u);
  EXPECT_TRUE(a.any_at_least(Severity::error));
  Tally clean;
  clean.add_file(c.per_file[0]);
  EXPECT_FALSE(clean.any_at_least(Severity::info));
}

}  // namespace
}  // namespace jf
