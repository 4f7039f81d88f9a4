"""The `doc._` extensions that diplotrack's spaCy components read and write.

Set before the pipeline runs (by `diplotrack.nlp.pipeline.make_doc`):
    doc._.article_id    str        id of the article the Doc holds
    doc._.published     str|None   ISO date of publication: the anchor for relative dates
    doc._.dateline      str|None   the dateline place ("ISLAMABAD, Pakistan —"), if any
    doc._.headline      Doc|None   the article's headline, parsed (tagger, parser, ner, actors)
    doc._.genre         str|None   the article's genre (news, opinion, ...), from ingest
    doc._.issuer        str|None   the registry actor a statement speaks for ("we"), if any
    doc._.home          str|None   the country its outlet speaks from (not for wire copy)
Written by the components:
    doc._.actors        list[ActorMention]   diplotrack_actors: every mention of an actor
    doc._.events        list[Event]          diplotrack_events: events, merged per article
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from diplotrack.models import Location, Participant


@dataclass
class ActorMention:
    """One mention of an actor in a Doc.

    `participant` is the canonical actor it resolves to, with `text` set to the
    words of this mention. `place` is set when the words also name a place (a
    capital or a country): "Kabul and Islamabad agreed" makes them actors,
    "met in Kabul" makes Kabul the place. `via` says how it was found:
    registry, alias (fuzzy), metonym (capital/seat), ner (not in the registry).
    """

    start: int  # token index
    end: int  # token index, exclusive
    start_char: int
    end_char: int
    participant: Participant
    place: Location | None = None
    via: str = "registry"
    is_capital: bool = False
    extra: dict[str, object] = field(default_factory=dict)


def register() -> None:
    for name, default in (
        ("article_id", None),
        ("published", None),
        ("dateline", None),
        ("headline", None),
        ("genre", None),
        ("issuer", None),
        ("home", None),
        ("actors", None),
        ("events", None),
    ):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


register()
