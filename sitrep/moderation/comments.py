"""Reader comments on events and articles, the moderation queue, and who may moderate.

Tables, defined in :mod:`sitrep.store.schema` with the rest so
:func:`sitrep.store.open_store` creates them:

- ``comments``: one row per comment, with the policy's verdict, its reasons
  (JSON), the policy version and language, and its ``status``: ``published``,
  ``rejected`` or ``review``. A moderator's override sets ``moderated_by``,
  ``moderated_at`` and ``note``. The commenter's address is kept only as a
  keyed hash (``client``), enough to tell repeat posters apart, not to find them.
- ``moderation_audit``: every moderator decision: who, when, from which status
  to which, and the note.
- ``users`` and ``tokens``: moderators and admins, and their bearer tokens.
  A token is 32 random bytes shown once; only its SHA-256 is stored.

Writes go through a writable store (one writer); listings work on a read-only one.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import unicodedata
import weakref
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, NamedTuple

from sqlalchemy import (
    bindparam,
    case,
    func,
    select,
    update,
)
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError

from sitrep.core.errors import InputError, LookupFailed, StoreError
from sitrep.store import Store, articles, event_aliases, meta, resolve_event_id
from sitrep.store.schema import (
    MAX_AUTHOR,
    comments,
    event_redirects,
    moderation_audit,
    rate_buckets,
    token_roles,
    tokens,
    users,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sitrep.core.config import Config
    from sitrep.moderation import Policy

TARGET_TYPES = ("event", "article")
ROLES = ("moderator", "admin")
PUBLISHED, REJECTED, REVIEW = "published", "rejected", "review"
STATUSES = (PUBLISHED, REJECTED, REVIEW)
# the policy's verdict -> the comment's status
STATUS_OF_VERDICT = {"publish": PUBLISHED, "reject": REJECTED, "review": REVIEW}
MAX_TEXT = 4000  # characters
MAX_NOTE = 1000
TOKEN_PREFIX = "sitrep_"

_CLIENT_KEY = "comments_client_key"
# Bidirectional embeddings, overrides and isolates: they let a comment reorder the
# text around it on screen (and hide what it says), and no keyboard types them.
# Marks (LRM, RLM, ALM) and ZWNJ, which Persian needs, stay allowed.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


class Target(NamedTuple):
    """What a comment is about: ``("event", id)`` or ``("article", id)``."""

    type: str
    id: str


@dataclass(frozen=True)
class CommentRecord:
    """A stored comment with its moderation record."""

    id: int
    target_type: str
    target_id: str
    author: str
    text: str
    created_at: str
    verdict: str
    reasons: tuple[dict[str, Any], ...]
    policy_version: str
    language: str
    status: str
    moderated_by: str | None
    moderated_at: str | None
    note: str | None

    def public_dict(self) -> dict[str, Any]:
        """What readers see of a published comment."""
        return {
            "id": self.id,
            "target_type": self.target_type,
            "target_id": self.target_id,
            "author": self.author,
            "text": self.text,
            "created_at": self.created_at,
            "language": self.language,
        }

    def as_dict(self) -> dict[str, Any]:
        """Everything a moderator sees (the client hash stays out)."""
        return {
            **self.public_dict(),
            "verdict": self.verdict,
            "reasons": list(self.reasons),
            "policy_version": self.policy_version,
            "status": self.status,
            "moderated_by": self.moderated_by,
            "moderated_at": self.moderated_at,
            "note": self.note,
        }


@dataclass(frozen=True)
class User:
    """A moderator or an admin."""

    id: int
    name: str
    role: str

    def may(self, *roles: str) -> bool:
        """Whether this user holds one of ``roles``."""
        return self.role in roles


@dataclass(frozen=True)
class AuditRecord:
    """One moderator decision."""

    id: int
    comment_id: int
    moderator: str
    role: str
    at: str
    from_status: str
    to_status: str
    note: str

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "id": self.id,
            "comment_id": self.comment_id,
            "moderator": self.moderator,
            "role": self.role,
            "at": self.at,
            "from": self.from_status,
            "to": self.to_status,
            "note": self.note,
        }


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _writable(store: Store, what: str) -> None:
    if store.readonly:
        raise StoreError(f"cannot {what}: the store was opened read-only; open it writable")


# -- checking text -------------------------------------------------------------


def clean_text(value: str, field: str, *, max_chars: int, multiline: bool) -> str:
    """``value`` NFC-normalized and trimmed, or InputError saying what is wrong with it.

    Refused: empty text, text over ``max_chars``, unpaired surrogates (a JSON
    ``\\ud800`` escape is not a character), control characters (tab and line
    breaks allowed when ``multiline``), bidirectional overrides and isolates,
    and the noncharacters U+FFFE and U+FFFF.
    """
    if not isinstance(value, str):
        raise InputError(field, f"must be a string, not {type(value).__name__}")
    allowed = "\t\n\r" if multiline else ""
    for i, ch in enumerate(value):
        code = ord(ch)
        if 0xD800 <= code <= 0xDFFF:
            raise InputError(
                field,
                f"holds an unpaired surrogate U+{code:04X} at position {i}, which is not "
                "valid Unicode; send the text as UTF-8",
            )
        if (unicodedata.category(ch) == "Cc" and ch not in allowed) or code in (0xFFFE, 0xFFFF):
            keep = "only tab and line breaks are allowed" if multiline else "none is allowed"
            raise InputError(
                field, f"holds the control character U+{code:04X} at position {i}; {keep}"
            )
        if ch in _BIDI_CONTROLS:
            raise InputError(
                field,
                f"holds the bidirectional control U+{code:04X} at position {i}, which can "
                "disguise text; remove it (the page sets the direction itself)",
            )
    text = unicodedata.normalize("NFC", value).strip()
    if not text:
        raise InputError(field, "is empty; write something")
    if len(text) > max_chars:
        raise InputError(field, f"is {len(text)} characters long; the limit is {max_chars}")
    return text


# -- comments ------------------------------------------------------------------


def _target(target: Target | tuple[str, str]) -> Target:
    kind, ident = target
    if kind not in TARGET_TYPES:
        raise InputError("target_type", f"{kind!r} is not one of {', '.join(TARGET_TYPES)}")
    return Target(kind, ident)


def target_exists(conn: Connection, target: Target) -> bool:
    """Whether the event or article a comment is about is in the store (exact id; an
    event's id may be a retired one that redirects to the event now holding it)."""
    if target.type == "event":
        return resolve_event_id(conn, target.id) is not None
    return conn.execute(select(articles.c.id).where(articles.c.id == target.id)).first() is not None


def target_ids(conn: Connection, target: Target) -> list[str]:
    """The ids comments on ``target`` may be stored under: an event's current id and
    every retired id that redirects to it (comments keep the id they were posted on)."""
    if target.type != "event":
        return [target.id]
    current = resolve_event_id(conn, target.id)
    if current is None:
        return [target.id]
    return sorted({target.id, current, *event_aliases(conn, current)})


def _client_key(conn: Connection) -> bytes:
    """The store's secret key for hashing client addresses, made on first use."""
    row = conn.execute(select(meta.c.value).where(meta.c.key == _CLIENT_KEY)).first()
    if row is not None:
        return bytes.fromhex(row[0])
    key = secrets.token_bytes(32)
    conn.execute(meta.insert().values(key=_CLIENT_KEY, value=key.hex()))
    return key


def _record(row: Any) -> CommentRecord:
    return CommentRecord(
        id=row["id"],
        target_type=row["target_type"],
        target_id=row["target_id"],
        author=row["author"],
        text=row["text"],
        created_at=row["created_at"],
        verdict=row["verdict"],
        reasons=tuple(json.loads(row["reasons"])),
        policy_version=row["policy_version"],
        language=row["language"],
        status=row["status"],
        moderated_by=row["moderated_by"],
        moderated_at=row["moderated_at"],
        note=row["note"],
    )


def _author_reasons(
    author: str, policy: Policy, config: Config | None = None
) -> tuple[list[dict[str, Any]], str]:
    """Insults and slander in the author's name (its language is not judged)."""
    from sitrep.moderation import moderate

    decision = moderate(author, policy=policy, config=config)
    found = [
        {**r.as_dict(), "field": "author"}
        for r in decision.reasons
        if r.rule in ("insult", "slander", "classifier")
    ]
    verdict = "publish"
    for r in found:
        if r["score"] >= policy.reject_threshold:
            return found, "reject"
        if r["score"] >= policy.review_threshold:
            verdict = "review"
    return found, verdict


# What a reader may flag as wrong in an event ("flag this event" on the page).
FLAGS = ("place", "date", "actors", "type", "fatalities", "not-an-event", "duplicate", "other")


def _flag_reason(flag: str) -> dict[str, Any]:
    what = {
        "not-an-event": "says this is not an event",
        "duplicate": "says this event duplicates another",
        "other": "flags this event as wrong",
    }.get(flag, f"says the event's {flag} is wrong")
    return {
        "rule": "reader flag",
        "detail": f"a reader {what}",
        "span": None,
        "score": 1.0,
        "evidence": flag,
        "field": "flag",
    }


def _worse(a: str, b: str) -> str:
    order = {"publish": 0, "review": 1, "reject": 2}
    return a if order[a] >= order[b] else b


RECENT = 50  # earlier comments the repeated-post rule compares with


def _recent_texts(store: Store, where: Target, client: str | None) -> tuple[str, ...]:
    """The latest comments on the same page and from the same poster (repeated posts)."""
    with store.engine.connect() as conn:
        query = (
            select(comments.c.text)
            .where(comments.c.target_type == where.type, comments.c.target_id == where.id)
            .order_by(comments.c.id.desc())
            .limit(RECENT)
        )
        texts = [r.text for r in conn.execute(query)]
        key = conn.execute(select(meta.c.value).where(meta.c.key == _CLIENT_KEY)).first()
        if client is not None and key is not None:  # no key yet: no earlier hashed client
            digest = hmac.new(bytes.fromhex(key[0]), client.encode("utf-8"), hashlib.sha256)
            query = (
                select(comments.c.text)
                .where(comments.c.client == digest.hexdigest())
                .order_by(comments.c.id.desc())
                .limit(RECENT)
            )
            texts += [r.text for r in conn.execute(query)]
    return tuple(texts)


def add_comment(
    store: Store,
    target: Target | tuple[str, str],
    author: str,
    text: str,
    *,
    policy: Policy | None = None,
    client: str | None = None,
    config: Config | None = None,
    flag: str | None = None,
) -> CommentRecord:
    """Moderate one comment under ``policy`` (the default when None) and store it.

    The policy's verdict sets the status: publish -> published, reject ->
    rejected, review -> review (a moderator decides). A ``flag`` (what the reader
    says is wrong with the event: one of :data:`FLAGS`) is held for a moderator
    whatever the policy would publish, with the flag as its first reason. The
    reasons are stored with it. ``client`` (the poster's address) is stored only as a keyed hash;
    ``config`` is passed to :func:`~sitrep.moderation.moderate`.
    Raises InputError for an empty, oversized or malformed text or author, and
    LookupFailed when the event or article is not in the store.
    """
    from sitrep.moderation import default_policy, moderate

    _writable(store, "store a comment")
    where = _target(target)
    clean_author = clean_text(author, "author", max_chars=MAX_AUTHOR, multiline=False)
    clean = clean_text(text, "text", max_chars=MAX_TEXT, multiline=True)
    policy = policy or default_policy()
    recent = _recent_texts(store, where, client)
    decision = moderate(clean, policy=policy, recent=recent, config=config)
    reasons = [{**r.as_dict(), "field": "text"} for r in decision.reasons]
    author_reasons, author_verdict = _author_reasons(clean_author, policy, config)
    verdict = _worse(decision.verdict, author_verdict)
    if flag is not None:
        if flag not in FLAGS:
            raise InputError("flag", f"must be one of {', '.join(FLAGS)}")
        # an editor reads every flag: it never goes straight onto the page
        verdict = _worse(verdict, "review")
        reasons.insert(0, _flag_reason(flag))
    row = {
        "target_type": where.type,
        "target_id": where.id,
        "author": clean_author,
        "text": clean,
        "created_at": _now(),
        "verdict": verdict,
        "reasons": json.dumps(reasons + author_reasons, ensure_ascii=False),
        "policy_version": decision.policy_version,
        "language": decision.language,
        "status": STATUS_OF_VERDICT[verdict],
        "moderated_by": None,
        "moderated_at": None,
        "note": None,
    }
    try:
        # The write lock from the start (BEGIN IMMEDIATE on SQLite), as every write
        # here takes it: a transaction that reads first and then writes cannot wait
        # for a writer that commits in between (SQLite answers "database is locked" at
        # once, busy timeout or not); one that begins with the lock waits its turn.
        with store.writer.begin() as conn:
            if not target_exists(conn, where):
                raise LookupFailed(
                    f"no {where.type} with id {where.id!r} in this database; comments need "
                    f"the full id of an existing {where.type} (see /api/{where.type}s)"
                )
            if client is not None:
                row["client"] = hmac.new(
                    _client_key(conn), client.encode("utf-8"), hashlib.sha256
                ).hexdigest()
            inserted = conn.execute(comments.insert().values(**row)).inserted_primary_key
            assert inserted is not None  # an autoincrement key is always returned
            new_id = inserted[0]
            stored = conn.execute(select(comments).where(comments.c.id == new_id)).mappings().one()
    except SQLAlchemyError as exc:
        raise StoreError(f"could not store the comment on {where.type} {where.id}: {exc}") from exc
    return _record(stored)


def get_comment(store: Store, comment_id: int) -> CommentRecord:
    """One comment by id (LookupFailed when there is none)."""
    with store.engine.connect() as conn:
        row = conn.execute(select(comments).where(comments.c.id == comment_id)).mappings().first()
    if row is None:
        raise LookupFailed(f"no comment with id {comment_id}; list them with the moderation queue")
    return _record(row)


# The two reads of every page of events, built once: building a statement with an IN
# list of 50 ids cost more than running it.
_RETIRED_INTO = select(event_redirects.c.old_id, event_redirects.c.new_id).where(
    event_redirects.c.new_id.in_(bindparam("ids", expanding=True))
)
_ANY_PUBLISHED = select(comments.c.id).where(comments.c.status == PUBLISHED).limit(1)
_PUBLISHED_COUNTS = (
    select(comments.c.target_id, func.count())
    .where(
        comments.c.target_type == "event",
        comments.c.target_id.in_(bindparam("ids", expanding=True)),
        comments.c.status == PUBLISHED,
    )
    .group_by(comments.c.target_id)
)


# Per store, the generation read before a seek that found no published comment.
_NONE_PUBLISHED_AT: weakref.WeakKeyDictionary[Store, str] = weakref.WeakKeyDictionary()


def published_counts(store: Store, event_ids: Sequence[str]) -> dict[str, int]:
    """How many published comments each event has (those posted under an id it has
    retired too, as :func:`published` lists them): what an event list shows."""
    if not event_ids:
        return {}
    # on PostgreSQL a pooled connection costs four round trips and the generation
    # one: while the generation at which no comment was published is current, the
    # counts are all zero without a connection (any publish raises the generation)
    generation = store.generation() if store.engine.dialect.name == "postgresql" else None
    if generation is not None and _NONE_PUBLISHED_AT.get(store) == generation:
        return dict.fromkeys(event_ids, 0)
    with store.engine.connect() as conn:
        if conn.execute(_ANY_PUBLISHED).first() is None:
            # one index seek: most stores have no published comment, and the two
            # statements below cost a page of the API more than the seek
            if generation is not None:
                _NONE_PUBLISHED_AT[store] = generation
            return dict.fromkeys(event_ids, 0)
        # comment target id -> the event of this list it now belongs to
        owner = {i: i for i in event_ids}
        frontier = dict(owner)
        while frontier:  # retired ids, then the ids those retired, ...
            rows = conn.execute(_RETIRED_INTO, {"ids": list(frontier)}).all()
            frontier = {old: frontier[new] for old, new in rows if old not in owner}
            owner.update(frontier)
        found = conn.execute(_PUBLISHED_COUNTS, {"ids": list(owner)}).all()
    out = dict.fromkeys(event_ids, 0)
    for target_id, n in found:
        out[owner[target_id]] += int(n)
    return out


def published(
    store: Store, target: Target | tuple[str, str], *, limit: int = 200, offset: int = 0
) -> list[CommentRecord]:
    """The published comments on one event or article, oldest first."""
    where = _target(target)
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(comments)
            .where(
                comments.c.target_type == where.type,
                comments.c.target_id.in_(target_ids(conn, where)),
                comments.c.status == PUBLISHED,
            )
            .order_by(comments.c.id)
            .limit(limit)
            .offset(offset)
        ).mappings()
        return [_record(r) for r in rows]


