"""Tables of the diplotrack database (SQLAlchemy Core).

One schema for both engines: a column whose value comes from an input (a
language tag, a genre, an actor id made from a name) is TEXT, which neither
SQLite nor PostgreSQL bounds; VARCHAR(n) only holds what diplotrack itself
makes (hash ids, PLOVER categories, ISO dates it normalised).

Events and stories keep their full export record as JSON in `data`, with the
columns that queries filter on beside it; participants and evidence are also
normalised into their own tables so SQL can answer "who met whom".
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

meta = Table(
    "meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("source", Text, nullable=False),
    Column("url", Text),
    Column("title", Text),
    Column("authors", Text, nullable=False, default="[]"),  # JSON list
    Column("outlet", Text),
    Column("wire", Text, nullable=False, default="[]", server_default="[]"),  # JSON list (migration 8)
    Column("published", Text),
    Column("published_from", String(16)),
    Column("language", Text, nullable=False),
    Column("genre", Text),
    Column("dateline", Text),
    Column("text", Text, nullable=False),
    Column("framing", Text, nullable=False, default="{}"),  # JSON object
    Column("copy_of", String(32)),  # another outlet's article with nearly the same text
    Column("text_hash", String(64), nullable=False, unique=True),
    Column("simhash", BigInteger, nullable=False),
    Column("seq", Integer, nullable=False, index=True),  # ingest order
    Column("ingested_at", String(32), nullable=False),
)

# every source ever read (an article's own, and those of its duplicates):
# re-ingesting a source already here is skipped without re-reading the text
article_sources = Table(
    "article_sources",
    metadata,
    Column("source", Text, primary_key=True),
    Column("article_id", String(32), ForeignKey("articles.id"), nullable=False),
)

# four 16-bit bands of each article's 64-bit simhash: near-duplicate candidates
article_bands = Table(
    "article_bands",
    metadata,
    Column("band", Integer, nullable=False),  # band index * 65536 + band value
    Column("article_id", String(32), ForeignKey("articles.id"), nullable=False),
    Index("ix_article_bands_band", "band"),
)

events = Table(
    "events",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("article_id", String(32), ForeignKey("articles.id"), nullable=False, index=True),
    Column("story_id", String(40), index=True),
    Column("event_type", String(16), nullable=False),
    Column("mode", Text),
    Column("date", Text),
    Column("auxiliary", Text),
    Column("confidence", Float, nullable=False),
    Column("main", Boolean),  # one of its article's main events (NULL: stored before migration 2)
    Column("data", Text, nullable=False),  # the export record, JSON
    Index("ix_events_story_article", "story_id", "article_id"),  # reports per story, covered
)

participants = Table(
    "participants",
    metadata,
    Column("event_id", String(40), ForeignKey("events.id"), nullable=False, index=True),
    Column("role", String(12), nullable=False),  # actor | recipient
    Column("actor_id", Text, nullable=False, index=True),
    Column("name", Text, nullable=False),
    Column("kind", Text),
    Column("country", Text),
    Column("text", Text),
    Column("level", Text),
    Index("ix_participants_actor_event", "actor_id", "event_id"),  # an actor's events, covered
)

evidence = Table(
    "evidence",
    metadata,
    Column("event_id", String(40), ForeignKey("events.id"), nullable=False, index=True),
    Column("sentence", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
)

stories = Table(
    "stories",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("event_type", String(16), nullable=False),
    Column("family", String(16), nullable=False),
    Column("date_lo", String(10)),  # earliest day the story's date allows
    Column("date_hi", String(10)),  # latest day
    Column("status", String(16)),
    Column("seq", Integer, nullable=False),  # creation order; never renumbered
    Column("data", Text, nullable=False, default="{}"),  # matcher's summary, JSON
    # the articles that report the story (a main event in it), kept on write
    # (store/aggregates.py; migration 7): its record's report_count, the list's order
    Column("n_reports", Integer, nullable=False, default=0, server_default="0"),
)
# the story list, most reported first, read in index order without touching the table
Index("ix_stories_reports", stories.c.n_reports.desc(), stories.c.seq, stories.c.status,
      stories.c.id)
# an event list's page picked from indexes alone (date, the article's order), then read
Index("ix_events_id_date", events.c.id, events.c.date, events.c.article_id)
Index("ix_articles_id_seq", articles.c.id, articles.c.seq, articles.c.published)
AGGREGATE_INDEXES = ("ix_stories_reports", "ix_events_id_date", "ix_articles_id_seq")  # migration 7

# blocking keys: a new event is compared only with stories sharing a key
story_keys = Table(
    "story_keys",
    metadata,
    Column("key", String(128), nullable=False),
    Column("story_id", String(40), ForeignKey("stories.id"), nullable=False),
    Column("seq", Integer, nullable=False, default=0),  # the story's seq: newest first per key
    Index("ix_story_keys_key_seq", "key", "seq"),
)

# `diplotrack watch`: per polled source, what the next conditional request sends and how
# the last poll went; ids are SHA-256 hex of the URL (no index on an unbounded text)
watch_sources = Table(
    "watch_sources",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("url", Text, nullable=False),
    Column("name", Text),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("content_hash", String(64)),  # SHA-256 of the last body read: unchanged is nothing new
    Column("last_poll", String(32)),  # ISO 8601, UTC
    Column("last_status", String(16)),  # new | unchanged | not_modified | error
    Column("last_error", Text),
    Column("polls", Integer, nullable=False, default=0),
)

# the feed entries (their link, else their id) a watched source has already had stored
watch_seen = Table(
    "watch_seen",
    metadata,
    Column("id", String(64), primary_key=True),  # SHA-256 of source id + entry
    Column("source_id", String(64), nullable=False, index=True),
    Column("entry", Text, nullable=False),
    Column("seen_at", String(32), nullable=False),
)

# per actor and event category: what /api/actors and /api/network's nodes count, kept on
# write (store/aggregates.py) so a request reads a few rows per actor, not every participant
actor_stats = Table(
    "actor_stats",
    metadata,
    Column("actor_id", Text, primary_key=True),
    Column("event_type", String(16), primary_key=True),
    Column("name", Text),  # max() of the participants' names, as the grouping query gives it
    Column("kind", Text),
    Column("country", Text),
    Column("n_events", Integer, nullable=False),
    Column("as_actor", Integer, nullable=False),
    Column("as_recipient", Integer, nullable=False),
)

# /api/network's edges per event category: actor -> recipient (role "recipient") and
# co-actors of events without a recipient (role "actor"), with their number of events
actor_edges = Table(
    "actor_edges",
    metadata,
    Column("source", Text, primary_key=True),
    Column("target", Text, primary_key=True),
    Column("event_type", String(16), primary_key=True),
    Column("role", String(12), primary_key=True),
    Column("n_events", Integer, nullable=False),
)
