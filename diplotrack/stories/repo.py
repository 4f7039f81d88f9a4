"""Reading and writing story rows (SQL only here and in keys.py)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from sqlalchemy import Connection, bindparam, select

from diplotrack.store import aggregates
from diplotrack.store import schema as s
from diplotrack.stories import dates, keys
from diplotrack.stories.profile import Profile

SEQ_KEY = "stories.seq"
MERGED = "merged"

# built once: executing a prepared construct skips SQLAlchemy's per-call compile work
_UPDATE = (
    s.stories.update().where(s.stories.c.id == bindparam("sid"))
    .values(event_type=bindparam("event_type"), family=bindparam("family"),
            date_lo=bindparam("date_lo"), date_hi=bindparam("date_hi"),
            status=bindparam("status"), data=bindparam("data"))
)
_INSERT = s.stories.insert()
_SEQ_GET = select(s.meta.c.value).where(s.meta.c.key == bindparam("k"))
_SEQ_SET = s.meta.update().where(s.meta.c.key == bindparam("k")).values(value=bindparam("v"))
_KNOWN = select(s.events.c.id, s.events.c.story_id).where(
    s.events.c.id.in_(bindparam("ids", expanding=True)))
_LOAD = select(s.stories.c.id, s.stories.c.seq, s.stories.c.data).where(
    s.stories.c.id.in_(bindparam("ids", expanding=True)))


@dataclass
class StoryRow:
    id: str
    seq: int
    profile: Profile
    is_new: bool = False
    filed: set[str] | None = None  # keys already in story_keys (worked out when needed)

    def before_change(self) -> None:
        """Note the keys the story is filed under now, before its profile grows."""
        if self.filed is None:
            self.filed = set() if self.is_new else keys.story_keys(self.profile)


def next_seqs(conn: Connection, count: int) -> list[int]:
    """The next `count` story numbers, from a counter in `meta` (no scan of `stories`)."""
    if count <= 0:
        return []
    row = conn.execute(_SEQ_GET, {"k": SEQ_KEY}).first()
    last = int(row[0]) if row else 0
    if row:
        conn.execute(_SEQ_SET, {"k": SEQ_KEY, "v": str(last + count)})
    else:
        conn.execute(s.meta.insert(), {"key": SEQ_KEY, "value": str(last + count)})
    return list(range(last + 1, last + count + 1))


def new_id(founding_event_id: str) -> str:
    """A story id derived from its first report (event ids are unique), created once."""
    return "st_" + hashlib.sha1(founding_event_id.encode()).hexdigest()[:16]


def load(conn: Connection, ids: list[str]) -> dict[str, StoryRow]:
    """Story rows by id; the id of a merged story maps to the story it merged into."""
    rows: dict[str, StoryRow] = {}
    alias: dict[str, str] = {}
    todo = list(dict.fromkeys(ids))
    for _ in range(4):  # merge chains are short
        if not todo:
            break
        found = conn.execute(_LOAD, {"ids": todo}).all()
        todo = []
        for sid, seq, data in found:
            profile = Profile.from_json(json.loads(data or "{}"))
            if profile.merged_into:
                alias[sid] = profile.merged_into
                if profile.merged_into not in rows:
                    todo.append(profile.merged_into)
            else:
                rows[sid] = StoryRow(sid, seq, profile)
    out = dict(rows)
    for sid in alias:
        target = sid
        while target in alias:
            target = alias[target]
        if target in rows:
            out[sid] = rows[target]
    return out


def known_events(conn: Connection, event_ids: list[str]) -> dict[str, str]:
    """Story ids of events already stored (re-running an article changes nothing)."""
    if not event_ids:
        return {}
    rows = conn.execute(_KNOWN, {"ids": event_ids}).all()
    return {eid: sid for eid, sid in rows if sid}


def save(conn: Connection, rows: list[StoryRow]) -> None:
    """Insert or update story rows and file them under their new keys."""
    inserts, updates, new_keys = [], [], []
    for row in rows:
        p = row.profile
        wanted = keys.story_keys(p)
        parsed = dates.parse(p.date)
        values = {
            "event_type": p.category, "family": p.family,
            "date_lo": parsed[0].isoformat() if parsed else None,
            "date_hi": parsed[1].isoformat() if parsed else None,
            "status": p.status, "data": json.dumps(p.to_json(), ensure_ascii=False),
        }
        if row.is_new:
            inserts.append({"id": row.id, "seq": row.seq, **values})
            row.is_new = False
        else:
            updates.append({"sid": row.id, **values})
        new_keys += [{"key": k, "story_id": row.id, "seq": row.seq}
                     for k in sorted(wanted - (row.filed or set()))]
        row.filed = wanted
    if inserts:
        conn.execute(_INSERT, inserts)
        aggregates.recount_stories(conn, [str(r["id"]) for r in inserts])  # any events before it
    if updates:
        conn.execute(_UPDATE, updates)
    keys.add(conn, new_keys)


def merge(conn: Connection, keep: StoryRow, gone: StoryRow) -> None:
    """Fold story `gone` into the older story `keep`: its reports and keys move over,
    its row stays as a pointer so links to the old id still resolve."""
    keep.before_change()
    gone.before_change()
    keep.profile.absorb(gone.profile)
    keep.filed = (keep.filed or set()) | (gone.filed or set())
    conn.execute(s.events.update().where(s.events.c.story_id == gone.id).values(story_id=keep.id))
    aggregates.recount_stories(conn, [keep.id, gone.id])
    keys.repoint(conn, gone.id, keep.id, keep.seq)
    if not gone.is_new:
        pointer = Profile(merged_into=keep.id)
        conn.execute(
            s.stories.update().where(s.stories.c.id == gone.id)
            .values(status=MERGED, data=json.dumps(pointer.to_json()))
        )
