"""What the matcher knows about an event or a story, in one shape.

A story's profile is the sum of its reports' profiles; it is kept as JSON in
`stories.data` so that scoring a candidate needs one row, not its events.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, fields
from datetime import timedelta
from functools import cached_property
from typing import Any

from diplotrack.models import Event
from diplotrack.stories import config, dates, lifecycle, numbers, text


@dataclass
class Profile:
    n: int = 0
    categories: dict[str, int] = field(default_factory=dict)
    participants: dict[str, int] = field(default_factory=dict)
    dates: dict[str, int] = field(default_factory=dict)
    places: dict[str, int] = field(default_factory=dict)
    countries: dict[str, int] = field(default_factory=dict)
    modes: dict[str, int] = field(default_factory=dict)
    words: dict[str, float] = field(default_factory=dict)
    lede: dict[str, float] = field(default_factory=dict)  # its lead reports' ledes and titles
    body: dict[str, float] = field(default_factory=dict)  # the tops of its lead reports' texts
    figures: dict[str, list[str]] = field(default_factory=dict)  # in those ledes: thing -> values
    articles: list[str] = field(default_factory=list)
    statuses: dict[str, int] = field(default_factory=dict)
    historical: int = 0
    published: str | None = None  # the earliest publication date of its reports
    # main reports only: the days the happening can lie in ([first, last] ISO days): the
    # event's date, else the days before the report's publication (news is recent)
    occasion: list[str] = field(default_factory=list)
    mentions: list[str] = field(default_factory=list)  # articles that only mention it
    main: int = 0  # how many of its reports are main events of their articles
    languages: dict[str, int] = field(default_factory=dict)  # of its reports: wording compares within one
    merged_into: str | None = None

    # ---- derived ----------------------------------------------------------------

    @property
    def category(self) -> str:
        return _majority(self.categories) or "CONSULT"

    @property
    def family(self) -> str:
        return config.family(self.category)

    @cached_property
    def date(self) -> str | None:
        """The best-supported date: most compatible reports, then most precise."""
        return dates.best(self.dates)

    @property
    def status(self) -> str:
        return lifecycle.story_status(self.statuses)

    @property
    def retrospective(self) -> bool:
        """Known only from historical mentions (anniversaries, background)."""
        return self.n > 0 and self.historical >= self.n

    # ---- building ---------------------------------------------------------------

    @classmethod
    def of_event(cls, ev: Event, published: str | None = None, title: str | None = None,
                 body: str | None = None, language: str | None = None) -> Profile:
        """An article's lead event also keeps the wording of its lede and title,
        figures included, and of the top of its text (`body`); a lead event
        outside PLOVER is known by these alone. Stories stored before texts were
        kept have none, and are compared by their ledes."""
        cfg = config.load()
        lede = lede_words(ev, title, int(cfg["story_words"]))
        figures = numbers.figures(f"{ev.lede or ''} {title or ''}") if lede else {}
        words: Counter[str] = Counter()
        for e in ev.evidence:
            words.update(text.weighted_words(e.sentence))
        if config.family(ev.event_type) == config.GENERAL:
            words = Counter(lede)
        elif ev.trigger:
            words.update(text.weighted_words(ev.trigger, weight=2.0))
        loc = ev.location
        date = dates.normalise(ev.date)
        return cls(
            n=1,
            categories={ev.event_type.upper(): 1},
            participants={pid: 1 for pid in participant_ids(ev)[: cfg["max_participants"]]},
            dates={date: 1} if date else {},
            places={text.fold(loc.name): 1} if loc and loc.name else {},
            countries={loc.country.upper(): 1} if loc and loc.country else {},
            modes={ev.mode.lower(): 1} if ev.mode else {},
            words=text.top(dict(words), int(cfg["story_words"])),
            lede=lede,
            body=body_words(f"{title or ''}\n{body}", cfg["general"]) if lede and body else {},
            figures=figures,
            articles=[ev.article_id],
            statuses={lifecycle.event_status(ev): 1},
            historical=1 if lifecycle.is_historical(ev) else 0,
            published=dates.normalise(published),
            occasion=occasion(ev, published, int(cfg["occasion_lag_days"])) if ev.main else [],
            main=1 if ev.main else 0,
            languages={language: 1} if language else {},
        )

    def note_mention(self, article_id: str) -> None:
        if article_id not in self.mentions and article_id not in self.articles:
            self.mentions.append(article_id)

    def as_mention(self) -> Profile:
        """A story founded by a mention: it knows the event, not who reported it."""
        self.mentions, self.articles, self.main, self.occasion = list(self.articles), [], 0, []
        return self

    def absorb(self, other: Profile) -> None:
        """Add another profile's reports to this one (a report joins, or a story merges)."""
        self.__dict__.pop("date", None)
        self.n += other.n
        for mine, theirs in (
            (self.categories, other.categories), (self.participants, other.participants),
            (self.dates, other.dates), (self.places, other.places),
            (self.countries, other.countries), (self.modes, other.modes),
            (self.statuses, other.statuses), (self.languages, other.languages),
        ):
            for k, v in theirs.items():
                mine[k] = mine.get(k, 0) + v
        self.words = _summed(self.words, other.words, int(config.load()["story_words"]))
        if other.lede:
            self.lede = _summed(self.lede, other.lede, int(config.load()["story_words"]))
        if other.body:
            self.body = _summed(self.body, other.body, int(config.load()["general"]["body_words"]))
        for thing, values in other.figures.items():
            self.figures[thing] = sorted(set(self.figures.get(thing, [])) | set(values))
        self.articles += [a for a in other.articles if a not in self.articles]
        self.historical += other.historical
        known = [p for p in (self.published, other.published) if p]
        self.published = min(known) if known else None
        self.main += other.main
        self.occasion = dates.span_union(self.occasion, other.occasion)
        self.mentions += [a for a in other.mentions if a not in self.mentions and a not in self.articles]

    def shares_language(self, other: Profile) -> bool:
        """Whether their wording can be compared (stories stored before languages were
        kept are taken to share one)."""
        return not (self.languages and other.languages) or bool(set(self.languages) & set(other.languages))

    # ---- persistence --------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        out = {f.name: getattr(self, f.name) for f in fields(self)}
        return {k: v for k, v in out.items() if v or k == "n"}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Profile:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)


