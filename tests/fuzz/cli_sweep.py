#!/usr/bin/env python3
"""Runs mfplan over fuzzed inputs and checks what it prints (scripts/fuzz.sh runs it).

    cli_sweep.py MFPLAN MAX_FILES PLAN_DIR... -- TABLE_DIR...

For each plan file (the committed crashers first, then the largest of the other inputs, at
most MAX_FILES per side) every command runs with small Monte Carlo sizes, as text and as
--json; tables go through `stack --csv`, `capability` and `yield`. A run fails when:
  - it crashes or is killed (exit status not 0, 1 or 2; any sanitizer report on stderr),
  - it takes longer than 20 s,
  - a --json output does not parse as JSON,
  - any output holds a NaN or an infinity as printf writes them ("nan", "-nan", "inf"),
    unless it is the input's own text quoted back (a column named "[NaN]" in a message).
Exit status 1 when any run failed; each failure is printed with its command and the line.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

NONFINITE = re.compile(r'(?<![A-Za-z0-9_."\'-])[-+]?(nan|inf|infinity)(?![A-Za-z0-9_"\'-])', re.IGNORECASE)

PLAN_COMMANDS = [
    ["validate"], ["show", "--json"],
    ["decide", "--samples", "200"], ["decide", "--samples", "200", "--json"],
    ["schedule", "--iterations", "100"], ["schedule", "--iterations", "100", "--json"],
    ["schedule", "--export", "mspdi"], ["schedule", "--export", "ics"],
    ["schedule", "--export", "csv"], ["schedule", "--export", "mermaid"],
    ["stack", "--samples", "2000"], ["stack", "--samples", "2000", "--json"],
    ["capability"], ["capability", "--json"], ["yield", "--json"],
]
TABLE_COMMANDS = [
    ["stack", "--samples", "2000", "--csv"], ["stack", "--samples", "2000", "--json", "--csv"],
    ["capability"], ["capability", "--json"], ["yield", "--json"],
]


def pick(dirs, limit):
    """The committed crashers (first dir) all, then the largest files of the others."""
    files = []
    for k, d in enumerate(dirs):
        if not os.path.isdir(d):
            continue
        names = [os.path.join(d, n) for n in sorted(os.listdir(d)) if os.path.isfile(os.path.join(d, n))]
        if k > 0:
            names.sort(key=lambda p: -os.path.getsize(p))
        files.extend(names)
    return files[:limit] if limit >= 0 else files


def check(mf, argv, path, failures):
    cmd = [mf] + argv + [path]
    try:
        p = subprocess.run(cmd, capture_output=True, timeout=20)
    except subprocess.TimeoutExpired:
        failures.append((cmd, "took longer than 20 s"))
        return
    out = p.stdout.decode("utf-8", "replace")
    err = p.stderr.decode("utf-8", "replace")
    if p.returncode not in (0, 1, 2) or "Sanitizer" in err or "runtime error" in err:
        failures.append((cmd, "exit %d: %s" % (p.returncode, err.strip().splitlines()[-1:] if err else "")))
        return
    if "--json" in argv and p.returncode == 0 and out.strip():
        try:
            json.loads(out)
        except ValueError as e:
            failures.append((cmd, "JSON does not parse: %s" % e))
    with open(path, "rb") as f:
        given = f.read().decode("utf-8", "replace")
    for stream in (out, err):
        for line in stream.splitlines():
            if any(not echoed(line, m, given) for m in NONFINITE.finditer(line)):
                failures.append((cmd, "non-finite number: " + line.strip()[:200]))
                break


def echoed(line, m, given):
    """True when the match is the input's own text quoted back (a name or cell holding "NaN"
    that a message names): the match with 3 characters either side occurs in the input."""
    return line[max(0, m.start() - 3):m.end() + 3] in given


def main():
    mf, limit = sys.argv[1], int(sys.argv[2])
    rest = sys.argv[3:]
    split = rest.index("--") if "--" in rest else len(rest)
    plan_dirs, table_dirs = rest[:split], rest[split + 1:]
    failures = []
    runs = 0
    tmp = tempfile.mkdtemp(prefix="mf_sweep_")
    try:
        for src in pick(plan_dirs, limit):
            path = os.path.join(tmp, "plan.json")   # the CLI tells plans from tables by the name
            shutil.copyfile(src, path)
            for argv in PLAN_COMMANDS:
                check(mf, argv, path, failures)
                runs += 1
            for f in failures:
                f[0][-1] = src if f[0][-1] == path else f[0][-1]
        for src in pick(table_dirs, limit):
            path = os.path.join(tmp, "table.csv")
            shutil.copyfile(src, path)
            for argv in TABLE_COMMANDS:
                check(mf, argv, path, failures)
                runs += 1
            for f in failures:
                f[0][-1] = src if f[0][-1] == path else f[0][-1]
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    for cmd, why in failures:
        print("FAIL %s\n     %s" % (" ".join(cmd), why))
    print("%d runs, %d failures" % (runs, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
