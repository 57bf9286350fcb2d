#!/usr/bin/env python3
"""bench.py -- `make bench`: liftlog's speed against the physical floor, awk,
ledger and hledger, in one run.  Not part of `make check`.

    make bench                                 1, 100 and 400 MB, and the team
    make bench BENCH_SIZES="1 100"             shorter
    make bench BENCH_LIFTLOG=/other/liftlog    another binary
    python3 tests/bench/bench.py [--liftlog PATH] [--sizes "1 100 400"]
        [--team N] [--no-install] [--out DIR]

What one run does:

 1. Tools.  hyperfine, ledger, hledger and GNU time are installed with
    apt-get when missing (as root, or through `sudo -n`); one that cannot be
    installed is skipped with a note (without hyperfine the bench times the
    runs itself).
    tests/bench/floor.c is built with $CC -O2 and `pkg-config libpcre2-8`.
 2. Input, made by tests/bench/gen.py (seeded: the same bytes every time)
    into build/bench/ (never committed), and made again only when gen.py or
    a size changes:
      journal-SMB.journal   a runner who lifts, about S x 10^6 bytes: 3 lift
                            sessions a week (4-6 exercises, readiness, notes),
                            4 runs, declared exercises, aliases, phases;
                            valid (`check --strict` is silent)
      journal-SMB.ledger    the same sessions for ledger and hledger, with the
                            same number of lines (a transaction per session,
                            a posting per exercise line or run)
      journal-SMB.today     the day after the last session: every liftlog
                            command gets it as --today
      team/athlete-NNNN.journal   1000 journals of about 100 kB, kg and lb,
                            weeks starting Monday and Sunday (--today
                            2026-11-23 for all)
 3. Timing.  Each command runs once as a probe under /usr/bin/time (its
    exit status, and its peak RSS: what `time -v` calls "Maximum resident
    set size"), then `hyperfine -N --export-json` runs it again several
    times: as many as fit in about 8 s, at least 3, at most 30 (at most 10
    from 0.1 s a run, at most 3 at 400 MB); a command whose probe took 30 s
    or more is not repeated (runs: 1).  Standard output goes to
    /dev/null, standard error to a file; LC_ALL=C.UTF-8.  The commands, per
    size: the floor, `wc -l`, the awk baseline (tests/bench/tonnage.awk:
    tonnage per exercise), `liftlog check`, `progress -o csv`, `weekly -o
    csv`, `deload -o csv`, `sessions -o csv` (not named by the issue, but a
    report too), `export -o csv`, `ledger -f F bal` and `hledger
    -f F bal` on the twin (hledger only up to 100 MB: it needs about 75 MB of
    memory per MB of journal).  Start-up: `liftlog --version`, `check` of an
    empty journal and of the 1 MB one (target: under 10 ms).  The team: the
    floor, awk, `check FILES` (all files as one journal: it reports errors,
    as the files repeat `unit` and the exercise declarations), `check --each
    FILES` and `weekly --each -o csv FILES` ("n/a" when that fails).
    Then, on the 100 MB journal (or the largest size below it), the
    floor and the six liftlog commands run in turn, 21 rounds (63 below
    10 MB), the floor right before each command: the ratio of each command
    to the floor run just before it, whose median over the rounds is
    printed, does not move with the machine's speed from one minute to the
    next as the ratio of two hyperfine blocks does.
 4. Output: ONE table on standard output, the same in build/bench/results.md
    with the date, the machine (nproc, CPU, memory) and the versions, for the
    README; hyperfine's JSON in build/bench/json/.

Columns: wall time is the median; MB/s and lines/s are the input's bytes
(10^6 a MB) and lines over that median; peak RSS is in MiB; "x floor" and
"x awk" divide the median by the floor's and the awk baseline's on the same
liftlog input (for ledger and hledger too: their twin has the same lines).
Before the timing, a cross-check on the 1 MB journal compares the
tonnage per exercise of liftlog progress, awk, ledger and hledger: the four
must agree, so that the comparison is between programs doing the same sum.

On 2 cores the whole run takes about 12-15 minutes the first time
(generating 500 MB takes one of them) and less afterwards.
"""