def queue(
    store: Store,
    *,
    include_decided: bool = False,
    limit: int = 200,
    offset: int = 0,
    after: int | None = None,
) -> list[CommentRecord]:
    """Comments held for review or rejected by the policy, oldest first.

    A moderator's decision takes a comment out of the queue unless
    ``include_decided``. ``after`` pages by keyset: only comments with a larger id
    (the last id of the page before), so a page costs the same however deep it is
    and decisions taken meanwhile on earlier pages shift nothing (an offset would
    skip as many comments as were decided).
    """
    query = select(comments).where(comments.c.status.in_((REVIEW, REJECTED)))
    if not include_decided:
        query = query.where(comments.c.moderated_by.is_(None))
    if after is not None:
        query = query.where(comments.c.id > after)
    with store.engine.connect() as conn:
        rows = conn.execute(query.order_by(comments.c.id).limit(limit).offset(offset)).mappings()
        return [_record(r) for r in rows]


def decide(
    store: Store,
    comment_id: int,
    verdict: str,
    *,
    moderator: User,
    note: str = "",
) -> CommentRecord:
    """A moderator publishes or rejects a comment; the change is written to the audit log.

    ``verdict`` is ``publish`` or ``reject``. A decision that keeps the status
    (confirming the policy) is audited too.
    """
    _writable(store, "record a moderation decision")
    if verdict not in ("publish", "reject"):
        raise InputError("verdict", f"{verdict!r} is not publish or reject")
    if not moderator.may(*ROLES):
        raise InputError("moderator", f"{moderator.name} ({moderator.role}) may not moderate")
    note = note.strip()
    if note:
        note = clean_text(note, "note", max_chars=MAX_NOTE, multiline=True)
    new_status = STATUS_OF_VERDICT[verdict]
    try:
        # A concurrent decision may change the status between the read and the write:
        # the update only applies to the status just read, else it reads again.
        for _ in range(5):
            with store.writer.begin() as conn:
                row = (
                    conn.execute(select(comments).where(comments.c.id == comment_id))
                    .mappings()
                    .first()
                )
                if row is None:
                    raise LookupFailed(
                        f"no comment with id {comment_id}; see /api/moderation/queue"
                    )
                now = _now()
                changed = conn.execute(
                    update(comments)
                    .where(comments.c.id == comment_id, comments.c.status == row["status"])
                    .values(
                        status=new_status, moderated_by=moderator.name, moderated_at=now, note=note
                    )
                ).rowcount
                if not changed:
                    continue
                conn.execute(
                    moderation_audit.insert().values(
                        comment_id=comment_id,
                        moderator=moderator.name,
                        role=moderator.role,
                        at=now,
                        from_status=row["status"],
                        to_status=new_status,
                        note=note,
                    )
                )
                break
        else:
            raise StoreError(f"comment {comment_id} kept changing under the decision; try again")
    except SQLAlchemyError as exc:
        raise StoreError(f"could not record the decision on comment {comment_id}: {exc}") from exc
    return get_comment(store, comment_id)


