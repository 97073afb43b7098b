#!/usr/bin/env python3
"""Writes the Word (.docx) and Excel (.xlsx) documents the document tests read.

    make_documents.py OUTDIR

Only the standard library: zipfile writes the packages and the XML is
written as text, so every test document can be read (and changed) here
rather than kept as a binary fixture. The layouts are those counties
publish: title and total paragraphs, numbered group headings with points
(一、… （41.5分）), nested headings, merged cells, 合计 and 备注 rows,
owner cells naming several bodies, a table continued after a page break.
Bad documents: no table, encrypted, truncated, invalid XML, a DOCTYPE, a
zip bomb, a cell of 1 MB, a sheet of 1,000,000 rows, an old .doc.
"""
import csv
import os
import random
import sys
import zipfile
from xml.sax.saxutils import escape

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
S_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_R = "http://schemas.openxmlformats.org/package/2006/relationships"
XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def write_package(path, parts):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            z.writestr(name, text)


# ---- Word -------------------------------------------------------------------

def w_paragraph(text):
    # Line breaks inside a paragraph are <w:br/>, as Word writes Shift+Enter.
    runs = "<w:br/>".join(f'<w:t xml:space="preserve">{escape(t)}</w:t>' for t in text.split("\n"))
    return f"<w:p><w:r>{runs}</w:r></w:p>"


def w_cell(cell):
    """cell: text, or dict(text=, span=N, vmerge='restart'|'continue', paragraphs=[...])."""
    if isinstance(cell, str):
        cell = {"text": cell}
    props = ""
    if cell.get("span", 1) > 1:
        props += f'<w:gridSpan w:val="{cell["span"]}"/>'
    if cell.get("vmerge") == "restart":
        props += '<w:vMerge w:val="restart"/>'
    elif cell.get("vmerge") == "continue":
        props += "<w:vMerge/>"
    paragraphs = cell.get("paragraphs") or [cell.get("text", "")]
    body = "".join(w_paragraph(p) for p in paragraphs)
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{body}</w:tc>"


def w_table(rows):
    out = "<w:tbl><w:tblPr/>"
    for row in rows:
        out += "<w:tr>" + "".join(w_cell(c) for c in row) + "</w:tr>"
    return out + "</w:tbl>"


def docx_xml(blocks):
    body = ""
    for kind, content in blocks:
        body += w_paragraph(content) if kind == "p" else w_table(content)
    return f'{XML_HEAD}<w:document xmlns:w="{W_NS}"><w:body>{body}<w:sectPr/></w:body></w:document>'


def write_docx(path, blocks, document_xml=None):
    write_package(path, {
        "[Content_Types].xml": XML_HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        "</Types>",
        "_rels/.rels": XML_HEAD + f'<Relationships xmlns="{PKG_R}"><Relationship Id="rId1" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        "</Relationships>",
        "word/document.xml": document_xml if document_xml is not None else docx_xml(blocks),
    })


# ---- Excel ------------------------------------------------------------------

