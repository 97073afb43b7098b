#!/usr/bin/env python3
"""Runs the adversarial corpus (cases.py) against a jianfu binary.

  run_cases.py JIANFU [--sanitized] [--only REGEX] [--shard K/N] [--keep DIR]

For every case: the documented exit code, a diagnostic naming the problem,
the time bound, the memory bound (peak RSS of the process, from wait4) and
every input file byte-for-byte unchanged (SHA-256 before and after). Under
--sanitized (ASan/UBSan build) the bounds are scaled: those builds are
several times slower and larger. --shard K/N runs the Kth of N parts, which
ctest runs side by side; the parts are balanced by the cases' time bounds
(the slow cases have the larger bounds). Exits 1 listing every failed case.
"""
import argparse
import hashlib
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cases  # noqa: E402


def hashes(d):
    """SHA-256 of every regular file under d (symlinks not followed)."""
    out = {}
    for root, dirs, files in os.walk(d):
        for f in files:
            p = os.path.join(root, f)
            if os.path.islink(p) or not os.path.isfile(p):
                out[p] = os.readlink(p) if os.path.islink(p) else "special"
                continue
            mode = os.stat(p).st_mode
            os.chmod(p, 0o600)  # root may read anyway; a 000 file is hashed too
            h = hashlib.sha256()
            with open(p, "rb") as fh:
                for block in iter(lambda: fh.read(1 << 20), b""):
                    h.update(block)
            os.chmod(p, mode)
            out[p] = h.hexdigest()
    return out


def run(cmd, cwd, seconds):
    """Runs cmd; returns (exit code, output, seconds, peak RSS in MB, timed out).
    The RSS comes from /usr/bin/time: a child forked from Python inherits
    Python's peak RSS in its own rusage."""
    rss_file = os.path.join(tempfile.gettempdir(), f"jianfu-adv-rss-{os.getpid()}")
    cmd = ["/usr/bin/time", "-f", "%M", "-o", rss_file] + cmd
    with tempfile.TemporaryFile() as out:
        start = time.monotonic()
        p = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                             start_new_session=True)
        timed_out = False
        while True:
            pid, status, usage = os.wait4(p.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - start > seconds:
                timed_out = True
                os.killpg(p.pid, signal.SIGKILL)
                pid, status, usage = os.wait4(p.pid, 0)
                break
            time.sleep(0.02)
        p.returncode = 0  # reaped by wait4
        elapsed = time.monotonic() - start
        code = os.waitstatus_to_exitcode(status)
        out.seek(0)
        raw = out.read()
        text = raw.decode("utf-8", "replace")
    try:
        with open(rss_file) as f:
            rss_kb = int(f.read().split()[-1])
        os.remove(rss_file)
    except (OSError, ValueError, IndexError):
        rss_kb = usage.ru_maxrss
    return code, text, elapsed, rss_kb / 1024, timed_out, raw


def as_user(user):
    """A command prefix running as `user` when we are root (root ignores modes)."""
    if user is None or os.geteuid() != 0:
        return []
    return ["setpriv", f"--reuid={user}", f"--regid={user if user != 'nobody' else 'nogroup'}", "--clear-groups"]


def check_case(c, jianfu, args, base):
    d = os.path.join(base, c.name)
    os.makedirs(d)
    c.setup(d)
    if c.user and os.geteuid() == 0:
        shutil.chown(base, c.user)
        os.chmod(base, 0o755)
        os.chmod(d, 0o777)  # the case's own files keep their modes
    before = hashes(d)
    seconds = c.seconds * (6 if args.sanitized else 1)
    mb = c.mb * (4 if args.sanitized else 1)
    cmd = as_user(c.user) + [jianfu, "--lang", "en"] + c.args
    code, text, elapsed, rss, timed_out, raw = run(cmd, d, seconds)
    problems = []
    if timed_out:
        problems.append(f"still running after {seconds:.0f} s (killed)")
    elif code != c.code:
        problems.append(f"exit {code}, expected {c.code}")
    if not re.search(c.expect, text):
        problems.append(f"output does not match /{c.expect}/")
    if c.forbid and re.search(c.forbid, text):
        problems.append(f"output matches the forbidden /{c.forbid}/")
    if re.search(r"AddressSanitizer|runtime error:|LeakSanitizer|terminate called|Segmentation", text):
        problems.append("crash or sanitizer report")
    if c.out_kb is not None and len(text.encode()) > c.out_kb * 1024:
        problems.append(f"output {len(text.encode()) // 1024} KB above {c.out_kb} KB")
    if c.verify and not timed_out:
        problem = c.verify(d, raw)
        if problem:
            problems.append(problem)
    if rss > mb:
        problems.append(f"peak RSS {rss:.0f} MB above {mb} MB")
    after = hashes(d)
    changed = sorted(p for p in before if before[p] != after.get(p) and os.path.relpath(p, d) not in c.outputs)
    if changed:
        problems.append("input changed: " + ", ".join(os.path.relpath(p, d) for p in changed))
    return problems, code, elapsed, rss, text


def shard_of(all_cases, only, shard, shards):
    """The cases of part `shard` (1-based) of `shards`, in corpus order: the
    longest bounds first, each case to the part with the least total bound."""
    selected = [c for c in all_cases if not only or re.search(only, c.name)]
    load, mine = [0.0] * shards, []
    for i, c in sorted(enumerate(selected), key=lambda x: (-x[1].seconds, x[0])):
        k = min(range(shards), key=lambda s: load[s])
        load[k] += c.seconds
        if k == shard - 1:
            mine.append(i)
    return [selected[i] for i in sorted(mine)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("jianfu")
    ap.add_argument("--sanitized", action="store_true")
    ap.add_argument("--only", default="")
    ap.add_argument("--keep", default="")
    ap.add_argument("--shard", default="1/1", help="K/N: the Kth of N parts balanced by time bound")
    args = ap.parse_args()
    shard, shards = (int(x) for x in args.shard.split("/"))
    if not 1 <= shard <= shards:
        ap.error(f"--shard {args.shard}: K must be between 1 and N")
    jianfu = os.path.abspath(args.jianfu)
    base = args.keep or tempfile.mkdtemp(prefix="jianfu-adversarial-")
    os.makedirs(base, exist_ok=True)
    os.chmod(base, 0o755)
    failed, classes = [], {}
    try:
        for c in shard_of(cases.all_cases(), args.only, shard, shards):
            problems, code, elapsed, rss, text = check_case(c, jianfu, args, base)
            classes.setdefault(c.cls, [0, 0])[0 if not problems else 1] += 1
            status = "ok  " if not problems else "FAIL"
            print(f"{status} {c.cls:10} {c.name:28} exit {code}  {elapsed:6.2f} s  {rss:7.1f} MB", flush=True)
            if problems:
                failed.append(c.name)
                for p in problems:
                    print(f"       {p}")
                print("       output: " + text[:1500].replace("\n", "\n               "))
    finally:
        if not args.keep:
            shutil.rmtree(base, ignore_errors=True)
    print("classes: " + ", ".join(f"{k} {v[0]}/{v[0] + v[1]}" for k, v in classes.items()))
    if failed:
        print(f"{len(failed)} case(s) failed: {' '.join(failed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
