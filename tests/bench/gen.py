#!/usr/bin/env python3
"""gen.py -- deterministic journals for `make bench` (tests/bench/bench.py).

    gen.py journal MB OUT.journal OUT.ledger   a runner who lifts, ~MB x 10^6
                                               bytes, and its ledger twin
    gen.py team DIR N KB TODAY                 N athlete journals of ~KB x 10^3
                                               bytes each, ending before TODAY

The journal: 3 lift sessions a week (4-6 exercises, readiness fields, notes,
some inline comments, bodyweight now and then), 4 runs a week (each with a
readiness or a note line), declared exercises, aliases, a target and phases
(base, build, deload, in-season, taper, off).  One athlete's career lasts
8-20 years; when it ends the next athlete starts, so that the dates stay real
calendar dates, ascending, across as many centuries as the size needs (a
1 MB journal ends in 2026; a 400 MB one spans years 1400 to about 8300).
The journal passes `liftlog check --strict` silently with --today set to the
day after its last session, which `journal` prints on standard output (the
bench passes it as --today).

The ledger twin holds the same sessions, one ledger line for every journal
line (so both files have the same number of lines): a transaction per
session; a posting per exercise line (`Lift:Back Squat  2300 kg`, the line's
tonnage; unloaded sets as reps, timed sets as seconds); the readiness line of
a lift is the balancing posting (`Tonnage`, no amount); a run is one virtual
posting (`(Run:Easy)  8.4 km`); directives become `account`, `alias` and
comment lines.  It is valid for both ledger(1) and hledger(1).

Team journals alternate kg and lb, and Monday and Sunday week starts; each
covers about two years up to a few days before TODAY (the one --today of a
`--each` run).  Everything is seeded: the same arguments give the same bytes.
"""

import datetime
import os
import random
import sys

KG_PER_LB = 0.45359237

# (key, declared name, category, alias or None, base working load in kg or
# None: unloaded, 'bw': bodyweight plus, 'time': timed sets)
EXERCISES = [
    ("back squat", "Back Squat", "core", None, 100),
    ("deadlift", "Deadlift", "core", None, 130),
    ("bench press", "Bench Press", "core", None, 70),
    ("overhead press", "Overhead Press", "core", "ohp", 45),
    ("front squat", "Front Squat", "core", None, 80),
    ("chin-up", "Chin-Up", "core", None, "bw"),
    ("romanian deadlift", "Romanian Deadlift", "accessory", "rdl", 80),
    ("bulgarian split squat", "Agachamento Búlgaro", "accessory", "bss", 16),
    ("hip thrust", "Hip Thrust", "accessory", None, 90),
    ("dumbbell row", "Dumbbell Row", "accessory", "row", 30),
    ("calf raise", '"Calf Raise, Single-Leg"', "accessory", None, 12),
    ("face pull", "Face Pull", "accessory", None, 15),
    ("nordic curl", "Nordic Curl", "accessory", None, None),
    ("plank", "Plank", "accessory", None, "time"),
]
EX = {e[0]: e for e in EXERCISES}

# The three lift days of a week: title, exercises (the first ones always,
# the rest drawn so that a session has 4-6).
TEMPLATES = [
    ("Lower A", ["back squat", "romanian deadlift", "bulgarian split squat"],
     ["nordic curl", "plank", "calf raise"]),
    ("Upper", ["bench press", "overhead press", "chin-up"],
     ["dumbbell row", "face pull", "plank"]),
    ("Lower B", ["deadlift", "front squat", "hip thrust"],
     ["calf raise", "nordic curl", "plank"]),
]

LIFT_NOTES = [
    "bar speed good, left knee fine",
    "felt flat, cut the last set",
    "depth checked on video",
    "gym crowded, supersetted the accessories",
    "slept badly, kept it easy",
    "grip gave out before the legs",
    "strong day — everything moved fast",
    "hip a bit tight, extra warm-up",
    "trained at lunch, 40 min cap",
]
RUN_NOTES = [
    "new shoes, better stability",
    "windy, ran the loop twice",
    "hot and humid, slowed the pace",
    "ran with the club, negative split",
    "calves sore from Tuesday",
    "treadmill, 1% incline",
    "slept badly, kept it easy",
]
INLINE = ["; felt fast", "; PR", "# belt on the top set", "; filmed it",
          "; grind on the last rep", "; paused reps"]
