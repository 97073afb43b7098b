# Writes OUT: a C++ file holding CSS (render/render_html.css) as a raw string and
# its SHA-256 in hex, which the page's Content-Security-Policy names, so the
# stylesheet and the hash that allows it can never disagree. Run with cmake -P.
file(READ ${CSS} text)
string(FIND "${text}" ")jfcss\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${CSS} contains the raw-string delimiter")
endif()
string(SHA256 hash "${text}")
file(WRITE ${OUT}.tmp "// Generated from render/render_html.css by cmake/embed_report_css.cmake. Do not edit.
#include \"render/render_html_parts.hpp\"
namespace jf::html {
const char* const kReportCss = R\"jfcss(${text})jfcss\";
const char* const kReportCssSha256 = \"${hash}\";
}  // namespace jf::html
")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
