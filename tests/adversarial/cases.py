#!/usr/bin/env python3
"""The adversarial corpus: classes of bad input and what jianfu must do with each.

Each case writes its files into a fresh directory and names the command line,
the documented exit code (docs/cli.md: 0 clean, 1 findings, 2 the tool could
not do its job) and a pattern the output must contain that names the problem.
`python3 cases.py OUTDIR` writes every case to OUTDIR/NAME/ for inspection.
"""
import os
import sys
from dataclasses import dataclass, field
from typing import Callable, List, Optional

# A valid scheme with one indicator: the base most cases corrupt. Exit 0 on it.
VALID = """scheme "测试县2025年度考核" {
  year 2025
  total 100
  units 甲镇, 乙镇, 丙镇
}

department 两办 kind office

indicator 人居环境 {
  owner 两办
  points 100
  score threshold target "达到标准"
}
"""

VALID_YAML = """scheme:
  name: 测试县2025年度考核
  year: 2025
  total: 100
  units: [甲镇, 乙镇, 丙镇]

departments:
  - {id: 两办, kind: office}

indicators:
  - id: 人居环境
    owner: 两办
    points: 100
    score: {mode: threshold, target: 达到标准}
"""

MIB = 1 << 20


@dataclass
class Case:
    name: str
    cls: str                       # the class: encoding, size, nesting, ...
    setup: Callable[[str], None]   # writes the inputs into the directory
    args: List[str]                # jianfu arguments, relative to the directory
    code: int                      # documented exit code
    expect: str                    # regex the combined output must match
    forbid: Optional[str] = None   # regex it must not match
    user: Optional[str] = None     # run as this user (root ignores permissions)
    seconds: float = 20.0          # time bound (release build)
    mb: int = 600                  # max RSS bound (release build)
    outputs: List[str] = field(default_factory=list)  # files jianfu may create or change
    out_kb: Optional[int] = None   # bound on the output's size (stdout and stderr)
    verify: Optional[Callable[[str, bytes], Optional[str]]] = None  # (dir, raw stdout+stderr) -> problem or None


def write(name, data):
    """A setup that writes `data` (str or bytes, or a function making them,
    for big inputs) to `name`."""
    def go(d):
        body = data() if callable(data) else data
        with open(os.path.join(d, name), "wb") as f:
            f.write(body.encode() if isinstance(body, str) else body)
    return go


def many(*setups):
    def go(d):
        for s in setups:
            s(d)
    return go


def check(name, **kw):
    return ["check", name] + kw.get("extra", [])


def sub_assess(old, new):
    assert old in VALID
    return VALID.replace(old, new, 1)


def sub_yaml(old, new):
    assert old in VALID_YAML
    return VALID_YAML.replace(old, new, 1)


