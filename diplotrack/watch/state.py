"""What `diplotrack watch` remembers between runs, in the database itself (tables
`watch_sources` and `watch_seen`): per source the validators its next conditional
request sends (ETag, Last-Modified), a hash of the last body, when it was last
polled and how that went, and the feed entries already stored."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import UTC, datetime

from sqlalchemy import select

from diplotrack.store import schema as s
from diplotrack.store.db import Store


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def source_id(url: str) -> str:
    return _sha(url)


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass
class SourceState:
    etag: str | None = None
    last_modified: str | None = None
    content_hash: str | None = None
    last_poll: str | None = None
    last_status: str | None = None
    last_error: str | None = None
    polls: int = 0

    def last_poll_epoch(self) -> float | None:
        if not self.last_poll:
            return None
        try:
            return datetime.fromisoformat(self.last_poll).timestamp()
        except ValueError:
            return None


_COLUMNS = [f.name for f in fields(SourceState)]


def load(store: Store, url: str) -> SourceState:
    """The state of `url`, empty when it was never polled."""
    t = s.watch_sources
    with store.engine.connect() as conn:
        row = conn.execute(select(*(t.c[c] for c in _COLUMNS)).where(t.c.id == source_id(url))).first()
    return SourceState(**dict(zip(_COLUMNS, row, strict=True))) if row else SourceState()


def save(store: Store, url: str, name: str | None, state: SourceState) -> None:
    t = s.watch_sources
    values = {c: getattr(state, c) for c in _COLUMNS}
    sid = source_id(url)
    with store.transaction() as conn:
        if conn.execute(select(t.c.id).where(t.c.id == sid)).first():
            conn.execute(t.update().where(t.c.id == sid).values(name=name, **values))
        else:
            conn.execute(t.insert().values(id=sid, url=url, name=name, **values))


def seen(store: Store, url: str) -> set[str]:
    """The entries (links, else ids) of `url`'s feed already stored."""
    t = s.watch_seen
    with store.engine.connect() as conn:
        return set(conn.execute(select(t.c.entry).where(t.c.source_id == source_id(url))).scalars())


def mark_seen(store: Store, url: str, entries: Iterable[str]) -> int:
    """Record `entries` as seen for `url`; return how many were not seen before."""
    t = s.watch_seen
    sid = source_id(url)
    keys = {_sha(f"{sid}\n{entry}"): entry for entry in entries}
    if not keys:
        return 0
    stamp = now_iso()
    with store.transaction() as conn:
        known = set(conn.execute(select(t.c.id).where(t.c.id.in_(list(keys)))).scalars())
        rows = [{"id": k, "source_id": sid, "entry": e, "seen_at": stamp}
                for k, e in keys.items() if k not in known]
        if rows:
            conn.execute(t.insert(), rows)
    return len(rows)
