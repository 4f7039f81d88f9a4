"""One article's records of one occasion: the meeting and the thanks voiced at it.

An article often reports one happening as several records: "Misri met Muttaqi on
Wednesday" (CONSULT) and "the minister thanked India" (SUPPORT), or the
headline's "Xi receives credentials" beside the lede's "Xi received the envoy".
They are one real-world event, so they belong to one story. Records are one
occasion when their dates agree (or one of them names none), neither is a
historical mention, their status is the same (a plan is another occasion), and
they share at least `occasion_min_shared` participants (persons and state
bodies counting as the state they act for, as stories compare them): two sides
in common, since one shared party on one day (the Taliban met Russia; the Taliban
condemned a strike) is no occasion.

Only acts of cooperation (`occasion_groups`: talks, visits, agreements, aid and
support pledged at them) are taken as parts of one engagement; a hostile act
reported beside another act ("Moscow accused the bloc" after EU sanctions) is most
often a reaction, with a story of its own. Two main events of one category are
left as the event stage left them: it folds those that are one.
"""

from __future__ import annotations

from typing import Any

from diplotrack.models import Event
from diplotrack.stories import config, dates, lifecycle
from diplotrack.stories.profile import participant_ids


def same_occasion(a: Event, b: Event, cfg: dict[str, Any]) -> bool:
    if a.main and b.main and a.event_type == b.event_type:
        return False  # the event stage folds those that are one (events.merge.fold_into_main)
    if lifecycle.is_historical(a) or lifecycle.is_historical(b):
        return False
    groups = set(cfg["occasion_groups"])
    if not all(config.block(config.family(e.event_type)) in groups for e in (a, b)):
        return False
    if lifecycle.event_status(a) != lifecycle.event_status(b):
        return False
    da, db = dates.normalise(a.date), dates.normalise(b.date)
    if da and db and not dates.compatible(da, db, int(cfg["day_tolerance"])):
        return False
    shared = set(participant_ids(a)) & set(participant_ids(b))
    return len(shared) >= int(cfg["occasion_min_shared"])


def anchors(events: list[Event], cfg: dict[str, Any]) -> dict[str, Event]:
    """event id -> the record of the article that stands for its occasion (itself for
    one that stands for its own). The lead and the main events come first: a mention
    of their occasion is theirs; the others stand for themselves."""
    order = sorted(events, key=lambda e: (not e.lead, not e.main))
    out: dict[str, Event] = {}
    standing: list[Event] = []
    for e in order:
        anchor = next((a for a in standing if same_occasion(a, e, cfg)), None)
        if anchor is None:
            out[e.id] = e
            if e.main:
                standing.append(e)
        else:
            out[e.id] = anchor
    return out
