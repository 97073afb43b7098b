"""Issue 18 item 3: output linear in the input, whatever the input triggers."""
from cases import Case, VALID, write


def one_line_scheme(n):
    # Every indicator's owner is undeclared: n findings on one 70n-byte line.
    return ('scheme "x" { year 2025 total 100 units a, b } department d kind office ' +
            " ".join('indicator u%d { owner 部门%d points 1 score threshold target "t" }' % (i, i)
                     for i in range(n)) + "\n")


def allow_file(n):
    names = ", ".join("X%d" % i for i in range(n))
    return VALID.replace("department", "# jianfu: allow-file %s -- generated\n\ndepartment" % names, 1)


def bounds_cases():
    # 71 KB in; before: 106 MB out (4,000 indicators: 1.7 GB, 2.3 GB RSS). The quote is a window
    # around the span and the C++ structure checks are capped per rule.
    yield Case("one-line-many-findings", "bounds", write("s.assess", lambda: one_line_scheme(1000)),
               ["check", "s.assess"], 1, r"\d+ more findings of JF\d+ not shown", seconds=20, mb=300, out_kb=2048)
    yield Case("one-line-many-findings-json", "bounds", write("s.assess", lambda: one_line_scheme(1000)),
               ["check", "s.assess", "--format", "json"], 1, r"more findings of JF\d+ not shown", seconds=20, mb=300,
               out_kb=2048)
    # 300,000 unknown names: each a JF009, capped; matching is by hash.
    yield Case("allow-file-many-names", "bounds", write("s.assess", lambda: allow_file(300_000)),
               ["check", "s.assess"], 1, r"\d+ more findings of JF009 not shown", seconds=20, mb=600, out_kb=2048)
