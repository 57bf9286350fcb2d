#!/usr/bin/env python3
"""typein.py -- type a line into an interactive shell on a pseudo-terminal and
print what the terminal shows, to test completion as a user gets it.

Usage: typein.py SHELL SETUP KEYS WANT...

SHELL is bash or zsh (started without any rc file), SETUP a command line
run first (loading the completion), KEYS what is typed next (\\t for TAB).
Exit status 0 when every WANT appears on the screen after KEYS, 1 when
one did not within 10 seconds (the screen is printed), 2 on a usage error.
"""

import os
import pty
import select
import sys
import time


def main():
    if len(sys.argv) < 5 or sys.argv[1] not in ("bash", "zsh"):
        sys.stderr.write(__doc__)
        return 2
    shell, setup, keys, wants = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
    argv = {
        "bash": ["bash", "--norc", "--noprofile", "-i"],
        "zsh": ["zsh", "-f", "-i"],
    }[shell]
    env = dict(os.environ, TERM="dumb", INPUTRC="/dev/null", PS1="$ ")
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(argv[0], argv, env)

    def read_until(texts, timeout):
        """Read the screen until every text is on it, or timeout seconds."""
        out = b""
        end = time.time() + timeout
        while time.time() < end:
            if texts and all(t.encode() in out for t in texts):
                break
            ready, _, _ = select.select([fd], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(fd, 4096)
                except OSError:
                    break
                if not chunk:
                    break
                out += chunk
        return out.decode("utf-8", "replace").replace("\r", "")

    marker = "READY-%d" % os.getpid()
    os.write(fd, (setup + "; echo " + marker[:5] + "''" + marker[5:] + "\n").encode())
    read_until([marker + "\n"], 10)
    os.write(fd, keys.replace("\\t", "\t").encode())
    screen = read_until(wants, 10)
    os.write(fd, b"\x03exit\n")
    read_until([], 0.5)
    try:
        os.kill(pid, 9)
    except OSError:
        pass
    os.waitpid(pid, 0)
    if all(w in screen for w in wants):
        return 0
    sys.stdout.write(screen + "\n")
    return 1


if __name__ == "__main__":
    sys.exit(main())