import argparse
import csv
import datetime
import glob
import hashlib
import io
import json
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
GEN = os.path.join(HERE, "gen.py")
AWK_SCRIPT = os.path.join(HERE, "tonnage.awk")
FLOOR_C = os.path.join(HERE, "floor.c")
TEAM_TODAY = "2026-11-23"
TEAM_KB = 100
SLOW = 30.0         # a probe this long is the only run
ALT_ROUNDS = 21     # rounds of the floor and liftlog alternated
BUDGET = 8.0        # seconds of repetitions per command, about
ENV = dict(os.environ, LC_ALL="C.UTF-8", NO_COLOR="1")
for var in ("LIFTLOG_FILE", "LIFTLOG_TODAY", "LEDGER_FILE", "LEDGER"):
    ENV.pop(var, None)

notes = []
TIME = None         # GNU time, for the peak RSS
LOAD = 0.0          # the load average when the bench started


def say(msg):
    sys.stderr.write("bench: %s\n" % msg)
    sys.stderr.flush()


def rel(path):
    """A path as short as it can be, for the commands shown."""
    r = os.path.relpath(path)
    return r if not r.startswith("..") else path


# ---------------------------------------------------------------- tools

def apt_install(pkg, log):
    """apt-get install PKG (apt-get update first when that fails)."""
    if not shutil.which("apt-get"):
        return "no apt-get here"
    if os.geteuid() == 0:
        pre = []
    elif shutil.which("sudo") and subprocess.run(
            ["sudo", "-n", "true"], stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL).returncode == 0:
        pre = ["sudo", "-n"]
    else:
        return "not root and no password-less sudo"
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    cmd = pre + ["apt-get", "install", "-y", "-q", "--no-install-recommends",
                 pkg]
    with open(log, "ab") as f:
        if subprocess.run(cmd, stdout=f, stderr=f, env=env).returncode == 0:
            return None
        subprocess.run(pre + ["apt-get", "update", "-q"], stdout=f,
                       stderr=f, env=env)
        if subprocess.run(cmd, stdout=f, stderr=f, env=env).returncode == 0:
            return None
    return "apt-get install %s failed (see %s)" % (pkg, rel(log))


def tools(out, install):
    global TIME
    have = {}
    # GNU time (package time) for the peak RSS; then the other tools
    for tool, pkg in (("/usr/bin/time", "time"), ("hyperfine", "hyperfine"),
                      ("ledger", "ledger"), ("hledger", "hledger")):
        if not shutil.which(tool) and install:
            say("installing %s with apt-get" % pkg)
            why = apt_install(pkg, os.path.join(out, "apt.log"))
            if why:
                say(why)
        have[pkg] = shutil.which(tool) is not None
        if have[pkg]:
            continue
        if pkg == "time":
            notes.append("GNU time: not installed; the peak RSS is wait4's,"
                         " which never shows less than Python's own.")
        elif pkg == "hyperfine":
            notes.append("hyperfine: not installed; the bench timed the "
                         "runs itself (median of the same number of runs).")
        else:
            notes.append("%s: not installed%s; its rows are skipped." % (
                pkg, "" if install else " (--no-install)"))
    if have["time"]:
        TIME = "/usr/bin/time"
    return have


def version(argv):
    try:
        p = subprocess.run(argv, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, env=ENV, timeout=30)
        line = p.stdout.decode("utf-8", "replace").strip().splitlines()
        return line[0].strip() if line else "?"
    except OSError:
        return "?"


def awk_name():
    path = shutil.which("awk")
    if not path:
        return None, None
    real = os.path.basename(os.path.realpath(path))
    if "mawk" in real:
        v = version([path, "-W", "version"])
    else:
        v = version([path, "--version"])
    return path, v


def build_floor(out):
    exe = os.path.join(out, "floor")
    cc = os.environ.get("CC", "cc")
    try:
        flags = subprocess.run(
            ["pkg-config", "--cflags", "--libs", "libpcre2-8"],
            stdout=subprocess.PIPE, check=True).stdout.decode().split()
        subprocess.run([cc, "-std=c11", "-O2", "-o", exe, FLOOR_C] + flags,
                       check=True)
        return exe
    except (OSError, subprocess.CalledProcessError) as e:
        notes.append("floor: could not be built (%s); no x floor ratios." % e)
        return None


