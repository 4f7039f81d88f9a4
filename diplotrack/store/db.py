"""The database: open, migrate, write one article at a time, read back.

`Store` is the only place that talks SQL. Every write of an article (its row,
its events, its story links) happens in one transaction, so after any crash
the database holds whole articles only.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, func, or_, select, text
from sqlalchemy.exc import SQLAlchemyError

from diplotrack.errors import StoreError
from diplotrack.ingest import dedup
from diplotrack.models import Article, Event
from diplotrack.store import aggregates, version
from diplotrack.store import schema as s
from diplotrack.store.migrations import migrate

DEFAULT_DB = "diplotrack.db"
WRITE_OPTION = "diplotrack_write"
WRITE_LOCK = 0x6469706C  # PostgreSQL advisory lock key of diplotrack's writers ("dipl")


def resolve_url(db: str | None) -> str:
    """A plain path or sqlite:/// URL is SQLite; postgresql:// is PostgreSQL."""
    db = db or os.environ.get("DIPLOTRACK_DB") or DEFAULT_DB
    if "://" in db:
        if db.startswith("postgres://"):
            db = "postgresql://" + db[len("postgres://") :]
        return db
    return f"sqlite:///{Path(db).expanduser()}"


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # the driver's own BEGIN off: _sqlite_begin emits it
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA busy_timeout=30000")  # first: the next one waits for other processes
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def _engine(url: str, query_budget_s: float | None) -> Engine:
    connect_args: dict[str, Any] = {}
    if url.startswith("postgresql") and query_budget_s:
        connect_args["options"] = f"-c statement_timeout={int(query_budget_s * 1000)}"
    try:
        engine = create_engine(url, connect_args=connect_args)
    except ModuleNotFoundError as exc:
        raise StoreError(f"{url.split('://', 1)[0]}: the database driver {exc.name!r} is not "
                         "installed (pip install 'diplotrack[postgres]')") from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        if query_budget_s:
            _sqlite_budget(engine, query_budget_s)
    return engine


def _sqlite_begin(conn: Connection) -> None:
    """A write transaction takes SQLite's write lock when it begins, so what it reads
    (the next seq, stories to attach to, a twin stored by another process) cannot
    change before it commits; reads begin deferred."""
    immediate = conn.get_execution_options().get(WRITE_OPTION)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _sqlite_budget(engine: Engine, seconds: float) -> None:
    """Stop any statement after `seconds` with SQLite's progress handler ("interrupted")."""

    def on_connect(dbapi_conn: Any, record: Any) -> None:
        deadline = record.info["deadline"] = [float("inf")]
        dbapi_conn.set_progress_handler(lambda: int(time.monotonic() > deadline[0]), 20_000)

    def before_execute(conn: Connection, *_args: Any) -> None:
        conn.info["deadline"][0] = time.monotonic() + seconds

    event.listen(engine, "connect", on_connect)
    event.listen(engine, "before_cursor_execute", before_execute)