def col_name(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def is_number(text):
    try:
        float(text)
        return text.strip() == text and text != ""
    except ValueError:
        return False


def write_xlsx(path, sheets, inline_every=0):
    """sheets: list of dict(name=, rows=[[text]], merges=['B2:B5'], first_row=1)."""
    strings, index = [], {}
    parts = {}
    for n, sheet in enumerate(sheets, 1):
        xml = [f'{XML_HEAD}<worksheet xmlns="{S_NS}" xmlns:r="{R_NS}"><sheetData>']
        for r, row in enumerate(sheet["rows"], sheet.get("first_row", 1)):
            cells = []
            for c, text in enumerate(row):
                if text == "":
                    continue
                ref = f"{col_name(c)}{r}"
                if is_number(text):
                    cells.append(f'<c r="{ref}"><v>{text}</v></c>')
                elif inline_every and (r + c) % inline_every == 0:
                    cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(text)}</t></is></c>')
                else:
                    if text not in index:
                        index[text] = len(strings)
                        strings.append(text)
                    cells.append(f'<c r="{ref}" t="s"><v>{index[text]}</v></c>')
            if cells:
                xml.append(f'<row r="{r}">' + "".join(cells) + "</row>")
        xml.append("</sheetData>")
        if sheet.get("merges"):
            xml.append(f'<mergeCells count="{len(sheet["merges"])}">' +
                       "".join(f'<mergeCell ref="{m}"/>' for m in sheet["merges"]) + "</mergeCells>")
        xml.append("</worksheet>")
        parts[f"xl/worksheets/sheet{n}.xml"] = "".join(xml)
    sst = "".join(f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in strings)
    parts["xl/sharedStrings.xml"] = f'{XML_HEAD}<sst xmlns="{S_NS}" count="{len(strings)}" uniqueCount="{len(strings)}">{sst}</sst>'
    sheets_xml = "".join(f'<sheet name="{escape(s["name"])}" sheetId="{n}" r:id="rId{n}"/>' for n, s in enumerate(sheets, 1))
    parts["xl/workbook.xml"] = f'{XML_HEAD}<workbook xmlns="{S_NS}" xmlns:r="{R_NS}"><sheets>{sheets_xml}</sheets></workbook>'
    rels = "".join(f'<Relationship Id="rId{n}" Type="{R_NS}/worksheet" Target="worksheets/sheet{n}.xml"/>'
                   for n in range(1, len(sheets) + 1))
    rels += f'<Relationship Id="rId{len(sheets) + 1}" Type="{R_NS}/sharedStrings" Target="sharedStrings.xml"/>'
    parts["xl/_rels/workbook.xml.rels"] = f'{XML_HEAD}<Relationships xmlns="{PKG_R}">{rels}</Relationships>'
    parts["[Content_Types].xml"] = (XML_HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                                    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                                    '<Default Extension="xml" ContentType="application/xml"/></Types>')
    parts["_rels/.rels"] = (XML_HEAD + f'<Relationships xmlns="{PKG_R}"><Relationship Id="rId1" '
                            f'Type="{R_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    write_package(path, parts)


# ---- the shipped qingshan table in both formats -------------------------------

def qingshan(src_dir, out):
    with open(os.path.join(src_dir, "examples", "qingshan-2025-table.csv"), encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    group_col = header.index("一级指标")
    # Word: the 一级指标 column merged down each group (w:vMerge), as drafted.
    table = [header]
    for row in body:
        cells = list(row)
        if row[group_col]:
            cells[group_col] = {"text": row[group_col], "vmerge": "restart"}
        else:
            cells[group_col] = {"text": "", "vmerge": "continue"}
        table.append(cells)
    write_docx(os.path.join(out, "qingshan-2025.docx"), [("table", table)])
    # Excel: the same column as merged ranges; points as numbers.
    merges, start = [], None
    for i, row in enumerate(body + [["x"] * len(header)], 2):
        if row[group_col]:
            if start is not None and i - 1 > start:
                merges.append(f"{col_name(group_col)}{start}:{col_name(group_col)}{i - 1}")
            start = i
    write_xlsx(os.path.join(out, "qingshan-2025.xlsx"), [{"name": "考核细则", "rows": rows, "merges": merges}],
               inline_every=7)
    # Excel's "Unicode text": UTF-16LE with a BOM, tab-separated.
    with open(os.path.join(out, "qingshan-2025-utf16.tsv"), "wb") as f:
        text = "\r\n".join("\t".join(c.replace("\t", " ") for c in row) for row in rows) + "\r\n"
        f.write(b"\xff\xfe" + text.encode("utf-16-le"))


# ---- published layouts --------------------------------------------------------

LAYOUT_HEADER = ["序号", "评估指标", "评估内容与计分方法", "分值", "考评单位"]


def layout_docx(out):
    span = lambda text: {"text": text, "span": 5}
    t1 = [
        LAYOUT_HEADER,
        [span("一、发展类指标（41.5分）")],
        [span("（一）经济运行（30分）")],
        ["1", "财政收入", "按排名赋分，第一名得20分，每后一名递减1分。", "20", {"text": "县财政局", "vmerge": "restart"}],
        ["2", "税收占比", "按排名赋分，第一名得10分，每后一名递减1分。", "10", {"text": "", "vmerge": "continue"}],
        [span("（二）项目建设（11.5分）")],
        ["3", "重点项目", "按实绩赋分，达到目标得满分，未达到不得分。", "11.5", ""],
        [span("二、保障类指标（20分）")],
        ["4", "督查落实", "基础分为满分，按扣分项扣分；每逾期办结一次扣1分。", "10",
         {"text": "", "paragraphs": ["县委办、县政府办", "县委督查室"]}],
    ]
    t2 = [  # the same table continued after a page break: no header
        ["5", "信访稳定", "按排名赋分，第一名得10分，每后一名递减1分；排名末位的，约谈党政主要负责人。", "10", "县信访局/县公安局"],
        [{"text": "合计", "span": 3}, "61.5", ""],
        [span("备注：本细则由县考核办负责解释。")],
    ]
    write_docx(os.path.join(out, "layout.docx"), [
        ("p", "附件1"),
        ("p", "东坡县2025年度乡镇综合考核细则"),
        ("p", "（总分100分）"),
        ("p", "考核对象：东关镇、西林乡、南湖镇"),
        ("table", t1),
        ("p", ""),
        ("table", t2),
        ("p", "注：加分项另计。"),
    ])


def layout_xlsx(out):
    rows = [
        ["西山县2025年度乡镇综合考核细则", "", "", "", "", ""],
        ["考核对象：东关镇、西林乡、南湖镇", "", "", "", "", ""],
        ["序号", "考核指标", "考核项目", "分值", "评分办法", "牵头单位"],
        ["一、经济发展（30分）", "", "", "", "", ""],
        ["1", "经济发展", "财政收入", "20", "按排名赋分，第一名得20分，每后一名递减1分。", "县财政局"],
        ["2", "", "招商引资", "10", "按实绩赋分，达到目标得满分，未达到不得分。", ""],
        ["二、社会治理（20.5分）", "", "", "", "", ""],
        ["3", "社会治理", "信访稳定", "20.5", "每迟报一次扣1分。", ""],
        ["合计", "", "", "50.5", "", ""],
        ["备注：数据以县统计局发布为准。", "", "", "", "", ""],
    ]
    merges = ["A1:F1", "A2:F2", "A4:F4", "A7:F7", "F5:F6", "A9:C9", "A10:F10"]
    write_xlsx(os.path.join(out, "layout.xlsx"), [
        {"name": "说明", "rows": [["本表由县考核办制定。"]]},
        {"name": "考核细则", "rows": rows, "merges": merges},
    ])


# ---- bad documents ------------------------------------------------------------

def bad(out):
    header = [["序号", "二级指标", "分值", "评分标准"]]
    write_docx(os.path.join(out, "notable.docx"), [("p", "只有文字，没有表格。")])
    good = os.path.join(out, "small.docx")
    write_docx(good, [("table", header + [["1", "甲", "10", "按实绩赋分"]])])
    data = open(good, "rb").read()
    with open(os.path.join(out, "truncated.docx"), "wb") as f:
        f.write(data[: len(data) // 2])
    # Encrypted entries: the "encrypted" bit of the general-purpose flags set
    # in every local and central header (zipfile cannot encrypt).
    enc = bytearray(data)
    for sig, off in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = enc.find(sig)
        while at >= 0:
            enc[at + off] |= 1
            at = enc.find(sig, at + 4)
    open(os.path.join(out, "encrypted.docx"), "wb").write(bytes(enc))
    # A password-protected Office file is an OLE container, like an old .doc.
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    open(os.path.join(out, "protected.docx"), "wb").write(ole)
    open(os.path.join(out, "legacy.doc"), "wb").write(ole)
    open(os.path.join(out, "legacy.xls"), "wb").write(ole)
    write_docx(os.path.join(out, "invalid.docx"), None, document_xml=f'<w:document xmlns:w="{W_NS}"><w:body><w:tbl>')
    write_docx(os.path.join(out, "doctype.docx"), None, document_xml=(
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>'))
    # A zip bomb: 8 MB of blanks compress about a thousand times.
    write_docx(os.path.join(out, "bomb.docx"), None,
               document_xml=f'<w:document xmlns:w="{W_NS}"><w:body>' + " " * (8 << 20) + "</w:body></w:document>")
    # A cell of 1 MB (varied text, so it is not a zip bomb as well).
    rnd = random.Random(12)
    big = "".join(chr(0x4E00 + rnd.randrange(0x5000)) for _ in range(350000))
    write_docx(os.path.join(out, "bigcell.docx"), [("table", header + [["1", "甲", "10", big]])])
    # A sheet of 1,000,000 rows (numbers only, so it is small once packed).
    sheet = "".join(f'<row r="{i}"><c><v>{i % 10}</v></c></row>' for i in range(1, 1_000_001))
    wb = f'{XML_HEAD}<workbook xmlns="{S_NS}" xmlns:r="{R_NS}"><sheets><sheet name="细则" sheetId="1" r:id="rId9"/></sheets></workbook>'
    rels = (f'{XML_HEAD}<Relationships xmlns="{PKG_R}"><Relationship Id="rId9" Type="{R_NS}/worksheet" '
            'Target="worksheets/sheet2.xml"/></Relationships>')
    write_package(os.path.join(out, "million.xlsx"), {"xl/workbook.xml": wb, "xl/_rels/workbook.xml.rels": rels,
                                                     "xl/worksheets/sheet2.xml": f'{XML_HEAD}<worksheet xmlns="{S_NS}"><sheetData>{sheet}</sheetData></worksheet>'})


def main():
    out = sys.argv[1]
    src_dir = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    os.makedirs(out, exist_ok=True)
    qingshan(src_dir, out)
    layout_docx(out)
    layout_xlsx(out)
    if "--no-bad" not in sys.argv:
        bad(out)


if __name__ == "__main__":
    main()
