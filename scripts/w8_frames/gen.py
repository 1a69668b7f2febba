import json
import math
import random
import sys

sys.path.insert(0, __import__("os").path.dirname(__file__))
from frames1 import F
from frames2 import G
from frames3 import H
from regions import DAYS, MONTHS, REGIONS

for _k, _v in H.items():
    G.setdefault(_k, []).extend(_v)
for _k, _v in G.items():
    F.setdefault(_k, []).extend(_v)
rng = random.Random(8)
out = []
seen = set()
for label, frames in F.items():
    k = min(8, max(4, math.ceil(170 / len(frames))))
    for frame in frames:
        hard = frame.startswith("!")
        frame = frame.lstrip("!")
        regs = rng.sample(REGIONS, k)
        for reg in regs:
            region, country, adj, capital, cities, police, army, group, opp, minister = reg
            o = rng.choice([r for r in REGIONS if r[0] != region])
            date = f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(2016, 2023)}"
            text = frame.format(
                country=country,
                adj=adj,
                capital=capital,
                city=rng.choice(cities),
                police=police,
                army=army,
                group=group,
                opp=opp,
                minister=minister,
                other=o[1],
                ocap=o[3],
                oadj=o[2],
                n=rng.choice(
                    ["two", "three", "four", "five", "six", "seven", "eight", "nine", "11", "14"]
                ),
                N=rng.choice(["12", "20", "35", "40", "60", "120", "150", "300"]),
                day=rng.choice(DAYS),
                date=date,
                age=rng.randint(22, 58),
            )
            text = text[0].upper() + text[1:]
            if text in seen:
                continue
            seen.add(text)
            out.append(
                {
                    "text": text,
                    "label": label,
                    "lang": "en",
                    "region": region,
                    "kind": "hard" if hard else "plain",
                }
            )
with open(sys.argv[1], "w") as f:
    for r in out:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
import collections

print(collections.Counter(r["label"] for r in out), len(out))
