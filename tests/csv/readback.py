#!/usr/bin/env python3
"""Read liftlog's CSV and TSV back with Python's csv module (a real parser,
written apart from liftlog) and check every table against the contract:
the column list of section 4 in its order, one field per column on every
row, numbers written with '.', dates as YYYY-MM-DD, the formula-injection
guard on text cells, and the same bytes whatever the locale.

usage: readback.py LIFTLOG  -- prints TAP lines ("ok N - ..."), exit 0."""

import csv
import io
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from taplib import result  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# The contract's column lists (liftlog.md, sections 4.3 to 4.7).
COLUMNS = {
    "progress": "exercise,category,sessions,sets,reps,tonnage,first_date,last_date,start_e1rm,best_e1rm,best_e1rm_date,current_e1rm,change_pct,trend_per_week,prs,last_pr_date,weeks_since_pr,stalled,target_e1rm,target_date,target_pct,on_track,unit",
    "progress --by=week": "week,week_start,exercise,sessions,sets,reps,tonnage,top_load,best_e1rm,avg_rpe,unit",
    "weekly": "week,week_start,sessions,lift,run,cross,hard,easy,no_intent,hard_back_to_back,lift_before_key_run,lift_sets,lift_tonnage,run_km,run_min,sleep_avg,motivation_avg,execution_avg,status",
    "deload": "date,rule,severity,exercise,value,baseline,threshold,message",
    "export": "date,kind,intent,title,exercise,category,set,reps,seconds,load,unit,rpe,rir,e1rm,tonnage,note,file,line",
    "sessions": "date,kind,intent,title,minutes,km,rpe,session_load,sleep,motivation,execution,bodyweight,exercises,sets,reps,tonnage,unit,note,file,line",
}
# Columns that hold text (everything else is a number, a date or empty).
TEXT = {"exercise", "category", "stalled", "on_track", "unit", "week",
        "status", "rule", "severity", "message", "kind", "intent", "title",
        "note", "file", "journal"}
DATES = {"first_date", "last_date", "best_e1rm_date", "last_pr_date",
         "target_date", "week_start", "date"}
NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

JOURNALS = [
    ("examples/season.journal", "2026-11-25"),
    ("tests/conformance/runner.journal", "2028-12-07"),
    ("tests/conformance/coach-lb.journal", "2029-01-11"),
]



def run(liftlog, cmd, journal, today, fmt, env=None):
    args = [liftlog] + cmd.split() + ["-o", fmt, "--today=" + today, journal]
    p = subprocess.run(args, cwd=ROOT, capture_output=True, env=env)
    return p.returncode, p.stdout


def check_table(cmd, rows):
    problems = []
    want = COLUMNS[cmd].split(",")
    if not rows or rows[0] != want:
        problems.append("header %r, expected %r" % (rows[0] if rows else None, want))
        return problems
    for i, row in enumerate(rows[1:], 2):
        if len(row) != len(want):
            problems.append("row %d has %d fields, expected %d" % (i, len(row), len(want)))
            continue
        for col, cell in zip(want, row):
            if cell == "":
                continue
            if col in TEXT:
                if cell[0] in "=+-@\t\r":
                    problems.append("row %d %s %r: unguarded formula start" % (i, col, cell))
            elif col in DATES:
                if not DATE.match(cell):
                    problems.append("row %d %s %r: not a date" % (i, col, cell))
            elif col in ("value", "baseline") and "/" in cell:
                if not all(NUMBER.match(x) for x in cell.split("/")):
                    problems.append("row %d %s %r: not numbers" % (i, col, cell))
            elif not NUMBER.match(cell):
                problems.append("row %d %s %r: not a number with '.'" % (i, col, cell))
    return problems


def main():
    liftlog = os.path.abspath(sys.argv[1])
    comma_locale = None
    try:
        out = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout
        for loc in out.split():
            if re.match(r"^(de_DE|fr_FR|nl_NL|es_ES|pt_BR)\.(utf8|UTF-8)$", loc):
                comma_locale = loc
                break
    except OSError:
        pass
    for journal, today in JOURNALS:
        for cmd in COLUMNS:
            name = "%s -o csv %s" % (cmd, os.path.basename(journal))
            rc, out = run(liftlog, cmd, journal, today, "csv",
                          dict(os.environ, LC_ALL="C"))
            if rc != 0:
                result(False, name, "exit status %d" % rc)
                continue
            text = out.decode("utf-8")
            rows = list(csv.reader(io.StringIO(text, newline="")))
            problems = check_table(cmd, rows)
            if "\r\n" in text:
                problems.append("CRLF line ends (the contract says LF)")
            result(not problems, name, "\n".join(problems))

            # TSV: the same table, tab-separated.
            rc, tsv = run(liftlog, cmd, journal, today, "tsv",
                          dict(os.environ, LC_ALL="C"))
            trows = [line.split("\t") for line in tsv.decode("utf-8").split("\n")[:-1]]
            ok = rc == 0 and len(trows) == len(rows) and all(
                len(r) == len(rows[0]) for r in trows)
            result(ok, name.replace("-o csv", "-o tsv"),
                   "exit %d, %d rows (csv %d)" % (rc, len(trows), len(rows)))

            # The locale never changes a byte.
            env = dict(os.environ)
            env.pop("LC_ALL", None)
            env["LANG"] = comma_locale or "de_DE.UTF-8"
            env["LC_NUMERIC"] = comma_locale or "de_DE.UTF-8"
            rc2, out2 = run(liftlog, cmd, journal, today, "csv", env)
            result(rc2 == 0 and out2 == out,
                   name + " under LC_NUMERIC=" + env["LC_NUMERIC"] +
                   ("" if comma_locale else " (not installed here)"),
                   "output differs from LC_ALL=C")

    # --each: one header with a first column "journal" (the FILE as
    # given), then each journal's rows in argument order.
    each = ["tests/conformance/runner.journal",
            "tests/conformance/coach-lb.journal"]
    for cmd in COLUMNS:
        name = "%s --each -o csv runner.journal coach-lb.journal" % cmd
        p = subprocess.run([liftlog] + cmd.split() +
                           ["--each", "-o", "csv", "--today=2029-01-13"] +
                           each, cwd=ROOT, capture_output=True,
                           env=dict(os.environ, LC_ALL="C"))
        rows = list(csv.reader(io.StringIO(p.stdout.decode("utf-8"),
                                           newline="")))
        problems = [] if p.returncode == 0 else ["exit status %d" % p.returncode]
        if not rows or rows[0][:1] != ["journal"]:
            problems.append("no first column journal: %r" % (rows[:1],))
        else:
            problems += check_table(cmd, [r[1:] for r in rows])
            order = [each.index(r[0]) if r[0] in each else -1 for r in rows[1:]]
            if -1 in order or order != sorted(order):
                problems.append("journal column not the FILEs in argument order")
        result(not problems, name, "\n".join(problems))
    return 0


if __name__ == "__main__":
    sys.exit(main())
