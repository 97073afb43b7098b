// The HTML report's escaping helper and the pieces of its CSP.
#include <gtest/gtest.h>

#include "render/html_escape.hpp"
#include "render/render_html.hpp"

namespace jf {
namespace {

TEST(HtmlEscape, MarkupAndQuotesBecomeReferences) {
  EXPECT_EQ(html_escape("<script>alert('x')</script>"), "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
  EXPECT_EQ(html_escape("\"><img src=x onerror=alert(1)>"), "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
  EXPECT_EQ(html_escape("A&B 青山县"), "A&amp;B 青山县");
}

TEST(HtmlEscape, ControlCharactersAreDropped) {
  EXPECT_EQ(html_escape(std::string("a\0b\x1b[31mc\x7f\td\n", 13)), "ab[31mc\td\n");
}

TEST(HtmlReport, HexToBase64) {
  // SHA-256 of "abc" (FIPS 180-2), as CSP hashes are written.
  EXPECT_EQ(hex_to_base64("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
  EXPECT_EQ(hex_to_base64("616263"), "YWJj");
  EXPECT_EQ(hex_to_base64("6162"), "YWI=");
  EXPECT_EQ(hex_to_base64(""), "");
}

TEST(HtmlReport, ChineseSchemeIsDetectedByNameOrUnits) {
  Scheme s;
  s.info.name = "Qingshan county 2025";
  EXPECT_FALSE(scheme_is_chinese(s));
  s.info.units.push_back({"城关镇", {}});
  EXPECT_TRUE(scheme_is_chinese(s));
  Scheme t;
  t.info.name = "青山县2025年度考核";
  EXPECT_TRUE(scheme_is_chinese(t));
}

}  // namespace
}  // namespace jf
