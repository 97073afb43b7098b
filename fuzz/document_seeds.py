#!/usr/bin/env python3
"""Writes fuzz_document's seeds (fuzz/fuzz_document_input.hpp says how the
target reads byte 0) from the documents the document tests use:

    document_seeds.py OUTDIR

Each .docx/.xlsx written by tests/documents/make_documents.py becomes two
seeds: the whole archive (byte 0: 2 Word, 3 Excel) and its main XML part
(byte 0: 0 Word, word/document.xml; 1 Excel, the first sheet, a NUL byte
and the shared strings).
"""
import os
import subprocess
import sys
import tempfile
import zipfile

here = os.path.dirname(os.path.abspath(__file__))
make = os.path.join(os.path.dirname(here), "tests", "documents", "make_documents.py")
out = sys.argv[1]
os.makedirs(out, exist_ok=True)
with tempfile.TemporaryDirectory() as docs:
    subprocess.run([sys.executable, make, docs, "--no-bad"], check=True, stdout=subprocess.DEVNULL)
    for name in sorted(os.listdir(docs)):
        path = os.path.join(docs, name)
        stem, ext = os.path.splitext(name)
        if ext not in (".docx", ".xlsx"):
            continue
        excel = ext == ".xlsx"
        with open(path, "rb") as f:
            whole = f.read()
        with zipfile.ZipFile(path) as z:
            if excel:
                part = z.read("xl/worksheets/sheet1.xml")
                if "xl/sharedStrings.xml" in z.namelist():
                    part += b"\0" + z.read("xl/sharedStrings.xml")
            else:
                part = z.read("word/document.xml")
        with open(os.path.join(out, f"{stem}{ext}.whole"), "wb") as f:
            f.write(bytes([3 if excel else 2]) + whole)
        with open(os.path.join(out, f"{stem}{ext}.part"), "wb") as f:
            f.write(bytes([1 if excel else 0]) + part)