# ---------------------------------------------------------------- input

def stamp_of(*args):
    h = hashlib.sha256()
    with open(GEN, "rb") as f:
        h.update(f.read())
    h.update(repr(args).encode())
    return h.hexdigest()


def read(path):
    try:
        with open(path) as f:
            return f.read().strip()
    except OSError:
        return None


def generate(out, sizes, team):
    """Starts the generators that are needed, nproc at a time."""
    jobs = []
    for s in sizes:
        base = os.path.join(out, "journal-%smb" % s)
        st = stamp_of("journal", s)
        if read(base + ".stamp") == st and os.path.exists(base + ".journal") \
                and os.path.exists(base + ".ledger") and read(base + ".today"):
            continue
        jobs.append(("%s MB journal and ledger twin" % s,
                     [sys.executable, GEN, "journal", s, base + ".journal.tmp",
                      base + ".ledger.tmp"], base, st))
    if team:
        d = os.path.join(out, "team")
        st = stamp_of("team", team, TEAM_KB, TEAM_TODAY)
        if read(d + ".stamp") != st or not os.path.isdir(d):
            shutil.rmtree(d + ".tmp", ignore_errors=True)
            jobs.append(("team of %d journals" % team,
                         [sys.executable, GEN, "team", d + ".tmp", str(team),
                          str(TEAM_KB), TEAM_TODAY], d, st))
    running = []
    ncpu = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") \
        else (os.cpu_count() or 1)
    t0 = time.time()
    while jobs or running:
        while jobs and len(running) < ncpu:
            what, argv, base, st = jobs.pop(0)
            say("generating the %s" % what)
            p = subprocess.Popen(argv, stdout=subprocess.PIPE)
            running.append((p, what, base, st))
        p, what, base, st = running.pop(0)
        outp, _ = p.communicate()
        if p.returncode != 0:
            sys.exit("bench: gen.py failed for the %s" % what)
        if base.endswith("team"):
            shutil.rmtree(base, ignore_errors=True)
            os.rename(base + ".tmp", base)
        else:
            os.replace(base + ".journal.tmp", base + ".journal")
            os.replace(base + ".ledger.tmp", base + ".ledger")
            with open(base + ".today", "w") as f:
                f.write(outp.decode().strip() + "\n")
        with open(base + ".stamp", "w") as f:
            f.write(st + "\n")
    if time.time() - t0 > 1:
        say("input generated in %.0f s" % (time.time() - t0))


def count_lines(paths):
    n = 0
    for p in paths:
        with open(p, "rb") as f:
            while True:
                b = f.read(1 << 22)
                if not b:
                    break
                n += b.count(b"\n")
    return n


# ---------------------------------------------------------------- timing