def decision_examples(store: Store) -> list[tuple[str, str]]:
    """(text, label) for every comment a moderator decided: the training data they made.

    ``label`` is ``published`` or ``rejected`` (the moderator's last word), so
    ``sitrep moderate train --from-decisions`` can learn the publisher's own line.
    """
    query = select(comments.c.text, comments.c.status).where(
        comments.c.moderated_by.is_not(None),
        comments.c.status.in_(["published", "rejected"]),
    )
    with store.engine.connect() as conn:
        return [(r.text, r.status) for r in conn.execute(query.order_by(comments.c.id))]


def audit_log(
    store: Store, *, comment_id: int | None = None, limit: int = 500
) -> list[AuditRecord]:
    """Moderator decisions, newest first (of one comment when ``comment_id``)."""
    query = select(moderation_audit)
    if comment_id is not None:
        query = query.where(moderation_audit.c.comment_id == comment_id)
    with store.engine.connect() as conn:
        rows = conn.execute(query.order_by(moderation_audit.c.id.desc()).limit(limit)).mappings()
        return [
            AuditRecord(
                id=r["id"],
                comment_id=r["comment_id"],
                moderator=r["moderator"],
                role=r["role"],
                at=r["at"],
                from_status=r["from_status"],
                to_status=r["to_status"],
                note=r["note"],
            )
            for r in rows
        ]


