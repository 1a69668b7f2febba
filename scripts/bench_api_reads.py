"""Time one 50-row page of events per filter, in-process, on a store of `sitrep bench api`.

Usage: PYTHONPATH=SRC python scripts/bench_api_reads.py DB [DB ...]

DB is a SQLite path or a PostgreSQL URL (e.g. one kept by ``sitrep bench api
--keep-db``). Run it with ``PYTHONPATH`` set to each source tree to compare two
trees on the same store. Each page is read once to warm up, then five times; the
median wall-clock time and the median CPU time of this process are printed (on
PostgreSQL the CPU column leaves out the server's own work, the wall clock does not).
"""

from __future__ import annotations

import statistics
import sys
import time
from urllib.parse import parse_qsl, urlsplit

from sitrep.api import Sitrep
from sitrep.core.config import load_config
from sitrep.faces.web.params import EventPage

# The API's filters one at a time, common and rare values, and the deep pages.
PAGES = (
    "",
    "country=SYR",
    "country=STP",
    "country=IRQ&type=territory&since=2016-09-16",
    "type=Air/drone%20strike",
    "type=Government%20regains",
    "actor=ISIS",
    "actor=Syrian%20Democratic",
    "actor=hezbollah",
    "source=SANA",
    "since=2015-08-10&until=2015-09-09",
    "cursor=2017-01-01_00",
    "offset=1350",
)


def main(dbs: list[str]) -> None:
    config = load_config()
    for db in dbs:
        reader = Sitrep(config, db=db)
        print(f"{db}: median of 5 (wall ms / CPU ms of this process)")
        for query in PAGES:
            url = f"/api/events?limit=50&{query}"
            f = EventPage(**dict(parse_qsl(urlsplit(url).query))).page_filter(limit=51)
            list(reader.event_items(f))
            walls, cpus = [], []
            for _ in range(5):
                w, c = time.perf_counter(), time.process_time()
                list(reader.event_items(f))
                walls.append(1000 * (time.perf_counter() - w))
                cpus.append(1000 * (time.process_time() - c))
            wall, cpu = statistics.median(walls), statistics.median(cpus)
            print(f"  {query or '(no filter)':<45} {wall:9.1f} {cpu:9.1f}")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
