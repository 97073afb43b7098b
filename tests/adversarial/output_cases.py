"""Issue 18 items 1-2: outputs never replace special files, symlinks or inputs.

Every case's inputs are hashed before and after by run_cases.py (symlinks by
their target, devices and FIFOs as "special"), so a device or link turned
into a regular file, or an input overwritten, fails the case.
"""
import os

from cases import Case, VALID, write, many

EXAMPLES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "examples")
RULE = ('rule X1 r1 {\n  category volume\n  severity warning\n  summary en "x"\n  when true\n'
        '  at scheme\n  message en "m"\n}\n')
BASELINE = '{"jianfu_baseline": 1, "findings": []}\n'
ONTO_INPUT = r"is the same file.*an input of this run; jianfu never writes over its inputs"


def symlink(target, name):
    return lambda d: os.symlink(target, os.path.join(d, name))


def copy_example(src, name):
    def go(d):
        with open(os.path.join(EXAMPLES, src), "rb") as f:
            write(name, f.read())(d)
    return go


_readers = []  # read ends held open while the cases run


def fifo_with_reader(d):
    os.mkfifo(os.path.join(d, "pipe"))
    # A reader already there, as `cat pipe &` would be; the report fits the
    # pipe's buffer, so nobody needs to drain it.
    _readers.append(os.open(os.path.join(d, "pipe"), os.O_RDONLY | os.O_NONBLOCK))


def special_target_cases():
    yield Case("output-symlink-to-dev-null", "output", many(write("s.assess", VALID), symlink("/dev/null", "null")),
               ["check", "s.assess", "-o", "null"], 0, r"^$")
    yield Case("baseline-symlink-to-dev-null", "output",
               many(write("s.assess", VALID), symlink("/dev/null", "null")),
               ["check", "s.assess", "--write-baseline", "null"], 0, r"Checked 1 file")
    yield Case("output-fifo", "output", many(write("s.assess", VALID), fifo_with_reader),
               ["check", "s.assess", "-o", "pipe"], 0, r"^$")
    # Nobody reads: an error at once, not a run that hangs.
    yield Case("output-fifo-no-reader", "output",
               many(write("s.assess", VALID), lambda d: os.mkfifo(os.path.join(d, "pipe"))),
               ["check", "s.assess", "-o", "pipe"], 2, r"pipe: a FIFO with no reader", seconds=10)
    if os.geteuid() == 0:  # a private device node, never the system's /dev/null
        def node(d):
            os.mknod(os.path.join(d, "null"), 0o666 | 0o020000, os.makedev(1, 3))
        yield Case("output-char-device", "output", many(write("s.assess", VALID), node),
                   ["check", "s.assess", "-o", "null"], 0, r"^$")
    # The link stays a link; the file it names gets the report.
    yield Case("output-symlink-to-file", "output",
               many(write("s.assess", VALID), write("real.txt", "old"), symlink("real.txt", "link.txt")),
               ["check", "s.assess", "-o", "link.txt"], 0, r"^$", outputs=["real.txt"])
    yield Case("output-dangling-symlink", "output", many(write("s.assess", VALID), symlink("nowhere/x", "link.txt")),
               ["check", "s.assess", "-o", "link.txt"], 2, r"link.txt: is a symlink to a missing file")
    yield Case("output-directory", "output", many(write("s.assess", VALID), lambda d: os.mkdir(os.path.join(d, "out"))),
               ["check", "s.assess", "-o", "out"], 2, r"out: is a directory")


def onto_input_cases():
    q = copy_example("qingshan-2025.assess", "q.assess")
    yield Case("convert-onto-input", "output", q, ["convert", "q.assess", "--to", "assess", "-o", "q.assess"], 2,
               ONTO_INPUT)
    yield Case("convert-onto-input-other-name", "output", many(q, lambda d: os.mkdir(os.path.join(d, "sub"))),
               ["convert", "q.assess", "--to", "yaml", "-o", "sub/../q.assess"], 2, r"an input of this run")
    yield Case("burden-onto-input", "output", q, ["burden", "q.assess", "-o", "q.assess"], 2, ONTO_INPUT)
    yield Case("import-onto-input", "output", copy_example("qingshan-2025-table.csv", "t.csv"),
               ["import", "t.csv", "-o", "t.csv", "--units", "a,b", "--total", "1000"], 2, ONTO_INPUT)
    yield Case("check-onto-rules", "output", many(q, write("y.rules", RULE)),
               ["check", "q.assess", "--rules", "y.rules", "-o", "y.rules"], 2, ONTO_INPUT)
    yield Case("check-onto-baseline", "output", many(q, write("base.json", BASELINE)),
               ["check", "q.assess", "--baseline", "base.json", "-o", "base.json"], 2, ONTO_INPUT)
    yield Case("check-onto-config", "output", many(q, write(".jianfu.yaml", "ignore: [JF205]\n")),
               ["check", "q.assess", "-o", ".jianfu.yaml"], 2, ONTO_INPUT)
    yield Case("baseline-onto-input", "output", q, ["check", "q.assess", "--write-baseline", "q.assess"], 2,
               r"q.assess: (is the same file|the output file is one of the checked files)")
    yield Case("output-and-baseline-same", "output", q,
               ["check", "q.assess", "-o", "same.txt", "--write-baseline", "same.txt"], 2,
               r"same.txt: also written as same.txt in this run")
    yield Case("output-and-baseline-same-existing", "output", many(q, write("same.txt", "keep")),
               ["check", "q.assess", "-o", "same.txt", "--write-baseline", "./same.txt"], 2,
               r"also written as same.txt in this run")


def all_output_cases():
    yield from special_target_cases()
    yield from onto_input_cases()