def encoding_cases():
    bad = VALID.encode().replace(b"\xe8\xbe\xbe", b"\xff\xfe")  # 达 -> two invalid bytes
    yield Case("invalid-utf8", "encoding", write("s.assess", bad), ["check", "s.assess"], 1,
               r"error\[JF001\] syntax: invalid UTF-8 at byte \d+")
    yield Case("invalid-utf8-yaml", "encoding",
               write("s.yaml", VALID_YAML.encode().replace(b"\xe8\xbe\xbe", b"\xc3\x28")),
               ["check", "s.yaml"], 1, r"invalid UTF-8 at byte \d+")
    for label, seq in [("overlong-2", b"\xc0\xaf"), ("overlong-3", b"\xe0\x80\xaf"),
                       ("overlong-4", b"\xf0\x80\x80\xaf"), ("surrogate", b"\xed\xa0\x80"),
                       ("above-max", b"\xf4\x90\x80\x80"), ("truncated", b"\xe4\xb9")]:
        yield Case(label, "encoding", write("s.assess", VALID.encode().replace(b"office", b"off" + seq)),
                   ["check", "s.assess"], 1, r"invalid UTF-8 at byte \d+")
    yield Case("gb18030", "encoding", write("s.assess", VALID.encode("gb18030")),
               ["check", "s.assess"], 1, r"invalid UTF-8 at byte 8\b")
    yield Case("bom", "encoding", write("s.assess", b"\xef\xbb\xbf" + VALID.encode()),
               ["check", "s.assess"], 0, r"Checked 1 file: no problems", forbid=r"JF001")
    yield Case("bom-yaml", "encoding", write("s.yaml", b"\xef\xbb\xbf" + VALID_YAML.encode()),
               ["check", "s.yaml"], 0, r"Checked 1 file: no problems", forbid=r"JF001")
    yield Case("bom-twice", "encoding", write("s.assess", b"\xef\xbb\xbf" * 2 + VALID.encode()),
               ["check", "s.assess"], 1, r"s.assess:1:\d+: error\[JF001\]")
    yield Case("nul", "encoding", write("s.assess", VALID.replace("office", "off\0ice")),
               ["check", "s.assess"], 1, r"control character 0x00 at byte \d+")
    yield Case("nul-yaml", "encoding", write("s.yaml", VALID_YAML.replace("office", "off\0ice")),
               ["check", "s.yaml"], 1, r"control character 0x00 at byte \d+")
    yield Case("escape-char", "encoding", write("s.assess", VALID.replace("office", "off\x1bice")),
               ["check", "s.assess"], 1, r"control character 0x1B at byte \d+")
    yield Case("crlf", "encoding", write("s.assess", VALID.replace("\n", "\r\n")),
               ["check", "s.assess"], 0, r"Checked 1 file: no problems", forbid=r"JF001")
    yield Case("crlf-yaml", "encoding", write("s.yaml", VALID_YAML.replace("\n", "\r\n")),
               ["check", "s.yaml"], 0, r"Checked 1 file: no problems", forbid=r"JF001")
    # A lone CR is a line end too: the error on "line 3" must point at line 3.
    yield Case("lone-cr", "encoding", write("s.assess", VALID.replace("\n", "\r").replace("year 2025", "year x")),
               ["check", "s.assess"], 1, r"s.assess:2:8: error\[JF001\] syntax: expected a number after `year`")
    # Bidirectional overrides in names must be shown escaped, never raw.
    yield Case("bidi-override", "encoding",
               write("s.assess", VALID.replace("points 100", "points 100\n  bogus \u202e人居\u202c")),
               ["check", "s.assess"], 1, r"JF001", forbid="\u202e")


def size_cases():
    yield Case("empty", "size", write("s.assess", ""), ["check", "s.assess"], 1,
               r"error\[JF001\] syntax: the file has no `scheme` header")
    yield Case("empty-yaml", "size", write("s.yaml", ""), ["check", "s.yaml"], 1, r"error\[JF001\]")
    yield Case("whitespace-only", "size", write("s.assess", " \n\t\n" * 1000), ["check", "s.assess"], 1,
               r"no `scheme` header")
    filler = ("# " + "x" * 1021 + "\n").encode()
    yield Case("50MB", "size", write("s.assess", lambda: VALID.encode() + filler * (50 * 1024)),
               ["check", "s.assess"], 1, r"file size is above the limit of 33554432 bytes")
    yield Case("50MB-yaml", "size", write("s.yaml", lambda: VALID_YAML.encode() + filler * (50 * 1024)),
               ["check", "s.yaml"], 1, r"file size is above the limit of 33554432 bytes")
    yield Case("max-file-size-flag", "size", write("s.assess", VALID), ["check", "s.assess", "--max-file-size", "100"],
               1, r"file size is above the limit of 100 bytes")
    head = VALID.split("indicator")[0]
    million = lambda: head + "".join(f"indicator i{i}{{owner 两办}}\n" for i in range(1_000_000))
    yield Case("million-indicators", "size", write("s.assess", million), ["check", "s.assess"], 1,
               r"the scheme has 100000\d elements .*above the limit of 100000", seconds=60, mb=2500)
    yhead = VALID_YAML.split("indicators:")[0] + "indicators:\n"
    ymillion = lambda: yhead + "".join(f"- {{id: i{i}}}\n" for i in range(1_000_000))
    yield Case("million-indicators-yaml", "size", write("s.yaml", ymillion), ["check", "s.yaml"], 1,
               r"the scheme has 100000\d elements .*above the limit of 100000", seconds=60, mb=2500)
    yield Case("long-name", "size", write("s.assess", sub_assess("人居环境", "名" * 40000)),
               ["check", "s.assess"], 1, r"name is 120000 bytes long, above the limit of 1024 bytes")
    yield Case("long-string", "size", write("s.assess", sub_assess("达到标准", "x" * 70000)),
               ["check", "s.assess"], 1, r"text is 70000 bytes long, above the limit of 65536 bytes")
    yield Case("long-string-yaml", "size", write("s.yaml", sub_yaml("达到标准", "x" * 70000)),
               ["check", "s.yaml"], 1, r"`target` is longer than 65536 bytes")
    yield Case("many-syntax-errors", "size", write("s.assess", VALID + "}\n" * 100000),
               ["check", "s.assess"], 1, r"too many syntax errors")
    yield Case("many-yaml-errors", "size",
               write("s.yaml", lambda: VALID_YAML + "".join(f"bogus{i}: 1\n" for i in range(1_000_000))),
               ["check", "s.yaml"], 1, r"too many")
    yield Case("long-line", "size", write("s.assess", VALID + "#" + "长" * (4 * MIB) + "\nbogus\n"),
               ["check", "s.assess"], 1, r"error\[JF001\]")


