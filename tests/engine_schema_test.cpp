// `jianfu schema` and the generated docs blocks (render/render_schema.hpp).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "dsl/config_loader.hpp"
#include "base/model_fields.hpp"
#include "render/render_schema.hpp"

namespace jf {
namespace {

TEST(Schema, ConfigSchemaDescribesEveryKeyTheLoaderReads) {
  EXPECT_EQ(config_schema_keys(), config_keys());
  auto j = nlohmann::json::parse(config_json_schema());
  for (std::string_view k : config_keys()) EXPECT_TRUE(j["properties"].contains(std::string(k))) << k;
  EXPECT_EQ(j["additionalProperties"], false);
}

TEST(Schema, SchemeSchemaHasEveryYamlKey) {
  auto j = nlohmann::json::parse(scheme_json_schema());
  EXPECT_EQ(j["$schema"], "https://json-schema.org/draft/2020-12/schema");
  for (Part p : model_parts()) {
    const auto& obj = p == Part::document ? j : j["$defs"][std::string(part_info(p).en)];
    ASSERT_TRUE(obj.is_object()) << part_info(p).en;
    for (std::string_view k : yaml_keys(p)) EXPECT_TRUE(obj["properties"].contains(std::string(k))) << k;
    EXPECT_EQ(obj["additionalProperties"], false);
  }
  // Enum words come with their alias (annual is read as yearly).
  auto freq = j["$defs"]["report"]["properties"]["frequency"]["enum"];
  EXPECT_NE(std::find(freq.begin(), freq.end(), "annual"), freq.end());
}

TEST(Schema, DocsBlocksAreRegeneratedBetweenMarkers) {
  Message error;
  std::string md =
      "intro\n<!-- BEGIN generated: assess-words (x) -->\nstale\n<!-- END generated: assess-words -->\nend\n";
  std::string out = regenerate_field_docs(md, error);
  EXPECT_TRUE(error.empty()) << error.in(Lang::en);
  EXPECT_EQ(out.find("stale"), std::string::npos);
  EXPECT_NE(out.find("| `FREQUENCY` |"), std::string::npos) << out;
  EXPECT_TRUE(out.starts_with("intro\n<!-- BEGIN generated: assess-words (x) -->\n| word |")) << out;
  EXPECT_TRUE(out.ends_with("<!-- END generated: assess-words -->\nend\n")) << out;
  EXPECT_EQ(regenerate_field_docs(out, error), out);  // idempotent

  EXPECT_EQ(regenerate_field_docs("no markers\n", error), "no markers\n");
  std::string unknown = "<!-- BEGIN generated: nosuch -->\n<!-- END generated: nosuch -->\n";
  EXPECT_EQ(regenerate_field_docs(unknown, error), unknown);
  EXPECT_NE(error.in(Lang::en).find("nosuch"), std::string::npos);
  EXPECT_NE(error.in(Lang::zh).find("未知的生成块 `nosuch`"), std::string::npos);
  error = {};
  regenerate_field_docs("<!-- BEGIN generated: rule-fields -->\nno end\n", error);
  EXPECT_NE(error.in(Lang::en).find("no `<!-- END generated: rule-fields -->` line"), std::string::npos)
      << error.in(Lang::en);
}

}  // namespace
}  // namespace jf
