#!/usr/bin/env python3
"""Check liftlog's SVG charts (-o svg) against the CSV of the same report.

Each chart is parsed with xml.etree.ElementTree (a well-formed,
self-contained document: no scripts, no links, no external fonts or
styles), and what it plots is counted and read back from the tooltips
(<title>) of the plotted marks:

  progress --by=week: one chart per exercise with a best e1RM, in which
    one <circle class="point"> per CSV row with a best_e1rm, in week
    order, saying that row's week, week_start, best_e1rm and unit; the
    target line of every exercise whose `progress` row has a target; the
    exercises without any e1RM named under the charts.
  weekly: one <g class="week"> per CSV row in the hard/easy chart, saying
    its hard, easy and no_intent counts and its status, with bars drawn to
    one scale; the same weeks in every target chart, saying that kind's
    count.

The output must also be the same bytes run after run and whatever the
locale.

usage: check.py LIFTLOG  -- prints TAP lines ("ok N - ..."), exit 0."""

import csv
import io
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from taplib import result  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
NS = "{http://www.w3.org/2000/svg}"

# Journal, --today, more options (-e before the first session: no rows).
JOURNALS = [
    ("examples/season.journal", "2026-11-25", ""),
    ("examples/season.journal", "2026-11-25", "-e 2000-01-01"),
    ("tests/report/svg-weekly.journal", "2026-03-25", ""),
    ("tests/report/svg-progress.journal", "2026-03-25", ""),
    ("tests/conformance/runner.journal", "2028-12-07", ""),
    ("tests/conformance/coach-lb.journal", "2029-01-11", ""),
]



def run(liftlog, cmd, journal, today, fmt, env=None):
    args = [liftlog] + cmd.split() + ["-o", fmt, "--today=" + today, journal]
    env = env or dict(os.environ, LC_ALL="C")
    p = subprocess.run(args, cwd=ROOT, capture_output=True, env=env)
    if p.returncode != 0:
        raise RuntimeError("%s: exit status %d\n%s" % (" ".join(args),
                           p.returncode, p.stderr.decode(errors="replace")))
    return p.stdout


def rows(data):
    return list(csv.DictReader(io.StringIO(data.decode())))


def title(el):
    t = el.find(NS + "title")
    return t.text if t is not None else None


def charts(root):
    return [g for g in root.iter(NS + "g") if g.get("class") == "chart"]


def self_contained(root, data):
    """Problems that would make the file less than self-contained."""
    bad = []
    for el in root.iter():
        tag = el.tag.replace(NS, "")
        if tag in ("script", "style", "foreignObject", "image", "use",
                   "a", "link"):
            bad.append("element <%s>" % tag)
        for k, v in el.attrib.items():
            if "href" in k or k.startswith("on") or "url(" in v:
                bad.append("attribute %s=%r on <%s>" % (k, v, tag))
    if not data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n'):
        bad.append("no XML declaration")
    w, h = root.get("width"), root.get("height")
    if not (w and h and w.isdigit() and h.isdigit()):
        bad.append("width/height %r/%r are not fixed pixels" % (w, h))
    if root.get("viewBox") != "0 0 %s %s" % (w, h):
        bad.append("viewBox %r" % root.get("viewBox"))
    return bad


def check_progress(root, week_rows, summary_rows, unit):
    why = []
    by_ex = {}
    order = []
    for r in week_rows:
        if r["exercise"] not in by_ex:
            by_ex[r["exercise"]] = []
            order.append(r["exercise"])
        by_ex[r["exercise"]].append(r)
    drawn = [e for e in order if any(r["best_e1rm"] for r in by_ex[e])]
    bare = [e for e in order if e not in drawn]
    cs = charts(root)
    names = [title(g) for g in cs]
    if names != drawn:
        why.append("charts %r, expected %r" % (names, drawn))
    npoints = 0
    targets = {r["exercise"]: r for r in summary_rows if r["target_e1rm"]}
    for g in cs:
        ex = title(g)
        want = [r for r in by_ex.get(ex, []) if r["best_e1rm"]]
        pts = [c for c in g.iter(NS + "circle") if c.get("class") == "point"]
        npoints += len(pts)
        if len(pts) != len(want):
            why.append("%s: %d points, the CSV has %d weeks with a best "
                       "e1RM" % (ex, len(pts), len(want)))
            continue
        xs = []
        for c, r in zip(pts, want):
            expect = "%s, week of %s: %s %s" % (r["week"], r["week_start"],
                                                r["best_e1rm"], unit)
            if title(c) != expect:
                why.append("%s: point %r, expected %r" % (ex, title(c),
                                                          expect))
            xs.append(float(c.get("cx")))
        if xs != sorted(xs) or len(set(xs)) != len(xs):
            why.append("%s: points not left to right in week order" % ex)
        tl = [t for t in g.iter(NS + "g") if t.get("class") == "target"]
        if ex in targets:
            expect = "target %s %s by %s" % (targets[ex]["target_e1rm"], unit,
                                             targets[ex]["target_date"])
            if [title(t) for t in tl] != [expect]:
                why.append("%s: target %r, expected %r" % (
                    ex, [title(t) for t in tl], expect))
        elif tl:
            why.append("%s: a target line without a target" % ex)
    if bare:
        text = " ".join(t.text or "" for t in root.iter(NS + "text"))
        for e in bare:
            if e not in text:
                why.append("%s (no e1RM) is not named" % e)
    return why, npoints