RUNS = [  # (intent, title or None, minutes range, km per minute range, rpe)
    ("easy", None, (35, 50), (0.17, 0.19), ("3", "3.5", "4")),
    ("hard", "Intervals 6x800m", (45, 55), (0.19, 0.21), ("7.5", "8", "8.5")),
    ("easy", None, (30, 45), (0.17, 0.19), ("2", "2.5", "3")),
    ("easy", "Sunday long", (80, 110), (0.17, 0.185), ("4", "5", "5.5")),
]
PHASES = [("base", 5), ("build", 5), ("deload", 1), ("in-season", 6),
          ("taper", 1), ("off", 2)]


def fmt_num(x):
    """A load or amount with at most one decimal, no trailing .0."""
    r = round(x * 10) / 10
    if r == int(r):
        return str(int(r))
    return "%.1f" % r


def fmt_minutes(m):
    if m < 60:
        return "%dmin" % m
    if m % 60 == 0:
        return "%dh" % (m // 60)
    return "%dh%02d" % (m // 60, m % 60)


class Writer:
    """Pairs of lines (journal, ledger) to two files, buffered."""

    def __init__(self, jpath, lpath):
        self.jf = open(jpath, "w", encoding="utf-8", newline="\n")
        self.lf = open(lpath, "w", encoding="utf-8", newline="\n") \
            if lpath else None
        self.jbuf = []
        self.lbuf = []
        self.bytes = 0

    def line(self, j, l):
        self.jbuf.append(j)
        self.lbuf.append(l)
        self.bytes += len(j.encode("utf-8")) + 1
        if len(self.jbuf) >= 20000:
            self.flush()

    def flush(self):
        if self.jbuf:
            self.jf.write("\n".join(self.jbuf) + "\n")
            if self.lf:
                self.lf.write("\n".join(self.lbuf) + "\n")
        self.jbuf = []
        self.lbuf = []

    def close(self):
        self.flush()
        self.jf.close()
        if self.lf:
            self.lf.close()


class Athlete:
    """One athlete's state: unit, strength, bodyweight, training maxes."""

    def __init__(self, rng, unit, number):
        self.rng = rng
        self.unit = unit
        self.number = number
        self.step = 2.5 if unit == "kg" else 5.0   # plate step, in the unit
        s = rng.uniform(0.8, 1.15)
        self.bw = round(rng.uniform(64, 84), 1)
        self.logged = None  # the last bodyweight written, in the unit
        self.tm = {}    # training max in kg, per exercise
        self.cap = {}
        for key, _, _, _, base in EXERCISES:
            if isinstance(base, (int, float)):
                self.tm[key] = base * s * rng.uniform(0.85, 1.0)
                self.cap[key] = self.tm[key] * rng.uniform(1.25, 1.4)
        self.fatigue = 0.0

    def load(self, kg):
        """kg to the journal's unit, on the plate step."""
        x = kg if self.unit == "kg" else kg / KG_PER_LB
        return max(self.step, round(x / self.step) * self.step)

    def progress(self, phase):
        for k in self.tm:
            if phase in ("base", "build"):
                self.tm[k] = min(self.cap[k], self.tm[k] * 1.006)
            elif phase == "off":
                self.tm[k] *= 0.99


def set_line(ath, key, phase, rng):
    """(journal text after the indent, ledger posting text) for one line."""
    _, name, cat, alias, base = EX[key]
    shown = alias if alias and rng.random() < 0.7 else name
    lshown = alias if shown == alias else "Lift:" + name.strip('"')
    unit = ath.unit
    inten = {"deload": 0.6, "off": 0.7, "taper": 0.8}.get(phase, 1.0)
    if base == "time":
        n = rng.choice((2, 3))
        if rng.random() < 0.5:
            secs = rng.choice((30, 45, 60))
            text = "%s %dx%ds" % (shown, n, secs)
        else:
            secs = 60
            text = "%s %dx1min" % (shown, n)
        return text, "%s  %d sec" % (lshown, n * secs)
    if base is None:
        n, r = rng.choice(((3, 4), (3, 5), (2, 6)))
        return "%s %dx%d" % (shown, n, r), "%s  %d reps" % (lshown, n * r)
    if base == "bw":
        extra = ath.load(rng.choice((0, 5, 10, 10, 15)) * inten)
        if phase == "deload" or extra <= 0:
            load_s, load_x = "bw", 0.0
        else:
            load_s, load_x = "bw+" + fmt_num(extra), extra
        n, r = rng.choice(((3, 5), (3, 6), (4, 5)))
        bw = ath.logged
        rir = rng.choice((1, 2, 2, 3))
        return ("%s %dx%d @ %s rir %d" % (shown, n, r, load_s, rir),
                "%s  %s %s" % (lshown, fmt_num(n * r * (bw + load_x)), unit))
    work = ath.load(ath.tm[key] * inten * rng.uniform(0.97, 1.0))
    if cat == "accessory":
        n, r = rng.choice(((3, 8), (3, 10), (3, 12), (4, 8)))
        tail = rng.choice(("", " rir 2", " rir 3", " rpe 7.5"))
        return ("%s %dx%d @ %s%s" % (shown, n, r, fmt_num(work), tail),
                "%s  %s %s" % (lshown, fmt_num(n * r * work), unit))
    form = rng.random()
    if form < 0.45:             # warm-up group, then the work sets
        warm = ath.load(ath.tm[key] * inten * 0.6)
        n, r = rng.choice(((5, 5), (4, 6), (3, 5), (5, 3)))
        rpe = rng.choice(("7", "7.5", "8", "8.5"))
        text = "%s 1x5 @ %s, %dx%d @ %s rpe %s" % (
            shown, fmt_num(warm), n, r, fmt_num(work), rpe)
        ton = 5 * warm + n * r * work
    elif form < 0.65:           # a pyramid of reps
        reps = rng.choice(((5, 5, 4), (6, 5, 4), (5, 4, 3), (8, 6, 4)))
        text = "%s %s @ %s" % (shown, "/".join(map(str, reps)),
                               fmt_num(work))
        ton = sum(reps) * work
    elif form < 0.85:
        n, r = rng.choice(((3, 3), (4, 4), (5, 5), (3, 6)))
        text = "%s %dx%d @ %s rir %d" % (shown, n, r, fmt_num(work),
                                         rng.choice((1, 2, 3)))
        ton = n * r * work
    else:                       # the main work, then one heavier set
        top = ath.load(ath.tm[key] * inten * 1.05)
        n = rng.choice((3, 4))
        text = "%s %dx5 @ %s rpe 7, 1x3 @ %s rir 1" % (
            shown, n, fmt_num(work), fmt_num(top))
        ton = n * 5 * work + 3 * top
    return text, "%s  %s %s" % (lshown, fmt_num(ton), unit)


def readiness(ath, rng):
    def one():
        v = 4 + rng.choice((-1, 0, 0, 0, 1)) - ath.fatigue
        return max(1, min(5, int(round(v))))
    return "sleep: %d, motivation: %d, execution: %d" % (one(), one(), one())


def lift_session(w, ath, day, tpl, intent, phase, rng, with_bw):
    title, fixed, extra = TEMPLATES[tpl]
    # the first lift of a career records the bodyweight, so that every
    # `@ bw` load is known; it drifts and is recorded again now and then
    bw = None
    if ath.logged is None or with_bw:
        ath.bw = min(90.0, max(60.0, ath.bw + rng.uniform(-0.6, 0.6)))
        x = ath.bw if ath.unit == "kg" else ath.bw / KG_PER_LB
        ath.logged = round(x * 10) / 10
        bw = fmt_num(ath.logged) + ath.unit
    keys = fixed + rng.sample(extra, rng.randint(1, 3))
    minutes = rng.choice((45, 50, 55, 60, 60, 70, 75, 90))
    rpe = {"hard": rng.choice(("7", "7.5", "8", "8.5")),
           "easy": rng.choice(("5", "5.5", "6"))}[intent]
    w.line("%s lift %s \"%s\" %s rpe %s" % (day, intent, title,
                                           fmt_minutes(minutes), rpe),
           "%s lift %s %s" % (day, intent, title))
    if bw:      # weighed in before training: awk can read it in order
        w.line("    bodyweight: " + bw, "    ; bodyweight: " + bw)
    for key in keys:
        text, post = set_line(ath, key, phase, rng)
        if rng.random() < 0.05:
            c = rng.choice(INLINE)
            w.line("    %s    %s" % (text, c), "    %s  %s" % (post, "; " +
                                                               c[2:]))
        else:
            w.line("    " + text, "    " + post)
    r = readiness(ath, rng)
    w.line("    " + r, "    Tonnage  ; " + r)
    if rng.random() < 0.4:
        n = rng.choice(LIFT_NOTES)
        w.line("    note: " + n, "    ; note: " + n)


def run_session(w, ath, day, which, phase, rng):
    intent, title, mins, pace, rpe = RUNS[which]
    if phase in ("deload", "off", "taper") and intent == "hard":
        intent, title, rpe = "easy", None, ("3", "4")
    m = rng.randint(*mins)
    km = round(m * rng.uniform(*pace), 1)
    r = rng.choice(rpe)
    t = ' "%s"' % title if title else ""
    w.line("%s run %s%s %s %skm rpe %s" % (day, intent, t, fmt_minutes(m),
                                          fmt_num(km), r),
           "%s run %s%s" % (day, intent, " " + title if title else ""))
    acct = "    (Run:%s)  %s km  ; " % (intent.capitalize(), fmt_num(km))
    if rng.random() < 0.6:
        r = readiness(ath, rng)
        w.line("    " + r, acct + r)
    else:
        n = rng.choice(RUN_NOTES)
        w.line("    note: " + n, acct + "note: " + n)


def header(w, unit, week_start, target_date, title):
    w.line("; " + title, "; " + title)
    w.line("; generated by tests/bench/gen.py (make bench): not hand-written",
           "; ledger twin generated by tests/bench/gen.py (make bench)")
    w.line("", "")
    w.line("unit " + unit, "; unit " + unit)
    w.line("week-start " + week_start, "; week-start " + week_start)
    for kind, rng_ in (("lift", "2-4"), ("run", "3-5"), ("cross", "0-2")):
        w.line("sessions %s %s" % (kind, rng_), "; sessions %s %s" % (kind,
                                                                     rng_))
    w.line("", "")
    for key, name, cat, alias, _ in EXERCISES:
        w.line("exercise %-26s %s" % (name, cat),
               "account Lift:" + name.strip('"'))
    for key, name, cat, alias, _ in EXERCISES:
        if alias:
            w.line("alias %s = %s" % (alias, name),
                   "alias %s = Lift:%s" % (alias, name))
    t = "target Back Squat e1rm %s by %s" % (
        "140" if unit == "kg" else "310", target_date)
    w.line(t, "; " + t)
    w.line("", "")


def weeks(w, rng, ath, start, nweeks, limit_bytes, phase_state, last_day):
    """Write weeks from the date `start` (the first day of a week).  Stops
    after nweeks weeks, or, when limit_bytes is not None, when the file
    reaches limit_bytes.  Returns the next week's first day, the last
    session's date and the phase state (phase, weeks left in it)."""
    week = start
    done = 0
    phase, left = phase_state
    while True:
        if limit_bytes is not None and w.bytes >= limit_bytes:
            break
        if limit_bytes is None and done >= nweeks:
            break
        if week + datetime.timedelta(days=6) >= last_day:
            raise SystemExit("gen.py: out of dates before the size was "
                             "reached (%s)" % week)
        if left == 0:
            i = [p[0] for p in PHASES].index(phase)
            phase, left = PHASES[(i + 1) % len(PHASES)]
            if phase == "base" and rng.random() < 0.3:
                left += 2
            w.line("", "")
            w.line("phase %s %s" % (week.isoformat(), phase),
                   "; phase %s %s" % (week.isoformat(), phase))
        # fatigue creeps up late in a build and in-season, deload resets it
        if phase == "deload":
            ath.fatigue = 0.0
        elif phase in ("build", "in-season") and left <= 2:
            ath.fatigue = min(2.0, ath.fatigue + rng.choice((0, 0.5, 1)))
        else:
            ath.fatigue = max(0.0, ath.fatigue - 0.5)
        w.line("; week of " + week.isoformat(), "; week of " +
               week.isoformat())
        # day offsets within the week: lift 0, run 1, run 2 (key), lift 3,
        # run 4, lift 5, run 6 (long)
        plan = [(0, "L", 0, "hard"), (1, "R", 0), (2, "R", 1),
                (3, "L", 1, "easy"), (4, "R", 2), (5, "L", 2, "hard"),
                (6, "R", 3)]
        first_lift = True
        for item in plan:
            if rng.random() < 0.04:         # a missed session
                continue
            day = (week + datetime.timedelta(days=item[0])).isoformat()
            if item[1] == "L":
                intent = item[3] if phase not in ("deload", "off") else "easy"
                lift_session(w, ath, day, item[2], intent, phase, rng,
                             first_lift and rng.random() < 0.2)
                first_lift = False
            else:
                run_session(w, ath, day, item[2], phase, rng)
            last = day
        ath.progress(phase)
        week += datetime.timedelta(days=7)
        left -= 1
        done += 1
    return week, last, (phase, left)


def first_weekday(d, week_start):
    """The first day of d's week (Monday, or Sunday)."""
    back = d.weekday() if week_start == "monday" else (d.weekday() + 1) % 7
    return d - datetime.timedelta(days=back)


def journal(mb, jpath, lpath):
    size = int(float(mb) * 1e6)
    rng = random.Random("liftlog-bench-journal-%s" % mb)
    # about 1.12 kB a week: start early enough to end near 2026, never
    # before 1400 (ledger's first year; liftlog's is 1000)
    years = size / 1120.0 / 52.18
    start_year = max(1400, int(2026 - years))
    start = first_weekday(datetime.date(start_year, 1, 8), "monday")
    w = Writer(jpath, lpath)
    header(w, "kg", "monday", "%04d-12-31" % min(9999, start_year + 10),
           "a runner who lifts: one journal, athlete after athlete")
    week = start
    number = 0
    state = ("off", 0)
    last = None
    while w.bytes < size:
        number += 1
        ath = Athlete(rng, "kg", number)
        w.line("", "")
        w.line("; athlete %d starts; bodyweight about %s kg" %
               (number, fmt_num(ath.bw)),
               "; athlete %d starts; bodyweight about %s kg" %
               (number, fmt_num(ath.bw)))
        # a career of 8-20 years, or the rest of the size
        career = rng.randint(8, 20) * 52
        week, last, state = weeks(
            w, rng, ath, week, career, None if size - w.bytes > career * 1300
            else size, state, datetime.date(9999, 12, 24))
    w.close()
    today = datetime.date.fromisoformat(last) + datetime.timedelta(days=1)
    print(today.isoformat())


def team(directory, n, kb, today):
    today = datetime.date.fromisoformat(today)
    os.makedirs(directory, exist_ok=True)
    size = int(float(kb) * 1e3)
    for i in range(1, int(n) + 1):
        rng = random.Random("liftlog-bench-team-%d-%s" % (i, kb))
        unit = "kg" if i % 2 else "lb"
        week_start = "monday" if (i // 2) % 2 == 0 else "sunday"
        ath = Athlete(rng, unit, i)
        # about 1.1 kB a week; end 1-3 weeks before today
        nweeks = int(size / 1110)
        end = first_weekday(today, week_start) - \
            datetime.timedelta(days=7 * rng.randint(1, 3))
        start = end - datetime.timedelta(days=7 * nweeks)
        path = os.path.join(directory, "athlete-%04d.journal" % i)
        w = Writer(path, None)
        header(w, unit, week_start, (today + datetime.timedelta(
            days=120)).isoformat(), "athlete %d of the team (%s, weeks "
            "start on %s)" % (i, unit, week_start))
        weeks(w, rng, ath, start, nweeks, None, ("off", 0), today)
        w.close()


def main(argv):
    if len(argv) == 5 and argv[1] == "journal":
        journal(argv[2], argv[3], argv[4])
    elif len(argv) == 6 and argv[1] == "team":
        team(argv[2], argv[3], argv[4], argv[5])
    else:
        sys.stderr.write("usage: gen.py journal MB OUT.journal OUT.ledger\n"
                         "       gen.py team DIR N KB TODAY\n")
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