# -- moderators and their tokens ------------------------------------------------


def hash_token(token: str) -> str:
    """What the store keeps of a token: its SHA-256, hex.

    A token carries 256 random bits, so a fast hash is enough (no salt or
    key stretching needed: there is nothing to guess).
    """
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(store: Store, name: str, role: str) -> str:
    """A new token for user ``name`` (created with ``role``, or given that role).

    Returns the token: it is shown once and only its hash is stored.
    """
    _writable(store, "create a token")
    if role not in ROLES:
        raise InputError("role", f"{role!r} is not one of {', '.join(ROLES)}")
    name = clean_text(name, "name", max_chars=MAX_AUTHOR, multiline=False)
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    try:
        with store.writer.begin() as conn:
            row = conn.execute(select(users.c.id).where(users.c.name == name)).first()
            if row is None:
                key = conn.execute(
                    users.insert().values(name=name, role=role, created_at=_now())
                ).inserted_primary_key
                assert key is not None  # an autoincrement key is always returned
                user_id = key[0]
            else:
                user_id = row[0]
                # the user's older tokens keep the role they were made with: pin it before
                # the user's role changes, so a new admin token upgrades no older token
                older = select(tokens.c.id).where(
                    tokens.c.user_id == user_id,
                    tokens.c.id.not_in(select(token_roles.c.token_id)),
                )
                conn.execute(
                    token_roles.insert().from_select(
                        ["token_id", "role"],
                        select(tokens.c.id, users.c.role)
                        .join(users, users.c.id == tokens.c.user_id)
                        .where(tokens.c.id.in_(older)),
                    )
                )
                conn.execute(update(users).where(users.c.id == user_id).values(role=role))
            made = conn.execute(
                tokens.insert().values(
                    user_id=user_id, token_hash=hash_token(token), created_at=_now()
                )
            ).inserted_primary_key
            assert made is not None
            conn.execute(token_roles.insert().values(token_id=made[0], role=role))
    except SQLAlchemyError as exc:
        raise StoreError(f"could not create a token for {name}: {exc}") from exc
    return token


