// The one escaping helper of the HTML report: every string that comes from a
// scheme, a data file or a path passes through it before reaching the page.
#pragma once
#include <string>
#include <string_view>

namespace jf {

/// `s` made safe as HTML text and as a double- or single-quoted attribute
/// value: & < > " ' become character references; C0 controls other than
/// tab, LF and CR, and DEL, are dropped (they have no place in a document).
/// Bytes of valid UTF-8 pass unchanged.
std::string html_escape(std::string_view s);

}  // namespace jf
