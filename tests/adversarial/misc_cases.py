"""Issue 18 item 7: the smaller items. Every input file gets the byte checks
schemes get; flags that would wrap or write an unparsable scheme are refused;
system errors are named as what they are."""
import os

from cases import Case, VALID, write, many

EXAMPLES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "examples")
RULE = ('rule X1 r1 {\n  category volume\n  severity warning\n  summary en "x"\n  when true\n'
        '  at scheme\n  message en "m\0"\n}\n')


def example(src, name, edit=None):
    def go(d):
        with open(os.path.join(EXAMPLES, src), "rb") as f:
            data = f.read()
        write(name, edit(data) if edit else data)(d)
    return go


def misc_cases():
    yield Case("max-file-size-negative", "misc", write("s.assess", VALID), ["check", "s.assess", "--max-file-size", "-1"],
               2, r"--max-file-size.*not a number of bytes")
    yield Case("rules-nul", "misc", many(write("s.assess", VALID), write("x.rules", RULE)),
               ["check", "s.assess", "--rules", "x.rules"], 2, r"x.rules:\d+:\d+: error .*control character 0x00 at byte")
    yield Case("config-nul", "misc", many(write("s.assess", VALID), write(".jianfu.yaml", "ignore: [JF2\0]\n")),
               ["check", "s.assess"], 2, r"\.jianfu\.yaml:1:\d+: error.*control character 0x00 at byte 12")
    yield Case("results-nul", "misc",
               many(example("qingshan-2025.assess", "q.assess"),
                    example("qingshan-2025-results.csv", "r.csv", lambda b: b.replace(b"82.3", b"82\x003", 1))),
               ["score", "q.assess", "--data", "r.csv"], 2, r"control character 0x00 at byte")
    yield Case("import-total-nan", "misc", example("qingshan-2025-table.csv", "t.csv"),
               ["import", "t.csv", "--units", "a,b", "--total", "nan"], 2, r"--total nan: give a positive number")
    yield Case("symlink-loop-named", "misc", lambda d: os.symlink("self.assess", os.path.join(d, "self.assess")),
               ["check", "self.assess"], 2, r"self.assess: too many levels of symbolic links")
    yield Case("name-too-long", "misc", write("s.assess", VALID), ["check", "a" * 300 + ".assess"], 2,
               r"\.assess: file name too long")

    def locked(d):
        os.mkdir(os.path.join(d, "locked"))
        write("locked/s.assess", VALID)(d)
        os.chmod(os.path.join(d, "locked"), 0)
    yield Case("path-permission-denied", "misc", locked, ["check", "locked/s.assess"], 2,
               r"locked/s.assess: permission denied", user="nobody")
    if os.geteuid() == 0:  # a private /dev/full
        def full(d):
            write("s.assess", VALID)(d)
            os.mknod(os.path.join(d, "full"), 0o666 | 0o020000, os.makedev(1, 7))
        yield Case("output-no-space", "misc", full, ["check", "s.assess", "-o", "full"], 2,
                   r"full: write failed: no space left on device")
