"""The records that flow through the pipeline.

Plain dataclasses: every stage takes and returns these, the store persists
them, and `to_dict()` gives the export shape of ../CONTRACT.md.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

InputKind = Literal["text", "html", "markdown", "record"]


@dataclass
class RawDocument:
    """What a reader yields: one article's raw content and what the input said about it.

    `fields` holds metadata the input gave explicitly (a .jsonl line's fields, a
    Markdown front matter, a feed entry's title/author/date/link). Those win
    over anything inferred from the text.
    """

    source: str
    content: str
    kind: InputKind
    fields: dict[str, Any] = field(default_factory=dict)


@dataclass
class Article:
    id: str
    source: str
    text: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    outlet: str | None = None
    wire: list[str] = field(default_factory=list)  # news agencies the text credits ("AP", "TASS")
    published: str | None = None
    published_from: str | None = None  # input | metadata | text | inferred
    language: str = "en"
    genre: str | None = None
    url: str | None = None
    dateline: str | None = None
    framing: dict[str, Any] = field(default_factory=dict)
    copy_of: str | None = None  # another outlet's stored article with nearly the same text (a wire copy)
    text_hash: str = ""
    simhash: int = 0

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d.pop("text_hash")
        d.pop("simhash")
        return d


@dataclass
class Participant:
    id: str
    name: str
    kind: str
    text: str
    country: str | None = None
    affiliation: str | None = None
    level: str | None = None  # head_of_state, head_of_government, minister, envoy, ambassador, official

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Evidence:
    sentence: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Location:
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Event:
    id: str
    article_id: str
    event_type: str
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    actor: list[Participant] = field(default_factory=list)
    recipient: list[Participant] = field(default_factory=list)
    date: str | None = None
    date_text: str | None = None
    # where the date came from: None a time expression of the text (date_text); "release"
    # the publication day of a statement that is the act; "published" the publication
    # month of a report that does not date its main event (news is recent)
    date_from: str | None = None
    location: Location | None = None
    auxiliary: str | None = None  # historical | future | hypothetical | negation
    evidence: list[Evidence] = field(default_factory=list)
    confidence: float = 0.5
    story_id: str | None = None
    trigger: str | None = None  # the words that signalled the event (lemma form)
    status: str | None = None  # planned | occurred | postponed | cancelled | denied
    lead: bool = False  # the article's lead event: what it reports first (events.lead)
    main: bool = False  # one of the article's main events: what its headline and lede report
    # the lede's text, for story matching at ingest only (not exported or stored)
    lede: str | None = field(default=None, repr=False, compare=False)
    # the proper names in that lede ("Rahman", "Capaldi"): they tell apart two
    # happenings of one actor, so story matching weighs them more (ingest only)
    lede_names: tuple[str, ...] = field(default=(), repr=False, compare=False)
    # the trigger model's category probabilities of its first mention (ingest only)
    scores: dict[str, float] = field(default_factory=dict, repr=False, compare=False)
    # the trigger features of each mention merged into it (ingest only; the training data)
    mention_features: list[dict[str, float]] = field(default_factory=list, repr=False, compare=False)
    # what the verifier read of the finished record (ingest only; the verifier's training data)
    verifier_features: dict[str, float] = field(default_factory=dict, repr=False, compare=False)

    def participants(self) -> list[Participant]:
        return [*self.actor, *self.recipient]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "article_id": self.article_id,
            "story_id": self.story_id,
            "event_type": self.event_type,
            "mode": self.mode,
            "context": list(self.context),
            "actor": [p.to_dict() for p in self.actor],
            "recipient": [p.to_dict() for p in self.recipient],
            "date": self.date,
            "date_text": self.date_text,
            "date_from": self.date_from,
            "location": self.location.to_dict() if self.location else None,
            "auxiliary": self.auxiliary,
            "evidence": [e.to_dict() for e in self.evidence],
            "confidence": round(self.confidence, 3),
            "trigger": self.trigger,
            "status": self.status,
            "lead": self.lead,
            "main": self.main,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        loc = d.get("location")
        return cls(
            id=d["id"],
            article_id=d["article_id"],
            event_type=d["event_type"],
            mode=d.get("mode"),
            context=list(d.get("context") or []),
            actor=[Participant(**p) for p in d.get("actor") or []],
            recipient=[Participant(**p) for p in d.get("recipient") or []],
            date=d.get("date"),
            date_text=d.get("date_text"),
            date_from=d.get("date_from"),
            location=Location(**loc) if loc else None,
            auxiliary=d.get("auxiliary"),
            evidence=[Evidence(**e) for e in d.get("evidence") or []],
            confidence=float(d.get("confidence", 0.5)),
            story_id=d.get("story_id"),
            trigger=d.get("trigger"),
            status=d.get("status"),
            lead=bool(d.get("lead", False)),
            main=bool(d.get("main", d.get("lead", False))),
        )
