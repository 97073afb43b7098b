// Golden tests: every output format on one small scheme. Set
// JIANFU_UPDATE_GOLDEN=1 to rewrite the expected files on purpose.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>  // linked through jianfu_dsl (the office documents' reader)
#include <set>

#include "render/check_formats.hpp"
#include "tests/cli_test_util.hpp"

namespace jf {
namespace {

using testing::run_jianfu;
using testing::slurp;

const std::string kGolden = "tests/golden/";

void expect_golden(const std::string& format, const std::string& name) {
  auto r = run_jianfu("--lang en check --format " + format + " --no-builtin --rules " + kGolden + "pack.rules " +
                          kGolden + "scheme.assess",
                      "cd " JIANFU_SOURCE_DIR " &&");
  ASSERT_EQ(r.code, 1) << r.err;
  std::string path = std::string(JIANFU_SOURCE_DIR "/") + kGolden + name;
  if (std::getenv("JIANFU_UPDATE_GOLDEN")) std::ofstream(path, std::ios::binary) << r.out;
  EXPECT_EQ(r.out, slurp(path)) << "golden " << name << " differs; rerun with JIANFU_UPDATE_GOLDEN=1 if intended";
}

// Every registered format has a golden file named by its suffix; a new
// format without one fails here (JIANFU_UPDATE_GOLDEN=1 writes it).
TEST(Formats, EveryFormatMatchesItsGoldenFile) {
  ASSERT_GE(check_formats().size(), 6u);
  for (const CheckFormat& f : check_formats()) {
    SCOPED_TRACE(std::string(f.name));
    expect_golden(std::string(f.name), "scheme" + std::string(f.suffix));
  }
}

// Every golden file of a JSON or XML format is a document of its kind, read
// by a real parser; a new format is covered by its suffix alone.
TEST(Formats, EveryJsonAndXmlGoldenFileParses) {
  int parsed = 0;
  for (const CheckFormat& f : check_formats()) {
    std::string suffix(f.suffix);
    SCOPED_TRACE(suffix);
    std::string text = slurp(std::string(JIANFU_SOURCE_DIR "/") + kGolden + "scheme" + suffix);
    if (suffix.ends_with(".json") || suffix == ".sarif") {
      EXPECT_FALSE(nlohmann::json::parse(text, nullptr, false).is_discarded());
      ++parsed;
    } else if (suffix.ends_with(".xml")) {
      pugi::xml_document doc;
      pugi::xml_parse_result r = doc.load_buffer(text.data(), text.size());
      EXPECT_TRUE(r) << r.description() << " at byte " << r.offset;
      EXPECT_TRUE(doc.document_element());
      ++parsed;
    }
  }
  EXPECT_GE(parsed, 4);  // json, sarif, gitlab, junit at least
}

// GitLab Code Quality: a JSON array of issues, each with a description,
// check_name, fingerprint (unique), severity of GitLab's five and a location
// with path and lines.begin (docs.gitlab.com, "Code Quality report format").
TEST(Formats, GitlabReportHasTheCodeQualityFields) {
  auto issues = nlohmann::json::parse(slurp(std::string(JIANFU_SOURCE_DIR "/") + kGolden + "scheme.gitlab.json"));
  ASSERT_TRUE(issues.is_array());
  ASSERT_FALSE(issues.empty());
  const std::set<std::string> severities{"info", "minor", "major", "critical", "blocker"};
  std::set<std::string> fingerprints;
  for (const auto& i : issues) {
    SCOPED_TRACE(i.dump());
    EXPECT_TRUE(i.at("description").is_string() && !i["description"].get<std::string>().empty());
    EXPECT_TRUE(i.at("check_name").is_string());
    EXPECT_TRUE(fingerprints.insert(i.at("fingerprint").get<std::string>()).second) << "fingerprint repeated";
    EXPECT_TRUE(severities.count(i.at("severity").get<std::string>()));
    EXPECT_EQ(i.at("location").at("path"), "tests/golden/scheme.assess");
    EXPECT_GE(i["location"].at("lines").at("begin").get<int>(), 1);
  }
}

// The official SARIF 2.1.0 schema is not committed: it is found beside the
// checkout (../shared/schemas) or through JIANFU_SARIF_SCHEMA.
std::string sarif_schema() {
  if (const char* env = std::getenv("JIANFU_SARIF_SCHEMA")) return env;
  auto p = std::filesystem::path(JIANFU_SOURCE_DIR).parent_path() / "shared/schemas/sarif-schema-2.1.0.json";
  return std::filesystem::exists(p) ? p.string() : "";
}

TEST(Formats, SarifValidatesAgainstTheOfficialSchema) {
  std::string schema = sarif_schema();
  if (schema.empty())
    GTEST_SKIP() << "SKIPPED: SARIF schema not found (set JIANFU_SARIF_SCHEMA or place shared/ beside the checkout)";
  for (const char* extra : {"", "--no-builtin --rules tests/golden/pack.rules"}) {
    std::string report = (std::filesystem::temp_directory_path() / "jianfu-sarif-test.sarif").string();
    auto r = run_jianfu(std::string("check --format sarif -o ") + report + " " + extra + " examples/ tests/golden/",
                        "cd " JIANFU_SOURCE_DIR " &&");
    ASSERT_NE(r.code, 2) << r.err;
    std::string cmd = "/usr/bin/python3 " JIANFU_SOURCE_DIR "/tests/validate_json_schema.py " + schema + " " + report;
    EXPECT_EQ(std::system(cmd.c_str()), 0) << "SARIF output does not validate: " << cmd;
    std::filesystem::remove(report);
  }
}

}  // namespace
}  // namespace jf
