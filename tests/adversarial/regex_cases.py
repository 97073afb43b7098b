"""Issue 18 item 4: the cost of `matches` has a bound a user can state
(docs/security.md): patterns of at most 1,000 RE2 instructions, and at most
2^30 bytes x instructions searched per rule and file."""
import random

from cases import Case, write, many

HEAD = 'scheme "x" {\n  year 2025\n  total %d\n  units a, b\n}\ndepartment d kind office\n'


def long_names(n):
    rnd = random.Random(1)
    return HEAD % n + "".join(
        'indicator i%d "%s" {\n  owner d\n  points 1\n  score threshold target "t"\n}\n'
        % (i, "".join(rnd.choice("ab") for _ in range(60000))) for i in range(n))


def matches_rule(pattern):
    return ('rule X1 re {\n  category volume\n  severity warning\n  summary en "x"\n  for a in indicators\n'
            '  where a.name matches "%s"\n  at a\n  message en "m"\n}\n' % pattern)


HUGE = "[ab]{999}[ab]{999}[ab]{999}[ab]{999}[ab]{999}c"   # 5,000 instructions: ~6-30 s per 60 KB
BIG = "[ab]{300}[ab]{300}[ab]{300}c"                      # 905 instructions: ~0.2 s per 60 KB


def regex_cases():
    yield Case("regex-program-too-complex", "regex", many(write("s.assess", lambda: long_names(2)),
                                                          write("x.rules", matches_rule(HUGE))),
               ["check", "s.assess", "--rules", "x.rules", "--no-builtin"], 2,
               r"regular expression too complex: \d+ instructions, above the limit of 1000", seconds=20)
    # The same pattern from an untrusted .jianfu.yaml alone (JF307's `patterns`).
    yield Case("regex-config-param-too-complex", "regex",
               many(write("s.assess", lambda: long_names(2)),
                    write(".jianfu.yaml", 'params:\n  JF307: {patterns: ["%s"]}\n' % HUGE)),
               ["check", "s.assess", "--select", "JF307,JF010"], 1, r"JF010.*regular expression too complex", seconds=20)
    # Allowed patterns, searched until the rule's regex work is spent.
    yield Case("regex-work-budget", "regex", many(write("s.assess", lambda: long_names(30)),
                                                  write("x.rules", matches_rule(BIG))),
               ["check", "s.assess", "--rules", "x.rules", "--no-builtin"], 1,
               r"JF010.*regular expressions searched more than 1073741824", seconds=30)
