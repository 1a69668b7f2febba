"""schemathesis against the app in-process: every operation, every check, no 5xx.

The app is built over the bundled demo corpus (plus a moderator token, so the
moderation routes are reached past the 401). Each operation gets a bounded number of
generated requests, positive and negative, so the run stays within CI time;
``SITREP_FUZZ_EXAMPLES=200`` (say) makes a larger run. Every response must be
documented in the OpenAPI schema (status, content type, body) and none may be a 5xx.
"""

from __future__ import annotations

import os
import re
import warnings
from pathlib import Path
from typing import Any

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    schemathesis = pytest.importorskip("schemathesis")
    from hypothesis import HealthCheck, settings

from sitrep.core.config import Config
from sitrep.moderation import comments as cm
from sitrep.pipeline import ingest
from sitrep.store import open_store

EXAMPLES = int(os.environ.get("SITREP_FUZZ_EXAMPLES", "6"))
DEMO = Path(__file__).resolve().parents[1] / "sitrep" / "demo" / "reports.jsonl"


@pytest.fixture(scope="module")
def fuzz_db(app_config: Config, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    path = tmp_path_factory.mktemp("fuzz") / "demo.db"
    with open_store(str(path)) as store:
        ingest([DEMO], config=app_config, store=store, workers=1)
        token = cm.create_token(store, "fuzz", "admin")
    return str(path), token


@pytest.fixture(scope="module")
def fuzz_token(fuzz_db: tuple[str, str]) -> str:
    return fuzz_db[1]


@pytest.fixture(scope="module")
def api_schema(app_config: Config, fuzz_db: tuple[str, str]) -> Any:
    from sitrep.faces.web import create_app

    app = create_app(app_config, db=fuzz_db[0], comment_rate=None)
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def _all_checks() -> list[Any]:
    """Every registered check (the Python twin of ``--checks all``)."""
    from schemathesis.checks import CHECKS, load_all_checks

    load_all_checks()
    return list(CHECKS.get_all())


# Rules between parameters, or about what the store holds, that a JSON schema cannot
# state: each is documented in the 422 answer of every operation (openapi_errors), and a
# request that breaks one is refused even though each parameter alone is schema-valid.
# Only these (matched on the answer's message) are not counted as "schema-valid request
# rejected" (ST202); any other 4xx for a schema-valid request still fails the test.
SEMANTIC_422 = re.compile(
    r"no event type or sub-event type contains|no country with ISO3 code|no place called|"
    r"is after until|has a minimum above its maximum|applies to \w+ rules only|"
    r"the gazetteer knows no place|is not an ACLED event type|is not an ISO country code|"
    r"bbox: (west|south)|to rename it, make a rule|is north of north="
)


def _documented_refusal(failure: Any, response: Any) -> bool:
    """Whether a failure is a refusal the API documents but a schema cannot express:
    a semantic rule above (422), or a body over the size limit (413, refused before it
    is parsed, so whatever its fields)."""
    code = getattr(failure, "code", "")
    if code == "ST202" and response.status_code == 422:
        return bool(SEMANTIC_422.search(response.text))
    return code == "ST201" and response.status_code == 413


@pytest.mark.parametrize("which", ["server", "all"])
def test_api_conforms_to_its_schema(api_schema: Any, fuzz_token: str, which: str) -> None:
    """Positive and negative cases for every operation: 0 server errors ("server"), and
    0 failed checks of any kind ("all"; but the documented refusals of
    :func:`_documented_refusal`)."""
    from hypothesis import given
    from hypothesis.errors import Unsatisfiable
    from schemathesis import GenerationMode

    checks = _all_checks()
    if which == "server":
        checks = [c for c in checks if c.__name__ == "not_a_server_error"]
    headers = {"Authorization": f"Bearer {fuzz_token}"}
    failures: dict[tuple[str, str], int] = {}
    cases = 0
    for result in api_schema.get_all_operations():
        operation = result.ok()
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):

            @given(case=operation.as_strategy(generation_mode=mode))
            @settings(
                max_examples=EXAMPLES,
                deadline=None,
                suppress_health_check=list(HealthCheck),
                database=None,
            )
            def run(case: Any) -> None:
                nonlocal cases
                cases += 1
                response = case.call(headers=headers)
                try:
                    case.validate_response(response, checks=checks, headers=headers)
                # collected: one report of every distinct failure (a FailureGroup is a
                # BaseExceptionGroup, not an Exception)
                except (Exception, BaseExceptionGroup) as exc:
                    found = getattr(exc, "exceptions", None) or [exc]
                    for failure in found:
                        if _documented_refusal(failure, response):
                            continue
                        what = f"{getattr(failure, 'code', '')} {getattr(failure, 'title', '')}"
                        detail = str(getattr(failure, "message", failure)).strip()[:160]
                        key = (case.operation.label, f"{what}: {detail}".replace("\n", " "))
                        failures[key] = failures.get(key, 0) + 1

            try:
                run()
            except Unsatisfiable:  # no negative case exists (an operation without inputs)
                continue
    report = "\n".join(f"{n:4d} {label}: {msg}" for (label, msg), n in sorted(failures.items()))
    assert not failures, f"{len(failures)} distinct failures in {cases} cases:\n{report}"