def check_weekly(root, week_rows):
    why = []
    cs = charts(root)
    if not week_rows:
        return (["charts drawn for no weeks"] if cs else []), 0
    if not cs or title(cs[0]) != "sessions by intent":
        return ["no hard/easy chart first"], 0
    weeks = [g for g in cs[0].iter(NS + "g") if g.get("class") == "week"]
    if len(weeks) != len(week_rows):
        return ["%d weeks drawn, the CSV has %d" % (len(weeks),
                                                     len(week_rows))], 0
    scale = None
    for g, r in zip(weeks, week_rows):
        expect = "%s, week of %s: %s hard, %s easy, %s without intent; %s" % (
            r["week"], r["week_start"], r["hard"], r["easy"], r["no_intent"],
            r["status"])
        if title(g) != expect:
            why.append("week %r, expected %r" % (title(g), expect))
        # The stacked bars are drawn to one scale: height / sessions.
        h = sum(float(b.get("height")) for b in g.iter(NS + "rect")
                if b.get("fill") != "#000000")
        total = int(r["hard"]) + int(r["easy"]) + int(r["no_intent"])
        if total != int(r["sessions"]):
            why.append("%s: hard+easy+no_intent != sessions in the CSV" %
                       r["week"])
        if total:
            if scale is None:
                scale = h / total
            elif abs(h / total - scale) > 0.3:
                why.append("%s: bar of %.1f px for %d sessions, %.2f px "
                           "each elsewhere" % (r["week"], h, total, scale))
        elif h:
            why.append("%s: a bar for no session" % r["week"])
    kinds = []
    for g in cs[1:]:
        m = re.match(r"^(Lift|Run|Cross) sessions per week, target "
                     r"(\d+)-(\d+)$", title(g) or "")
        if not m:
            why.append("chart %r" % title(g))
            continue
        kind = m.group(1).lower()
        kinds.append(kind)
        ws = [w for w in g.iter(NS + "g") if w.get("class") == "week"]
        if len(ws) != len(week_rows):
            why.append("%s: %d weeks drawn, the CSV has %d" % (
                kind, len(ws), len(week_rows)))
            continue
        for w, r in zip(ws, week_rows):
            prefix = "%s, week of %s: %s %s (target %s-%s)" % (
                r["week"], r["week_start"], r[kind], kind, m.group(2),
                m.group(3))
            if not (title(w) or "").startswith(prefix):
                why.append("%s: %r, expected %r..." % (kind, title(w), prefix))
    if "lift" not in kinds:
        why.append("no lift target chart (lift always has a target)")
    return why, len(weeks)


def main():
    liftlog = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else
                              os.path.join(ROOT, "liftlog"))
    comma_locale = None
    try:
        out = subprocess.run(["locale", "-a"], capture_output=True,
                             text=True).stdout
        for loc in out.split():
            if re.match(r"^(de_DE|fr_FR|nl_NL|es_ES|pt_BR)\.(utf8|UTF-8)$",
                        loc):
                comma_locale = loc
                break
    except OSError:
        pass
    for journal, today, more in JOURNALS:
        for report in ("progress --by=week", "weekly"):
            cmd = (report + " " + more).strip()
            name = "%s %s" % (cmd, journal)
            try:
                data = run(liftlog, cmd, journal, today, "svg")
                table = rows(run(liftlog, cmd, journal, today, "csv"))
            except RuntimeError as e:
                result(False, name + ": runs", str(e))
                continue
            try:
                root = ET.fromstring(data)
            except ET.ParseError as e:
                result(False, name + ": well-formed XML", str(e))
                continue
            result(root.tag == NS + "svg", name + ": well-formed SVG",
                   "root element %s" % root.tag)
            bad = self_contained(root, data)
            result(not bad, name + ": self-contained", "\n".join(bad))
            if report == "weekly":
                why, count = check_weekly(root, table)
                what = "weeks"
            else:
                summary = rows(run(liftlog, ("progress " + more).strip(),
                                   journal, today, "csv"))
                unit = summary[0]["unit"] if summary else ""
                why, count = check_progress(root, table, summary, unit)
                what = "points"
            result(not why, "%s: %d %s match the CSV" % (name, count, what),
                   "\n".join(why))
            # Deterministic, and the same whatever the locale says about
            # numbers.
            env = dict(os.environ)
            env.pop("LC_ALL", None)
            env["LANG"] = comma_locale or "de_DE.UTF-8"
            env["LC_NUMERIC"] = comma_locale or "de_DE.UTF-8"
            again = run(liftlog, cmd, journal, today, "svg")
            other = run(liftlog, cmd, journal, today, "svg", env)
            result(again == data and other == data,
                   name + ": the same bytes every run and under "
                   "LC_NUMERIC=" + env["LC_NUMERIC"] +
                   ("" if comma_locale else " (not installed here)"),
                   "differs between runs" if again != data else
                   "differs from LC_ALL=C")
    return 0


if __name__ == "__main__":
    sys.exit(main())