def probe(argv, err_path):
    """One run: (wall seconds, exit status, peak RSS in KiB).  The peak RSS
    comes from GNU time, not from this process's wait4(2): Linux carries the
    high-water mark of the parent's memory over fork and exec, so a child of
    Python never shows less than Python's own 20 MiB."""
    rss_path = err_path + ".rss"
    pre = [TIME, "-f", "%M", "-o", rss_path, "--"] if TIME else []
    with open(os.devnull, "wb") as null, open(err_path, "wb") as err:
        t = time.perf_counter()
        pid = os.posix_spawnp((pre + argv)[0], pre + argv, ENV,
                              file_actions=[
            (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
            (os.POSIX_SPAWN_DUP2, null.fileno(), 1),
            (os.POSIX_SPAWN_DUP2, err.fileno(), 2)])
        _, status, ru = os.wait4(pid, 0)
        wall = time.perf_counter() - t
    rss = ru.ru_maxrss
    if TIME:
        try:
            with open(rss_path) as f:
                rss = int(f.read().split()[-1])
        except (OSError, ValueError, IndexError):
            pass
    return wall, os.waitstatus_to_exitcode(status), rss


def nruns(t0, size_mb):
    if t0 >= SLOW:
        return 0
    cap = 30 if t0 < 0.1 else 10
    if size_mb >= 400:
        cap = 3
    return max(3, min(cap, int(BUDGET / max(t0, 1e-4))))


class Row:
    def __init__(self, group, command, inp):
        self.group = group          # the input the ratios refer to
        self.command = command
        self.input = inp
        self.runs = 0
        self.wall = None
        self.bytes = self.lines = 0
        self.rss = None
        self.exit = 0
        self.note = ""


class Bench:
    def __init__(self, out, have):
        self.out = out
        self.have = have
        self.rows = []
        self.n = 0
        os.makedirs(os.path.join(out, "json"), exist_ok=True)

    def time(self, group, command, inp, argv, nbytes, nlines, size_mb,
             may_fail=False):
        row = Row(group, command, inp)
        row.bytes, row.lines = nbytes, nlines
        self.n += 1
        tag = "%03d" % self.n
        err = os.path.join(self.out, "json", tag + ".stderr")
        t0, row.exit, row.rss = probe(argv, err)
        if row.exit != 0 and not may_fail:
            with open(err, "rb") as f:
                first = f.readline().decode("utf-8", "replace").strip()
            row.note = "exit %d: %s" % (row.exit, first[:100])
        runs = nruns(t0, size_mb)
        if runs == 0:
            row.runs, row.wall = 1, t0
        elif self.have.get("hyperfine"):
            js = os.path.join(self.out, "json", tag + ".json")
            cmd = ["hyperfine", "-N", "--style", "none", "-i",
                   "--runs", str(runs), "--export-json", js]
            if t0 < 0.1:
                cmd += ["--warmup", "3"]
            p = subprocess.run(cmd + [shlex.join(argv)], env=ENV,
                               stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
            if p.returncode != 0:
                sys.exit("bench: hyperfine failed: %s" %
                         p.stderr.decode("utf-8", "replace")[:300])
            with open(js) as f:
                res = json.load(f)["results"][0]
            row.runs, row.wall = len(res["times"]), res["median"]
        else:
            times = [probe(argv, err)[0] for _ in range(runs)]
            row.runs, row.wall = runs, statistics.median(times)
        say("%-12s %-44s %9s  (%d run%s)" % (
            inp, command[:44], fmt_time(row.wall), row.runs,
            "" if row.runs == 1 else "s"))
        self.rows.append(row)
        return row

    def skip(self, group, command, inp, why):
        row = Row(group, command, inp)
        row.note = why
        self.rows.append(row)
        return row


def wall_of(argv):
    """One run's wall seconds, output to /dev/null, without GNU time."""
    with open(os.devnull, "wb") as null:
        t = time.perf_counter()
        pid = os.posix_spawnp(argv[0], argv, ENV, file_actions=[
            (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
            (os.POSIX_SPAWN_DUP2, null.fileno(), 1),
            (os.POSIX_SPAWN_DUP2, null.fileno(), 2)])
        os.wait4(pid, 0)
        return time.perf_counter() - t


def alternated(floor, commands, rounds):
    """The floor and each command in turn, `rounds` times: on a shared
    machine whose speed drifts over minutes, a ratio to the floor measured
    in the same seconds is steadier than one between two hyperfine blocks.
    Within a round the floor runs right before each command, and each
    command's ratio is to that run of the floor.
    Returns [(name, median wall, median of the per-round ratios)]."""
    times = {name: [] for name, _ in [("floor", None)] + commands}
    ratios = {name: [] for name, _ in commands}
    for _ in range(rounds):
        for name, argv in commands:
            f = wall_of(floor)
            t = wall_of(argv)
            times["floor"].append(f)
            times[name].append(t)
            ratios[name].append(t / f)
    out = [("floor", statistics.median(times["floor"]), 1.0)]
    for name, _ in commands:
        out.append((name, statistics.median(times[name]),
                    statistics.median(ratios[name])))
    return out


def markdown(head, body):
    """A Markdown table, its first two columns left-aligned, the others
    right-aligned."""
    width = [max(len(x[i]) for x in body + [head]) for i in range(len(head))]
    right = [False, False] + [True] * (len(head) - 2)

    def line(cells):
        return "| " + " | ".join(
            c.rjust(w) if rt else c.ljust(w)
            for c, w, rt in zip(cells, width, right)) + " |"
    out = [line(head), "|" + "|".join(
        "-" * (w + 1) + ":" if rt else "-" * (w + 2)
        for w, rt in zip(width, right)) + "|"]
    out += [line(b) for b in body]
    return "\n".join(out)


def alt_table(inp, rounds, res):
    head = ["command (alternated)", "input", "rounds", "wall (median)",
            "x floor (median of rounds)"]
    body = [[name, inp, str(rounds), fmt_time(w), "%.2f" % r]
            for name, w, r in res]
    return markdown(head, body)


# ---------------------------------------------------------------- formatting

def fmt_time(s):
    if s is None:
        return "n/a"
    if s < 1:
        return "%.1f ms" % (s * 1e3)
    return "%.2f s" % s


def fmt_rate(x, unit=""):
    if x >= 1e6:
        return "%.1f M%s" % (x / 1e6, unit)
    if x >= 1e3:
        return "%.0f k%s" % (x / 1e3, unit)
    return "%.0f%s" % (x, unit)


def table(rows):
    ref = {}
    for r in rows:
        if r.wall is not None and r.command in ("floor", "awk"):
            ref[(r.group, r.command)] = r.wall
    head = ["command", "input", "runs", "wall (median)", "MB/s", "lines/s",
            "peak RSS", "x floor", "x awk"]
    body = []
    for r in rows:
        if r.wall is None:
            body.append([r.command, r.input, "-", r.note or "n/a", "", "",
                         "", "", ""])
            continue
        mbs = "%.1f" % (r.bytes / 1e6 / r.wall) if r.bytes else ""
        lps = fmt_rate(r.lines / r.wall) if r.lines else ""
        fl = ref.get((r.group, "floor"))
        aw = ref.get((r.group, "awk"))
        body.append([
            r.command, r.input, str(r.runs), fmt_time(r.wall), mbs, lps,
            "%.1f MiB" % (r.rss / 1024.0),
            "%.1f" % (r.wall / fl) if fl else "",
            "%.2f" % (r.wall / aw) if aw else ""])
    return markdown(head, body)


def machine():
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as f:
            for ln in f:
                if ln.startswith("model name"):
                    cpu = ln.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = "?"
    try:
        with open("/proc/meminfo") as f:
            for ln in f:
                if ln.startswith("MemTotal:"):
                    mem = "%.1f GiB" % (int(ln.split()[1]) / 1048576.0)
    except OSError:
        pass
    ncpu = os.cpu_count() or 0
    return "%d cores (nproc), %s, %s RAM, %s %s; load average %.2f at the " \
        "start" % (ncpu, cpu, mem, platform.system(), platform.release(),
                   LOAD)


# ---------------------------------------------------------------- checks

def fold(name):
    return re.sub(r"[ \t_-]+", "-", name.strip().lower()).strip("-")


def cross_check(liftlog, awk, have, base, today):
    """Tonnage per exercise from the four programs, on one journal."""
    sums = {}
    p = subprocess.run([liftlog, "progress", "-o", "csv", "--today=" + today,
                        base + ".journal"], stdout=subprocess.PIPE, env=ENV)
    got = {}
    for rec in csv.DictReader(io.StringIO(p.stdout.decode())):
        if rec["tonnage"] not in ("", "0"):
            got[fold(rec["exercise"])] = float(rec["tonnage"])
    sums["liftlog"] = got
    if awk:
        p = subprocess.run([awk, "-f", AWK_SCRIPT, base + ".journal"],
                           stdout=subprocess.PIPE, env=ENV)
        sums["awk"] = {k: float(v) for k, v in (
            ln.split("\t") for ln in p.stdout.decode().splitlines())}
    for tool, argv in (("ledger", ["ledger", "-f", base + ".ledger", "bal",
                                   "--flat", "Lift"]),
                       ("hledger", ["hledger", "-f", base + ".ledger", "bal",
                                    "Lift"])):
        if not have.get(tool):
            continue
        p = subprocess.run(argv, stdout=subprocess.PIPE, env=ENV)
        got = {}
        for ln in p.stdout.decode().splitlines():
            m = re.match(r"\s*(-?[0-9.]+) kg\s+Lift:(.*\S)\s*$", ln)
            if m:
                got[fold(m.group(2))] = float(m.group(1))
        sums[tool] = got
    ref = sums["liftlog"]
    bad = [t for t, s in sums.items() if set(s) != set(ref) or any(
        abs(s[k] - ref[k]) > 0.051 for k in ref)]
    what = ", ".join(sums)
    if bad:
        notes.append("cross-check FAILED on %s: tonnage per exercise of %s "
                     "differs from liftlog's (%s)." % (
                         os.path.basename(base + ".journal"),
                         ", ".join(bad), what))
    else:
        notes.append("Cross-check: on %s, the tonnage per exercise (%d "
                     "exercises) is the same from %s." % (
                         os.path.basename(base + ".journal"), len(ref), what))


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description="liftlog benchmark")
    ap.add_argument("--liftlog", default="./liftlog")
    ap.add_argument("--sizes", default="1 100 400")
    ap.add_argument("--team", type=int, default=1000)
    ap.add_argument("--out", default="build/bench")
    ap.add_argument("--no-install", action="store_true")
    a = ap.parse_args()

    global LOAD
    started = time.time()
    LOAD = os.getloadavg()[0]
    sizes = a.sizes.split()
    for s in sizes:
        if not re.fullmatch(r"[0-9]+(\.[0-9]+)?", s) or float(s) <= 0:
            sys.exit("bench: a size is a number of MB: %r" % s)
    liftlog = os.path.abspath(a.liftlog)
    if not os.access(liftlog, os.X_OK):
        sys.exit("bench: no liftlog at %s (make first)" % a.liftlog)
    out = a.out
    os.makedirs(out, exist_ok=True)
    # Time a copy: a rebuild of the binary during the run (make in another
    # shell) must not mix two versions in one table.
    src = liftlog
    liftlog = os.path.join(os.path.abspath(out), "liftlog")
    shutil.copy2(src, liftlog)
    with open(liftlog, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()[:12]
    commit = subprocess.run(
        ["git", "-C", os.path.dirname(src), "describe", "--always",
         "--dirty"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    ll = "%s, sha256 %s%s" % (rel(src), digest, ", commit " +
                              commit.stdout.decode().strip()
                              if commit.returncode == 0 else "")

    have = tools(out, not a.no_install)
    floor = build_floor(out)
    awk, awk_version = awk_name()
    if not awk:
        notes.append("awk: not found; no awk rows or x awk ratios.")
    gen_sizes = sizes if "1" in sizes else ["1"] + sizes
    generate(out, gen_sizes, a.team)

    base1 = os.path.join(out, "journal-1mb")
    cross_check(liftlog, awk, have, base1, read(base1 + ".today"))

    b = Bench(out, have)
    for s in sizes:
        base = os.path.join(out, "journal-%smb" % s)
        j, led, today = base + ".journal", base + ".ledger", \
            read(base + ".today")
        size_mb = float(s)
        inp = "%s MB" % s
        nb, nl = os.path.getsize(j), count_lines([j])
        lb = os.path.getsize(led)
        if floor:
            b.time(inp, "floor", inp, [floor, j], nb, nl, size_mb)
        b.time(inp, "wc -l", inp, ["wc", "-l", j], nb, nl, size_mb)
        if awk:
            b.time(inp, "awk", inp, [awk, "-f", AWK_SCRIPT, j], nb, nl,
                   size_mb)
        for cmd in (["check"], ["progress", "-o", "csv"],
                    ["weekly", "-o", "csv"], ["deload", "-o", "csv"],
                    ["sessions", "-o", "csv"], ["export", "-o", "csv"]):
            b.time(inp, "liftlog " + " ".join(cmd), inp,
                   [liftlog] + cmd + ["--today=" + today, j], nb, nl,
                   size_mb)
        if have["ledger"]:
            b.time(inp, "ledger bal", inp, ["ledger", "-f", led, "bal"], lb,
                   nl, size_mb)
        if have["hledger"]:
            if size_mb <= 100:
                b.time(inp, "hledger bal", inp, ["hledger", "-f", led, "bal"],
                       lb, nl, size_mb)
            else:
                b.skip(inp, "hledger bal", inp, "skipped")
                notes.append("hledger: skipped above 100 MB (it needs about "
                             "75 MiB of memory per MB of journal).")

    # the floor and liftlog alternated on the 100 MB journal (or the
    # largest size below it)
    alt = None
    cand = [s for s in sizes if float(s) <= 100]
    if floor and cand:
        s = max(cand, key=float)
        base = os.path.join(out, "journal-%smb" % s)
        j, today = base + ".journal", read(base + ".today")
        cmds = [("liftlog " + " ".join(c), [liftlog] + c +
                 ["--today=" + today, j])
                for c in (["check"], ["progress", "-o", "csv"],
                          ["weekly", "-o", "csv"], ["deload", "-o", "csv"],
                          ["sessions", "-o", "csv"], ["export", "-o", "csv"])]
        rounds = ALT_ROUNDS if float(s) >= 10 else 3 * ALT_ROUNDS
        say("alternating the floor and liftlog on %s MB, %d rounds"
            % (s, rounds))
        alt = alt_table("%s MB" % s, rounds, alternated([floor, j], cmds,
                                                        rounds))

    # start-up
    empty = os.path.join(out, "empty.journal")
    open(empty, "w").close()
    b.time("start-up", "liftlog --version", "none", [liftlog, "--version"],
           0, 0, 0)
    b.time("start-up", "liftlog check", "empty", [liftlog, "check",
                                                  "--today=2026-11-23", empty],
           0, 0, 0)
    one = [r for r in b.rows if r.command == "liftlog check" and
           r.input == "1 MB"]
    if not one:
        j = base1 + ".journal"
        one = [b.time("start-up", "liftlog check", "1 MB", [
            liftlog, "check", "--today=" + read(base1 + ".today"), j],
            os.path.getsize(j), count_lines([j]), 1)]
    ms = one[0].wall * 1e3
    ver = [r for r in b.rows if r.command == "liftlog --version"][0]
    emp = [r for r in b.rows if r.input == "empty"][0]
    notes.append("Start-up: `liftlog check` of the 1 MB journal takes %.1f ms"
                 " (target: under 10 ms: %s); `liftlog --version` %s, `check`"
                 " of an empty journal %s." % (
                     ms, "met" if ms < 10 else "NOT met", fmt_time(ver.wall),
                     fmt_time(emp.wall)))

    # the team: 1,000 small journals
    if a.team:
        files = sorted(glob.glob(os.path.join(out, "team", "*.journal")))
        inp = "team %d x %d kB" % (len(files), TEAM_KB)
        g = "team"
        nb = sum(os.path.getsize(f) for f in files)
        nl = count_lines(files)
        tt = "--today=" + TEAM_TODAY
        if floor:
            b.time(g, "floor", inp, [floor] + files, nb, nl, nb / 1e6)
        if awk:
            b.time(g, "awk", inp, [awk, "-f", AWK_SCRIPT] + files, nb, nl,
                   nb / 1e6)
        one = b.time(g, "liftlog check FILES (one journal)", inp,
                     [liftlog, "check", tt] + files, nb, nl, nb / 1e6,
                     may_fail=True)
        if one.exit != 0:
            with open(os.path.join(out, "json", "%03d.stderr" % b.n),
                      "rb") as f:
                ndiag = sum(1 for ln in f if re.search(
                    rb": (error|warning): ", ln))
            notes.append("`liftlog check FILES` reads the %d team files as "
                         "one journal: it exits %d with %d diagnostics (each "
                         "file repeats `unit`, `week-start` and the exercise "
                         "declarations, and the dates go back), so it "
                         "measures reading the same bytes as one journal, "
                         "not a valid one." % (len(files), one.exit, ndiag))
        each = b.time(g, "liftlog check --each FILES", inp,
                      [liftlog, "check", "--each", tt] + files, nb, nl,
                      nb / 1e6, may_fail=True)
        if each.exit != 0:
            each.note = "exit %d" % each.exit
        # weekly --each: n/a when the binary cannot do it
        p = subprocess.run([liftlog, "weekly", "--each", "-o", "csv", tt] +
                           files[:2], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, env=ENV)
        first = p.stdout.decode("utf-8", "replace").split("\n", 1)[0]
        if p.returncode != 0:
            b.skip(g, "liftlog weekly --each -o csv FILES", inp, "n/a")
            notes.append("`weekly --each` is n/a in this binary (exit %d: "
                         "%s)." % (p.returncode, p.stderr.decode(
                             "utf-8", "replace").strip()[:120]))
        else:
            b.time(g, "liftlog weekly --each -o csv FILES", inp,
                   [liftlog, "weekly", "--each", "-o", "csv", tt] + files,
                   nb, nl, nb / 1e6)
            if not first.startswith("journal,"):
                notes.append("`weekly --each` in this binary prints no "
                             "`journal` column yet (a header per journal): "
                             "not the contract's --each report; timed as "
                             "it is.")
        big = [r for r in b.rows if r.command == "liftlog check" and
               r.input == "100 MB"]
        cmp = "%.1f MB/s for `check --each`, %.1f MB/s for the same bytes " \
            "as one journal (%.2fx its time)" % (
                nb / 1e6 / each.wall, nb / 1e6 / one.wall,
                each.wall / one.wall)
        if big:
            r = big[0]
            cmp += ", %.1f MB/s for the 100 MB journal" % (
                r.bytes / 1e6 / r.wall)
        notes.append("Team (%d files, %.1f MB, %d lines): %s; peak RSS %.1f "
                     "MiB with --each." % (len(files), nb / 1e6, nl, cmp,
                                           each.rss / 1024.0))

    for r in b.rows:
        if r.note and r.note not in ("n/a", "skipped"):
            notes.append("%s (%s): %s." % (r.command, r.input, r.note))

    # the report
    now = datetime.datetime.now(datetime.timezone.utc)
    vers = ["liftlog: %s (%s)" % (version([liftlog, "--version"]), ll)]
    if awk:
        vers.append("awk: %s" % awk_version)
    for t, argv in (("ledger", ["ledger", "--version"]),
                    ("hledger", ["hledger", "--version"]),
                    ("hyperfine", ["hyperfine", "--version"])):
        if have.get(t):
            vers.append(version(argv))
    vers.append("floor: %s -O2, PCRE2 %s" % (
        os.environ.get("CC", "cc"),
        version(["pkg-config", "--modversion", "libpcre2-8"])))
    tab = table(b.rows)
    print(tab)
    print()
    if alt:
        print(alt)
        print()
    for n in notes:
        print("- " + n)
    md = ["# liftlog benchmark", "",
          "- Date: %s" % now.strftime("%Y-%m-%d %H:%M UTC"),
          "- Machine: %s" % machine(),
          "- Versions: %s" % "; ".join(vers),
          "- Sizes: %s MB; the run took %.0f s (`make bench BENCH_SIZES=\"%s\"`)"
          % (", ".join(sizes), time.time() - started, " ".join(sizes)),
          "", tab, "",
          "Wall time is the median of the runs; MB is 10^6 bytes; peak RSS "
          "is the probe run's maximum resident set size; x floor and x awk "
          "divide by the floor's and awk's median on the same liftlog input."
          " Standard output went to /dev/null.", ""]
    if alt:
        md += [alt, "",
               "Alternated: each round runs the floor, then each command "
               "once; x floor is the median over the rounds of each "
               "command's time over the floor's in the same round, which a "
               "machine whose speed drifts moves far less than the ratio of "
               "two blocks of runs minutes apart.", ""]
    md += ["- " + n for n in notes]
    res = os.path.join(out, "results.md")
    with open(res, "w") as f:
        f.write("\n".join(md) + "\n")
    say("done in %.0f s; the table is also in %s" % (time.time() - started,
                                                     rel(res)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