class Store:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.dialect = engine.dialect.name

    @classmethod
    def open(cls, db: str | None = None, *, query_budget_s: float | None = None) -> Store:
        """The store at `db`, migrated. With `query_budget_s`, any one statement running
        longer is stopped (OperationalError): what a server needs, never an ingest."""
        url = resolve_url(db)
        try:
            engine = _engine(url, query_budget_s)
            store = cls(engine)
            with store.transaction() as conn:
                migrate(conn)
        except SQLAlchemyError as exc:
            raise StoreError(f"{db or url}: cannot open database: {exc.__class__.__name__}: "
                             f"{str(exc).splitlines()[0]}") from exc
        return store

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """A write transaction, serialised with every other writer of the database (other
        processes and machines included): SQLite's write lock, a PostgreSQL advisory lock."""
        with self.engine.connect() as conn:
            conn.execution_options(**{WRITE_OPTION: True})
            with conn.begin():
                if self.dialect == "postgresql":
                    conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": WRITE_LOCK})
                yield conn
                version.bump(conn)  # committed with the writes: readers' caches see them

    # ---- reading before a write -------------------------------------------------

    def source_known(self, source: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(
                select(s.article_sources.c.article_id).where(s.article_sources.c.source == source)
            ).scalar()

    def find_duplicate(self, article: Article, conn: Connection | None = None, *,
                       copies: bool = False) -> tuple[str, str] | None:
        """(id, source) of a stored article with the same or nearly the same text. With
        `copies`, a nearly identical text from another outlet is no duplicate but a
        copy of one wire text (see `find_copy`)."""
        with self._conn(conn) as c:
            row = c.execute(
                select(s.articles.c.id, s.articles.c.source).where(
                    s.articles.c.text_hash == article.text_hash
                )
            ).first()
            if row:
                return row[0], row[1]
            for cid, csource, coutlet in self._near(c, article):
                if not (copies and _other_outlet(article.outlet, coutlet)):
                    return cid, csource
        return None

    def find_copy(self, article: Article, conn: Connection | None = None) -> str | None:
        """The id of a stored article of another outlet with nearly the same text (the
        same agency copy carried by two outlets), or None."""
        with self._conn(conn) as c:
            return next((cid for cid, _, coutlet in self._near(c, article)
                         if _other_outlet(article.outlet, coutlet)), None)

    def _near(self, c: Connection, article: Article) -> Iterator[tuple[str, str, str | None]]:
        cand = c.execute(
            select(s.articles.c.id, s.articles.c.source, s.articles.c.simhash, s.articles.c.outlet)
            .join(s.article_bands, s.article_bands.c.article_id == s.articles.c.id)
            .where(s.article_bands.c.band.in_(dedup.bands(article.simhash)))
            .distinct()
        ).all()
        for cid, csource, csim, coutlet in cand:
            if dedup.hamming(csim, article.simhash) > dedup.CANDIDATE_BITS:
                continue
            other = c.execute(select(s.articles.c.text).where(s.articles.c.id == cid)).scalar_one()
            if dedup.near_duplicate(article.text, article.simhash, other, csim):
                yield cid, csource, coutlet

    @contextmanager
    def _conn(self, conn: Connection | None) -> Iterator[Connection]:
        if conn is not None:
            yield conn
        else:
            with self.engine.connect() as c:
                yield c

    # ---- writing (inside a transaction) ---------------------------------------------

    def add_source(self, conn: Connection, source: str, article_id: str) -> None:
        exists = conn.execute(
            select(s.article_sources.c.source).where(s.article_sources.c.source == source)
        ).first()
        if not exists:
            conn.execute(s.article_sources.insert().values(source=source, article_id=article_id))

    def save_article(self, conn: Connection, article: Article) -> None:
        seq = (conn.execute(select(func.coalesce(func.max(s.articles.c.seq), 0))).scalar() or 0) + 1
        row = article.to_dict()
        row.update(
            authors=json.dumps(article.authors, ensure_ascii=False),
            wire=json.dumps(article.wire, ensure_ascii=False),
            framing=json.dumps(article.framing, ensure_ascii=False),
            text_hash=article.text_hash,
            simhash=article.simhash,
            seq=seq,
            ingested_at=datetime.now(UTC).isoformat(timespec="seconds"),
        )
        inserted = conn.execute(s.articles.insert().values(**row))
        conn.execute(
            s.article_bands.insert(),
            [{"band": b, "article_id": article.id} for b in dedup.bands(article.simhash)],
        )
        if self.dialect == "sqlite":
            conn.execute(
                text("INSERT INTO articles_fts(rowid, title, text) VALUES (:r, :t, :x)"),
                {"r": inserted.lastrowid, "t": article.title or "", "x": article.text},
            )
        self.add_source(conn, article.source, article.id)

    def save_events(self, conn: Connection, events: list[Event]) -> None:
        for ev in events:
            d = ev.to_dict()
            conn.execute(
                s.events.insert().values(
                    id=ev.id, article_id=ev.article_id, story_id=ev.story_id,
                    event_type=ev.event_type, mode=ev.mode, date=ev.date,
                    auxiliary=ev.auxiliary, confidence=ev.confidence, main=ev.main,
                    data=json.dumps(d, ensure_ascii=False),
                )
            )
            rows = [
                {"event_id": ev.id, "role": role, "actor_id": p.id, "name": p.name,
                 "kind": p.kind, "country": p.country, "text": p.text, "level": p.level}
                for role, group in (("actor", ev.actor), ("recipient", ev.recipient))
                for p in group
            ]
            if rows:
                conn.execute(s.participants.insert(), rows)
            ev_rows = [{"event_id": ev.id, **e.to_dict()} for e in ev.evidence]
            if ev_rows:
                conn.execute(s.evidence.insert(), ev_rows)
        aggregates.add_events(conn, [ev.id for ev in events])
        aggregates.recount_stories(conn, (ev.story_id for ev in events))

    # ---- reading back -------------------------------------------------------------

    def iter_articles(self) -> Iterator[dict[str, Any]]:
        with self.engine.connect() as conn:
            for row in conn.execute(select(s.articles).order_by(s.articles.c.seq)).mappings():
                yield article_record(row)

    def get_article(self, article_id: str) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(s.articles).where(s.articles.c.id == article_id)).mappings().first()
        return article_record(row) if row else None

    def sources_ending(self, *suffixes: str) -> list[tuple[str, str]]:
        """(article id, source) of every source read whose text ends with one of `suffixes`."""
        src = s.article_sources.c.source
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(s.article_sources.c.article_id, src).where(or_(*(src.endswith(x, autoescape=True) for x in suffixes)))
            ).all()
        return [(r[0], r[1]) for r in rows]

    def iter_events(self, article_id: str | None = None, *, most_confident: int | None = None,
                    min_confidence: float | None = None, main_only: bool = False) -> Iterator[Event]:
        """Events in article order, or the `most_confident` ones, most confident first;
        only those with at least `min_confidence`, only main events with `main_only`."""
        query = (
            select(s.events.c.data, s.events.c.story_id)
            .join(s.articles, s.articles.c.id == s.events.c.article_id)
            .order_by(s.articles.c.seq, s.events.c.id)
        )
        if article_id:
            query = query.where(s.events.c.article_id == article_id)
        if min_confidence is not None:
            query = query.where(s.events.c.confidence >= min_confidence)
        if main_only:
            query = query.where(s.events.c.main.is_(True))
        if most_confident:
            query = query.order_by(None).order_by(s.events.c.confidence.desc(), s.events.c.id)
            query = query.limit(most_confident)
        with self.engine.connect() as conn:
            for data, story_id in conn.execute(query):
                ev = Event.from_dict(json.loads(data))
                ev.story_id = story_id
                yield ev

    def count(self, table: str) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(s.metadata.tables[table])).scalar() or 0

    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        """Full-text search over titles and bodies, best first."""
        with self.engine.connect() as conn:
            if self.dialect == "sqlite":
                sql = text(
                    "SELECT a.id, a.title, snippet(articles_fts, 1, '[', ']', '…', 12) AS snippet "
                    "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
                    "WHERE articles_fts MATCH :q ORDER BY bm25(articles_fts) LIMIT :n"
                )
                q = " ".join('"' + w.replace('"', '""') + '"' for w in query.split())
            else:
                sql = text(
                    "SELECT id, title, ts_headline('english', text, plainto_tsquery('english', :q)) "
                    "AS snippet FROM articles WHERE to_tsvector('english', coalesce(title,'') || ' ' "
                    "|| text) @@ plainto_tsquery('english', :q) LIMIT :n"
                )
                q = query
            return [dict(r) for r in conn.execute(sql, {"q": q, "n": limit}).mappings()]


def _other_outlet(mine: str | None, theirs: str | None) -> bool:
    return bool(mine and theirs and mine.strip().lower() != theirs.strip().lower())


def article_record(row: Any) -> dict[str, Any]:
    """The export shape of an article row (CONTRACT.md)."""
    return {
        "id": row["id"],
        "source": row["source"],
        "title": row["title"],
        "authors": json.loads(row["authors"] or "[]"),
        "outlet": row["outlet"],
        "wire": json.loads(row.get("wire") or "[]"),
        "published": row["published"],
        "published_from": row["published_from"],
        "language": row["language"],
        "genre": row["genre"],
        "url": row["url"],
        "dateline": row["dateline"],
        "text": row["text"],
        "framing": json.loads(row["framing"] or "{}"),
        "copy_of": row.get("copy_of"),
    }
