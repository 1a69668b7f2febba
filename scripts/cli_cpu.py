"""The CPU time of one `sitrep` command as a user runs it, start-up and pool workers counted.

Usage: PYTHONPATH=CHECKOUT python scripts/cli_cpu.py --db DB ingest FILE --quiet

Runs ``python -m sitrep ARGS`` in this process (``runpy``) and, at exit, prints to
stderr the CPU seconds (user + system) of the process and of its waited-for
children (the ingest's pool workers), the parent's alone, and the wall clock:
the figures of the README's ``sitrep ingest FILE`` row. CPU time moves less than
the wall clock with the load of a shared machine; compare two checkouts by
alternating their runs.
"""

from __future__ import annotations

import atexit
import resource
import runpy
import sys
import time

_START = time.time()


def _report() -> None:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    parent = own.ru_utime + own.ru_stime
    total = parent + kids.ru_utime + kids.ru_stime
    wall = time.time() - _START
    print(f"CPU total {total:.2f} parent {parent:.2f} wall {wall:.1f}", file=sys.stderr)


if __name__ == "__main__":
    atexit.register(_report)
    sys.argv = ["sitrep", *sys.argv[1:]]
    runpy.run_module("sitrep", run_name="__main__")
