"""How alike an event (or story) and a candidate story are: a weighted sum of
category, participants, date, place, mode and evidence wording, or None when
they cannot be the same real-world event (unrelated categories, disjoint
participants, dates that do not meet)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from diplotrack.stories import config, dates, lifecycle, numbers, text
from diplotrack.stories.profile import Profile


@dataclass
class Match:
    score: float
    one_side_undated: bool  # a side is undated: the date cannot tell events apart
    parts: dict[str, float]
    specific: bool = True  # they share a participant that is not a generic group
    registry: bool = True  # they share a registry actor: a bare id ("taliban", not "org:x")
    bar: float | None = None  # the score to reach, when it is not the usual one


def score(a: Profile, b: Profile, cfg: dict[str, Any] | None = None) -> Match | None:
    """Two PLOVER main reports whose days do not meet are two occasions (the 6th and
    the 7th round, two visits). Two lead reports (or stories led by one) are
    compared by their ledes and texts; PLOVER events by what they carry. Two lead reports whose
    wording differs are still one event when their PLOVER events agree, and either
    both are dated or they share an actor of the registry (a state, an
    organisation, an official): that a company or a boxer did the same thing
    again, undated, says nothing of which time it was."""
    cfg = cfg or config.load()
    if config.GENERAL not in (a.family, b.family) and not dates.spans_meet(
            a.occasion, b.occasion, int(cfg["day_tolerance"])):
        return None  # two PLOVER main reports of days that do not meet: two occasions
    both_lead = bool(a.lede and b.lede)
    if both_lead:
        by_lede = general_score(a, b, cfg)
        if by_lede is not None and by_lede.bar is not None and by_lede.score >= by_lede.bar:
            return by_lede
    if config.GENERAL in (a.family, b.family):
        return None
    m = plover_score(a, b, cfg)
    if m is not None and both_lead and m.one_side_undated and not m.registry:
        return None
    return m


def plover_score(a: Profile, b: Profile, cfg: dict[str, Any]) -> Match | None:
    """Category, participants, date, place, mode and wording; None when the two cannot
    be one event, as when bilateral main events differ in a party."""
    parts: dict[str, float] = {}
    cat = max((config.category_score(x, y) for x in core(a.categories, a.n, cfg)
               for y in core(b.categories, b.n, cfg)), default=0.0)
    if cat <= 0:
        return None
    parts["category"] = cat
    people = participant_score(a, b, cfg)
    if people is None or (a.main and b.main and two_pairs(a, b, cfg)):
        return None
    parts["participants"] = people
    when = date_score(a, b, cfg)
    if when is None:
        return None
    parts["date"] = when
    parts["location"] = location_score(a, b, cfg)
    parts["mode"] = mode_score(a, b, cfg)
    if a.shares_language(b):  # reports in two languages share no wording to weigh
        parts["words"] = text.cosine(a.words, b.words)
    weights = cfg["weights"]
    total = sum(weights[k] * v for k, v in parts.items()) / sum(weights[k] for k in parts)
    shared = core(a.participants, a.n, cfg) & core(b.participants, b.n, cfg)
    specific = any(not config.is_generic(pid) for pid in shared)
    # registry actors have bare ids; others carry their kind ("org:microsoft", "grc:police")
    registry = any(":" not in pid for pid in shared)
    return Match(total, not a.dates or not b.dates, parts, specific, registry)


def general_score(a: Profile, b: Profile, cfg: dict[str, Any]) -> Match | None:
    """Two leads report the same happening when their ledes and the tops of their
    texts share rare wording and names, and they were published within weeks of
    each other. Participants and dates found in a lede are too few and too
    loosely found to decide (a lede's "Thursday" or "in 1967" is often
    background), and without a publication date on both sides the wording must
    agree more. Different figures for one thing ("seventh round", "sixth round")
    count against."""
    g = cfg["general"]
    if _published_apart(a, b, int(g["max_report_gap_days"])):
        return None
    parts = {"words": text.cosine(a.lede, b.lede)}
    total = parts["words"]
    if a.body and b.body:  # the details: who, where, how many
        parts["body"] = text.cosine(a.body, b.body)
        share = float(g["body_share"])
        total = (1 - share) * total + share * parts["body"]
    if numbers.figures_conflict(a.figures, b.figures):
        total -= float(g["figure_conflict_penalty"])
    undated = _dated(a) != _dated(b)
    bar = float(g["undated_threshold"] if undated else g["threshold"])
    return Match(total, undated, parts, bar=bar)


def _dated(p: Profile) -> bool:
    return bool(p.published)


def _published_apart(a: Profile, b: Profile, days: int) -> bool:
    """A lede reports news: ledes published further apart than this are not
    reports of one happening (background mentions are not leads)."""
    return dates.published_apart(a.published, b.published, days)


def core(counts: dict[str, Any], n: int, cfg: dict[str, Any]) -> set[str]:
    """The values enough of a story's reports give (all of them for a single report):
    a story that has absorbed many reports must not match anything any one of them
    mentioned."""
    if n <= 2:
        return set(counts)
    least = max(1.0, float(cfg["core_share"]) * n)
    top = max(counts.values(), default=0)
    return {k for k, v in counts.items() if v >= least or v == top}


PRINCIPAL_KINDS = {"state", "de_facto_government", "igo"}


def principals(p: Profile, cfg: dict[str, Any]) -> set[str]:
    """The states, governments and organisations among a report's core participants."""
    from diplotrack.actors.registry import load_registry

    actors = load_registry().actors
    out = set()
    for pid in core(p.participants, p.n, cfg):
        actor = actors.get(pid.upper()) or actors.get(pid)
        if actor is not None and actor.kind in PRINCIPAL_KINDS:
            out.add(pid)
    return out


