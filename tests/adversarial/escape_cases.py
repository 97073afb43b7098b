"""Issue 18 item 6: one escaping policy. Nothing from an input reaches a
terminal or CI log as a raw control (ESC, BEL, NUL) or bidi override, JUnit
is well-formed XML whatever the file names, SARIF URIs are percent-encoded."""
import json
import os
import xml.etree.ElementTree as ET

from cases import Case, VALID, write, many

RAW = "[\x00\x07\x1b\u202e]"  # must never appear in the output
EXAMPLES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "examples")

ESC_YAML = ('scheme:\n  name: x\n  year: 2025\n  total: 100\n  units: [a, b]\ndepartments:\n'
            '  - {id: d, name: "D\\e]0;PWNED\\a\\e[2J", kind: line}\nindicators:\n  - id: i\n    owner: d\n'
            '    points: 100\n    score: {mode: threshold, target: "\\e]0;PWNED\\a"}\n')


def results_with_escape(d):
    with open(os.path.join(EXAMPLES, "qingshan-2025.assess"), "rb") as f:
        write("q.assess", f.read())(d)
    with open(os.path.join(EXAMPLES, "qingshan-2025-results.csv"), "rb") as f:
        write("r.csv", f.read().replace(b"82.3", b"\x1b]0;PWNED\x07", 1))(d)


def well_formed():
    def go(d, raw):
        try:
            ET.fromstring(raw)
        except ET.ParseError as e:
            return f"not well-formed XML: {e}"
        return None
    return go


def sarif_uris(expected):
    def go(d, raw):
        uris = {loc["physicalLocation"]["artifactLocation"]["uri"]
                for run in json.loads(raw)["runs"] for r in run["results"] for loc in r["locations"]}
        missing = set(expected) - uris
        return f"SARIF URIs {sorted(uris)} lack {sorted(missing)}" if missing else None
    return go


def escape_cases():
    yield Case("convert-error-escape", "escaping", write("s.yaml", ESC_YAML), ["convert", "s.yaml", "--to", "assess"],
               2, r"\\u\{1B\}", forbid=RAW)
    yield Case("github-escape", "escaping", write("s.yaml", ESC_YAML), ["check", "s.yaml", "--format", "github"], 0,
               r"::(error|warning|notice) file=s.yaml", forbid=RAW)
    yield Case("tool-error-escape", "escaping", write("s.assess", VALID),
               ["check", "s.assess", "--rules", "no\x1b]0;PWNED\x07.rules"], 2, r"no\\u\{1B\}", forbid=RAW)
    yield Case("score-data-escape", "escaping", results_with_escape, ["score", "q.assess", "--data", "r.csv"], 2,
               r"r.csv", forbid=RAW)

    def bad_name(d):
        os.mkdir(os.path.join(d, "t"))
        write(b"t/bad\xff\xfe.assess".decode("utf-8", "surrogateescape"), VALID.replace("100\n  score", "90\n  score"))(d)
    yield Case("junit-invalid-utf8-name", "escaping", bad_name, ["check", "t", "--format", "junit"], 1, r"<testsuites",
               verify=well_formed())
    yield Case("sarif-uri-encoded", "escaping",
               many(write("a b#c.assess", VALID + "bogus\n"), write("测试 方案.assess", VALID + "bogus\n")),
               ["check", "a b#c.assess", "测试 方案.assess", "--format", "sarif"], 1, r'"uri"',
               verify=sarif_uris(["a%20b%23c.assess", "%E6%B5%8B%E8%AF%95%20%E6%96%B9%E6%A1%88.assess"]))
