"""Issue 18's leftovers: the readers a pull request can feed besides schemes.
A baseline nested ten million deep (nlohmann::json's tree took 12 s and
600 MB for it), and Word documents that made the readers build gigabytes
or overflow the stack: merged cells repeating 3 KB of text 160,000 times,
cells spanning 200 columns on 20,000 rows, 60 KB header names copied into
every cell's place, 500,000 nested elements."""
import zipfile
import os

from cases import Case, VALID, write, many

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx(name, body):
    """A Word document whose body is `body`, stored (not compressed, so the
    compression-ratio bound does not refuse it first)."""
    def go(d):
        xml = f'<?xml version="1.0"?><w:document {W}><w:body>{body()}</w:body></w:document>'
        with zipfile.ZipFile(os.path.join(d, name), "w", zipfile.ZIP_STORED) as z:
            z.writestr("word/document.xml", xml)
    return go


def merged_repeats():
    cell = '<w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>' + "考" * 1000 + "</w:t></w:r></w:p></w:tc>"
    cont = "<w:tr>" + "<w:tc><w:tcPr><w:vMerge/></w:tcPr></w:tc>" * 20 + "</w:tr>"
    return "<w:tbl><w:tr>" + cell * 20 + "</w:tr>" + cont * 7999 + "</w:tbl>"


def wide_cells():
    header = "<w:tr>" + "".join(f"<w:tc><w:p><w:r><w:t>{h}</w:t></w:r></w:p></w:tc>" for h in ("序号", "考核内容", "评分标准", "分值"))
    return ("<w:tbl>" + header + "</w:tr>" +
            '<w:tr><w:tc><w:tcPr><w:gridSpan w:val="200"/></w:tcPr></w:tc></w:tr>' * 20000 + "</w:tbl>")


def long_header_names():
    def tc(t):
        return f"<w:tc><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:tc>"
    header = "<w:tr>" + tc("考核指标") + tc("分值") + tc("名" * 20000) * 198 + "</w:tr>"
    return "<w:tbl>" + header + ("<w:tr>" + "<w:tc/>" * 200 + "</w:tr>") * 2400 + "</w:tbl>"


def deep():
    return "<w:p>" + "<a>" * 500000 + "</a>" * 500000 + "</w:p>"


def reader_cases():
    yield Case("baseline-deep-nesting", "readers",
               many(write("s.assess", VALID), write("base.json", '{"jianfu_baseline": 1, "findings": [], "x": ' + "[" * 10_000_000)),
               ["check", "s.assess", "--baseline", "base.json"], 2,
               r"base.json: unreadable baseline: nested more than 64 levels deep", mb=200)
    yield Case("docx-merged-repeats", "readers", docx("m.docx", merged_repeats), ["check", "m.docx"], 1,
               r"m.docx: error\[JF001\].*cells hold more than 33554432 bytes of text", seconds=10, mb=300)
    yield Case("docx-wide-cells", "readers", docx("w.docx", wide_cells), ["check", "w.docx"], 1,
               r"w.docx: error\[JF001\].*more than 500000 cells", seconds=10, mb=300)
    yield Case("docx-long-header-names", "readers", docx("h.docx", long_header_names), ["check", "h.docx"], 1,
               r"Checked 1 file", seconds=20, mb=600)
    yield Case("docx-deep-nesting", "readers", docx("n.docx", deep), ["check", "n.docx"], 1,
               r"n.docx: error\[JF001\].*nests elements more than 256 deep", seconds=10, mb=300)
