"""Attach each new event to the story it reports, or start a new story.

Called once per article, inside its transaction and before its events are
stored. Candidates come only from blocking-key lookups (keys.py); each is
scored (score.py) and the event joins the best one above the threshold. Two
main events of one article are two real-world events, so an article gives each
story at most one report. An article's other events are mentions: one joins
the story it matches as a mention (the story's profile does not change, and the
article is listed in `mentioned_by`), or founds a story of its own that knows
the event but no reporter. When a main event binds two stories that also match
each other strongly, they merge into the older one (its id is kept); a mention
never merges stories. An article's records of its main event's occasion (the thanks
voiced at the meeting: occasions.py) go to that event's story.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

from diplotrack.models import Article, Event
from diplotrack.stories import config, dates, keys, lifecycle, occasions, repo
from diplotrack.stories.profile import Profile
from diplotrack.stories.repo import StoryRow
from diplotrack.stories.score import score


@dataclass
class Candidate:
    score: float
    event: Event
    story: StoryRow
    margin: float  # how far the score clears its bar: the best candidate clears it most
    undated: bool = False  # one side had no date to compare


def attach(conn: Connection, events: list[Event], article: Article) -> None:
    """Set `story_id` on each event; write the stories and their keys."""
    cfg = config.load()
    known = repo.known_events(conn, [e.id for e in events])
    for ev in events:
        ev.story_id = known.get(ev.id)
    pending = [e for e in events if e.id not in known]
    if not pending:
        return
    profiles = {e.id: Profile.of_event(e, article.published, article.title, article.text, article.language)
                for e in pending}
    cands = _candidates(conn, pending, profiles, article, cfg)
    anchor = occasions.anchors(pending, cfg)
    placed: dict[str, StoryRow] = {}  # occasion (its anchor's id) -> its story
    taken: dict[str, StoryRow] = {}
    # main events first: they are what the article reports; a mention joins a story
    # (as a mention) without changing it, and never merges two; a record of a main
    # event's occasion goes where that event goes
    for c in sorted(cands, key=lambda c: (not c.event.main, _weak(c), -c.margin, c.story.seq)):
        occasion = anchor[c.event.id]
        if c.event.story_id or occasion.id in placed or (occasion is not c.event and not c.event.main):
            continue
        if c.event.main:
            if c.story.id in taken:
                continue
            story = _maybe_merge(conn, c, cands, taken, cfg)
            story.before_change()
            story.profile.absorb(profiles[c.event.id])
            placed[occasion.id] = story
        else:
            story = taken.get(c.story.id, c.story)
            story.before_change()
            story.profile.note_mention(article.id)
        c.event.story_id = story.id
        taken[story.id] = story
    for ev in pending:
        if not ev.story_id and anchor[ev.id].id in placed:
            ev.story_id = placed[anchor[ev.id].id].id
    fresh = [e for e in pending if not e.story_id and anchor[e.id] is e]
    for ev, seq in zip(fresh, repo.next_seqs(conn, len(fresh)), strict=True):
        profile = profiles[ev.id] if ev.main else profiles[ev.id].as_mention()
        row = StoryRow(repo.new_id(ev.id), seq, profile, is_new=True)
        ev.story_id = row.id
        taken[row.id] = row
    for ev in pending:
        ev.story_id = ev.story_id or anchor[ev.id].story_id
    repo.save(conn, list(taken.values()))


def _weak(c: Candidate) -> bool:
    """A main event matched, without a date to compare, to a story known only from
    passing mentions: category and parties say little of which occasion the mentions
    meant, so a story of main reports that also qualifies comes first."""
    return c.event.main and c.undated and not c.story.profile.main


def _candidates(conn: Connection, events: list[Event], profiles: dict[str, Profile],
                article: Article, cfg: dict[str, Any]) -> list[Candidate]:
    """Every (event, story) pair that shares a key and scores above its threshold."""
    found = keys.candidates(conn, [keys.lookup_keys(profiles[e.id], cfg) for e in events],
                            int(cfg["recent_undated_candidates"]), int(cfg["max_candidates"]))
    rows = repo.load(conn, [sid for ids in found for sid in ids])
    out: list[Candidate] = []
    for ev, ids in zip(events, found, strict=True):
        seen: set[str] = set()
        historical = lifecycle.is_historical(ev)
        by_parties: list[Candidate] = []  # joined on category and parties alone (see below)
        for sid in ids:
            story = rows.get(sid)
            if story is None or story.id in seen or article.id in story.profile.articles \
                    or article.id in story.profile.mentions:
                continue
            seen.add(story.id)
            m = score(profiles[ev.id], story.profile, cfg)
            if m is None:
                continue
            bar = m.bar if m.bar is not None else lifecycle.threshold(cfg, historical, m.one_side_undated)
            undated = m.bar is None and m.one_side_undated and not historical
            if undated and not lifecycle.enough_without_date(cfg, m.parts, m.specific):
                cross = not profiles[ev.id].shares_language(story.profile)
                if not (cross and lifecycle.enough_without_date(cfg, m.parts, m.specific, cross)):
                    continue
                if m.score >= bar:
                    by_parties.append(Candidate(m.score, ev, story, m.score - bar))
                continue
            if not ev.main:  # a mention links an article to a story: only on clear evidence
                if m.one_side_undated and not story.profile.main and dates.published_apart(
                        article.published, story.profile.published, int(cfg["mention_gap_days"])):
                    continue  # undated passing remarks in reports months apart: two happenings
                bar += float(cfg["mention_margin"])
            if m.score >= bar:
                out.append(Candidate(m.score, ev, story, m.score - bar, m.one_side_undated))
        # an undated report in another language that only category and parties tie to a
        # story cannot tell two occasions of those parties apart: it joins one story only
        if len(by_parties) == 1:
            out += by_parties
    return out


def _maybe_merge(conn: Connection, best: Candidate, cands: list[Candidate],
                 taken: dict[str, StoryRow], cfg: dict[str, Any]) -> StoryRow:
    """Merge the other stories this event binds strongly into the oldest of them."""
    bar = float(cfg["merge_threshold"])
    story = best.story
    if best.score < bar:
        return story
    for other in cands:
        o = other.story
        if (other.event is not best.event or o.id == story.id or o.id in taken
                or other.score < bar or set(o.profile.articles) & set(story.profile.articles)):
            continue
        m = score(story.profile, o.profile, cfg)
        if m is None or m.score < bar:
            continue
        keep, gone = (story, o) if story.seq <= o.seq else (o, story)
        repo.merge(conn, keep, gone)
        gone.profile = keep.profile
        gone.id, gone.seq = keep.id, keep.seq
        story = keep
    return story
