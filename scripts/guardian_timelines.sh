#!/usr/bin/env bash
# Ingest all 249 Guardian articles of ../shared/data (read in place, never copied),
# report events, merging and failures, and print the control timelines of the
# places issue 3 asks about. Usage: scripts/guardian_timelines.sh [DB]
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${1:-/tmp/sitrep-guardian.db}
SRC=$(mktemp --suffix=.jsonl)
trap 'rm -f "$SRC"' EXIT
.venv/bin/python - "$SRC" <<'PY'
import csv, json, sys
from sitrep.evaluation.common import data_path
csv.field_size_limit(10**9)
with open(data_path("events", "guardian", "guardian_syria_2017_2019.csv"), newline="",
          encoding="utf-8") as fh, open(sys.argv[1], "w", encoding="utf-8") as out:
    for row in csv.DictReader(fh):
        out.write(json.dumps({"text": row["text"], "outlet": "The Guardian",
                              "published": row["date"][:10], "url": f"guardian:{row['']}"}) + "\n")
PY
rm -f "$DB"
.venv/bin/sitrep --db "$DB" ingest "$SRC" --quiet --workers 0
.venv/bin/sitrep --db "$DB" status
.venv/bin/python - "$DB" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
m = c.execute(
    "select count(*), count(distinct event_id) from mentions where reference = 0"
).fetchone()
e = c.execute("select count(*), sum(n_mentions > 1), sum(n_sources > 1) from events").fetchone()
s = c.execute("select status, count(*) from events group by status order by 2 desc").fetchall()
print(f"non-reference mentions {m[0]} -> events {m[1]} (merge ratio {m[0] / max(m[1], 1):.2f})")
print(f"events {e[0]}: with more than one mention {e[1]}, with more than one source {e[2]}")
print("by status:", ", ".join(f"{k} {v}" for k, v in s))
PY
for place in Raqqa "Deir ez-Zor" "Abu Kamal" Manbij Afrin Baghuz; do
    .venv/bin/sitrep --db "$DB" control "$place" || true
done
