#include "dsl/office_package.hpp"

#include "dsl/parse_text.hpp"

#include <fmt/format.h>
#include <zip.h>

#include <cstring>

namespace jf {

struct OfficePackage::Zip {
  zip_t* archive = nullptr;
  ~Zip() {
    if (archive) zip_discard(archive);
  }
};

OfficePackage::OfficePackage(std::string_view bytes, const GridLimits& limits)
    : zip_(std::make_unique<Zip>()), limits_(limits) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (src) zip_->archive = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (!zip_->archive) {
    if (src) zip_source_free(src);
    const int code = zip_error_code_zip(&error);
    zip_error_fini(&error);
    problem_ = code == ZIP_ER_NOZIP
                   ? parse_text("parse.table.zip.not_zip")
                   : parse_text("parse.table.zip.damaged");
    return;
  }
  zip_error_fini(&error);
  zip_int64_t n = zip_get_num_entries(zip_->archive, 0);
  if (n < 0 || static_cast<uint64_t>(n) > limits_.max_entries)
    problem_ = parse_text("parse.table.zip.too_many_entries", {arg("n", static_cast<long>(n)), arg("limit", limits_.max_entries)});
}

OfficePackage::~OfficePackage() = default;

bool OfficePackage::has(const std::string& name) const {
  return zip_->archive && zip_name_locate(zip_->archive, name.c_str(), 0) >= 0;
}

bool OfficePackage::xml(const std::string& name, pugi::xml_document& doc, std::string_view row_tag, uint32_t max_rows) {
  if (problem_) return false;
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(zip_->archive, name.c_str(), 0, &st) != 0) {
    problem_ = parse_text("parse.table.zip.no_part", {arg("part", name)});
    return false;
  }
  if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) {
    problem_ = parse_text("parse.table.zip.encrypted");
    return false;
  }
  // The sizes in the archive are claims: the read below stops at the limit
  // whatever they say, and the ratio is checked on what was read.
  const uint64_t room = limits_.max_unpacked_bytes - std::min(unpacked_, limits_.max_unpacked_bytes);
  const uint64_t claimed = (st.valid & ZIP_STAT_SIZE) ? st.size : room + 1;
  const uint64_t packed = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
  auto too_big = [&] {
    problem_ = parse_text("parse.table.zip.too_big", {arg("part", name), arg("limit", limits_.max_unpacked_bytes)});
    return false;
  };
  if (claimed > room) return too_big();
  if (packed > 0 && claimed > 4096 && claimed / packed > limits_.max_ratio) {
    problem_ = parse_text("parse.table.zip.ratio",
                          {arg("part", name), arg("ratio", claimed / packed), arg("limit", limits_.max_ratio)});
    return false;
  }
  zip_file_t* f = zip_fopen(zip_->archive, name.c_str(), 0);
  if (!f) {
    const int code = zip_error_code_zip(zip_get_error(zip_->archive));
    problem_ = code == ZIP_ER_NOPASSWD || code == ZIP_ER_ENCRNOTSUPP || code == ZIP_ER_WRONGPASSWD
                   ? parse_text("parse.table.zip.encrypted")
                   : parse_text("parse.table.zip.cannot_unpack", {arg("part", name), arg("error", zip_strerror(zip_->archive))});
    return false;
  }
  std::string text(claimed, '\0');
  uint64_t got = 0;
  bool failed = false;
  for (;;) {
    if (got == text.size()) {
      char probe;  // more bytes than the archive claimed
      zip_int64_t extra = zip_fread(f, &probe, 1);
      if (extra > 0) failed = true;
      if (extra < 0) failed = true;
      break;
    }
    zip_int64_t r = zip_fread(f, text.data() + got, text.size() - got);
    if (r < 0) { failed = true; break; }
    if (r == 0) break;
    got += static_cast<uint64_t>(r);
  }
  zip_fclose(f);
  if (failed) {
    problem_ = parse_text("parse.table.zip.damaged_part", {arg("part", name)});
    return false;
  }
  text.resize(got);
  unpacked_ += got;
  if (!row_tag.empty()) {
    // Markup '<' never occurs in text (it is written &lt;), so this counts
    // elements, or over-counts comments: an upper bound, enough to refuse.
    const std::string open = fmt::format("<{}", row_tag);  // not "<" + string: GCC 12 -Wrestrict false positive
    uint64_t rows = 0;
    for (size_t at = text.find(open); at != std::string::npos; at = text.find(open, at + open.size())) {
      char next = at + open.size() < text.size() ? text[at + open.size()] : '>';
      if (next == ' ' || next == '>' || next == '/' || next == '\t' || next == '\n' || next == '\r') ++rows;
    }
    if (rows > max_rows) {
      problem_ = parse_text("parse.table.zip.too_many_rows", {arg("part", name), arg("limit", max_rows)});
      return false;
    }
  }
  const unsigned options = pugi::parse_default | pugi::parse_doctype | pugi::parse_ws_pcdata_single;
  pugi::xml_parse_result r = doc.load_buffer(text.data(), text.size(), options, pugi::encoding_utf8);
  if (!r) {
    problem_ = parse_text("parse.table.zip.bad_xml",
                          {arg("part", name), arg("at", static_cast<long>(r.offset)), arg("error", r.description())});
    return false;
  }
  for (pugi::xml_node n = doc.first_child(); n; n = n.next_sibling())
    if (n.type() == pugi::node_doctype) {
      problem_ = parse_text("parse.table.zip.doctype", {arg("part", name)});
      return false;
    }
  // The readers walk elements recursively (runs in hyperlinks in content
  // controls …): 500,000 nested elements overflowed the stack. pugixml
  // parses and walks without recursion, so the depth is checked here first.
  struct Depth : pugi::xml_tree_walker {
    uint32_t limit = 0;
    bool for_each(pugi::xml_node&) override { return static_cast<uint32_t>(depth()) < limit; }
  } depth;
  depth.limit = limits_.max_xml_depth;
  if (!doc.traverse(depth)) {
    problem_ = parse_text("parse.table.zip.too_deep", {arg("part", name), arg("limit", limits_.max_xml_depth)});
    return false;
  }
  return true;
}

std::string_view local_name(const pugi::xml_node& n) {
  std::string_view s = n.name();
  size_t colon = s.find(':');
  return colon == std::string_view::npos ? s : s.substr(colon + 1);
}

pugi::xml_attribute local_attr(const pugi::xml_node& n, std::string_view name) {
  for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
    std::string_view s = a.name();
    size_t colon = s.find(':');
    if ((colon == std::string_view::npos ? s : s.substr(colon + 1)) == name) return a;
  }
  return {};
}

}  // namespace jf
