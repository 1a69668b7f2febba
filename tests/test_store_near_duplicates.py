"""Near-duplicate look-up by SimHash bands finds what comparing every article of the week
found, and a database of schema 1 gains the bands when opened for writing.

The PostgreSQL cases need SITREP_TEST_POSTGRES_URL (as tests/test_postgres.py); they
skip without it.
"""

from __future__ import annotations

import os
import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

import sitrep.store.database as database
from sitrep.core.records import Article
from sitrep.store import NEAR_DUPLICATE_BITS, NEAR_DUPLICATE_DAYS, hamming, metadata, open_store
from sitrep.store.database import _band_probes, simhash_bands
from sitrep.store.schema import SIMHASH_BAND_BITS, articles, meta

PG_URL = os.environ.get("SITREP_TEST_POSTGRES_URL")


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield str(tmp_path / "near.db")
        return
    if not PG_URL:
        pytest.skip("no PostgreSQL server: set SITREP_TEST_POSTGRES_URL (`.ci/run` starts one)")
    with open_store(PG_URL) as store:
        metadata.drop_all(store.engine)  # a clean database for this run
    yield PG_URL


def _flip(value: int, bits: list[int]) -> int:
    for b in bits:
        value ^= 1 << b
    return value


def test_some_band_of_every_near_copy_is_probed() -> None:
    rng = random.Random(13)
    for _ in range(3000):
        original = rng.getrandbits(64)
        copy = _flip(original, rng.sample(range(64), rng.randint(0, NEAR_DUPLICATE_BITS)))
        assert any(
            theirs in _band_probes(ours, width)
            for ours, theirs, width in zip(
                simhash_bands(original), simhash_bands(copy), SIMHASH_BAND_BITS, strict=True
            )
        )


def test_bands_of_a_signed_fingerprint_are_those_of_its_unsigned_bits() -> None:
    unsigned = (1 << 63) | 12345
    assert simhash_bands(unsigned - (1 << 64)) == simhash_bands(unsigned)
    assert simhash_bands(unsigned)[0] == 1 << (SIMHASH_BAND_BITS[0] - 1)


def _store_fingerprints(
    db: str,
    monkeypatch: pytest.MonkeyPatch,
    items: list[tuple[int, date]],
    batches: list[int] | None = None,
) -> list[Article]:
    """Store one failed article per (fingerprint, date), the fingerprint given, not computed:
    one by one, or ``batches`` of these sizes in turn, each in one ``save_readings``."""
    made = [
        Article.make(f"article {i}", language="en", outlet="Wire", published_at=day)
        for i, (_, day) in enumerate(items)
    ]
    by_text = {a.text: fp for a, (fp, _) in zip(made, items, strict=True)}
    monkeypatch.setattr(database, "simhash", lambda text: by_text[text])
    _store_in_batches(db, made, batches)
    return made


def _store_in_batches(db: str, made: list[Article], batches: list[int] | None) -> None:
    sizes = iter(batches or [1] * len(made))
    with open_store(db) as store:
        i = 0
        while i < len(made):
            n = next(sizes)
            store.save_readings([(a, "not read") for a in made[i : i + n]])
            i += n


def _scan_every_article(items: list[tuple[int, date]], sqlite: bool) -> list[str | None]:
    """The root each article points at, found as before the bands: every earlier article
    within the days, in order of publication, then of storing (SQLite) or of id."""
    ids = [
        Article.make(f"article {i}", language="en", outlet="Wire", published_at=day).id
        for i, (_, day) in enumerate(items)
    ]
    roots: list[str | None] = []
    for i, (fp, day) in enumerate(items):
        near = sorted(
            (items[j][1], j if sqlite else ids[j], j)
            for j in range(i)
            if abs((items[j][1] - day).days) <= NEAR_DUPLICATE_DAYS
            and hamming(items[j][0], fp) <= NEAR_DUPLICATE_BITS
        )
        roots.append(None if not near else roots[near[0][2]] or ids[near[0][2]])
    return roots


