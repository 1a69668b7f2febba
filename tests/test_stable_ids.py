"""Stable public event ids: comments, links and saved ids survive more ingest.

An event's first id is its content id (a fresh ingest gives the same ids in any
order, with any number of workers). Once an ingest finishes its ids are
published; a later ingest that re-merges a block hands each id on to the event
holding most of its mentions, and an id merged away redirects to it.
"""

from __future__ import annotations

import json
from pathlib import Path

from sitrep.core.config import Config
from sitrep.moderation import comments as cm
from sitrep.pipeline import ingest
from sitrep.store import open_store
from sitrep.views.queries import ALL_STATUSES, EventFilter, get_event_record, iter_events

NOTE = "Useful summary, the second outlet reported this too."
DEMO = Path(__file__).resolve().parents[1] / "sitrep" / "demo" / "reports.jsonl"


def _ids(store: object) -> set[str]:
    return {e["id"] for e in iter_events(store, EventFilter(statuses=ALL_STATUSES))}  # type: ignore[arg-type]


def test_comments_survive_more_ingest_and_old_ids_redirect(
    app_config: Config, tmp_path: Path
) -> None:
    lines = DEMO.read_text("utf-8").splitlines(keepends=True)
    # every other report first: most events gain reports in the second ingest
    first, rest = tmp_path / "first.jsonl", tmp_path / "rest.jsonl"
    first.write_text("".join(lines[::2]), "utf-8")
    rest.write_text("".join(lines[1::2]), "utf-8")
    whole = tmp_path / "whole.jsonl"
    whole.write_text("".join(lines), "utf-8")

    with open_store(str(tmp_path / "fresh.db")) as store:
        ingest([whole], config=app_config, store=store)
        content_ids = _ids(store)

    with open_store(str(tmp_path / "a.db")) as store:
        ingest([first], config=app_config, store=store)
        before = _ids(store)
        posted = {
            eid: cm.add_comment(store, ("event", eid), "reader", f"{NOTE} ({n})").id
            for n, eid in enumerate(sorted(before))
        }
        assert all(cm.get_comment(store, c).status == cm.PUBLISHED for c in posted.values())
        ingest([rest], config=app_config, store=store)
        after = _ids(store)
        # the rebuilt events are not the first ingest's content ids, yet every id still works
        assert before - content_ids, "the second ingest re-merged nothing: the test needs it"
        assert before <= after | {r for r in before if get_event_record(store, r).id != r}
        orphans = []
        for eid, comment_id in posted.items():
            event = get_event_record(store, eid)
            assert event.id in after
            if event.id != eid:
                assert event.redirected_from == eid
                assert event.to_dict()["redirected_from"] == eid
            else:
                assert "redirected_from" not in event.to_dict()
            shown = [c.id for c in cm.published(store, ("event", eid))]
            if comment_id not in shown or comment_id not in [
                c.id for c in cm.published(store, ("event", event.id))
            ]:
                orphans.append(eid)
        assert orphans == []
        # a comment can be posted on an old id too, and shows on the current event
        for eid in before - after:
            late = cm.add_comment(store, ("event", eid), "reader", f"{NOTE} Later.")
            current = get_event_record(store, eid).id
            assert late.id in [c.id for c in cm.published(store, ("event", current))]
    # same events (grouping) as the fresh ingest: only ids are kept
    assert len(after) == len(content_ids)


def test_a_fresh_ingest_gives_content_ids_whatever_the_split(
    app_config: Config, tmp_path: Path
) -> None:
    """Ids shown during one ingest are published only when it ends: merging every
    few articles (as a long or resumed run does) ends with the same ids."""
    whole = tmp_path / "whole.jsonl"
    lines = DEMO.read_text("utf-8").splitlines(keepends=True)
    whole.write_text("".join(lines), "utf-8")
    results = []
    for every in (200, 3):
        with open_store(str(tmp_path / f"e{every}.db")) as store:
            ingest([whole], config=app_config, store=store, merge_every=every)
            results.append(sorted(_ids(store)))
    assert results[0] == results[1]
    assert json.dumps(results[0])  # plain strings
