"""Issue 18 item 5 (and the unreadable directory of item 7): a tree or a
.jianfu.yaml under review cannot make jianfu read, or print, other files."""
import os

from cases import Case, VALID, write, many

SECRET = "SECRET_TOKEN=ghp_example123\nline2\n"


def tree_with_link(d):
    os.makedirs(os.path.join(d, "repo", "schemes"))
    write("outside-secret.txt", SECRET)(d)
    write("repo/schemes/ok.assess", VALID)(d)
    os.symlink(os.path.join(d, "outside-secret.txt"), os.path.join(d, "repo", "schemes", "notes.assess"))


def tree_with_inner_link(d):
    os.makedirs(os.path.join(d, "repo", "schemes"))
    write("repo/schemes/ok.assess", VALID)(d)
    os.symlink("ok.assess", os.path.join(d, "repo", "schemes", "same.assess"))


def config_naming(path_text, extra=None):
    def go(d):
        os.makedirs(os.path.join(d, "repo"))
        write("outside-secret.txt", SECRET)(d)
        write("repo/s.assess", VALID)(d)
        text = path_text.replace("OUTSIDE", os.path.join(d, "outside-secret.txt"))
        write("repo/.jianfu.yaml", 'rules: ["%s"]\n' % text)(d)
        if extra:
            extra(d)
    return go


def trust_cases():
    yield Case("walk-symlink-out-of-tree", "trust", tree_with_link, ["check", "repo/schemes"], 2,
               r"notes.assess: a symlink to a file outside repo/schemes; not followed", forbid="SECRET_TOKEN")
    yield Case("walk-symlink-inside-tree", "trust", tree_with_inner_link, ["check", "repo/schemes"], 0,
               r"Checked 2 files: no problems")
    yield Case("config-rules-absolute", "trust", config_naming("OUTSIDE"), ["check", "repo/s.assess"], 2,
               r"is outside the config's directory tree", forbid="SECRET_TOKEN")
    yield Case("config-rules-dotdot", "trust", config_naming("../outside-secret.txt"), ["check", "repo/s.assess"], 2,
               r"rules: `../outside-secret.txt` is outside the config's directory tree", forbid="SECRET_TOKEN")
    yield Case("config-rules-root", "trust", config_naming("/"), ["check", "repo/s.assess"], 2,
               r"rules: `/` is outside the config's directory tree", seconds=5)
    yield Case("config-rules-not-rules-file", "trust",
               config_naming("notes.txt", write("repo/notes.txt", SECRET)), ["check", "repo/s.assess"], 2,
               r"rules: `notes.txt` is not a .rules file or a directory", forbid="SECRET_TOKEN")
    # The flag widens it: the file is then read as a rule pack (and fails to compile).
    yield Case("config-rules-trusted", "trust",
               config_naming("../x.rules", write("x.rules", "rule X1 r {\n")),
               ["check", "repo/s.assess", "--trust-config"], 2, r"x.rules:\d+:\d+: error")

    def unreadable_subdir(d):
        os.makedirs(os.path.join(d, "tree", "locked"))
        write("tree/s.assess", VALID)(d)
        write("tree/locked/t.assess", VALID)(d)
        os.chmod(os.path.join(d, "tree", "locked"), 0)
    yield Case("walk-unreadable-subdir", "trust", unreadable_subdir, ["check", "tree"], 2,
               r"tree/locked: cannot be listed: permission denied", user="nobody")
