"""TAP output shared by the Python test scripts (tests/csv/readback.py,
tests/svg/check.py): one "ok N - name" or "not ok N - name" line per
check, the reasons of a failure as "# " lines after it."""

_count = 0


def result(ok, name, why=""):
    """Print one TAP line; return ok."""
    global _count
    _count += 1
    print(("ok" if ok else "not ok") + " %d - %s" % (_count, name))
    if not ok:
        for line in why.splitlines()[:20]:
            print("# " + line)
    return ok