def revoke_tokens(store: Store, name: str) -> int:
    """Revoke every live token of user ``name``; returns how many."""
    _writable(store, "revoke tokens")
    with store.writer.begin() as conn:
        row = conn.execute(select(users.c.id).where(users.c.name == name)).first()
        if row is None:
            raise LookupFailed(f"no user called {name!r}; list them with `sitrep admin users`")
        revoked: int = conn.execute(
            update(tokens)
            .where(tokens.c.user_id == row[0], tokens.c.revoked_at.is_(None))
            .values(revoked_at=_now())
        ).rowcount
    return revoked


def check_token(store: Store, token: str) -> User | None:
    """The user a live token belongs to, or None for an unknown or revoked token."""
    if not token or not token.startswith(TOKEN_PREFIX) or len(token) > 200:
        return None
    with store.engine.connect() as conn:
        row = conn.execute(
            select(
                users.c.id,
                users.c.name,
                func.coalesce(token_roles.c.role, users.c.role),
                tokens.c.token_hash,
            )
            .join(tokens, tokens.c.user_id == users.c.id)
            .outerjoin(token_roles, token_roles.c.token_id == tokens.c.id)
            .where(tokens.c.token_hash == hash_token(token), tokens.c.revoked_at.is_(None))
        ).first()
    # the lookup is by hash; compare again in constant time all the same
    if row is None or not hmac.compare_digest(row[3], hash_token(token)):
        return None
    return User(id=row[0], name=row[1], role=row[2])