def nesting_cases():
    n = 100_000
    yield Case("deep-braces", "nesting", write("s.assess", VALID + "indicator x " + "{" * n),
               ["check", "s.assess"], 1, r"error\[JF001\]")
    yield Case("deep-flow-list", "nesting", write("s.yaml", "scheme: " + "[" * n),
               ["check", "s.yaml"], 1, r"nest|deep|depth")
    yield Case("deep-flow-map", "nesting", write("s.yaml", "scheme: " + "{a: " * n),
               ["check", "s.yaml"], 1, r"nest|deep|depth")
    yield Case("deep-block", "nesting",
               write("s.yaml", "".join("  " * i + "a:\n" for i in range(2000))),
               ["check", "s.yaml"], 1, r"nest|deep|depth")
    yield Case("deep-block-list", "nesting", write("s.yaml", "scheme:\n" + "".join(
               "  " * (i + 1) + "-\n" for i in range(2000))), ["check", "s.yaml"], 1, r"nest|deep|depth")
    deep_rule = ("rule X900 deep {\n  category volume\n  severity warning\n  summary en \"d\"\n"
                 "  when " + "(" * n + "1" + ")" * n + " > 0\n  at scheme\n  message en \"m\"\n}\n")
    yield Case("deep-rule-parens", "nesting", many(write("s.assess", VALID), write("deep.rules", deep_rule)),
               ["check", "s.assess", "--rules", "deep.rules"], 2, r"nest|deep|depth")
    deep_not = deep_rule.replace("(" * n + "1" + ")" * n + " > 0", "not " * n + "true")
    yield Case("deep-rule-not", "nesting", many(write("s.assess", VALID), write("deep.rules", deep_not)),
               ["check", "s.assess", "--rules", "deep.rules"], 2, r"nest|deep|depth")
    deep_minus = deep_rule.replace("(" * n + "1" + ")" * n, "-" * n + "1")
    yield Case("deep-rule-minus", "nesting", many(write("s.assess", VALID), write("deep.rules", deep_minus)),
               ["check", "s.assess", "--rules", "deep.rules"], 2, r"nest|deep|depth")
    interp = deep_rule.replace('message en "m"', 'message en "{' + "(" * n + "1" + ")" * n + '}"') \
                      .replace("(" * n + "1" + ")" * n + " > 0", "true")
    yield Case("deep-interpolation", "nesting", many(write("s.assess", VALID), write("deep.rules", interp)),
               ["check", "s.assess", "--rules", "deep.rules"], 2, r"nest|deep|depth")


