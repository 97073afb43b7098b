#!/usr/bin/env python3
"""Summarises cost_probe lines (fuzz/cost_probe.cpp) into the worst ratios
the cost constants must cover (docs/security.md, "How the constants were
calibrated"):

  fuzz/calibrate.py PROBE_OUTPUT...

  base ns/byte   the check without rules, per input byte (files of >= 4 KiB;
                 smaller ones are the fixed cost, reported as its largest)
  ns/step        the rules' extra time per step charged (>= 100,000 steps,
                 where the regex work is under a tenth of the time at 1 ns a unit)
  ns/unit        the rules' extra time per regex unit, all of it counted
                 against the units (>= 10^7 units)
  out/byte       each format's bytes per input byte (files of >= 4 KiB)

Each line names the file that set the worst value, so it can be looked at.
"""
import sys


def rows(paths):
    for p in paths:
        with open(p, encoding="utf-8") as f:
            header = None
            for line in f:
                cells = line.rstrip("\n").split("\t")
                if cells[0] == "path":
                    header = cells
                    continue
                if header is None or len(cells) != len(header):
                    continue
                yield {k: (v if k == "path" else int(v)) for k, v in zip(header, cells)}


def worst(items):
    items = [i for i in items if i is not None]
    return max(items) if items else None


def show(label, best):
    if best is None:
        print(f"{label:<24} (no file qualifies)")
    else:
        print(f"{label:<24} {best[0]:>14.3f}   {best[1]}")


def main():
    data = list(rows(sys.argv[1:]))
    if not data:
        sys.exit("calibrate.py: no cost_probe lines")
    formats = [k for k in data[0] if k not in ("path", "bytes", "base_us", "rules_us", "steps", "units")]
    print(f"{len(data)} files")
    show("fixed base us (< 4 KiB)", worst((r["base_us"], r["path"]) for r in data if r["bytes"] < 4096))
    show("base ns/byte", worst((r["base_us"] * 1000 / r["bytes"], r["path"]) for r in data if r["bytes"] >= 4096))
    show("rules us, no steps", worst((r["rules_us"], r["path"]) for r in data if r["steps"] < 100_000))
    show("ns/step", worst((r["rules_us"] * 1000 / r["steps"], r["path"]) for r in data
                          if r["steps"] >= 100_000 and r["units"] < r["rules_us"] * 100))
    show("ns/unit", worst((r["rules_us"] * 1000 / r["units"], r["path"]) for r in data if r["units"] >= 10**7))
    show("most steps", worst((r["steps"], r["path"]) for r in data))
    show("most units", worst((r["units"], r["path"]) for r in data))
    show("most CPU s (base+rules)", worst(((r["base_us"] + r["rules_us"]) / 1e6, r["path"]) for r in data))
    for f in formats:
        show(f"{f} bytes (< 4 KiB)", worst((r[f], r["path"]) for r in data if r["bytes"] < 4096))
        show(f"{f} out/byte", worst((r[f] / r["bytes"], r["path"]) for r in data if r["bytes"] >= 4096))


if __name__ == "__main__":
    main()
