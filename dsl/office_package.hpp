// The parts of an Office Open XML package (.docx, .xlsx): a zip archive read
// with libzip and XML read with pugixml, both bounded (docs/security.md,
// "Documents"). Nothing here knows Word or Excel.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <pugixml.hpp>

#include "dsl/table_grid.hpp"

namespace jf {

/// An open package. `problem` is set when it cannot be used at all.
class OfficePackage {
 public:
  OfficePackage(std::string_view bytes, const GridLimits& limits);
  ~OfficePackage();
  OfficePackage(const OfficePackage&) = delete;
  OfficePackage& operator=(const OfficePackage&) = delete;

  const std::optional<Text>& problem() const { return problem_; }
  bool has(const std::string& name) const;
  /// Parses part `name` (e.g. "word/document.xml") into `doc`. Refuses a
  /// DOCTYPE (no entity tricks), parts over the size and ratio limits, and
  /// invalid XML; the reason is then in `problem()`.
  /// `row_tag` ("row", "w:tr") with `max_rows`: a part with more such
  /// elements is refused before it is parsed (a huge sheet costs no memory).
  bool xml(const std::string& name, pugi::xml_document& doc, std::string_view row_tag = {}, uint32_t max_rows = 0);

 private:
  std::optional<Text> problem_;
  struct Zip;
  std::unique_ptr<Zip> zip_;
  GridLimits limits_;
  uint64_t unpacked_ = 0;  // bytes of all parts read so far
};

/// A name without its namespace prefix ("w:tbl" → "tbl").
std::string_view local_name(const pugi::xml_node& n);
/// The attribute whose local name is `name` ("w:val", "r:id" → "val", "id").
pugi::xml_attribute local_attr(const pugi::xml_node& n, std::string_view name);

}  // namespace jf
