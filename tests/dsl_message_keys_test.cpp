// Parser messages are catalogue keys (messages/parse_*.yaml): every key the
// dsl/ sources name must be in the catalogue, or a message renders as its key.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "base/message.hpp"
#include "base/model_fields.hpp"

namespace jf {
namespace {

namespace fs = std::filesystem;

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The "parse.…" string literals of dsl/*.cpp and dsl/*.hpp.
std::set<std::string> keys_in_sources() {
  std::set<std::string> keys;
  const std::regex literal(R"re("(parse\.[a-z0-9_.]+)")re");
  for (const auto& e : fs::directory_iterator(fs::path(JIANFU_SOURCE_DIR) / "dsl")) {
    const std::string ext = e.path().extension().string();
    if (ext != ".cpp" && ext != ".hpp") continue;
    const std::string text = read(e.path());
    for (std::sregex_iterator it(text.begin(), text.end(), literal), end; it != end; ++it) keys.insert((*it)[1]);
  }
  return keys;
}

TEST(DslMessageKeys, EveryKeyTheSourcesNameIsInTheCatalogue) {
  const std::set<std::string> keys = keys_in_sources();
  ASSERT_GT(keys.size(), 100u) << "the scan found too few keys: is JIANFU_SOURCE_DIR right?";
  for (const std::string& k : keys) {
    if (k.back() == '.') continue;  // a prefix completed at run time (checked below)
    // A message chosen by the value's form: KEY.value or KEY.kind.
    if (!catalogue_has(k) && catalogue_has(k + ".value") && catalogue_has(k + ".kind")) continue;
    EXPECT_TRUE(catalogue_has(k)) << k;
  }
}

TEST(DslMessageKeys, EveryPartIsNamedInBothReaders) {
  // dsl/yaml_schema.cpp and dsl/scheme_writer.cpp name an element by its
  // part's English name (without "the ").
  for (Part p : model_parts()) {
    std::string en(part_info(p).en);
    if (en.starts_with("the ")) en.erase(0, 4);
    EXPECT_TRUE(catalogue_has("parse.yaml.part." + en)) << en;
    if (p != Part::document) {
      EXPECT_TRUE(catalogue_has("parse.write.what." + en)) << en;
    }
  }
}

TEST(DslMessageKeys, ACatalogueKeyIsNotTheEnglishText) {
  // A missing key renders as itself: a message must never read like a key.
  for (const std::string& k : keys_in_sources())
    if (catalogue_has(k)) {
      EXPECT_NE(catalogue_text(k, Lang::en), k);
      EXPECT_NE(catalogue_text(k, Lang::zh), k);
    }
}

}  // namespace
}  // namespace jf