def occasion(ev: Event, published: str | None, lag_days: int) -> list[str]:
    """[first, last] day a main event can have happened on: its date's days when the
    text gives a day or a month that fits the report (news is recent: not after
    publication, nor long before it); else the `lag_days` before publication; else
    its year; [] when nothing is known."""
    if lifecycle.is_historical(ev) or lifecycle.event_status(ev) != "occurred":
        return []  # a plan, a cancellation, a denial: the day is the plan's
    when = dates.parse(ev.date) if ev.date_from != "published" else None
    day = dates.parse(published)
    window = None
    if day is not None and day[2] == "day":
        window = [(day[0] - timedelta(days=lag_days)).isoformat(), day[0].isoformat()]
    if when is not None and when[2] != "year":
        span = [when[0].isoformat(), when[1].isoformat()]
        if day is None or window is None or dates.spans_meet(
                span, [(day[0] - timedelta(days=RECENT_DAYS)).isoformat(), window[1]], 1):
            return span
    if window is not None:
        return window
    return [when[0].isoformat(), when[1].isoformat()] if when is not None else []


RECENT_DAYS = 31  # a main event dated further back than this is a misread date or background


def lede_words(ev: Event, title: str | None, n: int) -> dict[str, float]:
    """The heaviest words and figures of a lead event's lede and its article's title."""
    if not ev.lead:
        return {}
    words: Counter[str] = Counter()
    for part in (ev.lede or " ".join(e.sentence for e in ev.evidence), title or ""):
        words.update(text.weighted_words(part, numbers=True))
    names = set(text.content_words(" ".join(ev.lede_names)))
    boost = float(config.load()["general"]["name_weight"])
    return text.top({w: v * boost if w in names else v for w, v in words.items()}, n)


def body_words(body: str, cfg: dict[str, Any]) -> dict[str, float]:
    """The heaviest words and figures of the top of an article (`body_chars`): the
    details (names, places, figures) that tell one happening of an actor from
    another. News puts them first; further down, a long text (a briefing, a
    roundup) is about other things."""
    top_part = body[: int(cfg["body_chars"])]
    return text.top(text.weighted_words(top_part, numbers=True), int(cfg["body_words"]))


def _summed(mine: dict[str, float], theirs: dict[str, float], n: int) -> dict[str, float]:
    words = Counter(mine)
    words.update(theirs)
    return text.top(dict(words), n)


# ids kept whole (their prefix is a kind, not a state): "civilians:grc" is not "civilians:usa"
UNKNOWN_PREFIXES = ("person", "org", "norp", "place", "group", "civilians", "unidentified")
ACTS_FOR_COUNTRY = ("government_body", "person")


def participant_ids(ev: Event) -> list[str]:
    """The ids two reports' participants are compared by, actors first, no repeats.

    A state body ("bel:foreign-ministry") counts as its state, and a person or
    body acting for a country also counts as that country: one outlet's
    "Belgium granted visas" is another's "the Belgian Foreign Ministry issued".
    A generic group ("grc:police", "usa:judiciary") stays whole: read as its
    state, any two events in one country would share a participant.
    """
    seen: list[str] = []
    for p in ev.participants():
        whole = (p.id or "").strip().lower()
        ids = [match_id(whole)]
        if config.is_generic(whole):
            ids = [whole]
        elif p.kind in ACTS_FOR_COUNTRY and p.country:
            ids.append(_acting_for(p.country, ev.date))
        for pid in ids:
            if pid and pid not in seen:
                seen.append(pid)
    return seen


def _acting_for(country: str, when: str | None) -> str:
    """The actor that acts for a country at the event's date (else now): an Afghan
    minister after August 2021 acts for the Taliban, as "Afghanistan" does."""
    from diplotrack.actors.registry import load_registry

    acting = load_registry().acting_for(country, when)
    return acting.id.lower() if acting is not None else country.lower()


def match_id(pid: str) -> str:
    """A participant id as compared across reports. A body of a registry actor
    ("taliban:foreign-ministry") is that actor; a person outside the registry
    ("person:adam-boehler") is known by the surname, as reports name people in
    full once and by surname after."""
    pid = pid.strip().lower()
    prefix, colon, rest = pid.partition(":")
    if not colon:
        return pid
    if prefix == "person":
        return "person:" + rest.rsplit("-", 1)[-1]
    return pid if prefix in UNKNOWN_PREFIXES else prefix


def _majority(counts: dict[str, int]) -> str | None:
    if not counts:
        return None
    return max(counts, key=lambda k: counts[k])  # first seen wins ties