def two_pairs(a: Profile, b: Profile, cfg: dict[str, Any]) -> bool:
    """Two bilateral main events with a different party each (India and the Taliban,
    Iran and the Taliban) are two events, however alike the rest."""
    pa, pb = principals(a, cfg), principals(b, cfg)
    return len(pa) <= 2 and len(pb) <= 2 and bool(pa - pb) and bool(pb - pa)


def participant_score(a: Profile, b: Profile, cfg: dict[str, Any]) -> float | None:
    pa, pb = core(a.participants, a.n, cfg), core(b.participants, b.n, cfg)
    if not pa or not pb:
        return 0.3  # one side names nobody: neutral-low
    shared = len(pa & pb)
    if not shared:
        return None
    overlap = shared / min(len(pa), len(pb))
    jaccard = shared / len(pa | pb)
    share = float(cfg["participant_overlap_share"])
    return share * overlap + (1 - share) * jaccard


def date_score(a: Profile, b: Profile, cfg: dict[str, Any]) -> float | None:
    da, db = a.date, b.date
    if not da or not db:
        undated, dated = (a, b) if not da else (b, a)
        if dated.date and reported_before(undated, dated.date, int(cfg["day_tolerance"])):
            return None
        return float(cfg["date_undated"])
    if not dates.compatible(da, db, int(cfg["day_tolerance"])):
        if lifecycle.date_free(a.statuses) or lifecycle.date_free(b.statuses):
            return 0.0
        return None
    precision = dates.coarser(da, db)
    value = float(cfg["date_scores"][precision])
    if da != db and precision == "day":
        value *= 0.8  # within the tolerance, not the same day
    return value


def location_score(a: Profile, b: Profile, cfg: dict[str, Any]) -> float:
    places_a, places_b = core(a.places, a.n, cfg), core(b.places, b.n, cfg)
    countries_a, countries_b = core(a.countries, a.n, cfg), core(b.countries, b.n, cfg)
    if places_a & places_b:
        return float(cfg["location_same_place"])
    if countries_a & countries_b:
        return float(cfg["location_same_country"])
    if (countries_a and countries_b) or (places_a and places_b and not (countries_a or countries_b)):
        return float(cfg["location_conflict"])
    return float(cfg["location_missing"])


def mode_score(a: Profile, b: Profile, cfg: dict[str, Any]) -> float:
    if not a.modes or not b.modes:
        return float(cfg["mode_missing"])
    if core(a.modes, a.n, cfg) & core(b.modes, b.n, cfg):
        return float(cfg["mode_same"])
    return float(cfg["mode_differ"])


def reported_before(undated: Profile, when: str, day_tolerance: int) -> bool:
    """True when an undated report (or story) was published before `when` began,
    so cannot be about it, unless it announced a plan."""
    if not undated.published or undated.statuses.get("planned"):
        return False
    return dates.before(undated.published, when, day_tolerance)
