#include <fmt/format.h>

#include "render/json_text.hpp"
#include "render/render.hpp"

namespace jf {
namespace {

using nlohmann::ordered_json;

class JsonReport : public ReportFormat {
 public:
  explicit JsonReport(Lang lang) : lang_(lang) {}

  std::string head(const std::vector<std::string>& files, const Tally*) const override {
    ordered_json doc = {{"version", 1}, {"files", files}, {"diagnostics", ordered_json::array()}};
    std::string text = dump_nested(doc, 0);  // ends with `"diagnostics": []\n}`
    return text.substr(0, text.rfind("[]") + 1);
  }

  std::string body(std::string_view, const std::vector<Diagnostic>& ds, const SourceSet& sources) const override {
    std::string out;
    for (const Diagnostic& d : ds) {
      if (&d != &ds.front()) out += ",\n";
      const SourceFile& src = sources[d.span.file];
      LineCol a = src.locate(d.span.begin), b = src.locate(d.span.end);
      // A .docx/.xlsx: line and column are the row and column as published,
      // and `location` says where in words ("table 1, row 12, 评分标准").
      const Place* place = src.placed() ? src.place(d.span.begin) : nullptr;
      if (src.placed()) a = b = place ? LineCol{place->row, place->column} : LineCol{0, 0};
      out.append(4, ' ');
      JsonWriter w(out, 2);
      w.object()
          .key("file").str(src.path())
          .key("line").num(a.line)
          .key("column").num(a.column)
          .key("end_line").num(b.line)
          .key("end_column").num(b.column);
      if (src.placed()) {
        const bool row = place && !place->row_en.empty() && d.span.end > place->end + 1;  // about the whole row
        w.key("location").str(!place ? std::string()
                              : row  ? (lang_ == Lang::zh ? place->row_zh : place->row_en)
                                     : (lang_ == Lang::zh ? place->zh : place->en));
        w.key("cell").str(place ? src.text().substr(place->begin, place->end - place->begin) : std::string());
      }
      w.key("rule").str(d.rule)
          .key("name").str(d.name)
          .key("severity").str(to_string(d.severity))
          .key("category").str(d.category)
          .key("message").str(d.message.in(lang_))
          .key("help").str(d.help.in(lang_))
          .end();
    }
    return out;
  }

  std::string_view first() const override { return "\n"; }
  std::string_view between() const override { return ",\n"; }

  std::string tail(const Tally& t) const override {
    ordered_json summary = {
        {"total", t.total()},
        {"by_severity", {{"error", t.by_severity[2]}, {"warning", t.by_severity[1]}, {"info", t.by_severity[0]}}},
        {"by_rule", t.by_rule}};
    return fmt::format("{},\n  \"summary\": {}\n}}\n", t.total() ? "\n  ]" : "]", dump_nested(summary, 2));
  }

 private:
  Lang lang_;
};

}  // namespace

std::unique_ptr<ReportFormat> json_report(Lang lang) { return std::make_unique<JsonReport>(lang); }

std::string render_json(const std::vector<Diagnostic>& ds, const SourceSet& sources,
                        const std::vector<std::string>& files, Lang lang) {
  return render_report(JsonReport(lang), ds, sources, files);
}

}  // namespace jf
