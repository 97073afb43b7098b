"""What the whole-process benchmark scripts (compare, scale) share."""
import os, statistics, subprocess, tempfile, time


def sh(cmd, **kw):
    kw.setdefault("check", False)
    return subprocess.run(cmd, **kw)


def timed(cmd, runs):
    """Median wall s, CPU s (user + sys) and peak RSS MB of `runs` runs. CPU
    comes from wait4 (µs resolution, the tool's processes included); peak RSS
    from /usr/bin/time's %M, since a child forked from this Python process
    would inherit Python's own high-water mark."""
    walls, cpus, rss = [], [], []
    for _ in range(runs):
        with tempfile.NamedTemporaryFile(mode="r") as t:
            t0 = time.perf_counter()
            p = subprocess.Popen(["/usr/bin/time", "-o", t.name, "-f", "%M"] + cmd,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            _, status, ru = os.wait4(p.pid, 0)
            walls.append(time.perf_counter() - t0)
            p.returncode = os.waitstatus_to_exitcode(status)
            cpus.append(ru.ru_utime + ru.ru_stime)
            rss.append(int(t.read().split()[-1]) / 1024)
    return statistics.median(walls), statistics.median(cpus), statistics.median(rss)