def list_users(store: Store) -> list[dict[str, Any]]:
    """Every user with its role and number of live tokens."""
    with store.engine.connect() as conn:
        rows = conn.execute(select(users).order_by(users.c.name)).mappings().all()
        live: dict[int, int] = {}
        for (uid,) in conn.execute(select(tokens.c.user_id).where(tokens.c.revoked_at.is_(None))):
            live[uid] = live.get(uid, 0) + 1
    return [
        {
            "name": r["name"],
            "role": r["role"],
            "created_at": r["created_at"],
            "tokens": live.get(r["id"], 0),
        }
        for r in rows
    ]


def counts(store: Store) -> dict[str, int]:
    """Comments by status."""
    with store.engine.connect() as conn:
        found: dict[str, int] = {
            str(status): int(n)
            for status, n in conn.execute(
                select(comments.c.status, func.count()).group_by(comments.c.status)
            )
        }
    return {s: int(found.get(s, 0)) for s in STATUSES}


def take_rate_token(store: Store, key: str, burst: int, period: float, now: float) -> float:
    """Take one token from ``key``'s bucket in the database: 0.0 if allowed, else the wait.

    The bucket holds up to ``burst`` tokens refilled at ``burst / period`` a second.
    Each step is one statement (a conditional UPDATE, or an INSERT that only the first
    caller wins), so two processes on one database never both spend the same token.
    """
    _writable(store, "rate limits")
    key = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()  # never the address
    rate = burst / period
    col = rate_buckets.c
    refilled = col.tokens + (now - col.updated_at) * rate
    capped = case((refilled > burst, float(burst)), else_=refilled)
    with store.writer.begin() as conn:
        taken = conn.execute(
            rate_buckets.update()
            .where(col.key == key, capped >= 1.0)
            .values(tokens=capped - 1.0, updated_at=now)
        )
        if taken.rowcount:
            return 0.0
        row = conn.execute(select(col.tokens, col.updated_at).where(col.key == key)).first()
        if row is None:
            try:
                with conn.begin_nested():
                    conn.execute(
                        rate_buckets.insert().values(key=key, tokens=burst - 1.0, updated_at=now)
                    )
                return 0.0
            except SQLAlchemyError:  # another process made the bucket first: read it
                row = conn.execute(select(col.tokens, col.updated_at).where(col.key == key)).first()
                if row is None:
                    raise
        tokens_now = min(float(burst), row.tokens + (now - row.updated_at) * rate)
        # refilled between the two statements (a race with another process, or a clock
        # step): refuse this once rather than spend a token two callers may both see
        return max((1.0 - tokens_now) / rate, 1.0 / rate if tokens_now >= 1.0 else 0.0)
