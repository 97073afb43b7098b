#!/usr/bin/env python3
"""`jianfu report` in a real browser: headless Debian Chromium opens the page
as an office PC would (a file, no network) and the test checks what a reader
gets. One case per run, so ctest lists them apart:

  console      the shipped examples open with no console error, no CSP
               violation, no uncaught exception (and the scanner itself is
               shown to catch a violation on a page made to have one)
  dom          the DOM holds every finding of `check --format json` (rule and
               line), in the order of the page's sections
  hostile      a scheme full of markup reaches the DOM as text only
  print        "Print → PDF" gives A4 pages, more than one
  screenshots  the shipped examples look as the stored screenshots do, within
               a tolerance; JIANFU_UPDATE_GOLDEN=1 rewrites them (and the
               README's docs/images/qingshan-report.png)

Without Chromium the case is skipped (exit 77, a GTEST-style message) unless
JIANFU_REQUIRE_BROWSER is set, as `make test` does: then it fails."""
import argparse
import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import png_compare  # noqa: E402

SKIP = 77
EXAMPLES = ["qingshan-2025.assess", "reformed-2025.assess", "huaxi-2025.yaml"]
HOSTILE = """scheme "<script>alert('name')</script>\\"><img src=x onerror=alert(1)>" {
  year 2025
  total 100
  units 甲镇, 乙镇, 丙镇
}
department 两办 "<script>alert('dept')</script>" kind office
department 局一 "\\"><img src=x onerror=alert(2)>" kind line
group 经济 {
  indicator 收入 "<b onmouseover=alert(3)>收入</b><iframe src=x>" {
    owner 两办
    points 60
    score rank
    penalty bottom 1 -> interview
  }
  indicator 招商 "</td></tr></table><svg onload=alert(4)>" {
    owner 局一
    points 40
    score threshold target "<style>*{display:none}</style>"
  }
}
"""
# The YAML form lets ids, units and event names hold anything too.
HOSTILE_YAML = """scheme:
  name: "<script>alert(0)</script>"
  total: 100
  units: ["<img src=x onerror=alert(1)>", "乙镇", "丙镇"]
departments:
  - {id: "<b>d</b>", name: "\\"><svg onload=alert(2)>", kind: line}
indicators:
  - id: "<iframe src=x>"
    name: "</td><script>alert(3)</script>"
    group: "<style>*{display:none}</style>"
    owner: "<b>d</b>"
    points: 100
    score: {mode: rank}
    report: {frequency: weekly, forms: 1}
    deductions: [{points: 1, per: "<u>late</u>"}]
    penalties: [{when: bottom 1, actions: [interview]}]
"""
# What a broken page makes Chromium log (`[…:INFO:CONSOLE:LINE] "message", source: …`,
# severity not shown): the page runs no script, so any console message at all
# is the browser's about the page (a CSP refusal, an error), as are these.
BAD_LOG = re.compile(r":CONSOLE[:(]|Uncaught|Content Security Policy|Refused to")


class Fail(Exception):
    pass


def chromium():
    for name in (os.environ.get("JIANFU_CHROMIUM"), "chromium", "chromium-browser", "google-chrome"):
        if name and shutil.which(name):
            return shutil.which(name)
    return None


def run_browser(browser, profile, page, *action):
    cmd = [browser, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           "--disable-default-apps", "--hide-scrollbars", "--force-device-scale-factor=1",
           "--enable-logging=stderr", "--v=0", f"--user-data-dir={profile}", *action, "file://" + page]
    r = subprocess.run(cmd, capture_output=True, timeout=120)
    if r.returncode != 0:
        raise Fail(f"chromium exited {r.returncode}: {r.stderr.decode(errors='replace')[-2000:]}")
    return r.stdout.decode("utf-8", errors="replace"), r.stderr.decode("utf-8", errors="replace")


def jianfu(binary, *args, expect=0, cwd=None):
    r = subprocess.run([binary, *args], capture_output=True, timeout=120, cwd=cwd)
    if r.returncode != expect:
        raise Fail(f"jianfu {' '.join(args)} exited {r.returncode}, not {expect}: {r.stderr.decode(errors='replace')}")
    return r.stdout.decode("utf-8")


def report(ctx, scheme, name, *extra):
    """The page for `scheme`, made in the source directory with paths relative
    to it where they are inside it, so no machine's paths show on the page."""
    def rel(path):
        r = os.path.relpath(path, ctx.source)
        return path if r.startswith("..") else r
    out = os.path.join(ctx.work, name + ".html")
    jianfu(ctx.jianfu, "report", rel(scheme), "-o", out, *[rel(a) if os.path.isabs(a) else a for a in extra],
           cwd=ctx.source)
    return out


