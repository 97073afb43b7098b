#!/usr/bin/env python3
"""Measures jianfu against the real-document corpus (docs/corpus.md).

Usage: check_corpus.py JIANFU CORPUS_DIR [--min-tables N] [--as-xlsx]

Every NAME.expected in CORPUS_DIR belongs to a table NAME.csv (or .tsv, .docx,
.xlsx) with a NAME.source.md. The .expected file lists what a careful reviewer
flags, one finding a line:

    RULE [row N] reason            jianfu must report RULE (on row N when given)
    miss RULE [row N] reason       the reviewer flags it, jianfu does not yet

NAME.extra lists, in the same form, the findings jianfu reports that the reviewer
did not expect (reviewed and allowed). The run fails when an expected finding is
missing, a `miss` is now found, a finding is neither expected nor in .extra, an
.extra line matches nothing, a source or a reason is missing, or the corpus has
fewer than N tables. It prints the recall (expected findings found) per table
and overall, and the unexpected findings counted.

With --as-xlsx every CSV table is first written as an Excel workbook (one sheet,
the same rows, by tests/documents/make_documents.py) and the workbook is checked
against the same files: a table read from Excel must give the same findings on
the same rows.
"""
import json
import os
import re
import csv
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "documents"))

TABLE_EXTENSIONS = (".csv", ".tsv", ".docx", ".xlsx")
LINE = re.compile(r"^(miss\s+)?(JF\d{3})(?:\s+row\s+(\d+))?\s+(\S.*)$")
SOURCE_FIELDS = ("**Publisher**", "**Title**", "**Year**", "**URL**")


def parse_entries(path, allow_miss):
    """Returns [(miss, rule, row or None, reason, line number)]; raises on a bad line."""
    entries = []
    with open(path, encoding="utf-8") as f:
        for number, raw in enumerate(f, 1):
            text = raw.strip()
            if not text or text.startswith("#"):
                continue
            m = LINE.match(text)
            if not m or (m.group(1) and not allow_miss):
                raise ValueError(f"{path}:{number}: expected `{'[miss] ' if allow_miss else ''}RULE [row N] reason`, got: {text}")
            entries.append((bool(m.group(1)), m.group(2), int(m.group(3)) if m.group(3) else None, m.group(4), number))
    return entries


def matches(entry_rule, entry_row, finding):
    rule, row = finding
    return rule == entry_rule and (entry_row is None or entry_row == row)


def findings_of(jianfu, table):
    """The (rule, row) pairs `check` reports at warning or error, in report order."""
    run = subprocess.run([jianfu, "check", "--format", "json", "--fail-on", "never", table],
                         capture_output=True, timeout=120)
    if run.returncode != 0:
        raise RuntimeError(f"{table}: jianfu check exited {run.returncode}: {run.stderr.decode('utf-8', 'replace')}")
    doc = json.loads(run.stdout.decode("utf-8"))
    return [(d["rule"], d["line"]) for d in doc["diagnostics"] if d["severity"] != "info"]


def table_for(corpus, name):
    for ext in TABLE_EXTENSIONS:
        path = os.path.join(corpus, name + ext)
        if os.path.isfile(path):
            return path
    return None


def as_xlsx(table, into):
    """The CSV `table` written as a one-sheet workbook in the folder `into`."""
    from make_documents import write_xlsx  # tests/documents: the project's own writer
    with open(table, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    path = os.path.join(into, os.path.splitext(os.path.basename(table))[0] + ".xlsx")
    write_xlsx(path, [{"name": "考核细则", "rows": rows}])
    return path


def check_table(jianfu, corpus, name, problems, xlsx_dir=None):
    """Checks one table; returns (expected, found, unexpected)."""
    where = os.path.join(corpus, name)
    table = table_for(corpus, name)
    if table and xlsx_dir and table.endswith(".csv"):
        table = as_xlsx(table, xlsx_dir)
    if table is None:
        problems.append(f"{where}.expected: no table {name}{{{','.join(TABLE_EXTENSIONS)}}} beside it")
        return 0, 0, 0
    source = where + ".source.md"
    if not os.path.isfile(source):
        problems.append(f"{source}: missing (publisher, title, year and URL of the table)")
    else:
        text = open(source, encoding="utf-8").read()
        for field in SOURCE_FIELDS:
            if field not in text:
                problems.append(f"{source}: no {field} line")
    try:
        expected = parse_entries(where + ".expected", allow_miss=True)
        extra = parse_entries(where + ".extra", allow_miss=False) if os.path.isfile(where + ".extra") else []
    except ValueError as e:
        problems.append(str(e))
        return 0, 0, 0
    findings = findings_of(jianfu, table)
    found = 0
    for miss, rule, row, _, number in expected:
        hit = any(matches(rule, row, f) for f in findings)
        at = f" row {row}" if row else ""
        if hit and miss:
            problems.append(f"{where}.expected:{number}: {rule}{at} is now reported: drop `miss`")
        elif not hit and not miss:
            problems.append(f"{where}.expected:{number}: {rule}{at} expected, not reported")
        found += hit
    unexpected = [f for f in findings if not any(matches(r, w, f) for _, r, w, _, _ in expected)]
    for f in unexpected:
        if not any(matches(r, w, f) for _, r, w, _, _ in extra):
            problems.append(f"{table}: {f[0]} on row {f[1]} is neither expected nor listed in {name}.extra")
    for _, rule, row, _, number in extra:
        if not any(matches(rule, row, f) for f in unexpected):
            problems.append(f"{where}.extra:{number}: {rule}{' row ' + str(row) if row else ''} is no longer reported: drop it")
    return len(expected), found, len(unexpected)


def main(argv):
    if len(argv) < 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    jianfu, corpus = argv[1], argv[2]
    min_tables = int(argv[argv.index("--min-tables") + 1]) if "--min-tables" in argv else 1
    if not os.path.isdir(corpus):
        print(f"{corpus}: no corpus folder", file=sys.stderr)
        return 1
    names = sorted(f[: -len(".expected")] for f in os.listdir(corpus) if f.endswith(".expected"))
    if len(names) < min_tables:
        print(f"{corpus}: {len(names)} table(s) with a .expected, at least {min_tables} needed", file=sys.stderr)
        return 1
    problems = []
    all_expected = all_found = all_unexpected = 0
    xlsx_dir = tempfile.TemporaryDirectory(prefix="jianfu-corpus-") if "--as-xlsx" in argv else None
    for name in names:
        expected, found, unexpected = check_table(jianfu, corpus, name, problems, xlsx_dir.name if xlsx_dir else None)
        recall = f"{100.0 * found / expected:.0f}%" if expected else "-"
        print(f"{name}: recall {found}/{expected} ({recall}), {unexpected} finding(s) not expected")
        all_expected += expected
        all_found += found
        all_unexpected += unexpected
    overall = f"{100.0 * all_found / all_expected:.1f}%" if all_expected else "-"
    print(f"corpus{' (as .xlsx)' if xlsx_dir else ''}: {len(names)} tables, recall {all_found}/{all_expected} ({overall}), "
          f"{all_unexpected} finding(s) not expected (listed in .extra)")
    for p in problems:
        print("FAIL " + p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