def yaml_cases():
    laughs = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"a{i}: &a{i} [*a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}]\n"
        for i in range(1, 10)) + "scheme: *a9\n"
    yield Case("billion-laughs", "yaml", write("s.yaml", laughs), ["check", "s.yaml"], 1, r"alias")
    many_alias = VALID_YAML + "extra: &x a\n" + "".join(f"e{i}: *x\n" for i in range(5000))
    yield Case("many-aliases", "yaml", write("s.yaml", many_alias), ["check", "s.yaml"], 1, r"alias")
    yield Case("self-alias", "yaml", write("s.yaml", "scheme: &a [*a]\n"), ["check", "s.yaml"], 1, r"alias")
    yield Case("alias-to-ancestor", "yaml", write("s.yaml", sub_yaml("indicators:\n", "indicators: &i\n  - *i\n")),
               ["check", "s.yaml"], 1, r"alias")
    yield Case("undefined-alias", "yaml", write("s.yaml", sub_yaml("office", "*nope")), ["check", "s.yaml"], 1,
               r"error\[JF001\]")
    yield Case("merge-key", "yaml", write("s.yaml", "base: &b {year: 2025}\n" + VALID_YAML.replace(
        "scheme:\n", "scheme:\n  <<: *b\n")), ["check", "s.yaml"], 1, r"error\[JF001\]")
    yield Case("duplicate-key", "yaml", write("s.yaml", sub_yaml("  year: 2025\n", "  year: 2025\n  year: 2026\n")),
               ["check", "s.yaml"], 1, r"duplicate key `year`")
    yield Case("duplicate-top-key", "yaml", write("s.yaml", VALID_YAML + "departments: []\n"),
               ["check", "s.yaml"], 1, r"duplicate key `departments`")
    yield Case("tag-binary", "yaml", write("s.yaml", sub_yaml("达到标准", "!!binary aGVsbG8=")),
               ["check", "s.yaml"], 1, r"tag|binary")
    yield Case("tag-custom", "yaml", write("s.yaml", sub_yaml("points: 100", "points: !evil 100")),
               ["check", "s.yaml"], 1, r"tag")
    yield Case("two-documents", "yaml", write("s.yaml", VALID_YAML + "---\n" + VALID_YAML),
               ["check", "s.yaml"], 1, r"document")
    yield Case("doc-end-then-garbage", "yaml", write("s.yaml", VALID_YAML + "...\nfoo: [\n"),
               ["check", "s.yaml"], 1, r"error\[JF001\]")
    yield Case("binary-noise", "yaml", write("s.yaml", bytes((i * 167 + 13) % 256 for i in range(65536))),
               ["check", "s.yaml"], 1, r"invalid UTF-8|control character")
    # Inputs that make yaml-cpp's LoadAll loop forever (jbeder/yaml-cpp#1040).
    for label, text in [("lone-comma", ",\n"), ("tag-comma", "!,\n"),
                        ("plain-colon", "scheme: a\n b: c\n d\n"), ("flow-unclosed", "scheme: {a: [1, 2\n")]:
        yield Case(label, "yaml", write("s.yaml", text), ["check", "s.yaml"], 1, r"error\[JF001\]")


def number_cases():
    for label, text in [("nan", "nan"), ("inf", "inf"), ("1e309", "1e309"), ("negative", "-5"),
                        ("huge", "9" * 400), ("int64-min", "-9223372036854775808")]:
        yield Case("points-" + label, "numbers", write("s.assess", sub_assess("points 100", "points " + text)),
                   ["check", "s.assess"], 1, r"error\[JF00\d\]")
    for label, text in [("nan", ".nan"), ("inf", ".inf"), ("minus-inf", "-.inf"), ("1e309", "1e309"),
                        ("negative", "-5"), ("huge", "9" * 400), ("hex", "0x64")]:
        yield Case("yaml-points-" + label, "numbers", write("s.yaml", sub_yaml("points: 100", "points: " + text)),
                   ["check", "s.yaml"], 1, r"error\[JF00\d\]")
    yield Case("total-huge", "numbers", write("s.yaml", sub_yaml("total: 100", "total: 1e300")),
               ["check", "s.yaml"], 1, r"error\[JF00\d\]")
    yield Case("units-count-huge", "numbers", write("s.assess", sub_assess("units 甲镇, 乙镇, 丙镇", "units 1e300")),
               ["check", "s.assess"], 1, r"error\[JF00\d\]")


def indicator(name, proves=None, owner="两办"):
    p = f"\n  proves {proves}" if proves else ""
    return f"indicator {name} {{\n  owner {owner}\n  points 1\n  score threshold target \"t\"{p}\n}}\n"