class Dom(html.parser.HTMLParser):
    """Elements of the dumped DOM: tag names, attributes, findings in order."""

    def __init__(self):
        super().__init__()
        self.tags, self.findings, self.sections, self.handlers = [], [], [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append(tag)
        self.handlers += [(tag, k) for k in a if k.lower().startswith("on")]
        if tag == "details" and "data-rule" in a:
            self.findings.append((a["data-rule"], int(a["data-line"])))
        if tag == "section":
            self.sections.append(a.get("id"))


def parse_dom(text):
    d = Dom()
    d.feed(text)
    return d


def console_errors(log):
    return [line for line in log.splitlines() if BAD_LOG.search(line)]


def case_console(ctx):
    # The scanner must see a CSP violation where there is one, or a quiet log
    # proves nothing: a page whose inline style the policy refuses, as it
    # would refuse the report's if the hash were wrong.
    probe = os.path.join(ctx.work, "csp-probe.html")
    with open(probe, "w") as f:
        f.write("<!DOCTYPE html><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\">"
                "<style>body{color:red}</style><p>probe</p>")
    _, log = run_browser(ctx.browser, ctx.profile, probe, "--dump-dom")
    if not console_errors(log):
        raise Fail("the log scanner saw nothing on a page with a CSP violation; the browser's log format changed?\n" + log)
    for ex in EXAMPLES:
        page = report(ctx, os.path.join(ctx.source, "examples", ex), ex)
        _, log = run_browser(ctx.browser, ctx.profile, page, "--dump-dom")
        bad = console_errors(log)
        if bad:
            raise Fail(f"{ex}: console errors:\n" + "\n".join(bad))
        print(f"[       OK ] {ex}: no console error, no CSP violation")


def case_dom(ctx):
    for ex in EXAMPLES:
        scheme = os.path.join(ctx.source, "examples", ex)
        expected = sorted((d["rule"], d["line"]) for d in json.loads(
            jianfu(ctx.jianfu, "check", "--format", "json", "--fail-on", "never", scheme))["diagnostics"])
        extra = []
        if ex.startswith("qingshan"):
            extra = ["--data", os.path.join(ctx.source, "examples", "qingshan-2025-results.csv"),
                     "--against", os.path.join(ctx.source, "examples", "reformed-2025.assess")]
        dom_text, _ = run_browser(ctx.browser, ctx.profile, report(ctx, scheme, ex, *extra), "--dump-dom")
        dom = parse_dom(dom_text)
        if sorted(dom.findings) != expected:
            missing = sorted(set(expected) - set(dom.findings))
            extra_f = sorted(set(dom.findings) - set(expected))
            raise Fail(f"{ex}: findings differ from check --format json: missing {missing}, unexpected {extra_f} "
                       f"({len(dom.findings)} on the page, {len(expected)} in JSON)")
        want = ["summary", "scheme", "charts"] + (["diff", "scores"] if extra else [])
        if dom.sections != want:
            raise Fail(f"{ex}: sections {dom.sections}, expected {want}")
        if "script" in dom.tags:
            raise Fail(f"{ex}: the page holds a script element")
        print(f"[       OK ] {ex}: {len(expected)} findings on the page, sections {', '.join(want)}")


def check_hostile(ctx, name, text, shown):
    scheme = os.path.join(ctx.work, name)
    with open(scheme, "w") as f:
        f.write(text)
    dom_text, log = run_browser(ctx.browser, ctx.profile, report(ctx, scheme, name), "--dump-dom")
    dom = parse_dom(dom_text)
    for tag, allowed in (("script", 0), ("img", 0), ("iframe", 0), ("u", 0), ("style", 1)):  # 1: the page's own
        if dom.tags.count(tag) > allowed:
            raise Fail(f"{name}: {dom.tags.count(tag)} <{tag}> elements reached the DOM")
    if dom.handlers:
        raise Fail(f"{name}: event handler attributes reached the DOM: {dom.handlers}")
    for text in shown:
        if text not in dom_text:
            raise Fail(f"{name}: {text!r} is not shown as text")
    if console_errors(log):
        raise Fail(f"{name}: console errors:\n" + "\n".join(console_errors(log)))
    print(f"[       OK ] {name}: markup shown as text, no element or handler from it")


def case_hostile(ctx):
    check_hostile(ctx, "hostile.assess", HOSTILE,
                  ["&lt;script&gt;alert('name')&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;",
                   "&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;svg onload=alert(4)&gt;"])
    check_hostile(ctx, "hostile.yaml", HOSTILE_YAML,
                  ["&lt;script&gt;alert(0)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;",
                   "&lt;style&gt;*{display:none}&lt;/style&gt;", "&lt;u&gt;late&lt;/u&gt;"])


def case_print(ctx):
    page = report(ctx, os.path.join(ctx.source, "examples", "qingshan-2025.assess"), "print",
                  "--data", os.path.join(ctx.source, "examples", "qingshan-2025-results.csv"))
    pdf = os.path.join(ctx.work, "qingshan.pdf")
    run_browser(ctx.browser, ctx.profile, page, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    data = open(pdf, "rb").read()
    pages = len(re.findall(rb"/Type\s*/Page(?![s\w])", data))
    if pages <= 1:
        raise Fail(f"the printed report has {pages} page(s)")
    # A4 is 595.28 × 841.89 points; Chromium rounds to its own units.
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    if not boxes or any(abs(float(w) - 595.3) > 2 or abs(float(h) - 841.9) > 2 for w, h in boxes):
        raise Fail(f"pages are not A4: {sorted(set(boxes))[:3]}")
    print(f"[       OK ] printed to {pages} A4 pages")


def case_screenshots(ctx):
    golden_dir = os.path.join(ctx.source, "tests", "golden", "report")
    update = os.environ.get("JIANFU_UPDATE_GOLDEN") == "1"
    failures = []
    for ex in EXAMPLES:
        page = report(ctx, os.path.join(ctx.source, "examples", ex), ex)
        shot = os.path.join(ctx.work, ex + ".png")
        run_browser(ctx.browser, ctx.profile, page, f"--screenshot={shot}", "--window-size=1100,1400",
                    "--virtual-time-budget=3000")
        got = open(shot, "rb").read()
        golden = os.path.join(golden_dir, os.path.splitext(ex)[0] + ".png")
        if update:
            os.makedirs(golden_dir, exist_ok=True)
            shutil.copyfile(shot, golden)
            if ex.startswith("qingshan"):
                shutil.copyfile(shot, os.path.join(ctx.source, "docs", "images", "qingshan-report.png"))
            print(f"[  UPDATED ] {golden}")
            continue
        if not os.path.exists(golden):
            failures.append(f"{ex}: no stored screenshot {golden} (run with JIANFU_UPDATE_GOLDEN=1)")
            continue
        mean, share = png_compare.difference(got, open(golden, "rb").read())
        # Generous: fonts and anti-aliasing differ between machines; a layout
        # change, a lost stylesheet or a missing section does not fit.
        if mean > 8 or share > 0.08:
            kept = os.path.join(ctx.keep, os.path.basename(golden))
            shutil.copyfile(shot, kept)
            failures.append(f"{ex}: screenshot differs (mean grey difference {mean:.1f}, {share:.1%} of cells "
                            f"changed; limits 8 and 8%); this run's screenshot: {kept}")
        else:
            print(f"[       OK ] {ex}: screenshot within tolerance (mean {mean:.1f}, {share:.1%} cells)")
    if failures:
        raise Fail("\n".join(failures))


CASES = {"console": case_console, "dom": case_dom, "hostile": case_hostile, "print": case_print,
         "screenshots": case_screenshots}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("case", choices=sorted(CASES))
    ap.add_argument("--jianfu", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--keep", default=tempfile.gettempdir(), help="where a failing screenshot is kept")
    args = ap.parse_args()
    browser = chromium()
    if not browser:
        if os.environ.get("JIANFU_REQUIRE_BROWSER"):
            print("[  FAILED  ] chromium not found and JIANFU_REQUIRE_BROWSER is set (scripts/install-deps installs it)")
            return 1
        print("[  SKIPPED ] chromium not found: browser tests skipped (apt-get install chromium, "
              "or set JIANFU_CHROMIUM)")
        return SKIP
    with tempfile.TemporaryDirectory(prefix="jianfu-browser-") as work:
        args.work, args.browser, args.profile = work, browser, os.path.join(work, "profile")
        try:
            CASES[args.case](args)
        except (Fail, subprocess.TimeoutExpired, ValueError, OSError) as e:
            print(f"[  FAILED  ] {args.case}: {e}")
            return 1
    print(f"[  PASSED  ] {args.case}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
