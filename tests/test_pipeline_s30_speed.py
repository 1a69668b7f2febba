"""Session 30, speed: a pool's workers read with the ingest process's own extractor,
its models loaded and its reader warmed before the fork, so that no worker builds
the reader's lazily made indexes again (and the events stay the same)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep import pipeline
from sitrep.core.config import Config
from sitrep.pipeline import ingest
from sitrep.read.en.extract import EnglishReader, Extractor
from sitrep.store import open_store

DEMO = Path(__file__).resolve().parents[1] / "sitrep" / "demo" / "reports.jsonl"


def _fresh(extractor: Extractor) -> Extractor:
    """A new extractor over the session's loaded models (its readers not made yet)."""
    return Extractor(
        extractor.config,
        gazetteer=extractor.gazetteer,
        actors=extractor.actors,
        nlp=extractor.nlp,
        classifier=extractor.classifier,
    )


def test_a_pool_worker_reads_with_the_extractor_it_is_given(app_config: Config) -> None:
    """The worker keeps the extractor made before the fork; without one it makes its own."""
    given = Extractor(app_config)
    saved = pipeline._WORKER
    try:
        pipeline._init_worker(app_config, given)
        assert pipeline._WORKER is given
        pipeline._init_worker(app_config)
        assert pipeline._WORKER is not given and isinstance(pipeline._WORKER, Extractor)
    finally:
        pipeline._WORKER = saved


def test_the_warm_up_builds_the_english_readers_lazy_indexes(extractor: Extractor) -> None:
    """After the warm-up the English reader holds the group names that are places
    abroad, and the trigger index is built: a worker forked then finds them made."""
    from sitrep.read import typology

    ex = _fresh(extractor)
    pipeline._warm_reader(ex)
    reader = ex.reader("en")
    assert isinstance(reader, EnglishReader)
    assert reader._group_namesakes is not None
    assert typology._prefix_index.cache_info().currsize == 1


def test_the_warm_up_changes_no_reading(extractor: Extractor) -> None:
    """A reader warmed first reads the demo's articles as a fresh reader does."""
    from sitrep.core.records import Article

    rows = [json.loads(line) for line in DEMO.read_text("utf-8").splitlines()[:6]]
    arts = [Article.make(r["text"], language="en", outlet=r.get("outlet")) for r in rows]
    cold = _fresh(extractor).read_chunk(arts)
    warm = _fresh(extractor)
    pipeline._warm_reader(warm)
    assert repr(warm.read_chunk(arts)) == repr(cold)


def _events(db: Path) -> list[tuple[object, ...]]:
    import sqlite3

    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT id, sub_event_type, place_id, date, actor1, actor2, sources"
            " FROM events ORDER BY id"
        ).fetchall()
    conn.close()
    return rows


def test_a_pool_ingest_warms_once_and_stores_the_events_of_one_process(
    app_config: Config, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a pool the ingest process warms one extractor (the workers' own, not a
    new one each); the events are those of the same input read in one process."""
    warmed: list[Extractor] = []
    real = pipeline._warm_reader
    monkeypatch.setattr(pipeline, "_warm_reader", lambda ex: (warmed.append(ex), real(ex))[1])
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(DEMO.read_text("utf-8").splitlines()[:12]) + "\n", "utf-8")
    with open_store(str(tmp_path / "pool.db")) as store:
        pooled = ingest([src], config=app_config, store=store, workers=2)
    with open_store(str(tmp_path / "one.db")) as store:
        alone = ingest([src], config=app_config, store=store, workers=1)
    assert len(warmed) == 1 and "en" in warmed[0]._readers
    assert (
        (pooled.articles, pooled.mentions)
        == (alone.articles, alone.mentions)
        == (12, alone.mentions)
    )
    assert _events(tmp_path / "pool.db") == _events(tmp_path / "one.db") != []