@pytest.mark.parametrize("batched", [False, True])
def test_the_first_near_copy_in_date_order_is_found(
    db: str, monkeypatch: pytest.MonkeyPatch, batched: bool
) -> None:
    rng = random.Random(5)
    start = date(2020, 3, 1)
    originals = [rng.getrandbits(64) for _ in range(12)]
    items: list[tuple[int, date]] = []
    for _ in range(300):
        # copies at 0-14 bits from a few originals, over three weeks: chains, ties of a
        # day, copies just over the threshold and copies out of the window
        base = rng.choice(originals)
        fp = _flip(base, rng.sample(range(64), rng.randint(0, 14)))
        fp = fp - (1 << 64) if fp >= 1 << 63 else fp
        items.append((fp, start + timedelta(days=rng.randint(0, 20))))
    # in batches, each article is looked up against the store and the batch's articles
    # before it (two statements per batch), with the same answer
    batches = [rng.randint(1, 70) for _ in items] if batched else None
    made = _store_fingerprints(db, monkeypatch, items, batches)
    with open_store(db) as store, store.engine.connect() as conn:
        stored = {r[0]: r[1] for r in conn.execute(select(articles.c.id, articles.c.dup_of))}
    expected = _scan_every_article(items, sqlite=not db.startswith("postgresql"))
    assert [stored[a.id] for a in made] == expected
    assert sum(e is not None for e in expected) > 100


def test_a_schema_1_database_gains_the_bands(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    day = date(2021, 5, 2)
    base = -(1 << 62) - 987654321  # a negative fingerprint: the SQL shift must keep its bits
    items = [(base, day), (base ^ 0b10110, day + timedelta(days=1))]
    made = _store_fingerprints(db, monkeypatch, items[:1])
    with open_store(db) as store, store.engine.begin() as conn:
        # as sitrep stored it before the bands: no band columns, no band indexes
        for i in range(len(SIMHASH_BAND_BITS)):
            conn.exec_driver_sql(f"DROP INDEX ix_articles_simhash_band{i}")
            conn.exec_driver_sql(f"ALTER TABLE articles DROP COLUMN simhash_band{i}")
        conn.execute(update(meta).where(meta.c.key == "schema").values(value="1"))
    made += _store_fingerprints(db, monkeypatch, items)[1:]
    with open_store(db) as store, store.engine.connect() as conn:
        version = conn.execute(select(meta.c.value).where(meta.c.key == "schema")).scalar_one()
        rows = conn.execute(
            select(articles.c.id, articles.c.dup_of, articles.c.simhash).add_columns(
                *(articles.c[f"simhash_band{i}"] for i in range(len(SIMHASH_BAND_BITS)))
            )
        ).all()
    assert version == "2"
    by_id = {r[0]: r for r in rows}
    assert all(tuple(r[3:]) == simhash_bands(r[2]) for r in rows)
    assert by_id[made[1].id][1] == made[0].id


def test_a_batch_finds_the_same_texts_and_near_copies_as_one_by_one(
    db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # one text told by several outlets (the same content hash), near-copies of it and
    # of one another, over two weeks: stored one by one, then in batches of 1-40
    rng = random.Random(8)
    start = date(2022, 6, 1)
    originals = [rng.getrandbits(64) for _ in range(6)]
    texts = []
    for t in range(60):
        fp = _flip(rng.choice(originals), rng.sample(range(64), rng.randint(0, 13)))
        texts.append((f"story {t}", fp - (1 << 64) if fp >= 1 << 63 else fp))
    made = []
    for i in range(400):
        text, _ = rng.choice(texts)
        day = start + timedelta(days=rng.randint(0, 13))
        made.append(Article.make(text, language="en", outlet=f"Outlet {i % 9}", published_at=day))
    made.append(Article.make("story 0", language="en", outlet="Undated"))
    by_text = dict(texts)
    monkeypatch.setattr(database, "simhash", lambda text: by_text[text])
    # the same article twice in a batch is stored once
    made.insert(50, made[49])
    found = []
    for batches in (None, [rng.randint(1, 40) for _ in made]):
        _store_in_batches(db, made, batches)
        with open_store(db) as store:
            with store.engine.connect() as conn:
                found.append(dict(conn.execute(select(articles.c.id, articles.c.dup_of)).all()))
            metadata.drop_all(store.engine)  # the same database, empty, for the batches
    assert found[0] == found[1]
    roots = list(found[0].values())
    assert sum(r is not None for r in roots) > 250
    assert len(set(roots)) > 10
