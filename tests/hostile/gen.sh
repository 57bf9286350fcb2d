#!/bin/sh
# gen.sh DIR -- write the hostile inputs that are too big, too many or too
# odd to keep in the repository into DIR, next to a copy of the expected
# results kept here (NAME.args, NAME.out, NAME.err, NAME.status).  The
# harness then runs every DIR/NAME.args from inside DIR, like tests/cli.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
dir=$1
rm -rf "$dir"
mkdir -p "$dir"
cp "$here"/*.args "$dir"/
for f in "$here"/*.out "$here"/*.err "$here"/*.status "$here"/*.env; do
	[ -f "$f" ] && cp "$f" "$dir"/
done
cd "$dir"
python3 - <<'PY'
import os

def w(name, data, mode="w"):
    with open(name, mode + ("b" if isinstance(data, bytes) else "")) as f:
        f.write(data)

# Lines far over 1 MiB: one error each, in well under a second (time them
# with make bench, not here).
mb50 = 50 * 1024 * 1024
w("spaces-50mb.journal", b" " * mb50 + b"\n")
w("digits-50mb.journal", b"1" * mb50 + b"\n")
w("x-50mb.journal", b"2026-11-02 lift hard\n    " + b"x" * mb50 + b"\n")
w("x-50mb-no-newline.journal", b"x" * mb50)
# Exactly 1 MiB is fine; one byte more is not.
w("line-1mib.journal", "2026-11-02 lift hard\n    squat 5x5 @ 100\n"
  "    note: " + "a" * (1048576 - 10) + "\n")
w("line-1mib-crlf.journal", "2026-11-02 lift hard\r\n    squat 5x5 @ 100\r\n"
  "    note: " + "a" * (1048576 - 10) + "\r\n")
w("line-over-1mib.journal", "2026-11-02 lift hard\n    squat 5x5 @ 100\n"
  "    note: " + "a" * (1048576 - 9) + "\n2026-11-03 run easy 30min rpe 11\n")
# A chain of 1000 includes, each file including the next.
for i in range(1000):
    w("chain%03d.journal" % i, "include chain%03d.journal\n" % (i + 1)
      if i < 999 else "2026-11-02 run easy 30min\n    rpe: 11\n")
# 100,000 exercises, and one session with 100,000 set lines.
with open("exercises-100k.journal", "w") as f:
    for i in range(100000):
        f.write("exercise lift number %d core\n" % i)
    f.write("2026-11-02 lift hard\n")
    for i in range(0, 100000, 997):
        f.write("    lift number %d 3x5 @ 100\n" % i)
    f.write("    lift numbr 5 3x5 @ 100\n")
with open("setlines-100k.journal", "w") as f:
    f.write("2026-11-02 lift hard \"Marathon\"\n")
    for i in range(100000):
        f.write("    squat 1x5 @ %d\n" % (100 + i % 21))
    f.write("    squat 1x5 @ 1000\n")
PY