def semantic_cases():
    yield Case("self-proves", "semantics", write("s.assess", VALID + indicator("自查", "自查")),
               ["check", "s.assess"], 1, r"JF005")
    yield Case("mutual-proves", "semantics", write("s.assess", VALID + indicator("甲", "乙") + indicator("乙", "甲")),
               ["check", "s.assess"], 1, r"JF005")
    n = 3000
    chain = "".join(indicator(f"c{i}", f"c{(i + 1) % n}") for i in range(n))
    yield Case("long-cycle", "semantics", write("s.assess", VALID + chain), ["check", "s.assess"], 1, r"JF005",
               seconds=30)
    chain = lambda: VALID + "".join(indicator(f"c{i}", f"c{i + 1}") for i in range(40000))
    yield Case("long-chain", "semantics", write("s.assess", chain), ["check", "s.assess"], 1,
               r"JF\d{3}", seconds=30, mb=1200)
    undefined = "".join(indicator(f"u{i}", f"nope{i}", owner=f"部门{i}") for i in range(5000))
    yield Case("thousands-undefined", "semantics", write("s.assess", VALID + undefined), ["check", "s.assess"], 1,
               r"unknown|undefined|not defined", seconds=30)
    yield Case("duplicate-ids", "semantics", write("s.assess", VALID + indicator("人居环境") * 2000),
               ["check", "s.assess"], 1, r"JF00\d", seconds=30)
    # Rules that try to run forever or divide by zero fail alone (JF010).
    rule = ("rule X901 {name} {{\n  category volume\n  severity warning\n  summary en \"x\"\n{body}"
            "  at scheme\n  message en \"m {{{msg}}}\"\n}}\n")
    explode = rule.format(name="explode", msg="1", body="".join(
        f"  for x{i} in indicators\n" for i in range(8)) + "  when true\n")
    wide = VALID + "".join(indicator(f"w{i}") for i in range(30))
    yield Case("rule-step-budget", "semantics", many(write("s.assess", wide), write("x.rules", explode)),
               ["check", "s.assess", "--rules", "x.rules"], 1, r"JF010", seconds=60)
    divide = rule.format(name="divide", msg="1 / (count(indicators) - count(indicators))", body="  when true\n")
    yield Case("rule-divide-by-zero", "semantics", many(write("s.assess", VALID), write("x.rules", divide)),
               ["check", "s.assess", "--rules", "x.rules"], 1, r"JF010")
    regex = rule.format(name="regex", msg="1",
                        body='  for i in indicators\n  when i.name matches "(a+)+$"\n')
    yield Case("rule-regex-backtrack", "semantics",
               many(write("s.assess", sub_assess("人居环境 {", "人居环境 \"" + "a" * 60000 + "!\" {")), write("x.rules", regex)),
               ["check", "s.assess", "--rules", "x.rules"], 0, r"Checked 1 file")


def fs_cases():
    def unreadable(d):
        write("s.assess", VALID)(d)
        os.chmod(os.path.join(d, "s.assess"), 0)
    yield Case("unreadable", "filesystem", unreadable, ["check", "s.assess"], 2,
               r"s.assess: cannot be read", user="nobody")

    def loop(d):
        os.mkdir(os.path.join(d, "tree"))
        write("tree/s.assess", VALID)(d)
        os.symlink("..", os.path.join(d, "tree", "up"))
        os.symlink(".", os.path.join(d, "tree", "here"))
    yield Case("symlink-dir-loop", "filesystem", loop, ["check", "tree"], 0, r"Checked 1 file: no problems")

    def self_link(d):
        os.symlink("self.assess", os.path.join(d, "self.assess"))
    yield Case("symlink-self", "filesystem", self_link, ["check", "self.assess"], 2, r"self.assess:")

    def fifo(d):
        os.mkfifo(os.path.join(d, "pipe.assess"))
    yield Case("fifo", "filesystem", fifo, ["check", "pipe.assess"], 2, r"pipe.assess: not a regular file")

    def fifo_in_dir(d):
        os.mkdir(os.path.join(d, "tree"))
        write("tree/s.assess", VALID)(d)
        os.mkfifo(os.path.join(d, "tree", "pipe.assess"))
    # A walk checks regular files only: the FIFO is skipped, never opened.
    yield Case("fifo-in-dir", "filesystem", fifo_in_dir, ["check", "tree"], 0, r"Checked 1 file: no problems")

    yield Case("directory-as-file", "filesystem", lambda d: os.mkdir(os.path.join(d, "x.assess")),
               ["convert", "x.assess", "--to", "yaml"], 2, r"x.assess: is a directory")

    def read_only(d):
        write("s.assess", VALID)(d)
        os.mkdir(os.path.join(d, "ro"))
        os.chmod(os.path.join(d, "ro"), 0o555)
    yield Case("output-read-only-dir", "filesystem", read_only,
               ["check", "s.assess", "--format", "json", "-o", "ro/report.json"], 2, r"ro/report.json", user="nobody")
    yield Case("output-missing-dir", "filesystem", write("s.assess", VALID),
               ["check", "s.assess", "-o", "missing/report.txt"], 2, r"missing/report.txt")
    yield Case("output-is-input", "filesystem", write("s.assess", VALID),
               ["check", "s.assess", "-o", "s.assess"], 2, r"s.assess: the output file is one of the checked files")


def all_cases():
    for gen in (encoding_cases, size_cases, nesting_cases, yaml_cases, number_cases, semantic_cases, fs_cases):
        yield from gen()
    import reliability_cases  # issue 18: outputs, bounds, trust boundary, escaping
    yield from reliability_cases.all_reliability_cases()


if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else "adversarial-cases"
    for c in all_cases():
        d = os.path.join(out, c.name)
        os.makedirs(d, exist_ok=True)
        c.setup(d)
        print(f"{c.cls:10} {c.name:28} jianfu {' '.join(c.args)}  -> exit {c.code}")
