"""Versioned schema migrations.

Each migration is a function of (connection, dialect name), applied once, in
order, inside one transaction; `meta.schema_version` records the last one
applied. Add a migration by appending to MIGRATIONS: never edit a released one.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, inspect, select, text

from diplotrack.store import aggregates, schema


def _m1_initial(conn: Connection, dialect: str) -> None:
    schema.metadata.create_all(conn)
    if dialect == "sqlite":
        conn.execute(
            text(
                "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5("
                "title, text, content='articles', content_rowid='rowid', tokenize='porter unicode61')"
            )
        )
    elif dialect == "postgresql":
        conn.execute(
            text(
                "CREATE INDEX IF NOT EXISTS ix_articles_fts ON articles USING gin("
                "to_tsvector('english', coalesce(title, '') || ' ' || text))"
            )
        )


def _m2_event_main(conn: Connection, dialect: str) -> None:
    """events.main: filterable without reading each record (older records: their lead flag)."""
    cols = {c["name"] for c in inspect(conn).get_columns("events")}
    if "main" not in cols:
        conn.execute(text("ALTER TABLE events ADD COLUMN main BOOLEAN"))
    lead = ("json_extract(data, '$.lead')" if dialect == "sqlite"
            else "(data::json->>'lead')::boolean")
    conn.execute(text(f"UPDATE events SET main = {lead} WHERE main IS NULL"))


def _m3_article_copy_of(conn: Connection, dialect: str) -> None:
    """articles.copy_of: the same wire text carried by another outlet."""
    if "copy_of" not in {c["name"] for c in inspect(conn).get_columns("articles")}:
        conn.execute(text("ALTER TABLE articles ADD COLUMN copy_of VARCHAR(32)"))


# columns that held input-derived values in VARCHAR(n): PostgreSQL enforced n, SQLite never did
_UNBOUNDED = {"articles": ("language", "genre", "published"),
              "participants": ("actor_id", "kind", "country", "level"),
              "events": ("mode", "date", "auxiliary")}


def _m4_unbounded_text(conn: Connection, dialect: str) -> None:
    """The same limits on both engines: none on what inputs decide (schema.py)."""
    if dialect != "postgresql":
        return  # SQLite's VARCHAR(n) is TEXT already
    for table, columns in _UNBOUNDED.items():
        alters = ", ".join(f"ALTER COLUMN {c} TYPE TEXT" for c in columns)
        conn.execute(text(f"ALTER TABLE {table} {alters}"))


def _m5_covering_indexes(conn: Connection, dialect: str) -> None:
    """Indexes the API's story list and actor filter read without touching the tables,
    and planner statistics (the story list: 43 -> 22 ms on 2,500 articles)."""
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_events_story_article "
                      "ON events (story_id, article_id)"))
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_participants_actor_event "
                      "ON participants (actor_id, event_id)"))
    conn.execute(text("ANALYZE"))


def _m6_watch_state(conn: Connection, dialect: str) -> None:
    """`diplotrack watch`: per source its validators and last poll, and the entries seen
    (a database made by migration 1 since has them already)."""
    schema.metadata.create_all(conn, tables=[schema.watch_sources, schema.watch_seen])


def _m7_stored_aggregates(conn: Connection, dialect: str) -> None:
    """Aggregates kept on write (store/aggregates.py): each story's number of reports, per
    actor and per actor pair event counts; back-filled from the rows stored. And covering
    indexes an event or article list picks its page from (100,000 events: 100 -> 30 ms)."""
    if "n_reports" not in {c["name"] for c in inspect(conn).get_columns("stories")}:
        conn.execute(text("ALTER TABLE stories ADD COLUMN n_reports INTEGER NOT NULL DEFAULT 0"))
    schema.metadata.create_all(conn, tables=[schema.actor_stats, schema.actor_edges])
    for table in (schema.stories, schema.events, schema.articles):
        for index in table.indexes:
            if index.name in schema.AGGREGATE_INDEXES:
                index.create(conn, checkfirst=True)
    aggregates.rebuild(conn)
    conn.execute(text("ANALYZE"))


def _m8_article_wire(conn: Connection, dialect: str) -> None:
    """articles.wire: the news agencies an article's text credits (a JSON list)."""
    if "wire" not in {c["name"] for c in inspect(conn).get_columns("articles")}:
        conn.execute(text("ALTER TABLE articles ADD COLUMN wire TEXT NOT NULL DEFAULT '[]'"))


MIGRATIONS: list[Callable[[Connection, str], None]] = [
    _m1_initial, _m2_event_main, _m3_article_copy_of, _m4_unbounded_text, _m5_covering_indexes,
    _m6_watch_state, _m7_stored_aggregates, _m8_article_wire]


def current_version(conn: Connection) -> int:
    if not conn.dialect.has_table(conn, "meta"):
        return 0
    row = conn.execute(
        select(schema.meta.c.value).where(schema.meta.c.key == "schema_version")
    ).first()
    return int(row[0]) if row else 0


def migrate(conn: Connection) -> int:
    """Apply the migrations not yet applied; return the resulting version. `conn` holds
    the write lock (Store.transaction), so concurrent starts migrate once."""
    dialect = conn.dialect.name
    if dialect == "postgresql":
        conn.execute(text("SET LOCAL statement_timeout = 0"))  # a server's budget is for queries
    version = current_version(conn)
    for number, step in enumerate(MIGRATIONS, start=1):
        if number <= version:
            continue
        step(conn, dialect)
        conn.execute(schema.meta.delete().where(schema.meta.c.key == "schema_version"))
        conn.execute(schema.meta.insert().values(key="schema_version", value=str(number)))
        version = number
    return version
